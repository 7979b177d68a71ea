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
 * Called whenever a call fails because the session is gone or locked (server-side
 * idle lock, another window logged out), so the UI can fall back to the lock or login screen.
 */
export function onSessionLost(listener: (error: ApiError) => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

function isSessionLoss(error: ApiError): boolean {
  return error.code === 'LOCKED' || error.messageKey === 'errors.auth.required';
}

const observed: CounselTransport = async (method, input) => {
  transport ??= detectTransport();
  const result = await transport(method, input);
  if (!result.ok && isSessionLoss(result.error)) sessionListeners.forEach((l) => l(result.error));
  return result;
};

/** The one client of the renderer; everything reaches data through it. */
export const api = createClient(observed);
