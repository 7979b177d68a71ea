/**
 * A recording stand-in for the 'electron' module: the Electron binary cannot run here, and
 * an unmocked import would try to download it. Use in a test file as
 *   vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());
 * then `const electron = (await import('electron')) as unknown as FakeElectron`.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type WindowOpenHandler = (details: { url: string }) => { action: string };

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly send = vi.fn();

  constructor(readonly id: number) {
    super();
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

/** An event object whose preventDefault is observable, like Electron's. */
export function fakeEvent(fields: Record<string, unknown> = {}): { defaultPrevented: boolean; preventDefault(): void } {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeUtilityProcess extends EventEmitter {
  readonly posted: unknown[] = [];
  readonly kill = vi.fn(() => true);

  postMessage(message: unknown): void {
    this.posted.push(message);
  }
}

export function createFakeElectron() {
  const windows: FakeBrowserWindow[] = [];
  const children: FakeUtilityProcess[] = [];

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents(windows.length + 1);
    readonly loadURL = vi.fn(async () => {});
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly isMinimized = vi.fn(() => false);

    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
  }

  const paths: Record<string, string> = {};
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    enableSandbox: vi.fn(),
    // Never resolves unless a test resolves it: start-up runs only when a test says so.
    whenReady: vi.fn(() => new Promise<void>(() => {})),
    getPath: vi.fn((name: string) => paths[name] ?? `/fake/${name}`),
    setPath: vi.fn((name: string, value: string) => {
      paths[name] = value;
    }),
  });

  return {
    app,
    windows,
    children,
    BrowserWindow: FakeBrowserWindow,
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
      },
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: { handle: vi.fn() },
    ipcRenderer: Object.assign(new EventEmitter(), { invoke: vi.fn(async () => ({ ok: true, value: null })) }),
    contextBridge: { exposeInMainWorld: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
    utilityProcess: {
      fork: vi.fn(() => {
        const child = new FakeUtilityProcess();
        children.push(child);
        return child;
      }),
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
export type FakeBrowserWindow = FakeElectron['windows'][number];
