/*
 * The only way a definition enters the app: parse (zod) → validate (semantics) → golden cases.
 * The caller reads the file (shared/ has no file system); a refused definition yields every problem
 * found at the first stage that fails, each with its JSON path.
 * messageKeys used here:
 *   errors.scale.tooDeep              — nesting deeper than any real definition needs
 *   errors.scale.goldenCaseFailed     — a golden case scores differently from what it expects (params: case, expected, actual)
 *   errors.scale.duplicateId          — two built-in definitions share an id (path [file, 'id'])
 *   errors.scale.unknownFollowUpScale — a follow-up names a definition that is not loaded
 */
import type { Problem } from '../problems';
import { type ScaleDefinition, ScaleDefinitionSchema } from './definition';
import { runGoldenCases } from './golden';
import { definitionHash } from './hash';
import { schemaProblems } from './schema-problems';
import { validateDefinition } from './validate';

export type LoadResult = { ok: true; definition: ScaleDefinition; hash: string } | { ok: false; problems: Problem[] };

/** Imported files are untrusted; a deep rule tree would exhaust the stack of the recursive parse. */
const MAX_DEPTH = 40;

function tooDeep(json: unknown): Problem[] {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: json, path: [] }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, path } = next;
    if (value === null || typeof value !== 'object') continue;
    if (path.length > MAX_DEPTH) return [{ path, messageKey: 'errors.scale.tooDeep', params: { maximum: MAX_DEPTH } }];
    for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, Array.isArray(value) ? Number(k) : k] });
  }
  return [];
}

export function loadDefinition(json: unknown): LoadResult {
  const deep = tooDeep(json);
  if (deep.length > 0) return { ok: false, problems: deep };
  const parsed = ScaleDefinitionSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error, json) };
  const definition = parsed.data;
  const invalid = validateDefinition(definition);
  if (invalid.length > 0) return { ok: false, problems: invalid };
  const failures = runGoldenCases(definition).map(
    (f): Problem => ({ path: f.path, messageKey: 'errors.scale.goldenCaseFailed', params: { case: f.caseName, expected: f.expected, actual: f.actual } }),
  );
  return failures.length > 0 ? { ok: false, problems: failures } : { ok: true, definition, hash: definitionHash(definition) };
}

export type BuiltinsResult = { ok: true; definitions: { definition: ScaleDefinition; hash: string }[] } | { ok: false; problems: Problem[] };

/**
 * Loads the bundled definitions (file name → parsed JSON); paths start with the file name. All or
 * nothing: a broken built-in is a release defect, not something to run without.
 */
export function loadBuiltins(files: Readonly<Record<string, unknown>>): BuiltinsResult {
  const loaded = Object.entries(files).map(([file, json]) => ({ file, result: loadDefinition(json) }));
  const problems = loaded.flatMap(({ file, result }) => (result.ok ? [] : result.problems.map((p) => ({ ...p, path: [file, ...p.path] }))));
  const definitions = loaded.flatMap(({ file, result }) => (result.ok ? [{ file, definition: result.definition, hash: result.hash }] : []));
  const seen = new Set<string>();
  for (const { file, definition } of definitions) {
    if (seen.has(definition.id)) problems.push({ path: [file, 'id'], messageKey: 'errors.scale.duplicateId', params: { id: definition.id } });
    seen.add(definition.id);
  }
  for (const { file, definition } of definitions) {
    (definition.followUps ?? []).forEach((f, i) => {
      if (!seen.has(f.scaleId)) problems.push({ path: [file, 'followUps', i, 'scaleId'], messageKey: 'errors.scale.unknownFollowUpScale', params: { id: f.scaleId } });
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, definitions: definitions.map(({ definition, hash }) => ({ definition, hash })) };
}
