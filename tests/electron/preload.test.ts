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

  const shell = electron.contextBridge.exposeInMainWorld.mock.calls[1]![1] as Record<string, (arg?: unknown) => unknown>;

  it('gives the page the kiosk toggle and the opened packages, nothing more', () => {
    expect(Object.keys(shell)).toEqual(['setKiosk', 'pendingPackages', 'takePackages', 'dismissPackages', 'onPackageOpened']);
  });

  it('lets the page toggle kiosk mode with a boolean on window:kiosk, and nothing more', async () => {
    electron.ipcRenderer.invoke.mockClear();
    await shell.setKiosk!(true);
    await shell.setKiosk!('yes');
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      ['window:kiosk', true],
      ['window:kiosk', false],
    ]);
  });

  it('asks for opened packages with a fixed action each, whatever the page passes', async () => {
    electron.ipcRenderer.invoke.mockClear();
    await shell.pendingPackages!('take');
    await shell.takePackages!('/etc/passwd');
    await shell.dismissPackages!();
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      ['shell:opened-packages', 'pending'],
      ['shell:opened-packages', 'take'],
      ['shell:opened-packages', 'dismiss'],
    ]);
  });

  it('tells the page a package arrived without handing it the IPC event, until it unsubscribes', () => {
    const heard: unknown[][] = [];
    const unsubscribe = shell.onPackageOpened!((...args: unknown[]) => heard.push(args)) as () => void;
    electron.ipcRenderer.emit('shell:package-opened', { sender: 'ipc event' }, 'extra');
    expect(heard).toEqual([[]]);
    unsubscribe();
    electron.ipcRenderer.emit('shell:package-opened', { sender: 'ipc event' });
    expect(heard).toHaveLength(1);
    expect(electron.ipcRenderer.listenerCount('shell:package-opened')).toBe(0);
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
