import type { Role } from '../../shared/api/define';
import type { ApiResult } from '../../shared/api/errors';

/** Who is calling: held by a session (state.ts) and handed to every service (handler.ts). */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
}

/** Which door a connection came through; recorded in audit rows. */
export type Door = 'ipc' | 'cli' | 'bridge' | 'test';

/**
 * One client of the core: a window (IPC), one CLI run, one bridge start.
 * The session (who is logged in, locked or not) lives inside the connection,
 * so no door ever holds or forwards a session token.
 */
export interface Connection {
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Ends the session (audited as a logout if one was open). */
  close(): Promise<void>;
}

export interface Core {
  connect(door: Door): Connection;
  /** Closes every connection and the database. */
  shutdown(): Promise<void>;
}

export interface CoreOptions {
  /** Folder holding counselroom.db and keyslots.json. */
  dataDir: string;
  /** Path to a better_sqlite3.node built for the running ABI (Electron); omitted under Node. */
  nativeBinding?: string;
  /** Injectable clock: the only time source of the core. */
  now?: () => number;
  /** scrypt cost for new key slots (log2 N). Default 17; tests lower it. */
  kdfLogN?: number;
}
