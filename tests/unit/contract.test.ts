import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, METHOD_NAMES } from '../../shared/api/contract';
import { handlers } from '../../electron/core/handlers';

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

/** Every string an input accepts, with its path, so a test can hold each to a length cap. */
function strings(schema: z.ZodType, path: string, out: { path: string; max: number | null }[]): void {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      out.push({ path, max: (schema as z.ZodString).maxLength });
      return;
    case 'object':
      for (const [k, v] of Object.entries(def.shape!)) strings(v, `${path}.${k}`, out);
      return;
    case 'array':
      return strings(def.element!, `${path}[]`, out);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return strings(def.innerType!, path, out);
    case 'pipe':
      return strings(def.in!, path, out);
    case 'union':
      return def.options!.forEach((o) => strings(o, path, out));
    case 'record':
      return strings(def.valueType!, `${path}{}`, out);
    default:
      return;
  }
}

describe('the contract', () => {
  it('names every method area.verb and gives each a service', () => {
    for (const name of METHOD_NAMES) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(handlers[name], name).toBeDefined();
    }
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('caps the length of every text field of every input', () => {
    const found: { path: string; max: number | null }[] = [];
    for (const name of METHOD_NAMES) strings(contract[name].input, name, found);
    expect(found).toContainEqual({ path: 'students.create.name', max: 50 });
    expect(found).toContainEqual({ path: 'students.update.guardians[].phone', max: 20 });
    expect(found.filter((f) => f.max === null).map((f) => f.path)).toEqual([]);
  });

  it('rejects unknown keys in every object input', () => {
    for (const name of METHOD_NAMES) {
      const r = contract[name].input.safeParse({ notAField: 1 });
      expect(r.success, name).toBe(false);
    }
  });

  it('keeps clinical methods away from principals', () => {
    const principal = METHOD_NAMES.filter((n) => n.startsWith('students.') && (contract[n].roles as readonly string[]).includes('principal'));
    expect(principal).toEqual(['students.summary']);
  });
});
