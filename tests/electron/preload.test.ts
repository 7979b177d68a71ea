import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/contract';
import type { FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());

const electron = (await import('electron')) as unknown as FakeElectron;
await import('../../electron/preload');

type Api = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;

describe('preload', () => {
  it('exposes one thing, window.counsel', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]![0]).toBe('counsel');
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
