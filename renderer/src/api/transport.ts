import { splitMethod } from '../../../shared/api/method-name';
import type { CounselTransport, MethodName } from '../../../shared/api/contract';
import { isApiError, type ApiResult } from '../../../shared/api/errors';

/** What the Electron preload exposes: counsel[area][verb](input) resolving to an ApiResult. */
type PreloadApi = Record<string, Record<string, (input: unknown) => Promise<ApiResult<unknown>>>>;

declare global {
  interface Window {
    counsel?: PreloadApi;
  }
}

const TOKEN_KEY = 'counselroom.bridgeToken';

function ipcTransport(counsel: PreloadApi): CounselTransport {
  return (method, input) => {
    const [area, verb] = splitMethod(method);
    const fn = counsel[area]?.[verb];
    // A preload from another build that lacks this method: say so rather than throw.
    if (!fn) return Promise.resolve(internal('errors.unknownMethod'));
    return fn(input);
  };
}

/**
 * The bridge hands its token over in the URL fragment (never sent to the server in
 * a request line, never in logs). It is moved to sessionStorage and wiped from the
 * address bar so it does not linger in history or get copied with the URL.
 */
function takeBridgeToken(): string {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const fromHash = params.get('token');
  if (fromHash) {
    window.sessionStorage.setItem(TOKEN_KEY, fromHash);
    params.delete('token');
    const rest = params.toString();
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}${rest ? `#${rest}` : ''}`);
    return fromHash;
  }
  return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function bridgeTransport(token: string, fetchImpl: typeof fetch = (...args) => window.fetch(...args)): CounselTransport {
  return async (method: MethodName, input: unknown) => {
    let response: Response;
    try {
      response = await fetchImpl('/api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Counsel-Token': token },
        body: JSON.stringify({ method, input }),
      });
    } catch {
      return internal('errors.bridgeUnreachable');
    }
    // Error statuses still carry an ApiResult body; anything else means the bridge is not ours.
    const body: unknown = await response.json().catch(() => null);
    return isApiResult(body) ? body : internal('errors.internal');
  };
}

export function detectTransport(): CounselTransport {
  return window.counsel ? ipcTransport(window.counsel) : bridgeTransport(takeBridgeToken());
}

function isApiResult(body: unknown): body is ApiResult<unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const r = body as { ok?: unknown; error?: unknown };
  return r.ok === true ? 'value' in r : r.ok === false && isApiError(r.error);
}

function internal(messageKey: string): ApiResult<never> {
  return { ok: false, error: { code: 'INTERNAL', messageKey } };
}
