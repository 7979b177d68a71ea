import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { METHOD_NAMES } from '../shared/api/contract';
import type { ApiResult } from '../shared/api/errors';
import { channelOf } from './ipc-channel';
import { isAppUrl } from './security/app-origin';
import type { DbHostClient } from './shell/db-host-client';

const FORBIDDEN_SENDER: ApiResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', messageKey: 'errors.forbiddenSender' },
};

/**
 * One ipcMain.handle per contract method, each a thin door onto the database host.
 * The window's webContents id names its connection, so each window has its own session
 * and the renderer never holds or sends a session token.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dbHost: Pick<DbHostClient, 'call' | 'disconnect'>): void {
  const known = new Set<number>();

  function endSessionWhenDestroyed(sender: WebContents): void {
    if (known.has(sender.id)) return;
    known.add(sender.id);
    const id = sender.id;
    sender.once('destroyed', () => {
      known.delete(id);
      dbHost.disconnect(String(id));
    });
  }

  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelOf(method), (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event)) return FORBIDDEN_SENDER;
      endSessionWhenDestroyed(event.sender);
      return dbHost.call(String(event.sender.id), method, input);
    });
  }
}

/** Checklist item 17: only our own page may call; a frame gone mid-call (null) may not. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && isAppUrl(frame.url);
}
