/*
 * zod issues as Problems, so a refused file names the JSON path and a translatable reason.
 * messageKeys used here:
 *   errors.scale.schema.required   — a required key is absent
 *   errors.scale.schema.type       — a value has the wrong type (params.expected)
 *   errors.scale.schema.unknownKey — a key the format does not have (often a misspelling)
 *   errors.scale.schema.value      — a value outside the allowed set (params.values)
 *   errors.scale.schema.size       — too short, too long, too few or too many (params.minimum / maximum)
 *   errors.scale.schema.format     — a string of the wrong shape (ids, dates, versions)
 *   errors.scale.schema.shape      — an object that fits none of the allowed shapes (a rule, a missing policy)
 *   errors.scale.schema.invalid    — any other schema violation
 */
import type { z } from 'zod';
import type { Problem } from '../problems';

type Issue = z.core.$ZodIssue;
type Path = (string | number)[];

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), root);
}

function toProblems(issue: Issue, root: unknown, base: Path): Problem[] {
  const path = [...base, ...issue.path.map((k) => (typeof k === 'number' ? k : String(k)))];
  switch (issue.code) {
    case 'invalid_type':
      return [
        valueAt(root, path) === undefined
          ? { path, messageKey: 'errors.scale.schema.required' }
          : { path, messageKey: 'errors.scale.schema.type', params: { expected: issue.expected } },
      ];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], messageKey: 'errors.scale.schema.unknownKey' }));
    case 'invalid_value':
      return [{ path, messageKey: 'errors.scale.schema.value', params: { values: issue.values } }];
    case 'too_small':
      return [{ path, messageKey: 'errors.scale.schema.size', params: { minimum: Number(issue.minimum) } }];
    case 'too_big':
      return [{ path, messageKey: 'errors.scale.schema.size', params: { maximum: Number(issue.maximum) } }];
    case 'invalid_format':
      return [{ path, messageKey: 'errors.scale.schema.format', params: { format: issue.format } }];
    case 'invalid_key':
      return issue.issues.flatMap((i) => toProblems(i, root, path));
    case 'invalid_union': {
      if (issue.errors.length === 0) return [{ path, messageKey: 'errors.scale.schema.value', params: { values: 'options' in issue ? issue.options : [] } }];
      // Strict objects: the one branch whose keys all fit is the shape the author meant; report inside it.
      const fitting = issue.errors.filter((branch) => !branch.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0));
      return fitting.length === 1 ? fitting[0]!.flatMap((i) => toProblems(i, root, path)) : [{ path, messageKey: 'errors.scale.schema.shape' }];
    }
    default:
      return [{ path, messageKey: 'errors.scale.schema.invalid' }];
  }
}

export function schemaProblems(error: z.ZodError, root: unknown): Problem[] {
  return error.issues.flatMap((issue) => toProblems(issue, root, []));
}
