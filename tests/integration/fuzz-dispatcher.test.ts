import { afterAll, describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import { TEST_PASSPHRASE } from '../helpers/inproc';
import { changedTables, contentHashes, tableHash } from '../helpers/db-snapshot';
import { archiveValues } from '../helpers/fuzz/archive-values';
import { mutate } from '../helpers/fuzz/mutate';
import { sessionKeeper } from '../helpers/fuzz/session-keeper';
import { envNumber, rng } from '../helpers/fuzz/random';
import { generate } from '../helpers/fuzz/zod-gen';
import { seededSchool, type SeededSchool } from '../helpers/seeded-school';

/**
 * Every method of the contract, called through the real dispatcher on a seeded archive with
 * generated inputs: valid ones from the input schema, then hostile variants of them. The answer
 * must be a valid result or a typed error (never INTERNAL), and a refused call must leave every
 * table as it was; the one exception is the audit log, which may gain rows recording the refusal
 * (a denied or failed attempt), never an 'ok' row and never a change to an older row. No call may
 * take more than a second of CPU.
 *
 * FUZZ_SEED picks the sequence, FUZZ_ROUNDS the calls per method (`npm run torture` for many more).
 */
const SEED = envNumber('FUZZ_SEED', 14);
const ROUNDS = envNumber('FUZZ_ROUNDS', 4);
/** CPU one call may use: calls are serialised, so a slow one freezes every window of the app. */
const CPU_BUDGET_MS = 1000;

let s: SeededSchool | undefined;
afterAll(async () => {
  s?.raw.close();
  await s?.t.cleanup();
});

interface Snapshot {
  tables: Map<string, string>;
  auditSeq: number;
}

function snapshot(school: SeededSchool): Snapshot {
  const auditSeq = (school.raw.prepare('SELECT coalesce(max(seq), 0) AS n FROM audit_log').get() as { n: number }).n;
  const tables = contentHashes(school.raw, ['audit_log']);
  tables.set('audit_log', tableHash(school.raw, 'audit_log', `WHERE seq <= ${auditSeq}`));
  return { tables, auditSeq };
}

/** What a refused call changed beyond rows recording the refusal itself. */
function unexpectedChanges(school: SeededSchool, before: Snapshot): string[] {
  const after = contentHashes(school.raw, ['audit_log']);
  after.set('audit_log', tableHash(school.raw, 'audit_log', `WHERE seq <= ${before.auditSeq}`));
  const changed = changedTables(before.tables, after);
  const newOk = school.raw.prepare(`SELECT action FROM audit_log WHERE seq > ? AND outcome = 'ok'`).all(before.auditSeq) as { action: string }[];
  return [...changed, ...newOk.map((r) => `audit_log: ok row for ${r.action}`)];
}

describe('dispatcher fuzzing', () => {
  it(`answers every method's generated and mutated inputs with a result or a typed error, and a refused call changes nothing (seed ${SEED}, ${ROUNDS} rounds)`, { timeout: 600_000 }, async () => {
    s = await seededSchool();
    const school = s;
    // Only the fuzzing connection holds a session, so no other session's idle lock writes to the log mid-call.
    await school.principal.client.auth.logout({});
    await school.counselor2.client.auth.logout({});
    const call = (m: string, input: unknown): Promise<ApiResult<unknown>> => school.t.transport(m as MethodName, input);
    const me = (await school.c.app.status({})).user!;

    const restore = sessionKeeper(school.t.transport, me.username, TEST_PASSPHRASE, school.clock);

    const r = rng(SEED);
    const failures: string[] = [];
    const counts = { calls: 0, ok: 0, refused: 0, byCode: {} as Record<string, number> };
    for (let round = 0; round < ROUNDS; round++) {
      const known = archiveValues(school.raw, [me.id, me.username]);
      const order = [...METHOD_NAMES].sort(() => r.next() - 0.5);
      for (const method of order) {
        const src = { rng: r, known: (field: string) => known(method.split('.')[0]!, field) };
        const valid = generate(contract[method].input, src);
        const { what, input } = round === 0 || r.chance(0.25) ? { what: 'generated', input: valid } : mutate(valid, r);
        const before = snapshot(school);
        const cpu = process.cpuUsage();
        const res = await call(method, input);
        const used = process.cpuUsage(cpu);
        const cpuMs = Math.round((used.user + used.system) / 1000);
        if (cpuMs > CPU_BUDGET_MS) failures.push(`${method} [${what}] used ${cpuMs} ms of CPU: ${JSON.stringify(input).slice(0, 300)}`);
        counts.calls++;
        if (res.ok) counts.ok++;
        else {
          counts.refused++;
          counts.byCode[res.error.code] = (counts.byCode[res.error.code] ?? 0) + 1;
          const label = `${method} [${what}] → ${res.error.code} ${res.error.messageKey}`;
          if (res.error.code === 'INTERNAL') failures.push(label);
          const changed = unexpectedChanges(school, before);
          if (changed.length > 0) failures.push(`${label} changed ${changed.join(', ')}`);
        }
        await restore();
      }
    }
    process.stdout.write(`[fuzz] seed ${SEED}: ${JSON.stringify(counts)}\n`);
    expect(failures).toEqual([]);
    expect(counts.calls).toBe(ROUNDS * METHOD_NAMES.length);
  });
});
