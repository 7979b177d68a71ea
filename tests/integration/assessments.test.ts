import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CounselClient, MethodName } from '../../shared/api/contract';
import { METHOD_NAMES } from '../../shared/api/contract';
import { colleague, counselingSchool, rejection, STUDENT, type CounselingSchool } from '../helpers/counseling';
import { startTestCore, TEST_PASSPHRASE, type TestCore } from '../helpers/inproc';
import { openRaw } from '../helpers/raw-db';
import { demo } from '../unit/scales/fixtures';

let s: CounselingSchool;
let restarted: TestCore | undefined;
afterEach(async () => {
  await restarted?.cleanup();
  restarted = undefined;
  await s?.t.cleanup();
});

const consent = (c: CounselClient, studentId: string, party: 'student' | 'guardian', outcome: 'given' | 'declined' = 'given') =>
  c.consents.record({ studentId, scope: 'testing', party, outcome, date: '2025-03-10', form: 'written' });

async function consented(): Promise<CounselingSchool> {
  s = await counselingSchool();
  await consent(s.c, s.studentId, 'student');
  await consent(s.c, s.studentId, 'guardian');
  return s;
}

const phq9 = (c: CounselClient, studentId: string) => c.assessments.start({ studentId, scaleId: 'phq9', mode: 'kiosk' });

describe('consent and eligibility gate', () => {
  it('refuses testing until the student and a guardian have both given consent, naming what is missing', async () => {
    s = await counselingSchool();
    const none = await rejection(phq9(s.c, s.studentId));
    expect([none.code, none.messageKey, none.details]).toEqual(['CONFLICT', 'errors.assessment.noConsent', { path: 'studentId', student: null, guardian: null }]);
    await consent(s.c, s.studentId, 'student');
    await consent(s.c, s.studentId, 'guardian', 'declined');
    const declined = await rejection(phq9(s.c, s.studentId));
    expect([declined.code, declined.details]).toEqual(['CONFLICT', { path: 'studentId', student: 'given', guardian: 'declined' }]);
    await consent(s.c, s.studentId, 'guardian');
    expect(await phq9(s.c, s.studentId)).toMatchObject({ status: 'inProgress', scaleId: 'phq9', mode: 'kiosk', date: '2025-03-12', answers: {} });
  });

  it('asks for an acknowledgement outside the scale’s age range, and refuses an unknown norm profile', async () => {
    s = await counselingSchool();
    const young = await s.c.students.create({ ...STUDENT, studentNo: '20240102', birthDate: '2015-01-01' });
    await consent(s.c, young.id, 'student');
    await consent(s.c, young.id, 'guardian');
    const e = await rejection(phq9(s.c, young.id));
    expect([e.code, e.messageKey, e.details]).toEqual(['CONFLICT', 'errors.assessment.ineligible', { path: 'studentId', outside: ['age'], enforcement: 'warn' }]);
    expect(await s.c.assessments.start({ studentId: young.id, scaleId: 'phq9', mode: 'paper', acknowledgeIneligible: true })).toMatchObject({ mode: 'paper' });
    const profile = await rejection(s.c.assessments.start({ studentId: young.id, scaleId: 'phq9', mode: 'paper', acknowledgeIneligible: true, normProfileId: 'nope' }));
    expect([profile.code, profile.details]).toEqual(['VALIDATION', [{ path: 'normProfileId', reason: 'errors.scale.unknownNormProfile', id: 'nope' }]]);
  });
});

