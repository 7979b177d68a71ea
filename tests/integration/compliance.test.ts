import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { EVIDENCE_MAX_BYTES, type RunView } from '../../shared/api/compliance';
import national from '../../resources/compliance/national-2015.json';
import { PNG_1PX, seedComplianceSchool } from '../helpers/compliance';
import { colleague, counselingSchool, OWN_PASSPHRASE, rejection, type CounselingSchool } from '../helpers/counseling';
import { startTestCore } from '../helpers/inproc';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');

let s: CounselingSchool;
afterEach(async () => s?.t.cleanup());

/** The seeded school (the clock stands on Wednesday 12 March 2025) and its principal. */
async function school(opts: { individualArea?: number } = {}) {
  s = await counselingSchool();
  const { individual } = await seedComplianceSchool(s.c, s.studentId, opts);
  const principal = await colleague(s.t, 'principal', 'lixiaozhang');
  return { individual, principal: principal.client };
}

const item = (run: RunView, id: string) => run.items.find((i) => i.id === id)!;

describe('a checklist run', () => {
  it('fills the automatic items from live data, each with its figure and source', async () => {
    const { principal } = await school({ individualArea: 9.9 });
    const run = await principal.compliance.start({ packId: 'national-2015' });
    expect(run).toMatchObject({ packId: 'national-2015', packVersion: '1.0.0', status: 'open', asOf: '2025-03-12', termName: '三月两周', startedBy: '李校长', school: '示例市第一中学' });
    expect(item(run, 'ZONE-01').auto).toEqual({ status: 'pass', source: 'rooms', figure: { key: 'compliance.figure.zones', params: { found: 3, total: 3, rooms: 3 } } });
    expect(item(run, 'ZONE-05')).toMatchObject({ status: 'fail', auto: { figure: { params: { areas: '个辅室 9.9 m²' } } }, threshold: { unit: 'm2', min: 10, max: 15 } });
    expect(item(run, 'ZONE-06').status).toBe('pass');
    // Ten weekdays and the 调休 Saturday, which follows Monday's timetable and so has Monday's opening.
    expect(item(run, 'OPEN-01').auto).toMatchObject({ status: 'pass', source: 'schedule', figure: { params: { open: 11, days: 11 } } });
    expect(item(run, 'OPEN-02').auto).toMatchObject({ status: 'pass', figure: { params: { percent: 100 } } });
    expect(item(run, 'OPEN-03').status).toBe('pass');
    expect(item(run, 'STAFF-01').auto).toMatchObject({ status: 'pass', figure: { params: { count: 1, partTime: 1 } } });
    expect(item(run, 'STAFF-04').auto).toMatchObject({ status: 'pass', source: 'training', figure: { params: { ok: 1, total: 1, least: 6 } } });
    // The test record leaves 效果评价 empty; one record is a small count and is withheld.
    expect(item(run, 'REC-02').auto).toMatchObject({ status: 'fail', figure: { params: { complete: 0, signed: '<5' } } });
    expect(item(run, 'REC-03').auto).toMatchObject({ status: 'pass', source: 'audit' });
    expect(item(run, 'NAT-04').auto).toMatchObject({ status: 'fail', figure: { params: { ok: 0, total: 2, campaigns: 0 } } });
    expect(item(run, 'ETH-05').auto).toMatchObject({ status: 'pass', figure: { params: { forms: 0 } } });
    // No procedure stored: fails; no referral this school year: nothing to judge, the principal attests.
    expect(item(run, 'CRISIS-01').auto).toEqual({ status: 'fail', source: 'crisisPlan', figure: { key: 'compliance.figure.noCrisisPlan', params: {} } });
    expect(item(run, 'REF-03')).toMatchObject({ status: 'pending', auto: { status: 'manual', source: 'referrals', figure: { key: 'compliance.figure.noReferrals' } } });
    expect(item(run, 'SITE-01')).toMatchObject({ status: 'pending', auto: null, metric: null });
    expect(item(run, 'EQUIP-04').provisional).toBe(true);
    expect(run.score.counts.pending).toBe(national.items.length - run.items.filter((i) => i.auto && i.auto.status !== 'manual').length);
    expect((await principal.audit.list({ action: 'compliance.start' })).items[0]).toMatchObject({ targetType: 'complianceRun', targetId: run.id });
  });

  it('reads CRISIS-01 from the crisis procedure in force and REF-03 from the referrals and their follow-up', async () => {
    const { principal } = await school();
    const { c } = s;
    await c.crisisPlan.save({ version: '2025版', effectiveOn: '2025-03-01', text: '一、发现与报告……' });
    // A later version not yet in force does not count.
    await c.crisisPlan.save({ version: '2026版', effectiveOn: '2026-03-01', text: '……' });
    const k = await c.crisis.open({ studentId: s.studentId, source: 'teacher', tier: 'orange', reason: '班主任报告' });
    const partner = await c.referralPartners.save({ name: '市精神卫生中心', department: '儿少心理科', contact: '0571-00000000', agreementOnFile: true });
    const referred = await c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'referral', date: '2025-03-12', partnerId: partner.id, reason: '评估需要' } });
    const referralId = referred.entries.find((e) => e.kind === 'referral')!.id;

    const run = await principal.compliance.start({ packId: 'national-2015' });
    expect(item(run, 'CRISIS-01')).toMatchObject({ status: 'pass', auto: { source: 'crisisPlan', figure: { key: 'compliance.figure.crisisPlan', params: { version: '2025版', effectiveOn: '2025-03-01' } } } });
    // Written today: still within the two weeks for a first follow-up.
    expect(item(run, 'REF-03')).toMatchObject({ status: 'pending', auto: { status: 'manual', figure: { key: 'compliance.figure.referralsAwaiting', params: { referred: '<5', awaiting: '<5' } } } });

    await s.later(24 * 15);
    await principal.auth.unlock({ passphrase: OWN_PASSPHRASE });
    expect(item(await principal.compliance.refresh({ id: run.id }), 'REF-03')).toMatchObject({ status: 'fail', auto: { figure: { key: 'compliance.figure.referrals', params: { followedUp: 0, unanswered: '<5' } } } });
    await c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'feedback', date: '2025-03-27', referralId, words: '建议门诊随访' } });
    expect(item(await principal.compliance.refresh({ id: run.id }), 'REF-03')).toMatchObject({ status: 'pass', auto: { figure: { params: { followedUp: '<5', unanswered: 0 } } } });
  });

  it('OPEN-01 fails when a single school day (the 调休 Saturday) has no opening', async () => {
    const { principal, individual } = await school();
    await s.c.openings.addException({ roomId: individual.id, date: '2025-03-08', kind: 'closed' });
    const run = await principal.compliance.start({ packId: 'national-2015' });
    expect(item(run, 'OPEN-01').auto).toMatchObject({ status: 'fail', figure: { params: { open: 10, days: 11 } } });
  });

  it('a run in progress survives a restart: starting again resumes it with its attestations', async () => {
    s = await counselingSchool();
    const principal = await colleague(s.t, 'principal', 'lixiaozhang');
    const run = await principal.client.compliance.start({ packId: 'national-2015' });
    await principal.client.compliance.attest({ runId: run.id, itemId: 'SITE-01', attestation: 'compliant', notes: '一楼东侧' });
    const dataDir = s.t.dataDir;
    await s.t.core.shutdown();
    const again = await startTestCore({ dataDir });
    try {
      await again.client.auth.login({ username: 'lixiaozhang', passphrase: OWN_PASSPHRASE });
      const resumed = await again.client.compliance.start({ packId: 'national-2015' });
      expect(resumed.id).toBe(run.id);
      expect(item(resumed, 'SITE-01')).toMatchObject({ attestation: 'compliant', notes: '一楼东侧', status: 'pass' });
      expect((await again.client.compliance.runs({})).items.map((r) => r.id)).toEqual([run.id]);
    } finally {
      await again.cleanup();
    }
  });
});

