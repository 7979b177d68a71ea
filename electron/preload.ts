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

type Invoke = (input: unknown) => Promise<ApiResult<unknown>>;

const api: Record<string, Record<string, Invoke>> = {};
for (const method of METHOD_NAMES) {
  const [area, verb] = splitMethod(method);
  const channel = channelOf(method);
  (api[area] ??= {})[verb] = (input) => ipcRenderer.invoke(channel, input);
}

contextBridge.exposeInMainWorld('counsel', api);
// The kiosk toggle moves the window only; it is not part of the contract and reaches no data.
contextBridge.exposeInMainWorld('counselShell', { setKiosk: (on: boolean) => ipcRenderer.invoke(KIOSK_CHANNEL, on === true) });
