import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ContactView } from '../../../shared/api/contacts';
import { CounselError } from '../../../shared/api/errors';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { requireCase } from './cases';
import { assertActiveOrAcknowledged, assertNotFuture, changedKeys, definedOnly, requireStudentRef, schoolDate } from '../common/clinical';
import { getConsent, getContact, insertConsent, insertContact, latestConsent, softDeleteContact, updateContact, type ContactFields } from './contacts-repo';

// A testing consent is read from the latest consent of its scope.
export { latestConsent } from './contacts-repo';

type ContactMethods = 'contacts.create' | 'contacts.get' | 'contacts.update' | 'contacts.remove' | 'consents.record' | 'consents.recordTesting' | 'consents.current';

function requireContact(db: Database, id: string): ContactView {
  const c = getContact(db, id);
  if (!c) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'id', id });
  return c;
}

/** A contact may name a case, but only one of the same student's. */
function assertCaseOfStudent(db: Database, caseId: string | null, studentId: string): void {
  if (caseId === null) return;
  const c = requireCase(db, caseId, 'caseId');
  if (c.studentId !== studentId) throw new CounselError('CONFLICT', 'errors.contact.caseOfOtherClient', { path: 'caseId', id: caseId });
}

function fieldsOf(c: ContactView): ContactFields {
  return {
    contactDate: c.contactDate,
    withKind: c.withKind,
    withLabel: c.withLabel,
    channel: c.channel,
    summary: c.summary,
    agreedActions: c.agreedActions,
    caseId: c.caseId,
  };
}

export const contactHandlers: HandlerMap<ContactMethods> = {
  'contacts.create': dbHandler<'contacts.create'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const { acknowledgeInactive, ...fields } = input;
      const student = requireStudentRef(db, input.studentId, 'studentId');
      assertActiveOrAcknowledged(student, acknowledgeInactive, 'errors.student.inactive', 'studentId');
      assertNotFuture(input.contactDate, schoolDate(db, now), 'contactDate');
      assertCaseOfStudent(db, input.caseId, student.id);
      const id = insertContact(db, { ...fields, authorId: actor.userId }, now);
      ctx.audit = { targetType: 'contact', targetId: id, details: { studentId: student.id, caseId: input.caseId } };
      return getContact(db, id)!;
    },
  }),

  'contacts.get': dbHandler<'contacts.get'>({
    run: (ctx, input) => {
      const c = requireContact(ctx.db, input.id);
      ctx.audit = { targetType: 'contact', targetId: c.id, details: { studentId: c.studentId } };
      return c;
    },
  }),

  'contacts.update': dbHandler<'contacts.update'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const { id, ...patch } = input;
      const before = requireContact(db, id);
      if (before.authorId !== actor.userId) throw new CounselError('FORBIDDEN', 'errors.contact.notAuthor', { path: 'id', id });
      const given = definedOnly(patch);
      const merged = { ...fieldsOf(before), ...given };
      if (merged.withKind === 'other' && merged.withLabel === '') {
        throw new CounselError('VALIDATION', 'errors.validation', [{ path: 'withLabel', reason: 'errors.field.required' }]);
      }
      if (given.contactDate !== undefined) assertNotFuture(given.contactDate, schoolDate(db, now), 'contactDate');
      if (given.caseId !== undefined) assertCaseOfStudent(db, given.caseId, before.studentId);
      const changed = changedKeys(fieldsOf(before), given);
      if (changed.length > 0) updateContact(db, id, merged, now);
      ctx.audit = { targetType: 'contact', targetId: id, details: { studentId: before.studentId, changed } };
      return getContact(db, id)!;
    },
  }),

  'contacts.remove': dbHandler<'contacts.remove'>({
    run: (ctx, input) => {
      const c = requireContact(ctx.db, input.id);
      softDeleteContact(ctx.db, c.id, input.reason, ctx.now);
      ctx.audit = { targetType: 'contact', targetId: c.id, details: { studentId: c.studentId } };
      return { ok: true as const };
    },
  }),

  // Append-only: a consent given by mistake is corrected by recording the right one, which becomes the latest.
  'consents.record': dbHandler<'consents.record'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      requireStudentRef(db, input.studentId, 'studentId');
      assertNotFuture(input.date, schoolDate(db, now), 'date');
      const id = insertConsent(db, { ...input, recordedById: actor.userId }, now);
      ctx.audit = { targetType: 'consent', targetId: id, details: { studentId: input.studentId, scope: input.scope, party: input.party } };
      return getConsent(db, id);
    },
  }),

  'consents.recordTesting': dbHandler<'consents.recordTesting'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      requireStudentRef(db, input.studentId, 'studentId');
      assertNotFuture(input.date, schoolDate(db, now), 'date');
      const given = (party: 'student' | 'guardian') =>
        getConsent(db, insertConsent(db, { ...input, scope: 'testing', party, outcome: 'given', recordedById: actor.userId }, now));
      const student = given('student');
      const guardian = given('guardian');
      ctx.audit = { targetType: 'consent', targetId: student.id, details: { studentId: input.studentId, scope: 'testing', parties: ['student', 'guardian'], guardianConsentId: guardian.id } };
      return { student, guardian };
    },
  }),

  'consents.current': dbHandler<'consents.current'>({
    run: ({ db }, input) => {
      requireStudentRef(db, input.studentId, 'studentId');
      const student = latestConsent(db, input.studentId, input.scope, 'student');
      const guardian = latestConsent(db, input.studentId, input.scope, 'guardian');
      return { studentId: input.studentId, scope: input.scope, student, guardian, bothGiven: student?.outcome === 'given' && guardian?.outcome === 'given' };
    },
  }),
};
