import { App, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlertView } from '../../../../shared/api/assessments';
import { campaignsApi, TRIAGE_STATES, type TriageEntryView } from '../../../../shared/api/campaigns';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useShownName } from '../../components/PersonName';
import { useCall } from '../../lib/useCall';
import { maxLengthOf, zodRule } from '../../lib/zodForm';

const fields = campaignsApi['campaigns.setTriage'].input.shape;

interface Values {
  state: TriageEntryView['state'];
  note: string;
  /** For 已建个案: `alert:<id>` hands that alert over to a new crisis case, `case:<id>` links an existing case. */
  caseChoice?: string;
}

/** Alerts that can still be handed over: critical or urgent, not yet acknowledged nor linked to a case. */
const handOverable = (a: AlertView) => a.severity !== 'followup' && a.acknowledgedAt === null && a.caseId === null;

/** What 已建个案 can point at: the entry's alerts still open for a hand-off, and the student's cases. */
async function caseChoices({ studentId, formIds }: { studentId: string; formIds: string[] }) {
  const forms = await Promise.all(formIds.map((formId) => api.assessments.get({ formId })));
  const { items: cases } = await api.cases.list({ studentId, pageSize: 200 });
  return { alerts: forms.flatMap((f) => f.alerts.filter(handOverable)), cases };
}

/**
 * 更改状态 of a triage entry, with a note. 已建个案 needs a case: a crisis case opened from one of the
 * student's alerts (alerts.openCrisisCase moves the entry itself), or one of the student's cases.
 * `onDone` gets the id of a case just opened, for the caller to show it.
 */
export function TriageStateModal({ entry, scaleTitle, onClose, onDone }: { entry: TriageEntryView; scaleTitle(id: string): string; onClose(): void; onDone(newCaseId: string | null): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shown = useShownName();
  const [form] = Form.useForm<Values>();
  const state = Form.useWatch('state', form);
  const formIds = [...new Set(entry.reasons.filter((r) => r.alertSeverity !== null).map((r) => r.formId))];
  const choices = useCall(caseChoices, state === 'caseOpened' ? { studentId: entry.studentId, formIds } : null);
  const options = [
    ...(choices.data?.alerts ?? []).map((a) => ({
      value: `alert:${a.id}`,
      label: t('campaigns.triage.fromAlert', { scale: scaleTitle(a.scaleId), severity: t(`assessments.severity.${a.severity}`) }),
    })),
    ...(choices.data?.cases ?? []).map((c) => ({ value: `case:${c.id}`, label: t('campaigns.triage.existingCase', { openedOn: c.openedOn }) })),
  ];

  const save = async ({ state: next, note, caseChoice = '' }: Values) => {
    const [kind, id] = caseChoice.split(':');
    if (next === 'caseOpened' && kind === 'alert' && id) {
      const { caseId } = await api.alerts.openCrisisCase({ id, note });
      void message.success(t('handOff.done'));
      onDone(caseId);
      return;
    }
    await api.campaigns.setTriage({ id: entry.campaignId, studentId: entry.studentId, state: next, note, ...(next === 'caseOpened' && id ? { caseId: id } : {}) });
    void message.success(t('campaigns.triage.saved'));
    onDone(null);
  };

  return (
    <FormModal<Values>
      open
      form={form}
      title={t('campaigns.triage.changeTitle', { name: shown(entry.name) })}
      okText={t('common.save')}
      initialValues={{ state: entry.state, note: entry.note }}
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item name="state" label={t('campaigns.triage.stateLabel')} rules={[zodRule(fields.state)]}>
        <Radio.Group options={TRIAGE_STATES.map((value) => ({ value, label: t(`campaigns.triage.state.${value}`) }))} />
      </Form.Item>
      {state === 'caseOpened' &&
        (choices.data && options.length === 0 ? (
          <Typography.Paragraph type="warning">{t('campaigns.triage.noCaseChoice')}</Typography.Paragraph>
        ) : (
          <Form.Item name="caseChoice" label={t('campaigns.triage.caseFrom')} rules={[{ required: true, message: t('errors.field.required') }]}>
            <Radio.Group options={options} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
          </Form.Item>
        ))}
      <Form.Item name="note" label={t('campaigns.triage.note')} rules={[zodRule(fields.note)]}>
        <Input.TextArea rows={3} maxLength={maxLengthOf(fields.note)} showCount />
      </Form.Item>
    </FormModal>
  );
}
