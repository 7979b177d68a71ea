import { App, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { TRAINING_SCOPES, TRAINING_TIERS, trainingApi, type TrainingEventView } from '../../../../shared/api/training';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { dateProps } from '../../lib/formValues';
import { useCall } from '../../lib/useCall';
import { useSchoolToday } from '../../lib/time';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useGroupLabels } from '../groups/labels';

const fields = trainingApi['training.save'].input.shape;
const listStaff = () => api.staff.list({ includeInactive: true });

type Values = Omit<TrainingEventView, 'id' | 'attendees'> & { attendeeIds: string[] };

/**
 * 新增培训 / 编辑: title, internal or external, tier, dates, hours (one decimal), provider and the
 * attendees from the staff register. Staff who left stay on an event they attended but are not offered anew.
 */
export function EventFormModal({ target, onClose, onSaved }: { target: TrainingEventView | 'new'; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useGroupLabels();
  const today = useSchoolToday();
  const staff = useCall(listStaff, {});
  const editing = target === 'new' ? null : target;
  const attending = new Set(editing?.attendees.map((a) => a.id));
  const offered = (staff.data?.items ?? []).filter((s) => s.active || attending.has(s.id));

  const save = async ({ provider = '', notes = '', ...values }: Values) => {
    await api.training.save({ id: editing?.id, ...values, provider, notes });
    void message.success(t('common.saved'));
    onSaved();
  };

  return (
    <FormModal<Values>
      open
      title={editing ? t('training.events.editTitle') : t('training.events.createTitle')}
      okText={t('common.save')}
      width={680}
      initialValues={
        editing ? { ...editing, attendeeIds: editing.attendees.map((a) => a.id) } : { scope: 'internal', tier: 'allTeachers', startDate: today, endDate: today, attendeeIds: [] }
      }
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('training.events.title')} rules={[zodRule(fields.title)]}>
        <Input maxLength={maxLengthOf(fields.title)} showCount autoFocus />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="scope" label={t('training.events.scope')} rules={[zodRule(fields.scope)]}>
            <Radio.Group optionType="button" options={labels.trainingOptions('scope', TRAINING_SCOPES)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="tier" label={t('training.events.tier')} rules={[zodRule(fields.tier)]}>
            <Select options={labels.trainingOptions('tier', TRAINING_TIERS)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="startDate" label={t('training.events.startDate')} rules={[zodRule(fields.startDate)]} {...dateProps}>
            <DatePicker allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="endDate" label={t('training.events.endDate')} rules={[zodRule(fields.endDate)]} {...dateProps}>
            <DatePicker allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="hours" label={t('training.events.hours')} extra={t('training.events.hoursHint')} rules={[zodRule(fields.hours)]}>
            <InputNumber step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="provider" label={t('training.events.provider')} rules={[zodRule(fields.provider)]}>
        <Input maxLength={maxLengthOf(fields.provider)} />
      </Form.Item>
      <Form.Item name="attendeeIds" label={t('training.events.attendees')} extra={t('training.events.attendeesHint')} rules={[zodRule(fields.attendeeIds)]}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          loading={staff.loading}
          options={offered.map((s) => ({ value: s.id, label: `${s.name} · ${labels.training('role', s.role)}` }))}
        />
      </Form.Item>
      <Form.Item name="notes" label={t('training.events.notes')} rules={[zodRule(fields.notes)]}>
        <Input.TextArea rows={2} maxLength={maxLengthOf(fields.notes)} showCount />
      </Form.Item>
    </FormModal>
  );
}
