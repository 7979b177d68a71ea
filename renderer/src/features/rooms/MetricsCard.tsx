import { Alert, Card, DatePicker, Flex, Select, Space, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api/contract';
import type { TermView } from '../../../../shared/api/school-calendar';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useSchoolToday } from '../../lib/time';
import { useCall } from '../../lib/useCall';
import { useScheduleLabels } from '../schedule/labels';

type Metrics = OutputOf<'schedule.metrics'>;

const getMetrics = (input: { termId: string; weekOf: string; round: number }) => api.schedule.metrics({ termId: input.termId, weekOf: input.weekOf });

/** The term holding today, else the latest that has begun, else the first. */
function currentTerm(terms: readonly TermView[], today: string): TermView | undefined {
  return terms.find((t) => t.startDate <= today && today <= t.endDate) ?? [...terms].reverse().find((t) => t.startDate <= today) ?? terms[0];
}

/** The first few are enough to see the pattern (a slot without anyone); the count says the rest. */
const SHOWN_WITHOUT_DUTY = 5;

const hours = (h: number) => (Math.round(h * 10) / 10).toString();

/**
 * 开放情况: what the compliance checklist reads — weekly open hours per room and in all, school
 * days with an opening, the share of open time outside class, and openings nobody is on duty for.
 */
export function MetricsCard({ terms, round }: { terms: readonly TermView[]; round: number }) {
  const { t } = useTranslation();
  const labels = useScheduleLabels();
  const today = useSchoolToday();
  const [termId, setTermId] = useState<string | undefined>();
  const [week, setWeek] = useState(today);
  const term = terms.find((x) => x.id === termId) ?? currentTerm(terms, today);
  const call = useCall(getMetrics, term ? { termId: term.id, weekOf: week, round } : null);
  const m: Metrics | undefined = call.data;
  // A figure whose data is missing says what is missing, never a number that reads as a result.
  const figure = (key: keyof Metrics['missing'], title: string, value: string | number, suffix?: string, style?: CSSProperties) => {
    const gap = m?.missing[key] ?? null;
    return gap === null ? (
      <Statistic title={title} value={value} suffix={suffix} valueStyle={style} />
    ) : (
      <Statistic title={title} value={t(`schedule.metrics.missing.${gap}`)} valueStyle={{ color: 'rgba(0, 0, 0, 0.62)', fontSize: 16 }} />
    );
  };

  return (
    <Card
      size="small"
      title={t('schedule.metrics.title')}
      extra={
        term && (
          <Space wrap>
            <Select aria-label={t('schedule.metrics.term')} style={{ width: 180 }} value={term.id} onChange={setTermId} options={terms.map((x) => ({ value: x.id, label: x.name }))} />
            <DatePicker picker="week" aria-label={t('schedule.metrics.week')} allowClear={false} value={dayjs(week)} onChange={(d) => d && setWeek(d.format('YYYY-MM-DD'))} />
          </Space>
        )
      }
    >
      {!term && <Typography.Text type="secondary">{t('schedule.metrics.noTerm')}</Typography.Text>}
      {call.error !== undefined && <Alert type="error" showIcon title={errorMessage(call.error)} />}
      {term && m && (
        <Flex vertical gap="middle">
          <Flex gap={48} wrap>
            {figure('weeklyOpenHours', t('schedule.metrics.weeklyHours', { start: m.weekStart, end: m.weekEnd }), hours(m.totalWeeklyOpenHours), t('schedule.metrics.hours'))}
            {figure('daysWithOpening', t('schedule.metrics.daysWithOpening', { term: term.name }), m.daysWithOpening, `/ ${m.schoolDays}`)}
            {figure('outsideClassShare', t('schedule.metrics.outsideClass'), m.outsideClassShare === null ? t('common.none') : `${Math.round(m.outsideClassShare * 100)}%`)}
            {figure('withoutDuty', t('schedule.metrics.withoutDuty'), m.withoutDuty.length, undefined, m.withoutDuty.length > 0 ? { color: '#b23a48' } : undefined)}
          </Flex>
          <Table<Metrics['weeklyOpenHours'][number]>
            rowKey="roomId"
            size="small"
            pagination={false}
            dataSource={m.weeklyOpenHours}
            locale={{ emptyText: t('schedule.metrics.noOpenings') }}
            columns={[
              { key: 'room', title: t('schedule.rooms.name'), dataIndex: 'roomName' },
              { key: 'zone', title: t('schedule.rooms.zoneType'), render: (_v, r) => labels.label('zoneType', r.zoneType) },
              { key: 'hours', title: t('schedule.metrics.roomHours'), align: 'right', render: (_v, r) => `${hours(r.hours)} ${t('schedule.metrics.hours')}` },
            ]}
          />
          {m.withoutDuty.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('schedule.metrics.withoutDutyList', { count: m.withoutDuty.length })}
              description={m.withoutDuty
                .slice(0, SHOWN_WITHOUT_DUTY)
                .map((o) => `${o.date} ${o.start}–${o.end} ${o.roomName}`)
                .concat(m.withoutDuty.length > SHOWN_WITHOUT_DUTY ? [t('schedule.metrics.andMore', { count: m.withoutDuty.length - SHOWN_WITHOUT_DUTY })] : [])
                .join(t('common.clauseSeparator'))}
            />
          )}
        </Flex>
      )}
    </Card>
  );
}
