import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ComplianceFacts } from '../../../shared/domain/compliance/evaluate';
import { verifySinceCheckpoint } from '../../audit/checkpoint';
import { readSchool } from '../accounts/settings-store';
import { schoolDate } from '../common/clinical';
import { screeningGrades } from '../assessments/campaigns';
import { consentCoverage } from '../assessments/testing-consent';
import { recordCompleteness } from '../counseling/records';
import { procedureInForce, referralCounts } from '../crisis/figures';
import { counselingTeacherCounts, counselingTeacherHours } from '../groups/training';
import { activeRooms } from '../schedule/rooms';
import { scheduleMetrics } from '../schedule/schedule-metrics';
import { termFor } from '../schedule/school-calendar';

/** 1 September to 31 August: the school year holding a date. */
export function schoolYearOf(date: string): { from: string; to: string } {
  const y = Number(date.slice(0, 4));
  const start = date.slice(5) >= '09-01' ? y : y - 1;
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) [value, done] = [f(), true];
    return value;
  };
}

/**
 * The live figures a run reads as of a school date, each from its own area's service module and
 * each read at most once per run. The term is the one holding the date, or the last one before it.
 * `now` stamps the audit chain's checkpoint as it moves on.
 */
export function liveFacts(db: Database, asOf: string, now: number): ComplianceFacts & { termName(): string | null } {
  const year = schoolYearOf(asOf);
  const term = once(() => termFor(db, asOf));
  const opening = once(() => {
    const t = term();
    if (!t) return null;
    const m = scheduleMetrics(db, t.id, asOf > t.endDate ? t.endDate : asOf);
    return {
      termName: t.name,
      schoolDays: m.schoolDays,
      daysWithOpening: m.daysWithOpening,
      outsideClassShare: m.outsideClassShare,
      withoutDuty: m.withoutDuty.length,
      weeklyOpenHours: m.totalWeeklyOpenHours,
      weekStart: m.weekStart,
    };
  });
  return {
    termName: () => term()?.name ?? null,
    rooms: once(() => activeRooms(db).map((r) => ({ name: r.name, zoneType: r.zoneType, areaM2: r.areaM2 }))),
    opening,
    school: once(() => {
      const s = readSchool(db);
      return { enrollment: s.enrollment, stages: s.stages };
    }),
    counselingTeachers: once(() => counselingTeacherCounts(db)),
    trainingHours: (years) => counselingTeacherHours(db, Number(asOf.slice(0, 4)), years),
    records: once(() => recordCompleteness(db, year.from, asOf)),
    screenings: once(() => screeningGrades(db, year.from, year.to, asOf)),
    storage: once(() => {
      // From the checkpoint on, not the whole chain on every refresh (electron/audit/checkpoint.ts says what that gives up).
      const v = verifySinceCheckpoint(db, now);
      // The archive opens only with its key (SQLCipher), and the dispatcher checks every call's role.
      return {
        encrypted: true,
        roleBasedAccess: true,
        auditIntact: v.ok,
        auditRows: v.rows,
        firstBrokenSeq: v.firstBroken?.seq ?? null,
        lastFullWalk: v.fullWalkAt === null ? null : schoolDate(db, v.fullWalkAt),
      };
    }),
    testing: once(() => consentCoverage(db, year.from, asOf)),
    crisisProcedure: once(() => procedureInForce(db, asOf)),
    referrals: once(() => referralCounts(db, { from: year.from, to: asOf }, asOf)),
  };
}
