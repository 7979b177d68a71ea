import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeEvent } from './fake-electron';

/** A window that keeps its kiosk flag, found from its webContents as Electron does. */
class KioskWindow extends EventEmitter {
  kiosk = false;
  readonly webContents = { id: 7 };
  setKiosk(on: boolean) {
    this.kiosk = on;
  }
  isKiosk() {
    return this.kiosk;
  }
}

const state = vi.hoisted(() => ({ window: null as unknown }));
vi.mock('electron', () => ({
  BrowserWindow: { fromWebContents: (wc: unknown) => ((state.window as KioskWindow | null)?.webContents === wc ? state.window : null) },
}));

const { registerKioskToggle } = await import('../../electron/shell/kiosk-window');

type Handler = (event: unknown, on: unknown) => boolean;

function setup(): { window: KioskWindow; toggle(on: unknown, url?: string | null): boolean } {
  const window = new KioskWindow();
  state.window = window;
  const handle = vi.fn();
  registerKioskToggle({ handle });
  expect(handle).toHaveBeenCalledExactlyOnceWith('window:kiosk', expect.any(Function));
  const handler = handle.mock.calls[0]![1] as Handler;
  return {
    window,
    toggle: (on, url = 'app://counselroom/index.html') => handler({ sender: window.webContents, senderFrame: url === null ? null : { url } }, on),
  };
}

describe('the kiosk toggle', () => {
  beforeEach(() => {
    state.window = null;
  });

  it('puts the sender’s window in and out of kiosk mode', () => {
    const { window, toggle } = setup();
    expect(toggle(true)).toBe(true);
    expect(window.kiosk).toBe(true);
    expect(toggle(false)).toBe(false);
    expect(window.kiosk).toBe(false);
  });

  it('refuses a page that is not ours, a frame gone mid-call, and anything but a boolean', () => {
    const { window, toggle } = setup();
    expect(toggle(true, 'https://example.com/')).toBe(false);
    expect(toggle(true, null)).toBe(false);
    expect(toggle('true')).toBe(false);
    expect(window.kiosk).toBe(false);
  });

  it('keeps the window open while in kiosk mode, and lets it close after', () => {
    const { window, toggle } = setup();
    toggle(true);
    const closing = fakeEvent();
    window.emit('close', closing);
    expect(closing.defaultPrevented).toBe(true);
    toggle(false);
    const later = fakeEvent();
    window.emit('close', later);
    expect(later.defaultPrevented).toBe(false);
    // Toggling again does not stack a second guard.
    toggle(true);
    expect(window.listenerCount('close')).toBe(1);
  });
});
