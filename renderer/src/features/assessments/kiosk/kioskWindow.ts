import { counselShell } from '../../../lib/counselShell';

/**
 * Fills the screen for a student: in Electron the window's true kiosk mode (no taskbar, no window
 * controls); in a plain browser the Fullscreen API, which the browser may refuse — the kiosk still
 * covers the whole page then, so a refusal is ignored.
 */
export function enterKioskWindow(): void {
  const shell = counselShell();
  if (shell) {
    void shell.setKiosk(true).catch(() => undefined);
    return;
  }
  void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

export function leaveKioskWindow(): void {
  const shell = counselShell();
  if (shell) {
    void shell.setKiosk(false).catch(() => undefined);
    return;
  }
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}
