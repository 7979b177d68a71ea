import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CounselError } from '../../../shared/api/errors';
import type { Period } from '../../../shared/api/statistics';
import type { EXPORT_STEPS, ExportJobView } from '../../../shared/api/district';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { CoreState } from '../../core/state';
import { PACKAGE_CONTENTS, PACKAGE_SCHEMA_VERSION, type PackageManifest } from '../../../shared/domain/district-package';
import { uuidv7 } from '../../../shared/ids';
import { actorFields } from '../../core/dispatcher';
import { dbHandler, type HandlerMap, type SystemContext, systemHandler } from '../../core/handler';
import { type AtomicFile, openAtomic } from '../../fs/atomic-write';
import { readSchool, readSetting, writeSetting } from '../accounts/settings-store';
import { invalid } from '../common/validation';
import { latestSignedReport } from '../compliance/runs';
import { buildReport } from '../statistics/statistics';
import { referralRecord } from '../crisis/crisis';
import { insertSigningKey, readSigningKey, type StoredSigningKey } from './district-repo';
import { fingerprintOf, keyIdOf, newSigningKey, publicKeyPem, sealPackage } from './package-crypto';

type SchoolMethods =
  | 'district.exportSettings'
  | 'district.setRecipient'
  | 'district.createSchoolKey'
  | 'district.previewExport'
  | 'district.exportPackage'
  | 'district.startExport'
  | 'district.exportProgress'
  | 'district.cancelExport';

const RECIPIENT_SETTING = 'districtRecipient';

const keyView = (k: StoredSigningKey) => ({ keyId: k.keyId, fingerprint: fingerprintOf(k.publicKey), publicKeyPem: publicKeyPem(k.publicKey), createdAt: k.createdAt });

function freshKey(now: number): StoredSigningKey {
  const k = newSigningKey();
  return { ...k, keyId: keyIdOf(k.publicKey), createdAt: now };
}

function requireRecipient(db: Database): string {
  const recipient = readSetting<string | null>(db, RECIPIENT_SETTING, null);
  if (recipient === null) throw invalid('recipient', 'district.errors.noRecipient');
  return recipient;
}

/** The manifest as far as it is known before sealing, and the payload: what the preview shows and the package carries. */
function packageContent(db: Database, c: Period & { k: number; includeCompliance: boolean; referralCaseIds: string[] }, recipient: string, key: Pick<StoredSigningKey, 'publicKey' | 'keyId'>, now: number) {
  const school = readSchool(db);
  const period = { from: c.from, to: c.to };
  const statistics = buildReport(db, period, c.k, now);
  const compliance = c.includeCompliance ? latestSignedReport(db, period.to) : null;
  const referrals = namedReferrals(db, c.referralCaseIds, now);
  return {
    manifest: {
      schemaVersion: PACKAGE_SCHEMA_VERSION,
      school: { name: school.name, code: school.code, district: school.district },
      schoolKeyId: key.keyId,
      schoolPublicKey: Buffer.from(key.publicKey).toString('base64'),
      period,
      contents: [...PACKAGE_CONTENTS].filter((x) => x === 'statistics' || (x === 'compliance' && compliance) || (x === 'referrals' && referrals.length > 0)),
      recipient,
      k: c.k,
    },
    payload: { statistics, compliance, referrals },
  };
}

/** The chosen crisis cases in full, each once; an id that is no crisis case is named by its place in the list. */
function namedReferrals(db: Database, caseIds: string[], now: number) {
  return [...new Set(caseIds)].map((id) => {
    try {
      return referralRecord(db, id, now);
    } catch (e) {
      if (e instanceof CounselError && e.code === 'NOT_FOUND') throw invalid(`referralCaseIds.${caseIds.indexOf(id)}`, 'district.errors.noSuchCrisisCase');
      throw e;
    }
  });
}

const studentsOf = (referrals: { studentId: string }[]) => new Set(referrals.map((r) => r.studentId)).size;

