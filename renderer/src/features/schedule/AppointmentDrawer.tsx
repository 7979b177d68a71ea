import { Alert, App, Button, Descriptions, Flex, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_FLOW, type AppointmentView } from '../../../../shared/api/appointments';
import { api } from '../../api/client';
import { useClientSources } from '../../lib/clientSources';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { useNav } from '../../stores/nav';
import { OpenCaseModal, type CaseClient } from '../cases/OpenCaseModal';
import { BookingModal } from './BookingModal';
import { CancelAppointmentModal } from './CancelAppointmentModal';
import { ClientName } from './ClientFields';
import { useScheduleLabels } from './labels';
import { STATUS_COLORS } from './statusColors';
import { AppDrawer } from '../../components/AppDrawer';

const getAppointment = ({ id }: { id: string; round: number }) => api.appointments.get({ id });

/** A case can be opened for a student, a staff member or a parent; a group has no case of its own. */
function caseClient(a: AppointmentView): CaseClient | null {
  if (a.clientKind === 'student' && a.studentId) return { kind: 'student', id: a.studentId, name: a.clientLabel };
  if (a.clientKind === 'staff' || a.clientKind === 'parent') return { kind: 'other', clientKind: a.clientKind, label: a.clientLabel };
  return null;
}

/**
 * One appointment: its details, the status steps STATUS_FLOW allows from here, 修改 and 取消 while
 * it is not final, and 开个案 linked to it.
 */
export function AppointmentDrawer({ appointmentId, onClose, onChanged }: { appointmentId: string | null; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useScheduleLabels();
  const sources = useClientSources();
  const open = useNav((s) => s.open);
  const [round, setRound] = useState(0);
  const [acting, setActing] = useState<'edit' | 'cancel' | 'case' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const call = useCall(getAppointment, appointmentId ? { id: appointmentId, round } : null);
  // Never show the previous appointment while the next one loads.
  const a = call.loading ? null : (call.data ?? null);

  const changed = () => {
    setActing(null);
    setRound((r) => r + 1);
    onChanged();
  };

  const setStatus = async (status: 'confirmed' | 'completed' | 'noShow') => {
    if (!a) return;
    setBusy(status);
    try {
      await api.appointments.setStatus({ id: a.id, status });
      void message.success(t('schedule.drawer.statusSet', { status: labels.label('status', status) }));
      changed();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const next = a ? STATUS_FLOW[a.status] : [];
  const steps = next.filter((s) => s === 'confirmed' || s === 'completed' || s === 'noShow');
  const client = a ? caseClient(a) : null;
  const none = t('common.none');
  return (
    <AppDrawer open={appointmentId !== null} onClose={onClose} size={560} title={t('schedule.drawer.title')}>
      {call.error !== undefined && <Alert type="error" showIcon title={errorMessage(call.error)} />}
      {!a && call.error === undefined && <Spin />}
      {a && (
        <Flex vertical gap="large">
          <Flex gap="small" wrap>
            {steps.map((status) => (
              <Button key={status} type={status === 'noShow' ? 'default' : 'primary'} loading={busy === status} onClick={() => void setStatus(status)}>
                {t(`schedule.drawer.to.${status}`)}
              </Button>
            ))}
            {next.length > 0 && <Button onClick={() => setActing('edit')}>{t('schedule.drawer.edit')}</Button>}
            {client && a.status !== 'cancelled' && <Button onClick={() => setActing('case')}>{t('counseling.cases.open')}</Button>}
            {next.includes('cancelled') && (
              <Button danger onClick={() => setActing('cancel')}>
                {t('schedule.cancel.title')}
              </Button>
            )}
          </Flex>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              {
                key: 'client',
                label: t('schedule.booking.client'),
                children: <ClientName client={a} />,
              },
              { key: 'when', label: t('schedule.booking.date'), children: t('schedule.drawer.when', { date: a.date, start: a.start, end: a.end }) },
              { key: 'room', label: t('schedule.booking.room'), children: a.roomName ?? t('schedule.booking.noRoom') },
              { key: 'counselor', label: t('schedule.booking.counselor'), children: a.counselorName },
              { key: 'kind', label: t('schedule.booking.kind'), children: labels.label('kind', a.kind) },
              { key: 'source', label: t('schedule.booking.source'), children: sources.label(a.source) },
              {
                key: 'status',
                label: t('schedule.booking.status'),
                children: (
                  <Flex gap="small" wrap>
                    <Tag color={STATUS_COLORS[a.status]}>{labels.label('status', a.status)}</Tag>
                    {a.seriesId && <Tag>{t('schedule.drawer.series')}</Tag>}
                    {a.outsideOpening && <Tag color="orange">{t('schedule.drawer.outsideOpening')}</Tag>}
                  </Flex>
                ),
              },
              ...(a.cancelReason ? [{ key: 'cancelReason', label: t('schedule.cancel.reason'), children: a.cancelReason }] : []),
              { key: 'notes', label: t('schedule.booking.notes'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.notes || none}</span> },
            ]}
          />
        </Flex>
      )}
      <BookingModal target={a && acting === 'edit' ? { kind: 'edit', appointment: a } : null} onClose={() => setActing(null)} onSaved={changed} />
      <CancelAppointmentModal target={acting === 'cancel' ? a : null} onClose={() => setActing(null)} onCancelled={changed} />
      <OpenCaseModal
        client={acting === 'case' ? client : null}
        appointment={a ?? undefined}
        onClose={() => setActing(null)}
        onOpened={(c) => {
          setActing(null);
          onClose();
          open({ kind: 'case', id: c.id });
        }}
      />
    </AppDrawer>
  );
}
