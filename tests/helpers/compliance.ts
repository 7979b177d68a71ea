import type { CounselClient } from '../../shared/api/contract';
import { filledDraft, openCase } from './counseling';

/** A 1×1 PNG. */
export const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/**
 * What a counselor enters before a checklist run, through the contract: two school weeks (from
 * Monday 3 March 2025) with a 调休 Saturday following Monday, a lunch-time opening every weekday
 * with someone on duty, a room of each basic zone, one part-time counseling teacher trained this
 * year, and one signed session record of the given student.
 */
export async function seedComplianceSchool(c: CounselClient, studentId: string, opts: { individualArea?: number } = {}) {
  await c.calendar.saveTerm({ name: '三月两周', startDate: '2025-03-03', endDate: '2025-03-14' });
  await c.calendar.saveSpecialDay({ date: '2025-03-08', kind: 'makeupWorkday', followsWeekday: 1, name: '调休' });
  await c.calendar.setPeriods({ periods: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '11:40', label: '上午' })) });
  const individual = await c.rooms.create({ name: '个辅室', zoneType: 'individual', areaM2: opts.individualArea ?? 12, capacity: 3 });
  await c.rooms.create({ name: '团辅室', zoneType: 'group', areaM2: 20, capacity: 20 });
  await c.rooms.create({ name: '接待室', zoneType: 'office', areaM2: 15, capacity: 4 });
  await c.openings.saveSlot({ roomId: individual.id, rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', validFrom: '2025-03-03', start: '12:00', end: '13:00', dutyName: '王老师' });
  const teacher = await c.staff.create({ name: '王老师', role: 'counselingTeacher', employment: 'partTime' });
  await c.training.save({ title: '心理健康教育培训', scope: 'external', tier: 'counselingTeachers', startDate: '2025-03-01', endDate: '2025-03-01', hours: 6, attendeeIds: [teacher.id] });
  const kase = await openCase(c, studentId);
  const draft = await filledDraft(c, kase.id);
  await c.records.sign({ id: draft.id, revision: draft.revision });
  return { individual };
}
