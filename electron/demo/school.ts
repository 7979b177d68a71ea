import type { CounselClient } from '../../shared/api/contract';
import { rng, rosterCsv, syntheticRoster } from '../../bench/dataset';
import { complianceRuns } from './compliance';
import { groupWork, individualWork, type DemoStudent } from './counseling';
import { crisisCases } from './crisis';
import { addDays, demoTerms, schoolDay, termOf } from './dates';
import { screeningCampaign } from './screening';

/** Synthetic logins printed at the end of `npm run demo` and in the README: they guard nothing real. */
export const DEMO_ACCOUNTS = {
  counselor: { username: 'wanglaoshi', displayName: '王老师', passphrase: 'quiet harbor lantern morning' },
  principal: { username: 'lixiaozhang', displayName: '李校长', passphrase: 'maple river bridge seven' },
} as const;

export const DEMO_SCHOOL = {
  name: '示例市青禾中学（演示）',
  code: '0000000000',
  stages: ['junior', 'senior'] as ('primary' | 'junior' | 'senior')[],
  enrollment: 1800,
  district: '示例区教育局',
  timeZone: 'Asia/Shanghai',
};

export interface DemoOptions {
  seed: number;
  /** Roster size: 600 by default; tests use a few dozen. */
  students: number;
  /** Today in the school's time zone: the demo's terms and every date are placed around it. */
  today: string;
}

export interface DemoCounts {
  students: number;
  cases: number;
  closedCases: number;
  signedRecords: number;
  draftRecords: number;
  appointments: number;
  groupSessions: number;
  screened: number;
  alerts: number;
  crisisCases: number;
  complianceRuns: number;
}

export interface DemoSchool {
  recoveryKey: string;
  counts: DemoCounts;
}

/** The school as a counselor sets it up: terms, rooms with opening hours, staff and their training. */
async function schoolSetup(c: CounselClient, today: string) {
  const terms = demoTerms(today);
  for (const term of terms) await c.calendar.saveTerm(term);
  const individual = [
    await c.rooms.create({ name: '个别辅导室一', zoneType: 'individual', areaM2: 12.5, capacity: 3 }),
    await c.rooms.create({ name: '个别辅导室二', zoneType: 'individual', areaM2: 11, capacity: 3 }),
  ];
  const group = await c.rooms.create({ name: '团体辅导室', zoneType: 'group', areaM2: 48, capacity: 16 });
  await c.rooms.create({ name: '接待室', zoneType: 'office', areaM2: 15, capacity: 4 });
  for (const room of [...individual, group]) {
    await c.openings.saveSlot({ roomId: room.id, rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', validFrom: terms[0]!.startDate, start: '12:00', end: '17:45', dutyName: '王老师' });
  }
  const counselor = await c.staff.create({ name: '王老师', role: 'counselingTeacher', employment: 'fullTime', degree: 'master', psychologyMajor: true });
  const homeroom = await c.staff.create({ name: '周老师', role: 'homeroomTeacher', degree: 'bachelor', psychologyMajor: false });
  for (const term of terms.filter((t) => t.startDate < today)) {
    const start = schoolDay(addDays(term.startDate, 10));
    await c.training.save({ title: '班主任心理健康教育培训', scope: 'internal', tier: 'allTeachers', startDate: start, endDate: start, hours: 3, attendeeIds: [counselor.id, homeroom.id] });
    const later = schoolDay(addDays(term.startDate, 40));
    if (later < today) await c.training.save({ title: '危机干预专题研修', scope: 'external', tier: 'counselingTeachers', startDate: later, endDate: later, hours: 12, attendeeIds: [counselor.id] });
  }
  return { terms, rooms: { individual: individual.map((r) => r.id), group: group.id } };
}

/** The roster as schools bring it in: one spreadsheet import, then read back page by page. */
async function importRoster(c: CounselClient, count: number, seed: number) {
  const roster = syntheticRoster(count, seed);
  await c.students.importCommit({ fileName: '花名册.csv', contentBase64: Buffer.from(rosterCsv(roster)).toString('base64') });
  const students: (DemoStudent & { studentNo: string })[] = [];
  for (let page = 1; students.length < count; page++) {
    const { items } = await c.students.list({ sort: 'studentNo', page, pageSize: 200 });
    if (!items.length) break;
    students.push(...items.map((s) => ({ id: s.id, studentNo: s.studentNo, grade: s.grade, className: s.className })));
  }
  return students;
}

/**
 * A whole synthetic school, written through the contract as a counselor and a principal would:
 * every row passes the same checks and leaves the same audit trail as real work. The same seed,
 * size and day give the same school.
 */
export async function seedDemoSchool(c: CounselClient, principal: () => CounselClient, opts: DemoOptions): Promise<DemoSchool> {
  const r = rng(opts.seed);
  const { recoveryKey } = await c.setup.initialize({ school: DEMO_SCHOOL, counselor: DEMO_ACCOUNTS.counselor });
  await c.auth.checkRecoveryKey({ recoveryKey });

  const p = DEMO_ACCOUNTS.principal;
  const initial = 'initial demo passphrase 1';
  await c.users.create({ username: p.username, displayName: p.displayName, role: 'principal', passphrase: initial });
  const head = principal();
  await head.auth.login({ username: p.username, passphrase: initial });
  await head.auth.changePassphrase({ current: initial, next: p.passphrase });

  const { terms, rooms } = await schoolSetup(c, opts.today);
  const students = await importRoster(c, opts.students, opts.seed);
  const individual = await individualWork(c, students, rooms, r, terms, opts.today);
  const groupSessions = await groupWork(c, students, rooms, r, terms, opts.today);

  // A screening each autumn, three weeks into term; this year's only once it has happened.
  let screened = 0;
  let alerts = 0;
  let openCritical: string[] = [];
  for (const term of terms.filter((t) => t.name.endsWith('第一学期'))) {
    const startDate = schoolDay(addDays(term.startDate, 21));
    if (startDate > opts.today) continue;
    const past = addDays(startDate, 14) < opts.today && term !== termOf(terms, opts.today);
    const done = await screeningCampaign(c, students, r, { name: `${term.startDate.slice(0, 4)} 年秋季心理健康普测`, startDate, past });
    screened += done.screened;
    alerts += done.alerts;
    openCritical = done.openCritical;
  }

  const byClass = (s: DemoStudent) => students.find((o) => o.id !== s.id && o.grade === s.grade && o.className === s.className);
  const crisis = await crisisCases(c, students.slice(-7).reverse(), byClass, opts.today, openCritical[0], rooms.individual[0]!);
  const runs = await complianceRuns(head, r, opts.today, p.displayName);

  return {
    recoveryKey,
    counts: { students: students.length, ...individual, groupSessions, screened, alerts, crisisCases: crisis, complianceRuns: runs },
  };
}
