/**
 * Sandboxed preload (bundled to CommonJS): exposes window.counsel and nothing else.
 * Every function is bound to its own channel here, so the page can neither pick a channel
 * nor reach ipcRenderer; each call resolves to an ApiResult that the renderer unwraps.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { splitMethod } from '../shared/api/client';
import { METHOD_NAMES } from '../shared/api/contract';
import type { ApiResult } from '../shared/api/errors';
import { channelOf } from './ipc-channel';
import { KIOSK_CHANNEL } from './shell/kiosk-channel';
import { OPENED_PACKAGES_CHANNEL, PACKAGE_OPENED_EVENT } from './shell/package-channel';

type Invoke = (input: unknown) => Promise<ApiResult<unknown>>;

const api: Record<string, Record<string, Invoke>> = {};
for (const method of METHOD_NAMES) {
  const [area, verb] = splitMethod(method);
  const channel = channelOf(method);
  (api[area] ??= {})[verb] = (input) => ipcRenderer.invoke(channel, input);
}

contextBridge.exposeInMainWorld('counsel', api);
// Outside the contract and the archive: the kiosk toggle moves the window only, and the opened
// packages are files the system handed over, which the page imports through district.import.
contextBridge.exposeInMainWorld('counselShell', {
  setKiosk: (on: boolean) => ipcRenderer.invoke(KIOSK_CHANNEL, on === true),
  pendingPackages: () => ipcRenderer.invoke(OPENED_PACKAGES_CHANNEL, 'pending'),
  takePackages: () => ipcRenderer.invoke(OPENED_PACKAGES_CHANNEL, 'take'),
  dismissPackages: () => ipcRenderer.invoke(OPENED_PACKAGES_CHANNEL, 'dismiss'),
  // The listener gets no event object: the page learns only that something arrived.
  onPackageOpened: (listener: () => void) => {
    const notify = () => listener();
    ipcRenderer.on(PACKAGE_OPENED_EVENT, notify);
    return () => {
      ipcRenderer.removeListener(PACKAGE_OPENED_EVENT, notify);
    };
  },
});
