import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp';
import { fakeEvent, FakeWebContents, type FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());

const { createMainWindow } = await import('../../electron/shell/window');
const { installSecurity } = await import('../../electron/shell/security');
const { buildMenuTemplate } = await import('../../electron/shell/menu');
const electron = (await import('electron')) as unknown as FakeElectron;

describe('main window', () => {
  it('has exactly the secure webPreferences', () => {
    createMainWindow({ devTools: false });
    const { webPreferences } = electron.windows[0]!.options as { webPreferences: Record<string, unknown> };
    const { preload, ...rest } = webPreferences;
    expect(rest).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: false,
    });
    expect(path.basename(String(preload))).toBe('preload.cjs');
    expect(path.basename(path.dirname(String(preload)))).toBe('preload');
  });

  it('loads the app over app://, and shows only when ready', () => {
    const window = electron.windows[0]!;
    expect(window.options.show).toBe(false);
    expect(window.loadURL).toHaveBeenCalledWith('app://counselroom/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('allows devtools only when asked (development)', () => {
    createMainWindow({ devTools: true });
    expect((electron.windows[1]!.options.webPreferences as Record<string, unknown>).devTools).toBe(true);
  });
});

describe('installSecurity', () => {
  const contents = new FakeWebContents(7);
  const ses = electron.session.defaultSession;

  beforeAll(() => {
    installSecurity();
    electron.app.emit('web-contents-created', fakeEvent(), contents);
  });

  it.each(['https://evil.example/', 'file:///etc/passwd', 'app://evil/index.html', 'javascript:alert(1)'])(
    'prevents navigating and redirecting to %s',
    (url) => {
      for (const name of ['will-navigate', 'will-redirect']) {
        const event = fakeEvent({ url });
        contents.emit(name, event, url);
        expect(event.defaultPrevented).toBe(true);
      }
    },
  );

  it('allows navigating within app://counselroom', () => {
    for (const name of ['will-navigate', 'will-redirect']) {
      const url = 'app://counselroom/index.html#/students';
      const event = fakeEvent({ url });
      contents.emit(name, event, url);
      expect(event.defaultPrevented).toBe(false);
    }
  });

  it('denies window.open', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://counselroom/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a webview', () => {
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every permission request and check', () => {
    const requestHandler = ses.setPermissionRequestHandler.mock.calls[0]![0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      requestHandler(contents, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const checkHandler = ses.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(checkHandler(contents, 'media', 'app://counselroom', {})).toBe(false);
  });

  it('cancels network and file:// requests, not our own', () => {
    const onBeforeRequest = ses.webRequest.onBeforeRequest.mock.calls[0]![0] as (
      details: { url: string },
      callback: (response: { cancel: boolean }) => void,
    ) => void;
    const cancelled = (url: string) => {
      const callback = vi.fn();
      onBeforeRequest({ url }, callback);
      return (callback.mock.calls[0]![0] as { cancel: boolean }).cancel;
    };
    for (const url of ['https://evil.example/x.js', 'http://127.0.0.1:8080/', 'wss://evil.example/', 'file:///etc/passwd']) {
      expect(cancelled(url)).toBe(true);
    }
    expect(cancelled('app://counselroom/assets/app.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AA==')).toBe(false);
  });

  it('puts the CSP on app:// responses and leaves others alone', () => {
    const onHeadersReceived = ses.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      details: { url: string; responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;
    const callback = vi.fn();
    onHeadersReceived({ url: 'app://counselroom/index.html', responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    const other = vi.fn();
    onHeadersReceived({ url: 'devtools://devtools/bundled/index.html' }, other);
    expect(other).toHaveBeenCalledWith({});
  });
});

describe('application menu', () => {
  const roles = (template: unknown): string[] => JSON.stringify(template).match(/"role":"[^"]+"/g) ?? [];

  it('is 文件/编辑/视图/帮助', () => {
    const labels = buildMenuTemplate({ devTools: false, platform: 'win32' }).map((item) => item.label);
    expect(labels).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('has no devtools or reload in production, and has them in development', () => {
    const production = roles(buildMenuTemplate({ devTools: false, platform: 'linux' }));
    expect(production).not.toContain('"role":"toggleDevTools"');
    expect(production).not.toContain('"role":"reload"');
    expect(roles(buildMenuTemplate({ devTools: true, platform: 'linux' }))).toContain('"role":"toggleDevTools"');
  });
});
