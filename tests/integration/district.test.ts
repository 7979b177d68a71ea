import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decrypter, Encrypter } from 'age-encryption';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatcher';
import { ConnectionState, CoreState } from '../../electron/core/state';
import { exportPackage } from '../../electron/services/district/school-export';
import { MIN_LOG_N } from '../../electron/keys/wrap';
import { colleague, counselingSchool, type CounselingSchool, filledDraft, openCase, rejection, STUDENT } from '../helpers/counseling';
import { fileOf, startDistrict } from '../helpers/district';
import { startTestCore, TEST_SCHOOL, type TestCore } from '../helpers/inproc';

const dir = mkdtempSync(join(tmpdir(), 'counselroom-district-'));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const TERM = { from: '2025-02-17', to: '2025-07-04' };

/** A school with twelve sessions of grade 8 in the term, its recipient set to the district's. */
async function school(recipient: string): Promise<CounselingSchool> {
  const s = await counselingSchool();
  cleanups.push(() => s.t.cleanup());
  const cases: string[] = [];
  for (let i = 0; i < 6; i++) {
    const st = i === 0 ? { id: s.studentId } : await s.c.students.create({ ...STUDENT, studentNo: `2024020${i}`, name: `学生${i}` });
    const c = await openCase(s.c, st.id);
    cases.push(c.id);
    await filledDraft(s.c, c.id, { sessionDate: '2025-03-10' });
  }
  // The follow-ups a week later: a record may not be dated after the school's today.
  await s.later(24 * 5);
  for (const id of cases) await filledDraft(s.c, id, { sessionDate: '2025-03-17', kind: 'followUp' });
  await s.c.district.setRecipient({ recipient });
  return s;
}

/** Another school's archive, with its own key and code: made by the test as a second or third school would. */
async function otherSchool(recipient: string, code: string): Promise<TestCore> {
  const t = await startTestCore();
  cleanups.push(() => t.cleanup());
  await t.client.setup.initialize({ school: { ...TEST_SCHOOL, code, name: `示例市第${code.slice(-1)}中学` }, counselor: { username: 'chenlaoshi', displayName: '陈老师', passphrase: 'correct horse battery' } });
  await t.client.district.setRecipient({ recipient });
  return t;
}

async function district() {
  const d = await startDistrict();
  cleanups.push(() => d.t.cleanup());
  return d;
}

async function reseal(path: string, identity: string, recipient: string, change: (lines: string[]) => void, out: string): Promise<string> {
  const d = new Decrypter();
  d.addIdentity(identity);
  const lines = (await d.decrypt(new Uint8Array(readFileSync(path)), 'text')).split('\n');
  change(lines);
  const e = new Encrypter();
  e.addRecipient(recipient);
  writeFileSync(out, await e.encrypt(lines.join('\n')));
  return out;
}

