import path from 'node:path';

const DEFAULT_DOCUMENT = 'index.html';

/**
 * Maps the path of an app:// URL onto a file below root, or null when it cannot name one.
 * Segments are decoded one at a time, so an encoded separator or dot segment (%2f, %2e%2e)
 * is refused instead of being interpreted; empty segments (`//etc`) and drive letters too.
 * Symlinks are not resolved here: the caller re-checks the realpath with isInsideRoot.
 */
export function resolveRequestPath(root: string, urlPathname: string): string | null {
  if (!urlPathname.startsWith('/')) return null;
  if (urlPathname === '/') return path.join(root, DEFAULT_DOCUMENT);
  const segments: string[] = [];
  for (const raw of urlPathname.slice(1).split('/')) {
    const segment = decodeSegment(raw);
    if (segment === null) return null;
    segments.push(segment);
  }
  const candidate = path.resolve(root, ...segments);
  return isInsideRoot(root, candidate) ? candidate : null;
}

function decodeSegment(raw: string): string | null {
  let segment: string;
  try {
    segment = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (segment === '' || segment === '.' || segment === '..') return null;
  // Separators would smuggle extra segments; ':' is a drive letter or an NTFS stream on Windows.
  if (/[\\/:\0]/.test(segment)) return null;
  return segment;
}

export function isInsideRoot(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  // On Windows a path on another drive comes back absolute.
  return !path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..';
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Unknown types are served as opaque bytes (with nosniff) so nothing is guessed into a script. */
export function mimeTypeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
