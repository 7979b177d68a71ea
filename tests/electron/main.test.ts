import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/contract';
import { defaultUserDataDir } from '../../electron/platform/user-data-dir';
import { createFakeElectron, fakeEvent, type FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());

const savedBinding = process.env.COUNSELROOM_NATIVE_BINDING;

/** Loads main.ts afresh against a fresh fake Electron, configured before main runs. */
async function startMain(configure: (electron: FakeElectron) => void = () => {}): Promise<FakeElectron> {
  vi.resetModules();
  const electron = createFakeElectron();
  configure(electron);
  vi.doMock('electron', () => electron);
  await import('../../electron/main');
  return electron;
}

const ready = (electron: FakeElectron) => electron.app.whenReady.mockReturnValue(Promise.resolve());

beforeEach(() => {
  process.env.COUNSELROOM_NATIVE_BINDING = '/fake/electron/better_sqlite3.node';
});

afterEach(() => {
  if (savedBinding === undefined) delete process.env.COUNSELROOM_NATIVE_BINDING;
  else process.env.COUNSELROOM_NATIVE_BINDING = savedBinding;
  vi.restoreAllMocks();
});

describe('main', () => {
  it('quits at once when another instance holds the lock, touching nothing else', async () => {
    const electron = await startMain((e) => e.app.requestSingleInstanceLock.mockReturnValue(false));
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(electron.utilityProcess.fork).not.toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
  });

  it('registers the app:// scheme and the sandbox before ready', async () => {
    const electron = await startMain();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(electron.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(electron.protocol.handle).not.toHaveBeenCalled();
  });

  it('on ready: guards first, then serves app://, forks the db host, binds IPC and opens the window', async () => {
    const electron = await startMain(ready);
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    const ses = electron.session.defaultSession;

    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.utilityProcess.fork).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/db-host\.js$/), [], {
      serviceName: 'CounselRoom DB',
      env: expect.objectContaining({
        COUNSELROOM_DATA_DIR: defaultUserDataDir(),
        COUNSELROOM_NATIVE_BINDING: '/fake/electron/better_sqlite3.node',
      }),
    });
    // One channel per method, and the kiosk toggle.
    expect(electron.ipcMain.handle).toHaveBeenCalledTimes(METHOD_NAMES.length + 1);
    expect(electron.ipcMain.handle).toHaveBeenCalledWith('window:kiosk', expect.any(Function));
    // The same archive folder as the CLI and the bridge, set before the single-instance lock.
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', defaultUserDataDir());
    expect(electron.app.setPath.mock.invocationCallOrder[0]).toBeLessThan(electron.app.requestSingleInstanceLock.mock.invocationCallOrder[0]!);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);

    const window = electron.windows[0]!;
    expect(window.loadURL).toHaveBeenCalledWith('app://counselroom/index.html');
    const windowLoaded = window.loadURL.mock.invocationCallOrder[0]!;
    expect(ses.setPermissionRequestHandler.mock.invocationCallOrder[0]!).toBeLessThan(windowLoaded);
    expect(electron.protocol.handle.mock.invocationCallOrder[0]!).toBeLessThan(windowLoaded);
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
  });

  it('focuses (and restores) the existing window when a second instance starts', async () => {
    const electron = await startMain(ready);
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    const window = electron.windows[0]!;
    window.isMinimized.mockReturnValue(true);
    electron.app.emit('second-instance', fakeEvent(), [], '/');
    expect(window.restore).toHaveBeenCalledTimes(1);
    expect(window.focus).toHaveBeenCalledTimes(1);
    expect(electron.windows).toHaveLength(1);
  });

  it('quits when all windows close, after the db host has shut down cleanly', async () => {
    const electron = await startMain(ready);
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    const host = electron.children[0]!;

    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledTimes(1);

    const firstQuit = fakeEvent();
    electron.app.emit('before-quit', firstQuit);
    expect(firstQuit.defaultPrevented).toBe(true);
    expect(host.posted).toContainEqual({ type: 'shutdown' });

    host.emit('exit', 0);
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(2));
    const secondQuit = fakeEvent();
    electron.app.emit('before-quit', secondQuit);
    expect(secondQuit.defaultPrevented).toBe(false);
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('shows an error and quits if the db host dies, restarting nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const electron = await startMain(ready);
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    electron.children[0]!.emit('exit', 1);
    expect(electron.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.utilityProcess.fork).toHaveBeenCalledTimes(1);
  });

  it('refuses to start unpackaged without an Electron-ABI native binding', async () => {
    delete process.env.COUNSELROOM_NATIVE_BINDING;
    const electron = await startMain(ready);
    await vi.waitFor(() => expect(electron.dialog.showErrorBox).toHaveBeenCalledTimes(1));
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.utilityProcess.fork).not.toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
  });
});
