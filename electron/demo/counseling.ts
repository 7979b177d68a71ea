import type { CounselClient } from '../../shared/api/contract';
import { addDays, schoolDay, type Term } from './dates';

export interface DemoStudent {
  id: string;
  grade: number;
  className: string;
}

interface Rooms {
  individual: string[];
  group: string;
}

const NOTES = {
  currentState: ['来访学生自述近两周入睡困难，上课注意力不集中。', '学生情绪较前次平稳，主动谈到与同学的相处。', '学生说最近回家后常一个人待在房间，不太想说话。', '学生反馈上周的放松练习有帮助，考试前紧张有所缓解。'],
  mainProblem: ['考试焦虑伴睡眠问题，无自伤想法。', '同伴关系紧张，感到被孤立。', '亲子沟通不畅，学习动力下降。'],
  analysis: ['期中考试临近，自我要求严格。', '转入新班级后尚未建立稳定的朋友圈。', '父母期望高，沟通多以批评为主。'],
  plan: ['放松训练，认知调整，两周后复评。', '社交技能练习，与班主任沟通座位安排。', '邀请家长面谈，布置亲子沟通小任务。'],
};
const CATEGORIES = [['study', 'emotion'], ['relationships'], ['family', 'emotion']] as const;
const HOURS = ['14', '15', '16'];

/**
 * The one counselor's afternoons: an hour is booked once, so appointments never clash (the core
 * would refuse a clash) and the week calendar looks like a real counselor's.
 */
class Diary {
  private readonly taken = new Set<string>();
  /** The first free hour on `date`, or null when the afternoon is full. */
  book(date: string): { date: string; start: string; end: string } | null {
    const hour = HOURS.find((h) => !this.taken.has(`${date} ${h}`));
    if (!hour) return null;
    this.taken.add(`${date} ${hour}`);
    return { date, start: `${hour}:00`, end: `${hour}:50` };
  }
}

export interface IndividualWork {
  cases: number;
  signedRecords: number;
  draftRecords: number;
  appointments: number;
  closedCases: number;
}

/**
 * Individual counseling: about one student in eight had a case in the last two school years, with
 * weekly sessions (each a completed appointment and a signed record; the newest of some cases still
 * a draft), older cases closed, and the open ones booked again in the coming days.
 */
