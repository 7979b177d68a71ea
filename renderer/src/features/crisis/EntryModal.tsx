import { Alert, DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ENTRY_SHAPES, STEP_OF_ENTRY, type CrisisDetail, type EntryKind, type peerView } from '../../../../shared/api/crisis';
import type { CrisisStep } from '../../../../shared/domain/crisis';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { dateProps } from '../../lib/formValues';
import { useSchoolToday } from '../../lib/time';
import { useCall } from '../../lib/useCall';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { CODE_GROUPS } from './labels';

/** Links are written by booking or starting a form from the step, not typed in. */
const LINKS = new Set<EntryKind>(['appointmentLink', 'assessmentLink']);

/** The kinds of entry a step takes; a note fits every step. */
export function kindsOf(step: CrisisStep): EntryKind[] {
  const own = (Object.keys(STEP_OF_ENTRY) as (keyof typeof STEP_OF_ENTRY)[]).filter((k) => STEP_OF_ENTRY[k] === step && !LINKS.has(k));
  return [...own, 'note'];
}

/** What 添加记录 was asked for: a step, and a kind when a step's own button chose one (指派心理委员). */
export interface EntryTarget {
  step: CrisisStep;
  kind?: EntryKind;
}

/** The supporters a peer entry may name: to assign, the class's not yet assigned; to report, those assigned. */
function peerOptions(crisis: CrisisDetail, kind: EntryKind | undefined, register: readonly PeerView[]) {
  const assigned = crisis.entries.flatMap((e) => (e.kind === 'peerAssigned' ? [{ value: e.peerId, label: e.refLabel }] : []));
  if (kind === 'peerReport') return assigned;
  // Only the student's own class: a supporter from another class is refused anyway.
  return register
    .filter((p) => p.grade === crisis.grade && p.className === crisis.className && !assigned.some((a) => a.value === p.id))
    .map((p) => ({ value: p.id, label: `${p.studentName} ${p.className}` }));
}

const LONG = new Set(['text', 'observed', 'concerns', 'goals', 'actions', 'response', 'notes', 'reason', 'words', 'followUpPlan', 'report']);

type PeerView = z.output<typeof peerView>;

const partners = () => api.referralPartners.list({});
const peers = () => api.peerSupporters.list({});

/** One field of an entry's form, drawn from the contract's schema for it. */
function EntryField({ name, schema, crisis, kind }: { name: string; schema: z.ZodType; crisis: CrisisDetail; kind: EntryKind | undefined }) {
  const { t } = useTranslation();
  const partnerList = useCall(partners, name === 'partnerId' ? {} : null);
  const peerList = useCall(peers, name === 'peerId' ? {} : null);
  const label = t(`crisis.fields.${name}`);
  const rules = [zodRule(schema)];
  // Under `entry`, as the contract nests them, so a refusal naming entry.date lands on its field.
  const path = ['entry', name];
  if (name === 'date') {
    return (
      <Form.Item name={path} label={label} rules={rules} {...dateProps}>
        <DatePicker style={{ width: '100%' }} aria-label={label} />
      </Form.Item>
    );
  }
  const select = (options: { value: string; label: string }[]) => (
    <Form.Item name={path} label={label} rules={rules}>
      <Select aria-label={label} options={options} />
    </Form.Item>
  );
  const group = CODE_GROUPS[name];
  if (group) {
    const codes = (schema as unknown as { options: string[] }).options;
    return select(codes.map((value) => ({ value, label: t(`crisis.${group}.${value}`) })));
  }
  if (name === 'partnerId') return select((partnerList.data?.items ?? []).map((p) => ({ value: p.id, label: [p.name, p.department].filter(Boolean).join(' ') })));
  if (name === 'peerId') {
    const options = peerOptions(crisis, kind, peerList.data?.items ?? []);
    return (
      <>
        {options.length === 0 && kind === 'peerAssigned' && peerList.data && <Alert type="info" showIcon title={t('crisis.case.noPeerOfClass')} style={{ marginBottom: 16 }} />}
        {select(options)}
      </>
    );
  }
  if (name === 'referralId') {
    return select(crisis.entries.filter((e) => e.kind === 'referral').map((e) => ({ value: e.id, label: `${e.date} ${e.refLabel}` })));
  }
  return (
    <Form.Item name={path} label={label} rules={rules}>
      {LONG.has(name) ? <Input.TextArea rows={3} maxLength={maxLengthOf(schema)} showCount /> : <Input maxLength={maxLengthOf(schema)} />}
    </Form.Item>
  );
}

/** 添加记录 in a step: the kind first (or the one the step's button chose), then that kind's fields; dated today unless changed. */
export function EntryModal({ crisis, target, onClose, onSaved }: { crisis: CrisisDetail; target: EntryTarget | null; onClose(): void; onSaved(d: CrisisDetail): void }) {
  const { t } = useTranslation();
  const today = useSchoolToday();
  const [form] = Form.useForm<{ kind: EntryKind; entry: Record<string, unknown> }>();
  const step = target?.step ?? null;
  const kinds = target?.kind ? [target.kind] : step ? kindsOf(step) : [];
  // The watch can still hold the kind chosen in another step's dialog until this form has rendered.
  const watched = Form.useWatch('kind', form) as EntryKind | undefined;
  const kind = watched !== undefined && kinds.includes(watched) ? watched : kinds[0];
  const shape = kind ? (ENTRY_SHAPES[kind] as Record<string, z.ZodType>) : {};
  return (
    <FormModal<{ kind: EntryKind; entry: Record<string, unknown> }>
      open={step !== null}
      form={form}
      title={step ? `${t(`crisis.step.${step}`)} · ${target?.kind ? t(`crisis.entryKind.${target.kind}`) : t('crisis.case.addEntry')}` : ''}
      okText={t('common.save')}
      width={560}
      initialValues={{ kind: kinds[0], entry: { date: today } }}
      onSubmit={async (values) => {
        const entry = { ...values.entry, kind, ...(kind === 'note' ? { step } : {}) };
        onSaved(await api.crisis.addEntry({ caseId: crisis.caseId, entry: entry as never }));
      }}
      onClose={onClose}
    >
      <Form.Item name="kind" label={t('crisis.fields.kind')}>
        <Select aria-label={t('crisis.fields.kind')} options={kinds.map((k) => ({ value: k, label: t(`crisis.entryKind.${k}`) }))} />
      </Form.Item>
      {Object.entries(shape)
        .filter(([name]) => name !== 'step')
        .map(([name, schema]) => (
          <EntryField key={`${kind}:${name}`} name={name} schema={schema} crisis={crisis} kind={kind} />
        ))}
    </FormModal>
  );
}
