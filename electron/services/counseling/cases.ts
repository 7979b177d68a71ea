import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CASE_CATEGORIES, type CaseView } from '../../../shared/api/cases';
import { CounselError } from '../../../shared/api/errors';
import { suppressCount, suppressGroup } from '../../../shared/domain/suppression';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { requireAppointment } from '../schedule/appointments';
import {
  caseCounts,
  closeCase,
  getCase,
  hasActiveCrisis,
  insertCase,
  listCases,
  setCategories,
  softDeleteCase,
  transferCase,
  transfersOf,
  unsignedRecordIds,
  updateCaseFields,
} from './cases-repo';
import { assertActiveOrAcknowledged, assertNotFuture, changedKeys, definedOnly, requireCounselor, requireStudentRef, schoolDate } from '../common/clinical';
import { countRecordsOfCase, recordsOfCase, unindexCase } from './records-repo';
import { invalid } from '../common/validation';
import { attachCrisis, isCrisisCase } from '../crisis/attach';

// Alerts open a crisis case; the roster asks before deleting a student who has clinical records and
// warns of graduating students' open cases before the 升级.
export { insertCase, openCasesInGrades, studentHasClinicalRecords } from './cases-repo';

type CaseMethods = 'cases.open' | 'cases.get' | 'cases.list' | 'cases.update' | 'cases.close' | 'cases.transfer' | 'cases.remove' | 'cases.summary';

export function requireCase(db: Database, id: string, path = 'id'): CaseView {
  const c = getCase(db, id);
  if (!c) throw new CounselError('NOT_FOUND', 'errors.notFound', { path, id });
  return c;
}

/** A case that still takes changes and new records. */
export function requireOpenCase(db: Database, id: string, path = 'id'): CaseView {
  const c = requireCase(db, id, path);
  if (c.status !== 'open') throw new CounselError('CONFLICT', 'errors.case.closed', { path, id });
  return c;
}

/** A case may name the appointment it came from, but only one of the same client (no student for staff and parents). */
function assertAppointmentOfClient(db: Database, appointmentId: string | null | undefined, studentId: string | null): void {
  if (appointmentId === null || appointmentId === undefined) return;
  if (requireAppointment(db, appointmentId, 'appointmentId').studentId !== studentId) {
    throw invalid('appointmentId', 'errors.case.appointmentMismatch', { id: appointmentId });
  }
}

/**
 * A case of category crisis is a crisis case: it opens with its source, tier and reason (and so its
 * six steps), never bare; and crisis details go only with the category, for a student.
 */
function assertCrisisDetails(input: { clientKind: string; categories: readonly string[]; crisis?: unknown }): void {
  const isCrisis = input.categories.includes('crisis');
  if (!isCrisis && input.crisis !== undefined) throw invalid('crisis', 'errors.case.crisisWithoutCategory');
  if (!isCrisis) return;
  if (input.clientKind !== 'student') throw invalid('clientKind', 'errors.case.crisisNotStudent');
  if (input.crisis === undefined) throw invalid('crisis', 'errors.case.crisisDetailsRequired');
}

/** What a principal sees of the case counts: the small cells withheld within each group. */
function withheldSmallCells(c: ReturnType<typeof caseCounts>) {
  const group = <T extends { count: number }>(rows: T[]) => {
    const shown = suppressGroup(rows.map((r) => r.count));
    return rows.map((r, i) => ({ ...r, count: shown[i]! }));
  };
  return { total: suppressCount(c.total), byStatus: group(c.byStatus), byCategory: group(c.byCategory), byClientKind: group(c.byClientKind) };
}

/**
 * Closes an open case on a date between its opening and today, once every session record is signed;
 * a crisis case closes through here too.
 */
export function closeCaseChecked(db: Database, c: { id: string; closingSummary: string; closedOn?: string | undefined }, now: number, idPath = 'id'): CaseView {
  const open = requireOpenCase(db, c.id, idPath);
  const today = schoolDate(db, now);
  const closedOn = c.closedOn ?? today;
  assertNotFuture(closedOn, today, 'closedOn');
  if (closedOn < open.openedOn) {
    throw new CounselError('VALIDATION', 'errors.validation', [{ path: 'closedOn', reason: 'errors.case.closedBeforeOpened' }]);
  }
  const unsigned = unsignedRecordIds(db, open.id);
  if (unsigned.length > 0) throw new CounselError('CONFLICT', 'errors.case.unsignedRecords', { path: idPath, id: open.id, recordIds: unsigned });
  closeCase(db, open.id, c.closingSummary, closedOn, now);
  return getCase(db, open.id)!;
}

