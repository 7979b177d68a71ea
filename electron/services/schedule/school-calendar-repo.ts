import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SpecialDayView, TermView } from '../../../shared/api/school-calendar';
import type { ClassPeriod, SchoolCalendar, SpecialDay } from '../../../shared/domain/schedule';
import { uuidv7 } from '../../../shared/ids';
import { stmt } from '../../db/statements';

export function listTerms(db: Database): TermView[] {
  return stmt(db, 'SELECT id, name, start_date AS startDate, end_date AS endDate FROM terms ORDER BY start_date, id').all() as TermView[];
}

export function getTerm(db: Database, id: string): TermView | null {
  return (stmt(db, 'SELECT id, name, start_date AS startDate, end_date AS endDate FROM terms WHERE id = ?').get(id) as TermView | undefined) ?? null;
}

/** Inserts a term without an id, else replaces the one with its id; returns the id. */
export function saveTerm(db: Database, t: Omit<TermView, 'id'> & { id?: string | undefined }, now: number): string {
  const id = t.id ?? uuidv7(now);
  stmt(
    db,
    `INSERT INTO terms (id, name, start_date, end_date) VALUES (@id, @name, @startDate, @endDate)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, start_date = excluded.start_date, end_date = excluded.end_date`,
  ).run({ ...t, id });
  return id;
}

export function deleteTerm(db: Database, id: string): boolean {
  return stmt(db, 'DELETE FROM terms WHERE id = ?').run(id).changes === 1;
}

export function listSpecialDays(db: Database): SpecialDayView[] {
  return stmt(db, 'SELECT date, kind, follows_weekday AS followsWeekday, name FROM special_days ORDER BY date').all() as SpecialDayView[];
}

export function upsertSpecialDay(db: Database, d: SpecialDay): void {
  stmt(
    db,
    `INSERT INTO special_days (date, kind, follows_weekday, name) VALUES (@date, @kind, @followsWeekday, @name)
     ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, follows_weekday = excluded.follows_weekday, name = excluded.name`,
  ).run(d);
}

export function deleteSpecialDay(db: Database, date: string): boolean {
  return stmt(db, 'DELETE FROM special_days WHERE date = ?').run(date).changes === 1;
}

export function listPeriods(db: Database): ClassPeriod[] {
  return stmt(db, 'SELECT weekday, start_min AS startMin, end_min AS endMin, label FROM class_periods ORDER BY weekday, start_min').all() as ClassPeriod[];
}

export function replacePeriods(db: Database, periods: readonly ClassPeriod[]): void {
  stmt(db, 'DELETE FROM class_periods').run();
  const insert = stmt(db, 'INSERT INTO class_periods (weekday, start_min, end_min, label) VALUES (@weekday, @startMin, @endMin, @label)');
  for (const p of periods) insert.run(p);
}

/** Terms and special days, as the domain's calendar rules read them. */
export function loadCalendar(db: Database): SchoolCalendar {
  return { terms: listTerms(db), specialDays: listSpecialDays(db) };
}
