// @vitest-environment jsdom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { HEARTBEAT_MS, watchActivity } from '../../renderer/src/features/auth/activity';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const MINUTE = 60_000;
const press = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
const move = () => window.dispatchEvent(new MouseEvent('mousemove'));

test('locks after the idle minutes without activity, counted from the last key or mouse move', () => {
  const onIdle = vi.fn();
  const stop = watchActivity({ idleMs: 5 * MINUTE, onIdle, onHeartbeat: vi.fn() });
  vi.advanceTimersByTime(4 * MINUTE);
  move();
  vi.advanceTimersByTime(4 * MINUTE);
  expect(onIdle).not.toHaveBeenCalled();
  vi.advanceTimersByTime(MINUTE);
  expect(onIdle).toHaveBeenCalledOnce();
  // Once idle it stops watching: no second lock from later events.
  press();
  vi.advanceTimersByTime(10 * MINUTE);
  expect(onIdle).toHaveBeenCalledOnce();
  stop();
});

test('sends a heartbeat while someone is active, at most once a minute', () => {
  const onHeartbeat = vi.fn();
  const stop = watchActivity({ idleMs: null, onHeartbeat });
  for (let s = 0; s < 150; s += 1) {
    press();
    vi.advanceTimersByTime(1000);
  }
  // 150 s of typing: beats at 60 s and 120 s, not one per key.
  expect(onHeartbeat).toHaveBeenCalledTimes(2);
  vi.advanceTimersByTime(10 * MINUTE);
  expect(onHeartbeat).toHaveBeenCalledTimes(2);
  stop();
  vi.advanceTimersByTime(HEARTBEAT_MS);
  press();
  expect(onHeartbeat).toHaveBeenCalledTimes(2);
});
