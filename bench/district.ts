import { join } from 'node:path';
import { createClient } from '../shared/api/client';
import { createCore } from '../electron/core/core';
import { MIN_LOG_N } from '../electron/keys/wrap';
import { fingerprintOf, keyIdOf, newSigningKey, publicKeyPem, sealPackage } from '../electron/services/district/package-crypto';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import type { RecordFields } from '../shared/api/records';
import { addDays } from '../shared/domain/dates';
import { uuidv7 } from '../shared/ids';
import { insertCase } from '../electron/services/counseling/cases-repo';
import { insertRecord, signRecord } from '../electron/services/counseling/records-repo';
import { syntheticNotes } from './dataset';
import { benchArchive, runIfMain, type Results } from './harness';

/** District mode: sealing packages and importing 500 of them (one school each) in one call. */
export async function districtBench(dir: string, count = 500): Promise<Results> {
  const core = createCore({ dataDir: join(dir, 'office'), kdfLogN: MIN_LOG_N });
  const conn = core.connect('test');
  const c = createClient((m, i) => conn.call(m, i));
  const { recipient } = await c.setup.initializeDistrict({ office: { name: '基准区教育局', code: '330199' }, officer: { username: 'quyuan', displayName: '区教研员', passphrase: 'a lantern by the river, seven' } });
  const period = { from: '2025-09-01', to: '2026-01-31' };
  const statistics = { from: period.from, to: period.to, k: 5, sections: ['sessions'], tables: [{ id: 'sessions.byGrade', section: 'sessions', unit: 'people', rows: ['g7', 'g8', 'g9'], cols: ['sessions', 'clients'], cells: [[120, 40], [98, 31], [null, null]], colTotals: [260, 80], rowTotals: null, total: null }] };
  const files: { name: string; base64: string }[] = [];
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const key = newSigningKey();
    await c.district.registerSchool({ name: `学校${i}`, code: `33019900${i}`, publicKey: publicKeyPem(key.publicKey), fingerprint: fingerprintOf(key.publicKey) });
    const sealed = await sealPackage(
      { schemaVersion: 1, packageId: uuidv7(Date.now()), school: { name: `学校${i}`, code: `33019900${i}`, district: '基准区' }, schoolKeyId: keyIdOf(key.publicKey), schoolPublicKey: Buffer.from(key.publicKey).toString('base64'), period, contents: ['statistics'], recipient, k: 5, createdAt: Date.now() },
      { statistics },
      key,
    );
    files.push({ name: `${i}.crpkg`, base64: Buffer.from(sealed.bytes).toString('base64') });
  }
  const sealMs = performance.now() - t0;
  const t1 = performance.now();
  const out = await c.district.import({ files });
  const importMs = performance.now() - t1;
  const t2 = performance.now();
  const view = await c.district.dashboard(period);
  const dashMs = performance.now() - t2;
  await core.shutdown();
  return [
    [`register ${count} schools and seal ${count} packages`, `${sealMs.toFixed(0)} ms`],
    [`import ${count} packages in one call (${out.imported} imported)`, `${importMs.toFixed(0)} ms (${(importMs / count).toFixed(1)} ms per package)`],
    [`dashboard across ${view.schools.length} schools`, `${dashMs.toFixed(0)} ms`],
  ];
}

const YEAR = { from: '2024-09-01', to: '2025-08-31' };

/**
 * The school side: a large school's full school year (3,000 students, 1,200 cases, 24,000 session
 * records, seeded with the repositories in bulk), then the year's statistics suppressed with k and
 * the whole package (figures, signature, age encryption, atomic write) through the dispatcher.
 */
export async function schoolYearExportBench(dir: string, students = 3000, records = 24_000): Promise<Results> {
  const archive = await benchArchive(join(dir, 'school'), students);
  const { raw: db, userId: me, studentIds } = archive;
  const notes = syntheticNotes(2000);
  const now = Date.UTC(2025, 8, 1, 2, 0);
  const cases = studentIds.slice(0, 1200);
  const caseIds = db.transaction(() =>
    cases.map((studentId) =>
      insertCase(db, { clientKind: 'student', studentId, clientLabel: '', source: 'walkIn', sourceNote: '', appointmentId: null, categories: ['emotion'], goals: '', openedOn: YEAR.from, counselorId: me, createdBy: me }, now),
    ),
  )();
  const fields = (i: number): RecordFields => ({
    ...notes[i % notes.length]!,
    sessionDate: addDays(YEAR.from, i % 365),
    startTime: null,
    durationMinutes: 45,
    mode: 'face',
    participants: { student: true, guardian: false, teacher: false },
    kind: i < cases.length ? 'first' : 'followUp',
    nextAppointmentDate: null,
    riskOfHarm: 'none',
  });
  for (let start = 0; start < records; start += 2000) {
    db.transaction(() => {
      for (let i = start; i < Math.min(records, start + 2000); i++) {
        const k = i % cases.length;
        signRecord(db, insertRecord(db, { caseId: caseIds[k]!, studentId: cases[k]!, authorId: me, fields: fields(i) }, now), now);
      }
    })();
  }
  const { c, shutdown } = await archive.login();
  await c.district.setRecipient({ recipient: await identityToRecipient(await generateX25519Identity()) });
  await c.district.createSchoolKey({});
  const t0 = performance.now();
  const report = await c.statistics.period({ ...YEAR, suppressed: true });
  const statsMs = performance.now() - t0;
  const t1 = performance.now();
  const out = await c.district.exportPackage({ ...YEAR, path: join(dir, 'school-year.crpkg') });
  const exportMs = performance.now() - t1;
  await shutdown();
  return [
    [`statistics of a school year, suppressed (${students} students, ${records} records, ${report.tables.length} tables)`, `${statsMs.toFixed(0)} ms`],
    [`district package of that school year (figures, sign, encrypt, atomic write; ${out.bytes} bytes)`, `${exportMs.toFixed(0)} ms`],
  ];
}

runIfMain(import.meta.url, 'district', async (dir) => [...(await schoolYearExportBench(dir)), ...(await districtBench(dir))]);
