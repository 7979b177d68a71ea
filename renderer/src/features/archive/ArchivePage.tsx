import { Alert, Flex, Select, Spin, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from '../../../../shared/api/archive';
import { api } from '../../api/client';
import { PagedTable } from '../../components/PagedTable';
import { useShownName } from '../../components/PersonName';
import { useCodeLabels } from '../../lib/codeLabels';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { useNav } from '../../stores/nav';
import { BackButton } from '../shell/BackButton';
import { ContactConsentButtons } from './ContactConsentButtons';
import { ExportArchiveButton } from './ExportArchiveButton';
import { entryTarget, entryTime, isAlertEntry } from './timelineTags';
import { useEntryLabels } from './useEntryLabels';
import { AlertDetailModal } from '../assessments/AlertDetailModal';
import { useSchoolZone } from '../../lib/time';
import { activateProps } from '../../lib/activate';
import { PageTitle } from '../../components/PageTitle';
import { DateRangeFilter } from '../../components/DateRangeFilter';

/** ECharts is large and only this tab needs it: its own chunk, loaded when the tab is first opened. */
const StudentAssessments = lazy(() => import('../assessments/StudentAssessments').then((m) => ({ default: m.StudentAssessments })));

const PAGE_SIZE = 20;

interface Query {
  studentId: string;
  kinds?: TimelineKind[];
  from?: string;
  to?: string;
  page: number;
  reload: number;
}
const timeline = ({ reload: _reload, ...input }: Query) => api.archive.timeline({ ...input, pageSize: PAGE_SIZE });

/** 一生一档: everything about one student, newest first, filtered by kind and date (opening it is audited). */
export function ArchivePage({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const codes = useCodeLabels();
  const shown = useShownName();
  const entryLabels = useEntryLabels();
  const zone = useSchoolZone();
  const open = useNav((s) => s.open);
  const [query, setQuery] = useState<Query>({ studentId, page: 1, reload: 0 });
  const [alertId, setAlertId] = useState<string | null>(null);
  const call = useCall(timeline, query);
  const student = call.data?.student;
  const change = (patch: Partial<Query>) => setQuery((q) => ({ ...q, page: 1, ...patch }));
  const added = () => setQuery((q) => ({ ...q, reload: q.reload + 1 }));

  const title = (e: TimelineEntry) => {
    const { kind, labels } = entryLabels(e);
    return (
      <Flex gap={4} wrap align="center">
        <Typography.Text strong type={e.tags.includes('severity:critical') ? 'danger' : undefined}>
          {kind}
        </Typography.Text>
        {labels.map((text, i) => (
          <Tag key={i}>{text}</Tag>
        ))}
        {e.signed === false && <Tag color="orange">{t('counseling.archive.unsigned')}</Tag>}
      </Flex>
    );
  };

  const columns: TableColumnsType<TimelineEntry> = [
    // The time where it is the moment of the event that day (written, informed, raised, handled).
    {
      key: 'date',
      title: t('counseling.archive.date'),
      width: 140,
      render: (_v, e) => [e.date, entryTime(e, zone)].filter(Boolean).join(' '),
    },
    { key: 'kind', title: t('counseling.archive.kind'), width: 360, render: (_v, e) => title(e) },
    { key: 'excerpt', title: t('counseling.archive.details'), dataIndex: 'excerpt' },
    { key: 'actor', title: t('counseling.archive.actor'), dataIndex: 'actorName', width: 110 },
  ];

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" gap="small" wrap>
        <Flex align="center" gap="small">
          <BackButton />
          <PageTitle>
            {t('counseling.archive.title', { name: student ? shown(student.name) : '' })}
          </PageTitle>
        </Flex>
        <Flex gap="small">
          {student && <ContactConsentButtons student={student} onAdded={added} />}
          {student && <ExportArchiveButton student={student} />}
        </Flex>
      </Flex>
      <Tabs
        items={[
          {
            key: 'timeline',
            label: t('trend.timelineTab'),
            children: (
              <Flex vertical gap="middle">
                <Flex gap="small" wrap>
                  <Select
                    mode="multiple"
                    allowClear
                    aria-label={t('counseling.archive.kinds')}
                    placeholder={t('counseling.archive.kinds')}
                    options={codes.options('timeline', TIMELINE_KINDS)}
                    value={query.kinds ?? []}
                    onChange={(kinds: TimelineKind[]) => change({ kinds: kinds.length > 0 ? kinds : undefined })}
                    style={{ minWidth: 260 }}
                  />
                  <DateRangeFilter
                    aria-label={t('counseling.archive.dates')}
                    value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
                    onChange={(range) => change({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
                  />
                </Flex>
                {call.error !== undefined && <Alert type="error" showIcon title={errorMessage(call.error)} />}
                <PagedTable<TimelineEntry>
                  rowKey={(e) => `${e.kind}:${e.id}`}
                  size="middle"
                  columns={columns}
                  items={call.data?.items ?? []}
                  total={call.data?.total ?? 0}
                  page={query.page}
                  pageSize={PAGE_SIZE}
                  loading={call.loading}
                  locale={{ emptyText: t('counseling.archive.empty') }}
                  onRow={(e) => {
                    if (isAlertEntry(e)) return activateProps(() => setAlertId(e.id));
                    const target = entryTarget(e);
                    return target ? activateProps(() => open(target)) : {};
                  }}
                  onPageChange={(page) => setQuery((q) => ({ ...q, page }))}
                />
              </Flex>
            ),
          },
          // Results over time have their own view: a chart does not fit a row of the timeline.
          {
            key: 'assessments',
            label: t('trend.tab'),
            children: (
              <Suspense fallback={<Spin />}>
                <StudentAssessments studentId={studentId} />
              </Suspense>
            ),
          },
        ]}
      />
      <AlertDetailModal alertId={alertId} onClose={() => setAlertId(null)} onChanged={() => setQuery((q) => ({ ...q, reload: q.reload + 1 }))} />
    </Flex>
  );
}
