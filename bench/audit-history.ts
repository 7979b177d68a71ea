/**
 * Ten years of audit rows for the benchmark school. The generator writes its history straight into
 * the tables, so the log holds only the ~200 rows of the calls made through the dispatcher; a real
 * school writes a row for every audited call (every write that changed something, every audited
 * read such as opening a student's record, every login, lock and unlock), and its log is by far the
 * fastest-growing table of the archive. The rows here are derived from the school's own history,
 * so the volume scales with it (docs/PERFORMANCE.md, "The audit chain at ten years"):
 *
 * - each session record: the student's file and the case opened (students.get, cases.get, both
 *   audited reads), the record created by its first save, DRAFT_SAVES autosaves that changed text (records.saveDraft
 *   writes a row only when a field changed; the editor saves after every 2 s pause in typing), the
 *   record read back and signed: 5 + DRAFT_SAVES rows;
 * - each appointment: booked (appointments.create, a few days before) and its outcome recorded
 *   (appointments.setStatus, on the day): 2 rows;
 * - each school day (weekdays from the first record on): a login, an idle lock and unlock twice,
 *   a logout: 6 rows.
 *
 * For the large school (30,000 records, 120,000 appointments, 2,560 weekdays) that is
 * 30,000 × 15 + 120,000 × 2 + 2,560 weekdays × 6 = 705,360 rows: about 280 a weekday over ten years,
 * i.e. two counselors at ~140 audited calls a day each.
 *
 * The rows are appended after the existing ones with the real chain (appendAudit's digest), in
 * time order among themselves, as the counselor of the school ('ipc' door, the desktop window).
 * Details carry ids, counts and field names, as the services write them: never a name.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { GENESIS, insertSealed, lastAuditRow, rowHash, type StoredRow } from '../electron/audit/chain';
import { addDays } from '../shared/domain/dates';

/** Autosaves that changed a field, per record written. */
const DRAFT_SAVES = 10;
const FIELDS = ['currentState', 'mainProblem', 'analysis', 'plan', 'outcomeEvaluation', 'followUpActions'];
/** Rows written per transaction: bounded memory, few commits. */
const BATCH = 20_000;

type Row = Omit<StoredRow, 'seq' | 'prev_hash' | 'hash'>;
type Actor = Pick<Row, 'user_id' | 'username' | 'role'>;

/** A school day's moment as epoch ms, in China's time (UTC+8, no daylight saving). */
const at = (date: string, minuteOfDay: number, second = 0) => Date.parse(`${date}T00:00:00+08:00`) + minuteOfDay * 60_000 + second * 1000;

function row(actor: Actor, when: number, action: string, targetType: string | null, targetId: string | null, details: Record<string, unknown> | null): Row {
  return { ...actor, at: when, door: 'ipc', action, target_type: targetType, target_id: targetId, outcome: 'ok', details: details === null ? null : JSON.stringify(details) };
}

interface RecordRow {
  id: string;
  caseId: string;
  studentId: string;
  date: string;
  startMin: number;
}
interface AppointmentRow {
  id: string;
  studentId: string | null;
  roomId: string | null;
  date: string;
  startMin: number;
  endMin: number;
  status: string;
}

function recordRows(actor: Actor, r: RecordRow): Row[] {
  // Written in the half hour after the session.
  const t = (k: number) => at(r.date, r.startMin + 50, k * 40);
  const rows = [
    row(actor, t(0), 'students.get', 'student', r.studentId, null),
    row(actor, t(1), 'cases.get', 'case', r.caseId, { studentId: r.studentId }),
    // The first save of a new record creates it: records.saveDraft without an id, revision 1.
    row(actor, t(2), 'records.saveDraft', 'record', r.id, { caseId: r.caseId, revision: 1, changed: ['sessionDate', 'kind'] }),
  ];
  for (let k = 0; k < DRAFT_SAVES; k++) {
    rows.push(row(actor, t(3 + k), 'records.saveDraft', 'record', r.id, { caseId: r.caseId, revision: k + 2, changed: [FIELDS[k % FIELDS.length]] }));
  }
  rows.push(row(actor, t(3 + DRAFT_SAVES), 'records.get', 'record', r.id, { caseId: r.caseId, studentId: r.studentId }));
  rows.push(row(actor, t(4 + DRAFT_SAVES), 'records.sign', 'record', r.id, { caseId: r.caseId, revision: DRAFT_SAVES + 1 }));
  return rows;
}