describe('attestation', () => {
  it('fills manual items, refuses to overrule an automatic verdict, and wants a reason for 不适用', async () => {
    const { principal } = await school();
    const run = await principal.compliance.start({ packId: 'national-2015' });
    expect(await principal.compliance.attest({ runId: run.id, itemId: 'SITE-01', attestation: 'partly', notes: '在改造' })).toMatchObject({ status: 'partial', attestation: 'partly' });
    expect(await rejection(principal.compliance.attest({ runId: run.id, itemId: 'ZONE-01', attestation: 'notCompliant' }))).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'itemId', reason: 'errors.compliance.automatic' }],
    });
    expect((await rejection(principal.compliance.attest({ runId: run.id, itemId: 'SITE-03', attestation: 'notApplicable' }))).details).toEqual([{ path: 'reason', reason: 'errors.compliance.reasonRequired' }]);
    expect(await principal.compliance.attest({ runId: run.id, itemId: 'SITE-03', attestation: 'notApplicable', reason: '校内统一标识' })).toMatchObject({ status: 'notApplicable' });
    expect((await rejection(principal.compliance.attest({ runId: run.id, itemId: 'NOPE-01', attestation: 'compliant' }))).details).toEqual([
      { path: 'itemId', reason: 'errors.compliance.unknownItem', itemId: 'NOPE-01' },
    ]);
    expect((await rejection(principal.compliance.attest({ runId: run.id, itemId: 'SITE-01', attestation: 'compliant', level: 3 }))).details).toMatchObject([{ path: 'level' }]);
  });

  it('a levels pack takes one of its levels', async () => {
    const { principal } = await school();
    const run = await principal.compliance.start({ packId: 'gansu-a-junior' });
    expect((await rejection(principal.compliance.attest({ runId: run.id, itemId: 'PROV-GS-A1', attestation: 'partly', level: 2 }))).details).toMatchObject([{ path: 'level', levels: [0, 1, 3, 5] }]);
    await principal.compliance.attest({ runId: run.id, itemId: 'PROV-GS-A1', attestation: 'partly', level: 3 });
    expect((await principal.compliance.get({ id: run.id })).score).toMatchObject({ earned: 3, possible: 25, percent: 12 });
  });

  it('roles: the counselor prepares evidence but neither runs, attests nor signs', async () => {
    const { principal } = await school();
    const run = await principal.compliance.start({ packId: 'national-2015' });
    const c = s.c;
    for (const p of [
      c.compliance.start({ packId: 'national-2015' }),
      c.compliance.attest({ runId: run.id, itemId: 'SITE-01', attestation: 'compliant' }),
      c.compliance.sign({ id: run.id, signerName: '王老师', signedOn: '2025-03-12' }),
      c.compliance.saveTask({ runId: run.id, itemId: 'REC-02', title: '补全效果评价', owner: '王老师', dueDate: '2025-04-01' }),
    ]) {
      expect((await rejection(p)).code).toBe('FORBIDDEN');
    }
    expect(await c.compliance.addEvidence({ runId: run.id, itemId: 'SITE-01', fileName: '位置.png', mime: 'image/png', dataBase64: PNG_1PX })).toMatchObject({ addedBy: '王老师' });
    expect(item(await c.compliance.get({ id: run.id }), 'SITE-01').evidence).toHaveLength(1);
  });
});

