import type { Database } from 'better-sqlite3-multiple-ciphers';
import { GROUP_KINDS } from '../../../shared/api/groups';
import { RECORD_KINDS } from '../../../shared/api/records';
import type { Period, StatTable } from '../../../shared/api/statistics';
import { TRAINING_TIERS } from '../../../shared/api/training';
import { BAND_LABELS, bandLabelKey } from '../../../shared/domain/scales/definition';
import type { CountTable } from '../../../shared/domain/suppression';
import { compliance } from './compliance-section';
import { crisis } from './crisis-section';
import { alertHandling, groupsByKind, screeningBands, screeningCoverage, sessionMinutes, sessionsByGrade, sessionsByKind, trainingByTier } from './statistics-repo';

/**
 * A table as a section builds it: counts before suppression, with what they count. `noFigure`
 * names cells that have no figure to print (a median of too few cases): null whatever the rest shows.
 */
export type SectionTable = CountTable & Pick<StatTable, 'unit' | 'section'> & { noFigure?: readonly (readonly [number, number])[] };

/** What a section is built for: the period, k (null for the counselor's exact view) and the school's today. */
export interface SectionContext {
  period: Period;
  k: number | null;
  today: string;
}

/**
 * One part of the statistics. The report is the list of providers below; each area's tables are
 * suppressed together with the others.
 */
export interface SectionProvider {
  id: string;
  tables(db: Database, ctx: SectionContext): SectionTable[];
}

/** Grade rows in order, then clients who are not students. */
function gradeRows(rows: readonly { row: string }[]): string[] {
  const grades = rows.map((r) => r.row).filter((r) => r !== 'nonStudent');
  const sorted = [...new Set(grades)].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  return rows.some((r) => r.row === 'nonStudent') ? [...sorted, 'nonStudent'] : sorted;
}

/** Lays query rows out on the given row codes (missing rows count zero). */
function layout<R extends { row: string }>(data: readonly R[], rows: readonly string[], cols: readonly (keyof R & string)[]): number[][] {
  const byRow = new Map(data.map((d) => [d.row, d]));
  return rows.map((r) => cols.map((c) => Number(byRow.get(r)?.[c] ?? 0)));
}

const base = { colTotals: true, rowTotals: false, rowsAdd: false } as const;

const sessions: SectionProvider = {
  id: 'sessions',
  tables(db, { period: p }) {
    const byGrade = sessionsByGrade(db, p);
    const gRows = gradeRows(byGrade);
    const kinds = sessionsByKind(db, p);
    // Both tables count the same sessions: one total, so a hidden cell cannot come back across them.
    return [
      { ...base, id: 'sessions.byGrade', section: 'sessions', unit: 'people', rows: gRows, cols: ['sessions', 'clients'], cells: layout(byGrade, gRows, ['sessions', 'clients']), totalKeys: { 'col:0': 'sessions.total' } },
      { ...base, id: 'sessions.byKind', section: 'sessions', unit: 'people', rows: [...RECORD_KINDS], cols: ['sessions'], cells: layout(kinds, RECORD_KINDS, ['sessions']), totalKeys: { 'col:0': 'sessions.total' } },
    ];
  },
};

const groups: SectionProvider = {
  id: 'groups',
  tables(db, { period: p }) {
    const all = groupsByKind(db, p);
    const data = GROUP_KINDS.map((row) => {
      const of = all.filter((d) => d.row === row);
      const total = (key: 'programs' | 'sessions' | 'attendance') => of.reduce((a, d) => a + d[key], 0);
      return { row, programs: total('programs'), sessions: total('sessions'), attendance: total('attendance') };
    });
    const rows = GROUP_KINDS.filter((k) => k !== 'staffTraining');
    return [
      { ...base, id: 'groups.activity', section: 'groups', unit: 'events', exempt: true, rows, cols: ['programs', 'sessions'], cells: layout(data, rows, ['programs', 'sessions']) },
      { ...base, id: 'groups.attendance', section: 'groups', unit: 'people', rows, cols: ['attendance'], cells: layout(data, rows, ['attendance']) },
    ];
  },
};

const training: SectionProvider = {
  id: 'training',
  tables(db, { period: p }) {
    const data = trainingByTier(db, p).map((r) => ({ ...r, hours: r.hoursTenths / 10 }));
    return [{ ...base, id: 'training.byTier', section: 'training', unit: 'events', exempt: true, rows: [...TRAINING_TIERS], cols: ['events', 'hours', 'attendees'], cells: layout(data, TRAINING_TIERS, ['events', 'hours', 'attendees']) }];
  },
};

const BAND_COLS = [...BAND_LABELS, 'invalid'] as const;

const screenings: SectionProvider = {
  id: 'screenings',
  tables(db, { period: p }) {
    const coverage = screeningCoverage(db, p).map((r) => ({ ...r, participants: r.done + r.declined + r.absent + r.pending }));
    const cRows = gradeRows(coverage);
    const bandRows = screeningBands(db, p);
    const bRows = gradeRows(bandRows);
    const byBand = bRows.map((row) => BAND_COLS.map((band) => bandRows.find((b) => b.row === row && b.band === (band === 'invalid' ? band : bandLabelKey(band)))?.count ?? 0));
    return [
      {
        ...base, id: 'screenings.coverage', section: 'screenings', unit: 'people', rows: cRows, cols: ['participants', 'done', 'declined', 'absent', 'pending'],
        cells: layout(coverage, cRows, ['participants', 'done', 'declined', 'absent', 'pending']), rowSums: [{ total: 0, parts: [1, 2, 3, 4] }],
      },
      { id: 'screenings.bands', section: 'screenings', unit: 'people', colTotals: true, rowTotals: true, rowsAdd: true, rows: bRows, cols: [...BAND_COLS], cells: byBand },
    ];
  },
};

const ALERT_SEVERITIES = ['critical', 'urgent', 'followup'] as const;

const alerts: SectionProvider = {
  id: 'alerts',
  tables(db, { period: p }) {
    const data = alertHandling(db, p);
    return [{ id: 'alerts.handling', section: 'alerts', unit: 'people', colTotals: true, rowTotals: true, rowsAdd: true, rows: [...ALERT_SEVERITIES], cols: ['within1Day', 'within3Days', 'later', 'open'], cells: layout(data, ALERT_SEVERITIES, ['within1Day', 'within3Days', 'later', 'open']) }];
  },
};

const counselorTime: SectionProvider = {
  id: 'time',
  tables(db, { period: p }) {
    const data = groupsByKind(db, p);
    const hours = (minutes: number) => Math.round(minutes / 6) / 10;
    const named = data.filter((d) => d.named === 1).reduce((a, d) => a + d.minutes, 0);
    const unnamed = data.filter((d) => d.named !== 1).reduce((a, d) => a + d.minutes, 0);
    return [{ ...base, id: 'time.byActivity', section: 'time', unit: 'hours', exempt: true, rows: ['individual', 'groupWork', 'lectures'], cols: ['hours'], cells: [[hours(sessionMinutes(db, p))], [hours(named)], [hours(unnamed)]] }];
  },
};

/** The report's sections in order. */
export const SECTION_PROVIDERS: readonly SectionProvider[] = [sessions, groups, training, screenings, alerts, crisis, counselorTime, compliance];
