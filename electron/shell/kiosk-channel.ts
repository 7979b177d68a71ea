/**
 * The one IPC channel outside the contract: the kiosk toggle is about the window, not the archive,
 * so it never reaches the database host. Shared by the preload and the main process.
 */
export const KIOSK_CHANNEL = 'window:kiosk';
