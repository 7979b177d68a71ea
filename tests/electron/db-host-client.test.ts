import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeUtilityProcess } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());

const { createDbHostClient } = await import('../../electron/shell/db-host-client');

afterEach(() => vi.useRealTimers());

describe('createDbHostClient', () => {
  it('matches replies to calls by id, whatever their order', async () => {
    const child = new FakeUtilityProcess();
    const client = createDbHostClient(child, vi.fn());
    const first = client.call('1', 'app.status', {});
    const second = client.call('2', 'users.list', { page: 1 });
    expect(child.posted).toEqual([
      { type: 'call', id: 1, connectionId: '1', method: 'app.status', input: {} },
      { type: 'call', id: 2, connectionId: '2', method: 'users.list', input: { page: 1 } },
    ]);
    child.emit('message', { id: 99, result: { ok: true, value: 'stray' } });
    child.emit('message', 'garbage');
    child.emit('message', { id: 2, result: { ok: true, value: 'second' } });
    child.emit('message', { id: 1, result: { ok: true, value: 'first' } });
    await expect(first).resolves.toEqual({ ok: true, value: 'first' });
    await expect(second).resolves.toEqual({ ok: true, value: 'second' });
  });

  it('answers pending and later calls INTERNAL when the host dies, and reports it once', async () => {
    const child = new FakeUtilityProcess();
    const onUnexpectedExit = vi.fn();
    const client = createDbHostClient(child, onUnexpectedExit);
    const pending = client.call('1', 'students.importCommit', {});
    child.emit('exit', 134);
    const internal = { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.dbHostExited' } };
    await expect(pending).resolves.toEqual(internal);
    await expect(client.call('1', 'app.status', {})).resolves.toEqual(internal);
    expect(onUnexpectedExit).toHaveBeenCalledExactlyOnceWith(134);
    expect(child.posted).toHaveLength(1);
  });

  it('forwards a disconnect', () => {
    const child = new FakeUtilityProcess();
    createDbHostClient(child, vi.fn()).disconnect('7');
    expect(child.posted).toEqual([{ type: 'disconnect', connectionId: '7' }]);
  });

  it('shuts down through the host, and an exit it asked for is not reported as a crash', async () => {
    const child = new FakeUtilityProcess();
    const onUnexpectedExit = vi.fn();
    const client = createDbHostClient(child, onUnexpectedExit);
    const stopping = client.shutdown();
    expect(child.posted).toEqual([{ type: 'shutdown' }]);
    child.emit('exit', 0);
    await stopping;
    expect(onUnexpectedExit).not.toHaveBeenCalled();
    expect(child.kill).not.toHaveBeenCalled();
  });

  it('kills a host that does not exit in time', async () => {
    vi.useFakeTimers();
    const child = new FakeUtilityProcess();
    const client = createDbHostClient(child, vi.fn());
    const stopping = client.shutdown(1000);
    vi.advanceTimersByTime(1000);
    expect(child.kill).toHaveBeenCalledTimes(1);
    child.emit('exit', 15);
    await stopping;
  });
});
