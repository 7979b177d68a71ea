import { App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { GROUP_KINDS, GROUP_STATUSES, GROUP_TARGETS, groupsApi, type GroupKind, type ProgramView } from '../../../../shared/api/groups';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { dateProps } from '../../lib/formValues';
import { useSchoolToday } from '../../lib/time';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useSession } from '../../stores/session';
import { useClasses, useGradeOptions, useLeaders } from './data';
import { useGroupLabels } from './labels';

const fields = groupsApi['groups.create'].input.shape;
const updateFields = groupsApi['groups.update'].input.shape;

type ClassRef = ProgramView['targetClasses'][number];
type Values = Pick<ProgramView, 'theme' | 'kind' | 'targetKind' | 'targetGrades' | 'targetClasses' | 'named' | 'plannedSessions' | 'goals' | 'startDate' | 'endDate' | 'status'> & {
  leaderIds: string[];
};

/** Lectures and lessons reach a whole audience once: they count heads, not names. */
const UNNAMED_KINDS: readonly GroupKind[] = ['lecture', 'psychClass', 'parentLecture', 'staffTraining'];
/** A typical group-counseling cycle. */
const PLANNED_SESSIONS = 6;
const AUDIENCE_OF: Partial<Record<GroupKind, Values['targetKind']>> = { parentLecture: 'parents', staffTraining: 'staff' };

/** A class travels as an object; the select needs one string per option. */
const classKey = (c: ClassRef) => JSON.stringify([c.grade, c.className]);
const classOf = (key: string): ClassRef => {
  const [grade, className] = JSON.parse(key) as [number, string];
  return { grade, className };
};
const classProps = {
  getValueProps: (value: ClassRef[] | undefined) => ({ value: (value ?? []).map(classKey) }),
  normalize: (keys: string[]) => keys.map(classOf),
};

function initialValues(program: ProgramView | null, me: string, today: string): Partial<Values> {
  if (!program) return { kind: 'groupCounseling', targetKind: 'class', targetGrades: [], targetClasses: [], named: true, leaderIds: me ? [me] : [], plannedSessions: PLANNED_SESSIONS, startDate: today };
  const { leaders, ...rest } = program;
  return { ...rest, leaderIds: leaders.map((l) => l.id) };
}

/** 新建活动 / 编辑: theme, kind, who it is for, whether it keeps names, leaders, plan and dates. */
export function ProgramFormModal({ target, onClose, onSaved }: { target: ProgramView | 'new'; onClose(): void; onSaved(p: ProgramView): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useGroupLabels();
  const [form] = Form.useForm<Values>();
  const me = useSession((s) => s.status?.user?.id ?? '');
  const today = useSchoolToday();
  const leaders = useLeaders();
  const classes = useClasses();
  const gradeOptions = useGradeOptions();
  const targetKind = Form.useWatch('targetKind', form);
  const editing = target === 'new' ? null : target;
  // Once a program has members or sessions, the core keeps it named or unnamed for good.
  const namedFixed = editing !== null && (editing.memberCount > 0 || editing.sessionCount > 0);
  const classKeys = new Set([...classes, ...(editing?.targetClasses ?? [])].map(classKey));

  const save = async ({ targetGrades = [], targetClasses = [], goals = '', ...values }: Values) => {
    const program = {
      ...values,
      goals,
      targetGrades: values.targetKind === 'grade' ? targetGrades : [],
      targetClasses: values.targetKind === 'class' ? targetClasses : [],
    };
    const saved = editing ? await api.groups.update({ id: editing.id, ...program }) : await api.groups.create(program);
    void message.success(editing ? t('groups.form.saved') : t('groups.form.created'));
    onSaved(saved);
  };

  return (
    <FormModal<Values>
      open
      form={form}
      title={editing ? t('groups.form.editTitle') : t('groups.form.createTitle')}
      okText={t('common.save')}
      width={680}
      initialValues={initialValues(editing, me, today)}
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item name="theme" label={t('groups.fields.theme')} rules={[zodRule(fields.theme)]}>
        <Input maxLength={maxLengthOf(fields.theme)} showCount autoFocus />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="kind" label={t('groups.fields.kind')} rules={[zodRule(fields.kind)]}>
            <Select
              options={labels.kindOptions(GROUP_KINDS)}
              onChange={(kind: GroupKind) => {
                if (editing) return;
                const audience = AUDIENCE_OF[kind];
                const named = !UNNAMED_KINDS.includes(kind);
                form.setFieldsValue({ named, plannedSessions: named ? PLANNED_SESSIONS : 1, ...(audience ? { targetKind: audience } : {}) });
              }}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="targetKind" label={t('groups.fields.targetKind')} rules={[zodRule(fields.targetKind)]}>
            <Select options={labels.groupOptions('target', GROUP_TARGETS)} />
          </Form.Item>
        </Col>
      </Row>
      {targetKind === 'grade' && (
        <Form.Item name="targetGrades" label={t('groups.fields.targetGrades')} rules={[{ required: true, message: t('errors.field.required') }]}>
          <Select mode="multiple" options={gradeOptions} />
        </Form.Item>
      )}
      {targetKind === 'class' && (
        <Form.Item name="targetClasses" label={t('groups.fields.targetClasses')} rules={[{ required: true, message: t('errors.field.required') }]} {...classProps}>
          <Select mode="multiple" optionFilterProp="label" options={[...classKeys].map((key) => ({ value: key, label: labels.className(classOf(key)) }))} />
        </Form.Item>
      )}
      <Form.Item name="named" valuePropName="checked" extra={t('groups.fields.namedHint')}>
        <Checkbox disabled={namedFixed}>{t('groups.fields.named')}</Checkbox>
      </Form.Item>
      <Form.Item name="leaderIds" label={t('groups.fields.leaders')} rules={[zodRule(fields.leaderIds)]}>
        <Select mode="multiple" optionFilterProp="label" options={leaders.map((u) => ({ value: u.id, label: `${u.displayName} · ${t(`domain.role.${u.role}`)}` }))} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="startDate" label={t('groups.fields.startDate')} rules={[zodRule(fields.startDate)]} {...dateProps}>
            <DatePicker allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="endDate" label={t('groups.fields.endDate')} rules={[zodRule(fields.endDate)]} {...dateProps}>
            <DatePicker allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="plannedSessions" label={t('groups.fields.plannedSessions')} rules={[zodRule(fields.plannedSessions)]}>
            <InputNumber precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {editing && (
        <Form.Item name="status" label={t('groups.fields.status')} rules={[zodRule(updateFields.status)]}>
          <Select options={labels.groupOptions('status', GROUP_STATUSES)} />
        </Form.Item>
      )}
      <Form.Item name="goals" label={t('groups.fields.goals')} rules={[zodRule(fields.goals)]}>
        <Input.TextArea rows={3} maxLength={maxLengthOf(fields.goals)} showCount />
      </Form.Item>
    </FormModal>
  );
}
