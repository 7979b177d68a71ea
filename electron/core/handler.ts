import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import type { Contract, MethodName, ParsedInputOf } from '../../shared/api/contract';
import type { AuditEntry } from '../audit/chain';
import type { CoreState, ConnectionState } from './state';
import type { Actor } from './types';

/** What a database service sees: the open archive, who is calling, the time, and its audit row to fill. */
export interface ServiceContext {
  db: Database;
  actor: Actor;
  now: number;
  /**
   * The dispatcher writes the audit row from these after the service returns. A write that
   * changed nothing (an autosave of unchanged text, every few seconds) sets nothingChanged and
   * leaves no row, so the log records changes rather than keystrokes.
   */
  audit: { targetType: string | null; targetId: string | null; details: Record<string, unknown> | null; nothingChanged?: boolean };
}

/** What a session service sees (setup, login, unlock, recovery): the vault and the connection. */
export interface SystemContext {
  core: CoreState;
  conn: ConnectionState;
  now: number;
  /** Writes an audit row now if the archive is open, else keeps it for the next unlock. */
  audit(entry: Omit<AuditEntry, 'at' | 'door'>): void;
}

type OutputIn<N extends MethodName> = z.input<Contract[N]['output']>;

export interface DbHandler<N extends MethodName, P = undefined> {
  kind: 'db';
  /** Async work before the transaction (parsing a file); must not touch the database. */
  prepare?: (input: ParsedInputOf<N>) => Promise<P>;
  /**
   * Read-only checks of a method marked `backupFirst`, run before its safety copy: a call the
   * service refuses (a stale plan, nothing to undo) then writes no backup and no audit row of one.
   * `run` checks again inside its transaction, where the answer counts.
   */
  check?: (ctx: ServiceContext, input: ParsedInputOf<N>) => void;
  /** Synchronous, so the change and its audit row share one transaction. */
  run: (ctx: ServiceContext, input: ParsedInputOf<N>, prepared: P) => OutputIn<N>;
}

export interface SystemHandler<N extends MethodName> {
  kind: 'system';
  run: (ctx: SystemContext, input: ParsedInputOf<N>) => Promise<OutputIn<N>> | OutputIn<N>;
}

export type Handler<N extends MethodName> = DbHandler<N, any> | SystemHandler<N>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type HandlerMap<A extends MethodName> = { [N in A]: Handler<N> };

export function dbHandler<N extends MethodName, P = undefined>(h: Omit<DbHandler<N, P>, 'kind'>): DbHandler<N, P> {
  return { kind: 'db', ...h };
}

export function systemHandler<N extends MethodName>(run: SystemHandler<N>['run']): SystemHandler<N> {
  return { kind: 'system', run };
}
