import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CounselError, type ErrorDetail } from '../../../shared/api/errors';
import { FIELDS_REQUIRED_TO_SIGN, recordFields, type RecordFields } from '../../../shared/api/records';
import { dbHandler, type HandlerMap, type ServiceContext } from '../../core/handler';
import { requireOpenCase } from './cases';
import { assertActiveOrAcknowledged, assertNotFuture, changedKeys, definedOnly, requireStudentRef, schoolDate, schoolMinutes } from '../common/clinical';
import { toMinutes } from '../schedule/schedule-checks';
import {
  countRecordsOfCase,
  crisisGuardianNotified,
  fieldsOf,
  getAddendum,
  getDisclosure,
  getRecordRow,
  insertAddendum,
  insertDisclosure,
  insertRecord,
  listDisclosures,
  recordView,
  signRecord,
  softDeleteRecord,
  TODO_AGE_MS,
  unsignedOf,
  updateRecord,
  type RecordRow,
  signedRecordCounts,
} from './records-repo';

type RecordMethods =
  | 'records.saveDraft'
  | 'records.get'
  | 'records.sign'
  | 'records.addAddendum'
  | 'records.addDisclosure'
  | 'records.remove'
  | 'records.todo';

/** A disclosure dated more than this into the future is a typing mistake. */
const CLOCK_SKEW_MS = 5 * 60_000;

function requireRecord(db: Database, id: string, path = 'id'): RecordRow {
  const r = getRecordRow(db, id);
  if (!r) throw new CounselError('NOT_FOUND', 'errors.notFound', { path, id });
  return r;
}

/** The checks every change of a record's own fields passes: not signed, by its author, from the current revision. */
function requireEditable(ctx: ServiceContext, id: string, revision: number | undefined): RecordRow {
  const r = requireRecord(ctx.db, id);
  if (r.signed_at !== null) throw new CounselError('CONFLICT', 'errors.record.signed', { path: 'id', id, signedAt: r.signed_at });
  if (r.author_id !== ctx.actor.userId) throw new CounselError('FORBIDDEN', 'errors.record.notAuthor', { path: 'id', id });
  if (revision !== undefined && revision !== r.revision) {
    throw new CounselError('CONFLICT', 'errors.record.staleRevision', { path: 'revision', id, currentRevision: r.revision });
  }
  return r;
}

/**
 * What signing would refuse as of `now`: required fields left empty, a future date, a session that
 * has not begun yet (a record of 16:30 today is not signed in the morning), a risk of harm with
 * nobody informed.
 */
function signBlockers(db: Database, r: RecordRow, now: number): { fields: ErrorDetail[]; disclosureMissing: boolean } {
  const f = fieldsOf(r);
  const today = schoolDate(db, now);
  const fields: ErrorDetail[] = FIELDS_REQUIRED_TO_SIGN.filter((k) => f[k] === null || f[k] === '').map((path) => ({
    path,
    reason: 'errors.field.required',
  }));
  if (f.sessionDate > today) fields.push({ path: 'sessionDate', reason: 'errors.field.futureDate' });
  if (f.sessionDate === today && f.startTime !== null && toMinutes(f.startTime) > schoolMinutes(db, now)) {
    fields.push({ path: 'startTime', reason: 'errors.record.notYetHeld', start: f.startTime });
  }
  const disclosureMissing = f.riskOfHarm !== 'none' && listDisclosures(db, r.id).length === 0 && !crisisGuardianNotified(db, r.case_id);
  return { fields, disclosureMissing };
}

/** A record as its page shows it, with what still blocks signing it as of `now`. */
export function recordViewAt(db: Database, r: RecordRow, now: number) {
  const b = signBlockers(db, r, now);
  const blockers = b.fields.map(({ path, reason, start }) => ({ path: path!, reason: reason!, ...(typeof start === 'string' ? { start } : {}) }));
  const disclosure = { path: 'disclosures', reason: 'errors.record.disclosureRequired' };
  return recordView(db, r, r.signed_at === null ? (b.disclosureMissing ? [...blockers, disclosure] : blockers) : []);
}

function createDraft(ctx: ServiceContext, caseId: string, patch: Partial<RecordFields>, acknowledgeInactive: boolean | undefined) {
  const { db, actor, now } = ctx;
  const c = requireOpenCase(db, caseId, 'caseId');
  if (c.studentId !== null) {
    assertActiveOrAcknowledged(requireStudentRef(db, c.studentId, 'caseId'), acknowledgeInactive, 'errors.student.inactive', 'caseId');
  }
  // Template defaults: the first record of a case is a first session; the client is there.
  const fields = recordFields.parse({
    sessionDate: schoolDate(db, now),
    startTime: null,
    durationMinutes: null,
    mode: 'face',
    participants: { student: c.clientKind === 'student', guardian: false, teacher: false },
    kind: countRecordsOfCase(db, c.id) === 0 ? 'first' : 'followUp',
    currentState: '',
    mainProblem: '',
    analysis: '',
    plan: '',
    outcomeEvaluation: '',
    followUpActions: '',
    nextAppointmentDate: null,
    riskOfHarm: 'none',
    ...patch,
  });
  const id = insertRecord(db, { caseId: c.id, studentId: c.studentId, authorId: actor.userId, fields }, now);
  ctx.audit = { targetType: 'record', targetId: id, details: { caseId: c.id, revision: 1, changed: Object.keys(patch) } };
  return { id, revision: 1, updatedAt: now };
}