export async function individualWork(c: CounselClient, students: DemoStudent[], rooms: Rooms, r: () => number, terms: Term[], today: string): Promise<IndividualWork> {
  const me = (await c.app.status({})).user!.id;
  const diary = new Diary();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const span = Math.max(30, (Date.parse(today) - Date.parse(terms[0]!.startDate)) / 86_400_000 - 14);
  const out: IndividualWork = { cases: 0, signedRecords: 0, draftRecords: 0, appointments: 0, closedCases: 0 };
  for (const [i, st] of students.filter(() => r() < 0.12).entries()) {
    // One case in three is current: opened in the last weeks and seen weekly up to now.
    const current = i % 3 === 0;
    const opened = schoolDay(addDays(today, current ? -7 * (1 + Math.floor(r() * 5)) : -14 - Math.floor(r() * span)));
    if (opened >= today) continue;
    const kase = await c.cases.open({ studentId: st.id, source: pick(['walkIn', 'teacherReferral', 'selfReferral'] as const), categories: [...CATEGORIES[i % 3]!], goals: '改善情绪，恢复学习节奏', openedOn: opened });
    out.cases++;
    const sessions = current ? 99 : 2 + Math.floor(r() * 6);
    // The latest session of every other current case is written up but not yet signed.
    const keepDraft = current && i % 2 === 0;
    let drafted = false;
    let last = opened;
    for (let n = 0, d = opened; n < sessions && d < today; n++, d = schoolDay(addDays(d, 7))) {
      last = d;
      const slot = diary.book(d);
      if (slot) {
        const { items } = await c.appointments.create({ studentId: st.id, counselorId: me, roomId: rooms.individual[i % rooms.individual.length]!, ...slot, kind: 'individual', source: n === 0 ? 'walkIn' : 'selfReferral', overrideOpening: true });
        await c.appointments.setStatus({ id: items[0]!.id, status: r() < 0.93 ? 'completed' : 'noShow' });
        out.appointments++;
      }
      const k = (i + n) % NOTES.currentState.length;
      const draft = await c.records.saveDraft({
        caseId: kase.id,
        sessionDate: d,
        currentState: NOTES.currentState[k]!,
        mainProblem: NOTES.mainProblem[i % 3]!,
        analysis: NOTES.analysis[i % 3]!,
        plan: NOTES.plan[n % 3]!,
        outcomeEvaluation: n > 0 ? '较前次有所改善。' : '',
        followUpActions: '下周同一时间继续。',
        durationMinutes: 45,
      });
      const isNewest = n === sessions - 1 || addDays(d, 7) >= today;
      if (keepDraft && isNewest && d >= addDays(today, -14)) {
        drafted = true;
        out.draftRecords++;
      } else {
        await c.records.sign({ id: draft.id, revision: draft.revision });
        out.signedRecords++;
      }
    }
    if (!drafted && addDays(last, 60) < today) {
      await c.cases.close({ id: kase.id, closingSummary: '目标基本达成，学生情绪与学习状态恢复，结案并约定有需要时再来。', closedOn: addDays(last, 7) < today ? addDays(last, 7) : last });
      out.closedCases++;
      continue;
    }
    // Booked again over the next two weeks, today included, so the home screen and week are full.
    const next = diary.book(schoolDay(addDays(today, i % 14)));
    if (next) {
      await c.appointments.create({ studentId: st.id, counselorId: me, roomId: rooms.individual[i % rooms.individual.length]!, ...next, kind: 'individual', source: 'selfReferral', overrideOpening: true });
      out.appointments++;
    }
  }
  return out;
}

/** Two group programs (one last year, one this term), each with fortnightly sessions in the group room and attendance. */
export async function groupWork(c: CounselClient, students: DemoStudent[], rooms: Rooms, r: () => number, terms: Term[], today: string): Promise<number> {
  const me = (await c.app.status({})).user!.id;
  const programs = [
    { theme: '新生适应成长小组', term: terms[0]!, grade: students[0]!.grade },
    { theme: '情绪管理成长小组', term: terms.findLast((t) => t.startDate <= today) ?? terms[0]!, grade: students[1]!.grade },
  ];
  let sessions = 0;
  for (const p of programs) {
    const members = students.filter((s) => s.grade === p.grade).slice(0, 10);
    const program = await c.groups.create({
      theme: p.theme,
      kind: 'groupCounseling',
      targetKind: 'grade',
      targetGrades: [p.grade],
      named: true,
      leaderIds: [me],
      plannedSessions: 6,
      startDate: p.term.startDate,
      endDate: p.term.endDate,
    });
    await c.groups.addMembers({ id: program.id, studentIds: members.map((s) => s.id), joinedOn: p.term.startDate });
    for (let n = 0, d = schoolDay(addDays(p.term.startDate, 14)); n < 6 && d < today && d <= p.term.endDate; n++, d = schoolDay(addDays(d, 14))) {
      const session = await c.groups.saveSession({ programId: program.id, date: d, start: '17:00', end: '17:45', roomId: rooms.group, overrideOpening: true, content: ['相识与破冰', '情绪识别与表达练习', '压力应对与放松训练', '人际沟通角色扮演', '优势发现与自我肯定', '回顾与告别'][n]! });
      await c.groups.setAttendance({ sessionId: session.id, entries: members.map((m) => ({ studentId: m.id, status: r() < 0.9 ? ('present' as const) : ('absent' as const) })) });
      sessions++;
    }
  }
  return sessions;
}
