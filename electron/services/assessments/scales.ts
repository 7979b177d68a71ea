import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import type { scaleSummary } from '../../../shared/api/assessments';
import { CounselError } from '../../../shared/api/errors';
import { type ScaleDefinition, loadBuiltins, loadDefinition } from '../../../shared/domain/scales';
import gad7 from '../../../resources/scales/gad7.json';
import k6 from '../../../resources/scales/k6.json';
import phq9 from '../../../resources/scales/phq9.json';
import psc17 from '../../../resources/scales/psc17.json';
import psc17y from '../../../resources/scales/psc17y.json';
import who5 from '../../../resources/scales/who5.json';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { assertNoProblems } from '../common/validation';
import { type StoredDefinition, importedDefinitions, importedVersions, insertDefinition } from './scales-repo';

type ScaleMethods = 'scales.list' | 'scales.get' | 'scales.import';
type ScaleSummary = z.input<typeof scaleSummary>;

export interface Resolved {
  definition: ScaleDefinition;
  hash: string;
  builtIn: boolean;
  importedAt: number | null;
}

// Static imports, so the bundler ships the definitions inside the app and no file is read at run time.
const BUILTIN_FILES = { 'gad7.json': gad7, 'k6.json': k6, 'phq9.json': phq9, 'psc17.json': psc17, 'psc17y.json': psc17y, 'who5.json': who5 };

let builtinCache: Resolved[] | undefined;

/** Loaded once per process (golden cases included); a broken built-in is a release defect and stops here. */
export function builtins(): Resolved[] {
  if (!builtinCache) {
    const result = loadBuiltins(BUILTIN_FILES);
    if (!result.ok) throw new Error(`built-in scale definitions are broken: ${JSON.stringify(result.problems)}`);
    builtinCache = result.definitions.map((d) => ({ ...d, builtIn: true, importedAt: null }));
  }
  return builtinCache;
}

// Stored definitions passed the loader when imported; parsing them again per call would rerun their golden cases.
const parsedByHash = new Map<string, ScaleDefinition>();

function fromStore(row: StoredDefinition): Resolved {
  let definition = parsedByHash.get(row.hash);
  if (!definition) parsedByHash.set(row.hash, (definition = JSON.parse(row.json) as ScaleDefinition));
  return { definition, hash: row.hash, builtIn: false, importedAt: row.importedAt };
}

const versionParts = (v: string) => v.split('.').map(Number);
function newerFirst(a: Resolved, b: Resolved): number {
  const [x, y] = [versionParts(a.definition.version), versionParts(b.definition.version)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (y[i] ?? 0) - (x[i] ?? 0);
  return 0;
}

/** A definition by id and version (the newest when none is given), or null. */
export function findDefinition(db: Database, id: string, version?: string): Resolved | null {
  const builtIn = builtins().filter((b) => b.definition.id === id);
  const candidates = (builtIn.length > 0 ? builtIn : importedVersions(db, id).map(fromStore)).sort(newerFirst);
  return (version === undefined ? candidates[0] : candidates.find((c) => c.definition.version === version)) ?? null;
}

export function requireDefinition(db: Database, id: string, version: string | undefined, path: string): Resolved {
  const found = findDefinition(db, id, version);
  if (!found) throw new CounselError('NOT_FOUND', 'errors.notFound', { path, id, version });
  return found;
}

function summary(r: Resolved): ScaleSummary {
  const d = r.definition;
  return {
    id: d.id,
    version: d.version,
    title: { ...d.names },
    itemCount: d.items.length,
    builtIn: r.builtIn,
    licence: d.license.status,
    hash: r.hash,
    importedAt: r.importedAt,
  };
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw new CounselError('VALIDATION', 'errors.scale.notJson', [{ path: 'json', reason: 'errors.scale.notJson' }]);
  }
}

/** The loader's problems as VALIDATION, each path the JSON path inside the definition. */
function loadOrRefuse(json: string): { definition: ScaleDefinition; hash: string } {
  const loaded = loadDefinition(parseJson(json));
  if (loaded.ok) return loaded;
  assertNoProblems(loaded.problems, (p) => p.path.join('.') || 'json');
  // A refusal always carries at least one problem, so this is only reached if that contract breaks.
  throw new CounselError('VALIDATION', 'errors.validation', [{ path: 'json', reason: 'errors.validation' }]);
}

export const scaleHandlers: HandlerMap<ScaleMethods> = {
  'scales.list': dbHandler<'scales.list'>({
    run: ({ db }) => ({ items: [...builtins(), ...importedDefinitions(db).map(fromStore)].map(summary) }),
  }),

  'scales.get': dbHandler<'scales.get'>({
    run: ({ db }, input) => {
      const r = requireDefinition(db, input.id, input.version, 'id');
      return { definition: r.definition, hash: r.hash, builtIn: r.builtIn };
    },
  }),

  // A version is never replaced: old results keep pointing at the definition that scored them.
  'scales.import': dbHandler<'scales.import'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const { definition, hash } = loadOrRefuse(input.json);
      const details = { path: 'json', id: definition.id, version: definition.version };
      if (builtins().some((b) => b.definition.id === definition.id)) throw new CounselError('CONFLICT', 'errors.scale.builtInId', details);
      if (findDefinition(db, definition.id, definition.version)) throw new CounselError('CONFLICT', 'errors.scale.versionExists', details);
      const stored = { id: definition.id, version: definition.version, json: JSON.stringify(definition), hash, importedAt: now };
      insertDefinition(db, stored);
      ctx.audit = { targetType: 'scale', targetId: definition.id, details: { version: definition.version, hash } };
      return summary(fromStore(stored));
    },
  }),
};
