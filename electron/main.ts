/**
 * Main process: lifecycle only. The database lives in a utilityProcess (db-host.ts) so long
 * work never freezes the window; this process serves the renderer, guards it and forwards IPC.
 */
import path from 'node:path';
import { app, dialog, ipcMain, utilityProcess, type BrowserWindow } from 'electron';
import { CORE_V8_FLAGS } from './core/process-flags';
import { registerIpc } from './ipc';
import { defaultUserDataDir } from './platform/user-data-dir';
import { createDbHostClient, type DbHostClient } from './shell/db-host-client';
import { installMenu } from './shell/menu';
import { registerKioskToggle } from './shell/kiosk-window';
import { OpenedPackages, registerOpenedPackages } from './shell/opened-packages';
import { PACKAGE_OPENED_EVENT } from './shell/package-channel';
import { DB_HOST_PATH, RENDERER_ROOT } from './shell/paths';
import { registerAppProtocol, registerAppSchemePrivileges } from './shell/protocol';
import { installSecurity } from './shell/security';
import { createMainWindow } from './shell/window';

let mainWindow: BrowserWindow | null = null;
let dbHost: DbHostClient | null = null;
let dbHostStopped = false;
// District packages double-clicked in the file manager (.crpkg), until the page takes them.
const openedPackages = new OpenedPackages();
// A packaged app's command line is [app, files…]; run unpackaged (`electron .`) the app path follows the binary.
const ARGV_SKIP = process.defaultApp ? 2 : 1;

/** npm start hands over the Electron-ABI build it prepared; a packaged app ships its own. */
function nativeBindingPath(): string | null {
  if (process.env.COUNSELROOM_NATIVE_BINDING) return process.env.COUNSELROOM_NATIVE_BINDING;
  return app.isPackaged ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node') : null;
}

function fail(message: string): void {
  dialog.showErrorBox('CounselRoom', message);
  app.quit();
}

function startDbHost(nativeBinding: string): DbHostClient {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  const child = utilityProcess.fork(DB_HOST_PATH, [], {
    serviceName: 'CounselRoom DB',
    execArgv: [...CORE_V8_FLAGS],
    env: { ...env, COUNSELROOM_DATA_DIR: app.getPath('userData'), COUNSELROOM_NATIVE_BINDING: nativeBinding },
  });
  return createDbHostClient(child, (code) => {
    console.error(`[main] the database host exited unexpectedly (code ${code})`);
    fail('数据服务意外停止，CounselRoom 将退出。已保存的记录不受影响，请重新打开程序。');
  });
}

function onReady(): void {
  const nativeBinding = nativeBindingPath();
  if (!nativeBinding) {
    fail('找不到为 Electron 构建的数据库模块。开发时请用 npm start 启动。');
    return;
  }
  installSecurity();
  installMenu(!app.isPackaged);
  registerAppProtocol(RENDERER_ROOT);
  dbHost = startDbHost(nativeBinding);
  registerIpc(ipcMain, dbHost);
  registerKioskToggle(ipcMain);
  registerOpenedPackages(ipcMain, openedPackages);
  mainWindow = createMainWindow({ devTools: !app.isPackaged });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** A package handed over while the app runs: the page is told so that it asks for it now, not at the next login. */
function packagesOpened(queued: boolean): void {
  if (queued) mainWindow?.webContents.send(PACKAGE_OPENED_EVENT);
  focusMainWindow();
}

function onSecondInstance(_event: unknown, argv: string[], workingDirectory: string): void {
  packagesOpened(openedPackages.offerArguments(argv, ARGV_SKIP, workingDirectory, 'second instance'));
}

/** macOS hands a double-clicked file to the running app, or before ready to the one starting. */
function onOpenFile(event: { preventDefault(): void }, file: string): void {
  event.preventDefault();
  packagesOpened(openedPackages.offer(file, 'open-file'));
}

// Before the single-instance lock, which lives in the userData folder.
app.setPath('userData', defaultUserDataDir());
// One archive, one writer: a second copy would fight over the database and its key.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  registerAppSchemePrivileges();
  // Windows and Linux start the app with the package's path; a second start hands it over here.
  openedPackages.offerArguments(process.argv, ARGV_SKIP, process.cwd(), 'command line');
  app.on('second-instance', onSecondInstance);
  app.on('open-file', onOpenFile);
  app.on('window-all-closed', () => app.quit());
  // Hold the quit until the host has closed its connections (audited logouts) and the database.
  app.on('before-quit', (event) => {
    if (!dbHost || dbHostStopped) return;
    event.preventDefault();
    void dbHost.shutdown().finally(() => {
      dbHostStopped = true;
      app.quit();
    });
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      console.error('[main] start-up failed:', error instanceof Error ? error.message : error);
      fail('CounselRoom 无法启动。');
    });
}
