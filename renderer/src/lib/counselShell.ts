/**
 * What the Electron preload exposes besides the contract (electron/preload.ts): doors about the
 * window and the desktop, never the archive. Absent in a plain browser.
 */
export interface CounselShell {
  setKiosk(on: boolean): Promise<boolean>;
  /** Names of the district packages the system opened the app with, nothing read. */
  pendingPackages(): Promise<string[]>;
  /** Their bytes for district.import; the queue is emptied. */
  takePackages(): Promise<{ name: string; base64: string }[]>;
  /** Empties the queue unread (a role that may not import), answering the names. */
  dismissPackages(): Promise<string[]>;
  /** Called when another package arrives while the app runs; answers the unsubscribe. */
  onPackageOpened(listener: () => void): () => void;
}

declare global {
  interface Window {
    counselShell?: CounselShell;
  }
}

export function counselShell(): CounselShell | undefined {
  return window.counselShell;
}
