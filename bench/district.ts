import { join } from 'node:path';
import { createClient } from '../shared/api/client';
import { createCore } from '../electron/core/core';
import { MIN_LOG_N } from '../electron/keys/wrap';
import { fingerprintOf, keyIdOf, newSigningKey, publicKeyPem, sealPackage } from '../electron/services/district/package-crypto';
import { uuidv7 } from '../shared/ids';
import { runIfMain, type Results } from './harness';

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

runIfMain(import.meta.url, 'district', (dir) => districtBench(dir));
