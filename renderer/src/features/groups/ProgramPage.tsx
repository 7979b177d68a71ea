import { Alert, Button, Descriptions, Flex, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupsApi } from '../../../../shared/api/groups';
import { api } from '../../api/client';
import { RemoveWithReasonModal } from '../../components/RemoveWithReasonModal';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { useNav } from '../../stores/nav';
import { useGroupLabels } from './labels';
import { MembersSection } from './MembersSection';
import { ProgramFormModal } from './ProgramFormModal';
import { SessionsSection } from './SessionsSection';
import { STATUS_COLORS } from './statusColors';
import { PageTitle } from '../../components/PageTitle';

const getProgram = ({ id }: { id: string }) => api.groups.get({ id });

/** One program (opening it is audited): its fields, its members (named programs) and its sessions. */
export function ProgramPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const labels = useGroupLabels();
  // Opened over the 团体活动 list (AppShell); back returns to it, as the menu does.
  const onBack = useNav((s) => s.back);
  const [acting, setActing] = useState<'edit' | 'remove' | null>(null);
  const call = useCall(getProgram, { id });
  const p = call.data;

  if (call.error !== undefined) return <Alert type="error" showIcon title={errorMessage(call.error)} />;
  if (!p) return <Spin />;
  return (
    <Flex vertical gap="large">
      <Flex justify="space-between" align="center" gap="small" wrap>
        <Flex align="center" gap="small">
          <Button onClick={onBack}>{t('groups.detail.back')}</Button>
          <PageTitle>
            {t('groups.detail.title', { theme: p.theme })}
          </PageTitle>
        </Flex>
        <Flex gap="small">
          <Button onClick={() => setActing('edit')}>{t('groups.detail.edit')}</Button>
          <Button danger onClick={() => setActing('remove')}>
            {t('groups.detail.remove')}
          </Button>
        </Flex>
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={3}
        items={[
          {
            key: 'kind',
            label: t('groups.fields.kind'),
            children: (
              <Flex gap="small" align="center">
                {labels.kind(p.kind)}
                {!p.named && <Tag>{t('groups.list.unnamed')}</Tag>}
              </Flex>
            ),
          },
          { key: 'target', label: t('groups.fields.target'), children: labels.target(p) },
          { key: 'status', label: t('groups.fields.status'), children: <Tag color={STATUS_COLORS[p.status]}>{labels.group('status', p.status)}</Tag> },
          { key: 'dates', label: t('groups.fields.dates'), children: `${p.startDate} – ${p.endDate}` },
          { key: 'sessions', label: t('groups.fields.sessions'), children: t('groups.fields.sessionsOf', { done: p.sessionCount, planned: p.plannedSessions }) },
          { key: 'leaders', label: t('groups.fields.leaders'), children: p.leaders.map((l) => l.name).join(t('common.listSeparator')) },
          {
            key: 'goals',
            label: t('groups.fields.goals'),
            span: 3,
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{p.goals || t('common.none')}</span>,
          },
        ]}
      />
      {p.named && <MembersSection program={p} onChanged={call.reload} />}
      <SessionsSection program={p} onChanged={call.reload} />
      {acting === 'edit' && (
        <ProgramFormModal
          target={p}
          onClose={() => setActing(null)}
          onSaved={() => {
            setActing(null);
            call.reload();
          }}
        />
      )}
      <RemoveWithReasonModal
        open={acting === 'remove'}
        title={t('groups.detail.removeTitle', { theme: p.theme })}
        explain={t('groups.detail.removeExplain')}
        reasonLabel={t('groups.detail.removeReason')}
        reasonField={groupsApi['groups.remove'].input.shape.reason}
        successMessage={t('groups.detail.removed')}
        remove={(reason) => api.groups.remove({ id: p.id, reason })}
        onClose={() => setActing(null)}
        onRemoved={onBack}
      />
    </Flex>
  );
}
