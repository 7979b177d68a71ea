import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { crisisApi } from '../../../../shared/api/crisis';
import { FormModal } from '../../components/FormModal';
import { maxLengthOf, zodRule } from '../../lib/zodForm';

const reasonField = crisisApi['crisis.setTier'].input.shape.reason;

/** A change that the core keeps with a reason (a tier, a status, a step that does not apply); `children` asks for the rest. */
export function ReasonModal<V extends object>({
  open,
  title,
  label,
  onSubmit,
  onClose,
  initialValues,
  children,
}: {
  open: boolean;
  title: string;
  label: string;
  initialValues?: Partial<V>;
  onSubmit(reason: string, values: V): Promise<void>;
  onClose(): void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <FormModal<V & { reason: string }> open={open} title={title} okText={t('common.save')} initialValues={initialValues} onSubmit={(v) => onSubmit(v.reason, v)} onClose={onClose}>
      {children}
      <Form.Item name="reason" label={label} rules={[zodRule(reasonField)]}>
        <Input.TextArea rows={2} maxLength={maxLengthOf(reasonField)} showCount />
      </Form.Item>
    </FormModal>
  );
}
