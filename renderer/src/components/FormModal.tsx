import { Alert, Form, Modal, type FormInstance, type FormProps } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { revealOnMount } from '../lib/revealError';
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
 * Every error stays in view: the first field error is scrolled to and focused, and a refusal that
 * names no field is shown at the top of the dialog, scrolled to and focused.
 */
export function FormModal<V>({ open, form: given, title, okText, cancelText, danger, width, initialValues, onSubmit, onClose, children }: FormModalProps<V>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>(given);
  // A refusal no field can show stays at the top of the dialog, in view, instead of a toast that goes.
  const [refusal, setRefusal] = useState<string | null>(null);
  const { busy, submit } = useFormSubmit(
    form,
    async (values: V) => {
      setRefusal(null);
      await onSubmit(values);
    },
    { showMessage: setRefusal },
  );
  // The form instance outlives the dialog, and a form applies initialValues only when first
  // created: without a reset a second opening would show the first one's values.
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const cancel = () => {
    setRefusal(null);
    onClose();
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ loading: busy, danger }}
      cancelText={cancelText ?? t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={cancel}
      destroyOnHidden
      width={width}
    >
      {refusal && (
        <div key={refusal} ref={revealOnMount} tabIndex={-1} style={{ marginBottom: 16 }}>
          <Alert type="error" showIcon title={refusal} />
        </div>
      )}
      <Form<V> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
