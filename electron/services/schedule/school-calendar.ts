import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CounselError } from '../../../shared/api/errors';
import type { CalendarView, TermView } from '../../../shared/api/school-calendar';
import { type ClassPeriod, formatTime, validateCalendar, validatePeriods } from '../../../shared/domain/schedule';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { otherIdParams, toMinutes } from './schedule-checks';
import { apiPath, assertItemValid, assertNoProblems, invalid } from '../common/validation';
import {
  deleteSpecialDay,
  deleteTerm,
  getTerm,
  listPeriods,
  listSpecialDays,
  listTerms,
  replacePeriods,
  saveTerm,
  upsertSpecialDay,
} from './school-calendar-repo';

// Crisis steps count their due dates in school working days.
export { loadCalendar } from './school-calendar-repo';

type CalendarMethods =
  | 'calendar.get'
  | 'calendar.saveTerm'
  | 'calendar.removeTerm'
  | 'calendar.saveSpecialDay'
  | 'calendar.removeSpecialDay'
  | 'calendar.setPeriods';

const periodView = (p: ClassPeriod) => ({ weekday: p.weekday, start: formatTime(p.startMin), end: formatTime(p.endMin), label: p.label });

function calendarView(db: Database): CalendarView {
  return { terms: listTerms(db), specialDays: listSpecialDays(db), periods: listPeriods(db).map(periodView) };
}

/** The school's terms, for the roster's check that a 升级 falls in the summer break. */
export const schoolTerms = listTerms;

/** Terms entered in the school calendar (the home's getting-started list). */
export function termCount(db: Database): number {
  return listTerms(db).length;
}

export const calendarHandlers: HandlerMap<CalendarMethods> = {
  'calendar.get': dbHandler<'calendar.get'>({ run: ({ db }) => calendarView(db) }),

  'calendar.saveTerm': dbHandler<'calendar.saveTerm'>({
    run: (ctx, input) => {
      const { db } = ctx;
      if (input.id !== undefined && !getTerm(db, input.id)) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'id', id: input.id });
      const others = listTerms(db).filter((t) => t.id !== input.id);
      const terms = [...others, { ...input, id: input.id ?? '' }];
      assertItemValid(validateCalendar({ terms, specialDays: [] }), terms.length - 1, 1, otherIdParams(others));
      const id = saveTerm(db, input, ctx.now);
      ctx.audit = { targetType: 'term', targetId: id, details: { startDate: input.startDate, endDate: input.endDate } };
      return getTerm(db, id)!;
    },
  }),

  'calendar.removeTerm': dbHandler<'calendar.removeTerm'>({
    run: (ctx, input) => {
      if (!deleteTerm(ctx.db, input.id)) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'id', id: input.id });
      ctx.audit = { targetType: 'term', targetId: input.id, details: null };
      return { ok: true as const };
    },
  }),

  'calendar.saveSpecialDay': dbHandler<'calendar.saveSpecialDay'>({
    run: (ctx, input) => {
      const days = [...listSpecialDays(ctx.db).filter((d) => d.date !== input.date), input];
      assertItemValid(validateCalendar({ terms: [], specialDays: days }), days.length - 1, 1);
      upsertSpecialDay(ctx.db, input);
      ctx.audit = { targetType: 'specialDay', targetId: input.date, details: { kind: input.kind, followsWeekday: input.followsWeekday } };
      return input;
    },
  }),

  'calendar.removeSpecialDay': dbHandler<'calendar.removeSpecialDay'>({
    run: (ctx, input) => {
      if (!deleteSpecialDay(ctx.db, input.date)) throw invalid('date', 'errors.schedule.noSuchSpecialDay');
      ctx.audit = { targetType: 'specialDay', targetId: input.date, details: null };
      return { ok: true as const };
    },
  }),

  'calendar.setPeriods': dbHandler<'calendar.setPeriods'>({
    run: (ctx, input) => {
      const periods = input.periods.map((p) => ({ weekday: p.weekday, startMin: toMinutes(p.start), endMin: toMinutes(p.end), label: p.label }));
      assertNoProblems(validatePeriods(periods), (p) => apiPath(p.path, ['periods']));
      replacePeriods(ctx.db, periods);
      ctx.audit = { targetType: 'calendar', targetId: null, details: { periods: periods.length } };
      return calendarView(ctx.db);
    },
  }),
};

/** The term holding a date, else the latest one that ended before it: the term a checklist looks back on. */
export function termFor(db: Database, date: string): TermView | null {
  const past = listTerms(db).filter((t) => t.startDate <= date);
  return past.find((t) => t.endDate >= date) ?? past.sort((a, b) => b.endDate.localeCompare(a.endDate))[0] ?? null;
}
