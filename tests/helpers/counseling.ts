import type { CounselClient, CounselTransport, InputOf } from '../../shared/api/contract';
import { setupSchool, startTestCore, TEST_PASSPHRASE, type TestCore } from './inproc';

export { rejection } from './inproc';

/** A settable clock for the core: the only time source a test moves. 2025-03-12 (a Wednesday) 10:00 in Shanghai. */
export function testClock(start = Date.UTC(2025, 2, 12, 2, 0)) {
  const clock = { now: start, advanceHours: (h: number) => (clock.now += h * 3_600_000) };
  return clock;
}

export const STUDENT = {
  studentNo: '20240101',
  name: '张三明',
  sex: 'M' as const,
  grade: 8,
  className: '3班',
  guardians: [{ name: '张大山', relation: '父亲', phone: '13800000000' }],
};

/** Every field signing asks for, with clinical text a test can look for in places it must never be. */
export const FILLED = {
  currentState: '来访学生自述近两周入睡困难，上课注意力不集中。',
  mainProblem: '考试焦虑伴失眠，评估为中度，无自伤想法。',
  analysis: '期中考试临近，父母期望高，学生自我要求严格。',
  plan: '放松训练，认知调整，两周后复评。',
  outcomeEvaluation: '',
  followUpActions: '与班主任沟通作业量。',
  durationMinutes: 45,
};

export interface CounselingSchool {
  t: TestCore;
  c: CounselClient;
  studentId: string;
  me: string;
  clock: ReturnType<typeof testClock>;
  recoveryKey: string;
  /** Moves the clock; the idle lock has then locked the session, so it unlocks it again. */
  later(hours: number): Promise<void>;
}

/** A set-up school with one student, on a clock the test controls. */
export async function counselingSchool(start?: number): Promise<CounselingSchool> {
  const clock = testClock(start);
  const t = await startTestCore({ now: () => clock.now });
  const recoveryKey = await setupSchool(t.client);
  const status = await t.client.app.status({});
  const student = await t.client.students.create(STUDENT);
  const later = async (hours: number) => {
    clock.advanceHours(hours);
    await t.client.auth.unlock({ passphrase: TEST_PASSPHRASE });
  };
  return { t, c: t.client, studentId: student.id, me: status.user!.id, clock, recoveryKey, later };
}

/** What a colleague changes the initial passphrase to: strong, and free of any username. */
export const OWN_PASSPHRASE = 'a lantern by the river, seven';

/** Another logged-in user on its own connection, past the forced passphrase change. */
export async function colleague(
  t: TestCore,
  role: 'counselor' | 'principal',
  username: string,
): Promise<{ client: CounselClient; transport: CounselTransport; id: string }> {
  const user = await t.client.users.create({ username, displayName: role === 'principal' ? '李校长' : '赵老师', role, passphrase: 'initial-pass-2024' });
  const other = t.connect();
  await other.client.auth.login({ username, passphrase: 'initial-pass-2024' });
  await other.client.auth.changePassphrase({ current: 'initial-pass-2024', next: OWN_PASSPHRASE });
  return { client: other.client, transport: other.transport, id: user.id };
}

export async function openCase(c: CounselClient, studentId: string, extra: Partial<InputOf<'cases.open'>> = {}) {
  return c.cases.open({ studentId, source: 'walkIn', categories: ['study', 'emotion'], goals: '缓解考试焦虑', ...extra });
}

/** A draft with every field signing needs; returns its id and revision. */
export async function filledDraft(c: CounselClient, caseId: string, extra: Partial<InputOf<'records.saveDraft'>> = {}) {
  return c.records.saveDraft({ caseId, sessionDate: '2025-03-12', ...FILLED, ...extra });
}
