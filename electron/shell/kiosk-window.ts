import { BrowserWindow, type IpcMain } from 'electron';
import { isTrustedSender } from '../ipc';
import { KIOSK_CHANNEL } from './kiosk-channel';

const guarded = new WeakSet<BrowserWindow>();

/** A student at the kiosk must not close the window (Alt+F4): only the counselor's unlock ends kiosk mode. */
function keepOpenWhileKiosk(window: BrowserWindow): void {
  if (guarded.has(window)) return;
  guarded.add(window);
  window.on('close', (event) => {
    if (window.isKiosk()) event.preventDefault();
  });
}

/**
 * 'window:kiosk' (true/false) puts the sender's own window in or out of kiosk mode and answers
 * whether it now is. The passphrase that ends a kiosk session is checked by the core before the
 * renderer asks to leave; this door only moves the window, so it needs no session of its own.
 */
export function registerKioskToggle(ipcMain: Pick<IpcMain, 'handle'>): void {
  ipcMain.handle(KIOSK_CHANNEL, (event, on: unknown) => {
    const window = isTrustedSender(event) && typeof on === 'boolean' ? BrowserWindow.fromWebContents(event.sender) : null;
    if (!window) return false;
    keepOpenWhileKiosk(window);
    window.setKiosk(on as boolean);
    return window.isKiosk();
  });
}
