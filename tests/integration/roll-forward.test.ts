import { afterEach, describe, expect, it } from 'vitest';
import type { CounselClient } from '../../shared/api/contract';
import { counselingSchool, openCase, rejection, STUDENT, type CounselingSchool } from '../helpers/counseling';

let s: CounselingSchool;
afterEach(async () => {
  await s?.t.cleanup();
});

let nextNo = 1;
async function addStudents(c: CounselClient, n: number, grade: number, className: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push((await c.students.create({ ...STUDENT, studentNo: `2026${String(nextNo++).padStart(4, '0')}`, name: `学生${nextNo}`, grade, className })).id);
  }
  return ids;
}

async function phq9(c: CounselClient, campaignId: string, studentId: string, codes: string) {
  const form = await c.assessments.start({ studentId, scaleId: 'phq9', mode: 'paper', campaignId });
  for (const [i, code] of [...codes].entries()) await c.assessments.answer({ formId: form.id, itemId: `phq9_${i + 1}`, code });
  return c.assessments.finish({ formId: form.id });
}

/** Every student's 学号, grade, class and status, by 学号. */
async function roster(c: CounselClient) {
  return (await c.students.list({ sort: 'studentNo', pageSize: 200 })).items.map((x) => [x.studentNo, x.grade, x.className, x.status]);
}

/**
 * A school in March (the clock of the helpers: 2025-03-12, mid-term): a closed 初二 screening with a
 * flagged student and his re-screen booked, an open 初一 screening, and a 初三 student with an open case.
 */
async function schoolMidTerm(c: CounselClient, studentId: string) {
  await c.calendar.saveTerm({ name: '2024-2025学年第二学期', startDate: '2025-02-17', endDate: '2025-07-04' });
  const [calm] = await addStudents(c, 1, 8, '3班');
  const junior = await addStudents(c, 2, 7, '1班');
  await addStudents(c, 1, 7, '2班');
  const [leaving] = await addStudents(c, 1, 9, '1班');
  await openCase(c, leaving!);
  const done = await c.campaigns.create({ name: '初二春季普测', scales: [{ scaleId: 'phq9' }], grades: [8], startDate: '2025-03-10', endDate: '2025-03-11' });
  await c.campaigns.setConsent({ id: done.id, entries: [studentId, calm!].map((id) => ({ studentId: id, studentConsent: 'given', guardianConsent: 'given' })) });
  await phq9(c, done.id, studentId, '222222220');
  await phq9(c, done.id, calm!, '000000000');
  const re = await c.campaigns.rescreen({ id: done.id, studentIds: [studentId], name: '初二复测', startDate: '2025-04-10', endDate: '2025-04-12' });
  await c.campaigns.update({ id: done.id, status: 'closed' });
  const open = await c.campaigns.create({ name: '初一普测', scales: [{ scaleId: 'phq9' }], grades: [7], startDate: '2025-03-20', endDate: '2025-03-28' });
  return { done, re, open, calm: calm!, junior, leaving: leaving! };
}