describe('a PHQ-9 form on the kiosk', () => {
  it('raises the critical alert on the answer, keeps everything through a crash, and stores an immutable result', async () => {
    await consented();
    const { c } = s;
    // An earlier form left blank raises an urgent alert on finishing; the critical one must still come first.
    const blank = await phq9(c, s.studentId);
    expect((await c.assessments.finish({ formId: blank.id })).alerts.map((a) => [a.alertId, a.severity])).toEqual([['phq9_item9_blank', 'urgent']]);
    s.clock.advanceHours(1);
    await c.auth.unlock({ passphrase: TEST_PASSPHRASE });

    const form = await phq9(c, s.studentId);
    expect(await c.assessments.answer({ formId: form.id, itemId: 'phq9_1', code: '1' })).toEqual({ raised: [] });
    const { raised } = await c.assessments.answer({ formId: form.id, itemId: 'phq9_9', code: '1' });
    expect(raised).toMatchObject([{ formId: form.id, studentId: s.studentId, studentName: STUDENT.name, alertId: 'phq9_item9', severity: 'critical', items: ['phq9_9'], acknowledgedAt: null }]);
    expect((await c.assessments.answer({ formId: form.id, itemId: 'phq9_9', code: '2' })).raised).toEqual([]);
    const open = await c.alerts.open({});
    expect(open.items.map((a) => a.alertId)).toEqual(['phq9_item9', 'phq9_item9_blank']);

    const badCode = await rejection(c.assessments.answer({ formId: form.id, itemId: 'phq9_1', code: '7' }));
    expect([badCode.code, badCode.details]).toEqual(['VALIDATION', [{ path: 'code', reason: 'errors.scale.answerUnknownCode', code: '7' }]]);
    const badItem = await rejection(c.assessments.answer({ formId: form.id, itemId: 'phq9_10', code: '1' }));
    expect([badItem.code, badItem.details]).toEqual(['VALIDATION', [{ path: 'itemId', reason: 'errors.scale.answerUnknownItem' }]]);

    const answers = (await c.audit.list({ action: 'assessments.answer', pageSize: 50 })).items;
    expect(answers.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(answers)).not.toMatch(/"code"/);

    // A crash: the core goes away without finishing, a new one opens the same archive.
    await s.t.core.shutdown();
    restarted = await startTestCore({ dataDir: s.t.dataDir, now: () => s.clock.now });
    const r = restarted.client;
    await r.auth.login({ username: 'wanglaoshi', passphrase: TEST_PASSPHRASE });
    const resumed = await r.assessments.get({ formId: form.id });
    expect(resumed).toMatchObject({ status: 'inProgress', answers: { phq9_1: '1', phq9_9: '2' } });
    expect(resumed.alerts.map((a) => a.alertId)).toEqual(['phq9_item9']);

    for (const n of [2, 3, 4, 5, 6, 7, 8]) await r.assessments.answer({ formId: form.id, itemId: `phq9_${n}`, code: '1' });
    await r.assessments.answer({ formId: form.id, itemId: 'phq9_1', code: null });
    await r.assessments.answer({ formId: form.id, itemId: 'phq9_1', code: '2' });
    const done = await r.assessments.finish({ formId: form.id });
    const { hash } = await r.scales.get({ id: 'phq9' });
    expect(done).toMatchObject({ status: 'completed', definitionHash: hash, version: '1.0.0' });
    const total = done.result!.scales.find((x) => x.id === 'total')!;
    expect(total).toMatchObject({ raw: 11, score: 11, answered: 9, missing: 0 });
    expect(total.bandLabel).toMatch(/^scales\.band\./);
    expect(done.result!.valid).toBe(true);

    const closed = await rejection(r.assessments.answer({ formId: form.id, itemId: 'phq9_1', code: '0' }));
    expect([closed.code, closed.messageKey]).toEqual(['CONFLICT', 'errors.assessment.notInProgress']);
    const { rawKeyHex } = await r.key.exportRaw({ recoveryKey: s.recoveryKey });
    const raw = openRaw(join(s.t.dataDir, 'counselroom.db'), rawKeyHex);
    expect(() => raw.prepare(`UPDATE forms SET result_json = '{}' WHERE id = ?`).run(form.id)).toThrow(/read-only/);
    expect(() => raw.prepare(`UPDATE form_answers SET code = '0' WHERE form_id = ?`).run(form.id)).toThrow(/read-only/);
    raw.close();

    const critical = resumed.alerts[0]!;
    const ack = await r.alerts.acknowledge({ id: critical.id, action: 'talkedNow', note: '已当面谈话' });
    expect(ack).toMatchObject({ action: 'talkedNow', acknowledgedBy: s.me, note: '已当面谈话' });
    const again = await rejection(r.alerts.acknowledge({ id: critical.id, action: 'other' }));
    expect([again.code, again.messageKey]).toEqual(['CONFLICT', 'errors.alert.acknowledged']);
    expect((await r.alerts.open({})).items.map((a) => a.alertId)).toEqual(['phq9_item9_blank']);

    const voided = await r.assessments.void({ formId: blank.id, reason: '学生中途离开' });
    expect(voided).toMatchObject({ status: 'voided', voidReason: '学生中途离开' });
    expect(voided.alerts).toHaveLength(1);
    const history = await r.assessments.ofStudent({ studentId: s.studentId, scaleId: 'phq9' });
    expect([history.total, history.items.map((f) => f.id)]).toEqual([2, [blank.id, form.id]]);
    const only = async (status: 'inProgress' | 'completed' | 'voided') => (await r.assessments.ofStudent({ studentId: s.studentId, status })).items.map((f) => f.id);
    expect([await only('completed'), await only('voided'), await only('inProgress')]).toEqual([[form.id], [blank.id], []]);
  });
});

