import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { OutputOf } from '../../../shared/api/contract';
import { CounselError } from '../../../shared/api/errors';
import { STAGES } from '../../../shared/api/session';
import { packagePayload } from '../../../shared/api/district';
import type { RejectionReason } from '../../../shared/domain/district-package';
import { uuidv7 } from '../../../shared/ids';
import { actorFields } from '../../core/dispatcher';
import { dbHandler, type HandlerMap, type SystemContext, systemHandler } from '../../core/handler';
import { initializeArchive } from '../accounts/session';
import { readSetting } from '../accounts/settings-store';
import { invalid } from '../common/validation';
import { dashboard, namedReferrals } from './dashboard';
import { dashboardWorkbook } from './dashboard-xlsx';
import {
  currentPackage,
  insertIdentity,
  insertPackage,
  insertSchool,
  listSchools,
  packageExists,
  periods,
  readIdentity,
  schoolByKeyId,
  type SchoolRow,
  supersede,
} from './district-repo';
import { fingerprintOf, keyIdOf, newDistrictIdentity, openPackage, parsePublicKey, publicKeyPem } from './package-crypto';
import { fileBase64 } from '../common/file-base64';

type OfficeMethods =
  | 'setup.initializeDistrict'
  | 'district.identity'
  | 'district.exportIdentity'
  | 'district.schools'
  | 'district.registerSchool'
  | 'district.import'
  | 'district.periods'
  | 'district.dashboard'
  | 'district.referrals'
  | 'district.reportXlsx';

type ImportResult = OutputOf<'district.import'>['results'][number];

function requireIdentity(db: Database): { identity: string; recipient: string } {
  const id = readIdentity(db);
  if (!id) throw new CounselError('CONFLICT', 'district.errors.notDistrictMode');
  return id;
}

const schoolView = (s: SchoolRow) => ({ id: s.id, name: s.name, code: s.code, keyId: s.keyId, fingerprint: fingerprintOf(s.publicKey), publicKeyPem: publicKeyPem(s.publicKey), registeredAt: s.registeredAt, packages: s.packages });

/** The same digits with any spacing or dashes: what an officer types while listening on the phone. */
const digitsOf = (fingerprint: string) => fingerprint.replace(/\D/g, '');

/** One file: opened and verified outside any transaction, then stored in its own. */
async function importOne(ctx: SystemContext, db: Database, name: string, bytes: Uint8Array, keys: { identity: string; recipient: string }): Promise<ImportResult> {
  const rejected = (reason: RejectionReason, extra: Partial<ImportResult> = {}): ImportResult => ({ name, status: 'rejected', reason, school: null, period: null, offer: null, ...extra });
  const opened = await openPackage(bytes, { ...keys, schoolKey: (keyId) => schoolByKeyId(db, keyId)?.publicKey ?? null });
  if (!opened.ok) {
    const m = opened.manifest;
    if (opened.reason !== 'unregisteredKey' || !m) return rejected(opened.reason, m ? { school: m.school.name, period: m.period } : {});
    const pub = parsePublicKey(m.schoolPublicKey);
    if (!pub || keyIdOf(pub) !== m.schoolKeyId) return rejected('malformed');
    return rejected('unregisteredKey', { school: m.school.name, period: m.period, offer: { name: m.school.name, code: m.school.code, fingerprint: fingerprintOf(pub), publicKey: m.schoolPublicKey } });
  }
  const { manifest } = opened;
  const parsed = packagePayload.safeParse(opened.payload);
  if (!parsed.success) return rejected('malformed');
  const { statistics, compliance, referrals } = parsed.data;
  // The signed manifest says what the package holds: the payload must hold exactly that, for the period it names.
  const carriesCompliance = manifest.contents.includes('compliance');
  const carriesReferrals = manifest.contents.includes('referrals');
  if (statistics.from !== manifest.period.from || statistics.to !== manifest.period.to || carriesCompliance !== (compliance !== null) || carriesReferrals !== referrals.length > 0)
    return rejected('malformed');
  const school = schoolByKeyId(db, manifest.schoolKeyId)!;
  const base = { school: school.name, period: manifest.period };
  return db.transaction((): ImportResult => {
    if (packageExists(db, manifest.packageId)) return rejected('duplicate', base);
    const current = currentPackage(db, school.id, manifest.period.from, manifest.period.to);
    if (current && current.createdAt >= manifest.createdAt) return rejected('stale', base);
    insertPackage(
      db,
      { packageId: manifest.packageId, schoolId: school.id, from: manifest.period.from, to: manifest.period.to, createdAt: manifest.createdAt, manifestJson: JSON.stringify(manifest), payloadJson: JSON.stringify({ statistics, compliance, referrals }) },
      createHash('sha256').update(bytes).digest('hex'),
      ctx.now,
      ctx.conn.session!.userId,
    );
    if (current) supersede(db, current.packageId, manifest.packageId);
    return { name, status: 'imported', reason: null, ...base, offer: null };
  })();
}

