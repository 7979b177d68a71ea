import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClashDetail } from '../../../../shared/api/appointments';
import { groupsApi, type GroupSessionView } from '../../../../shared/api/groups';
import { api } from '../../api/client';
import { DateTimeFields } from '../../components/DateTimeFields';
import { FormModal } from '../../components/FormModal';
import { OverrideAlert } from '../../components/OverrideAlert';
import { errorMessage } from '../../lib/errors';
import { useSchoolToday } from '../../lib/time';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { ClashList, clashesOf, isOutsideOpening } from '../schedule/clashes';
import { useRooms } from '../schedule/data';
import { useGradeOptions } from './data';
import type { GroupDetail } from './MembersSection';

const fields = groupsApi['groups.saveSession'].input.shape;
/** Unnamed programs count heads: the number itself is required (0–5,000), not just allowed. */
const headcountField = fields.headcount.unwrap().unwrap();

type Values = Pick<GroupSessionView, 'date' | 'start' | 'end' | 'content' | 'observations' | 'outcome' | 'audienceGrades'> & {
  roomId?: string | null;
  headcount?: number | null;
  overrideOpening?: boolean;
};

/** A new session: today when the program runs today, else its first day; at the time of its last session. */
function initialValues(program: GroupDetail, session: GroupSessionView | null, today: string): Partial<Values> {
  if (session) return { ...session, roomId: session.roomId ?? undefined };
  const last = program.sessions.at(-1);
  const date = today < program.startDate || today > program.endDate ? program.startDate : today;
  return { date, start: last?.start, end: last?.end, roomId: last?.roomId ?? undefined, audienceGrades: program.targetGrades };
}

/**
 * 记录一次活动 / 编辑: date, time, room (booked in the schedule: a clash names every clashing
 * booking, hours outside the room's opening offer the schedule's override), what was done and
 * seen, the outcome; unnamed programs add headcount and audience grades.
 */
export function SessionFormModal({
  program,
  target,
  onClose,
  onSaved,
}: {
  program: GroupDetail;
  target: GroupSessionView | 'new';
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const today = useSchoolToday();
  const rooms = useRooms();
  const gradeOptions = useGradeOptions();
  const [clashes, setClashes] = useState<ClashDetail[] | null>(null);
  const [outside, setOutside] = useState<string | null>(null);
  const editing = target === 'new' ? null : target;

  const save = async ({ date, start, end, roomId, headcount, audienceGrades = [], overrideOpening = false, content = '', observations = '', outcome = '' }: Values) => {
    setClashes(null);
    try {
      await api.groups.saveSession({
        programId: program.id,
        sessionId: editing?.id,
        date,
        start,
        end,
        roomId: roomId ?? null,
        content,
        observations,
        outcome,
        headcount: program.named ? null : (headcount ?? null),
        audienceGrades: program.named ? [] : audienceGrades,
        overrideOpening,
      });
      void message.success(t('groups.sessions.saved'));
      onSaved();
    } catch (err) {
      const found = clashesOf(err);
      if (found) setClashes(found);
      else if (isOutsideOpening(err)) setOutside(errorMessage(err));
      else throw err;
    }
  };

  return (
    <FormModal<Values>
      open
      title={editing ? t('groups.sessions.editTitle', { number: editing.number }) : t('groups.sessions.addTitle')}
      okText={t('common.save')}
      width={680}
      initialValues={initialValues(program, editing, today)}
      onSubmit={save}
      onClose={onClose}
    >
      <DateTimeFields schemas={fields} labels={{ date: t('groups.sessions.date'), start: t('groups.sessions.start'), end: t('groups.sessions.end') }} />
      <Form.Item name="roomId" label={t('groups.sessions.room')} extra={t('groups.sessions.roomHint')}>
        <Select allowClear placeholder={t('groups.sessions.noRoom')} options={(rooms.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))} />
      </Form.Item>
      {!program.named && (
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="headcount" label={t('groups.sessions.headcount')} rules={[zodRule(headcountField)]}>
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="audienceGrades" label={t('groups.sessions.audienceGrades')} rules={[zodRule(fields.audienceGrades)]}>
              <Select mode="multiple" options={gradeOptions} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item name="content" label={t('groups.sessions.content')} rules={[zodRule(fields.content)]}>
        <Input.TextArea rows={3} maxLength={maxLengthOf(fields.content)} showCount />
      </Form.Item>
      <Form.Item name="observations" label={t('groups.sessions.observations')} extra={t('groups.sessions.observationsHint')} rules={[zodRule(fields.observations)]}>
        <Input.TextArea rows={3} maxLength={maxLengthOf(fields.observations)} showCount />
      </Form.Item>
      <Form.Item name="outcome" label={t('groups.sessions.outcome')} rules={[zodRule(fields.outcome)]}>
        <Input.TextArea rows={2} maxLength={maxLengthOf(fields.outcome)} showCount />
      </Form.Item>
      {clashes && <ClashList clashes={clashes} />}
      {outside && <OverrideAlert reason={outside} name="overrideOpening" label={t('schedule.booking.override')} />}
    </FormModal>
  );
}
