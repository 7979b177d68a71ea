import { Alert, Descriptions, Flex, Spin, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { useSession } from '../../stores/session';
import { useScaleTitle } from '../assessments/scaleLabels';
import { BackButton } from '../shell/BackButton';
import { CampaignSettings } from './CampaignSettings';
import { CampaignSummary } from './CampaignSummary';
import { STATUS_COLORS, useCampaignLabels } from './labels';
import { PARTICIPANT_PAGE_SIZE, ParticipantsTab, type ParticipantQuery } from './ParticipantsTab';
import { TriageTab } from './TriageTab';
import { PageTitle } from '../../components/PageTitle';

type TabKey = 'participants' | 'triage' | 'summary' | 'settings';

/**
 * The tab each screening was left on: a student opened from 分流 returns to 分流. Memory only,
 * and only tab names, so nothing about a student outlives the page.
 */
const lastTab = new Map<string, TabKey>();

const getCampaign = ({ id, query }: { id: string; query: ParticipantQuery }) => api.campaigns.get({ id, ...query, pageSize: PARTICIPANT_PAGE_SIZE });

/** One screening: a principal sees its counts-only summary, a counselor its lists and triage too. */
export function CampaignPage({ id }: { id: string }) {
  const counselor = useSession((s) => s.status?.user?.role === 'counselor');
  return counselor ? <CounselorCampaign id={id} /> : <PrincipalSummary id={id} />;
}

function PrincipalSummary({ id }: { id: string }) {
  return (
    <Flex vertical gap="middle">
      <Flex align="center" gap="small">
        <BackButton />
      </Flex>
      <CampaignSummary id={id} withTitle />
    </Flex>
  );
}

function CounselorCampaign({ id }: { id: string }) {
  const { t } = useTranslation();
  const labels = useCampaignLabels();
  const scaleTitle = useScaleTitle();
  const [tab, setTab] = useState<TabKey>(lastTab.get(id) ?? 'participants');
  // Here rather than in the tab: the campaign's header comes with the same page.
  const [query, setQuery] = useState<ParticipantQuery>({ page: 1 });
  const call = useCall(getCampaign, { id, query });
  const c = call.data?.campaign;

  if (call.error !== undefined) return <Alert type="error" showIcon title={errorMessage(call.error)} />;
  if (!c || !call.data) return <Spin />;
  const choose = (key: string) => {
    lastTab.set(id, key as TabKey);
    setTab(key as TabKey);
  };
  return (
    <Flex vertical gap="middle">
      <Flex align="center" gap="small">
        <BackButton />
        <PageTitle>
          {t('campaigns.detail.title', { name: c.name })}
        </PageTitle>
        <Tag color={STATUS_COLORS[c.status]}>{labels.status(c.status)}</Tag>
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={3}
        items={[
          { key: 'scales', label: t('campaigns.fields.scales'), children: c.scales.map((s) => scaleTitle(s.title, s.scaleId)).join(t('common.listSeparator')) },
          { key: 'target', label: t('campaigns.fields.target'), children: labels.target(c) },
          { key: 'dates', label: t('campaigns.fields.dates'), children: `${c.startDate} – ${c.endDate}` },
          { key: 'progress', label: t('campaigns.fields.progress'), span: 2, children: labels.progress(c.progress) },
          { key: 'consent', label: t('campaigns.fields.consent'), children: labels.consent(c.progress) },
        ]}
      />
      <Tabs
        activeKey={tab}
        // Each tab asks the core afresh when shown: a triage change shows in the summary at once.
        destroyOnHidden
        onChange={choose}
        items={[
          {
            key: 'participants',
            label: t('campaigns.detail.tabs.participants'),
            children: <ParticipantsTab campaign={c} list={call.data} query={query} onQuery={setQuery} loading={call.loading} onChanged={call.reload} />,
          },
          { key: 'triage', label: t('campaigns.detail.tabs.triage'), children: <TriageTab campaign={c} onChanged={call.reload} /> },
          { key: 'summary', label: t('campaigns.detail.tabs.summary'), children: <CampaignSummary id={c.id} /> },
          { key: 'settings', label: t('campaigns.detail.tabs.settings'), children: <CampaignSettings campaign={c} onChanged={call.reload} /> },
        ]}
      />
    </Flex>
  );
}