describe('school side: key, preview and package', () => {
  it('previews exactly the suppressed tables, writes the package atomically, makes and keeps the school key, audits', async () => {
    const d = await district();
    const s = await school(d.recipient);
    expect((await s.c.district.exportSettings({})).schoolKey).toBeNull();
    expect(await rejection(s.c.district.previewExport(TERM))).toMatchObject({ code: 'CONFLICT', messageKey: 'district.errors.noSchoolKey' });
    const key = await s.c.district.createSchoolKey({});
    expect(key.fingerprint).toMatch(/^\d{5}( \d{5}){5}$/);
    const preview = await s.c.district.previewExport(TERM);
    expect(preview.manifest).toMatchObject({ school: { code: TEST_SCHOOL.code }, period: TERM, contents: ['statistics'], recipient: d.recipient, k: 5 });
    expect(preview.payload.statistics.k).toBe(5);
    expect(JSON.stringify(preview)).not.toContain('张三明');

    const path = join(dir, 'term.crpkg');
    const out = await s.c.district.exportPackage({ ...TERM, path });
    expect(readFileSync(path).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    // Exactly what the preview showed, plus the package id, time and payload hash.
    const { packageId: _id, createdAt: _at, payloadSha256: _hash, ...sent } = out.manifest;
    expect(sent).toEqual(preview.manifest);
    expect(key.keyId).toBe(out.manifest.schoolKeyId);
    expect((await s.c.district.exportSettings({})).schoolKey).toEqual(key);
    const audit = (await s.c.audit.list({ action: 'district.exportPackage' })).items[0]!;
    expect(audit).toMatchObject({ targetId: out.packageId, details: { sha256: out.sha256, from: TERM.from, to: TERM.to, k: 5 } });
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('refuses a read-only target and a missing recipient, leaving no file, no key and no audit row', async () => {
    const d = await district();
    const s = await school(d.recipient);
    // Root writes through file modes, so as root the target is /proc, which nobody can create files in.
    const ro = process.getuid?.() === 0 ? '/proc' : join(dir, 'read-only');
    if (ro !== '/proc') {
      mkdirSync(ro);
      chmodSync(ro, 0o500);
    }
    try {
      const err = await rejection(s.c.district.exportPackage({ ...TERM, path: join(ro, 'term.crpkg') }));
      expect(err).toMatchObject({ code: 'VALIDATION', details: [{ path: 'path', reason: 'district.errors.cannotWrite' }] });
      expect(readdirSync(ro).filter((f) => f.startsWith('term.crpkg'))).toEqual([]);
    } finally {
      if (ro !== '/proc') chmodSync(ro, 0o700);
    }
    expect((await s.c.district.exportSettings({})).schoolKey).toBeNull();
    expect((await s.c.audit.list({ action: 'district.exportPackage' })).items).toEqual([]);
    expect(await rejection(s.c.district.setRecipient({ recipient: 'age1notakey' }))).toMatchObject({ details: [{ path: 'recipient', reason: 'errors.field.ageRecipient' }] });
  });

  it('a cancelled export leaves no file at the target, no temp file and nothing in the archive', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'counselroom-cancel-'));
    const core = new CoreState({ dataDir, kdfLogN: MIN_LOG_N });
    const conn = new ConnectionState('test');
    cleanups.push(async () => {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const call = async (method: string, input: unknown) => {
      const r = await dispatch(core, conn, method, input);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value;
    };
    await call('setup.initialize', { school: TEST_SCHOOL, counselor: { username: 'wanglaoshi', displayName: '王老师', passphrase: 'correct horse battery' } });
    const d = await district();
    await call('district.setRecipient', { recipient: d.recipient });
    const target = join(dir, 'cancelled.crpkg');
    for (const at of ['seal', 'write'] as const) {
      const ac = new AbortController();
      const steps: string[] = [];
      const ctx = { core, conn, now: Date.now(), audit: (e: Parameters<CoreState['audit']>[1]) => core.audit(conn, e) };
      // Cancelled as the step starts: after the figures (seal) or after sealing (write).
      const run = exportPackage(ctx, { ...TERM, k: 5, includeCompliance: true, referralCaseIds: [], path: target }, { signal: ac.signal, onStep: (step) => (steps.push(step), step === at && ac.abort()) });
      await expect(run).rejects.toMatchObject({ messageKey: 'district.errors.cancelled' });
      expect(steps.at(-1)).toBe(at);
    }
    expect(readdirSync(dir).filter((f) => f.startsWith('cancelled'))).toEqual([]);
    expect(await call('district.exportSettings', {})).toMatchObject({ schoolKey: null });
    expect(((await call('audit.list', { action: 'district.exportPackage' })) as { items: unknown[] }).items).toEqual([]);
  });

  it('the screen’s export runs between calls: cancelled, the target keeps exactly the bytes it held; let run, it is replaced and audited', async () => {
    const d = await district();
    const s = await school(d.recipient);
    const target = join(dir, 'kept.crpkg');
    const before = Buffer.from('last term’s package, already on the stick');
    writeFileSync(target, before);
    const job = await s.c.district.startExport({ ...TERM, path: target });
    expect(job).toMatchObject({ state: 'running', path: target, result: null });
    const cancelling = await s.c.district.cancelExport({ jobId: job.jobId });
    expect(cancelling.state).toBe('running');
    await expect.poll(async () => (await s.c.district.exportProgress({ jobId: job.jobId })).state).toBe('cancelled');
    expect((await s.c.district.exportProgress({ jobId: job.jobId })).error).toMatchObject({ messageKey: 'district.errors.cancelled' });
    expect(readFileSync(target)).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('kept.crpkg.tmp-'))).toEqual([]);
    expect((await s.c.district.exportSettings({})).schoolKey).toBeNull();
    expect((await s.c.audit.list({ action: 'district.exportPackage' })).items).toEqual([]);
    expect((await s.c.audit.list({ action: 'district.cancelExport' })).items[0]).toMatchObject({ details: { jobId: job.jobId } });
    expect(await rejection(s.c.district.cancelExport({ jobId: job.jobId }))).toMatchObject({ code: 'CONFLICT', messageKey: 'district.errors.exportEnded' });

    const again = await s.c.district.startExport({ ...TERM, path: target });
    await expect.poll(async () => (await s.c.district.exportProgress({ jobId: again.jobId })).state).toBe('done');
    const done = await s.c.district.exportProgress({ jobId: again.jobId });
    expect(done.step).toBe('done');
    expect(readFileSync(target).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect((await s.c.audit.list({ action: 'district.exportPackage' })).items[0]).toMatchObject({ targetId: done.result!.packageId, details: { sha256: done.result!.sha256 } });
    expect(await rejection(s.c.district.exportProgress({ jobId: '01890000-0000-7000-8000-000000000000' }))).toMatchObject({ code: 'NOT_FOUND', details: { path: 'jobId' } });
  });

  it('a job that cannot write ends failed with the reason naming the path', async () => {
    const d = await district();
    const s = await school(d.recipient);
    const job = await s.c.district.startExport({ ...TERM, path: join(dir, 'no-such-folder', 'term.crpkg') });
    await expect.poll(async () => (await s.c.district.exportProgress({ jobId: job.jobId })).state).toBe('failed');
    expect((await s.c.district.exportProgress({ jobId: job.jobId })).error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'path', reason: 'district.errors.cannotWrite' }] });
  });

  it('named crisis cases for a referral leave only when chosen and confirmed twice, are audited, and are shown on their own at the district, never in the figures', async () => {
    const d = await district();
    const s = await school(d.recipient);
    const red = await s.c.crisis.open({ studentId: s.studentId, source: 'teacher', tier: 'red', reason: '班主任反映学生流露轻生念头' });
    const key = await s.c.district.createSchoolKey({});
    await d.c.district.registerSchool({ name: TEST_SCHOOL.name, code: TEST_SCHOOL.code, publicKey: key.publicKeyPem, fingerprint: key.fingerprint });
    // Never by default: the preview and the package carry no name unless cases are chosen.
    const plain = await s.c.district.previewExport(TERM);
    expect(plain.manifest.contents).not.toContain('referrals');
    expect(plain.payload.referrals).toEqual([]);
    const named = await s.c.district.previewExport({ ...TERM, referralCaseIds: [red.caseId, red.caseId] });
    expect(named.manifest.contents).toEqual(['statistics', 'referrals']);
    expect(named.payload.referrals.map((r) => [r.caseId, r.studentName, r.tier])).toEqual([[red.caseId, '张三明', 'red']]);

    // The second confirmation must name the number of students shown; without it nothing is written.
    const path = join(dir, 'referral.crpkg');
    for (const confirmed of [undefined, 2]) {
      const err = await rejection(s.c.district.exportPackage({ ...TERM, referralCaseIds: [red.caseId], ...(confirmed === undefined ? {} : { confirmedReferralStudents: confirmed }), path }));
      expect(err).toMatchObject({ code: 'CONFLICT', messageKey: 'district.errors.referralsUnconfirmed', details: { path: 'confirmedReferralStudents', students: 1, cases: 1 } });
    }
    expect(readdirSync(dir).filter((f) => f.startsWith('referral.crpkg'))).toEqual([]);
    expect(await rejection(s.c.district.previewExport({ ...TERM, referralCaseIds: [s.studentId] }))).toMatchObject({ code: 'VALIDATION', details: [{ path: 'referralCaseIds.0', reason: 'district.errors.noSuchCrisisCase' }] });
    const { client: principal } = await colleague(s.t, 'principal', 'lixiaozhang');
    expect(await rejection(principal.district.exportPackage({ ...TERM, referralCaseIds: [red.caseId], confirmedReferralStudents: 1, path }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await rejection(principal.district.previewExport({ ...TERM, referralCaseIds: [red.caseId] }))).toMatchObject({ code: 'FORBIDDEN' });

    const out = await s.c.district.exportPackage({ ...TERM, referralCaseIds: [red.caseId], confirmedReferralStudents: 1, path });
    expect(out.manifest.contents).toEqual(['statistics', 'referrals']);
    const audit = (await s.c.audit.list({ action: 'district.exportPackage' })).items[0]!;
    expect(audit.details).toMatchObject({ referralCaseIds: [red.caseId], referralStudents: 1, contents: ['statistics', 'referrals'] });
    // The principal reads the log without the case id.
    const seen = (await principal.audit.list({ action: 'district.exportPackage' })).items[0]!;
    expect(JSON.stringify(seen)).not.toContain(red.caseId);
    expect(seen.details).toMatchObject({ referralStudents: 1 });

    const imported = await d.c.district.import({ files: [fileOf(path)] });
    expect(imported).toMatchObject({ imported: 1, rejected: 0 });
    expect(JSON.stringify(await d.c.district.dashboard(TERM))).not.toContain('张三明');
    const list = await d.c.district.referrals(TERM);
    expect(list.items.map((i) => [i.code, i.crisis.studentName, i.crisis.reason])).toEqual([[TEST_SCHOOL.code, '张三明', '班主任反映学生流露轻生念头']]);
    expect((await d.c.audit.list({ action: 'district.referrals' })).items[0]).toMatchObject({ details: { ...TERM, packages: 1, cases: 1 } });
  });
});

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/**
 * Changes one byte. In the header's base64 text it becomes the next base64 character, so the file
 * stays well formed and only the value changes (flipping a bit could turn 'A' into '@', which is
 * refused as malformed instead, in one run of a dozen); a body byte has a bit flipped.
 */
