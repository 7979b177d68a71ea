/**
 * The benchmark school at the sizes, built once and cached on disk (.cache/bench/<size>,
 * gitignored; delete the folder to rebuild):
 * - small: 600 students, one school year;
 * - large: 6,000 students, ten school years: ~60,000 assessments, 30,000 session records,
 *   120,000 appointments, 3,000 group sessions.
 * (The district size, 500 school packages, is bench/district.ts: packages are sealed per run.)
 *
 * What a user makes by hand goes through the dispatcher (set-up, the roster import, the current
 * school year's terms, rooms and openings, this year's screening campaign with its two imported
 * sheets, the crisis cases). The bulk of the history is written on the archive opened with its raw
 * key, in transactions, with the services' own repository functions or the same INSERTs they run:
 * earlier years' screenings, session records with their search index, appointments, group programs
 * and sessions. Cases of all but the most recent clients are closed with their drafts signed, as
 * ten years of work leaves them; so the open caseload and the to-do list are a school's, not 6,000.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CounselClient } from '../shared/api/contract';
import { CRISIS_TIERS } from '../shared/domain/crisis';
import { addDays } from '../shared/domain/dates';
import { checkpoint, openDatabase, openReadOnly } from '../electron/db/connection';
import { loadMigrations } from '../electron/db/migrate';
import { stmt } from '../electron/db/statements';
import { closeCase } from '../electron/services/counseling/cases-repo';
import { insertProgram, insertSession, setLeaders } from '../electron/services/groups/groups-repo';
import { appendAuditHistory } from './audit-history';
import { importedScreening, screeningSheets, sheetForms, writeForms } from './assessments';
import { seedRecords } from './counseling';
import { benchArchive, reopenArchive, type BenchArchive } from './harness';
import { HOURS, schoolYear, seedAppointments } from './schedule';

export interface SchoolSize {
  students: number;
  /** School years of history, ending with 2025–2026. */
  years: number;
  records: number;
  appointments: number;
  groupSessions: number;
  crisisCases: number;
  /** Clients whose cases stay open (the rest are closed, drafts signed). */
  openCases: number;
}

export const SCHOOL_SIZES = {
  small: { students: 600, years: 1, records: 3000, appointments: 12_000, groupSessions: 300, crisisCases: 10, openCases: 60 },
  large: { students: 6000, years: 10, records: 30_000, appointments: 120_000, groupSessions: 3000, crisisCases: 30, openCases: 120 },
} satisfies Record<string, SchoolSize>;
export type SchoolSizeName = keyof typeof SCHOOL_SIZES;

/** The last school year's first day; year k back starts k years earlier. */
const LAST_YEAR_START = '2025-09-01';
const SCREENING_DAY = (yearsBack: number) => `${2026 - yearsBack}-03-11`;
const SESSIONS_PER_PROGRAM = 10;
/** Students screened each year (both scales): 6,000 forms a year, 60,000 in ten. */
const SCREENED = 3000;

export interface SchoolMeta {
  size: SchoolSize;
  rawKeyHex: string;
  userId: string;
  studentIds: string[];
  /** Rows per table after seeding, as counted. */
  counts: Record<string, number>;
  seedSeconds: number;
  /** The audit rows appended once to the cached school, and how long that took (extendAuditOnce). */
  auditHistory?: { rows: number; seconds: number };
}

/** Earlier years' screenings: both sheets for SCREENED students a year, rotating through the roster, no campaign. */
function earlierScreenings(db: Database, userId: string, studentIds: string[], years: number): void {
  const sheets = screeningSheets(Math.min(studentIds.length, SCREENED));
  for (let back = 1; back < years; back++) {
    const offset = (back * (SCREENED / 2)) % studentIds.length;
    const rotated = [...studentIds.slice(offset), ...studentIds.slice(0, offset)];
    const forms = sheets.flatMap((s) => sheetForms(s.def, s.hash, s.rows, rotated));
    db.transaction(() => writeForms(db, userId, forms, SCREENING_DAY(back), null, Date.UTC(2026 - back, 2, 11, 2)))();
  }
}

/**
 * Cases of every client but the first `open` closed on their last session, their drafts signed first.
 * `deleted_at IS NULL` lets both statements use the partial index on (case_id): without it each of the
 * 6,000 cases scanned all 30,000 records, and building the ten-year school took over a quarter of an hour.
 */
function closeOldCases(db: Database, studentIds: string[], open: number): void {
  const keep = new Set(studentIds.slice(0, open));
  const now = Date.UTC(2026, 5, 30, 2);
  const cases = stmt(db, `SELECT c.id, c.student_id AS studentId, max(r.session_date) AS last FROM cases c LEFT JOIN session_records r ON r.case_id = c.id AND r.deleted_at IS NULL WHERE c.status = 'open' GROUP BY c.id`).all() as {
    id: string;
    studentId: string;
    last: string | null;
  }[];
  db.transaction(() => {
    for (const k of cases) {
      if (keep.has(k.studentId)) continue;
      stmt(db, 'UPDATE session_records SET signed_at = ?, updated_at = ? WHERE case_id = ? AND signed_at IS NULL AND deleted_at IS NULL').run(now, now, k.id);
      closeCase(db, k.id, '目标达成，结案。', k.last ?? LAST_YEAR_START, now);
    }
  })();
}

