import { z } from 'zod';
import { defineMethod } from './define';
import { empty, id, text } from './fields';

export const auditRow = z.object({
  seq: z.number().int(),
  at: z.number().int(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: z.enum(['ok', 'denied', 'failed']),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditRow = z.output<typeof auditRow>;

/**
 * Rows a list counts at most: a ten-year log holds 700,000, and counting them all took 140-200 ms
 * each time the 审计 screen opened. Past it, `capped` is true and `total` is the cap.
 */
export const AUDIT_COUNT_CAP = 10_000;

export const auditApi = {
  'audit.list': defineMethod({
    summary: `Audit rows, newest first (by time, then by sequence), filtered by user, action and date range. Counted up to ${AUDIT_COUNT_CAP.toLocaleString('en')}: with more matching rows \`capped\` is true and \`total\` is the cap (the screen shows “more than” and offers the filters).`,
    input: z
      .object({
        userId: id.optional(),
        action: text(64).optional(),
        from: z.number().int().nonnegative().optional(),
        to: z.number().int().nonnegative().optional(),
        page: z.number().int().min(1).max(100000).default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.object({ items: z.array(auditRow), total: z.number().int(), capped: z.boolean() }),
    roles: ['counselor', 'principal', 'district'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'audit.actions': defineMethod({
    summary: 'The actions that occur in the log, for the viewer’s filter.',
    input: empty,
    output: z.object({ items: z.array(z.string()) }),
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'audit.verify': defineMethod({
    summary: 'Walk the hash chain; name the first broken row.',
    input: empty,
    output: z.object({
      ok: z.boolean(),
      rows: z.number().int(),
      firstBroken: z.object({ seq: z.number().int(), reason: z.enum(['hash', 'link', 'sequence']) }).nullable(),
    }),
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
} as const;
