import { Alert, Flex, Spin, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useLabels } from '../../lib/labels';
import { useCall } from '../../lib/useCall';
import { useScaleTitle } from '../assessments/scaleLabels';
import { PageTitle } from '../../components/PageTitle';

type Summary = OutputOf<'campaigns.summary'>;
type GradeRow = Summary['grades'][number];
type ScaleSummary = Summary['scales'][number];

const summaryOf = ({ id }: { id: string }) => api.campaigns.summary({ id });

/** A count as a principal may see it: a withheld cell (null) reads "<5", with why on hover. */
function Count({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value !== null) return <>{value}</>;
  return (
    <Tooltip title={t('campaigns.summary.withheldHint')}>
      <Typography.Text type="secondary" style={{ cursor: 'help' }}>
        {t('campaigns.summary.withheld')}
      </Typography.Text>
    </Tooltip>
  );
}

const GRADE_COUNTS = ['participants', 'done', 'declined', 'absent', 'pending'] as const;

/** 汇总: counts by grade and by band, never a name; the same view for a counselor and a principal. */
export function CampaignSummary({ id, withTitle = false }: { id: string; withTitle?: boolean }) {
  const { t } = useTranslation();
  const { grade } = useLabels();
  const scaleTitle = useScaleTitle();
  const call = useCall(summaryOf, { id });
  const summary = call.data;

  if (call.error !== undefined) return <Alert type="error" showIcon title={errorMessage(call.error)} />;
  if (!summary) return <Spin />;
  const countHeader = (key: (typeof GRADE_COUNTS)[number]) => (key === 'participants' ? t('campaigns.summary.participants') : t(`campaigns.outcome.${key}`));
  const gradeColumns: TableColumnsType<GradeRow> = [
    { key: 'grade', title: t('campaigns.summary.grade'), render: (_v, g) => grade(g.grade) },
    ...GRADE_COUNTS.map((key) => ({ key, title: countHeader(key), align: 'right' as const, render: (_v: unknown, g: GradeRow) => <Count value={g[key]} /> })),
  ];

  return (
    <Flex vertical gap="middle">
      {withTitle && (
        <Flex vertical gap={4}>
          <PageTitle>
            {t('campaigns.detail.title', { name: summary.campaign.name })}
          </PageTitle>
          <Typography.Text type="secondary">
            {summary.campaign.startDate} – {summary.campaign.endDate} · {t(`campaigns.status.${summary.campaign.status}`)}
          </Typography.Text>
        </Flex>
      )}
      <Typography.Text type="secondary">{t('campaigns.summary.countsOnly')}</Typography.Text>
      <Table<GradeRow> rowKey="grade" size="small" pagination={false} title={() => t('campaigns.summary.title')} dataSource={summary.grades} columns={gradeColumns} />
      {summary.scales.map((s) => (
        <BandTable key={s.scaleId} scale={s} title={t('campaigns.summary.byBand', { scale: scaleTitle(s.title, s.scaleId) })} />
      ))}
    </Flex>
  );
}

function bandCount(row: ScaleSummary['byGrade'][number], band: string): number | null {
  const cell = row.counts.find((c) => c.band === band);
  return cell ? cell.count : 0;
}

/** One scale's latest valid results per student, by grade (rows) and band (columns), with how many took it and how many still have to. */
function BandTable({ scale, title }: { scale: ScaleSummary; title: string }) {
  const { t } = useTranslation();
  const { grade } = useLabels();
  type Row = ScaleSummary['byGrade'][number];
  const columns: TableColumnsType<Row> = [
    { key: 'grade', title: t('campaigns.summary.grade'), render: (_v, r) => grade(r.grade) },
    ...scale.bands.map((b) => ({
      key: b.code,
      title: t('common.noted', { text: t(b.labelKey), note: b.code }),
      align: 'right' as const,
      // A band no one fell in may be left out; a withheld one is there with null.
      render: (_v: unknown, r: Row) => <Count value={bandCount(r, b.code)} />,
    })),
    { key: 'invalid', title: t('campaigns.summary.invalid'), align: 'right', render: (_v, r) => <Count value={r.invalid} /> },
    { key: 'screened', title: t('campaigns.summary.screened'), align: 'right', render: (_v, r) => <Count value={r.screened} /> },
    { key: 'toScreen', title: t('campaigns.summary.toScreen'), align: 'right', render: (_v, r) => <Count value={r.toScreen} /> },
  ];
  return <Table<Row> rowKey="grade" size="small" pagination={false} title={() => title} dataSource={scale.byGrade} columns={columns} />;
}
