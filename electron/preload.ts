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

type Invoke = (input: unknown) => Promise<ApiResult<unknown>>;

const api: Record<string, Record<string, Invoke>> = {};
for (const method of METHOD_NAMES) {
  const [area, verb] = splitMethod(method);
  const channel = channelOf(method);
  (api[area] ??= {})[verb] = (input) => ipcRenderer.invoke(channel, input);
}

contextBridge.exposeInMainWorld('counsel', api);
