import { App, Button, Flex, Form, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { campaignsApi, TRIAGE_STATES, type CampaignView, type TriageEntryView } from '../../../../shared/api/campaigns';
import type { InputOf } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { PersonName } from '../../components/PersonName';
import { errorMessage } from '../../lib/errors';
import { useSchoolToday } from '../../lib/time';
import { useCall } from '../../lib/useCall';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useNav } from '../../stores/nav';
import { SEVERITY_COLORS, useScales } from '../assessments/scaleLabels';
import { useGroupLabels } from '../groups/labels';
import { CampaignDates } from './CampaignDates';
import { PRIORITY_COLORS } from './labels';
import { TriageActions } from './TriageActions';
import { TriageStateModal } from './TriageStateModal';
import { SelectionBar } from './SelectionBar';
import { usePageArrows } from '../../components/usePageArrows';

/** One page of the queue, as the core orders and pages it. */
export const TRIAGE_PAGE_SIZE = 50;
type Query = InputOf<'campaigns.triage'> & { page: number; round: number };
const triage = ({ round: _round, ...input }: Query) => api.campaigns.triage({ ...input, pageSize: TRIAGE_PAGE_SIZE });

const rescreenFields = campaignsApi['campaigns.rescreen'].input.shape;
type Rescreen = Pick<InputOf<'campaigns.rescreen'>, 'name' | 'startDate' | 'endDate'>;

/**
 * 分流: flagged students in the core's order (critical first, the severest first within), a page at
 * a time; their state, a crisis case or a talk booked from the row, and re-screens for those
 * selected (across pages: 选中全部 takes the whole filter's ids from the core).
 */
export function TriageTab({ campaign, onChanged }: { campaign: CampaignView; onChanged(): void }) {
  const { t } = useTranslation();
  const pageArrows = usePageArrows();
  const { message } = App.useApp();
  const open = useNav((s) => s.open);
  const groupLabels = useGroupLabels();
  const scales = useScales();
  const today = useSchoolToday();
  const [query, setQuery] = useState<Query>({ id: campaign.id, page: 1, round: 0 });
  const [selected, setSelected] = useState<string[]>([]);
  const [changing, setChanging] = useState<TriageEntryView | null>(null);
  const [rescreening, setRescreening] = useState(false);
  const call = useCall(triage, query);
  const total = call.data?.total ?? 0;
  const allIds = async () => (await api.campaigns.triageIds({ id: campaign.id, states: query.states })).ids;
  const changed = () => {
    setQuery((q) => ({ ...q, round: q.round + 1 }));
    onChanged();
  };

  const rescreen = async (values: Rescreen) => {
    await api.campaigns.rescreen({ id: campaign.id, studentIds: selected, ...values });
    void message.success(t('campaigns.triage.rescreened'));
    setRescreening(false);
    setSelected([]);
    changed();
  };

  const columns: TableColumnsType<TriageEntryView> = [
    { key: 'priority', title: t('campaigns.triage.priority'), width: 100, render: (_v, e) => <Tag color={PRIORITY_COLORS[e.priority]}>{t(`campaigns.priority.${e.priority}`)}</Tag> },
    {
      key: 'student',
      title: t('campaigns.participants.student'),
      render: (_v, e) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open({ kind: 'archive', studentId: e.studentId })}>
          <PersonName name={e.name} />
        </Button>
      ),
    },
    { key: 'class', title: t('campaigns.participants.class'), width: 100, render: (_v, e) => groupLabels.className(e) },
    {
      key: 'reasons',
      title: t('campaigns.triage.reasons'),
      render: (_v, e) => (
        <Flex vertical gap={2}>
          {e.reasons.map((r) => (
            <Flex key={`${r.formId}:${r.scaleId}`} gap={4} wrap align="center">
              <Typography.Text>{scales.title(r.scaleId)}</Typography.Text>
              {r.bandLabel && <Tag>{t(r.bandLabel)}</Tag>}
              {r.alertSeverity && <Tag color={SEVERITY_COLORS[r.alertSeverity]}>{t(`assessments.severity.${r.alertSeverity}`)}</Tag>}
            </Flex>
          ))}
        </Flex>
      ),
    },
    { key: 'state', title: t('campaigns.triage.stateLabel'), width: 100, render: (_v, e) => <Tag>{t(`campaigns.triage.state.${e.state}`)}</Tag> },
    { key: 'note', title: t('campaigns.triage.note'), render: (_v, e) => <Typography.Text type="secondary">{e.note}</Typography.Text> },
    { key: 'rescreen', title: t('campaigns.triage.rescreenDate'), width: 110, render: (_v, e) => e.rescreenDate ?? '' },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 200,
      render: (_v, e) => (
        <Flex gap={4} wrap>
          <TriageActions entry={e} onChanged={changed} onCaseOpened={(id) => open({ kind: 'case', id })} />
          <Button size="small" onClick={() => setChanging(e)}>
            {t('campaigns.triage.change')}
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap="small">
      <Flex gap="small" wrap align="center">
        <Select
          mode="multiple"
          allowClear
          aria-label={t('campaigns.triage.stateLabel')}
          placeholder={t('campaigns.triage.allStates')}
          options={TRIAGE_STATES.map((s) => ({ value: s, label: t(`campaigns.triage.state.${s}`) }))}
          value={query.states ?? []}
          onChange={(states: TriageEntryView['state'][]) => setQuery((q) => ({ ...q, page: 1, states: states.length > 0 ? states : undefined }))}
          style={{ minWidth: 220 }}
        />
      </Flex>
      <SelectionBar selected={selected} total={total} allIds={allIds} onSelect={setSelected}>
        <Button size="small" disabled={selected.length === 0} onClick={() => setRescreening(true)}>
          {t('campaigns.triage.rescreen')}
        </Button>
      </SelectionBar>
      {call.error !== undefined && <Typography.Text type="danger">{errorMessage(call.error)}</Typography.Text>}
      <Table<TriageEntryView>
        rowKey="studentId"
        size="small"
        loading={call.loading}
        dataSource={call.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: t('campaigns.triage.none') }}
        pagination={{
          ...pageArrows,
          current: query.page,
          total,
          pageSize: TRIAGE_PAGE_SIZE,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: (page) => setQuery((q) => ({ ...q, page })),
        }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), preserveSelectedRowKeys: true }}
      />
      {changing && (
        <TriageStateModal
          entry={changing}
          scaleTitle={scales.title}
          onClose={() => setChanging(null)}
          onDone={(caseId) => {
            setChanging(null);
            changed();
            if (caseId) open({ kind: 'case', id: caseId });
          }}
        />
      )}
      {rescreening && (
        <FormModal<Rescreen>
          open
          title={t('campaigns.triage.rescreenTitle', { count: selected.length })}
          okText={t('common.save')}
          initialValues={{ name: t('campaigns.triage.rescreenDefault', { name: campaign.name }), startDate: today, endDate: today }}
          onSubmit={rescreen}
          onClose={() => setRescreening(false)}
        >
          <Typography.Paragraph type="secondary">{t('campaigns.triage.rescreenExplain')}</Typography.Paragraph>
          <Form.Item name="name" label={t('campaigns.triage.rescreenName')} rules={[zodRule(rescreenFields.name)]}>
            <Input maxLength={maxLengthOf(rescreenFields.name)} />
          </Form.Item>
          <CampaignDates schemas={rescreenFields} />
        </FormModal>
      )}
    </Flex>
  );
}