describe('学年升级 warns first', () => {
  it('names the running term, the open screening and re-screen of moving grades and a graduate’s open case; refused without acknowledging, it changes nothing', async () => {
    s = await counselingSchool();
    const { c } = s;
    await schoolMidTerm(c, s.studentId);
    const before = await roster(c);

    const preview = await c.students.rollForwardPreview({});
    expect(preview.warnings).toEqual([
      { kind: 'outsideSummer', label: '2024-2025学年第二学期', date: '2025-07-04', grades: [] },
      { kind: 'rescreen', label: '初二复测', date: '2025-04-10', grades: [8] },
      { kind: 'openCampaign', label: '初一普测', date: '2025-03-28', grades: [7] },
      { kind: 'openCase', label: expect.stringMatching(/^学生/), date: null, grades: [9] },
    ]);
    expect(preview.classes).toEqual([
      { fromGrade: 7, fromClassName: '1班', toGrade: 8, toClassName: '1班', count: 2 },
      { fromGrade: 7, fromClassName: '2班', toGrade: 8, toClassName: '2班', count: 1 },
      { fromGrade: 8, fromClassName: '3班', toGrade: 9, toClassName: '3班', count: 2 },
      { fromGrade: 9, fromClassName: '1班', toGrade: null, toClassName: '1班', count: 1 },
    ]);
    expect(preview.lastRun).toBeNull();

    const refused = await rejection(c.students.rollForward({ token: preview.token }));
    expect([refused.code, refused.messageKey]).toEqual(['CONFLICT', 'errors.rollForward.warnings']);
    expect(await roster(c)).toEqual(before);

    const badRename = await rejection(c.students.rollForwardPreview({ classRenames: [{ grade: 7, className: '5班', toClassName: '1班' }, { grade: 9, className: '1班', toClassName: '2班' }] }));
    expect([badRename.code, badRename.details]).toEqual([
      'VALIDATION',
      [
        { path: 'classRenames.0.className', reason: 'errors.rollForward.unknownClass' },
        { path: 'classRenames.1.className', reason: 'errors.rollForward.graduatingClass' },
      ],
    ]);
    // A preview's token holds for its own renames only.
    const stale = await rejection(c.students.rollForward({ token: preview.token, acknowledgeWarnings: true, classRenames: [{ grade: 7, className: '2班', toClassName: '1班' }] }));
    expect(stale.messageKey).toBe('errors.rollForward.stale');
    expect(await roster(c)).toEqual(before);
  });

  it('in the summer break with nothing open, has nothing to say', async () => {
    s = await counselingSchool();
    const { c, clock } = s;
    await c.calendar.saveTerm({ name: '2024-2025学年第二学期', startDate: '2025-02-17', endDate: '2025-07-04' });
    await c.calendar.saveTerm({ name: '2025-2026学年第一学期', startDate: '2025-09-01', endDate: '2026-01-20' });
    clock.now = Date.UTC(2025, 6, 20, 2, 0);
    await s.later(0);
    expect((await c.students.rollForwardPreview({})).warnings).toEqual([]);
    clock.now = Date.UTC(2026, 0, 30, 2, 0);
    await s.later(0);
    // The winter break lies before a spring term.
    expect((await c.calendar.saveTerm({ name: '2025-2026学年第二学期', startDate: '2026-02-23', endDate: '2026-07-03' })).name).toBe('2025-2026学年第二学期');
    expect((await c.students.rollForwardPreview({})).warnings).toEqual([{ kind: 'outsideSummer', label: '2025-2026学年第二学期', date: null, grades: [] }]);
  });
});