/** Where an export stands; the CLI prints it, the screen shows it, a cancel is heard between steps. */
export type ExportStep = (typeof EXPORT_STEPS)[number];

/** Lets the core's other calls (district.exportProgress, district.cancelExport) run before the next step. */
const betweenCalls = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface ExportControl {
  signal?: AbortSignal;
  onStep?: (step: ExportStep) => void;
}

/**
 * Writes the package: figures read in one transaction, sealed in memory, written with temp file,
 * fsync and rename. A school key made for this export is stored only after the file is in place,
 * together with the audit row, so a failed or cancelled export changes neither disk nor archive.
 */
export async function exportPackage(ctx: SystemContext, input: ParsedInputOf<'district.exportPackage'>, control: ExportControl = {}) {
  const { signal, onStep } = control;
  const honourCancel = () => {
    if (signal?.aborted) throw new CounselError('CONFLICT', 'district.errors.cancelled');
  };
  // Each step is announced, other calls get their turn, then a cancel is honoured before the step does anything.
  const step = async (name: ExportStep) => {
    onStep?.(name);
    if (signal) await betweenCalls();
    honourCancel();
  };
  if (!isAbsolute(input.path)) throw invalid('path', 'district.errors.pathNotAbsolute');
  const db = ctx.core.requireDb();
  const period = { from: input.from, to: input.to };
  await step('figures');
  const { existing, key, content } = db.transaction(() => {
    const stored = readSigningKey(db);
    const k = stored ?? freshKey(ctx.now);
    const content = packageContent(db, input, requireRecipient(db), k, ctx.now);
    // Named cases leave only after the second confirmation, which named how many students they are.
    const students = studentsOf(content.payload.referrals);
    if (students > 0 && input.confirmedReferralStudents !== students)
      throw new CounselError('CONFLICT', 'district.errors.referralsUnconfirmed', { path: 'confirmedReferralStudents', students, cases: content.payload.referrals.length });
    return { existing: stored !== null, key: k, content };
  })();
  await step('seal');
  const fields: Omit<PackageManifest, 'payloadSha256'> = { ...content.manifest, packageId: uuidv7(ctx.now), createdAt: ctx.now };
  const { bytes, manifest } = await sealPackage(fields, content.payload, key);
  await step('write');
  const cannotWrite = (e: unknown) => invalid('path', 'district.errors.cannotWrite', { cause: (e as NodeJS.ErrnoException).code ?? 'unknown' });
  let file: AtomicFile;
  try {
    file = openAtomic(input.path);
    file.write(bytes);
  } catch (e) {
    throw cannotWrite(e);
  }
  // The bytes sit under a temporary name: a cancel heard now removes them, and the target keeps what it held.
  try {
    if (signal) await betweenCalls();
    honourCancel();
    file.commit();
  } catch (e) {
    file.abort();
    throw e instanceof CounselError ? e : cannotWrite(e);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  db.transaction(() => {
    if (!existing) insertSigningKey(db, key);
  })();
  ctx.audit({
    ...actorFields(ctx.conn.session!),
    action: 'district.exportPackage',
    targetType: 'districtPackage',
    targetId: manifest.packageId,
    outcome: 'ok',
    details: {
      from: period.from,
      to: period.to,
      k: input.k,
      includeCompliance: input.includeCompliance,
      contents: manifest.contents,
      // Which named cases left, and for how many students (a principal's view of the log shows only their kind).
      referralCaseIds: content.payload.referrals.map((r) => r.caseId),
      referralStudents: studentsOf(content.payload.referrals),
      sha256,
      bytes: bytes.length,
      keyId: key.keyId,
    },
  });
  onStep?.('done');
  return { path: input.path, packageId: manifest.packageId, bytes: bytes.length, sha256, manifest };
}

interface ExportJob {
  view: ExportJobView;
  cancel: AbortController;
}

const jobs = new WeakMap<CoreState, Map<string, ExportJob>>();

function jobsOf(core: CoreState): Map<string, ExportJob> {
  let m = jobs.get(core);
  if (!m) jobs.set(core, (m = new Map()));
  return m;
}

function jobOf(core: CoreState, jobId: string): ExportJob {
  const job = jobsOf(core).get(jobId);
  if (!job) throw new CounselError('NOT_FOUND', 'district.errors.noSuchExport', { path: 'jobId' });
  return job;
}

/**
 * Runs exportPackage between the core's other calls (the backup's pattern): the call returns at
 * once, the screen asks where it stands, and a cancel stops it before the file is in place.
 */
function startExportJob(ctx: SystemContext, input: ParsedInputOf<'district.exportPackage'>): ExportJobView {
  const job: ExportJob = {
    view: { jobId: uuidv7(ctx.now), state: 'running', step: null, path: input.path, result: null, error: null },
    cancel: new AbortController(),
  };
  jobsOf(ctx.core).set(job.view.jobId, job);
  exportPackage(ctx, input, { signal: job.cancel.signal, onStep: (step) => (job.view = { ...job.view, step }) }).then(
    (out) => (job.view = { ...job.view, state: 'done', result: { packageId: out.packageId, bytes: out.bytes, sha256: out.sha256 } }),
    (e: unknown) => {
      const error = e instanceof CounselError ? { code: e.code, messageKey: e.messageKey, details: e.details ?? null } : { code: 'INTERNAL', messageKey: 'errors.internal', details: null };
      job.view = { ...job.view, state: job.cancel.signal.aborted && error.messageKey === 'district.errors.cancelled' ? 'cancelled' : 'failed', error };
    },
  );
  return job.view;
}

export const schoolExportHandlers: HandlerMap<SchoolMethods> = {
  'district.exportSettings': dbHandler<'district.exportSettings'>({
    run: ({ db }) => {
      const key = readSigningKey(db);
      return { recipient: readSetting<string | null>(db, RECIPIENT_SETTING, null), schoolKey: key ? keyView(key) : null };
    },
  }),

  'district.setRecipient': dbHandler<'district.setRecipient'>({
    run: (ctx, { recipient }) => {
      const before = readSetting<string | null>(ctx.db, RECIPIENT_SETTING, null);
      writeSetting(ctx.db, RECIPIENT_SETTING, recipient);
      ctx.audit = { targetType: null, targetId: null, details: { recipient }, nothingChanged: before === recipient };
      return { recipient };
    },
  }),

  'district.createSchoolKey': dbHandler<'district.createSchoolKey'>({
    run: (ctx) => {
      const existing = readSigningKey(ctx.db);
      const key = existing ?? freshKey(ctx.now);
      if (!existing) insertSigningKey(ctx.db, key);
      ctx.audit = { targetType: null, targetId: null, details: { keyId: key.keyId }, nothingChanged: existing !== null };
      return keyView(key);
    },
  }),

  // The preview names the key that will sign, so the key must exist first (the screen makes it).
  'district.previewExport': dbHandler<'district.previewExport'>({
    run: ({ db, now }, input) => {
      const key = readSigningKey(db);
      if (!key) throw new CounselError('CONFLICT', 'district.errors.noSchoolKey');
      return packageContent(db, input, requireRecipient(db), key, now);
    },
  }),

  'district.exportPackage': systemHandler<'district.exportPackage'>((ctx, input) => exportPackage(ctx, input)),

  'district.startExport': systemHandler<'district.startExport'>((ctx, input) => startExportJob(ctx, input)),

  'district.exportProgress': systemHandler<'district.exportProgress'>(({ core }, { jobId }) => jobOf(core, jobId).view),

  'district.cancelExport': systemHandler<'district.cancelExport'>((ctx, { jobId }) => {
    const job = jobOf(ctx.core, jobId);
    if (job.view.state !== 'running') throw new CounselError('CONFLICT', 'district.errors.exportEnded', { path: 'jobId' });
    job.cancel.abort();
    ctx.audit({ ...actorFields(ctx.conn.session!), action: 'district.cancelExport', targetType: null, targetId: null, outcome: 'ok', details: { jobId, step: job.view.step } });
    return job.view;
  }),
};
