import { Form, Modal, type FormInstance, type FormProps } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../lib/useFormSubmit';

interface FormModalProps<V> {
  open: boolean;
  /** The caller's form, when its fields depend on each other (Form.useWatch outside the dialog). */
  form?: FormInstance<V>;
  title: ReactNode;
  okText: string;
  cancelText?: string;
  danger?: boolean;
  width?: number;
  initialValues?: FormProps<V>['initialValues'];
  /** The core call; a failure lands on the fields it names (useFormSubmit). */
  onSubmit(values: V): Promise<void>;
  onClose(): void;
  children: ReactNode;
}

/**
 * A dialog holding one form sent to the core: OK submits, busy while the call runs, and the form
 * starts fresh each time it opens. Fields read other fields through Form.useWatch or dependencies.
 */
export function FormModal<V>({ open, form: given, title, okText, cancelText, danger, width, initialValues, onSubmit, onClose, children }: FormModalProps<V>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>(given);
  const { busy, submit } = useFormSubmit(form, onSubmit);
  // The form instance outlives the dialog, and a form applies initialValues only when first
  // created: without a reset a second opening would show the first one's values.
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ loading: busy, danger }}
      cancelText={cancelText ?? t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={width}
    >
      <Form<V> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
