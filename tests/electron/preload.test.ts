import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/contract';
import type { FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());

const electron = (await import('electron')) as unknown as FakeElectron;
await import('../../electron/preload');

type Api = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;

describe('preload', () => {
  it('exposes window.counsel and the kiosk toggle, nothing else', () => {
    expect(electron.contextBridge.exposeInMainWorld.mock.calls.map((c) => c[0])).toEqual(['counsel', 'counselShell']);
  });

  it('lets the page toggle kiosk mode with a boolean on window:kiosk, and nothing more', async () => {
    const shell = electron.contextBridge.exposeInMainWorld.mock.calls[1]![1] as Record<string, (on: unknown) => Promise<unknown>>;
    expect(Object.keys(shell)).toEqual(['setKiosk']);
    electron.ipcRenderer.invoke.mockClear();
    await shell.setKiosk!(true);
    await shell.setKiosk!('yes');
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      ['window:kiosk', true],
      ['window:kiosk', false],
    ]);
  });

  const api = electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as Api;

  it("has exactly the contract's areas and verbs, each its own function (never ipcRenderer itself)", () => {
    const exposed = Object.entries(api).flatMap(([area, verbs]) =>
      Object.entries(verbs).map(([verb, fn]) => {
        expect(typeof fn).toBe('function');
        expect(fn).not.toBe(electron.ipcRenderer.invoke);
        return `${area}.${verb}`;
      }),
    );
    expect(exposed.sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('makes each function invoke counsel:<method> with the input and nothing else', async () => {
    for (const name of METHOD_NAMES) {
      const dot = name.indexOf('.');
      const input = { probe: name };
      electron.ipcRenderer.invoke.mockClear();
      await expect(api[name.slice(0, dot)]![name.slice(dot + 1)]!(input)).resolves.toEqual({ ok: true, value: null });
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(`counsel:${name}`, input);
    }
  });
});
