import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiResult } from '../../shared/api/errors';
import type { Core } from '../core/types';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { isInsideRoot, mimeTypeOf, resolveRequestPath } from '../security/static-files';

/** Large enough for an 8 MiB roster file as base64 inside JSON. */
const MAX_BODY = 12 * 1024 * 1024;
export const TOKEN_HEADER = 'x-counsel-token';

export interface Bridge {
  url: string;
  /** The address to open: the token rides in the fragment, which browsers never send to a server. */
  launchUrl: string;
  token: string;
  close(): Promise<void>;
}

export interface BridgeOptions {
  core: Core;
  rendererDir: string;
  port?: number;
}

function send(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendResult(res: ServerResponse, status: number, result: ApiResult<unknown>): void {
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
}

/**
 * The body as text, or null when it is over MAX_BODY. An oversized body is still read to its end
 * (and dropped as it arrives, so nothing piles up): a server that stops reading and closes the
 * socket makes the client see a reset instead of the 413 it should be told.
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) chunks.length = 0;
      else chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A call is a JSON object; null, an array or a bare value is the client's mistake, not the dispatcher's. */
function parseCall(body: string): { method?: unknown; input?: unknown } | null {
  let msg: unknown;
  try {
    msg = JSON.parse(body);
  } catch {
    return null;
  }
  return typeof msg === 'object' && msg !== null && !Array.isArray(msg) ? msg : null;
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function serveStatic(res: ServerResponse, root: string, pathname: string): void {
  const file = resolveRequestPath(root, pathname);
  let real: string | null = null;
  try {
    real = file && statSync(file).isFile() ? realpathSync(file) : null;
  } catch {
    real = null;
  }
  if (!real || !isInsideRoot(realpathSync(root), real)) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  res.writeHead(200, {
    'Content-Type': mimeTypeOf(real),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  createReadStream(real).pipe(res);
}

/**
 * The loopback door for browser tests and `npm run dev:web`: serves the built
 * renderer and forwards calls to the dispatcher. It binds 127.0.0.1 only, and
 * every call needs the random per-start token; the Host header must name the
 * loopback address, so a page that rebinds a DNS name to 127.0.0.1 gets nothing.
 */
export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(32).toString('hex');
  const conn = opts.core.connect('bridge');
  let port = 0;
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => sendResult(res, 500, { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.internal' } }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 421, 'Misdirected request', 'text/plain; charset=utf-8');
    const base = `http://127.0.0.1:${port}`;
    if (!URL.canParse(req.url ?? '/', base)) return send(res, 400, 'Bad request', 'text/plain; charset=utf-8');
    const url = new URL(req.url ?? '/', base);
    if (url.pathname === '/api/call') {
      if (req.method !== 'POST') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
      const origin = req.headers.origin;
      if (!tokenMatches(req.headers[TOKEN_HEADER], token) || (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin))) {
        return sendResult(res, 401, { ok: false, error: { code: 'AUTH', messageKey: 'errors.bridge.token' } });
      }
      const body = await readBody(req);
      if (body === null) return sendResult(res, 413, { ok: false, error: { code: 'VALIDATION', messageKey: 'errors.bridge.tooLarge' } });
      const msg = parseCall(body);
      if (!msg) return sendResult(res, 400, { ok: false, error: { code: 'VALIDATION', messageKey: 'errors.bridge.badJson' } });
      return sendResult(res, 200, await conn.call(String(msg.method), msg.input));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    return serveStatic(res, opts.rendererDir, url.pathname);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}#token=${token}`,
    token,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await conn.close();
    },
  };
}
