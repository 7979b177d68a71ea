import { Flex, Form, Input, Radio, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPOINTMENT_CLIENT_KINDS } from '../../../../shared/api/appointments';
import { LIMITS, requiredText } from '../../../../shared/api/fields';
import { PersonName } from '../../components/PersonName';
import { StudentPicker } from '../../components/StudentPicker';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useScheduleLabels } from './labels';

export type ClientKind = (typeof APPOINTMENT_CLIENT_KINDS)[number];

/** Who an appointment or a waitlist entry is for, as a form holds it or the core returns it. */
export interface Client {
  clientKind: ClientKind;
  studentId?: string | null;
  clientLabel?: string;
}

/** Staff, a parent or a group must be named (the contract refines this across fields). */
const clientLabelField = requiredText(LIMITS.name);

/**
 * The client as the contract takes it: a student by roster id only, anyone else by label only.
 * (The core returns a student's name as the label, which it would refuse back.)
 */
export function clientInput({ clientKind, studentId, clientLabel = '' }: Client) {
  return clientKind === 'student' ? { clientKind, studentId: studentId ?? undefined } : { clientKind, clientLabel };
}

/** 来访者类型, then the roster student or the name of whoever else comes, in the enclosing form. */
export function ClientFields() {
  const { t } = useTranslation();
  const labels = useScheduleLabels();
  const clientKind = Form.useWatch<ClientKind | undefined>('clientKind');
  return (
    <>
      <Form.Item name="clientKind" label={t('schedule.booking.clientKind')}>
        <Radio.Group options={labels.options('clientKind', APPOINTMENT_CLIENT_KINDS)} />
      </Form.Item>
      {clientKind === 'student' ? (
        <Form.Item name="studentId" label={t('schedule.booking.student')} rules={[{ required: true, message: t('errors.field.required') }]}>
          <StudentPicker autoFocus />
        </Form.Item>
      ) : (
        <Form.Item name="clientLabel" label={t('schedule.booking.clientLabel')} rules={[zodRule(clientLabelField)]}>
          <Input maxLength={maxLengthOf(clientLabelField)} showCount />
        </Form.Item>
      )}
    </>
  );
}

/** The client's name (masked as the privacy setting asks) and what kind of client they are. */
export function ClientName({ client }: { client: { clientKind: ClientKind; clientLabel: string } }) {
  const labels = useScheduleLabels();
  return (
    <Flex gap="small" align="center" wrap>
      <PersonName name={client.clientLabel} />
      <Tag>{labels.label('clientKind', client.clientKind)}</Tag>
    </Flex>
  );
}
