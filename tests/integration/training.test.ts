import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api/contract';
import { colleague, counselingSchool, rejection, type CounselingSchool } from '../helpers/counseling';

let s: CounselingSchool;
afterEach(async () => s?.t.cleanup());

/** The register: a full-time counseling teacher, a homeroom teacher, a subject teacher. */
async function register() {
  s = await counselingSchool();
  const chen = await s.c.staff.create({ name: '陈心怡', role: 'counselingTeacher', employment: 'fullTime', degree: 'master', psychologyMajor: true, qualification: '心理健康教育C证' });
  const zhou = await s.c.staff.create({ name: '周班主任', role: 'homeroomTeacher' });
  const wu = await s.c.staff.create({ name: '吴老师', role: 'teacher' });
  const event = (extra: Partial<InputOf<'training.save'>>) =>
    s.c.training.save({ title: '心理健康教育培训', scope: 'internal', tier: 'allTeachers', startDate: '2025-03-05', endDate: '2025-03-05', hours: 1, attendeeIds: [], ...extra });
  return { chen, zhou, wu, event };
}

describe('staff register', () => {
  it('keeps 专职/兼职 for counseling teachers only, and deactivated staff out of the default list', async () => {
    const { chen, zhou, wu } = await register();
    expect(chen).toMatchObject({ role: 'counselingTeacher', employment: 'fullTime', degree: 'master', psychologyMajor: true, qualification: '心理健康教育C证', active: true });
    expect(zhou).toMatchObject({ employment: null, degree: null, psychologyMajor: false, qualification: '', active: true });
    const bad = await rejection(s.c.staff.create({ name: '孙老师', role: 'teacher', employment: 'partTime' }));
    expect(bad).toMatchObject({ code: 'VALIDATION', messageKey: 'errors.staff.employmentOnlyCounselors', details: [{ path: 'employment' }] });
    expect((await rejection(s.c.staff.update({ id: chen.id, role: 'leader' }))).details).toEqual([
      { path: 'employment', reason: 'errors.staff.employmentOnlyCounselors' },
    ]);
    expect(await s.c.staff.update({ id: chen.id, role: 'leader', employment: null })).toMatchObject({ role: 'leader', employment: null });

    await s.c.staff.update({ id: wu.id, active: false });
    expect((await s.c.staff.list({})).items.map((x) => x.name)).not.toContain('吴老师');
    expect((await s.c.staff.list({ includeInactive: true })).items.map((x) => x.id)).toContain(wu.id);
    expect((await s.c.audit.list({ action: 'staff.update' })).items[0]!.details).toEqual({ changed: ['active'] });
  });
});

