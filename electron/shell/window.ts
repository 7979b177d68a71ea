import { BrowserWindow, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from '../security/app-origin';
import { PRELOAD_PATH } from './paths';

/** Checklist items 2–4, 6, 8, 9: every door the renderer could use to reach Node stays shut. */
const SECURE_WEB_PREFERENCES: Readonly<WebPreferences> = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  spellcheck: false,
  preload: PRELOAD_PATH,
});

/** devTools is false in a packaged app: not even a shortcut can open them on the room's PC. */
export function createMainWindow(options: { devTools: boolean }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'CounselRoom',
    // Shown only once painted, so the user never sees an empty white frame.
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, devTools: options.devTools },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('[main] could not load the app page:', error instanceof Error ? error.message : error);
  });
  return window;
}
