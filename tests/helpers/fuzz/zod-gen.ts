import type { z } from 'zod';
import type { Rng } from './random';

/**
 * Valid-looking inputs from a zod 4 schema, read through its definition (`_zod.def`): objects,
 * strings with their length caps and patterns, numbers with bounds, enums, literals, arrays,
 * records, tuples, optionals, nullables, defaults, unions and pipes. Refinements (a real calendar
 * date, end after start) cannot be read from the schema, so a generated value may still be refused
 * by them; that is a VALIDATION the fuzzer accepts.
 */

/** The parts of a zod 4 definition this generator reads; zod's own types are per schema kind. */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  getter?: () => z.ZodType;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

export const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (s: z.ZodType): CheckDef[] => (defOf(s).checks ?? []).map((c) => c._zod.def);

/** Where ids and other known values come from: the archive being fuzzed. */
export interface GenSource {
  rng: Rng;
  /** A value seen in the archive for a field of this name (studentId → a student's id), if any. */
  known(field: string): string | undefined;
}

const WORDS = ['焦虑', '睡眠', '学习压力', '同伴关系', '家庭沟通', '情绪低落', '放松训练', '班主任', '初二', 'PHQ-9', 'note', '复评'];
/** Strings tried against a pattern the generator cannot invert, in order. */
const EDGE_DATES = ['1900-01-01', '2100-12-31', '2024-02-29', '2025-12-31', '2026-01-01'];
const PATTERN_CANDIDATES = ['2025-03-12', '14:00', 'phq9', 'wang_01', '13800000000', '20240107', 'abc', '1'];

export function stringBounds(s: z.ZodType): { min: number; max: number; patterns: RegExp[] } {
  let min = 0;
  let max = Infinity;
  const patterns: RegExp[] = [];
  for (const c of checksOf(s)) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum ?? 0);
    if (c.check === 'max_length') max = Math.min(max, c.maximum ?? Infinity);
    if (c.check === 'length_equals') min = max = c.length ?? 0;
    if (c.check === 'string_format' && c.pattern) patterns.push(c.pattern);
  }
  return { min, max, patterns };
}

function numberBounds(s: z.ZodType): { lo: number; hi: number; int: boolean; edges: number[] } {
  let lo: number | undefined;
  let hi: number | undefined;
  let int = defOf(s).type === 'int';
  for (const c of checksOf(s)) {
    if (c.check === 'number_format') int = true;
  }
  for (const c of checksOf(s)) {
    if (c.check === 'greater_than') lo = (c.value ?? 0) + (c.inclusive ? 0 : int ? 1 : 0.01);
    if (c.check === 'less_than') hi = (c.value ?? 0) - (c.inclusive ? 0 : int ? 1 : 0.01);
  }
  const edges = [lo ?? -Number.MAX_SAFE_INTEGER, hi ?? Number.MAX_SAFE_INTEGER];
  const from = lo ?? Math.min(-1000, (hi ?? 0) - 2000);
  return { lo: from, hi: Math.min(hi ?? from + 2000, from + 2000), int, edges };
}

const pad = (n: number) => String(n).padStart(2, '0');

function genString(s: z.ZodType, src: GenSource, field: string): string {
  const { min, max, patterns } = stringBounds(s);
  const fits = (v: string) => v.length >= min && v.length <= max && patterns.every((p) => p.test(v));
  const known = src.known(field);
  if (known !== undefined && fits(known) && (patterns.length > 0 || src.rng.chance(0.3))) return known;
  if (patterns.length > 0) {
    const r = src.rng;
    if (patterns.every((p) => p.test('2025-03-12') && !p.test('abc'))) {
      // Valid but extreme: the first and last dates the schema allows, a leap day, a year's end.
      if (r.chance(0.15)) return r.pick(EDGE_DATES);
      return `${r.pick([2024, 2025, 2025, 2025])}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
    }
    if (patterns.every((p) => p.test('14:00'))) return `${pad(r.int(7, 18))}:${r.pick(['00', '15', '30', '45'])}`;
    return PATTERN_CANDIDATES.find(fits) ?? PATTERN_CANDIDATES[0]!;
  }
  let out = '';
  const target = Math.min(max, Math.max(min, src.rng.int(1, 12)));
  while (out.length < target) out += src.rng.pick(WORDS);
  return out.slice(0, target);
}

function genNumber(s: z.ZodType, src: GenSource): number {
  const { lo, hi, int, edges } = numberBounds(s);
  // The bounds themselves are valid inputs too, and where loops and offsets go wrong.
  if (src.rng.chance(0.15)) return src.rng.pick(edges);
  if (int) return src.rng.int(Math.ceil(lo), Math.max(Math.ceil(lo), Math.floor(hi)));
  return Math.round((lo + src.rng.next() * (hi - lo)) * 10) / 10;
}

/** A value for `schema`; `undefined` means "leave the key out". */
export function generate(schema: z.ZodType, src: GenSource, field = '', depth = 0): unknown {
  const d = defOf(schema);
  const { rng: r } = src;
  switch (d.type) {
    case 'string':
      return genString(schema, src, field);
    case 'number':
    case 'int':
      return genNumber(schema, src);
    case 'boolean':
      return r.chance(0.5);
    case 'null':
      return null;
    case 'literal':
      return r.pick(d.values!);
    case 'enum':
      return r.pick(Object.values(d.entries!));
    case 'optional':
      return r.chance(0.6) ? generate(d.innerType!, src, field, depth) : undefined;
    case 'nullable':
      return r.chance(0.15) ? null : generate(d.innerType!, src, field, depth);
    case 'default':
    case 'prefault':
      return r.chance(0.4) ? undefined : generate(d.innerType!, src, field, depth);
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return generate(d.innerType!, src, field, depth);
    case 'pipe':
      return generate(d.in!, src, field, depth);
    case 'lazy':
      return generate(d.getter!(), src, field, depth);
    case 'union':
      return generate(r.pick(d.options!), src, field, depth);
    case 'intersection':
      return { ...(generate(d.left!, src, field, depth) as object), ...(generate(d.right!, src, field, depth) as object) };
    case 'tuple':
      return d.items!.map((it, i) => generate(it, src, `${field}.${i}`, depth + 1));
    case 'array': {
      let min = 0;
      let max = 4;
      for (const c of checksOf(schema)) {
        if (c.check === 'min_length') min = c.minimum ?? 0;
        if (c.check === 'max_length') max = Math.min(max, c.maximum ?? max);
        if (c.check === 'length_equals') min = max = c.length ?? 0;
      }
      const n = depth > 4 ? min : r.int(min, Math.max(min, Math.min(max, min + 3)));
      return Array.from({ length: n }, () => generate(d.element!, src, singular(field), depth + 1));
    }
    case 'record': {
      const out: Record<string, unknown> = {};
      for (let i = r.int(0, 2); i > 0; i--) out[String(generate(d.keyType!, src, 'key', depth + 1))] = generate(d.valueType!, src, field, depth + 1);
      return out;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.shape!)) {
        const value = generate(v, src, k, depth + 1);
        if (value !== undefined) out[k] = value;
      }
      return out;
    }
    default:
      // unknown, any, custom, transform: nothing to aim at.
      return r.pick(['x', 1, null]);
  }
}

/** studentIds → studentId: an array's elements are looked up under the singular name. */
function singular(field: string): string {
  return field.endsWith('Ids') ? field.slice(0, -1) : field;
}
