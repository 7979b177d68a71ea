import { Alert, Card, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentView } from '../../../../shared/api/appointments';
import { api } from '../../api/client';
import { PersonName } from '../../components/PersonName';
import { activateProps } from '../../lib/activate';
import { errorMessage } from '../../lib/errors';
import { useSchoolToday } from '../../lib/time';
import { useCall } from '../../lib/useCall';
import { useSession } from '../../stores/session';
import { AppointmentDrawer } from './AppointmentDrawer';
import { useScheduleLabels } from './labels';
import { STATUS_COLORS } from './statusColors';

const myDay = ({ date, counselorId }: { date: string; counselorId: string }) => api.appointments.list({ from: date, to: date, counselorId });

/** 今日预约 on 我的个案: my appointments today, each opening its drawer (confirm, complete, 开个案). */
export function TodayAppointments() {
  const { t } = useTranslation();
  const labels = useScheduleLabels();
  const today = useSchoolToday();
  const me = useSession((s) => s.status?.user?.id ?? '');
  const call = useCall(myDay, { date: today, counselorId: me });
  const [opened, setOpened] = useState<string | null>(null);
  const items = call.data?.items ?? [];
  return (
    <Card size="small" title={t('schedule.today.title', { count: items.length })} style={{ flex: '1 1 420px' }} loading={call.loading && !call.data}>
      {call.error !== undefined ? (
        <Alert type="error" showIcon title={errorMessage(call.error)} />
      ) : (
        <List<AppointmentView>
          size="small"
          dataSource={items}
          locale={{ emptyText: t('schedule.today.none') }}
          renderItem={(a) => (
            <List.Item key={a.id} {...activateProps(() => setOpened(a.id))}>
              <Flex gap="small" wrap align="center" style={{ width: '100%' }}>
                <Typography.Text strong>
                  {a.start}–{a.end}
                </Typography.Text>
                <PersonName name={a.clientLabel} />
                <Typography.Text type="secondary">{a.roomName ?? t('schedule.booking.noRoom')}</Typography.Text>
                <Tag color={STATUS_COLORS[a.status]}>{labels.label('status', a.status)}</Tag>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <AppointmentDrawer appointmentId={opened} onClose={() => setOpened(null)} onChanged={call.reload} />
    </Card>
  );
}
