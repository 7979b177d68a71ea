import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Visits every leaf and container of a zod schema with its path (`a.b[]`, `a{}` for a record's
 * values), seeing through optional, nullable, default and readonly; a pipe is followed on `side`.
 */
export function walkSchema(schema: z.ZodType, path: string, visit: (type: string, schema: z.ZodType, path: string) => void, side: 'in' | 'out' = 'in'): void {
  const def = defOf(schema);
  visit(def.type, schema, path);
  const next = (s: z.ZodType, p: string) => walkSchema(s, p, visit, side);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape!).forEach(([k, v]) => next(v, `${path}.${k}`));
    case 'array':
      return next(def.element!, `${path}[]`);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return next(def.innerType!, path);
    case 'pipe':
      return next(def[side]!, path);
    case 'union':
      return def.options!.forEach((o) => next(o, path));
    case 'record':
      return next(def.valueType!, `${path}{}`);
    default:
      return;
  }
}