const flipAt = (path: string, at: (bytes: Buffer) => number, out: string) => {
  const b = Buffer.from(readFileSync(path));
  const i = at(b);
  const k = BASE64.indexOf(String.fromCharCode(b[i]!));
  b[i] = k >= 0 ? BASE64.charCodeAt((k + 1) % 64) : b[i]! ^ 0x01;
  writeFileSync(out, b);
  return out;
};

describe('district mode: registry, import, dashboard', () => {
  it('imports the good packages of a batch and refuses every bad file with its own reason', async () => {
    const d = await district();
    const s = await school(d.recipient);
    const key = await s.c.district.createSchoolKey({});
    const a = join(dir, 'a.crpkg');
    await s.c.district.exportPackage({ ...TERM, path: a });
    const b = await otherSchool(d.recipient, '3301020002');
    const bKey = await b.client.district.createSchoolKey({});
    await b.client.district.exportPackage({ ...TERM, path: join(dir, 'b.crpkg') });

    // Another district: its own identity; a package a school sent there, relayed to us unchanged inside.
    const d2 = await district();
    await s.c.district.setRecipient({ recipient: d2.recipient });
    const forD2 = join(dir, 'for-d2.crpkg');
    await s.c.district.exportPackage({ ...TERM, path: forD2 });
    const d2Identity = (await d2.c.district.exportIdentity({})).identity;
    const identity = (await d.c.district.exportIdentity({})).identity;

    expect(await rejection(d.c.district.registerSchool({ name: '示例市第一中学', code: TEST_SCHOOL.code, publicKey: key.publicKeyPem, fingerprint: '12345 12345 12345 12345 12345 12345' }))).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'fingerprint', reason: 'district.errors.fingerprintMismatch' }],
    });
    await d.c.district.registerSchool({ name: '示例市第一中学', code: TEST_SCHOOL.code, publicKey: key.publicKeyPem, fingerprint: key.fingerprint.replace(/ /g, '-') });

    const header = (buf: Buffer) => buf.indexOf('-> X25519 ') + 12;
    const body = (buf: Buffer) => buf.length - 30;
    const files = [
      fileOf(a),
      fileOf(a, 'a-copy.crpkg'),
      fileOf(flipAt(a, header, join(dir, 'a-header.crpkg'))),
      fileOf(flipAt(a, (buf) => buf.indexOf('\n---') + 8, join(dir, 'a-mac.crpkg'))),
      fileOf(flipAt(a, body, join(dir, 'a-body.crpkg'))),
      { name: 'a-truncated.crpkg', base64: readFileSync(a).subarray(0, 40).toString('base64') },
      fileOf(await reseal(a, identity, d.recipient, (l) => (l[1] = l[1]!.replace('"k":5', '"k":9')), join(dir, 'a-manifest.crpkg'))),
      fileOf(await reseal(a, identity, d.recipient, (l) => (l[3] = l[3]!.replace('"sessions.byGrade"', '"sessions.byGrade" ')), join(dir, 'a-payload.crpkg'))),
      fileOf(join(dir, 'b.crpkg')),
      fileOf(forD2),
      fileOf(await reseal(forD2, d2Identity, d.recipient, () => {}, join(dir, 'relayed.crpkg'))),
      { name: 'notes.txt', base64: Buffer.from('会议纪要').toString('base64') },
    ];
    const out = await d.c.district.import({ files });
    expect(out.results.map((r) => [r.name, r.status, r.reason])).toEqual([
      ['a.crpkg', 'imported', null],
      ['a-copy.crpkg', 'rejected', 'duplicate'],
      ['a-header.crpkg', 'rejected', 'wrongIdentity'],
      ['a-mac.crpkg', 'rejected', 'altered'],
      ['a-body.crpkg', 'rejected', 'altered'],
      ['a-truncated.crpkg', 'rejected', 'truncated'],
      ['a-manifest.crpkg', 'rejected', 'badSignature'],
      ['a-payload.crpkg', 'rejected', 'payloadHash'],
      ['b.crpkg', 'rejected', 'unregisteredKey'],
      ['for-d2.crpkg', 'rejected', 'wrongIdentity'],
      ['relayed.crpkg', 'rejected', 'otherDistrict'],
      ['notes.txt', 'rejected', 'notPackage'],
    ]);
    expect(out).toMatchObject({ imported: 1, rejected: 11 });
    const offer = out.results[8]!.offer!;
    expect(offer).toEqual({ name: '示例市第2中学', code: '3301020002', fingerprint: bKey.fingerprint, publicKey: expect.any(String) });
    const audit = (await d.c.audit.list({ action: 'district.import' })).items[0]!;
    expect(audit.details).toMatchObject({ files: 12, imported: 1, reasons: { duplicate: 1, altered: 2, wrongIdentity: 2 } });

    // The officer phones school B, hears the same digits, registers the key, imports again.
    await d.c.district.registerSchool({ name: offer.name, code: offer.code, publicKey: offer.publicKey, fingerprint: offer.fingerprint });
    expect((await d.c.district.import({ files: [fileOf(join(dir, 'b.crpkg'))] })).imported).toBe(1);

    const view = await d.c.district.dashboard(TERM);
    expect(view.schools.map((x) => [x.code, x.figures.sessions])).toEqual([[TEST_SCHOOL.code, 12], ['3301020002', 0]]);
    expect(view.totals.sessions).toBe(12);
    expect(view.notReported).toEqual([]);
    expect(view.tables.find((t) => t.id === 'sessions.byKind')!.colTotals).toEqual([12]);
    expect((await d.c.district.periods({})).items).toEqual([{ ...TERM, schools: 2 }]);
  });

  it('keeps the newest package of a school for a period: an older one arriving later is stale', async () => {
    const d = await district();
    const s = await school(d.recipient);
    const key = await s.c.district.createSchoolKey({});
    await d.c.district.registerSchool({ name: '示例市第一中学', code: TEST_SCHOOL.code, publicKey: key.publicKeyPem, fingerprint: key.fingerprint });
    await s.c.district.exportPackage({ ...TERM, path: join(dir, 'first.crpkg') });
    await s.later(2);
    await s.c.district.exportPackage({ ...TERM, path: join(dir, 'second.crpkg') });
    const out = await d.c.district.import({ files: [fileOf(join(dir, 'second.crpkg')), fileOf(join(dir, 'first.crpkg'))] });
    expect(out.results.map((r) => r.reason)).toEqual([null, 'stale']);
  });

  it('carries the checklist signed by the period’s end when included: the dashboard shows each school’s grade and open fix items', async () => {
    const d = await district();
    const s = await school(d.recipient);
    const principal = (await colleague(s.t, 'principal', 'lixiaozhang')).client;
    const run = await principal.compliance.start({ packId: 'national-2015' });
    await principal.compliance.saveTask({ runId: run.id, itemId: 'ZONE-05', title: '扩建个辅室（找王主任）', owner: '总务处', dueDate: '2025-04-30' });
    const signed = await principal.compliance.sign({ id: run.id, signerName: '李校长', signedOn: '2025-03-17' });
    const key = await s.c.district.createSchoolKey({});
    await d.c.district.registerSchool({ name: '示例市第一中学', code: TEST_SCHOOL.code, publicKey: key.publicKeyPem, fingerprint: key.fingerprint });

    const preview = await s.c.district.previewExport(TERM);
    expect(preview.manifest.contents).toEqual(['statistics', 'compliance']);
    expect(preview.payload.compliance).toEqual({
      packId: 'national-2015',
      packTitle: signed.packTitle,
      packVersion: signed.packVersion,
      asOf: '2025-03-17',
      signedOn: '2025-03-17',
      signerName: '李校长',
      score: signed.score,
      items: signed.items.map((i) => ({ id: i.id, status: i.status })),
      openTasks: [{ itemId: 'ZONE-05', dueDate: '2025-04-30', status: 'open' }],
    });
    // The fix item's free text stays at school.
    expect(JSON.stringify(preview)).not.toContain('王主任');
    // Left out by choice, or for a period that ended before the signature.
    expect(await s.c.district.previewExport({ ...TERM, includeCompliance: false })).toMatchObject({ manifest: { contents: ['statistics'] }, payload: { compliance: null } });
    expect((await s.c.district.previewExport({ from: '2025-02-17', to: '2025-03-16' })).payload.compliance).toBeNull();

    const path = join(dir, 'with-checklist.crpkg');
    const out = await s.c.district.exportPackage({ ...TERM, path });
    expect(out.manifest.contents).toEqual(['statistics', 'compliance']);
    expect((await s.c.audit.list({ action: 'district.exportPackage' })).items[0]!.details).toMatchObject({ contents: ['statistics', 'compliance'] });
    expect((await d.c.district.import({ files: [fileOf(path)] })).imported).toBe(1);
    const view = await d.c.district.dashboard(TERM);
    expect(view.schools[0]!.compliance).toEqual({ packTitle: signed.packTitle, signedOn: '2025-03-17', percent: signed.score.percent, grade: signed.score.grade, openTasks: 1 });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await d.c.district.reportXlsx(TERM)).base64, 'base64') as unknown as ArrayBuffer);
    const row = wb.worksheets[0]!.getRow(4).values as unknown[];
    expect(row.slice(-2)).toEqual([expect.stringContaining(`${signed.score.percent}分`), 1]);
    // A median or a score is not summed across schools.
    expect(view.tables.map((t) => t.id)).not.toContain('compliance.latest');
    expect(view.tables.map((t) => t.id)).not.toContain('crisis.response');
    expect(view.tables.map((t) => t.id)).toContain('crisis.byTier');
  });

  it('keeps the roles apart and exports the dashboard as a workbook', async () => {
    const d = await district();
    const s = await school(d.recipient);
    expect(await rejection(s.c.district.import({ files: [{ name: 'x', base64: '' }] }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await rejection(d.c.statistics.period(TERM))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await rejection(d.c.students.list({}))).toMatchObject({ code: 'FORBIDDEN' });
    const key = await s.c.district.createSchoolKey({});
    await d.c.district.registerSchool({ name: '示例市第一中学', code: TEST_SCHOOL.code, publicKey: key.publicKeyPem, fingerprint: key.fingerprint });
    const third = await (await otherSchool(d.recipient, '3301020003')).client.district.createSchoolKey({});
    await d.c.district.registerSchool({ name: '示例市第三中学', code: '3301020003', publicKey: third.publicKeyPem, fingerprint: third.fingerprint });
    await s.c.district.exportPackage({ ...TERM, path: join(dir, 'wb.crpkg') });
    await d.c.district.import({ files: [fileOf(join(dir, 'wb.crpkg'))] });
    const xlsx = await d.c.district.reportXlsx(TERM);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const first = wb.worksheets[0]!;
    expect(first.name).toBe('各校汇总');
    expect(first.getRow(3).values).toEqual([undefined, '学校代码', '学校', '个体辅导人次', '个体辅导人数', '团体/讲座参与人次', '已测人数', '预警数', '未处理预警', '达标自查', '未完成整改项']);
    expect(first.getRow(4).values).toEqual([undefined, TEST_SCHOOL.code, '示例市第一中学', 12, 6, 0, 0, 0, 0, '未附', '']);
    expect(first.getRow(5).values).toEqual([undefined, '', '合计', 12, 6, 0, 0, 0, 0]);
    expect(first.getRow(7).values).toEqual([undefined, '未上报学校']);
    expect(first.getRow(8).values).toEqual([undefined, '3301020003', '示例市第三中学']);
    expect(wb.worksheets.length).toBeGreaterThan(5);
  });
});
