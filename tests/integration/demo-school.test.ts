import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CounselClient } from '../../shared/api/contract';
import { buildDemoSchool } from '../../electron/demo/build';
import { DEMO_ACCOUNTS, type DemoSchool } from '../../electron/demo/school';
import { DEMO_MARKER, NotADemoFolderError } from '../../electron/platform/demo-folder';
import { DB_FILE } from '../../electron/core/state';
import { MIN_LOG_N } from '../../electron/keys/wrap';
import { startTestCore } from '../helpers/inproc';

/** Wednesday 18 November 2026, 10:00 in Shanghai: mid autumn term, after that term's screening. */
const NOW = Date.UTC(2026, 10, 18, 2, 0);
const root = mkdtempSync(join(tmpdir(), 'counselroom-demo-'));
const realDir = join(root, 'real');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const build = (dir: string, seed = 7) => buildDemoSchool({ dataDir: join(root, dir), seed, students: 48, now: () => NOW, kdfLogN: MIN_LOG_N, realDir });

/** Drops ids (random by design) so two archives built alike compare equal; everything else is kept. */
function withoutIds(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutIds);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => !/^id$|Ids?$/.test(k)).map(([k, x]) => [k, withoutIds(x)]));
  return v;
}

/** What a counselor and the principal see of the school, read back through the contract. */
async function fingerprint(c: CounselClient, head: CounselClient) {
  const students = await c.students.list({ sort: 'studentNo', pageSize: 200 });
  const campaigns = await c.campaigns.list({});
  const summaries = [];
  for (const k of campaigns.items) summaries.push(await c.campaigns.summary({ id: k.id }));
  const seen = {
    students,
    campaigns,
    summaries,
    alerts: await c.alerts.open({}),
    board: await c.crisis.board({}),
    appointments: await c.appointments.list({ from: '2026-10-01', to: '2026-12-31' }),
    groups: await c.groups.list({}),
    runs: await head.compliance.runs({}),
  };
  return createHash('sha256').update(JSON.stringify(withoutIds(seen))).digest('hex');
}

async function open(dir: string) {
  const t = await startTestCore({ dataDir: join(root, dir), now: () => NOW });
  const head = t.connect().client;
  await t.client.auth.login({ username: DEMO_ACCOUNTS.counselor.username, passphrase: DEMO_ACCOUNTS.counselor.passphrase });
  await head.auth.login({ username: DEMO_ACCOUNTS.principal.username, passphrase: DEMO_ACCOUNTS.principal.passphrase });
  return { t, c: t.client, head };
}

describe('npm run demo: a synthetic school through the dispatcher', () => {
  let first: DemoSchool;

  it('fills a fresh folder with a school of every kind of record, audited', async () => {
    first = await build('a');
    expect(first.counts).toMatchObject({ students: 48, crisisCases: 7, complianceRuns: 2 });
    for (const n of ['cases', 'signedRecords', 'draftRecords', 'appointments', 'groupSessions', 'screened', 'alerts'] as const) expect(first.counts[n], n).toBeGreaterThan(0);
    // Two autumn screenings (last year's and this one's) of everyone present.
    expect(first.counts.screened).toBeGreaterThan(48 * 2 * 0.85);
    expect(existsSync(join(root, 'a', DEMO_MARKER))).toBe(true);

    const { t, c, head } = await open('a');
    try {
      const status = await c.app.status({});
      expect(status.demo).toBe(true);
      expect(status.recoveryKeyConfirmed).toBe(true);
      expect((await head.app.status({})).demo).toBe(true);
      const board = await c.crisis.board({});
      expect(new Set(board.items.map((i) => i.status))).toEqual(new Set(['open', 'monitoring']));
      // Cases stand at different steps of the six: count the steps done per open case.
      const doneSteps = board.items.map((i) => i.steps.filter((s) => s.state !== 'open').length);
      expect(new Set(doneSteps).size).toBeGreaterThanOrEqual(4);
      const runs = await head.compliance.runs({});
      expect(runs.items).toHaveLength(2);
      const verified = await c.audit.verify({});
      expect(verified).toMatchObject({ ok: true, firstBroken: null });
      expect(verified.rows).toBeGreaterThan(first.counts.signedRecords + first.counts.appointments);
    } finally {
      await t.cleanup();
    }
  });

  it('is the same school for the same seed, and another for another seed', async () => {
    const again = await build('b');
    const other = await build('c', 8);
    expect(again.counts).toEqual(first.counts);
    const prints = [];
    for (const dir of ['a', 'b', 'c']) {
      const { t, c, head } = await open(dir);
      try {
        prints.push(await fingerprint(c, head));
      } finally {
        await t.cleanup();
      }
    }
    expect(prints[1]).toBe(prints[0]);
    expect(prints[2]).not.toBe(prints[0]);
    expect(other.counts).not.toEqual(first.counts);
  });

  it('rebuilds its own demo folder but refuses any other folder with something in it, before touching it', async () => {
    await build('a');
    const real = join(root, 'archive');
    mkdirSync(real);
    writeFileSync(join(real, DB_FILE), 'not a demo');
    await expect(build('archive')).rejects.toBeInstanceOf(NotADemoFolderError);
    expect(readdirSync(real)).toEqual([DB_FILE]);
    // The real archive folder itself is refused even while empty.
    mkdirSync(realDir);
    await expect(buildDemoSchool({ dataDir: realDir, seed: 1, students: 5, now: () => NOW, kdfLogN: MIN_LOG_N, realDir })).rejects.toBeInstanceOf(NotADemoFolderError);
    expect(readdirSync(realDir)).toEqual([]);
  });

  it('reports demo: false for an ordinary archive folder', async () => {
    const t = await startTestCore({ now: () => NOW });
    try {
      expect((await t.client.app.status({})).demo).toBe(false);
    } finally {
      await t.cleanup();
    }
  });
});
