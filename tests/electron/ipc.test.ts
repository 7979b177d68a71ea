import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/contract';
import type { DbHostClient } from '../../electron/shell/db-host-client';
import { FakeWebContents } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());

const { registerIpc } = await import('../../electron/ipc');

type Handler = (event: { sender: FakeWebContents; senderFrame: { url: string } | null }, input: unknown) => unknown;

function setUp() {
  const ipcMain = { handle: vi.fn() };
  const dbHost = {
    call: vi.fn<DbHostClient['call']>(async () => ({ ok: true, value: 'from host' })),
    disconnect: vi.fn<DbHostClient['disconnect']>(),
  };
  registerIpc(ipcMain as unknown as Parameters<typeof registerIpc>[0], dbHost);
  const handlers = new Map(ipcMain.handle.mock.calls.map(([channel, handler]) => [channel as string, handler as Handler]));
  return { ipcMain, dbHost, handlers };
}

describe('registerIpc', () => {
  it('registers exactly one handler per contract method, on counsel:<method>', () => {
    const { ipcMain, handlers } = setUp();
    expect(ipcMain.handle).toHaveBeenCalledTimes(METHOD_NAMES.length);
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map((name) => `counsel:${name}`).sort());
  });

  it('forwards a call from our page with the window as its connection', async () => {
    const { dbHost, handlers } = setUp();
    const sender = new FakeWebContents(42);
    const result = await handlers.get('counsel:students.list')!({ sender, senderFrame: { url: 'app://counselroom/index.html' } }, { q: '张' });
    expect(result).toEqual({ ok: true, value: 'from host' });
    expect(dbHost.call).toHaveBeenCalledWith('42', 'students.list', { q: '张' });
  });

  it.each([
    ['https://evil.example/'],
    ['file:///home/user/evil.html'],
    ['app://evil/index.html'],
    ['about:blank'],
  ])('refuses a sender whose frame is %s, without forwarding', async (url) => {
    const { dbHost, handlers } = setUp();
    const result = await handlers.get('counsel:auth.login')!({ sender: new FakeWebContents(1), senderFrame: { url } }, {});
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.forbiddenSender' } });
    expect(dbHost.call).not.toHaveBeenCalled();
  });

  it('refuses a sender whose frame is gone', async () => {
    const { dbHost, handlers } = setUp();
    const result = await handlers.get('counsel:app.status')!({ sender: new FakeWebContents(1), senderFrame: null }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dbHost.call).not.toHaveBeenCalled();
  });

  it('ends the connection once when its window is destroyed', async () => {
    const { dbHost, handlers } = setUp();
    const sender = new FakeWebContents(9);
    const event = { sender, senderFrame: { url: 'app://counselroom/index.html' } };
    await handlers.get('counsel:app.status')!(event, {});
    await handlers.get('counsel:users.list')!(event, {});
    sender.emit('destroyed');
    sender.emit('destroyed');
    expect(dbHost.disconnect).toHaveBeenCalledTimes(1);
    expect(dbHost.disconnect).toHaveBeenCalledWith('9');
  });
});