/** Group programs of ten sessions each, spread over the years, led by the counselor; a room for every other one. */
function groupHistory(db: Database, userId: string, rooms: string[], sessions: number, years: number): void {
  const programs = Math.ceil(sessions / SESSIONS_PER_PROGRAM);
  const first = addDays(LAST_YEAR_START, -365 * (years - 1));
  db.transaction(() => {
    for (let p = 0; p < programs; p++) {
      const startDate = addDays(first, Math.floor((p * 365 * years) / programs));
      const endDate = addDays(startDate, 7 * SESSIONS_PER_PROGRAM);
      const now = Date.parse(`${startDate}T02:00:00Z`);
      const grade = 7 + (p % 6);
      const id = insertProgram(
        db,
        { theme: `团体辅导第${p + 1}期`, kind: 'groupCounseling', targetKind: 'grade', targetGrades: [grade], targetClasses: [], named: false, plannedSessions: SESSIONS_PER_PROGRAM, goals: '提升情绪调节能力', startDate, endDate, status: endDate < '2026-06-30' ? 'finished' : 'running' },
        userId,
        now,
      );
      setLeaders(db, id, [userId]);
      for (let s = 0; s < SESSIONS_PER_PROGRAM && p * SESSIONS_PER_PROGRAM + s < sessions; s++) {
        insertSession(
          db,
          id,
          { date: addDays(startDate, 7 * s), startMin: 12 * 60, endMin: 12 * 60 + 50, roomId: p % 2 ? null : rooms[p % rooms.length]!, appointmentId: null, content: '破冰与主题活动', observations: '参与积极', outcome: '', headcount: 12 + (s % 5), audienceGrades: [grade] },
          now,
        );
      }
    }
  })();
}

/** The Monday from which `count` bookings, every room on each of HOURS on weekdays, end near 2026-07-03. */
function firstMondayFor(count: number, rooms: number): string {
  const weeks = Math.ceil(count / (rooms * HOURS.length * 5));
  return addDays('2026-06-29', -7 * weeks);
}

async function crisisCases(c: CounselClient, count: number): Promise<void> {
  const { items } = await c.students.list({ pageSize: count });
  for (const [k, s] of items.entries()) {
    const { caseId } = await c.crisis.open({ studentId: s.id, source: 'teacher', tier: CRISIS_TIERS[k % 3]!, reason: '班主任报告', openedOn: '2025-11-03' });
    await c.crisis.addEntry({ caseId, entry: { kind: 'guardianNotice', date: '2025-11-03', who: '母亲', channel: 'phone', response: '已知晓' } });
  }
}

const COUNTED = ['students', 'forms', 'form_answers', 'session_records', 'cases', 'appointments', 'group_programs', 'group_sessions', 'crisis_cases', 'audit_log'];

