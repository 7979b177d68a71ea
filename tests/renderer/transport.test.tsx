// @vitest-environment jsdom
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { splitMethod } from '../../shared/api/client';
import { METHOD_NAMES } from '../../shared/api/contract';
import { startBridge } from '../../electron/bridge/server';
import { bridgeTransport, detectTransport } from '../../renderer/src/api/transport';
import { startTestCore } from '../helpers/inproc';

afterEach(() => {
  delete window.counsel;
  window.history.replaceState(null, '', '/');
});

test('the bridge token is taken from the URL fragment, kept for this tab only, and wiped from the address bar', () => {
  window.history.replaceState(null, '', '/index.html?x=1#token=abc123');
  detectTransport();
  expect(window.sessionStorage.getItem('counselroom.bridgeToken')).toBe('abc123');
  expect(window.location.href).toBe('http://localhost:3000/index.html?x=1');
  // A reload has no fragment any more but still finds its token.
  detectTransport();
  expect(window.sessionStorage.getItem('counselroom.bridgeToken')).toBe('abc123');
});

test('over the real bridge: calls reach the core with the token; a wrong token and an unreachable bridge are ApiResults', async () => {
  const core = await startTestCore();
  const rendererDir = mkdtempSync(join(tmpdir(), 'counselroom-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  const bridge = await startBridge({ core: core.core, rendererDir });
  const toBridge = (base: string): typeof fetch => (path, init) => fetch(new URL(String(path), base), init);
  try {
    const status = await bridgeTransport(bridge.token, toBridge(bridge.url))('app.status', {});
    expect(status).toEqual({ ok: true, value: expect.objectContaining({ setupDone: false, session: 'none' }) });

    const refused = await bridgeTransport('not-the-token', toBridge(bridge.url))('app.status', {});
    expect(refused).toEqual({ ok: false, error: { code: 'AUTH', messageKey: 'errors.bridge.token' } });
  } finally {
    await bridge.close();
    await core.cleanup();
  }
  const gone = await bridgeTransport(bridge.token, toBridge(bridge.url))('app.status', {});
  expect(gone).toEqual({ ok: false, error: { code: 'INTERNAL', messageKey: 'errors.bridgeUnreachable' } });
});

test('inside Electron the preload’s window.counsel is used, area by verb', async () => {
  const core = await startTestCore();
  try {
    // Shaped like electron/preload.ts builds it: one function per method, resolving to an ApiResult.
    const counsel: NonNullable<typeof window.counsel> = {};
    for (const method of METHOD_NAMES) {
      const [area, verb] = splitMethod(method);
      (counsel[area] ??= {})[verb] = (input) => core.transport(method, input);
    }
    window.counsel = counsel;
    window.history.replaceState(null, '', '/#token=ignored');
    const result = await detectTransport()('app.status', {});
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ setupDone: false }) });
    expect(window.sessionStorage.getItem('counselroom.bridgeToken')).toBeNull();
  } finally {
    await core.cleanup();
  }
});
