import fs from 'node:fs';
import { protocol } from 'electron';
import { APP_SCHEME, isAppUrl } from '../security/app-origin';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { isInsideRoot, mimeTypeOf, resolveRequestPath } from '../security/static-files';

/**
 * Must run before app 'ready'. standard + secure give app://counselroom a real, secure origin
 * (so 'self' in the CSP means it); supportFetchAPI lets the renderer fetch its own assets.
 * bypassCSP stays off.
 */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function registerAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir));
}

/** Serves files below rootDir (out/renderer) read-only; anything else is a 404 or 405. */
export function createAppRequestHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return respond(405);
    if (!isAppUrl(request.url)) return respond(404);
    const file = resolveRequestPath(rootDir, new URL(request.url).pathname);
    if (file === null) return respond(404);
    const body = await readInsideRoot(rootDir, file);
    return body === null ? respond(404) : respond(200, body, mimeTypeOf(file));
  };
}

/** Re-checks containment on real paths, so a symlink in the root cannot lead out of it. */
async function readInsideRoot(rootDir: string, file: string): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const [realRoot, realFile] = await Promise.all([fs.promises.realpath(rootDir), fs.promises.realpath(file)]);
    if (!isInsideRoot(realRoot, realFile) || !(await fs.promises.stat(realFile)).isFile()) return null;
    return await fs.promises.readFile(realFile);
  } catch {
    return null;
  }
}

function respond(status: number, body: Uint8Array<ArrayBuffer> | null = null, contentType = 'text/plain; charset=utf-8'): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
