import type { Rng } from './random';

/**
 * Hostile variants of a valid input: the input shapes an attacker, a broken client, a pasted
 * spreadsheet cell or a bit-flipped message can produce. Each mutation names itself, so a failure
 * says what was sent.
 */

type Json = unknown;
type Path = (string | number)[];

const WRONG_TYPES: Json[] = [null, 0, -1, true, '', 'x', [], {}, [null], { $gt: '' }];
const STRINGS = [
  "'; DROP TABLE students; --",
  "1' OR '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"焦虑', 'NEAR(焦虑 失眠)', '* OR AND',
  '\u202Eexe.txt', '\u200F\u200E\u2066李\u2069', '\u0000', 'a\u0007b', '\r\n', '\t',
  '😀👨‍👩‍👧‍👦🧠', '𠀀𪚥', 'ｆｕｌｌ　ｗｉｄｔｈ', '\uD800', '\uFFFF',
  '../../etc/passwd', 'C:\\Windows\\system32', '%s%n%x', '${process.exit(1)}', '{{7*7}}',
  '   ', '',
];
const NUMBERS = [NaN, Infinity, -Infinity, -0, -1, 1e308, -1e308, 2 ** 53, 2 ** 53 + 2, 0.5, 1e-9, 8.64e15, 8.64e15 + 1];
const DATES = ['9999-12-31', '0001-01-01', '1899-12-31', '2101-01-01', '2025-02-29', '2025-02-30', '2025-13-01', '2025-00-10', '2025-3-1', '20250312', '2025-03-12T00:00:00Z', '+275760-09-13'];
const TIMES = ['24:00', '23:60', '9:00', '-1:00', '12:00:00', '00:00', '23:59'];

function paths(v: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

function get(v: Json, p: Path): Json {
  return p.reduce<Json>((o, k) => (o as Record<string | number, Json>)[k], v);
}

function set(v: Json, p: Path, value: Json): Json {
  if (p.length === 0) return value;
  const copy = structuredClone(v) as Record<string | number, Json>;
  (get(copy, p.slice(0, -1)) as Record<string | number, Json>)[p.at(-1)!] = value;
  return copy;
}

function remove(v: Json, p: Path): Json {
  const copy = structuredClone(v) as Record<string | number, Json>;
  const parent = get(copy, p.slice(0, -1));
  if (Array.isArray(parent)) parent.splice(p.at(-1) as number, 1);
  else delete (parent as Record<string, Json>)[p.at(-1) as string];
  return copy;
}

export interface Mutation {
  what: string;
  input: Json;
}

/** One mutation of `valid`, chosen by `r`. */
export function mutate(valid: Json, r: Rng): Mutation {
  const all = paths(valid);
  const inner = all.filter((p) => p.length > 0);
  const strings = all.filter((p) => typeof get(valid, p) === 'string');
  const numbers = all.filter((p) => typeof get(valid, p) === 'number');
  const objects = all.filter((p) => { const x = get(valid, p); return x !== null && typeof x === 'object' && !Array.isArray(x); });
  const arrays = all.filter((p) => Array.isArray(get(valid, p)));
  const name = (p: Path) => p.join('.') || '(root)';

  const kinds: (() => Mutation | null)[] = [
    () => {
      const p = r.pick(all);
      const value = r.pick(WRONG_TYPES);
      return { what: `wrong type at ${name(p)}: ${JSON.stringify(value)}`, input: set(valid, p, value) };
    },
    () => {
      if (inner.length === 0) return null;
      const p = r.pick(inner);
      return { what: `missing ${name(p)}`, input: remove(valid, p) };
    },
    () => {
      const p = r.pick(objects.length > 0 ? objects : [[]]);
      const key = r.pick(['extra', '__proto__', 'constructor', 'id', 'role', 'userId', 'toString']);
      const target = get(valid, p);
      if (target === null || typeof target !== 'object') return { what: 'root replaced by an object with an extra key', input: { [key]: 1 } };
      const copy = structuredClone(valid);
      Object.defineProperty(get(copy, p) as object, key, { value: r.pick(WRONG_TYPES), enumerable: true, configurable: true, writable: true });
      return { what: `extra key ${key} at ${name(p)}`, input: copy };
    },
    () => {
      if (strings.length === 0) return null;
      const p = r.pick(strings);
      const size = r.pick([1_000, 100_000, 1_000_000]);
      return { what: `huge string (${size}) at ${name(p)}`, input: set(valid, p, r.pick(['焦', 'a', '😀']).repeat(size)) };
    },
    () => {
      if (strings.length === 0) return null;
      const p = r.pick(strings);
      const hostile = r.pick(STRINGS);
      const keep = r.chance(0.5) ? `${get(valid, p) as string}${hostile}` : hostile;
      return { what: `hostile string at ${name(p)}: ${JSON.stringify(hostile)}`, input: set(valid, p, keep) };
    },
    () => {
      if (numbers.length === 0) return null;
      const p = r.pick(numbers);
      const n = r.pick(NUMBERS);
      return { what: `number ${n} at ${name(p)}`, input: set(valid, p, n) };
    },
    () => {
      if (strings.length === 0) return null;
      const p = r.pick(strings);
      const v = r.pick([...DATES, ...TIMES]);
      return { what: `far or malformed date/time ${v} at ${name(p)}`, input: set(valid, p, v) };
    },
    () => {
      if (arrays.length === 0) return null;
      const p = r.pick(arrays);
      const arr = get(valid, p) as Json[];
      const grown = arr.length > 0 ? Array.from({ length: r.pick([2, 500, 20_000]) }, (_, i) => arr[i % arr.length]) : Array.from({ length: 5_000 }, () => 'x');
      return { what: `array of ${grown.length} at ${name(p)}`, input: set(valid, p, grown) };
    },
    () => {
      const value = r.pick([null, undefined, 'string', 42, [], [valid], true]);
      return { what: `whole input replaced by ${JSON.stringify(value) ?? 'undefined'}`, input: value };
    },
  ];
  for (;;) {
    const m = r.pick(kinds)();
    if (m) return m;
  }
}
