import { App, DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { complianceApi, TASK_STATUSES, type RunItemView, type TaskView } from '../../../../shared/api/compliance';
import { ATTESTATIONS, type Attestation } from '../../../../shared/domain/compliance/evaluate';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { dateProps } from '../../lib/formValues';
import { useSchoolToday } from '../../lib/time';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useComplianceLabels } from './labels';

const attestFields = complianceApi['compliance.attest'].input.shape;
const taskFields = complianceApi['compliance.saveTask'].input.shape;

interface AttestValues {
  attestation: Attestation | null;
  level?: number;
  reason?: string;
  notes?: string;
}

/** 确认: the principal's conclusion on an item the app cannot judge, with a level in a levels pack. */
export function AttestDialog({ runId, item, onClose, onSaved }: { runId: string; item: RunItemView; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useComplianceLabels();
  const [form] = Form.useForm<AttestValues>();
  const chosen = Form.useWatch('attestation', form);
  return (
    <FormModal<AttestValues>
      open
      form={form}
      title={t('compliance.attest.title', { id: item.id })}
      okText={t('common.save')}
      initialValues={{ attestation: item.attestation, level: item.level ?? undefined, reason: item.reason, notes: item.notes }}
      onClose={onClose}
      onSubmit={async (v) => {
        await api.compliance.attest({ runId, itemId: item.id, attestation: v.attestation ?? null, level: v.level ?? null, reason: v.reason ?? '', notes: v.notes ?? '' });
        void message.success(t('compliance.attest.saved'));
        onSaved();
      }}
    >
      <Typography.Paragraph>{labels.text(item.text)}</Typography.Paragraph>
      <Form.Item name="attestation" label={t('compliance.attest.choose')}>
        <Radio.Group optionType="button" options={ATTESTATIONS.map((a) => ({ value: a, label: t(`compliance.attestation.${a}`) }))} />
      </Form.Item>
      {item.levels.length > 0 && chosen && chosen !== 'notApplicable' && (
        <Form.Item name="level" label={t('compliance.attest.level')} rules={[{ required: true, message: t('errors.field.required') }]}>
          <Select options={item.levels.map((l) => ({ value: l.score, label: `${l.score} · ${labels.text(l.text)}` }))} />
        </Form.Item>
      )}
      {chosen === 'notApplicable' && (
        <Form.Item name="reason" label={t('compliance.attest.reason')} rules={[zodRule(attestFields.reason), { required: true, message: t('errors.field.required') }]}>
          <Input maxLength={maxLengthOf(attestFields.reason)} />
        </Form.Item>
      )}
      <Form.Item name="notes" label={t('compliance.attest.notes')} rules={[zodRule(attestFields.notes)]}>
        <Input.TextArea rows={3} maxLength={maxLengthOf(attestFields.notes)} />
      </Form.Item>
    </FormModal>
  );
}

type TaskValues = Pick<TaskView, 'title' | 'owner' | 'dueDate' | 'status'>;

/** 列入整改 from a failing item of a run, or a task's owner, due date and status changed. */
export function TaskDialog({ target, onClose, onSaved }: { target: { runId: string; item: RunItemView } | TaskView; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useComplianceLabels();
  const today = useSchoolToday();
  const editing = 'status' in target ? target : null;
  const fromItem = 'item' in target ? target : null;
  return (
    <FormModal<TaskValues>
      open
      title={t('compliance.task.addTitle', { id: editing?.itemId ?? fromItem?.item.id })}
      okText={t('common.save')}
      initialValues={editing ?? { title: fromItem ? labels.text(fromItem.item.text) : '', status: 'open', dueDate: today }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (editing) await api.compliance.saveTask({ id: editing.id, ...v });
        else await api.compliance.saveTask({ runId: fromItem!.runId, itemId: fromItem!.item.id, ...v });
        void message.success(t('compliance.task.saved'));
        onSaved();
      }}
    >
      <Form.Item name="title" label={t('compliance.task.name')} rules={[zodRule(taskFields.title)]}>
        <Input maxLength={maxLengthOf(taskFields.title)} />
      </Form.Item>
      <Form.Item name="owner" label={t('compliance.task.owner')} rules={[zodRule(taskFields.owner)]}>
        <Input maxLength={maxLengthOf(taskFields.owner)} />
      </Form.Item>
      <Form.Item name="dueDate" label={t('compliance.task.dueDate')} rules={[zodRule(taskFields.dueDate)]} {...dateProps}>
        <DatePicker allowClear={false} />
      </Form.Item>
      <Form.Item name="status" label={t('compliance.task.status')}>
        <Radio.Group optionType="button" options={TASK_STATUSES.map((s) => ({ value: s, label: t(`compliance.task.statuses.${s}`) }))} />
      </Form.Item>
    </FormModal>
  );
}

/** 签署确认: the principal's name and date; afterwards the run no longer changes. */
export function SignDialog({ runId, defaultName, onClose, onSigned }: { runId: string; defaultName: string; onClose(): void; onSigned(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const today = useSchoolToday();
  const fields = complianceApi['compliance.sign'].input.shape;
  return (
    <FormModal<{ signerName: string; signedOn: string }>
      open
      title={t('compliance.sign.title')}
      okText={t('compliance.sign.button')}
      initialValues={{ signerName: defaultName, signedOn: today }}
      onClose={onClose}
      onSubmit={async (v) => {
        await api.compliance.sign({ id: runId, ...v });
        void message.success(t('compliance.sign.done'));
        onSigned();
      }}
    >
      <Typography.Paragraph type="secondary">{t('compliance.sign.explain')}</Typography.Paragraph>
      <Form.Item name="signerName" label={t('compliance.sign.name')} rules={[zodRule(fields.signerName)]}>
        <Input maxLength={maxLengthOf(fields.signerName)} />
      </Form.Item>
      <Form.Item name="signedOn" label={t('compliance.sign.date')} rules={[zodRule(fields.signedOn)]} {...dateProps}>
        <DatePicker allowClear={false} />
      </Form.Item>
    </FormModal>
  );
}
