import { DatePicker, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { crisisApi, type CrisisDetail, type StepView } from '../../../../shared/api/crisis';
import { api } from '../../api/client';
import { dateProps } from '../../lib/formValues';
import { useCall } from '../../lib/useCall';
import { zodRule } from '../../lib/zodForm';
import { ReasonModal } from './ReasonModal';

const shape = crisisApi['crisis.updateStep'].input.shape;
const listUsers = () => api.users.list({});

/** 调整 a step: another enabled counselor as its owner, or a later due date; kept with the values before and a reason. */
export function StepEditModal({ crisis, step, onClose, onSaved }: { crisis: CrisisDetail; step: StepView | null; onClose(): void; onSaved(d: CrisisDetail): void }) {
  const { t } = useTranslation();
  const users = useCall(listUsers, step ? {} : null);
  const counselors = (users.data?.items ?? []).filter((u) => u.role === 'counselor' && !u.disabled);
  return (
    <ReasonModal<{ ownerId: string; dueOn: string }>
      open={step !== null}
      title={step ? `${t(`crisis.step.${step.step}`)} · ${t('crisis.case.editStep')}` : ''}
      label={t('crisis.fields.reason')}
      initialValues={step ? { ownerId: step.ownerId, dueOn: step.dueOn } : undefined}
      onClose={onClose}
      onSubmit={async (reason, v) => {
        if (!step) return;
        const changed = { ...(v.ownerId !== step.ownerId ? { ownerId: v.ownerId } : {}), ...(v.dueOn !== step.dueOn ? { dueOn: v.dueOn } : {}) };
        onSaved(await api.crisis.updateStep({ caseId: crisis.caseId, step: step.step, reason, ...changed }));
      }}
    >
      <Form.Item name="ownerId" label={t('crisis.fields.owner')} rules={[zodRule(shape.ownerId)]}>
        <Select aria-label={t('crisis.fields.owner')} options={counselors.map((u) => ({ value: u.id, label: u.displayName }))} />
      </Form.Item>
      {step?.state === 'open' && (
        <Form.Item name="dueOn" label={t('crisis.fields.dueOn')} rules={[zodRule(shape.dueOn)]} {...dateProps}>
          <DatePicker style={{ width: '100%' }} aria-label={t('crisis.fields.dueOn')} />
        </Form.Item>
      )}
    </ReasonModal>
  );
}
