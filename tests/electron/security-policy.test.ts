import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from '../../electron/security/app-origin';
import { CONTENT_SECURITY_POLICY, withCsp } from '../../electron/security/csp';
import { isInsideRoot, mimeTypeOf, resolveRequestPath } from '../../electron/security/static-files';

const root = path.resolve('/srv/counselroom/renderer');

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

  it('names no remote origin, scheme wildcard or eval', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
  });

  it('denies by default and keeps scripts to our own files', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });

  it('replaces any CSP a response already carries, whatever its case', () => {
    const headers = withCsp({ 'content-security-policy': ["default-src *"], 'Content-Type': 'text/html' });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('isAppUrl', () => {
  it('accepts only app://counselroom', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://counselroom/assets/index.js?v=1#x')).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://counselroom/',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'app://evil/index.html',
    'app://counselroom.evil.example/',
    'app://user:pw@counselroom/',
    'app://counselroom:8080/',
    'data:text/html,<script>1</script>',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('resolveRequestPath', () => {
  it('maps / to index.html and plain paths below the root', () => {
    expect(resolveRequestPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveRequestPath(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveRequestPath(root, '/fonts/%E5%AD%97.woff2')).toBe(path.join(root, 'fonts', '字.woff2'));
  });

  it.each([
    ['a parent segment', '/../etc/passwd'],
    ['a nested parent segment', '/assets/../../etc/passwd'],
    ['an encoded parent segment', '/%2e%2e/etc/passwd'],
    ['a mixed-case encoded parent segment', '/assets/%2E%2e/%2e%2E/secret'],
    ['an encoded slash', '/..%2f..%2fetc%2fpasswd'],
    ['an encoded backslash', '/..%5c..%5cwindows%5cwin.ini'],
    ['a raw backslash', '/..\\..\\windows\\win.ini'],
    ['an absolute path via an empty segment', '//etc/passwd'],
    ['an absolute path via an encoded leading slash', '/%2Fetc%2Fpasswd'],
    ['a drive letter', '/C:/Windows/win.ini'],
    ['an NTFS stream', '/index.html::$DATA'],
    ['a NUL byte', '/index.html%00.png'],
    ['a dot segment', '/./index.html'],
    ['broken percent-encoding', '/%E0%A4%A'],
    ['a path without a leading slash', 'index.html'],
    ['a directory (trailing slash)', '/assets/'],
  ])('refuses %s', (_label, pathname) => {
    expect(resolveRequestPath(root, pathname)).toBeNull();
  });

  it('never returns a path outside the root', () => {
    for (const pathname of ['/a/b/c.js', '/%2e%2e', '/..', '/x/%2e%2e/%2e%2e/y']) {
      const resolved = resolveRequestPath(root, pathname);
      if (resolved !== null) expect(isInsideRoot(root, resolved)).toBe(true);
    }
  });
});

describe('isInsideRoot', () => {
  it('tells inside from outside, including look-alike siblings', () => {
    expect(isInsideRoot(root, path.join(root, 'index.html'))).toBe(true);
    expect(isInsideRoot(root, path.join(root, '..foo'))).toBe(true);
    expect(isInsideRoot(root, path.resolve(root, '..', 'renderer-evil', 'x.js'))).toBe(false);
    expect(isInsideRoot(root, path.resolve(root, '..', 'secret'))).toBe(false);
    expect(isInsideRoot(root, path.resolve('/etc/passwd'))).toBe(false);
  });
});

describe('mimeTypeOf', () => {
  it('types what the renderer ships and nothing is guessed', () => {
    expect(mimeTypeOf('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('/r/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('/r/a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeOf('/r/a.svg')).toBe('image/svg+xml');
    expect(mimeTypeOf('/r/a.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('/r/a.unknown')).toBe('application/octet-stream');
    expect(mimeTypeOf('/r/Makefile')).toBe('application/octet-stream');
  });
});
