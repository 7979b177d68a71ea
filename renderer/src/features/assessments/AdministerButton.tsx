import { Button, DatePicker, Form, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTERACTIVE_MODES, type FormView } from '../../../../shared/api/assessments';
import { FormModal } from '../../components/FormModal';
import { StudentPicker } from '../../components/StudentPicker';
import { dateProps } from '../../lib/formValues';
import { useSchoolToday } from '../../lib/time';
import { FormSession } from './FormSession';
import { useScales } from './scaleLabels';
import { useStartForm, type StartInput } from './startForm';
import { TestingConsentModal } from './TestingConsentModal';
import { toApiError } from '../../lib/errors';

interface StartValues {
  studentId: string | undefined;
  scaleId: string | undefined;
  mode: (typeof INTERACTIVE_MODES)[number];
  date: string;
}

export interface AdministerButtonProps {
  /** The student to administer to; without it the dialog asks. */
  studentId?: string;
  /** Given from a campaign: its consent list counts, and a finished form marks the student done. */
  campaignId?: string;
  /** The scales to offer (a campaign's); all the archive knows when left out. */
  scaleIds?: readonly string[];
  /** Started from a crisis case's 测评建档 step: the form is linked to that case. */
  crisisCaseId?: string;
  /** Small inside a card (a crisis step), the page's primary action elsewhere. */
  size?: 'small';
  /** A form was closed (finished, voided, or left in progress). */
  onChanged?(): void;
}

/**
 * 开始施测: a scale, a mode (屏幕作答 or 纸笔录入) and a date, then the form is administered at once.
 * The core checks consent and the scale's range; a refusal lands in the dialog as its message.
 */
export function AdministerButton({ studentId, campaignId, scaleIds, crisisCaseId, size, onChanged }: AdministerButtonProps) {
  const { t } = useTranslation();
  const today = useSchoolToday();
  const scales = useScales();
  const start = useStartForm();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<FormView | null>(null);
  const [consentFor, setConsentFor] = useState<StartInput | null>(null);
  const offered = scales.items.filter((s, i, all) => (!scaleIds || scaleIds.includes(s.id)) && all.findIndex((x) => x.id === s.id) === i);

  const begin = async (input: StartInput) => {
    const started = await start(input);
    if (!started) return;
    setConsentFor(null);
    setOpen(false);
    setForm(started);
  };

  const submit = async (v: StartValues) => {
    const input = { studentId: studentId ?? v.studentId ?? '', scaleId: v.scaleId ?? '', mode: v.mode, date: v.date, ...(campaignId ? { campaignId } : {}), ...(crisisCaseId ? { crisisCaseId } : {}) };
    try {
      await begin(input);
    } catch (err) {
      // No consent yet: ask for it there and then, and start once it is recorded.
      if (toApiError(err).messageKey !== 'errors.assessment.noConsent') throw err;
      setConsentFor(input);
    }
  };

  return (
    <>
      <Button type="primary" size={size} onClick={() => setOpen(true)}>
        {t('administer.start')}
      </Button>
      <FormModal<StartValues>
        open={open}
        title={t('administer.startTitle')}
        okText={t('administer.start')}
        initialValues={{ studentId, scaleId: offered[0]?.id, mode: 'kiosk', date: today }}
        onSubmit={submit}
        onClose={() => setOpen(false)}
      >
        {studentId ? null : (
          <Form.Item name="studentId" label={t('administer.student')} rules={[{ required: true, message: t('errors.field.required') }]}>
            <StudentPicker />
          </Form.Item>
        )}
        <Form.Item name="scaleId" label={t('administer.scale')} rules={[{ required: true, message: t('errors.field.required') }]}>
          <Select options={offered.map((s) => ({ value: s.id, label: scales.title(s.id) }))} />
        </Form.Item>
        <Form.Item name="mode" label={t('administer.mode')}>
          <Radio.Group options={INTERACTIVE_MODES.map((m) => ({ value: m, label: t(`administer.modes.${m}`) }))} />
        </Form.Item>
        <Form.Item name="date" label={t('administer.date')} rules={[{ required: true, message: t('errors.field.required') }]} {...dateProps}>
          <DatePicker allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
      {consentFor && <TestingConsentModal studentId={consentFor.studentId} onClose={() => setConsentFor(null)} onRecorded={() => begin(consentFor)} />}
      {form ? (
        <FormSession
          form={form}
          onClosed={() => {
            setForm(null);
            onChanged?.();
          }}
        />
      ) : null}
    </>
  );
}