describe('history keeps its grade through a 升级', () => {
  it('leaves a closed screening’s participants, triage and summary in 初二, merges classes as asked, audits the run and reverts every grade and class the same day', async () => {
    s = await counselingSchool();
    const { c } = s;
    const { done, re } = await schoolMidTerm(c, s.studentId);
    const before = await roster(c);
    const summaryBefore = await c.campaigns.summary({ id: done.id });

    const classRenames = [{ grade: 7, className: '2班', toClassName: '1班' }];
    const preview = await c.students.rollForwardPreview({ classRenames });
    expect(preview.classes.filter((k) => k.fromGrade === 7).map((k) => [k.fromClassName, k.toClassName, k.count])).toEqual([
      ['1班', '1班', 2],
      ['2班', '1班', 1],
    ]);
    const ran = await c.students.rollForward({ token: preview.token, classRenames, acknowledgeWarnings: true });
    expect(ran).toMatchObject({ promoted: 5, graduated: 1 });
    expect((await c.students.classes({})).items).toEqual([
      { grade: 8, className: '1班', count: 3 },
      { grade: 9, className: '3班', count: 2 },
    ]);

    const [audit] = (await c.audit.list({ action: 'students.rollForward' })).items;
    expect(audit).toMatchObject({ targetType: 'roster', targetId: ran.id, details: { promoted: 5, graduated: 1, classesRenamed: 1 } });
    expect(audit!.details).toMatchObject({ warnings: ['outsideSummer', 'rescreen', 'openCampaign', 'openCase'] });

    // The screening happened in 初二 3班 and its report stays so; the roster has moved on to 初三.
    expect((await c.students.get({ id: s.studentId })).grade).toBe(9);
    expect((await c.campaigns.get({ id: done.id })).participants.map((p) => [p.grade, p.className])).toEqual([
      [8, '3班'],
      [8, '3班'],
    ]);
    expect((await c.campaigns.triage({ id: done.id })).items.map((e) => [e.grade, e.className])).toEqual([[8, '3班']]);
    expect((await c.campaigns.get({ id: re.id })).participants.map((p) => p.grade)).toEqual([8]);
    const summaryAfter = await c.campaigns.summary({ id: done.id });
    expect(summaryAfter).toEqual(summaryBefore);
    expect(summaryAfter.grades.map((g) => g.grade)).toEqual([8]);

    const last = (await c.students.rollForwardPreview({})).lastRun;
    expect(last).toMatchObject({ id: ran.id, promoted: 5, graduated: 1, revertedAt: null, revertible: true, ranOn: '2025-03-12' });
    const wrong = await rejection(c.students.rollForwardRevert({ id: s.studentId }));
    expect([wrong.code, wrong.messageKey]).toEqual(['CONFLICT', 'errors.rollForward.notRevertible']);

    expect(await c.students.rollForwardRevert({ id: ran.id })).toEqual({ restored: 6 });
    expect(await roster(c)).toEqual(before);
    expect((await c.audit.list({ action: 'students.rollForwardRevert' })).items[0]).toMatchObject({ targetId: ran.id, details: { restored: 6 } });
    expect((await c.students.rollForwardPreview({})).lastRun).toMatchObject({ id: ran.id, revertible: false, revertedAt: expect.any(Number) });
    const again = await rejection(c.students.rollForwardRevert({ id: ran.id }));
    expect(again.messageKey).toBe('errors.rollForward.notRevertible');
  });

  it('cannot be reverted on a later day, nor once a student it moved has been moved by hand', async () => {
    s = await counselingSchool();
    const { c } = s;
    const [moved] = await addStudents(c, 2, 7, '1班');
    const run = async () => {
      const p = await c.students.rollForwardPreview({});
      return c.students.rollForward({ token: p.token, acknowledgeWarnings: true });
    };
    const first = await run();
    await c.students.update({ id: moved!, className: '4班' });
    expect((await c.students.rollForwardPreview({})).lastRun).toMatchObject({ id: first.id, revertible: false });
    expect((await rejection(c.students.rollForwardRevert({ id: first.id }))).messageKey).toBe('errors.rollForward.notRevertible');

    await c.students.update({ id: moved!, className: '1班' });
    await s.later(24);
    expect((await c.students.rollForwardPreview({})).lastRun).toMatchObject({ id: first.id, revertible: false });
    const second = await run();
    expect((await c.students.rollForwardPreview({})).lastRun).toMatchObject({ id: second.id, revertible: true });
    expect((await rejection(c.students.rollForwardRevert({ id: first.id }))).messageKey).toBe('errors.rollForward.notRevertible');
  });
});

