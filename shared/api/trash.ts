import { z } from 'zod';
import { defineMethod } from './define';
import { empty, id, ok } from './fields';

/** What a counselor can soft-delete and later restore or purge. */
export const TRASH_KINDS = ['case', 'record', 'contact'] as const;
export type TrashKind = (typeof TRASH_KINDS)[number];

export const trashItem = z.object({
  kind: z.enum(TRASH_KINDS),
  id,
  /** The student's name (or the staff/parent client's label); no clinical text. */
  clientLabel: z.string(),
  /** For a case: its records that go with it; else 0. */
  recordCount: z.number().int(),
  deletedAt: z.number().int(),
  deletedReason: z.string(),
  /** From this instant on, trash.purge erases it for good. */
  purgeableAt: z.number().int(),
  /** The retention has passed (by the core's clock): trash.purge would erase it now. */
  due: z.boolean(),
});
export type TrashItem = z.output<typeof trashItem>;

export const trashApi = {
  'trash.list': defineMethod({
    summary: 'Soft-deleted cases, draft records and home-school contacts, newest deletion first, each with the instant the retention setting lets it be purged.',
    input: empty,
    output: z.object({ items: z.array(trashItem), retentionDays: z.number().int() }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'trash.restore': defineMethod({
    summary:
      'Undo a soft delete: the item returns to the archive, caseload and search. A record whose case is itself deleted is CONFLICT errors.trash.caseDeleted (restore the case).',
    input: z.object({ kind: z.enum(TRASH_KINDS), id }).strict(),
    output: ok,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'trash.purge': defineMethod({
    summary:
      'Erase for good every deleted item whose retention has passed (a case with its records, addenda, disclosures and transfers); younger items stay. Audited with counts and ids.',
    input: z.object({ confirm: z.literal(true) }).strict(),
    output: z.object({ cases: z.number().int(), records: z.number().int(), contacts: z.number().int() }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
    backupFirst: true,
  }),
} as const;
