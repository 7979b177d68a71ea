import { Button, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupsApi, type GroupSessionView } from '../../../../shared/api/groups';
import { api } from '../../api/client';
import { RemoveWithReasonModal } from '../../components/RemoveWithReasonModal';
import { useLabels } from '../../lib/labels';
import { useSchoolToday } from '../../lib/time';
import { Section } from '../rooms/Section';
import { AttendanceSheet, membersOn } from './AttendanceSheet';
import type { GroupDetail } from './MembersSection';
import { SessionFormModal } from './SessionFormModal';

type Acting = { kind: 'edit' | 'remove' | 'sheet'; session: GroupSessionView } | { kind: 'new' };

/** The program's sessions, numbered by date: 点名 (named programs), 编辑 and 删除 each. */
export function SessionsSection({ program, onChanged }: { program: GroupDetail; onChanged(): void }) {
  const { t } = useTranslation();
  const { grade } = useLabels();
  const today = useSchoolToday();
  const [acting, setActing] = useState<Acting | null>(null);
  const done = () => {
    setActing(null);
    onChanged();
  };
  const session = acting && acting.kind !== 'new' ? acting.session : null;

  const taken = (s: GroupSessionView) => {
    if (!program.named) return [t('groups.sessions.persons', { count: s.headcount ?? 0 }), ...s.audienceGrades.map(grade)].join(' · ');
    const present = s.attendance.filter((a) => a.status === 'present').length;
    return t('groups.sessions.attended', { present, total: membersOn(program.members, s).length });
  };

  return (
    <Section
      title={t('groups.sessions.title', { count: program.sessions.length })}
      add={
        <Button type="primary" onClick={() => setActing({ kind: 'new' })}>
          {t('groups.sessions.add')}
        </Button>
      }
    >
      <Table<GroupSessionView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={program.sessions}
        locale={{ emptyText: t('groups.sessions.none') }}
        columns={[
          { key: 'number', title: '#', width: 90, render: (_v, s) => t('groups.sessions.number', { number: s.number }) },
          { key: 'date', title: t('groups.sessions.date'), dataIndex: 'date', width: 110 },
          { key: 'time', title: t('groups.sessions.time'), width: 110, render: (_v, s) => `${s.start}–${s.end}` },
          { key: 'room', title: t('groups.sessions.room'), render: (_v, s) => s.roomName ?? '—' },
          { key: 'taken', title: program.named ? t('groups.sessions.attendance') : t('groups.sessions.headcount'), render: (_v, s) => taken(s) },
          { key: 'content', title: t('groups.sessions.content'), ellipsis: true, render: (_v, s) => <Typography.Text type="secondary">{s.content}</Typography.Text> },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 190,
            render: (_v, s) => (
              <Flex gap={0}>
                {program.named && (
                  <Button
                    size="small"
                    type="link"
                    disabled={s.date > today}
                    title={s.date > today ? t('errors.group.attendanceNotYet', { date: s.date }) : undefined}
                    onClick={() => setActing({ kind: 'sheet', session: s })}
                  >
                    {t('groups.sessions.sheet')}
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => setActing({ kind: 'edit', session: s })}>
                  {t('common.edit')}
                </Button>
                <Button size="small" type="link" danger onClick={() => setActing({ kind: 'remove', session: s })}>
                  {t('common.remove')}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      {(acting?.kind === 'new' || acting?.kind === 'edit') && (
        <SessionFormModal program={program} target={acting.kind === 'new' ? 'new' : acting.session} onClose={() => setActing(null)} onSaved={done} />
      )}
      {acting?.kind === 'sheet' && <AttendanceSheet key={acting.session.id} program={program} session={acting.session} onClose={done} />}
      <RemoveWithReasonModal
        open={acting?.kind === 'remove'}
        title={session ? t('groups.sessions.removeTitle', { number: session.number, date: session.date }) : ''}
        explain={t('groups.sessions.removeExplain')}
        reasonLabel={t('groups.sessions.removeReason')}
        reasonField={groupsApi['groups.removeSession'].input.shape.reason}
        successMessage={t('groups.sessions.removed')}
        remove={(reason) => api.groups.removeSession({ sessionId: session!.id, reason })}
        onClose={() => setActing(null)}
        onRemoved={done}
      />
    </Section>
  );
}
