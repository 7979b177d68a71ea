import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { OutputOf } from '../../../shared/api/contract';
import type { Headline, PackagePayload } from '../../../shared/api/district';
import { ADDITIVE_UNITS, type Period, type StatReport, type StatTable } from '../../../shared/api/statistics';
import { currentPackagesOf, listSchools } from './district-repo';

type Dashboard = OutputOf<'district.dashboard'>;
type Figure = number | null;

/** A sum where any unknown part makes the sum unknown: a withheld cell stays withheld in the district's total. */
const addFigures = (a: Figure, b: Figure): Figure => (a === null || b === null ? null : a + b);

function headlineOf(r: StatReport): Headline {
  const t = (id: string) => r.tables.find((x) => x.id === id);
  const col = (id: string, i: number) => t(id)?.colTotals?.[i] ?? null;
  return {
    sessions: col('sessions.byGrade', 0),
    clients: col('sessions.byGrade', 1),
    groupAttendance: col('groups.attendance', 0),
    screened: col('screenings.coverage', 1),
    alerts: t('alerts.handling')?.total ?? null,
    alertsOpen: col('alerts.handling', 3),
  };
}

const KEYS = ['sessions', 'clients', 'groupAttendance', 'screened', 'alerts', 'alertsOpen'] as const;

/** Grade rows in grade order, other codes where they first appeared. */
function unionRows(tables: readonly StatTable[]): string[] {
  const rows = [...new Set(tables.flatMap((t) => t.rows))];
  const grade = (r: string) => (/^g\d+$/.test(r) ? Number(r.slice(1)) : Number.POSITIVE_INFINITY);
  return rows.map((r, i) => ({ r, i })).sort((a, b) => grade(a.r) - grade(b.r) || a.i - b.i).map((x) => x.r);
}

/**
 * The same table of every school, summed cell by cell on the union of their rows (a row a school
 * lacks counts zero). A median or a score does not add up across schools, so those tables stay per school.
 */
export function combineTables(reports: readonly StatReport[]): StatTable[] {
  const ids = [...new Set(reports.flatMap((r) => r.tables.filter((t) => ADDITIVE_UNITS.has(t.unit)).map((t) => t.id)))];
  return ids.map((id) => {
    const parts = reports.flatMap((r) => r.tables.filter((t) => t.id === id));
    const first = parts[0]!;
    const rows = unionRows(parts);
    const cellOf = (t: StatTable, row: string, c: number): Figure => {
      const i = t.rows.indexOf(row);
      return i < 0 ? 0 : (t.cells[i]?.[c] ?? null);
    };
    const sumOver = (pick: (t: StatTable) => Figure): Figure => parts.reduce<Figure>((acc, t) => addFigures(acc, pick(t)), 0);
    return {
      ...first,
      rows,
      cells: rows.map((row) => first.cols.map((_, c) => sumOver((t) => cellOf(t, row, c)))),
      colTotals: first.colTotals ? first.cols.map((_, c) => sumOver((t) => t.colTotals?.[c] ?? null)) : null,
      rowTotals: first.rowTotals ? rows.map((row) => sumOver((t) => (t.rows.includes(row) ? (t.rowTotals?.[t.rows.indexOf(row)] ?? null) : 0))) : null,
      total: first.total === null && parts.every((t) => t.total === null) ? null : sumOver((t) => t.total),
    };
  });
}

/** The named crisis cases the period's current packages carry for a referral, school by school. */
export function namedReferrals(db: Database, period: Period) {
  const schools = listSchools(db);
  return currentPackagesOf(db, period.from, period.to)
    .flatMap((p) => {
      const school = schools.find((s) => s.id === p.schoolId);
      const { referrals } = JSON.parse(p.payloadJson) as Partial<PackagePayload>;
      return school ? (referrals ?? []).map((crisis) => ({ packageId: p.packageId, school: school.name, code: school.code, crisis })) : [];
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** A period across schools: who reported (their current package), who did not, headline figures and the summed tables. */
export function dashboard(db: Database, period: Period): Dashboard {
  const packages = currentPackagesOf(db, period.from, period.to);
  const schools = listSchools(db);
  const reported = packages.flatMap((p) => {
    const school = schools.find((s) => s.id === p.schoolId);
    if (!school) return [];
    const { statistics: report, compliance } = JSON.parse(p.payloadJson) as PackagePayload;
    const checklist = compliance && { packTitle: compliance.packTitle, signedOn: compliance.signedOn, percent: compliance.score.percent, grade: compliance.score.grade, openTasks: compliance.openTasks.length };
    return [{ schoolId: school.id, name: school.name, code: school.code, createdAt: p.createdAt, k: report.k ?? 0, figures: headlineOf(report), compliance: checklist, report }];
  });
  reported.sort((a, b) => a.code.localeCompare(b.code));
  const totals = Object.fromEntries(KEYS.map((k) => [k, reported.reduce<Figure>((acc, s) => addFigures(acc, s.figures[k]), 0)])) as Headline;
  return {
    schools: reported.map(({ report: _report, ...s }) => s),
    notReported: schools.filter((s) => !reported.some((r) => r.schoolId === s.id)).map((s) => ({ schoolId: s.id, name: s.name, code: s.code })),
    totals,
    tables: combineTables(reported.map((r) => r.report)),
  };
}
