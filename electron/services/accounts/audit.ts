import { stmt } from '../../db/statements';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { verifyAndCheckpoint } from '../../audit/checkpoint';
import { Where } from '../../db/where';
import { AUDIT_COUNT_CAP, type AuditRow } from '../../../shared/api/audit';
import { redactForPrincipal } from './audit-redaction';
import { listUsers } from './users-repo';

interface Row {
  seq: number;
  at: number;
  user_id: string | null;
  username: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: AuditRow['outcome'];
  details: string | null;
}

const DISTINCT_ACTIONS = `
  WITH RECURSIVE a(action) AS (
    SELECT min(action) FROM audit_log
    UNION ALL
    SELECT (SELECT min(action) FROM audit_log WHERE action > a.action) FROM a WHERE a.action IS NOT NULL
  )
  SELECT action FROM a WHERE action IS NOT NULL`;

export const auditHandlers: HandlerMap<'audit.list' | 'audit.actions' | 'audit.verify'> = {
  'audit.list': dbHandler<'audit.list'>({
    run: ({ db, actor }, input) => {
      const where = new Where()
        .when(input.userId, 'userId', 'user_id = @userId')
        .when(input.action, 'action', 'action = @action')
        .when(input.from, 'from', 'at >= @from')
        .when(input.to, 'to', 'at <= @to');
      const clause = where.sql;
      const params = where.params;
      // Counted only up to one past the cap: an index walk of at most that many entries.
      const counted = (stmt(db, `SELECT count(*) AS n FROM (SELECT 1 FROM audit_log WHERE ${clause} LIMIT ${AUDIT_COUNT_CAP + 1})`).get(params) as { n: number }).n;
      const rows = db
        .prepare(`SELECT * FROM audit_log WHERE ${clause} ORDER BY at DESC, seq DESC LIMIT @limit OFFSET @offset`)
        .all({ ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as Row[];
      // Anyone but a counselor (a principal, a district officer) reads the log without any id that leads to a student; staff ids stay.
      const staff = actor.role !== 'counselor' ? new Set(listUsers(db).map((u) => u.id)) : null;
      const shown = (row: AuditRow) => (staff ? redactForPrincipal(row, staff) : row);
      return {
        total: Math.min(counted, AUDIT_COUNT_CAP),
        capped: counted > AUDIT_COUNT_CAP,
        items: rows.map((r) => shown({
          seq: r.seq,
          at: r.at,
          userId: r.user_id,
          username: r.username,
          action: r.action,
          targetType: r.target_type,
          targetId: r.target_id,
          outcome: r.outcome,
          details: r.details === null ? null : (JSON.parse(r.details) as Record<string, unknown>),
        })),
      };
    },
  }),
  'audit.actions': dbHandler<'audit.actions'>({
    // One index step per distinct action (a skip scan), not a read of the whole log.
    run: ({ db }) => ({ items: stmt(db, DISTINCT_ACTIONS).pluck().all() as string[] }),
  }),
  // Always the whole chain; an intact one becomes the checkpoint the checklist's figure walks on from.
  'audit.verify': dbHandler<'audit.verify'>({
    run: ({ db, now }) => {
      const { ok, rows, firstBroken } = verifyAndCheckpoint(db, now);
      return { ok, rows, firstBroken };
    },
  }),
};
