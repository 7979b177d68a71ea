import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, TOKEN_HEADER, type Bridge } from '../../electron/bridge/server';
import { startTestCore, type TestCore } from '../helpers/inproc';

let t: TestCore;
let bridge: Bridge;
let root: string;

beforeAll(async () => {
  t = await startTestCore();
  root = mkdtempSync(join(tmpdir(), 'counselroom-renderer-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>CounselRoom</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'counselroom-outside.txt'), 'secret');
  bridge = await startBridge({ core: t.core, rendererDir: root });
});
afterAll(async () => {
  await bridge.close();
  await t.cleanup();
  rmSync(root, { recursive: true, force: true });
});

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(new URL('/api/call', bridge.url), { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
}

function rawGet(path: string, host: string): Promise<number> {
  const u = new URL(bridge.url);
  return new Promise((resolve, reject) => {
    const r = request({ host: '127.0.0.1', port: u.port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    r.on('error', reject);
    r.end();
  });
}

describe('loopback bridge', () => {
  it('listens on 127.0.0.1 only and keeps the token out of the served URL', () => {
    expect(new URL(bridge.url).hostname).toBe('127.0.0.1');
    expect(bridge.launchUrl).toBe(`${bridge.url}#token=${bridge.token}`);
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses calls without the token or with a wrong one', async () => {
    for (const headers of [{}, { [TOKEN_HEADER]: 'f'.repeat(64) }] as Record<string, string>[]) {
      const res = await post({ method: 'app.status', input: {} }, headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ ok: false, error: { code: 'AUTH', messageKey: 'errors.bridge.token' } });
    }
  });

  it('forwards a call with the token to the dispatcher', async () => {
    const res = await post({ method: 'app.status', input: {} }, { [TOKEN_HEADER]: bridge.token });
    expect(await res.json()).toEqual({ ok: true, value: { setupDone: false, session: 'none', user: null, idleLockMinutes: null, recoveryKeyConfirmed: null, demo: false } });
    const forbidden = await post({ method: 'students.list', input: {} }, { [TOKEN_HEADER]: bridge.token });
    expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe('AUTH');
  });

  it('answers a body that is not a call object with 400 VALIDATION, never 500', async () => {
    const headers = { 'content-type': 'application/json', [TOKEN_HEADER]: bridge.token };
    for (const body of ['null', '[]', '[{"method":"app.status"}]', '42', '"app.status"', 'true', '{"method":', '']) {
      const res = await fetch(new URL('/api/call', bridge.url), { method: 'POST', body, headers });
      expect([body, res.status, await res.json()]).toEqual([body, 400, { ok: false, error: { code: 'VALIDATION', messageKey: 'errors.bridge.badJson' } }]);
    }
  });

  it('reads an oversized body to its end and answers 413 instead of resetting the connection', async () => {
    const body = Buffer.alloc(12 * 1024 * 1024 + 1, 0x20);
    const res = await fetch(new URL('/api/call', bridge.url), { method: 'POST', body, headers: { 'content-type': 'application/json', [TOKEN_HEADER]: bridge.token } });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'VALIDATION', messageKey: 'errors.bridge.tooLarge' } });
    // The bridge still answers afterwards.
    expect((await post({ method: 'app.status', input: {} }, { [TOKEN_HEADER]: bridge.token })).status).toBe(200);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const res = await post({ method: 'app.status', input: {} }, { [TOKEN_HEADER]: bridge.token, origin: 'http://evil.example' });
    expect(res.status).toBe(401);
  });

  it('serves the renderer with the CSP and nothing outside its folder', async () => {
    const index = await fetch(bridge.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await fetch(new URL('/assets/app.js', bridge.url))).headers.get('content-type')).toContain('javascript');
    for (const p of ['/../counselroom-outside.txt', '/%2e%2e/counselroom-outside.txt', '/assets/%2e%2e%2f%2e%2e%2fcounselroom-outside.txt', '/nope.js']) {
      expect(await rawGet(p, new URL(bridge.url).host)).toBe(404);
    }
  });

  it('answers nothing to a Host that is not the loopback address (DNS rebinding)', async () => {
    expect(await rawGet('/', 'attacker.example:80')).toBe(421);
  });

  it('answers a request target that is no URL with 400', async () => {
    expect(await rawGet('//[', new URL(bridge.url).host)).toBe(400);
  });
});