function appointmentRows(actor: Actor, a: AppointmentRow): Row[] {
  const booked = addDays(a.date, -3);
  return [
    row(actor, at(booked, 8 * 60 + (a.startMin % 120)), 'appointments.create', 'appointment', a.id, {
      date: a.date,
      count: 1,
      seriesId: null,
      studentId: a.studentId,
      counselorId: actor.user_id,
      roomId: a.roomId,
    }),
    row(actor, at(a.date, a.endMin), 'appointments.setStatus', 'appointment', a.id, { from: 'booked', to: a.status }),
  ];
}

function dayRows(actor: Actor, date: string): Row[] {
  const t = (h: number, m: number) => at(date, h * 60 + m);
  return [
    row(actor, t(7, 40), 'auth.login', null, null, null),
    row(actor, t(10, 5), 'auth.lock', null, null, { reason: 'idle' }),
    row(actor, t(10, 50), 'auth.unlock', null, null, null),
    row(actor, t(14, 20), 'auth.lock', null, null, { reason: 'idle' }),
    row(actor, t(15, 0), 'auth.unlock', null, null, null),
    row(actor, t(17, 30), 'auth.logout', null, null, null),
  ];
}

const isWeekday = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d !== 0 && d !== 6;
};

/** Every row of one day, in time order. */
function rowsOfDay(actor: Actor, date: string, records: RecordRow[], appointments: { a: AppointmentRow; booking: boolean }[]): Row[] {
  const rows = isWeekday(date) ? dayRows(actor, date) : [];
  for (const r of records) rows.push(...recordRows(actor, r));
  for (const { a, booking } of appointments) {
    const [create, status] = appointmentRows(actor, a);
    rows.push(booking ? create! : status!);
  }
  return rows.sort((x, y) => x.at - y.at);
}

/**
 * Appends the school's ten years of audit rows to `db` (opened with its key, at the current
 * schema) in transactions of BATCH rows, chained onto its last row. Returns how many it wrote.
 */
export function appendAuditHistory(db: Database, userId: string): number {
  const user = db.prepare('SELECT username, role FROM users WHERE id = ?').get(userId) as { username: string; role: string };
  const actor: Actor = { user_id: userId, username: user.username, role: user.role };
  const records = db
    .prepare('SELECT id, case_id AS caseId, student_id AS studentId, session_date AS date FROM session_records WHERE deleted_at IS NULL')
    .all() as Omit<RecordRow, 'startMin'>[];
  const appointments = db.prepare('SELECT id, student_id AS studentId, room_id AS roomId, date, start_min AS startMin, end_min AS endMin, status FROM appointments').all() as AppointmentRow[];
  const byDay = new Map<string, { records: RecordRow[]; appointments: { a: AppointmentRow; booking: boolean }[] }>();
  const day = (d: string) => byDay.get(d) ?? byDay.set(d, { records: [], appointments: [] }).get(d)!;
  // The generated records have no start time: a day's sessions follow each other from 8:00.
  for (const r of records) {
    const list = day(r.date).records;
    list.push({ ...r, startMin: 8 * 60 + (list.length % 9) * 55 });
  }
  for (const a of appointments) {
    day(addDays(a.date, -3)).appointments.push({ a, booking: true });
    day(a.date).appointments.push({ a, booking: false });
  }
  const dates = [...byDay.keys()].sort();
  if (dates.length === 0) return 0;
  const last = dates[dates.length - 1]!;
  for (let d = dates[0]!; d <= last; d = addDays(d, 1)) if (isWeekday(d)) day(d);

  const tail = lastAuditRow(db);
  let seq = tail?.seq ?? 0;
  let prev = tail?.hash ?? GENESIS;
  let pending: Row[] = [];
  const flush = db.transaction((rows: Row[]) => {
    for (const r of rows) {
      const sealed = { ...r, seq: ++seq, prev_hash: prev };
      prev = rowHash(sealed);
      insertSealed(db, { ...sealed, hash: prev });
    }
  });
  let written = 0;
  for (const d of [...byDay.keys()].sort()) {
    const { records: rs, appointments: as } = byDay.get(d)!;
    pending.push(...rowsOfDay(actor, d, rs, as));
    if (pending.length >= BATCH) {
      flush(pending);
      written += pending.length;
      pending = [];
    }
  }
  flush(pending);
  return written + pending.length;
}
