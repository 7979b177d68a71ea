import { App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CASE_CATEGORIES, CASE_SOURCES, casesApi, type CaseView } from '../../../../shared/api/cases';
import { api } from '../../api/client';
import { useShownName } from '../../components/PersonName';
import { useAskInactive, withInactiveAcknowledgement } from '../../lib/acknowledgeInactive';
import { useCodeLabels } from '../../lib/codeLabels';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { maxLengthOf, zodRule } from '../../lib/zodForm';

const fields = casesApi['cases.open'].input.shape;

interface Values {
  categories: (typeof CASE_CATEGORIES)[number][];
  source: (typeof CASE_SOURCES)[number];
  sourceNote?: string;
  goals?: string;
}

/** 开个案 for a roster student: categories, source, goals; an inactive student is asked about first. */
export function OpenCaseModal({ student, onClose, onOpened }: { student: { id: string; name: string } | null; onClose(): void; onOpened(c: CaseView): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const codes = useCodeLabels();
  const shown = useShownName();
  const askInactive = useAskInactive();
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useFormSubmit(form, async (values: Values) => {
    if (!student) return;
    const opened = await withInactiveAcknowledgement(
      (acknowledgeInactive) => api.cases.open({ studentId: student.id, ...values, acknowledgeInactive }),
      askInactive,
    );
    if (!opened) return;
    void message.success(t('counseling.cases.opened'));
    onOpened(opened);
  });

  return (
    <Modal
      open={student !== null}
      title={student ? t('counseling.cases.openTitle', { name: shown(student.name) }) : ''}
      okText={t('counseling.cases.open')}
      okButtonProps={{ loading: busy }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ source: 'walkIn', categories: [] }}>
        <Form.Item name="categories" label={t('counseling.cases.categories')} rules={[zodRule(fields.categories)]}>
          <Checkbox.Group options={codes.options('category', CASE_CATEGORIES)} />
        </Form.Item>
        <Form.Item name="source" label={t('counseling.cases.source')} rules={[zodRule(fields.source)]}>
          <Select options={codes.options('source', CASE_SOURCES)} />
        </Form.Item>
        <Form.Item name="sourceNote" label={t('counseling.cases.sourceNote')} rules={[zodRule(fields.sourceNote)]}>
          <Input maxLength={maxLengthOf(fields.sourceNote)} showCount />
        </Form.Item>
        <Form.Item name="goals" label={t('counseling.cases.goals')} rules={[zodRule(fields.goals)]}>
          <Input.TextArea rows={3} maxLength={maxLengthOf(fields.goals)} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
