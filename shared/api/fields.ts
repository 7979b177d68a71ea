import { z } from 'zod';

/**
 * Field builders shared by every schema. Every text field carries a length cap
 * (a unit test walks the contract to keep it so), trims whitespace and
 * refuses control characters that only ever arrive by accident or attack.
 */
// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) count too: they
// make a name or a file name read differently from what it holds ("\u202Eexe.txt" shows as
// "txt.exe"), and never arrive in a school's records otherwise.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

export const LIMITS = {
  name: 50,
  short: 20,
  code: 32,
  line: 200,
  note: 2000,
  /** One field of a session record or a contact summary. */
  clinical: 4000,
  passphraseMin: 10,
  passphraseMax: 200,
} as const;

const LINE_BREAK = /[\r\n]/;

export function text(max: number, opts: { min?: number; multiline?: boolean } = {}) {
  let s = z.string().trim().max(max);
  if (opts.min !== undefined) s = s.min(opts.min);
  return s
    .refine((v) => !CONTROL.test(v), { message: 'errors.field.controlChars' })
    .refine((v) => opts.multiline === true || !LINE_BREAK.test(v), { message: 'errors.field.lineBreak' });
}

/**
 * Whether `text(max, opts)` accepts `v` unchanged (already trimmed): the same rules without zod,
 * for a hot path that checks thousands of cells and leaves every refusal to the schema itself.
 */
export function isPlainText(v: unknown, max: number, opts: { min?: number; multiline?: boolean } = {}): v is string {
  return (
    typeof v === 'string' &&
    v.length <= max &&
    v.length >= (opts.min ?? 0) &&
    v === v.trim() &&
    !CONTROL.test(v) &&
    (opts.multiline === true || !LINE_BREAK.test(v))
  );
}

export const requiredText = (max: number) => text(max, { min: 1 });

export const id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'errors.field.id').max(36);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!;
}

/**
 * Whether y-m-d (the first three '-'-separated numbers) is a day that exists, 1900 to 2100. By
 * arithmetic, and a 'YYYY-MM-DD' read by position: a roster import checks every row's birth
 * date, and splitting the text and building a Date was six times slower.
 */
export function isRealDate(v: string): boolean {
  const byPosition = v.length === 10 && v[4] === '-' && v[7] === '-';
  const [y, m, d] = byPosition ? [Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8))] : v.split('-').map(Number);
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  return y! >= 1900 && y! <= 2100 && m! >= 1 && m! <= 12 && d! >= 1 && d! <= daysInMonth(y!, m!);
}

/** A calendar date 'YYYY-MM-DD' that exists (no 2月30日), between 1900 and 2100. */
export const calendarDate = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.field.dateFormat')
  .refine(isRealDate, 'errors.field.dateInvalid');

export const epochMs = z.number().int().nonnegative();

/** A time of day 'HH:MM' (24-hour). */
export const timeOfDay = z
  .string()
  .max(5)
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'errors.field.time');

/** Several choices from a fixed list, each at most once. */
export function codes<T extends readonly [string, ...string[]]>(values: T, opts: { min?: number } = {}) {
  return z
    .array(z.enum(values))
    .min(opts.min ?? 0)
    .max(values.length)
    .refine((xs) => new Set(xs).size === xs.length, { message: 'errors.field.duplicate' });
}

export const passphrase = z.string().min(LIMITS.passphraseMin, 'errors.field.passphraseShort').max(LIMITS.passphraseMax);
/** For logging in: any length is accepted, so a short wrong guess fails as AUTH, not VALIDATION. */
export const passphraseAttempt = z.string().min(1).max(LIMITS.passphraseMax);

export const username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9_.\-\u4e00-\u9fff]+$/, 'errors.field.username');

export const pageInput = {
  page: z.number().int().min(1).max(100000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
};

export const empty = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });
