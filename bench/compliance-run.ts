/**
 * A compliance run on the benchmark school, started the only way the app allows: by a principal.
 * The school is seeded by its counselor, so the principal account is made here, on the run's own
 * copy of the archive, and the evaluation (compliance.start, then compliance.refresh, which reads
 * every automatic figure from live data again) is timed as the principal's screen calls it.
 */
import { randomBytes } from 'node:crypto';
import type { LoggedIn } from './harness';

/** A photo's size and shape as the archive stores it: the PNG signature, then bytes that do not compress. */
function photo(size: number): Buffer {
  const bytes = randomBytes(size);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
}

const INITIAL = 'bench-principal-initial-2024';
const OWN = 'nine copper bells over the hill';

export interface ComplianceRun {
  /** Signed off, then a second run started: compare has two runs to set side by side. */
  signedRunId: string;
  runId: string;
  /** A 1 MB photo on the open run: what compliance.evidence reads back. */
  evidenceId: string;
  /** compliance.start's first evaluation, in ms. */
  startMs: number;
  /** compliance.refresh, one call per entry, in ms. */
  refreshMs: number[];
}

export async function startComplianceRun(counselor: LoggedIn, refreshes: number): Promise<ComplianceRun> {
  await counselor.c.users.create({ username: 'benchprincipal', displayName: '基准校长', role: 'principal', passphrase: INITIAL });
  const { c } = counselor.connect();
  await c.auth.login({ username: 'benchprincipal', passphrase: INITIAL });
  await c.auth.changePassphrase({ current: INITIAL, next: OWN });
  const [pack] = (await c.compliance.packs({})).items;
  if (!pack) throw new Error('the benchmark school has no compliance pack');
  let t0 = performance.now();
  const run = await c.compliance.start({ packId: pack.id });
  const startMs = performance.now() - t0;
  const refreshMs: number[] = [];
  for (let i = 0; i < refreshes; i++) {
    t0 = performance.now();
    await c.compliance.refresh({ id: run.id });
    refreshMs.push(performance.now() - t0);
  }
  await c.compliance.sign({ id: run.id, signerName: '基准校长', signedOn: run.asOf });
  const next = await c.compliance.start({ packId: pack.id });
  const evidence = await c.compliance.addEvidence({ runId: next.id, itemId: next.items[0]!.id, fileName: '功能室照片.png', mime: 'image/png', dataBase64: photo(2 ** 20).toString('base64') });
  await c.auth.logout({});
  return { signedRunId: run.id, runId: next.id, evidenceId: evidence.id, startMs, refreshMs };
}