describe('training events and yearly totals', () => {
  it('sums hours exactly per staff member and tier within a calendar year, listing staff without training as 0', async () => {
    const { chen, zhou, wu, event } = await register();
    await event({ tier: 'counselingTeachers', scope: 'external', provider: '区教研室', hours: 1.5, attendeeIds: [chen.id] });
    await event({ tier: 'allTeachers', hours: 3, startDate: '2025-01-01', endDate: '2025-01-02', attendeeIds: [chen.id, zhou.id] });
    await event({ tier: 'counselingTeachers', hours: 0.5, startDate: '2025-12-31', endDate: '2026-01-01', attendeeIds: [chen.id, chen.id] });
    // Belongs to 2024 by its start date.
    await event({ tier: 'homeroomTeachers', hours: 2, startDate: '2024-12-31', endDate: '2025-01-01', attendeeIds: [chen.id, zhou.id] });

    const totals = await s.c.training.totals({ year: 2025 });
    const of = (id: string) => totals.items.find((i) => i.staffId === id);
    expect(of(chen.id)).toEqual({
      staffId: chen.id,
      name: '陈心怡',
      role: 'counselingTeacher',
      employment: 'fullTime',
      hours: 5,
      events: 3,
      byTier: [
        { tier: 'counselingTeachers', hours: 2 },
        { tier: 'homeroomTeachers', hours: 0 },
        { tier: 'allTeachers', hours: 3 },
      ],
    });
    expect(of(zhou.id)).toMatchObject({ hours: 3, events: 1 });
    expect(of(wu.id)).toMatchObject({ hours: 0, events: 0, byTier: [{ hours: 0 }, { hours: 0 }, { hours: 0 }] });
    expect(totals.totalHours).toBe(8);
    expect(await s.c.training.totals({ year: 2024 })).toMatchObject({ totalHours: 4 });
    expect((await s.c.training.list({ year: 2025 })).items.map((e) => e.startDate)).toEqual(['2025-12-31', '2025-03-05', '2025-01-01']);
    const lastYear = (await s.c.training.list({ year: 2024 })).items;
    expect(lastYear).toMatchObject([{ tier: 'homeroomTeachers', hours: 2 }]);
    expect(lastYear[0]!.attendees.map((a) => a.id).sort()).toEqual([chen.id, zhou.id].sort());

    // Tenths add up exactly where floating point drifts (1.1 + 2.2 is 3.3000000000000003).
    await s.c.staff.update({ id: wu.id, active: true });
    await event({ hours: 1.1, attendeeIds: [wu.id] });
    await event({ hours: 2.2, attendeeIds: [wu.id] });
    expect((await s.c.training.totals({ year: 2025 })).items.find((i) => i.staffId === wu.id)!.hours).toBe(3.3);
  });

  it('refuses bad dates, hours and attendees; an inactive member keeps past events and counts for the years they trained', async () => {
    const { chen, zhou, wu, event } = await register();
    const backwards = await rejection(event({ startDate: '2025-03-05', endDate: '2025-03-04' }));
    expect(backwards.details).toEqual([{ path: 'endDate', reason: 'errors.field.endBeforeStart' }]);
    for (const hours of [0.4, 0, 201]) {
      expect((await rejection(event({ hours }))).details, String(hours)).toEqual([expect.objectContaining({ path: 'hours' })]);
    }
    expect((await rejection(event({ hours: 1.25 }))).details).toEqual([expect.objectContaining({ path: 'hours', reason: 'errors.field.oneDecimal' })]);

    const saved = await event({ hours: 2, attendeeIds: [chen.id, wu.id] });
    await s.c.staff.update({ id: wu.id, active: false });
    const refused = await rejection(event({ attendeeIds: [zhou.id, wu.id] }));
    expect(refused).toMatchObject({ code: 'VALIDATION', messageKey: 'errors.training.attendeeUnavailable' });
    expect(refused.details).toEqual([{ path: 'attendeeIds.1', reason: 'errors.training.attendeeUnavailable', id: wu.id }]);
    // Editing the event they attended keeps them on it.
    const { attendees: _kept, ...fields } = saved;
    const edited = await s.c.training.save({ ...fields, hours: 2.5, attendeeIds: [chen.id, wu.id] });
    expect(edited.hours).toBe(2.5);
    expect(edited.attendees.map((a) => a.id).sort()).toEqual([chen.id, wu.id].sort());
    const totals = await s.c.training.totals({ year: 2025 });
    expect(totals.items.find((i) => i.staffId === wu.id)).toMatchObject({ hours: 2.5 });
    expect((await s.c.training.totals({ year: 2026 })).items.map((i) => i.staffId)).not.toContain(wu.id);

    await s.c.training.remove({ id: saved.id, reason: '重复录入' });
    expect((await s.c.training.list({ year: 2025 })).items).toEqual([]);
    expect((await s.c.training.totals({ year: 2025 })).totalHours).toBe(0);
    expect(await rejection(s.c.training.remove({ id: saved.id, reason: '重复录入' }))).toMatchObject({ code: 'NOT_FOUND' });
    const audit = (await s.c.audit.list({ action: 'training.remove' })).items[0]!;
    expect(audit).toMatchObject({ targetType: 'training', targetId: saved.id, details: { attendees: 2 } });
    expect(JSON.stringify(await s.c.audit.list({ pageSize: 200 }))).not.toContain('重复录入');
  });

  it('is open to principals, who keep the register too', async () => {
    const { chen } = await register();
    const principal = (await colleague(s.t, 'principal', 'lixiaozhang')).client;
    const e = await principal.training.save({ title: '班主任心理辅导能力培训', scope: 'external', tier: 'homeroomTeachers', startDate: '2025-03-08', endDate: '2025-03-08', hours: 4, attendeeIds: [chen.id] });
    expect((await principal.training.totals({ year: 2025 })).items.find((i) => i.staffId === chen.id)!.hours).toBe(4);
    expect((await principal.staff.list({})).items).toHaveLength(3);
    expect(e.attendees).toEqual([{ id: chen.id, name: '陈心怡' }]);
  });
});
