import { Alert, Button, Card, Flex, List, Spin, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { PersonName } from '../../components/PersonName';
import { useCodeLabels } from '../../lib/codeLabels';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { useNav, type Opened } from '../../stores/nav';
import { OpenCaseModal } from '../cases/OpenCaseModal';
import { OpenAlerts } from '../assessments/OpenAlerts';
import { BackupHomeCard } from '../backup/BackupHomeCard';
import { TodayAppointments } from '../schedule/TodayAppointments';
import { activateProps } from '../../lib/activate';
import { RedOverdueBanner } from '../crisis/RedOverdueBanner';
import { GettingStarted } from './GettingStarted';
import { PageTitle } from '../../components/PageTitle';

const mine = () => api.caseload.mine({});

/** One bucket: a titled card whose rows open what they name. */
function Bucket<T>({ title, items, render }: { title: string; items: readonly T[]; render(item: T): { key: string; target: Opened; content: ReactNode } }) {
  const { t } = useTranslation();
  const open = useNav((s) => s.open);
  return (
    <Card size="small" title={title} style={{ flex: '1 1 420px' }}>
      <List
        size="small"
        dataSource={items.map(render)}
        locale={{ emptyText: t('counseling.caseload.nothing') }}
        renderItem={(row) => (
          <List.Item key={row.key} {...activateProps(() => open(row.target))}>
            {row.content}
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 我的个案: the backup card, today's appointments, open cases, students not seen lately, this week's follow-ups, unsigned records; 新建个案 for staff or parents. */
export function CaseloadPage() {
  const { t } = useTranslation();
  const codes = useCodeLabels();
  const open = useNav((s) => s.open);
  const [opening, setOpening] = useState(false);
  const call = useCall(mine, {});
  const d = call.data;
  if (call.error !== undefined) return <Alert type="error" showIcon title={errorMessage(call.error)} />;
  if (!d) return <Spin />;
  const line = (...parts: ReactNode[]) => (
    <Flex gap="small" wrap align="center" style={{ width: '100%' }}>
      {parts}
    </Flex>
  );
  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" gap="small">
        <PageTitle>
          {t('counseling.caseload.title')}
        </PageTitle>
        <Button onClick={() => setOpening(true)}>{t('counseling.cases.openOther')}</Button>
      </Flex>
      <RedOverdueBanner />
      <GettingStarted />
      <Flex gap="middle" wrap align="start">
        <OpenAlerts />
        <BackupHomeCard />
        <TodayAppointments />
        <Bucket
          title={t('counseling.caseload.unsigned', { count: d.unsigned.length })}
          items={d.unsigned}
          render={(r) => ({
            key: r.id,
            target: { kind: 'record', id: r.id },
            content: line(
              <PersonName key="n" name={r.clientLabel} />,
              <span key="d">{r.sessionDate}</span>,
              <Tag key="a" color={r.overdue ? 'red' : undefined}>
                {r.overdue ? t('counseling.caseload.overdue') : t('counseling.caseload.age', { hours: r.ageHours })}
              </Tag>,
            ),
          })}
        />
        <Bucket
          title={t('counseling.caseload.followUps', { start: d.weekStart, end: d.weekEnd, count: d.followUps.length })}
          items={d.followUps}
          render={(f) => ({
            key: f.recordId,
            target: { kind: 'record', id: f.recordId },
            content: line(<PersonName key="n" name={f.clientLabel} />, <span key="d">{f.nextAppointmentDate}</span>),
          })}
        />
        <Bucket
          title={t('counseling.caseload.notSeen', { days: d.notSeenDays, count: d.notSeen.length })}
          items={d.notSeen}
          render={(n) => ({
            key: n.caseId,
            target: { kind: 'case', id: n.caseId },
            content: line(
              <PersonName key="n" name={n.clientLabel} />,
              <span key="l">{n.lastSeen ?? t('counseling.caseload.never')}</span>,
              <Tag key="d">{t('counseling.caseload.days', { days: n.days })}</Tag>,
            ),
          })}
        />
        <Bucket
          title={t('counseling.caseload.openCases', { count: d.openCases.length })}
          items={d.openCases}
          render={(c) => ({
            key: c.caseId,
            target: { kind: 'case', id: c.caseId },
            content: line(
              <PersonName key="n" name={c.clientLabel} />,
              <span key="c">{c.categories.map((k) => codes.label('category', k)).join(t('common.listSeparator'))}</span>,
              <Typography.Text key="l" type="secondary">
                {t('common.labelled', { label: t('counseling.caseload.lastSession'), value: c.lastSessionDate ?? t('counseling.caseload.never') })}
              </Typography.Text>,
            ),
          })}
        />
      </Flex>
      <OpenCaseModal
        client={opening ? { kind: 'other' } : null}
        onClose={() => setOpening(false)}
        onOpened={(c) => {
          setOpening(false);
          open({ kind: 'case', id: c.id });
        }}
      />
    </Flex>
  );
}
