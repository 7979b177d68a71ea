import { App, Checkbox, Col, Form, Input, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEGREES, EMPLOYMENT, STAFF_ROLES, trainingApi, type StaffView } from '../../../../shared/api/training';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useGroupLabels } from '../groups/labels';

const fields = trainingApi['staff.create'].input.shape;

type Values = Omit<StaffView, 'id' | 'employment' | 'degree'> & { employment?: StaffView['employment']; degree?: StaffView['degree'] };

/** 新增教职工 / 编辑: 专职/兼职 is asked only of counseling teachers (the core refuses it for others). */
export function StaffFormModal({ target, onClose, onSaved }: { target: StaffView | 'new'; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useGroupLabels();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const editing = target === 'new' ? null : target;

  const save = async ({ employment, degree, qualification = '', ...values }: Values) => {
    const staff = { ...values, qualification, degree: degree ?? null, employment: values.role === 'counselingTeacher' ? (employment ?? null) : null };
    if (editing) await api.staff.update({ id: editing.id, ...staff });
    else await api.staff.create(staff);
    void message.success(t('common.saved'));
    onSaved();
  };

  return (
    <FormModal<Values>
      open
      form={form}
      title={editing ? t('training.staff.editTitle', { name: editing.name }) : t('training.staff.createTitle')}
      okText={t('common.save')}
      width={600}
      initialValues={editing ?? { role: 'counselingTeacher', psychologyMajor: false, active: true }}
      onSubmit={save}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label={t('training.staff.name')} rules={[zodRule(fields.name)]}>
            <Input maxLength={maxLengthOf(fields.name)} autoFocus />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="role" label={t('training.staff.role')} rules={[zodRule(fields.role)]}>
            <Select options={labels.trainingOptions('role', STAFF_ROLES)} />
          </Form.Item>
        </Col>
        {role === 'counselingTeacher' && (
          <Col span={12}>
            <Form.Item name="employment" label={t('training.staff.employment')} extra={t('training.staff.employmentHint')}>
              <Select allowClear options={labels.trainingOptions('employment', EMPLOYMENT)} />
            </Form.Item>
          </Col>
        )}
        <Col span={12}>
          <Form.Item name="degree" label={t('training.staff.degree')}>
            <Select allowClear options={labels.trainingOptions('degree', DEGREES)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="psychologyMajor" valuePropName="checked">
        <Checkbox>{t('training.staff.psychologyMajor')}</Checkbox>
      </Form.Item>
      <Form.Item name="qualification" label={t('training.staff.qualification')} extra={t('training.staff.qualificationHint')} rules={[zodRule(fields.qualification)]}>
        <Input maxLength={maxLengthOf(fields.qualification)} />
      </Form.Item>
      {editing && (
        <Form.Item name="active" label={t('training.staff.active')} valuePropName="checked" extra={t('training.staff.activeHint')}>
          <Switch />
        </Form.Item>
      )}
    </FormModal>
  );
}