export const caseHandlers: HandlerMap<CaseMethods> = {
  'cases.open': dbHandler<'cases.open'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const today = schoolDate(db, now);
      if (input.studentId !== undefined) {
        const student = requireStudentRef(db, input.studentId, 'studentId');
        assertActiveOrAcknowledged(student, input.acknowledgeInactive, 'errors.case.studentInactive', 'studentId');
      }
      const counselorId = input.counselorId ?? actor.userId;
      if (input.counselorId !== undefined) requireCounselor(db, counselorId, 'counselorId');
      assertAppointmentOfClient(db, input.appointmentId, input.studentId ?? null);
      const openedOn = input.openedOn ?? today;
      assertNotFuture(openedOn, today, 'openedOn');
      assertCrisisDetails(input);
      const id = insertCase(
        db,
        {
          clientKind: input.clientKind,
          studentId: input.studentId ?? null,
          clientLabel: input.clientLabel,
          source: input.source,
          sourceNote: input.sourceNote,
          appointmentId: input.appointmentId,
          categories: input.categories,
          goals: input.goals,
          openedOn,
          counselorId,
          createdBy: actor.userId,
        },
        now,
      );
      if (input.crisis) attachCrisis(db, { caseId: id, ownerId: counselorId, sourceAlertId: null, openedOn, ...input.crisis }, now);
      const crisis = input.crisis ? { tier: input.crisis.tier, source: input.crisis.source } : {};
      ctx.audit = { targetType: 'case', targetId: id, details: { clientKind: input.clientKind, studentId: input.studentId ?? null, counselorId, ...crisis } };
      return getCase(db, id)!;
    },
  }),

  'cases.get': dbHandler<'cases.get'>({
    run: (ctx, input) => {
      const c = requireCase(ctx.db, input.id);
      ctx.audit = { targetType: 'case', targetId: c.id, details: { studentId: c.studentId } };
      return { ...c, records: recordsOfCase(ctx.db, c.id), transfers: transfersOf(ctx.db, c.id) };
    },
  }),

  'cases.list': dbHandler<'cases.list'>({ run: ({ db }, input) => listCases(db, input) }),

  'cases.update': dbHandler<'cases.update'>({
    run: (ctx, input) => {
      const { id, ...patch } = input;
      const before = requireOpenCase(ctx.db, id);
      const given = definedOnly(patch);
      if (given.categories) given.categories = CASE_CATEGORIES.filter((c) => given.categories!.includes(c));
      const changed = changedKeys(before, given);
      if (changed.includes('appointmentId')) assertAppointmentOfClient(ctx.db, given.appointmentId, before.studentId);
      if (given.categories && given.categories.includes('crisis') !== before.categories.includes('crisis')) throw invalid('categories', 'errors.case.crisisCategoryFixed');
      if (changed.length > 0) {
        updateCaseFields(ctx.db, id, { ...before, ...given }, ctx.now);
        if (given.categories) setCategories(ctx.db, id, given.categories);
      }
      ctx.audit = { targetType: 'case', targetId: id, details: { changed } };
      return getCase(ctx.db, id)!;
    },
  }),

  'cases.close': dbHandler<'cases.close'>({
    run: (ctx, input) => {
      // A crisis case closes with a reason for each open step and, when red, a review (crisis.close).
      if (hasActiveCrisis(ctx.db, input.id)) throw new CounselError('CONFLICT', 'errors.crisis.closeThroughCrisis', { path: 'id', id: input.id });
      const c = closeCaseChecked(ctx.db, { id: input.id, closingSummary: input.closingSummary, closedOn: input.closedOn }, ctx.now);
      ctx.audit = { targetType: 'case', targetId: c.id, details: { records: countRecordsOfCase(ctx.db, c.id) } };
      return c;
    },
  }),

  'cases.transfer': dbHandler<'cases.transfer'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const c = requireOpenCase(db, input.id);
      requireCounselor(db, input.toCounselorId, 'toCounselorId');
      if (input.toCounselorId === c.counselorId) {
        throw new CounselError('CONFLICT', 'errors.case.sameCounselor', { path: 'toCounselorId', id: input.toCounselorId });
      }
      transferCase(db, { caseId: c.id, from: c.counselorId, to: input.toCounselorId, reason: input.reason, by: actor.userId }, now);
      ctx.audit = { targetType: 'case', targetId: c.id, details: { fromUserId: c.counselorId, toUserId: input.toCounselorId } };
      return getCase(db, c.id)!;
    },
  }),

  // The case's rows stay (soft delete); its notes leave the archive, the caseload and the search index.
  'cases.remove': dbHandler<'cases.remove'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const c = requireCase(db, input.id);
      // A crisis case is the school's record of how a child at risk was looked after: closed, never deleted.
      if (isCrisisCase(db, c.id)) throw new CounselError('CONFLICT', 'errors.crisis.neverDeleted', { path: 'id', id: c.id });
      const records = countRecordsOfCase(db, c.id);
      softDeleteCase(db, c.id, input.reason, actor.userId, now);
      unindexCase(db, c.id);
      ctx.audit = { targetType: 'case', targetId: c.id, details: { studentId: c.studentId, records } };
      return { ok: true as const };
    },
  }),

  'cases.summary': dbHandler<'cases.summary'>({
    run: ({ db, actor }, input) => {
      const counts = caseCounts(db, input.from, input.to);
      return actor.role === 'counselor' ? counts : withheldSmallCells(counts);
    },
  }),
};
