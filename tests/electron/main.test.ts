import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/contract';
import { defaultUserDataDir } from '../../electron/platform/user-data-dir';
import { CORE_V8_FLAGS } from '../../electron/core/process-flags';
import { createFakeElectron, fakeEvent, type FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());

const savedBinding = process.env.COUNSELROOM_NATIVE_BINDING;
const savedArgv = process.argv;

/** Loads main.ts afresh against a fresh fake Electron, configured before main runs, started with `argv`. */
async function startMain(configure: (electron: FakeElectron) => void = () => {}, argv = [process.execPath]): Promise<FakeElectron> {
  vi.resetModules();
  const electron = createFakeElectron();
  configure(electron);
  vi.doMock('electron', () => electron);
  process.argv = argv;
  await import('../../electron/main');
  return electron;
}

const ready = (electron: FakeElectron) => electron.app.whenReady.mockReturnValue(Promise.resolve());

beforeEach(() => {
  process.env.COUNSELROOM_NATIVE_BINDING = '/fake/electron/better_sqlite3.node';
});

afterEach(() => {
  process.argv = savedArgv;
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
      // The core's V8 flags reach the database host's process (its heap is sized when it starts).
      execArgv: [...CORE_V8_FLAGS],
      env: expect.objectContaining({
        COUNSELROOM_DATA_DIR: defaultUserDataDir(),
        COUNSELROOM_NATIVE_BINDING: '/fake/electron/better_sqlite3.node',
      }),
    });
    // One channel per method, the kiosk toggle and the opened packages.
    expect(electron.ipcMain.handle).toHaveBeenCalledTimes(METHOD_NAMES.length + 2);
    expect(electron.ipcMain.handle).toHaveBeenCalledWith('window:kiosk', expect.any(Function));
    expect(electron.ipcMain.handle).toHaveBeenCalledWith('shell:opened-packages', expect.any(Function));
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

describe('district packages the system opens with the app', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'counselroom-opened-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, bytes = `bytes of ${name}`) => {
    writeFileSync(path.join(dir, name), bytes);
    return path.join(dir, name);
  };
  const APP_PAGE = 'app://counselroom/index.html';

  /** Asks main's door for opened packages as a page at `url` would (null: its frame is gone). */
  function ask(electron: FakeElectron, action: unknown, url: string | null = APP_PAGE): unknown {
    const call = electron.ipcMain.handle.mock.calls.find((c) => c[0] === 'shell:opened-packages');
    if (!call) throw new Error('the opened-packages door is not registered');
    const handler = call[1] as (event: unknown, action: unknown) => unknown;
    return handler({ sender: electron.windows[0]!.webContents, senderFrame: url === null ? null : { url } }, action);
  }

  async function started(argv?: string[]) {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const electron = await startMain(ready, argv);
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    return { electron, warnings: () => warnings.mock.calls.map((c) => String(c[0])) };
  }

  it('queues a .crpkg path given on the first command line; other files, missing ones and switches are left, with the reason logged', async () => {
    const pkg = file('2025-spring.crpkg', 'sealed package');
    const notes = file('notes.txt');
    const { electron, warnings } = await started([process.execPath, '--enable-logging', notes, pkg, path.join(dir, 'gone.crpkg')]);
    expect(ask(electron, 'pending')).toEqual(['2025-spring.crpkg']);
    expect(warnings()).toEqual(['[main] an opened file was ignored (command line): not a .crpkg file', '[main] an opened file was ignored (command line): no such file']);
    // Only take reads the file, and it empties the queue.
    expect(ask(electron, 'take')).toEqual([{ name: '2025-spring.crpkg', base64: Buffer.from('sealed package').toString('base64') }]);
    expect(ask(electron, 'pending')).toEqual([]);
  });

  it('queues a path a second start hands over (relative to its folder), tells the page and brings the window forward', async () => {
    file('second.crpkg');
    const { electron } = await started();
    const window = electron.windows[0]!;
    window.isMinimized.mockReturnValue(true);
    electron.app.emit('second-instance', fakeEvent(), [process.execPath, '--allow-file-access-from-files', 'second.crpkg'], dir);
    expect(ask(electron, 'pending')).toEqual(['second.crpkg']);
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith('shell:package-opened');
    expect(window.restore).toHaveBeenCalledTimes(1);
    expect(window.focus).toHaveBeenCalledTimes(1);
  });

  it('takes a file:// URL as a Linux file manager passes it (%U, percent-encoded), and no other URL', async () => {
    const url = pathToFileURL(file('春季学期.crpkg')).href;
    expect(url).toContain('%E6%98%A5');
    const { electron, warnings } = await started();
    electron.app.emit('second-instance', fakeEvent(), [process.execPath, url, 'https://example.com/spring.crpkg'], '/');
    expect(ask(electron, 'pending')).toEqual(['春季学期.crpkg']);
    expect(warnings()).toEqual(['[main] an opened file was ignored (second instance): not a local file']);
  });

  it('ignores a second start with anything but an existing .crpkg file: the window comes forward, the page hears nothing', async () => {
    const { electron, warnings } = await started();
    const window = electron.windows[0]!;
    mkdirSync(path.join(dir, 'folder.crpkg'));
    electron.app.emit('second-instance', fakeEvent(), [process.execPath, file('students.xlsx'), 'folder.crpkg'], dir);
    electron.app.emit('second-instance', fakeEvent(), [process.execPath, path.join(dir, 'missing.crpkg')], dir);
    expect(ask(electron, 'pending')).toEqual([]);
    expect(window.webContents.send).not.toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalledTimes(2);
    expect(warnings()).toEqual([
      '[main] an opened file was ignored (second instance): not a .crpkg file',
      '[main] an opened file was ignored (second instance): not a regular file',
      '[main] an opened file was ignored (second instance): no such file',
    ]);
  });

  it('queues a package macOS opens with the app, and handles the event itself', async () => {
    const pkg = file('mac.crpkg');
    const { electron } = await started();
    const opening = fakeEvent();
    electron.app.emit('open-file', opening, pkg);
    expect(opening.defaultPrevented).toBe(true);
    expect(ask(electron, 'pending')).toEqual(['mac.crpkg']);
    expect(electron.windows[0]!.webContents.send).toHaveBeenCalledWith('shell:package-opened');
  });

  it('skips a package taken off (a USB stick pulled) between opening and import, saying why', async () => {
    const pkg = file('unplugged.crpkg');
    const { electron, warnings } = await started([process.execPath, pkg]);
    rmSync(pkg);
    expect(ask(electron, 'take')).toEqual([]);
    expect(warnings()).toEqual(['[main] an opened package could not be read: it is gone or unreadable']);
  });

  it('refuses a page that is not ours or a frame gone mid-call, and unknown actions; the queue stays as it was', async () => {
    const pkg = file('kept.crpkg');
    const { electron, warnings } = await started([process.execPath, pkg]);
    expect(ask(electron, 'take', 'https://example.com/')).toEqual([]);
    expect(ask(electron, 'dismiss', null)).toEqual([]);
    expect(ask(electron, 'readFile')).toEqual([]);
    expect(warnings()).toEqual([
      '[main] a request for opened packages was refused: the sender is not the app page',
      '[main] a request for opened packages was refused: the sender is not the app page',
    ]);
    expect(ask(electron, 'pending')).toEqual(['kept.crpkg']);
    // Dismissing (for a role that may not import) empties the queue with the names only.
    expect(ask(electron, 'dismiss')).toEqual(['kept.crpkg']);
    expect(ask(electron, 'take')).toEqual([]);
  });
});
