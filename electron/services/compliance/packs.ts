import type { Database } from 'better-sqlite3-multiple-ciphers';
import fuzhou from '../../../resources/compliance/fuzhou-2021.json';
import gansuA from '../../../resources/compliance/gansu-a-junior.json';
import gansuC from '../../../resources/compliance/gansu-c-primary.json';
import example from '../../../resources/compliance/grading-example.json';
import national from '../../../resources/compliance/national-2015.json';
import shaanxi from '../../../resources/compliance/shaanxi-2024.json';
import type { PackSummary } from '../../../shared/api/compliance';
import { CounselError } from '../../../shared/api/errors';
import { type Pack, validatePack } from '../../../shared/domain/compliance/pack';
import { importedPacks } from './compliance-repo';

/** A built-in pack that fails its own schema is a bug in the release, not a user's problem: refuse to start. */
function builtIn(raw: unknown): Pack {
  const r = validatePack(raw);
  if (!r.ok) throw new Error(`built-in compliance pack is invalid: ${JSON.stringify(r.problems)}`);
  return r.pack;
}

/** The national pack first: it is the one a principal runs by default. */
export const BUILT_IN_PACKS: readonly Pack[] = [national, gansuC, gansuA, fuzhou, shaanxi, example].map(builtIn);
const BUILT_IN_KEYS = new Set(BUILT_IN_PACKS.map((p) => `${p.id}@${p.version}`));

const versionParts = (v: string) => v.split('.').map(Number);
function newer(a: Pack, b: Pack): boolean {
  const [x, y] = [versionParts(a.version), versionParts(b.version)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! > y[i]!;
  return false;
}

/** Every pack, built-in and imported, each id at its newest version. */
export function currentPacks(db: Database): Pack[] {
  const all = [...BUILT_IN_PACKS, ...importedPacks(db).map((json) => builtIn(JSON.parse(json)))];
  const byId = new Map<string, Pack>();
  for (const p of all) {
    const seen = byId.get(p.id);
    if (!seen || newer(p, seen)) byId.set(p.id, p);
  }
  return [...byId.values()];
}

export function requirePack(db: Database, id: string): Pack {
  const pack = currentPacks(db).find((p) => p.id === id);
  if (!pack) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'packId', id });
  return pack;
}

export function packSummaryOf(p: Pack): PackSummary {
  return {
    id: p.id,
    version: p.version,
    title: p.title,
    issuer: p.issuer,
    date: p.date,
    jurisdiction: p.jurisdiction,
    status: p.status,
    style: p.scoring.style,
    items: p.items.length,
    builtIn: BUILT_IN_KEYS.has(`${p.id}@${p.version}`),
  };
}
