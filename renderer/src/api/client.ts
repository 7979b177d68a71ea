import type { CounselClient, CounselTransport, MethodName } from '../../../shared/api/contract';
import { resultValue, type ApiError } from '../../../shared/api/errors';
import { detectTransport } from './transport';

let transport: CounselTransport | null = null;
const sessionListeners = new Set<(error: ApiError) => void>();

/** Tests (and nothing else) swap in another transport, e.g. an in-process core. */
export function setTransport(next: CounselTransport): void {
  transport = next;
}

/**
 * Called whenever a call fails because the session can no longer serve it: gone or locked
 * (server-side idle lock, another window logged out), or held until an initial passphrase
 * is replaced. The UI then moves to the lock, login or change-passphrase screen.
 */
export function onSessionInterrupted(listener: (error: ApiError) => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

function isInterruption(error: ApiError): boolean {
  return error.code === 'LOCKED' || error.messageKey === 'errors.auth.required' || error.messageKey === 'errors.auth.mustChangePassphrase';
}

const observed: CounselTransport = async (method, input) => {
  transport ??= detectTransport();
  const result = await transport(method, input);
  if (!result.ok && isInterruption(result.error)) sessionListeners.forEach((l) => l(result.error));
  return result;
};

/**
 * The one client of the renderer; everything reaches data through it. `api.area.verb(input)` is
 * sent as 'area.verb' without the contract's schemas at hand (the core checks every input and
 * output), so the first screen does not wait for every schema of the app to be built.
 */
export const api = new Proxy({} as CounselClient, {
  get: (_client, area) => (isName(area) ? new Proxy({}, { get: (_ns, verb) => (isName(verb) ? call(`${area}.${verb}`) : undefined) }) : undefined),
});

// Not a symbol, and not `then`: a namespace handed to `await` must not look like a promise.
function isName(key: string | symbol): key is string {
  return typeof key === 'string' && key !== 'then';
}

function call(method: string) {
  return async (input: unknown) => resultValue(await observed(method as MethodName, input ?? {}));
}
