import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CounselError } from '../../../shared/api/errors';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { requireBookableStudent } from './schedule-checks';
import { closeWaitlistEntry, getWaitlistEntry, insertWaitlistEntry, openWaitlist, type WaitlistEntry } from './waitlist-repo';

type WaitlistMethods = 'waitlist.list' | 'waitlist.add' | 'waitlist.remove';

/** An entry still waiting; one already booked or removed is CONFLICT, so a second booking from it is refused. */
export function requireWaitingEntry(db: Database, id: string, path: string): WaitlistEntry {
  const entry = getWaitlistEntry(db, id);
  if (!entry) throw new CounselError('NOT_FOUND', 'errors.notFound', { path, id });
  if (entry.closedAt !== null) throw new CounselError('CONFLICT', 'errors.waitlist.closed', { path, id });
  return entry;
}

export const waitlistHandlers: HandlerMap<WaitlistMethods> = {
  'waitlist.list': dbHandler<'waitlist.list'>({ run: ({ db }) => ({ items: openWaitlist(db) }) }),

  'waitlist.add': dbHandler<'waitlist.add'>({
    run: (ctx, input) => {
      const studentId = input.studentId ?? null;
      if (studentId !== null) requireBookableStudent(ctx.db, studentId, 'studentId');
      const id = insertWaitlistEntry(ctx.db, { ...input, studentId, addedBy: ctx.actor.userId }, ctx.now);
      ctx.audit = { targetType: 'waitlist', targetId: id, details: { clientKind: input.clientKind, studentId } };
      return getWaitlistEntry(ctx.db, id)!;
    },
  }),

  'waitlist.remove': dbHandler<'waitlist.remove'>({
    run: (ctx, input) => {
      const entry = requireWaitingEntry(ctx.db, input.id, 'id');
      closeWaitlistEntry(ctx.db, entry.id, null, ctx.now);
      ctx.audit = { targetType: 'waitlist', targetId: entry.id, details: { studentId: entry.studentId } };
      return { ok: true as const };
    },
  }),
};