export async function buildSchool(dataDir: string, size: SchoolSize): Promise<SchoolMeta> {
  const t0 = performance.now();
  let rooms: string[] = [];
  const archive = await benchArchive(dataDir, size.students, async (c) => {
    rooms = await schoolYear(c);
    for (let back = 1; back < size.years; back++) {
      const y = 2025 - back;
      await c.calendar.saveTerm({ name: `${y}—${y + 1} 学年第一学期`, startDate: `${y}-09-01`, endDate: `${y + 1}-01-16` });
      await c.calendar.saveTerm({ name: `${y}—${y + 1} 学年第二学期`, startDate: `${y + 1}-02-23`, endDate: `${y + 1}-07-03` });
    }
    await importedScreening(c, Math.min(size.students, SCREENED));
    await crisisCases(c, size.crisisCases);
  });
  const db = archive.raw;
  earlierScreenings(db, archive.userId, archive.studentIds, size.years);
  const days = 365 * size.years - 120;
  seedRecords(db, archive.userId, archive.studentIds, size.records, { from: addDays(LAST_YEAR_START, -365 * (size.years - 1)), days });
  closeOldCases(db, archive.studentIds, size.openCases);
  // Every slot of every room taken, back from the end of the last school year.
  seedAppointments(db, rooms, [archive.userId], archive.studentIds, size.appointments, firstMondayFor(size.appointments, rooms.length));
  groupHistory(db, archive.userId, rooms, size.groupSessions, size.years);
  const counts = Object.fromEntries(COUNTED.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
  db.pragma('optimize');
  db.close();
  return { size, rawKeyHex: archive.rawKeyHex, userId: archive.userId, studentIds: archive.studentIds, counts, seedSeconds: (performance.now() - t0) / 1000 };
}

/**
 * A copy of the school of `name` in `dir` (runs write audit rows, so never the cache itself),
 * built into the cache first when there is none for these sizes. `migratedNow`: the cache was
 * changed in place in this run (migrated, or given its audit history).
 */
export async function benchSchool(name: SchoolSizeName, dir: string): Promise<{ archive: BenchArchive; meta: SchoolMeta; cached: boolean; migratedNow: boolean; plainFile: () => string }> {
  const cache = cacheOf(name);
  const metaFile = join(cache, 'meta.json');
  const cached = existsSync(metaFile);
  if (!cached) {
    const meta = await buildSchool(join(dir, 'seed'), SCHOOL_SIZES[name]);
    mkdirSync(cache, { recursive: true });
    cpSync(join(dir, 'seed'), join(cache, 'data'), { recursive: true });
    writeFileSync(metaFile, JSON.stringify(meta));
  }
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as SchoolMeta;
  const migratedNow = migrateCache(join(cache, 'data'), meta.rawKeyHex);
  const extendedNow = extendAuditOnce(cache, meta);
  cpSync(join(cache, 'data'), join(dir, 'run'), { recursive: true });
  return {
    archive: reopenArchive(join(dir, 'run'), meta.rawKeyHex, meta.userId, meta.studentIds),
    meta,
    cached,
    migratedNow: migratedNow || extendedNow,
    plainFile: () => plainCopy(cache, meta.rawKeyHex),
  };
}

/**
 * Appends ten years of audit rows (bench/audit-history.ts) to the cached school in place, once per
 * cache: meta.json's auditHistory is the marker. The plain copies made before it lack the rows, so
 * they go. True when it did so now (that run's memory figures include it).
 */
function extendAuditOnce(cache: string, meta: SchoolMeta): boolean {
  if (meta.auditHistory) return false;
  const t0 = performance.now();
  const db = openDatabase({ file: join(cache, 'data', 'counselroom.db'), key: Buffer.from(meta.rawKeyHex, 'hex') });
  const rows = appendAuditHistory(db, meta.userId);
  meta.counts.audit_log = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  // The build's statistics (pragma optimize) saw ~200 audit rows: taken again, as they would be for a log this size.
  db.exec('ANALYZE audit_log');
  checkpointAndClose(db);
  meta.auditHistory = { rows, seconds: +((performance.now() - t0) / 1000).toFixed(1) };
  for (const f of readdirSync(cache)) if (/^plain-v\d+\.db$/.test(f)) rmSync(join(cache, f));
  writeFileSync(join(cache, 'meta.json'), JSON.stringify(meta));
  return true;
}

/**
 * Brings the cached school to the code's schema in place, once per new migration, so that a run
 * opens an archive the way the app does on any day but the first after an update. Migrating each
 * run's copy instead left the migration's memory (a rebuilt table's rows held in memory) in the
 * process whose peak the method benchmark reports. True when it migrated now: that run's memory
 * figures include the migration.
 */
function migrateCache(dataDir: string, rawKeyHex: string): boolean {
  const file = join(dataDir, 'counselroom.db');
  const key = Buffer.from(rawKeyHex, 'hex');
  const seen = openReadOnly(file, key);
  const behind = (seen.pragma('user_version', { simple: true }) as number) < loadMigrations().length;
  seen.close();
  if (behind) checkpointAndClose(openDatabase({ file, key }));
  return behind;
}

function checkpointAndClose(db: Database): void {
  checkpoint(db);
  db.close();
}

/** Named by the sizes. A school cached before a newer migration is migrated in place once (migrateCache). */
const cacheOf = (name: SchoolSizeName) => join('.cache', 'bench', `${name}-${Object.values(SCHOOL_SIZES[name]).join('-')}`);

/**
 * The cached school decrypted (SQLite3MultipleCiphers' rekey to no key, on a copy in rollback
 * journal mode, which rekey needs), made once per schema version (it is migrated as it opens):
 * the same pages without the cipher, for the encryption overhead of the raw queries.
 */
function plainCopy(cache: string, rawKeyHex: string): string {
  const plain = join(cache, `plain-v${loadMigrations().length}.db`);
  if (existsSync(plain)) return plain;
  const scratch = join(cache, 'plain-making');
  cpSync(join(cache, 'data'), scratch, { recursive: true });
  const db = openDatabase({ file: join(scratch, 'counselroom.db'), key: Buffer.from(rawKeyHex, 'hex') });
  db.pragma('journal_mode = DELETE');
  db.pragma("rekey = ''");
  db.close();
  renameSync(join(scratch, 'counselroom.db'), plain);
  rmSync(scratch, { recursive: true, force: true });
  return plain;
}
