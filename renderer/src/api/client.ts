import { createClient } from '../../../shared/api/client';
import type { CounselTransport } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
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

/** The one client of the renderer; everything reaches data through it. */
export const api = createClient(observed);
