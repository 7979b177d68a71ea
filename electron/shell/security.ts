import { app, session, type WebContents } from 'electron';
import { isAppUrl } from '../security/app-origin';
import { withCsp } from '../security/csp';

// Nothing in CounselRoom talks to a network and nothing loads from file://; such a request
// is a bug or an attack, so it is cancelled even before the CSP would refuse it.
const BLOCKED_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

/** Call once, before any window exists (checklist items 5, 7, 11–14). */
export function installSecurity(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isBlockedUrl(details.url) }));
  // protocol.ts sets the same header; this also covers responses that do not come from it.
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback(isAppUrl(details.url) ? { responseHeaders: withCsp(details.responseHeaders) } : {}),
  );
}

function hardenWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function isBlockedUrl(url: string): boolean {
  try {
    return BLOCKED_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return true;
  }
}
