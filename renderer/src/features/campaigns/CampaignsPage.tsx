import { Alert, Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../../../../shared/api/campaigns';
import { api } from '../../api/client';
import { activateProps } from '../../lib/activate';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { useNav } from '../../stores/nav';
import { useSession } from '../../stores/session';
import { useScaleTitle } from '../assessments/scaleLabels';
import { CampaignFormModal } from './CampaignFormModal';
import { STATUS_COLORS, useCampaignLabels } from './labels';
import { PageTitle } from '../../components/PageTitle';

const listCampaigns = () => api.campaigns.list({});

/**
 * 心理普测: the screenings, newest first, with their progress; a row opens the screening. A principal
 * sees the same list without progress or scales, and a row opens only its counts-only summary.
 */
export function CampaignsPage() {
  const { t } = useTranslation();
  const labels = useCampaignLabels();
  const open = useNav((s) => s.open);
  const counselor = useSession((s) => s.status?.user?.role === 'counselor');
  const scaleTitle = useScaleTitle();
  const [creating, setCreating] = useState(false);
  const list = useCall(listCampaigns, {});

  const columns: TableColumnsType<CampaignView> = [
    { key: 'name', title: t('campaigns.fields.name'), render: (_v, c) => <Typography.Text strong>{c.name}</Typography.Text> },
    { key: 'target', title: t('campaigns.fields.target'), render: (_v, c) => labels.target(c) },
    { key: 'dates', title: t('campaigns.fields.dates'), render: (_v, c) => `${c.startDate} – ${c.endDate}` },
    { key: 'status', title: t('campaigns.fields.status'), render: (_v, c) => <Tag color={STATUS_COLORS[c.status]}>{labels.status(c.status)}</Tag> },
  ];
  const progressColumns: TableColumnsType<CampaignView> = [
    { key: 'scales', title: t('campaigns.fields.scales'), render: (_v, c) => c.scales.map((s) => scaleTitle(s.title, s.scaleId)).join(t('common.listSeparator')) },
    { key: 'progress', title: t('campaigns.fields.progress'), render: (_v, c) => labels.progress(c.progress) },
    { key: 'consent', title: t('campaigns.fields.consent'), render: (_v, c) => labels.consent(c.progress) },
    { key: 'triage', title: t('campaigns.fields.triageOpen'), align: 'right', render: (_v, c) => (c.progress.triageOpen ? <Tag color="orange">{c.progress.triageOpen}</Tag> : 0) },
  ];

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" gap="small">
        <PageTitle>
          {t('campaigns.list.title')}
        </PageTitle>
        {counselor && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('campaigns.list.add')}
          </Button>
        )}
      </Flex>
      {!counselor && <Typography.Text type="secondary">{t('campaigns.list.principalHint')}</Typography.Text>}
      {list.error !== undefined && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <Table<CampaignView>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('campaigns.list.none') }}
        onRow={(c) => activateProps(() => open({ kind: 'campaign', id: c.id }))}
        columns={counselor ? [...columns, ...progressColumns] : columns}
      />
      {creating && (
        <CampaignFormModal
          onClose={() => setCreating(false)}
          onSaved={(c) => {
            setCreating(false);
            open({ kind: 'campaign', id: c.id });
          }}
        />
      )}
    </Flex>
  );
}