export const officeHandlers: HandlerMap<OfficeMethods> = {
  'setup.initializeDistrict': systemHandler<'setup.initializeDistrict'>(async (ctx, { office, officer }) => {
    const keys = await newDistrictIdentity();
    // Readers shared with the school archive (time zone, the passphrase check against the organisation's name) find the office here.
    const profile = { name: office.name, code: office.code, stages: [...STAGES], enrollment: 1, district: office.name, timeZone: office.timeZone };
    const out = await initializeArchive(ctx, { account: officer, role: 'district', settings: { school: profile, mode: 'district' }, contextName: office.name });
    const db = ctx.core.requireDb();
    db.transaction(() => insertIdentity(db, keys.identity, keys.recipient, ctx.now))();
    return { ...out, recipient: keys.recipient };
  }),

  'district.identity': dbHandler<'district.identity'>({
    run: ({ db }) => ({ recipient: requireIdentity(db).recipient, office: readSetting<{ name: string } | null>(db, 'school', null)?.name ?? '' }),
  }),

  'district.exportIdentity': dbHandler<'district.exportIdentity'>({
    run: (ctx) => {
      const id = requireIdentity(ctx.db);
      ctx.audit = { targetType: null, targetId: null, details: { recipient: id.recipient } };
      return { identity: id.identity };
    },
  }),

  'district.schools': dbHandler<'district.schools'>({ run: ({ db }) => ({ items: listSchools(db).map(schoolView) }) }),

  'district.registerSchool': dbHandler<'district.registerSchool'>({
    run: (ctx, input) => {
      requireIdentity(ctx.db);
      const publicKey = parsePublicKey(input.publicKey);
      if (!publicKey) throw invalid('publicKey', 'district.errors.publicKey');
      if (digitsOf(input.fingerprint) !== digitsOf(fingerprintOf(publicKey))) throw invalid('fingerprint', 'district.errors.fingerprintMismatch');
      const keyId = keyIdOf(publicKey);
      if (schoolByKeyId(ctx.db, keyId)) throw new CounselError('CONFLICT', 'district.errors.keyRegistered', { path: 'publicKey' });
      const id = uuidv7(ctx.now);
      insertSchool(ctx.db, { id, name: input.name, code: input.code, keyId, publicKey, registeredAt: ctx.now }, ctx.actor.userId);
      ctx.audit = { targetType: 'districtSchool', targetId: id, details: { keyId } };
      return schoolView(schoolByKeyId(ctx.db, keyId)!);
    },
  }),

  'district.import': systemHandler<'district.import'>(async (ctx, { files }) => {
    const db = ctx.core.requireDb();
    const keys = requireIdentity(db);
    const results: ImportResult[] = [];
    for (const f of files) results.push(await importOne(ctx, db, f.name, new Uint8Array(Buffer.from(f.base64, 'base64')), keys));
    const imported = results.filter((r) => r.status === 'imported').length;
    const reasons: Record<string, number> = {};
    for (const r of results) if (r.reason) reasons[r.reason] = (reasons[r.reason] ?? 0) + 1;
    ctx.audit({ ...actorFields(ctx.conn.session!), action: 'district.import', targetType: null, targetId: null, outcome: 'ok', details: { files: files.length, imported, reasons } });
    return { results, imported, rejected: results.length - imported };
  }),

  'district.periods': dbHandler<'district.periods'>({ run: ({ db }) => ({ items: periods(db) }) }),

  'district.dashboard': dbHandler<'district.dashboard'>({ run: ({ db }, period) => dashboard(db, period) }),

  // Named cases stay out of every figure and workbook; reading them is its own audited call.
  'district.referrals': dbHandler<'district.referrals'>({
    run: (ctx, period) => {
      const items = namedReferrals(ctx.db, period);
      ctx.audit = { targetType: null, targetId: null, details: { ...period, packages: new Set(items.map((i) => i.packageId)).size, cases: items.length } };
      return { items };
    },
  }),

  'district.reportXlsx': systemHandler<'district.reportXlsx'>(async (ctx, period) => {
    const db = ctx.core.requireDb();
    const view = db.transaction(() => dashboard(db, period))();
    const bytes = await dashboardWorkbook(view, period);
    ctx.audit({ ...actorFields(ctx.conn.session!), action: 'district.reportXlsx', targetType: null, targetId: null, outcome: 'ok', details: { ...period, schools: view.schools.length } });
    return { filename: `district-${period.from}-${period.to}.xlsx`, base64: fileBase64(bytes) };
  }),
};

