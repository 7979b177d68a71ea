import { App, Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppointmentView } from '../../../../shared/api/appointments';
import { CASE_CATEGORIES, casesApi, type CaseView } from '../../../../shared/api/cases';
import type { ClientSource } from '../../../../shared/api/sources';
import { LIMITS, requiredText } from '../../../../shared/api/fields';
import { api } from '../../api/client';
import { useShownName } from '../../components/PersonName';
import { useAskInactive, withInactiveAcknowledgement } from '../../lib/acknowledgeInactive';
import { useClientSources } from '../../lib/clientSources';
import { useCodeLabels } from '../../lib/codeLabels';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { CrisisDetailsFields, type CrisisDetailsValues } from '../crisis/CrisisDetailsFields';

const fields = casesApi['cases.open'].input.shape;
/** A staff member or parent must be named (the contract refines this across fields). */
const clientLabelField = requiredText(LIMITS.name);
const OTHER_KINDS = ['staff', 'parent'] as const;

/** Who the case is for: a roster student, or a staff member or parent named by a label (known already when it comes from an appointment). */
export type CaseClient = { kind: 'student'; id: string; name: string } | { kind: 'other'; clientKind?: (typeof OTHER_KINDS)[number]; label?: string };

interface Values {
  clientKind?: (typeof OTHER_KINDS)[number];
  clientLabel?: string;
  categories: (typeof CASE_CATEGORIES)[number][];
  source: ClientSource;
  sourceNote?: string;
  goals?: string;
  crisis?: CrisisDetailsValues;
}

/**
 * 开个案 for a roster student (an inactive one is asked about first), or for a staff member or
 * parent given by type and label: categories, source, goals. Opened from an appointment, the case
 * links to it and starts with the appointment's source (the two share one list).
 */
export function OpenCaseModal({
  client,
  appointment,
  onClose,
  onOpened,
}: {
  client: CaseClient | null;
  appointment?: Pick<AppointmentView, 'id' | 'source'> | undefined;
  onClose(): void;
  onOpened(c: CaseView): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const codes = useCodeLabels();
  const sources = useClientSources();
  const shown = useShownName();
  const askInactive = useAskInactive();
  const [form] = Form.useForm<Values>();
  const categories = Form.useWatch('categories', form);
  const isCrisis = categories?.includes('crisis') === true;
  const { busy, submit } = useFormSubmit(form, async (values: Values) => {
    if (!client) return;
    const { clientKind = 'staff', clientLabel = '', crisis, ...chosen } = values;
    const rest = { ...chosen, appointmentId: appointment?.id ?? null, ...(chosen.categories.includes('crisis') ? { crisis } : {}) };
    const opened =
      client.kind === 'student'
        ? await withInactiveAcknowledgement((acknowledgeInactive) => api.cases.open({ studentId: client.id, ...rest, acknowledgeInactive }), askInactive)
        : await api.cases.open({ clientKind, clientLabel, ...rest });
    if (!opened) return;
    void message.success(t(opened.categories.includes('crisis') ? 'counseling.cases.crisisOpened' : 'counseling.cases.opened'));
    onOpened(opened);
  });

  return (
    <Modal
      open={client !== null}
      title={client?.kind === 'student' ? t('counseling.cases.openTitle', { name: shown(client.name) }) : t('counseling.cases.openOther')}
      okText={t('counseling.cases.open')}
      okButtonProps={{ loading: busy }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{
          source: appointment?.source ?? 'walkIn',
          categories: [],
          crisis: appointment ? { source: 'session' } : undefined,
          clientKind: (client?.kind === 'other' && client.clientKind) || 'staff',
          clientLabel: client?.kind === 'other' ? client.label : undefined,
        }}
      >
        {client?.kind === 'other' && (
          <>
            <Form.Item name="clientKind" label={t('counseling.cases.clientKind')} rules={[zodRule(fields.clientKind)]}>
              <Radio.Group options={codes.options('clientKind', OTHER_KINDS)} />
            </Form.Item>
            <Form.Item name="clientLabel" label={t('counseling.cases.clientLabel')} rules={[zodRule(clientLabelField)]}>
              <Input maxLength={maxLengthOf(clientLabelField)} showCount />
            </Form.Item>
          </>
        )}
        <Form.Item name="categories" label={t('counseling.cases.categories')} rules={[zodRule(fields.categories)]}>
          <Checkbox.Group options={codes.options('category', CASE_CATEGORIES)} />
        </Form.Item>
        {isCrisis && <CrisisDetailsFields />}
        <Form.Item name="source" label={t('counseling.cases.source')} rules={[zodRule(fields.source)]}>
          <Select options={sources.options} />
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
