import { CounselError } from '../../../shared/api/errors';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { readTrashRetentionDays } from '../accounts/settings-store';
import { caseOfDeletedRecordIsDeleted, purgeDeletedBefore, restoreCase, restoreContact, restoreRecord, trashRow, trashRows } from './trash-repo';

const DAY_MS = 86_400_000;

const restorers = { case: restoreCase, record: restoreRecord, contact: restoreContact } as const;

export const trashHandlers: HandlerMap<'trash.list' | 'trash.restore' | 'trash.purge'> = {
  'trash.list': dbHandler<'trash.list'>({
    run: ({ db, now }) => {
      const retentionDays = readTrashRetentionDays(db);
      const items = trashRows(db).map((r) => {
        const purgeableAt = r.deletedAt + retentionDays * DAY_MS;
        return { ...r, purgeableAt, due: purgeableAt <= now };
      });
      return { items, retentionDays };
    },
  }),

  'trash.restore': dbHandler<'trash.restore'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const row = trashRow(db, input.kind, input.id);
      if (!row) {
        if (input.kind === 'record' && caseOfDeletedRecordIsDeleted(db, input.id)) {
          throw new CounselError('CONFLICT', 'errors.trash.caseDeleted', { path: 'id', id: input.id });
        }
        throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'id', id: input.id });
      }
      restorers[input.kind](db, input.id, now);
      ctx.audit = { targetType: input.kind, targetId: input.id, details: { kind: input.kind } };
      return { ok: true as const };
    },
  }),

  'trash.purge': dbHandler<'trash.purge'>({
    run: (ctx) => {
      const { db, now } = ctx;
      const purged = purgeDeletedBefore(db, now - readTrashRetentionDays(db) * DAY_MS);
      const counts = { cases: purged.caseIds.length, records: purged.records, contacts: purged.contacts };
      ctx.audit = {
        targetType: 'trash',
        targetId: null,
        details: { ...counts, caseIds: purged.caseIds },
        nothingChanged: counts.cases + counts.records + counts.contacts === 0,
      };
      return counts;
    },
  }),
};
