import type { CounselClient } from '../../shared/api/contract';
import type { EntryInput } from '../../shared/api/crisis';
import type { CrisisStep } from '../../shared/domain/crisis';
import { addDays, schoolDay } from './dates';

interface Student {
  id: string;
  grade: number;
  className: string;
}

/**
 * Crisis cases spread over the six steps (评估 → 结对 → 干预 → 同伴 → 家庭 → 转介), each written
 * as a counselor would, step by step: one still at the assessment, one paired with a teacher, one
 * with an intervention plan and a booked talk, one with a peer supporter, one referred to hospital
 * with the family informed, one back at school and monitored, one closed. If the newest screening
 * raised a critical alert, the first case is opened from it, as the alert screen does.
 */
export async function crisisCases(c: CounselClient, students: Student[], classmates: (s: Student) => Student | undefined, today: string, criticalAlert: string | undefined, room: string): Promise<number> {
  const me = (await c.app.status({})).user!.id;
  const partner = await c.referralPartners.save({ name: '示例市精神卫生中心', department: '儿童青少年心理科', contact: '0000-00000000', agreementOnFile: true, agreementNote: '绿色通道协议（演示）' });
  const day = (n: number) => addDays(today, -n);
  const open = async (st: Student, tier: 'red' | 'orange' | 'yellow', source: 'teacher' | 'selfReport' | 'guardian' | 'peer' | 'session', reason: string, daysAgo: number) =>
    (await c.crisis.open({ studentId: st.id, source, tier, reason, openedOn: day(daysAgo) })).caseId;
  const write = (caseId: string, entry: EntryInput) => c.crisis.addEntry({ caseId, entry });
  const done = async (caseId: string, ...steps: CrisisStep[]) => {
    for (const step of steps) await c.crisis.updateStep({ caseId, step, state: 'done' });
  };
  const assessed = (caseId: string, date: string) => write(caseId, { kind: 'note', step: 'assess', date, text: '初步评估：情绪低落两周以上，有消极想法但无具体计划，已告知保密例外。' });
  const paired = async (caseId: string, date: string) => {
    await write(caseId, { kind: 'pairing', date, teacherName: '周老师', teacherRole: '班主任', contact: '' });
    await write(caseId, { kind: 'checkIn', date, channel: 'inPerson', observed: '课间主动与同学交流，午饭正常。', concerns: '' });
  };
  /** Assessed, paired, planned and the family told, a day apart from `at` days ago. */
  const upToFamily = async (caseId: string, at: number, plan: { goals: string; actions: string; frequency: string }, notice: { who: string; channel: 'phone' | 'inPerson'; response: string }) => {
    await assessed(caseId, day(at));
    await paired(caseId, day(at - 1));
    await write(caseId, { kind: 'plan', date: day(at - 1), ...plan });
    await write(caseId, { kind: 'guardianNotice', date: day(at - 2), ...notice });
  };
  /** The counselor's plan for the steps still open: new due dates on the coming school days (a case left alone would be all overdue). */
  const planAhead = async (caseId: string, from: number) => {
    const open = (await c.crisis.get({ caseId })).steps.filter((s) => s.state === 'open');
    for (const [k, s] of open.entries()) await c.crisis.updateStep({ caseId, step: s.step, dueOn: schoolDay(addDays(today, from + 2 * k)), reason: '按干预计划调整' });
  };
  const [s1, s2, s3, s4, s5, s6, s7] = students;
  let cases = 0;

  // 1. Just raised: the assessment is the open step.
  if (criticalAlert) await c.alerts.openCrisisCase({ id: criticalAlert, note: '普测 PHQ-9 第 9 题阳性，当天面谈。' });
  else await open(s1!, 'red', 'session', '个别辅导中学生表达消极想法', 1);
  cases++;

  // 2. Paired with the homeroom teacher.
  const c2 = await open(s2!, 'orange', 'teacher', '班主任发现学生情绪持续低落，作业频繁未交', 6);
  await assessed(c2, day(6));
  await done(c2, 'assess');
  await paired(c2, day(5));
  cases++;

  // 3. An intervention plan and a talk booked for tomorrow.
  const c3 = await open(s3!, 'red', 'selfReport', '学生主动求助，自述有自伤念头', 10);
  await assessed(c3, day(10));
  await paired(c3, day(9));
  await done(c3, 'assess', 'pairing');
  await write(c3, { kind: 'plan', date: day(8), goals: '保障安全，稳定情绪，恢复作息。', actions: '每周两次个别辅导；班主任每日关注；签订安全约定。', frequency: '每周两次' });
  const talk = (await c.appointments.create({ studentId: s3!.id, counselorId: me, roomId: room, date: addDays(today, 1), start: '12:10', end: '12:50', kind: 'individual', source: 'crisis', overrideOpening: true })).items[0]!;
  await write(c3, { kind: 'appointmentLink', date: day(0), appointmentId: talk.id });
  await planAhead(c3, 1);
  cases++;

  // 4. A peer supporter of the class keeps an eye on the student.
  const c4 = await open(s4!, 'orange', 'peer', '心理委员反映同学近期常独处、哭泣', 20);
  await assessed(c4, day(20));
  await paired(c4, day(19));
  await write(c4, { kind: 'plan', date: day(18), goals: '改善同伴关系，减少孤立感。', actions: '每周一次个别辅导，同伴陪伴。', frequency: '每周一次' });
  await done(c4, 'assess', 'pairing', 'intervention');
  const mate = classmates(s4!);
  if (mate) {
    const peer = await c.peerSupporters.save({ studentId: mate.id, since: day(60) });
    await write(c4, { kind: 'peerAssigned', date: day(17), peerId: peer.id });
    await write(c4, { kind: 'peerReport', date: day(3), peerId: peer.id, report: '这周一起吃午饭，话比之前多了一些。' });
  } else {
    await c.crisis.updateStep({ caseId: c4, step: 'peer', state: 'notApplicable', reason: '班级暂无心理委员' });
  }
  await planAhead(c4, 0);
  cases++;

  // 5. The family informed and the student referred to hospital, feedback received.
  const c5 = await open(s5!, 'red', 'guardian', '家长来电反映孩子在家有自伤行为', 40);
  await upToFamily(c5, 40, { goals: '保障安全，尽快转介专业机构。', actions: '陪同就医，班主任每日关注。', frequency: '每日' }, { who: '母亲', channel: 'phone', response: '家长表示理解并愿意配合就医' });
  await write(c5, { kind: 'meeting', date: day(38), attendees: '心理教师、班主任、德育主任、学生父母', notes: '商定就医与在校安全安排。' });
  await write(c5, { kind: 'informedNotice', date: day(38), outcome: 'signed' });
  await done(c5, 'assess', 'pairing', 'intervention', 'family');
  await c.crisis.updateStep({ caseId: c5, step: 'peer', state: 'notApplicable', reason: '家长希望暂不告知同学' });
  const referred = await write(c5, { kind: 'referral', date: day(37), partnerId: partner.id, reason: '存在自伤行为，需专业评估。' });
  const referral = referred.entries.find((e) => e.kind === 'referral')!;
  await write(c5, { kind: 'receipt', date: day(35), referralId: referral.id });
  await write(c5, { kind: 'feedback', date: day(20), referralId: referral.id, words: '医院反馈：已就诊，建议门诊随访，可在支持下继续上学。' });
  await c.crisis.addReview({ caseId: c5, date: day(14), attendees: '心理教师、班主任、德育主任', decision: '维持红色等级，待返校评估。', nextReviewOn: addDays(today, 7) });
  await planAhead(c5, 3);
  cases++;

  // 6. Back at school with support: monitored, no longer open.
  const c6 = await open(s6!, 'yellow', 'session', '学生因学业压力情绪波动较大', 70);
  await upToFamily(c6, 70, { goals: '缓解压力，建立规律作息。', actions: '每两周一次个别辅导。', frequency: '每两周一次' }, { who: '父亲', channel: 'inPerson', response: '家长愿意减少课外补习' });
  await done(c6, 'assess', 'pairing', 'intervention', 'family');
  await c.crisis.updateStep({ caseId: c6, step: 'peer', state: 'notApplicable', reason: '学生不希望同学知情' });
  await write(c6, { kind: 'returnReview', date: day(30), decision: 'returnsWithSupport', followUpPlan: '每月随访一次，期末前复评。' });
  await c.crisis.setStatus({ caseId: c6, status: 'monitoring', reason: '状态稳定，转为观察' });
  cases++;

  // 7. Closed after a review meeting.
  const c7 = await open(s7!, 'yellow', 'teacher', '与同学冲突后情绪激动', 120);
  await assessed(c7, day(120));
  await paired(c7, day(119));
  await done(c7, 'assess', 'pairing');
  await c.crisis.addReview({ caseId: c7, date: day(90), attendees: '心理教师、班主任', decision: '危机解除，结案并转为常规关注。', nextReviewOn: null });
  const still = ['intervention', 'peer', 'family', 'referral'] as const;
  await c.crisis.close({ caseId: c7, reason: '危机解除，学生情绪平稳，人际冲突已调解。', closedOn: day(90), stepReasons: Object.fromEntries(still.map((s) => [s, '危机已解除，无需此步'])) });
  cases++;
  return cases;
}
