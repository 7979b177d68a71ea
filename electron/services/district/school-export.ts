import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CounselError } from '../../../shared/api/errors';
import type { Period } from '../../../shared/api/statistics';
import { PACKAGE_SCHEMA_VERSION, type PackageManifest } from '../../../shared/domain/district-package';
import { uuidv7 } from '../../../shared/ids';
import { actorFields } from '../../core/dispatcher';
import { dbHandler, type HandlerMap, type SystemContext, systemHandler } from '../../core/handler';
import { writeFileAtomic } from '../../fs/atomic-write';
import { readSchool, readSetting, writeSetting } from '../accounts/settings-store';
import { invalid } from '../common/validation';
import { latestSignedReport } from '../compliance/runs';
import { buildReport } from '../statistics/statistics';
import { insertSigningKey, readSigningKey, type StoredSigningKey } from './district-repo';
import { fingerprintOf, keyIdOf, newSigningKey, publicKeyPem, sealPackage } from './package-crypto';

type SchoolMethods = 'district.exportSettings' | 'district.setRecipient' | 'district.createSchoolKey' | 'district.previewExport' | 'district.exportPackage';

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
function packageContent(db: Database, c: Period & { k: number; includeCompliance: boolean }, recipient: string, key: Pick<StoredSigningKey, 'publicKey' | 'keyId'>, now: number) {
  const school = readSchool(db);
  const period = { from: c.from, to: c.to };
  const statistics = buildReport(db, period, c.k, now);
  const compliance = c.includeCompliance ? latestSignedReport(db, period.to) : null;
  return {
    manifest: {
      schemaVersion: PACKAGE_SCHEMA_VERSION,
      school: { name: school.name, code: school.code, district: school.district },
      schoolKeyId: key.keyId,
      schoolPublicKey: Buffer.from(key.publicKey).toString('base64'),
      period,
      contents: compliance ? ['statistics' as const, 'compliance' as const] : ['statistics' as const],
      recipient,
      k: c.k,
    },
    payload: { statistics, compliance },
  };
}

/** Where an export stands; the CLI prints it, a test cancels between steps. */
export type ExportStep = 'figures' | 'seal' | 'write' | 'done';

export interface ExportControl {
  signal?: AbortSignal;
  onStep?: (step: ExportStep) => void;
}

/**
 * Writes the package: figures read in one transaction, sealed in memory, written with temp file,
 * fsync and rename. A school key made for this export is stored only after the file is in place,
 * together with the audit row, so a failed or cancelled export changes neither disk nor archive.
 */
export async function exportPackage(ctx: SystemContext, input: Period & { k: number; includeCompliance: boolean; path: string }, control: ExportControl = {}) {
  const { signal, onStep } = control;
  // Each step is announced, then the cancel is honoured before the step does anything.
  const step = (name: ExportStep) => {
    onStep?.(name);
    if (signal?.aborted) throw new CounselError('CONFLICT', 'district.errors.cancelled');
  };
  if (!isAbsolute(input.path)) throw invalid('path', 'district.errors.pathNotAbsolute');
  const db = ctx.core.requireDb();
  const period = { from: input.from, to: input.to };
  step('figures');
  const { existing, key, content } = db.transaction(() => {
    const stored = readSigningKey(db);
    const k = stored ?? freshKey(ctx.now);
    return { existing: stored !== null, key: k, content: packageContent(db, input, requireRecipient(db), k, ctx.now) };
  })();
  step('seal');
  const fields: Omit<PackageManifest, 'payloadSha256'> = { ...content.manifest, packageId: uuidv7(ctx.now), createdAt: ctx.now };
  const { bytes, manifest } = await sealPackage(fields, content.payload, key);
  step('write');
  try {
    writeFileAtomic(input.path, bytes);
  } catch (e) {
    throw invalid('path', 'district.errors.cannotWrite', { cause: (e as NodeJS.ErrnoException).code ?? 'unknown' });
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
    details: { from: period.from, to: period.to, k: input.k, includeCompliance: input.includeCompliance, contents: manifest.contents, sha256, bytes: bytes.length, keyId: key.keyId },
  });
  onStep?.('done');
  return { path: input.path, packageId: manifest.packageId, bytes: bytes.length, sha256, manifest };
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
};
