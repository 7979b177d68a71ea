/**
 * The single-record writes of a counselor's day, for the method benchmark: an autosave of a draft
 * record, a booking, one answer of a form. What a case's calls need is made through the
 * dispatcher too (untimed), so the timed calls pass the same checks, consent gates and audit rows
 * as in the app.
 */
import type { CounselTransport, InputOf, MethodName, OutputOf } from '../shared/api/contract';
import type { ApiError } from '../shared/api/errors';
import { formatTime, parseTime } from '../shared/domain/schedule';
import { builtins } from '../electron/services/assessments/scales';
import { type Ids, WEEK } from './method-inputs';

export interface WriteCase {
  method: MethodName;
  variant: string;
  /** Untimed: makes what `calls` calls need, and gives the i-th call's input from the previous call's output. */
  prepare(call: CounselTransport, ids: Ids, calls: number): Promise<(i: number, previous: unknown) => object>;
}

/** A refused write is a broken benchmark, never a row left out. */
export function refused(method: MethodName, error: ApiError): Error {
  return new Error(`${method} refused: ${error.code} ${error.messageKey} ${JSON.stringify(error.details ?? {})}`);
}

async function must<M extends MethodName>(call: CounselTransport, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const r = await call(method, input);
  if (!r.ok) throw refused(method, r.error);
  return r.value as OutputOf<M>;
}

/** Types a case's inputs and outputs by its method; the runner sees them all alike. */
function writeCase<M extends MethodName>(
  method: M,
  variant: string,
  prepare: (call: CounselTransport, ids: Ids, calls: number) => Promise<(i: number, previous: OutputOf<M> | undefined) => InputOf<M>>,
): WriteCase {
  return {
    method,
    variant,
    prepare: async (call, ids, calls) => {
      const inputFor = await prepare(call, ids, calls);
      return (i, previous) => inputFor(i, previous as OutputOf<M> | undefined) as object;
    },
  };
}

const minutes = (time: string) => parseTime(time)!;

/** One class period of the school's bell schedule: how long a session here lasts. */
const SESSION_MINUTES = 40;

interface Slot {
  roomId: string;
  date: string;
  start: number;
  end: number;
}

/**
 * Sessions that fit in the week's room openings, packed from each opening's start. Any booking of
 * the day blocks its time, the planned ones included: the counselor is in every one of them, so
 * neither room, counselor nor student can clash.
 */
async function freeSlots(call: CounselTransport): Promise<Slot[]> {
  const openings = (await must(call, 'openings.expand', WEEK)).items;
  const taken = (await must(call, 'appointments.list', WEEK)).items.map((b) => ({ date: b.date, start: minutes(b.start), end: minutes(b.end) }));
  const slots: Slot[] = [];
  for (const o of openings) {
    for (let start = minutes(o.start); start + SESSION_MINUTES <= minutes(o.end); ) {
      const end = start + SESSION_MINUTES;
      const clash = taken.find((t) => t.date === o.date && t.start < end && start < t.end);
      if (clash) {
        start = clash.end;
        continue;
      }
      slots.push({ roomId: o.roomId, date: o.date, start, end });
      taken.push({ date: o.date, start, end });
      start = end;
    }
  }
  return slots;
}

const NOTE = '学生自述近两周入睡困难，早上起不来，上课注意力不集中；与同桌因座位调整发生争执后不愿与人交流，午休时常一个人待在教室。班主任反映作业完成情况下降。';

/** Indexes into an item's options: mostly the lowest, as a screening's answers mostly are. */
const LOW = [0, 1, 0, 0, 2, 0, 1, 0, 3, 0, 0];

export const WRITE_CASES: WriteCase[] = [
  writeCase('records.saveDraft', "autosave of a draft on the busiest student's open case", async (call, ids) => {
    const open = (await must(call, 'cases.list', { studentId: ids.student, status: 'open', pageSize: 1 })).items[0];
    if (!open) throw new Error(`records.saveDraft: the busiest student ${ids.student} has no open case`);
    const draft = await must(call, 'records.saveDraft', { caseId: open.id });
    // Each autosave carries the field as typed so far, based on the revision the save before returned.
    return (i, previous) => ({ id: draft.id, revision: (previous ?? draft).revision, currentState: `${NOTE}${'补充观察。'.repeat(i % 8)}${i}` });
  }),

  writeCase('appointments.create', `${SESSION_MINUTES}-minute session in the week of ${WEEK.from}, conflict-checked`, async (call, _ids, calls) => {
    let slots = await freeSlots(call);
    if (slots.length < calls) {
      // The seeded bookings fill every hour of the school day, the counselor's too: open the rooms in a
      // boarding school's evening study hours, every room, since one may be closed on a day of the week.
      const rooms = (await must(call, 'rooms.list', {})).items.map((r) => r.id);
      if (rooms.length === 0) rooms.push((await must(call, 'rooms.create', { name: '辅导室', zoneType: 'individual', areaM2: 12, capacity: 2 })).id);
      for (const roomId of rooms) {
        await must(call, 'openings.saveSlot', { roomId, rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', validFrom: WEEK.from, validUntil: WEEK.to, start: '17:00', end: '22:00', dutyName: '值班老师' });
      }
      slots = await freeSlots(call);
    }
    if (slots.length < calls) throw new Error(`appointments.create: ${slots.length} free sessions in the week of ${WEEK.from}, ${calls} wanted`);
    const students = (await must(call, 'students.list', { pageSize: Math.min(calls, 200) })).items;
    return (i) => {
      const s = slots[i]!;
      return { studentId: students[i % students.length]!.id, roomId: s.roomId, date: s.date, start: formatTime(s.start), end: formatTime(s.end), kind: 'individual', source: 'selfReferral' };
    };
  }),

  writeCase('assessments.answer', 'PHQ-9 answer of a form in progress', async (call, ids) => {
    const start = { studentId: ids.student, scaleId: 'phq9', mode: 'kiosk' } as const;
    let form = await call('assessments.start', start);
    if (!form.ok && form.error.messageKey === 'errors.assessment.noConsent') {
      await must(call, 'consents.recordTesting', { studentId: ids.student, date: new Date().toISOString().slice(0, 10), form: 'written' });
      form = await call('assessments.start', start);
    }
    if (!form.ok) throw refused('assessments.start', form.error);
    const formId = (form.value as OutputOf<'assessments.start'>).id;
    const def = builtins().find((b) => b.definition.id === 'phq9')!.definition;
    return (i) => {
      const item = def.items[i % def.items.length]!;
      const codes = def.optionSets[item.optionSet]!.map((o) => o.code);
      // Item 9 above 0 on its second pass only: the critical alert it raises, stored with the answer, is part of the cost.
      const k = item.id === 'phq9_9' ? Number(Math.floor(i / def.items.length) === 1) : LOW[i % LOW.length]!;
      return { formId, itemId: item.id, code: codes[k]! };
    };
  }),
];
