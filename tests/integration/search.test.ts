import { afterEach, describe, expect, it } from 'vitest';
import { CounselError } from '../../shared/api/errors';
import type { SearchHit } from '../../shared/api/search';
import { counselingSchool, FILLED, openCase, rejection, STUDENT, type CounselingSchool } from '../helpers/counseling';

let s: CounselingSchool;
afterEach(async () => s?.t.cleanup());

const marked = (h: SearchHit) => h.snippet.highlights.map(([a, b]) => h.snippet.text.slice(a, b));

/** A school with notes written the way counselors write them. */
async function notes() {
  s = await counselingSchool();
  const { c } = s;
  const other = await c.students.create({ ...STUDENT, studentNo: '20240102', name: '李小红' });
  const kase = await openCase(c, s.studentId);
  const otherCase = await openCase(c, other.id);
  const note = async (caseId: string, sessionDate: string, mainProblem: string, extra: Record<string, string> = {}) =>
    c.records.saveDraft({ caseId, sessionDate, ...FILLED, mainProblem, currentState: '见主要问题。', followUpActions: '', ...extra });
  const ids = {
    anxiousOften: await note(kase.id, '2025-03-01', '考试焦虑明显，焦虑时心跳加快，焦虑影响睡眠。'),
    anxiousOnce: await note(otherCase.id, '2025-03-05', '近期有些焦虑，同伴关系紧张。'),
    anxiousNewer: await note(kase.id, '2025-03-08', '近期有些焦虑，同伴关系紧张。'),
    insomnia: await note(kase.id, '2025-03-02', '入睡困难，失眠两周。', { plan: '睡前放松训练。' }),
    lowMood: await note(otherCase.id, '2025-03-03', '情绪低落，兴趣减退，注意力不集中。', { analysis: 'PHQ-9 得分 14，提示中度抑郁情绪。' }),
    splitMood: await note(otherCase.id, '2025-03-04', '情绪，低落的是成绩而非心情。'),
    crush: await note(kase.id, '2025-03-06', '与同班同学早恋，担心被家长发现。'),
    html: await note(kase.id, '2025-03-07', '<img src=x onerror=alert(1)> 作业压力大'),
  };
  return { c, kase, other, ids };
}

