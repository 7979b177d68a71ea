import { App, Button, Flex, Form, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { campaignsApi, PARTICIPANT_OUTCOMES, type CampaignView, type ParticipantView } from '../../../../shared/api/campaigns';
import type { InputOf, OutputOf } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { PersonName } from '../../components/PersonName';
import { errorMessage } from '../../lib/errors';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { AdministerButton } from '../assessments/AdministerButton';
import { AnswerImportButton } from '../assessments/AnswerImportButton';
import { useScales } from '../assessments/scaleLabels';
import { useGroupLabels } from '../groups/labels';
import { ClassPaperEntry } from './ClassPaperEntry';
import { SelectionBar } from './SelectionBar';
import { usePageArrows } from '../../components/usePageArrows';

type ConsentEntry = Omit<InputOf<'campaigns.setConsent'>['entries'][number], 'studentId'>;
type MarkedOutcome = InputOf<'campaigns.setOutcome'>['outcome'];

const noteField = campaignsApi['campaigns.setOutcome'].input.shape.note;

/** The returned slips a counselor ticks off in bulk, as printed on the consent list. */
const CONSENT_ACTIONS: readonly { key: string; entry: ConsentEntry }[] = [
  { key: 'studentGiven', entry: { studentConsent: 'given' } },
  { key: 'guardianGiven', entry: { guardianConsent: 'given' } },
  { key: 'studentDeclined', entry: { studentConsent: 'declined' } },
  { key: 'guardianDeclined', entry: { guardianConsent: 'declined' } },
];
const OUTCOME_ACTIONS: readonly { key: string; outcome: MarkedOutcome }[] = [
  { key: 'markDeclined', outcome: 'declined' },
  { key: 'markAbsent', outcome: 'absent' },
  { key: 'markPending', outcome: 'pending' },
];
const CONSENT_COLORS = { pending: undefined, given: 'green', declined: 'default' } as const;
const OUTCOME_COLORS = { pending: undefined, done: 'green', declined: 'default', absent: 'default' } as const;

/** What the list shows: a page, optionally of one class and/or outcome. */
export interface ParticipantQuery {
  page: number;
  class?: { grade: number; className: string } | undefined;
  outcome?: ParticipantView['outcome'] | undefined;
}
export const PARTICIPANT_PAGE_SIZE = 50;

export interface ParticipantsTabProps {
  campaign: CampaignView;
  /** The page the core returned for `query`. */
  list: Pick<OutputOf<'campaigns.get'>, 'participants' | 'total' | 'classes'>;
  query: ParticipantQuery;
  onQuery(query: ParticipantQuery): void;
  loading: boolean;
  onChanged(): void;
}

const classKey = (c: { grade: number; className: string }) => `${c.grade}/${c.className}`;

/** 名单与知情同意: participants by class, their consent and outcome, changed for the selected rows at once. Paged by the core. */
export function ParticipantsTab({ campaign, list, query, onQuery, loading, onChanged }: ParticipantsTabProps) {
  const { t } = useTranslation();
  const pageArrows = usePageArrows();
  const { message } = App.useApp();
  const groupLabels = useGroupLabels();
  const scales = useScales();
  const [selected, setSelected] = useState<string[]>([]);
  const [marking, setMarking] = useState<MarkedOutcome | null>(null);
  const closed = campaign.status === 'closed';
  const scaleIds = campaign.scales.map((s) => s.scaleId);
  const { participants, total, classes } = list;

  // A paper stack is one class's: with a single class on the list there is nothing to choose.
  const paperClass = query.class ?? (classes.length === 1 ? classes[0] : undefined);
  const filter = { class: query.class, outcome: query.outcome };
  const allIds = async () => (await api.campaigns.participantIds({ id: campaign.id, ...filter })).ids;

  // The selection stays: the next slip (家长同意 after 学生同意) is usually for the same students.
  const done = (key: string, count: number) => {
    void message.success(t(key, { count }));
    onChanged();
  };
  const setConsent = async (entry: ConsentEntry) => {
    try {
      const { updated } = await api.campaigns.setConsent({ id: campaign.id, entries: selected.map((studentId) => ({ studentId, ...entry })) });
      done('campaigns.participants.consentSaved', updated);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  const setOutcomes = async ({ note }: { note: string }) => {
    if (!marking) return;
    const { updated } = await api.campaigns.setOutcome({ id: campaign.id, studentIds: selected, outcome: marking, note });
    setMarking(null);
    done('campaigns.participants.outcomeSaved', updated);
  };

  const columns: TableColumnsType<ParticipantView> = [
    { key: 'class', title: t('campaigns.participants.class'), width: 110, render: (_v, p) => groupLabels.className(p) },
    { key: 'studentNo', title: t('student.fields.studentNo'), dataIndex: 'studentNo', width: 110 },
    { key: 'name', title: t('campaigns.participants.student'), render: (_v, p) => <PersonName name={p.name} /> },
    {
      key: 'studentConsent',
      title: t('campaigns.participants.studentConsent'),
      render: (_v, p) => <Tag color={CONSENT_COLORS[p.studentConsent]}>{t(`campaigns.consent.${p.studentConsent}`)}</Tag>,
    },
    {
      key: 'guardianConsent',
      title: t('campaigns.participants.guardianConsent'),
      render: (_v, p) => <Tag color={CONSENT_COLORS[p.guardianConsent]}>{t(`campaigns.consent.${p.guardianConsent}`)}</Tag>,
    },
    {
      key: 'outcome',
      title: t('campaigns.participants.outcome'),
      render: (_v, p) => (
        <Flex gap={4} align="center" wrap>
          <Tag color={OUTCOME_COLORS[p.outcome]}>{t(`campaigns.outcome.${p.outcome}`)}</Tag>
          {p.note && <Typography.Text type="secondary">{p.note}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'completed', title: t('campaigns.participants.completed'), render: (_v, p) => p.completedScales.map(scales.title).join(t('common.listSeparator')) },
    {
      key: 'missing',
      title: t('campaigns.participants.missing'),
      // Only where someone is still to be screened: a declined or absent student owes nothing here.
      render: (_v, p) => p.outcome === 'pending' && p.missingScales.length > 0 && <Typography.Text type="warning">{p.missingScales.map(scales.title).join(t('common.listSeparator'))}</Typography.Text>,
    },
    ...(closed
      ? []
      : [
          {
            key: 'administer',
            title: t('common.actions'),
            render: (_v: unknown, p: ParticipantView) =>
              p.outcome !== 'declined' && p.missingScales.length > 0 && <AdministerButton studentId={p.studentId} campaignId={campaign.id} scaleIds={p.missingScales} onChanged={onChanged} />,
          },
        ]),
  ];

  return (
    <Flex vertical gap="small">
      <Flex gap="small" wrap align="center">
        <Select
          allowClear
          aria-label={t('campaigns.participants.class')}
          placeholder={t('campaigns.participants.allClasses')}
          options={classes.map((c) => ({ value: classKey(c), label: groupLabels.className(c) }))}
          value={query.class && classKey(query.class)}
          onChange={(key?: string) => onQuery({ ...query, page: 1, class: classes.find((c) => classKey(c) === key) })}
          style={{ width: 150 }}
        />
        <Select
          allowClear
          aria-label={t('campaigns.participants.outcome')}
          placeholder={t('campaigns.participants.allOutcomes')}
          options={PARTICIPANT_OUTCOMES.map((o) => ({ value: o, label: t(`campaigns.outcome.${o}`) }))}
          value={query.outcome}
          onChange={(outcome?: ParticipantView['outcome']) => onQuery({ ...query, page: 1, outcome })}
          style={{ width: 130 }}
        />
        {!closed && (
          <ClassPaperEntry campaign={campaign} paperClass={paperClass} onClosed={onChanged} />
        )}
        {!closed && <AnswerImportButton campaignId={campaign.id} scaleIds={scaleIds} onImported={onChanged} />}
      </Flex>
      {!closed && (
        <SelectionBar selected={selected} total={total} allIds={allIds} onSelect={setSelected}>
          {CONSENT_ACTIONS.map(({ key, entry }) => (
            <Button key={key} size="small" disabled={selected.length === 0} onClick={() => void setConsent(entry)}>
              {t(`campaigns.participants.${key}`)}
            </Button>
          ))}
          {OUTCOME_ACTIONS.map(({ key, outcome: o }) => (
            <Button key={key} size="small" disabled={selected.length === 0} onClick={() => setMarking(o)}>
              {t(`campaigns.participants.${key}`)}
            </Button>
          ))}
        </SelectionBar>
      )}
      <Table<ParticipantView>
        rowKey="studentId"
        size="small"
        dataSource={participants}
        columns={columns}
        loading={loading}
        pagination={{
          ...pageArrows,
          current: query.page,
          total,
          pageSize: PARTICIPANT_PAGE_SIZE,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: (page) => onQuery({ ...query, page }),
        }}
        rowSelection={closed ? undefined : { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), preserveSelectedRowKeys: true }}
      />
      {marking && (
        <FormModal<{ note: string }>
          open
          title={t('campaigns.participants.outcomeTitle', { outcome: t(`campaigns.outcome.${marking}`), count: selected.length })}
          okText={t('common.save')}
          initialValues={{ note: '' }}
          onSubmit={setOutcomes}
          onClose={() => setMarking(null)}
        >
          {marking === 'declined' && <Typography.Paragraph type="secondary">{t('campaigns.participants.outcomeExplain')}</Typography.Paragraph>}
          <Form.Item name="note" label={t('campaigns.participants.outcomeNote')} rules={[zodRule(noteField)]}>
            <Input maxLength={maxLengthOf(noteField)} />
          </Form.Item>
        </FormModal>
      )}
    </Flex>
  );
}
