/**
 * After a call that took or returned a file (a string of FILE_CHARS characters or more: an uploaded
 * sheet, an export, a template, a photo read back, each as base64), the core asks V8 for a full
 * collection in a task of its own, which runs once the answer has gone. V8 otherwise collects the
 * old generation only when it has grown to several times what is live, and a file's strings,
 * buffers and workbook objects are the bulk of what the core leaves behind: on the ten-year school,
 * exports and photos read back kept 60-90 MiB of garbage in the resident set until a collection
 * came (docs/PERFORMANCE.md, "The core's memory"). Files are rare and slow already; screens' reads
 * never trigger one.
 *
 * `gc` exists when the process runs with --expose-gc (CORE_V8_FLAGS, process-flags.ts); where it
 * does not (the tests run the core inside Vitest's process), nothing is collected.
 */
import { LIMITS } from '../../shared/api/fields';

/**
 * Twice the longest field of a record (LIMITS.clinical), so typing never triggers one; the smallest
 * file the core makes, an import template, is about 10,400 characters of base64.
 */
export const FILE_CHARS = 2 * LIMITS.clinical;

type Gc = (options: { type: 'major' }) => void;

/**
 * Whether `value` holds a string of a file's size, in a field or in an entry of a list field:
 * where the contract puts files, in outputs ({ filename, base64 }) and inputs (an uploaded sheet,
 * a district's package files).
 */
export function holdsFile(value: unknown, depth = 3): boolean {
  if (typeof value === 'string') return value.length >= FILE_CHARS;
  if (depth === 0 || value === null || typeof value !== 'object') return false;
  return Object.values(value).some((field) => holdsFile(field, depth - 1));
}

/**
 * At most one collection in this many milliseconds. A collection's sweeping goes on beside the
 * calls after it, and one after every file of a run back to back (a benchmark's, or a counselor
 * printing a class's reports) made each next call 20 ms slower and the screens' reads around them
 * 1.2x (docs/PERFORMANCE.md).
 */
const MIN_GAP_MS = 2000;
let lastAt = -Infinity;

/** After a call that took or gave a file; `output` is undefined for a refused call. */
export function collectAfterFile(input: unknown, output: unknown, now = performance.now()): void {
  const gc = (globalThis as { gc?: Gc }).gc;
  if (!gc || now - lastAt < MIN_GAP_MS || !(holdsFile(output) || holdsFile(input))) return;
  lastAt = now;
  // After the answer has gone: the reply is sent in this turn of the event loop, the collection in the next.
  setImmediate(() => gc({ type: 'major' }));
}