describe('full-text search over notes (Chinese bigrams)', () => {
  it('finds two-character words, best match first, newer first on a tie, with the match highlighted', async () => {
    const { c, ids } = await notes();
    const r = await c.search.notes({ query: '焦虑' });
    expect(r.total).toBe(3);
    expect(r.items.map((h) => h.id)).toEqual([ids.anxiousOften.id, ids.anxiousNewer.id, ids.anxiousOnce.id]);
    expect(r.items[0]).toMatchObject({ source: 'record', recordId: ids.anxiousOften.id, studentId: s.studentId, clientLabel: '张三明', date: '2025-03-01', signed: false });
    expect(marked(r.items[0]!)).toEqual(['焦虑', '焦虑', '焦虑']);
    expect(r.items[2]!.clientLabel).toBe('李小红');

    for (const [query, id] of [
      ['失眠', ids.insomnia.id],
      ['早恋', ids.crush.id],
    ] as const) {
      const hit = await c.search.notes({ query });
      expect(hit.items.map((h) => h.id), query).toEqual([id]);
      expect(marked(hit.items[0]!)).toEqual([query]);
    }
  });

  it('matches longer words as written: 情绪低落 and 注意力, not characters scattered across punctuation', async () => {
    const { c, ids } = await notes();
    const low = await c.search.notes({ query: '情绪低落' });
    expect(low.items.map((h) => h.id)).toEqual([ids.lowMood.id]);
    expect(marked(low.items[0]!)).toEqual(['情绪低落']);
    expect((await c.search.notes({ query: '注意力' })).items.map((h) => h.id)).toEqual([ids.lowMood.id]);
    // Both words, anywhere: the split note matches "情绪 低落" but not "情绪低落".
    expect((await c.search.notes({ query: '情绪 低落' })).items.map((h) => h.id).sort()).toEqual([ids.lowMood.id, ids.splitMood.id].sort());
  });

  it('mixes Chinese and English words, case-insensitively, full-width too', async () => {
    const { c, ids } = await notes();
    const mixed = await c.search.notes({ query: 'PHQ 抑郁' });
    expect(mixed.items.map((h) => h.id)).toEqual([ids.lowMood.id]);
    expect(marked(mixed.items[0]!)).toEqual(['PHQ', '抑郁']);
    expect((await c.search.notes({ query: 'phq-9' })).total).toBe(1);
    expect((await c.search.notes({ query: 'ＰＨＱ９' })).total).toBe(1);
    expect((await c.search.notes({ query: 'PHQ 焦虑' })).total).toBe(0);
  });

  it('treats quotes, operators and punctuation as text: a result or a VALIDATION, never INTERNAL', async () => {
    const { c, ids } = await notes();
    const hostile = ['"焦虑', '焦虑"', '“焦虑”', '焦虑*', '(焦虑)', '-焦虑', '^焦虑', 'body:焦虑', '焦虑 OR', 'NOT 焦虑', '""', "'", '\\', '%', '_', '{焦虑}', '焦虑 NEAR/2 失眠', '\u0301', '😀'];
    for (const query of hostile) {
      const r = await c.search.notes({ query }).catch((e: unknown) => e);
      if (r instanceof CounselError) expect([query, r.code]).toEqual([query, 'VALIDATION']);
      else expect((r as { total: number }).total, query).toBeGreaterThanOrEqual(0);
    }
    expect((await c.search.notes({ query: '焦虑*' })).total).toBe(3);
    expect((await c.search.notes({ query: '"焦虑' })).total).toBe(3);
    expect((await c.search.notes({ query: 'AND OR' })).total).toBe(0);
    expect((await c.search.notes({ query: 'NEAR(焦虑 失眠)' })).total).toBe(0);
    expect((await c.search.notes({ query: `'); DROP TABLE notes_fts; --` })).total).toBe(0);
    expect((await c.search.notes({ query: '焦虑' })).total).toBe(3);

    expect(await rejection(c.search.notes({ query: '焦' }))).toMatchObject({ code: 'VALIDATION', details: [{ path: 'query', reason: 'errors.search.singleCharacter' }] });
    expect(await rejection(c.search.notes({ query: '“”*()' }))).toMatchObject({ code: 'VALIDATION', details: [{ path: 'query', reason: 'errors.search.noTerms' }] });
    expect((await rejection(c.search.notes({ query: '焦'.repeat(101) }))).details).toEqual([expect.objectContaining({ path: 'query', maximum: 100 })]);

    // A note holding markup comes back as plain text for the UI to show as text.
    const html = await c.search.notes({ query: '作业压力' });
    expect(html.items[0]!.id).toBe(ids.html.id);
    expect(html.items[0]!.snippet.text).toContain('onerror=alert(1)> 作业压力大');
    expect(marked(html.items[0]!)).toEqual(['作业压力']);
  });

  it('keeps the index in step with every write: drafts, addenda, contacts, removals', async () => {
    const { c, kase, ids } = await notes();
    await c.records.saveDraft({ id: ids.crush.id, revision: ids.crush.revision, mainProblem: '与同学交往过密，家长担心。' });
    expect((await c.search.notes({ query: '早恋' })).total).toBe(0);
    expect((await c.search.notes({ query: '交往过密' })).items.map((h) => h.id)).toEqual([ids.crush.id]);

    const signed = await c.records.sign({ id: ids.insomnia.id, revision: ids.insomnia.revision });
    const addendum = await c.records.addAddendum({ recordId: signed.id, text: '补充：已建议就医排查失眠原因。' });
    const sleep = await c.search.notes({ query: '失眠' });
    expect(sleep.items.map((h) => [h.source, h.id, h.recordId, h.signed])).toEqual(
      expect.arrayContaining([
        ['record', signed.id, signed.id, true],
        ['addendum', addendum.id, signed.id, null],
      ]),
    );

    const contact = await c.contacts.create({ studentId: s.studentId, caseId: kase.id, contactDate: '2025-03-10', withKind: 'guardian', channel: 'wechat', summary: '微信告知家长孩子近期失眠。' });
    expect((await c.search.notes({ query: '微信告知' })).items).toEqual([
      expect.objectContaining({ source: 'contact', id: contact.id, recordId: null, caseId: kase.id, clientLabel: '张三明', date: '2025-03-10' }),
    ]);
    await c.contacts.update({ id: contact.id, summary: '电话沟通。' });
    expect((await c.search.notes({ query: '微信告知' })).total).toBe(0);
    await c.contacts.remove({ id: contact.id, reason: '重复' });
    expect((await c.search.notes({ query: '电话沟通' })).total).toBe(0);
    await c.records.remove({ id: ids.anxiousNewer.id, reason: '重复' });
    expect((await c.search.notes({ query: '焦虑' })).total).toBe(2);
  });

  it('pages results and records the search in the audit log without the query', async () => {
    const { c } = await notes();
    const first = await c.search.notes({ query: '焦虑', pageSize: 2 });
    const second = await c.search.notes({ query: '焦虑', pageSize: 2, page: 2 });
    expect([first.items.length, second.items.length, second.total]).toEqual([2, 1, 3]);
    const rows = (await c.audit.list({ action: 'search.notes' })).items;
    expect(rows[0]).toMatchObject({ targetType: null, details: { page: 2, total: 3 } });
    expect(JSON.stringify(rows)).not.toContain('焦虑');
  });
});
