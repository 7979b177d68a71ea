import type { ApiResult } from '../../shared/api/errors';
import { internalError, parseDbHostReply, type DbHostRequest } from '../db-host-protocol';

/** The part of Electron's UtilityProcess the client uses (a fake in tests). */
export interface DbHostProcess {
  postMessage(message: DbHostRequest): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface DbHostClient {
  call(connectionId: string, method: string, input: unknown): Promise<ApiResult<unknown>>;
  disconnect(connectionId: string): void;
  /** Lets the host close the database cleanly; kills it if it has not exited within timeoutMs. */
  shutdown(timeoutMs?: number): Promise<void>;
}

const EXITED = 'errors.dbHostExited';

/**
 * Request/response over the utilityProcess port. If the host dies, every pending and later
 * call answers INTERNAL and onUnexpectedExit is told once: the host is never restarted
 * silently, because a half-finished write deserves the user's attention.
 */
export function createDbHostClient(child: DbHostProcess, onUnexpectedExit: (code: number) => void): DbHostClient {
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  let nextId = 1;
  let exited = false;
  let shutdownPromise: Promise<void> | null = null;
  let resolveExited: () => void = () => {};
  const whenExited = new Promise<void>((resolve) => (resolveExited = resolve));

  child.on('message', (message) => {
    const reply = parseDbHostReply(message);
    const resolve = reply && pending.get(reply.id);
    if (!reply || !resolve) return;
    pending.delete(reply.id);
    resolve(reply.result);
  });

  child.on('exit', (code) => {
    exited = true;
    for (const resolve of pending.values()) resolve(internalError(EXITED));
    pending.clear();
    resolveExited();
    if (!shutdownPromise) onUnexpectedExit(code);
  });

  return {
    call(connectionId, method, input) {
      if (exited || shutdownPromise) return Promise.resolve(internalError(EXITED));
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        try {
          child.postMessage({ type: 'call', id, connectionId, method, input });
        } catch {
          pending.delete(id);
          resolve(internalError('errors.internal'));
        }
      });
    },

    disconnect(connectionId) {
      if (!exited) child.postMessage({ type: 'disconnect', connectionId });
    },

    shutdown(timeoutMs = 5000) {
      if (exited) return Promise.resolve();
      shutdownPromise ??= new Promise((resolve) => {
        const timer = setTimeout(() => child.kill(), timeoutMs);
        void whenExited.then(() => {
          clearTimeout(timer);
          resolve();
        });
        child.postMessage({ type: 'shutdown' });
      });
      return shutdownPromise;
    },
  };
}