describe('importing a scale definition', () => {
  it('refuses a broken definition with JSON paths, accepts a sound one once per version', async () => {
    s = await counselingSchool();
    const { c } = s;
    const notJson = await rejection(c.scales.import({ json: '{"id":' }));
    expect([notJson.code, notJson.messageKey]).toEqual(['VALIDATION', 'errors.scale.notJson']);

    const unknownCode = demo();
    unknownCode.goldenCases[0]!.answers.q1 = 'zz';
    const e1 = await rejection(c.scales.import({ json: JSON.stringify(unknownCode) }));
    expect(e1.code).toBe('VALIDATION');
    expect(e1.details).toContainEqual({ path: 'goldenCases.0.answers.q1', reason: 'errors.scale.unknownOptionCode', code: 'zz' });

    const failing = demo();
    failing.goldenCases[0]!.expect.scales.total = { raw: 10 };
    const e2 = await rejection(c.scales.import({ json: JSON.stringify(failing) }));
    expect(e2.code).toBe('VALIDATION');
    expect((e2.details as { path: string; reason: string }[]).map((d) => d.reason)).toContain('errors.scale.goldenCaseFailed');
    expect((e2.details as { path: string }[])[0]!.path).toMatch(/^goldenCases\.0/);

    const imported = await c.scales.import({ json: JSON.stringify(demo()) });
    expect(imported).toMatchObject({ id: 'demo', version: demo().version, builtIn: false, importedAt: s.clock.now });
    const twice = await rejection(c.scales.import({ json: JSON.stringify(demo()) }));
    expect([twice.code, twice.messageKey]).toEqual(['CONFLICT', 'errors.scale.versionExists']);
    const overBuiltIn = await rejection(c.scales.import({ json: JSON.stringify({ ...demo(), id: 'phq9' }) }));
    expect([overBuiltIn.code, overBuiltIn.messageKey]).toEqual(['CONFLICT', 'errors.scale.builtInId']);

    const list = (await c.scales.list({})).items;
    expect(list.map((x) => x.id).sort()).toEqual(['demo', 'gad7', 'k6', 'phq9', 'psc17', 'psc17y', 'who5']);
    expect(await c.scales.get({ id: 'demo' })).toMatchObject({ hash: imported.hash, builtIn: false });
  });
});

describe('leaving the kiosk', () => {
  it('checks the counselor’s passphrase without touching the session, throttled and audited like an unlock', async () => {
    s = await counselingSchool();
    const { c } = s;
    expect(await c.auth.verifyPassphrase({ passphrase: TEST_PASSPHRASE })).toEqual({ ok: true });
    for (let i = 0; i < 3; i++) {
      const wrong = await rejection(c.auth.verifyPassphrase({ passphrase: 'not the passphrase' }));
      expect([wrong.code, wrong.messageKey]).toEqual(['AUTH', 'errors.auth.failed']);
    }
    const throttled = await rejection(c.auth.verifyPassphrase({ passphrase: TEST_PASSPHRASE }));
    expect(throttled).toMatchObject({ code: 'AUTH', messageKey: 'errors.auth.throttled', details: { retryAfterMs: 1000 } });
    // The session stays unlocked and usable throughout.
    expect((await c.app.status({})).session).toBe('unlocked');
    s.clock.advanceHours(1 / 3600);
    expect(await c.auth.verifyPassphrase({ passphrase: TEST_PASSPHRASE })).toEqual({ ok: true });
    const rows = (await c.audit.list({ action: 'auth.verifyPassphrase' })).items;
    expect(rows.map((r) => r.outcome)).toEqual(['ok', 'failed', 'failed', 'failed', 'ok']);
  });
});

describe('roles', () => {
  it('answers FORBIDDEN to a principal on every assessment method', async () => {
    s = await counselingSchool();
    const principal = await colleague(s.t, 'principal', 'lixiaozhang');
    const methods = METHOD_NAMES.filter((m) => ['scales', 'assessments', 'alerts'].includes(m.split('.')[0]!));
    // scales ×3; assessments ×10 (start, answer, finish, void, get, ofStudent, rescore, importPreview, importCommit, importTemplate); alerts ×5 (open, get, acknowledge, defer, openCrisisCase).
    expect(methods).toHaveLength(18);
    const call = (m: MethodName) => {
      const [area, verb] = m.split('.') as [string, string];
      return (principal.client as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[area]![verb]!({ studentId: s.studentId });
    };
    for (const m of methods) expect([m, (await rejection(call(m))).code]).toEqual([m, 'FORBIDDEN']);
  });
});
