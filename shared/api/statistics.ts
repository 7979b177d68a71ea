import { z } from 'zod';
import { defineMethod } from './define';
import { calendarDate } from './fields';
import { SMALL_CELL_K } from '../domain/suppression';

/** k may be raised (a district may ask for 10), never lowered below the default. */
export const suppressionK = z.number().int().min(SMALL_CELL_K).max(50).default(SMALL_CELL_K);

export const periodInput = z.object({ from: calendarDate, to: calendarDate }).strict();
export type Period = z.output<typeof periodInput>;

/**
 * What a table counts: children (suppressed where it leaves the screen), events, or hours; or a
 * figure that is not a count and does not add up across schools (a median in days, a checklist score).
 */
export const TABLE_UNITS = ['people', 'events', 'hours', 'days', 'score'] as const;
/** Units whose figures a district may add across schools. */
export const ADDITIVE_UNITS: ReadonlySet<string> = new Set(['people', 'events', 'hours']);

const figure = z.number().nullable();

/**
 * One table of figures. Rows and columns are codes the screen turns into labels (`g7` is grade 7,
 * else `statistics.row.<code>` / `statistics.col.<code>`). A null figure is withheld.
 */
export const statTable = z.object({
  id: z.string(),
  section: z.string(),
  unit: z.enum(TABLE_UNITS),
  rows: z.array(z.string()),
  cols: z.array(z.string()),
  cells: z.array(z.array(figure)),
  colTotals: z.array(figure).nullable(),
  rowTotals: z.array(figure).nullable(),
  total: figure,
});
export type StatTable = z.output<typeof statTable>;

export const statReport = z.object({
  from: z.string(),
  to: z.string(),
  /** Null when the figures are exact (the counselor's own screen). */
  k: z.number().int().nullable(),
  sections: z.array(z.string()),
  tables: z.array(statTable),
});
export type StatReport = z.output<typeof statReport>;

export const statisticsApi = {
  'statistics.period': defineMethod({
    summary:
      'Figures for a period (from–to inclusive): individual sessions (人次 and distinct clients) by grade and by kind, group programs and lectures with attendance, screenings (coverage and bands by grade), alerts by severity and handling time, staff training, counselor hours by activity. A counselor sees exact figures unless suppressed is asked; a principal always gets them suppressed with k (small cells and their complements across every table withheld as null).',
    input: periodInput.extend({ k: suppressionK, suppressed: z.boolean().default(false) }).strict(),
    output: statReport,
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'statistics.printReport': defineMethod({
    summary:
      'The period’s figures, suppressed with k, for the printable report (print or save as PDF). Audited with the period and k, as a workbook is: the printout leaves the screen.',
    input: periodInput.extend({ k: suppressionK }).strict(),
    output: statReport,
    roles: ['counselor', 'principal'],
    kind: 'read',
    auditRead: true,
    gate: 'unlocked',
  }),
  'statistics.exportXlsx': defineMethod({
    summary: 'The period’s figures, suppressed with k, as an .xlsx workbook with one sheet per table (base64). Audited: figures leave the screen.',
    input: periodInput.extend({ k: suppressionK }).strict(),
    output: z.object({ filename: z.string(), base64: z.string(), tables: z.number().int() }),
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
} as const;
