import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { guardian, studentFields, type StudentView } from '../../../../shared/api/students';
import { gradesOfStages } from '../../../../shared/domain/grades';
import { api } from '../../api/client';
import { useShownName } from '../../components/PersonName';
import { dateProps } from '../../lib/formValues';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { useLabels } from '../../lib/labels';
import { maxLengthOf, parseForm, zodRule } from '../../lib/zodForm';
import { useSettings } from '../../stores/settings';
import { AppDrawer } from '../../components/AppDrawer';

const fields = studentFields.shape;
const guardianFields = guardian.shape;
const MAX_GUARDIANS = z.toJSONSchema(fields.guardians, { io: 'input' }).maxItems ?? 0;
const NEW_STUDENT = { status: 'active', guardians: [] };

function TextInput({ name, multiline = false }: { name: 'studentNo' | 'name' | 'className' | 'notes'; multiline?: boolean }) {
  const { t } = useTranslation();
  const max = maxLengthOf(fields[name]);
  return (
    <Form.Item name={name} label={t(`student.fields.${name}`)} rules={[zodRule(fields[name])]}>
      {multiline ? <Input.TextArea rows={3} maxLength={max} showCount /> : <Input maxLength={max} showCount />}
    </Form.Item>
  );
}

/**
 * Adds or edits a student. Fields are checked with the contract's studentFields
 * schema as they are filled in and again as a whole on save; the core's own
 * VALIDATION and duplicate-学号 errors land on the same fields.
 */
export function StudentFormDrawer({ open, student, onClose, onSaved }: {
  open: boolean;
  /** The record to edit, or null to add a student. */
  student: StudentView | null;
  onClose(): void;
  onSaved(student: StudentView): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const shown = useShownName();
  const stages = useSettings((s) => s.settings?.school.stages);
  const [form] = Form.useForm();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(student ?? NEW_STUDENT);
  }, [open, student, form]);

  const grades = stages ? gradesOfStages(stages) : undefined;
  const gradeOptions = labels.gradeOptions(grades && student && !grades.includes(student.grade) ? [...grades, student.grade] : grades);

  const { busy, submit: save } = useFormSubmit(form, async (values: unknown) => {
    const input = parseForm(form, studentFields, values);
    if (!input) return;
    const saved = student ? await api.students.update({ ...input, id: student.id }) : await api.students.create(input);
    void message.success(t(student ? 'roster.updated' : 'roster.created'));
    onSaved(saved);
  });

  return (
    <AppDrawer
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={student ? t('roster.editTitle', { name: shown(student.name) }) : t('roster.createTitle')}
      footer={
        <Flex justify="end" gap="small">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" onFinish={save} initialValues={NEW_STUDENT}>
        <Flex gap="middle">
          <div style={{ flex: 1 }}>
            <TextInput name="studentNo" />
          </div>
          <div style={{ flex: 1 }}>
            <TextInput name="name" />
          </div>
        </Flex>
        <Flex gap="middle">
          <Form.Item name="sex" label={t('student.fields.sex')} rules={[zodRule(fields.sex)]} style={{ flex: 1 }}>
            <Radio.Group options={labels.sexOptions} />
          </Form.Item>
          <Form.Item name="birthDate" label={t('student.fields.birthDate')} rules={[zodRule(fields.birthDate)]} style={{ flex: 1 }} {...dateProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap="middle">
          <Form.Item name="grade" label={t('student.fields.grade')} rules={[zodRule(fields.grade)]} style={{ flex: 1 }}>
            <Select options={gradeOptions} />
          </Form.Item>
          <div style={{ flex: 1 }}>
            <TextInput name="className" />
          </div>
        </Flex>
        <Flex gap="middle">
          <Form.Item name="enrollmentYear" label={t('student.fields.enrollmentYear')} rules={[zodRule(fields.enrollmentYear)]} style={{ flex: 1 }}>
            <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="status" label={t('student.fields.status')} rules={[zodRule(fields.status)]} style={{ flex: 1 }}>
            <Select options={labels.statusOptions} />
          </Form.Item>
        </Flex>
        <GuardianList />
        <TextInput name="notes" multiline />
      </Form>
    </AppDrawer>
  );
}

function GuardianList() {
  const { t } = useTranslation();
  // The row just added takes focus, so the keyboard user types its name next rather than hunting for it.
  const [added, setAdded] = useState<number | null>(null);
  return (
    <Form.List name="guardians">
      {(rows, { add, remove }) => (
        <fieldset className="form-fieldset">
          <legend>{t('student.fields.guardians')}</legend>
          {rows.map(({ key, name }) => (
            <Flex key={key} gap="small" align="start">
              <Form.Item name={[name, 'name']} label={t('student.guardian.name')} rules={[zodRule(guardianFields.name)]} style={{ flex: 3 }}>
                <Input maxLength={maxLengthOf(guardianFields.name)} autoFocus={name === added} />
              </Form.Item>
              <Form.Item name={[name, 'relation']} label={t('student.guardian.relation')} rules={[zodRule(guardianFields.relation)]} style={{ flex: 2 }}>
                <Input maxLength={maxLengthOf(guardianFields.relation)} />
              </Form.Item>
              <Form.Item name={[name, 'phone']} label={t('student.guardian.phone')} rules={[zodRule(guardianFields.phone)]} style={{ flex: 3 }}>
                <Input maxLength={maxLengthOf(guardianFields.phone)} inputMode="tel" />
              </Form.Item>
              <Button type="link" danger onClick={() => remove(name)} style={{ marginTop: 30 }}>
                {t('student.guardian.remove')}
              </Button>
            </Flex>
          ))}
          <Button type="dashed" block disabled={rows.length >= MAX_GUARDIANS} onClick={() => {
              add({ name: '', relation: '', phone: '' });
              setAdded(rows.length);
            }}
          >
            {rows.length >= MAX_GUARDIANS ? t('student.guardian.max', { max: MAX_GUARDIANS }) : t('student.guardian.add')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}
