import { App, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { campaignsApi, type CampaignView } from '../../../../shared/api/campaigns';
import type { InputOf } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useSchoolToday } from '../../lib/time';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useScales } from '../assessments/scaleLabels';
import { useClasses, useGradeOptions } from '../groups/data';
import { CampaignDates } from './CampaignDates';

const fields = campaignsApi['campaigns.create'].input.shape;

type Values = InputOf<'campaigns.create'>;

/** A scale travels as { scaleId } (the core pins its current version); the select holds ids. */
const scaleProps = {
  getValueProps: (value: Values['scales'] | undefined) => ({ value: (value ?? []).map((s) => s.scaleId) }),
  normalize: (ids: string[]) => ids.map((scaleId) => ({ scaleId })),
};

/** 新建普测: name, scales, grades and optionally classes, dates, note; the core names any field it refuses. */
export function CampaignFormModal({ onClose, onSaved }: { onClose(): void; onSaved(c: CampaignView): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const today = useSchoolToday();
  const scales = useScales();
  const classes = useClasses();
  const gradeOptions = useGradeOptions();
  const grades = Form.useWatch('grades', form) ?? [];
  // Class names are shared across grades (3班 in 初一 and in 初二): offer those of the chosen grades.
  const classNames = [...new Set(classes.filter((c) => grades.includes(c.grade)).map((c) => c.className))];
  const scaleOptions = [...new Map(scales.items.map((s) => [s.id, s])).keys()].map((id) => ({ value: id, label: scales.title(id) }));

  const save = async (values: Values) => {
    const created = await api.campaigns.create(values);
    void message.success(t('campaigns.form.created'));
    onSaved(created);
  };

  return (
    <FormModal<Values>
      open
      form={form}
      title={t('campaigns.form.createTitle')}
      okText={t('common.save')}
      width={640}
      initialValues={{ scales: [], grades: [], classNames: [], startDate: today, endDate: today, note: '' }}
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('campaigns.fields.name')} rules={[zodRule(fields.name)]}>
        <Input maxLength={maxLengthOf(fields.name)} showCount autoFocus />
      </Form.Item>
      <Form.Item name="scales" label={t('campaigns.fields.scales')} rules={[zodRule(fields.scales)]} {...scaleProps}>
        <Select mode="multiple" optionFilterProp="label" options={scaleOptions} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="grades" label={t('campaigns.fields.grades')} rules={[zodRule(fields.grades)]}>
            <Select mode="multiple" options={gradeOptions} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="classNames" label={t('campaigns.fields.classNames')} extra={t('campaigns.fields.classNamesHint')} rules={[zodRule(fields.classNames)]}>
            <Select mode="multiple" options={classNames.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </Col>
      </Row>
      <CampaignDates schemas={fields} />
      <Form.Item name="note" label={t('campaigns.fields.note')} rules={[zodRule(fields.note)]}>
        <Input.TextArea rows={2} maxLength={maxLengthOf(fields.note)} showCount />
      </Form.Item>
    </FormModal>
  );
}
