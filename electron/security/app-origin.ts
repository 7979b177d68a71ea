/** The renderer is served only from app://counselroom/ (never file://, never http). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'counselroom';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for URLs of our own origin.
 *
 * Node's WHATWG URL reports origin "null" for every non-special scheme (app:, file:, data:),
 * so `new URL(u).origin === …` would let file:///… pass as equal to app://counselroom.
 * The origin is therefore rebuilt from scheme and host, and credentials are refused.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
