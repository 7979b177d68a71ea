import { Alert, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Radio, Select, TimePicker } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RECORD_KINDS, RECORD_MODES, RISKS_OF_HARM, type DisclosureView, type RecordView } from '../../../../shared/api/records';
import { PersonName } from '../../components/PersonName';
import { useCodeLabels } from '../../lib/codeLabels';
import { showErrorOnForm } from '../../lib/errors';
import { dateProps, timeProps } from '../../lib/formValues';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { BackHeader } from '../shell/BackButton';
import { RemoveToTrashButton } from '../trash/RemoveToTrashButton';
import { DisclosureList } from './DisclosureList';
import { editableOf, RECORD_SHAPE, RECORD_TEXT_FIELDS, type RecordFields } from './recordFields';
import { SaveStatusText } from './SaveStatusText';
import { SignButton } from './SignButton';
import { useAutosave } from './useAutosave';

const PARTICIPANTS = ['student', 'guardian', 'teacher'] as const;
type Participants = RecordFields['participants'];

/** The participants object as the checkbox group's list, and back. */
const participantProps = {
  getValueProps: (value: Participants | undefined) => ({ value: PARTICIPANTS.filter((p) => value?.[p]) }),
  normalize: (value: string[]) => Object.fromEntries(PARTICIPANTS.map((p) => [p, value.includes(p)])) as Participants,
};

/**
 * An unsigned session record: the guide's structure as separate capped textareas (REC-02),
 * autosaved while typing. Every value shown is a React text node or an input's value, so a
 * pasted or typed `<img onerror>` stays text.
 */
export function RecordForm({ record, onReload }: { record: RecordView; onReload(): void }) {
  const { t } = useTranslation();
  const codes = useCodeLabels();
  const [form] = Form.useForm<RecordFields>();
  const initial = editableOf(record);
  const autosave = useAutosave({
    id: record.id,
    revision: record.revision,
    updatedAt: record.updatedAt,
    initial,
    read: () => form.getFieldsValue(Object.keys(RECORD_SHAPE) as (keyof RecordFields)[]) as Partial<RecordFields>,
    onStale: onReload,
    onInvalid: (err) => showErrorOnForm(form, err),
  });
  const kind = Form.useWatch('kind', form) ?? record.kind;
  const risk = Form.useWatch('riskOfHarm', form) ?? record.riskOfHarm;
  const [blockers, setBlockers] = useState<RecordView['signBlockers']>([]);
  const [disclosures, setDisclosures] = useState(record.disclosures);
  const disclosed = (d: DisclosureView) => setDisclosures((ds) => [...ds, d]);

  const row = (...items: ReactNode[]) => (
    <Flex gap="middle" wrap>
      {items.map((item, i) => (
        <div key={i} style={{ flex: '1 1 180px' }}>
          {item}
        </div>
      ))}
    </Flex>
  );
  const label = (name: keyof RecordFields) => t(`counseling.records.${name}`);

  return (
    <Flex vertical gap="middle" className="record-page">
      <BackHeader
        title={
          <>
            {t('counseling.records.title')} · <PersonName name={record.clientLabel} />
          </>
        }
      >
        <Flex align="center" gap="middle">
          <SaveStatusText status={autosave.status} />
          {disclosures.length === 0 && <RemoveToTrashButton kind="record" id={record.id} />}
          <SignButton
            record={record}
            form={form}
            flush={autosave.flush}
            revision={autosave.revision}
            onBlockers={setBlockers}
            onDisclosed={disclosed}
            onSigned={onReload}
          />
        </Flex>
      </BackHeader>
      {blockers.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('counseling.records.blockersTitle')}
          description={blockers
            .map(({ path, reason, ...params }) => (reason === 'errors.field.required' ? t(`counseling.records.${path}`) : t('counseling.records.blockerWhy', { field: t(`counseling.records.${path}`), why: t(reason, params) })))
            .join(t('common.listSeparator'))}
        />
      )}
      <Form form={form} layout="vertical" initialValues={initial} onValuesChange={autosave.changed} className="record-form">
        {row(
          <Form.Item name="sessionDate" label={label('sessionDate')} rules={[zodRule(RECORD_SHAPE.sessionDate)]} {...dateProps}>
            <DatePicker style={{ width: '100%' }} allowClear={false} />
          </Form.Item>,
          <Form.Item name="startTime" label={label('startTime')} {...timeProps}>
            <TimePicker format="HH:mm" style={{ width: '100%' }} />
          </Form.Item>,
          <Form.Item name="durationMinutes" label={label('durationMinutes')} rules={[zodRule(RECORD_SHAPE.durationMinutes)]}>
            <InputNumber min={1} max={600} precision={0} style={{ width: '100%' }} />
          </Form.Item>,
          <Form.Item name="mode" label={label('mode')}>
            <Radio.Group options={codes.options('mode', RECORD_MODES)} />
          </Form.Item>,
        )}
        {row(
          <Form.Item name="kind" label={label('kind')} extra={t(`counseling.records.template.${kind}`)}>
            <Select options={codes.options('kind', RECORD_KINDS)} />
          </Form.Item>,
          <Form.Item name="participants" label={label('participants')} {...participantProps}>
            <Checkbox.Group options={PARTICIPANTS.map((p) => ({ value: p, label: t(`counseling.participants.${p}`) }))} />
          </Form.Item>,
        )}
        {RECORD_TEXT_FIELDS.map((name) => (
          <Form.Item key={name} name={name} label={label(name)} rules={[zodRule(RECORD_SHAPE[name])]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={maxLengthOf(RECORD_SHAPE[name])} showCount />
          </Form.Item>
        ))}
        {row(
          <Form.Item name="nextAppointmentDate" label={label('nextAppointmentDate')} rules={[zodRule(RECORD_SHAPE.nextAppointmentDate)]} {...dateProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>,
          <Form.Item name="riskOfHarm" label={label('riskOfHarm')}>
            <Select options={codes.options('risk', RISKS_OF_HARM)} />
          </Form.Item>,
        )}
      </Form>
      {risk !== 'none' && <DisclosureList recordId={record.id} disclosures={disclosures} onAdded={disclosed} />}
    </Flex>
  );
}
