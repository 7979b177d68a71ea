import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Period, StatReport } from '../../../shared/api/statistics';
import { suppressTables } from '../../../shared/domain/suppression';
import { actorFields } from '../../core/dispatcher';
import { dbHandler, type HandlerMap, systemHandler } from '../../core/handler';
import { schoolDate } from '../common/clinical';
import { invalid } from '../common/validation';
import { SECTION_PROVIDERS } from './sections';
import { reportWorkbook } from './xlsx';
import { fileBase64 } from '../common/file-base64';

type StatisticsMethods = 'statistics.period' | 'statistics.printReport' | 'statistics.exportXlsx';

/** Periods up to two school years: a report, not an archive dump. */
const MAX_PERIOD_DAYS = 2 * 366;

export function assertPeriod(p: Period): void {
  if (p.to < p.from) throw invalid('to', 'statistics.errors.toBeforeFrom');
  const days = (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 + 1;
  if (days > MAX_PERIOD_DAYS) throw invalid('to', 'statistics.errors.periodTooLong', { maximum: MAX_PERIOD_DAYS });
}

/**
 * Every section's tables for the period. With k the tables are suppressed together (one package,
 * one principal's view: a total in one table cannot give back a cell withheld in another);
 * without, the figures are exact (the counselor's own screen).
 */
export function buildReport(db: Database, period: Period, k: number | null, now: number): StatReport {
  assertPeriod(period);
  const ctx = { period, k, today: schoolDate(db, now) };
  const tables = SECTION_PROVIDERS.flatMap((s) => s.tables(db, ctx));
  const shown = suppressTables(k === null ? tables.map((t) => ({ ...t, exempt: true })) : tables, k ?? undefined);
  return {
    from: period.from,
    to: period.to,
    k,
    sections: SECTION_PROVIDERS.map((s) => s.id),
    tables: shown.map(({ suppressed: _s, ...s }, i) => {
      const t = tables[i]!;
      const none = new Set((t.noFigure ?? []).map(([r, c]) => `${r}|${c}`));
      const cells = none.size === 0 ? s.cells : s.cells.map((row, r) => row.map((n, c) => (none.has(`${r}|${c}`) ? null : n)));
      return { ...s, cells, section: t.section, unit: t.unit };
    }),
  };
}

export const statisticsHandlers: HandlerMap<StatisticsMethods> = {
  'statistics.period': dbHandler<'statistics.period'>({
    run: ({ db, actor, now }, { from, to, k, suppressed }) => buildReport(db, { from, to }, suppressed || actor.role !== 'counselor' ? k : null, now),
  }),

  // A printout leaves the screen like a workbook: suppressed, and its audit row names the period (never a student).
  'statistics.printReport': dbHandler<'statistics.printReport'>({
    run: (ctx, { from, to, k }) => {
      const report = buildReport(ctx.db, { from, to }, k, ctx.now);
      ctx.audit = { targetType: null, targetId: null, details: { from, to, k, tables: report.tables.length } };
      return report;
    },
  }),

  // A workbook leaves the screen, so it is always suppressed; building it is async, hence a system handler.
  'statistics.exportXlsx': systemHandler<'statistics.exportXlsx'>(async (ctx, { from, to, k }) => {
    const db = ctx.core.requireDb();
    const report = db.transaction(() => buildReport(db, { from, to }, k, ctx.now))();
    const bytes = await reportWorkbook(report);
    ctx.audit({ ...actorFields(ctx.conn.session!), action: 'statistics.exportXlsx', targetType: null, targetId: null, outcome: 'ok', details: { from, to, k, tables: report.tables.length } });
    return { filename: `statistics-${from}-${to}.xlsx`, base64: fileBase64(bytes), tables: report.tables.length };
  }),
};
