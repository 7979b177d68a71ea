import { describe, expect, it, vi } from 'vitest';
import type { Connection, Core, Door } from '../../electron/core/types';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());
// The real core opens SQLite; the handler only needs the Core interface.
vi.mock('../../electron/core/core', () => ({ createCore: vi.fn() }));

const { createDbHostHandler } = await import('../../electron/db-host');
const { createCore } = await import('../../electron/core/core');

function fakeCore() {
  const connections: { door: Door; calls: [string, unknown][]; close: ReturnType<typeof vi.fn> }[] = [];
  const core = {
    connect: vi.fn((door: Door): Connection => {
      const record = { door, calls: [] as [string, unknown][], close: vi.fn(async () => {}) };
      connections.push(record);
      const index = connections.length;
      return {
        call: async (method, input) => {
          record.calls.push([method, input]);
          return { ok: true, value: { connection: index, method } };
        },
        close: record.close,
      };
    }),
    shutdown: vi.fn(async () => {}),
  } satisfies Core;
  return { core, connections };
}

const call = (id: number, connectionId: string, method = 'app.status', input: unknown = {}) => ({
  type: 'call',
  id,
  connectionId,
  method,
  input,
});

describe('db host entry', () => {
  it('starts nothing when imported outside a utility process', () => {
    expect(createCore).not.toHaveBeenCalled();
  });
});

describe('createDbHostHandler', () => {
  it('creates one ipc connection per connectionId, lazily, and routes calls to it', async () => {
    const { core, connections } = fakeCore();
    const handler = createDbHostHandler(core);
    expect(core.connect).not.toHaveBeenCalled();

    expect(await handler.handle(call(1, 'w1', 'students.list', { q: 'a' }))).toEqual({
      id: 1,
      result: { ok: true, value: { connection: 1, method: 'students.list' } },
    });
    expect(await handler.handle(call(2, 'w2'))).toMatchObject({ id: 2, result: { value: { connection: 2 } } });
    expect(await handler.handle(call(3, 'w1', 'users.list'))).toMatchObject({ id: 3, result: { value: { connection: 1 } } });

    expect(core.connect).toHaveBeenCalledTimes(2);
    expect(connections.map((c) => c.door)).toEqual(['ipc', 'ipc']);
    expect(connections[0]!.calls).toEqual([
      ['students.list', { q: 'a' }],
      ['users.list', {}],
    ]);
    expect(connections[1]!.calls).toEqual([['app.status', {}]]);
  });

  it('closes only that connection on disconnect; a later call starts a fresh one', async () => {
    const { core, connections } = fakeCore();
    const handler = createDbHostHandler(core);
    await handler.handle(call(1, 'w1'));
    await handler.handle(call(2, 'w2'));

    expect(await handler.handle({ type: 'disconnect', connectionId: 'w1' })).toBeNull();
    expect(connections[0]!.close).toHaveBeenCalledTimes(1);
    expect(connections[1]!.close).not.toHaveBeenCalled();

    await handler.handle(call(3, 'w1'));
    expect(core.connect).toHaveBeenCalledTimes(3);
    expect(connections[2]!.calls).toHaveLength(1);
  });

  it('ignores a disconnect for an unknown connection', async () => {
    const { core } = fakeCore();
    await expect(createDbHostHandler(core).handle({ type: 'disconnect', connectionId: 'nobody' })).resolves.toBeNull();
  });

  it.each([
    null,
    undefined,
    'call',
    42,
    [],
    {},
    { type: 'eval', code: '1' },
    { type: 'call', id: '1', connectionId: 'w1', method: 'app.status' },
    { type: 'call', id: 1.5, connectionId: 'w1', method: 'app.status' },
    { type: 'call', id: 1, connectionId: 1, method: 'app.status' },
    { type: 'call', id: 1, connectionId: 'w1' },
    { type: 'disconnect' },
  ])('ignores the malformed message %j', async (message) => {
    const { core } = fakeCore();
    await expect(createDbHostHandler(core).handle(message)).resolves.toBeNull();
    expect(core.connect).not.toHaveBeenCalled();
    expect(core.shutdown).not.toHaveBeenCalled();
  });

  it('answers INTERNAL when a connection throws instead of answering', async () => {
    const { core } = fakeCore();
    core.connect.mockReturnValueOnce({
      call: async () => {
        throw new Error('boom with 学生 data');
      },
      close: async () => {},
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const reply = await createDbHostHandler(core).handle(call(5, 'w1', 'students.get'));
    expect(reply).toEqual({ id: 5, result: { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.internal' } } });
    expect(JSON.stringify(errors.mock.calls)).not.toContain('学生');
    errors.mockRestore();
  });

  it('shuts the core down once, then exits and refuses further calls', async () => {
    const { core } = fakeCore();
    const afterShutdown = vi.fn();
    const handler = createDbHostHandler(core, afterShutdown);
    await handler.handle(call(1, 'w1'));
    await handler.handle({ type: 'shutdown' });
    await handler.handle({ type: 'shutdown' });
    expect(core.shutdown).toHaveBeenCalledTimes(1);
    expect(afterShutdown).toHaveBeenCalledTimes(1);
    expect(await handler.handle(call(2, 'w1'))).toMatchObject({ id: 2, result: { ok: false, error: { code: 'INTERNAL' } } });
  });
});