describe('evidence files', () => {
  it('are kept inside the encrypted archive under a cleaned name, checked by their bytes and size', async () => {
    const { principal } = await school();
    const run = await principal.compliance.start({ packId: 'national-2015' });
    const add = (fileName: string, mime: 'image/png' | 'application/pdf' | 'image/jpeg', dataBase64: string) =>
      principal.compliance.addEvidence({ runId: run.id, itemId: 'SITE-02', fileName, mime, dataBase64 });
    const photo = await add('..\\..\\Windows/../../etc/环境照片', 'image/png', PNG_1PX);
    expect(photo).toMatchObject({ fileName: '环境照片.png', mime: 'image/png', size: 70, itemId: 'SITE-02' });
    expect((await add('.hidden:plan?.pdf', 'application/pdf', PDF)).fileName).toBe('hidden_plan_.pdf');
    expect((await principal.compliance.evidence({ id: photo.id })).dataBase64).toBe(PNG_1PX);
    // Only the archive and the key slots: no file was written anywhere else.
    expect(readdirSync(s.t.dataDir).filter((f) => !f.startsWith('counselroom.db')).sort()).toEqual(['keyslots.json']);

    expect((await rejection(add('x.jpg', 'image/jpeg', PNG_1PX))).details).toEqual([{ path: 'dataBase64', reason: 'errors.compliance.evidenceType', mime: 'image/jpeg' }]);
    expect((await rejection(add('x.png', 'image/png', 'not base64!'))).details).toEqual([{ path: 'dataBase64', reason: 'errors.compliance.evidenceEncoding' }]);
    const tooBig = Buffer.alloc(EVIDENCE_MAX_BYTES + 3, 0);
    Buffer.from(PNG_1PX, 'base64').copy(tooBig);
    expect((await rejection(add('big.png', 'image/png', tooBig.toString('base64')))).code).toBe('VALIDATION');
    expect((await rejection(add('x.gif', 'image/gif' as 'image/png', PNG_1PX))).details).toMatchObject([{ path: 'mime' }]);

    await principal.compliance.removeEvidence({ id: photo.id });
    expect(item(await principal.compliance.get({ id: run.id }), 'SITE-02').evidence.map((e) => e.fileName)).toEqual(['hidden_plan_.pdf']);
  });
});

