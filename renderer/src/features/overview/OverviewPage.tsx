import { Alert, Card, Flex, Spin, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useLabels } from '../../lib/labels';
import { useCall } from '../../lib/useCall';
import { PageTitle } from '../../components/PageTitle';

const loadSummary = () => api.students.summary({});

/** 概况: the principal's head counts by grade and status; no names, no records. */
export function OverviewPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { data: summary, error } = useCall(loadSummary, {});

  if (error !== undefined) return <Alert type="error" showIcon title={errorMessage(error)} />;
  if (!summary) return <Spin />;
  const countColumn = { key: 'count', title: t('overview.count'), dataIndex: 'count', align: 'right' as const };
  return (
    <Flex vertical gap="middle" style={{ maxWidth: 760 }}>
      <PageTitle>
        {t('overview.title')}
      </PageTitle>
      <Typography.Text type="secondary">{t('overview.note')}</Typography.Text>
      <Card>
        <Statistic title={t('overview.total')} value={summary.total} />
      </Card>
      <Flex gap="middle" wrap>
        <Card title={t('overview.byGrade')} style={{ flex: 1, minWidth: 300 }}>
          <Table
            size="small"
            rowKey="grade"
            pagination={false}
            dataSource={summary.byGrade}
            columns={[{ key: 'grade', title: t('student.fields.grade'), render: (_v, r) => labels.grade(r.grade) }, countColumn]}
          />
        </Card>
        <Card title={t('overview.byStatus')} style={{ flex: 1, minWidth: 300 }}>
          <Table
            size="small"
            rowKey="status"
            pagination={false}
            dataSource={summary.byStatus}
            columns={[{ key: 'status', title: t('student.fields.status'), render: (_v, r) => labels.status(r.status) }, countColumn]}
          />
        </Card>
      </Flex>
    </Flex>
  );
}
