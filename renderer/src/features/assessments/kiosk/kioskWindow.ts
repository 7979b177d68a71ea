/** What the Electron preload exposes besides the contract: the kiosk toggle of this window. */
interface CounselShell {
  setKiosk(on: boolean): Promise<boolean>;
}

declare global {
  interface Window {
    counselShell?: CounselShell;
  }
}

/**
 * Fills the screen for a student: in Electron the window's true kiosk mode (no taskbar, no window
 * controls); in a plain browser the Fullscreen API, which the browser may refuse — the kiosk still
 * covers the whole page then, so a refusal is ignored.
 */
export function enterKioskWindow(): void {
  if (window.counselShell) {
    void window.counselShell.setKiosk(true).catch(() => undefined);
    return;
  }
  void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

export function leaveKioskWindow(): void {
  if (window.counselShell) {
    void window.counselShell.setKiosk(false).catch(() => undefined);
    return;
  }
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}
