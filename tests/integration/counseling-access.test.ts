import { afterEach, describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import { colleague, counselingSchool, filledDraft, FILLED, openCase, rejection, type CounselingSchool } from '../helpers/counseling';

let s: CounselingSchool;
afterEach(async () => s?.t.cleanup());

const COUNSELING_AREAS = ['cases', 'records', 'contacts', 'consents', 'archive', 'caseload', 'search', 'trash'];
const counselingMethods = METHOD_NAMES.filter((m) => COUNSELING_AREAS.includes(m.split('.')[0]!));

describe('roles', () => {
  it('answers FORBIDDEN to a principal on every clinical method, before looking at the input, and audits the denial', async () => {
    s = await counselingSchool();
    const kase = await openCase(s.c, s.studentId);
    const principal = await colleague(s.t, 'principal', 'lixiaozhang');
    const clinical = counselingMethods.filter((m) => m !== 'cases.summary');
    expect(clinical).toHaveLength(28);
    const call = (m: MethodName, input: unknown) => {
      const [area, verb] = m.split('.') as [string, string];
      return (principal.client as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[area]![verb]!(input);
    };
    for (const m of clinical) {
      // A real id and a nonsense input alike: the answer is the same, and says nothing more.
      for (const input of [{ id: kase.id, studentId: s.studentId, caseId: kase.id, query: '焦虑' }, { bogus: 1 }]) {
        const e = await rejection(call(m, input));
        expect([m, e.code, e.messageKey, e.details]).toEqual([m, 'FORBIDDEN', 'errors.forbidden', undefined]);
      }
    }
    const denied = (await s.c.audit.list({ userId: principal.id, pageSize: 200 })).items.filter((r) => r.outcome === 'denied');
    expect(new Set(denied.map((r) => r.action))).toEqual(new Set(clinical));
    // One case: a count under five is withheld from a principal.
    expect((await principal.client.cases.summary({})).total).toBeNull();
  });

  it('declares every counseling method counselor-only except the de-identified summary', () => {
    for (const m of counselingMethods) {
      expect([m, [...contract[m].roles]]).toEqual([m, m === 'cases.summary' ? ['counselor', 'principal'] : ['counselor']]);
    }
  });
});

describe('the audit log of counseling work', () => {
  it('records every write and every opening of clinical material, with ids and field names but never a name or clinical text', async () => {
    s = await counselingSchool();
    const { c, studentId } = s;
    const zhao = await colleague(s.t, 'counselor', 'zhaolaoshi');
    const secrets = ['张三明', '张大山', ...Object.values(FILLED).filter((v): v is string => typeof v === 'string' && v !== '')];
    const kase = await openCase(c, studentId, { goals: '目标：减轻焦虑', sourceNote: '班主任转介' });
    secrets.push('目标：减轻焦虑', '班主任转介');
    const d = await filledDraft(c, kase.id, { riskOfHarm: 'self' });
    await c.records.saveDraft({ id: d.id, revision: d.revision, mainProblem: '有自伤念头，需告知家长。' });
    secrets.push('有自伤念头，需告知家长。');
    await c.records.addDisclosure({ recordId: d.id, informedKind: 'guardian', informedLabel: '母亲王芳', informedAt: s.clock.now, channel: 'phone', note: '母亲表示会陪伴' });
    secrets.push('母亲王芳', '母亲表示会陪伴');
    await c.records.sign({ id: d.id, revision: d.revision + 1 });
    await c.records.addAddendum({ recordId: d.id, text: '补充：母亲当晚已带去医院。' });
    secrets.push('补充：母亲当晚已带去医院。');
    await c.records.get({ id: d.id });
    await c.cases.get({ id: kase.id });
    await c.cases.update({ id: kase.id, goals: '保障安全' });
    secrets.push('保障安全');
    await c.cases.transfer({ id: kase.id, toCounselorId: zhao.id, reason: '王老师休产假' });
    secrets.push('王老师休产假');
    const contact = await c.contacts.create({ studentId, contactDate: '2025-03-12', withKind: 'guardian', withLabel: '父亲张大山', channel: 'phone', summary: '告知父亲孩子情绪波动。', agreedActions: '父亲每晚陪伴。' });
    secrets.push('父亲张大山', '告知父亲孩子情绪波动。', '父亲每晚陪伴。');
    await c.contacts.get({ id: contact.id });
    await c.contacts.remove({ id: contact.id, reason: '误录为张三明' });
    await c.consents.record({ studentId, scope: 'testing', party: 'guardian', outcome: 'declined', date: '2025-03-12', form: 'verbal', note: '家长拒绝测评' });
    secrets.push('家长拒绝测评');
    await c.archive.timeline({ studentId });
    await c.search.notes({ query: '自伤念头' });
    secrets.push('自伤念头');
    const draft = await c.records.saveDraft({ caseId: kase.id, plan: '草稿内容' });
    secrets.push('草稿内容');
    await c.records.remove({ id: draft.id, reason: '草稿作废' });
    await zhao.client.cases.close({ id: kase.id, closingSummary: '安全计划执行中，结案。' });
    secrets.push('安全计划执行中，结案。');

    const rows = (await c.audit.list({ pageSize: 200 })).items;
    const actions = new Set(rows.map((r) => r.action));
    for (const m of [
      'cases.open', 'cases.get', 'cases.update', 'cases.transfer', 'cases.close', 'records.saveDraft', 'records.addDisclosure', 'records.sign',
      'records.addAddendum', 'records.get', 'records.remove', 'contacts.create', 'contacts.get', 'contacts.remove', 'consents.record',
      'archive.timeline', 'search.notes',
    ]) {
      expect(actions.has(m), m).toBe(true);
    }
    const text = JSON.stringify(rows);
    for (const secret of secrets) expect(text, secret).not.toContain(secret);
    expect(rows.find((r) => r.action === 'records.saveDraft' && r.targetId === d.id && r.details?.revision === d.revision + 1)?.details).toEqual({
      caseId: kase.id,
      revision: d.revision + 1,
      changed: ['mainProblem'],
    });
    expect(await c.audit.verify({})).toMatchObject({ ok: true });
  });
});
