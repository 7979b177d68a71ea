import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../../shared/api/contract';
import { CounselError, type ApiResult, type ErrorDetail } from '../../shared/api/errors';
import { appendAudit } from '../audit/chain';
import { readIdleLockMinutes } from '../services/accounts/settings-store';
import { backupBeforeOperation } from '../services/backup/backup';
import type { Handler, ServiceContext, SystemContext } from './handler';
import { handlers } from './handlers';
import type { ConnectionState, CoreState, Session } from './state';

/**
 * The one way to the database, for every door:
 * session and role first (a caller without the right learns nothing, not even
 * the input rules), then input validation, then the service inside one
 * transaction together with its audit row, then the output schema (which also
 * strips any field a service returned by mistake).
 */
export async function dispatch(core: CoreState, conn: ConnectionState, method: string, raw: unknown): Promise<ApiResult<unknown>> {
  try {
    if (!isMethodName(method)) throw new CounselError('NOT_FOUND', 'errors.unknownMethod');
    const spec = contract[method];
    const session = spec.gate === 'none' ? null : admit(core, conn, method);
    const parsed = spec.input.safeParse(raw ?? {});
    if (!parsed.success) throw new CounselError('VALIDATION', 'errors.validation', zodDetails(parsed.error));
    const handler = handlers[method] as Handler<MethodName>;
    const value =
      handler.kind === 'system'
        ? await handler.run(systemContext(core, conn), parsed.data as never)
        : await runDb(core, conn, method, session, handler, parsed.data);
    return { ok: true, value: spec.output.parse(value) };
  } catch (e) {
    return { ok: false, error: toApiError(e) };
  }
}

function admit(core: CoreState, conn: ConnectionState, method: MethodName): Session {
  const spec = contract[method];
  const session = conn.session;
  if (!session) throw new CounselError('AUTH', 'errors.auth.required');
  if (!session.locked) lockIfIdle(core, conn, session);
  if (session.locked && spec.gate === 'unlocked') throw new CounselError('LOCKED', 'errors.locked');
  if (!spec.roles.includes(session.role)) {
    if (!session.locked) {
      core.audit(conn, { ...actorFields(session), action: method, targetType: null, targetId: null, outcome: 'denied', details: null });
    }
    throw new CounselError('FORBIDDEN', 'errors.forbidden');
  }
  // An initial passphrase set by a colleague is known to two people until it is replaced.
  if (!session.locked && session.user.mustChangePassphrase && spec.beforePassphraseChange !== true) {
    throw new CounselError('AUTH', 'errors.auth.mustChangePassphrase');
  }
  if (!session.locked) session.lastActivity = core.now();
  return session;
}

/** Server-side idle lock, in case the window stopped reporting activity. */
export function lockIfIdle(core: CoreState, conn: ConnectionState, session: Session): void {
  const db = core.db;
  if (!db) return;
  const idleMs = readIdleLockMinutes(db) * 60_000;
  if (core.now() - session.lastActivity < idleMs) return;
  core.audit(conn, { ...actorFields(session), action: 'auth.lock', targetType: null, targetId: null, outcome: 'ok', details: { reason: 'idle' } });
  session.locked = true;
  core.releaseIfIdle();
}

async function runDb(
  core: CoreState,
  conn: ConnectionState,
  method: MethodName,
  session: Session | null,
  handler: Extract<Handler<MethodName>, { kind: 'db' }>,
  input: unknown,
): Promise<unknown> {
  if (!session) throw new CounselError('AUTH', 'errors.auth.required');
  const spec = contract[method];
  const prepared = handler.prepare ? await handler.prepare(input as never) : undefined;
  const db = core.requireDb();
  const ctx: ServiceContext = {
    db,
    actor: session,
    now: core.now(),
    audit: { targetType: null, targetId: null, details: null },
  };
  if (spec.backupFirst === true) {
    handler.check?.(ctx, input as never);
    backupBeforeOperation(core, conn, method);
  }
  return db.transaction(() => {
    const out = handler.run(ctx, input as never, prepared);
    if ((spec.kind === 'write' && ctx.audit.nothingChanged !== true) || spec.auditRead === true) {
      appendAudit(db, {
        ...actorFields(session),
        at: ctx.now,
        door: conn.door,
        action: method,
        targetType: ctx.audit.targetType,
        targetId: ctx.audit.targetId,
        outcome: 'ok',
        details: ctx.audit.details,
      });
    }
    return out;
  })();
}

export function actorFields(s: Session) {
  return { userId: s.userId, username: s.username, role: s.role };
}

function systemContext(core: CoreState, conn: ConnectionState): SystemContext {
  return {
    core,
    conn,
    now: core.now(),
    audit: (entry) => core.audit(conn, entry),
  };
}

function zodDetails(err: z.ZodError): ErrorDetail[] {
  return err.issues.map((i) => {
    const d: ErrorDetail = { path: i.path.map(String).join('.'), reason: i.message.startsWith('errors.') ? i.message : `errors.zod.${i.code}` };
    if ('maximum' in i) d.maximum = i.maximum;
    if ('minimum' in i) d.minimum = i.minimum;
    if (i.code === 'unrecognized_keys') d.keys = i.keys;
    return d;
  });
}

/** Anything that is not a CounselError is reported by reference only: no stack or record content leaves the core. */
function toApiError(e: unknown) {
  if (e instanceof CounselError) return e.toApiError();
  const ref = randomBytes(4).toString('hex');
  const err = e as { name?: string; code?: string; stack?: string };
  const frames = (err.stack ?? '').split('\n').slice(1, 6).join('\n');
  process.stderr.write(`[counselroom] internal error ref=${ref} ${err.name ?? 'Error'} ${err.code ?? ''}\n${frames}\n`);
  return { code: 'INTERNAL' as const, messageKey: 'errors.internal', details: { ref } };
}
