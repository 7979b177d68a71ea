import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { PNG_1PX } from './compliance';
import { colleague, counselingSchool, filledDraft, openCase, STUDENT, type CounselingSchool } from './counseling';
import { openRaw } from './raw-db';
import { openRoom } from './schedule';
import { completePhq9, consentToTesting, phq9Codes } from './screening';

type Colleague = Awaited<ReturnType<typeof colleague>>;

/** The students of the seeded school: their names and 学号 must never reach a principal. */
export const SEEDED_STUDENTS = [
  { ...STUDENT },
  { ...STUDENT, studentNo: '20240102', name: '李小红', sex: 'F' as const },
  { ...STUDENT, studentNo: '20240103', name: '王晓东', className: '4班' },
  { ...STUDENT, studentNo: '20240104', name: '赵欣然', sex: 'F' as const, grade: 9, className: '1班' },
  { ...STUDENT, studentNo: '20240105', name: '刘子涵', grade: 7, className: '2班' },
  { ...STUDENT, studentNo: '20240106', name: '陈思远', grade: 7, className: '2班' },
];

export interface SeededSchool extends CounselingSchool {
  studentIds: string[];
  principal: Colleague;
  /** A second counselor, so transfers and leader lists have someone to name. */
  counselor2: Colleague;
  /** A read-write outsider's connection to the archive (as SQLCipher tools would open it). */
  raw: Database.Database;
}

/**
 * A school with a little of everything, all through the contract: students in several classes,
 * a case with a signed record, a draft, a contact and consents, a room with opening hours and an
 * appointment, a group program with a session, staff and training, a finished PHQ-9 that raised an
 * alert, and a screening campaign.
 */
export async function seededSchool(): Promise<SeededSchool> {
  const s = await counselingSchool();
  const { c } = s;
  const studentIds = [s.studentId];
  for (const st of SEEDED_STUDENTS.slice(1)) studentIds.push((await c.students.create(st)).id);
  const principal = await colleague(s.t, 'principal', 'lixiaozhang');
  const counselor2 = await colleague(s.t, 'counselor', 'zhaolaoshi');

  const kase = await openCase(c, s.studentId);
  const signed = await filledDraft(c, kase.id, { sessionDate: '2025-03-10' });
  await c.records.sign({ id: signed.id, revision: signed.revision });
  await filledDraft(c, kase.id);
  await c.contacts.create({
    studentId: s.studentId,
    caseId: kase.id,
    contactDate: '2025-03-11',
    withKind: 'guardian',
    withLabel: '母亲',
    channel: 'phone',
    summary: '母亲反映孩子近期睡眠不好。',
  });
  await openCase(c, studentIds[1]!, { categories: ['relationships'] });

  const { room } = await openRoom(c);
  await c.appointments.create({ studentId: studentIds[2]!, roomId: room.id, date: '2025-03-12', start: '14:00', end: '14:50', kind: 'individual', source: 'selfReferral' });
  await c.waitlist.add({ studentId: studentIds[3]!, source: 'mailbox', preference: '周三下午' });

  const program = await c.groups.create({
    theme: '考前减压团体辅导',
    kind: 'groupCounseling',
    targetKind: 'class',
    targetClasses: [{ grade: 8, className: '3班' }],
    named: true,
    leaderIds: [s.me],
    plannedSessions: 6,
    startDate: '2025-03-01',
    endDate: '2025-05-31',
  });
  await c.groups.addMembers({ id: program.id, studentIds: studentIds.slice(0, 3), joinedOn: '2025-03-01' });
  await c.groups.saveSession({ programId: program.id, date: '2025-03-10', start: '15:00', end: '15:45' });

  const staff = await c.staff.create({ name: '陈心怡', role: 'counselingTeacher', employment: 'fullTime', degree: 'master', psychologyMajor: true });
  await c.training.save({ title: '心理健康教育培训', scope: 'internal', tier: 'allTeachers', startDate: '2025-03-05', endDate: '2025-03-05', hours: 2, attendeeIds: [staff.id] });

  await consentToTesting(c, studentIds[4]!);
  await completePhq9(c, { studentId: studentIds[4]! }, phq9Codes(20, 2));
  await c.campaigns.create({ name: '2025春季心理普测', scales: [{ scaleId: 'phq9' }], grades: [8], startDate: '2025-03-10', endDate: '2025-03-21' });

  // A crisis case and two checklist runs, one with a photo: a principal's crisis counts and
  // compliance answers are read from real rows, not from an empty archive.
  await c.crisis.open({ studentId: studentIds[5]!, source: 'teacher', tier: 'orange', reason: '班主任反映情绪低落' });
  const run = await principal.client.compliance.start({ packId: 'national-2015' });
  await principal.client.compliance.addEvidence({ runId: run.id, itemId: 'SITE-01', fileName: '照片.png', mime: 'image/png', dataBase64: PNG_1PX });
  await principal.client.compliance.start({ packId: 'gansu-c-primary' });

  const { rawKeyHex } = await c.key.exportRaw({ recoveryKey: s.recoveryKey });
  const raw = openRaw(join(s.t.dataDir, 'counselroom.db'), rawKeyHex);
  return { ...s, studentIds, principal, counselor2, raw };
}
