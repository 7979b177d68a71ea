import { collectAfterFile } from './collect-after-file';
import { dispatch, lockIfIdle } from './dispatcher';
import { endSession } from '../services/accounts/session';
import { runDueBackup } from '../services/backup/backup';
import { ConnectionState, CoreState } from './state';
import type { Connection, Core, CoreOptions, Door } from './types';

const IDLE_SWEEP_MS = 30_000;

/**
 * The core every door shares (IPC via the database process, the CLI, the
 * bridge, the tests). Calls are serialised: better-sqlite3 is synchronous and
 * the session state must not interleave (a login racing a lock).
 */
export function createCore(opts: CoreOptions): Core {
  const state = new CoreState(opts);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T> | T): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  // After a call, in the next turn of the event loop and in the queue like a call (never between the
  // steps of another), the WAL goes into the archive if the call grew it past SQLite's threshold.
  let checkpointQueued = false;
  const checkpointSoon = () => {
    if (checkpointQueued) return;
    checkpointQueued = true;
    setImmediate(() =>
      void serial(() => {
        checkpointQueued = false;
        try {
          state.checkpointIfGrown();
        } catch {
          // The frames stay in the WAL, as durable as in the archive; the next call tries again.
        }
      }),
    );
  };

  // Locks idle sessions even when no call arrives, so the key does not stay in memory; and takes
  // the day's automatic backup while a counselor is working.
  const sweep = setInterval(() => {
    void serial(() => {
      for (const c of state.connections) if (c.session && !c.session.locked) lockIfIdle(state, c, c.session);
      const counselor = [...state.connections].find((c) => c.session && !c.session.locked && c.session.role === 'counselor');
      if (counselor && state.db) {
        try {
          runDueBackup(state, counselor);
        } catch {
          // A pulled USB stick must not break the session; the home screen's overdue warning tells.
        }
      }
    });
  }, IDLE_SWEEP_MS);
  sweep.unref();

  return {
    connect(door: Door): Connection {
      const conn = new ConnectionState(door);
      state.connections.add(conn);
      return {
        call: (method, input) =>
          serial(async () => {
            const result = await dispatch(state, conn, method, input);
            collectAfterFile(input, result.ok ? result.value : undefined);
            checkpointSoon();
            return result;
          }),
        close: () =>
          serial(() => {
            endSession(state, conn);
            state.connections.delete(conn);
            state.releaseIfIdle();
          }),
      };
    },
    shutdown: () =>
      serial(() => {
        clearInterval(sweep);
        for (const c of state.connections) endSession(state, c);
        state.connections.clear();
        state.close();
      }),
  };
}