describe('fix list, sign-off, the next run and comparison', () => {
  it('a failing item becomes a task; after sign-off the run is fixed; the next run shows the task fixed', async () => {
    const { principal, individual } = await school({ individualArea: 9.9 });
    const first = await principal.compliance.start({ packId: 'national-2015' });
    expect((await rejection(principal.compliance.saveTask({ runId: first.id, itemId: 'ZONE-01', title: 'x', owner: 'x', dueDate: '2025-04-01' }))).details).toEqual([
      { path: 'itemId', reason: 'errors.compliance.itemNotFailing', itemId: 'ZONE-01' },
    ]);
    const task = await principal.compliance.saveTask({ runId: first.id, itemId: 'ZONE-05', title: '个辅室扩到 10 平方米以上', owner: '总务处', dueDate: '2025-04-30' });
    expect(task).toMatchObject({ packId: 'national-2015', itemId: 'ZONE-05', status: 'open', fixed: null });
    expect(item(await principal.compliance.get({ id: first.id }), 'ZONE-05').tasks).toMatchObject([{ id: task.id, fixed: null }]);

    const signed = await principal.compliance.sign({ id: first.id, signerName: '李校长', signedOn: '2025-03-12' });
    expect(signed).toMatchObject({ status: 'signed', signed: { name: '李校长', on: '2025-03-12' } });
    expect(signed.score.percent).toBe(first.score.percent);
    expect((await rejection(principal.compliance.attest({ runId: first.id, itemId: 'SITE-01', attestation: 'compliant' }))).messageKey).toBe('errors.compliance.runSigned');
    expect((await rejection(principal.compliance.addEvidence({ runId: first.id, itemId: 'SITE-01', fileName: 'a.png', mime: 'image/png', dataBase64: PNG_1PX }))).code).toBe('CONFLICT');

    await s.c.rooms.update({ id: individual.id, areaM2: 12 });
    await principal.compliance.saveTask({ id: task.id, title: task.title, owner: task.owner, dueDate: task.dueDate, status: 'done' });
    const second = await principal.compliance.start({ packId: 'national-2015' });
    expect(second.id).not.toBe(first.id);
    expect(second.previousRunId).toBe(first.id);
    expect(item(second, 'ZONE-05')).toMatchObject({ status: 'pass', tasks: [{ id: task.id, status: 'done', fixed: true }] });

    const cmp = await principal.compliance.compare({ a: first.id, b: second.id });
    expect(cmp.items.find((i) => i.id === 'ZONE-05')).toMatchObject({ a: 'fail', b: 'pass', change: 'better' });
    expect(cmp.items.find((i) => i.id === 'ZONE-01')).toMatchObject({ change: 'same' });
    expect(cmp.b.score.percent! > cmp.a.score.percent!).toBe(true);
    expect((await principal.compliance.runs({})).items.map((r) => [r.id, r.status])).toEqual([
      [second.id, 'open'],
      [first.id, 'signed'],
    ]);
    expect((await principal.compliance.tasks({ packId: 'national-2015' })).items).toMatchObject([{ id: task.id, status: 'done' }]);
  });
});

describe('rule-pack import', () => {
  it('refuses a bad pack naming item and reason, and lists a good one', async () => {
    s = await counselingSchool();
    const principal = (await colleague(s.t, 'principal', 'lixiaozhang')).client;
    const bad = structuredClone(national) as typeof national & { id: string };
    bad.id = 'county-2026';
    (bad.items[9] as { metric?: string }).metric = 'rooms.windowCount';
    bad.items[1]!.id = 'FUNC-01';
    const e = await rejection(principal.compliance.importPack({ json: JSON.stringify(bad) }));
    expect(e).toMatchObject({ code: 'VALIDATION' });
    expect(e.details).toEqual([
      { path: 'json.items.1.id', item: 'FUNC-01', reason: 'compliance.pack.duplicateId' },
      { path: 'json.items.9.metric', item: 'ZONE-01', reason: 'compliance.pack.unknownMetric' },
    ]);
    expect((await rejection(principal.compliance.importPack({ json: '{not json' }))).details).toEqual([{ path: 'json', reason: 'compliance.pack.notJson' }]);
    expect((await principal.compliance.packs({})).items.map((p) => p.id)).not.toContain('county-2026');

    const good = { ...structuredClone(national), id: 'county-2026', status: 'provisional' };
    expect(await principal.compliance.importPack({ json: JSON.stringify(good) })).toMatchObject({ id: 'county-2026', builtIn: false, status: 'provisional' });
    expect((await rejection(principal.compliance.importPack({ json: JSON.stringify(good) }))).code).toBe('CONFLICT');
    expect((await rejection(principal.compliance.importPack({ json: JSON.stringify(national) }))).code).toBe('CONFLICT');
    const packs = (await principal.compliance.packs({})).items;
    expect(packs.map((p) => p.id)).toEqual(['national-2015', 'gansu-c-primary', 'gansu-a-junior', 'fuzhou-2021', 'shaanxi-2024', 'grading-example', 'county-2026']);
    expect(packs.find((p) => p.id === 'grading-example')).toMatchObject({ style: 'points', status: 'provisional', builtIn: true });
    const run = await principal.compliance.start({ packId: 'county-2026' });
    expect(item(run, 'ZONE-05').provisional).toBe(true);
  });
});

