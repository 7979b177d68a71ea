/**
 * The only Content-Security-Policy of the app. No remote origin anywhere and no 'unsafe-eval';
 * style-src needs 'unsafe-inline' because antd injects its CSS-in-JS as <style> elements.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export type ResponseHeaders = Record<string, string | string[]>;

/** Replaces any CSP header (whatever its case) with ours, so no weaker policy can ride along. */
export function withCsp(headers: ResponseHeaders = {}): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}