describe('the preview in pages', () => {
  it('sends one page of the students with the totals of the whole plan; every page carries the same token, and the commit moves everyone', async () => {
    s = await counselingSchool();
    const { c } = s;
    await addStudents(c, 12, 7, '1班');
    await addStudents(c, 9, 9, '2班');
    // The school's own student (初二) makes 22 active students: 13 promoted, 9 graduating.
    const first = await c.students.rollForwardPreview({ pageSize: 10 });
    expect(first).toMatchObject({ promoted: 13, graduated: 9, total: 22, page: 1, pageSize: 10 });
    expect(first.changes).toHaveLength(10);
    expect(first.classes.map((k) => [k.fromGrade, k.fromClassName, k.count])).toEqual([
      [7, '1班', 12],
      [8, '3班', 1],
      [9, '2班', 9],
    ]);
    const second = await c.students.rollForwardPreview({ page: 2, pageSize: 10 });
    const third = await c.students.rollForwardPreview({ page: 3, pageSize: 10 });
    expect(third.changes).toHaveLength(2);
    expect((await c.students.rollForwardPreview({ page: 4, pageSize: 10 })).changes).toEqual([]);
    expect([second.token, third.token]).toEqual([first.token, first.token]);

    // The pages, one after another, are the whole plan in class order, each student once.
    const all = [...first.changes, ...second.changes, ...third.changes];
    expect(new Set(all.map((x) => x.id)).size).toBe(22);
    expect(all.map((x) => x.fromGrade)).toEqual([...Array(12).fill(7), 8, ...Array(9).fill(9)]);
    expect(all.filter((x) => x.toStatus === 'graduated')).toHaveLength(9);
    expect((await c.students.rollForwardPreview({ pageSize: 200 })).changes).toEqual(all);

    // The token of the last page applies the whole plan, not a page of it.
    expect(await c.students.rollForward({ token: third.token, acknowledgeWarnings: true })).toMatchObject({ promoted: 13, graduated: 9 });
    expect((await c.students.rollForwardPreview({})).total).toBe(13);
  });

  it('serves no page from a plan the roster has left: a student moved, added or removed between two pages shows on the next', async () => {
    s = await counselingSchool();
    const { c } = s;
    const [first, second] = await addStudents(c, 3, 7, '1班');
    const before = await c.students.rollForwardPreview({ pageSize: 2 });
    expect((await c.students.rollForwardPreview({ page: 2, pageSize: 2 })).token).toBe(before.token);

    await c.students.update({ id: first!, className: '2班' });
    const moved = await c.students.rollForwardPreview({ pageSize: 200 });
    expect(moved.token).not.toBe(before.token);
    expect(moved.changes.find((x) => x.id === first)).toMatchObject({ fromClassName: '2班', toClassName: '2班', toGrade: 8 });
    expect(moved.classes.map((k) => [k.fromGrade, k.fromClassName, k.count])).toEqual([[7, '1班', 2], [7, '2班', 1], [8, '3班', 1]]);

    const [added] = await addStudents(c, 1, 9, '1班');
    const grown = await c.students.rollForwardPreview({ page: 3, pageSize: 2 });
    expect(grown).toMatchObject({ total: 5, promoted: 4, graduated: 1 });
    expect(grown.changes.map((x) => x.id)).toEqual([added]);

    await c.students.remove({ id: second!, reason: '录入错误' });
    const shrunk = await c.students.rollForwardPreview({ pageSize: 200 });
    expect(shrunk.total).toBe(4);
    expect(shrunk.changes.map((x) => x.id)).not.toContain(second);
    // The plan after the changes is the one the apply step checks against: its token applies.
    expect(await c.students.rollForward({ token: shrunk.token, acknowledgeWarnings: true })).toMatchObject({ promoted: 3, graduated: 1 });
  });

  it('pages through one plan in class order, each page a slice of the whole, whatever renames are asked', async () => {
    s = await counselingSchool();
    const { c } = s;
    await addStudents(c, 7, 7, '1班');
    await addStudents(c, 5, 7, '2班');
    for (const classRenames of [[], [{ grade: 7, className: '2班', toClassName: '1班' }], []]) {
      const whole = await c.students.rollForwardPreview({ classRenames, pageSize: 200 });
      const pages = await Promise.all([1, 2, 3].map((page) => c.students.rollForwardPreview({ classRenames, page, pageSize: 5 })));
      expect(pages.flatMap((p) => p.changes)).toEqual(whole.changes);
      for (const p of pages) expect([p.token, p.total, p.promoted, p.graduated, p.classes]).toEqual([whole.token, whole.total, whole.promoted, whole.graduated, whole.classes]);
      expect(whole.changes.filter((x) => x.fromClassName === '2班').map((x) => x.toClassName)).toEqual(Array(5).fill(classRenames.length > 0 ? '1班' : '2班'));
    }
  });

  it('refuses a page size out of range, naming the field', async () => {
    s = await counselingSchool();
    for (const [input, path] of [
      [{ pageSize: 0 }, 'pageSize'],
      [{ pageSize: 201 }, 'pageSize'],
      [{ page: 0 }, 'page'],
    ] as const) {
      const err = await rejection(s.c.students.rollForwardPreview(input));
      expect(err.code).toBe('VALIDATION');
      expect(err.details).toEqual([expect.objectContaining({ path })]);
    }
  });
});