export const recordHandlers: HandlerMap<RecordMethods> = {
  'records.saveDraft': dbHandler<'records.saveDraft'>({
    run: (ctx, input) => {
      const { id, revision, caseId, acknowledgeInactive, ...rest } = input;
      const patch = definedOnly(rest);
      if (patch.sessionDate !== undefined) assertNotFuture(patch.sessionDate, schoolDate(ctx.db, ctx.now), 'sessionDate');
      if (id === undefined) return createDraft(ctx, caseId!, patch, acknowledgeInactive);
      const r = requireEditable(ctx, id, revision);
      const before = fieldsOf(r);
      const changed = changedKeys(before, patch);
      ctx.audit = { targetType: 'record', targetId: id, details: { caseId: r.case_id, revision: r.revision, changed } };
      // An autosave with nothing new costs a read, not a new revision or an audit row.
      if (changed.length === 0) {
        ctx.audit.nothingChanged = true;
        return { id, revision: r.revision, updatedAt: r.updated_at };
      }
      const next = r.revision + 1;
      updateRecord(ctx.db, id, { ...before, ...patch }, next, ctx.now);
      ctx.audit.details = { caseId: r.case_id, revision: next, changed };
      return { id, revision: next, updatedAt: ctx.now };
    },
  }),

  'records.get': dbHandler<'records.get'>({
    run: (ctx, input) => {
      const r = requireRecord(ctx.db, input.id);
      ctx.audit = { targetType: 'record', targetId: r.id, details: { caseId: r.case_id, studentId: r.student_id } };
      return recordViewAt(ctx.db, r, ctx.now);
    },
  }),

  'records.sign': dbHandler<'records.sign'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const r = requireEditable(ctx, input.id, input.revision);
      const blockers = signBlockers(db, r, now);
      if (blockers.fields.length > 0) throw new CounselError('VALIDATION', 'errors.record.incomplete', blockers.fields);
      if (blockers.disclosureMissing) {
        throw new CounselError('CONFLICT', 'errors.record.disclosureRequired', { path: 'disclosures', id: r.id, riskOfHarm: r.risk_of_harm });
      }
      signRecord(db, r.id, now);
      ctx.audit = { targetType: 'record', targetId: r.id, details: { caseId: r.case_id, revision: r.revision } };
      return recordViewAt(db, requireRecord(db, r.id), now);
    },
  }),

  'records.addAddendum': dbHandler<'records.addAddendum'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const r = requireRecord(db, input.recordId, 'recordId');
      if (r.signed_at === null) throw new CounselError('CONFLICT', 'errors.record.notSigned', { path: 'recordId', id: r.id });
      const id = insertAddendum(db, { recordId: r.id, authorId: actor.userId, text: input.text, writtenOn: schoolDate(db, now) }, now);
      ctx.audit = { targetType: 'addendum', targetId: id, details: { recordId: r.id, caseId: r.case_id } };
      return getAddendum(db, id);
    },
  }),

  'records.addDisclosure': dbHandler<'records.addDisclosure'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const r = requireRecord(db, input.recordId, 'recordId');
      if (r.risk_of_harm === 'none') throw new CounselError('CONFLICT', 'errors.disclosure.noRisk', { path: 'recordId', id: r.id });
      if (input.informedAt > now + CLOCK_SKEW_MS) {
        throw new CounselError('VALIDATION', 'errors.validation', [{ path: 'informedAt', reason: 'errors.field.futureDate' }]);
      }
      const id = insertDisclosure(
        db,
        { ...input, recordId: r.id, informedOn: schoolDate(db, input.informedAt), recordedBy: actor.userId },
        now,
      );
      ctx.audit = { targetType: 'disclosure', targetId: id, details: { recordId: r.id, caseId: r.case_id } };
      return getDisclosure(db, id);
    },
  }),

  'records.remove': dbHandler<'records.remove'>({
    run: (ctx, input) => {
      const r = requireEditable(ctx, input.id, undefined);
      // Somebody was told about a risk of harm: that stays documented, so the draft is signed, not discarded.
      if (listDisclosures(ctx.db, r.id).length > 0) throw new CounselError('CONFLICT', 'errors.record.hasDisclosure', { path: 'id', id: r.id });
      softDeleteRecord(ctx.db, r.id, input.reason, ctx.now);
      ctx.audit = { targetType: 'record', targetId: r.id, details: { caseId: r.case_id } };
      return { ok: true as const };
    },
  }),

  'records.todo': dbHandler<'records.todo'>({
    run: ({ db, actor, now }) => ({ items: unsignedOf(db, actor.userId, now, TODO_AGE_MS) }),
  }),
};

/** The guide's note structure (REC-02): current state, main problem and its assessment, analysis, plan, outcome. */
const GUIDE_STRUCTURE = ['current_state', 'main_problem', 'analysis', 'plan', 'outcome_evaluation'] as const;

/** Counts only, for the compliance checklist: signed records in a span and how many follow the guide's structure. */
export function recordCompleteness(db: Database, from: string, to: string): { signed: number; complete: number } {
  return signedRecordCounts(db, from, to, GUIDE_STRUCTURE);
}
