import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp';
import type { FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());

const { createAppRequestHandler, registerAppProtocol, registerAppSchemePrivileges } = await import('../../electron/shell/protocol');
const electron = (await import('electron')) as unknown as FakeElectron;

let workDir: string;
let root: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(() => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'counselroom-protocol-'));
  root = path.join(workDir, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>CounselRoom</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(workDir, 'secret.txt'), 'outside the root');
  symlinkSync(path.join(workDir, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  serve = createAppRequestHandler(root);
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('app:// scheme', () => {
  it('is registered as standard and secure, and never bypasses the CSP', () => {
    registerAppSchemePrivileges();
    const [schemes] = electron.protocol.registerSchemesAsPrivileged.mock.calls[0] as unknown as [
      { scheme: string; privileges: Record<string, boolean> }[],
    ];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]!.scheme).toBe('app');
    expect(schemes[0]!.privileges).toMatchObject({ standard: true, secure: true });
    expect(schemes[0]!.privileges.bypassCSP).toBeUndefined();
  });

  it('is handled by one handler for the app scheme', () => {
    registerAppProtocol(root);
    expect(electron.protocol.handle).toHaveBeenCalledTimes(1);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('app:// request handler', () => {
  it('serves index.html with its type and the CSP header', async () => {
    const response = await get('app://counselroom/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>CounselRoom</title>');
  });

  it('serves / as index.html and assets with their MIME type', async () => {
    expect(await (await get('app://counselroom/')).text()).toContain('CounselRoom');
    const script = await get('app://counselroom/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    ['a missing file', 'app://counselroom/missing.js'],
    ['a directory', 'app://counselroom/assets'],
    ['an encoded parent segment', 'app://counselroom/%2e%2e/secret.txt'],
    ['an encoded slash', 'app://counselroom/assets/..%2f..%2fsecret.txt'],
    ['a symlink leading out of the root', 'app://counselroom/assets/link.txt'],
    ['another host', 'app://evil/index.html'],
  ])('answers 404 with the CSP header for %s', async (_label, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('outside the root');
  });

  it('clamps a literal ../ at the root (the URL parser resolves it) and never leaves it', async () => {
    const response = await get('app://counselroom/../../secret.txt');
    expect(response.status).toBe(404);
  });

  it.each(['POST', 'PUT', 'DELETE'])('refuses %s with 405', async (method) => {
    const response = await get('app://counselroom/index.html', method);
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
