import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterCsv, syntheticRoster } from '../../bench/dataset';
import { openRaw } from '../helpers/raw-db';
import { runCli } from '../helpers/cli';

const PASS = 'correct horse battery';
const STUDENTS = 3000;
const BAD_ROW = 1234;
let dir: string;
let data: string;
let recoveryKey = '';

const cli = (args: string[], stdin = '') => runCli(args, { stdin, env: { COUNSELROOM_PASSPHRASE: PASS, COUNSELROOM_RECOVERY_KEY: recoveryKey } });
const as = ['--data', '', '--user', 'wang'];

/** The forms table counted by an outsider holding the raw key, not through the app. */
function formCount(): number {
  const { rawKeyHex } = cli(['key', 'export-raw', '--data', data]).json<{ rawKeyHex: string }>();
  const db = openRaw(join(data, 'counselroom.db'), rawKeyHex);
  try {
    return (db.prepare('SELECT count(*) AS n FROM forms').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** 学号 + the nine PHQ-9 items; every tenth student answers item 9 with 1. */
function answerCsv(studentNos: readonly string[], bad?: number): string {
  const lines = studentNos.map((no, i) => {
    const answers = ['0', '1', '0', '1', '0', '0', '1', '0', i % 10 === 0 ? '1' : '0'];
    if (i + 2 === bad) answers[8] = '5';
    return [no, ...answers].join(',');
  });
  return `学号,1,2,3,4,5,6,7,8,9\n${lines.join('\n')}\n`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'counselroom-assess-'));
  data = join(dir, 'data');
  as[1] = data;
  const init = cli(['init', '--data', data, '--school', '示例市第一中学', '--user', 'wang', '--stages', 'junior,senior', '--json']);
  expect(init.code, init.err).toBe(0);
  recoveryKey = init.json<{ recoveryKey: string }>().recoveryKey;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('assess import from the command line', () => {
  it(`imports ${STUDENTS.toLocaleString('en')} PHQ-9 sheets of a screening, and a file with one bad row fails whole, naming it`, () => {
    // Grades 8 and 9: born 2011–2012, inside the PHQ-9's 12–18 years on the day of the screening.
    const roster = syntheticRoster(STUDENTS, 5, [8, 9]);
    writeFileSync(join(dir, 'roster.csv'), rosterCsv(roster));
    expect(cli(['roster', 'import', join(dir, 'roster.csv'), ...as]).json()).toEqual({ created: STUDENTS, updated: 0 });

    const campaign = { name: '2025 春季普测', scales: [{ scaleId: 'phq9' }], grades: [8, 9], startDate: '2025-03-10', endDate: '2025-03-21' };
    const created = cli(['call', 'campaigns.create', ...as, '--input', JSON.stringify(campaign)]);
    expect(created.code, created.err).toBe(0);
    const campaignId = created.json<{ id: string }>().id;
    // Every participant's id (the list itself comes in pages).
    const { ids } = cli(['call', 'campaigns.participantIds', ...as, '--input', JSON.stringify({ id: campaignId })]).json<{ ids: string[] }>();
    expect(ids).toHaveLength(STUDENTS);
    // The returned consent slips, recorded for the whole list at once.
    const entries = ids.map((studentId) => ({ studentId, studentConsent: 'given', guardianConsent: 'given' }));
    const consent = cli(['call', 'campaigns.setConsent', ...as, '--input', '-'], JSON.stringify({ id: campaignId, entries }));
    expect(consent.json()).toEqual({ updated: STUDENTS });

    const studentNos = roster.map((r) => r.studentNo);
    const good = join(dir, 'phq9-good.csv');
    writeFileSync(good, answerCsv(studentNos));
    const args = (file: string, date: string) => ['assess', 'import', file, '--scale', 'phq9', '--date', date, '--campaign', campaignId, ...as];
    const ok = cli(args(good, '2025-03-11'));
    expect(ok.code, ok.err).toBe(0);
    const done = ok.json<{ imported: number; flagged: number; alerts: { severity: string }[] }>();
    expect([done.imported, done.flagged, done.alerts.length]).toEqual([STUDENTS, 0, STUDENTS / 10]);
    expect(new Set(done.alerts.map((a) => a.severity))).toEqual(new Set(['critical']));
    expect(formCount()).toBe(STUDENTS);

    // A second day's sheet with one answer out of range on row 1,234.
    const bad = join(dir, 'phq9-bad.csv');
    writeFileSync(bad, answerCsv(studentNos, BAD_ROW));
    const dry = cli([...args(bad, '2025-03-12'), '--dry-run']);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.json()).toMatchObject({ totalRows: STUDENTS, validRows: STUDENTS - 1, issues: [{ row: BAD_ROW, column: '9', value: '5', reason: 'answerImport.reason.badCode' }] });
    const refused = cli(args(bad, '2025-03-12'));
    expect(refused.code).toBe(2);
    const { error } = JSON.parse(refused.err.trim().split('\n')[0]!) as { error: { code: string; messageKey: string; details: { path: string; row: number }[] } };
    expect(error).toMatchObject({ code: 'VALIDATION', messageKey: 'errors.assessment.importInvalid' });
    expect(error.details).toEqual([expect.objectContaining({ path: `rows.${BAD_ROW}.9`, row: BAD_ROW })]);
    expect(formCount()).toBe(STUDENTS);
  }, 240_000);

  it('exits 4 for a file that cannot be read and 1 with usage when --scale is missing', () => {
    expect(cli(['assess', 'import', join(dir, 'none.csv'), '--scale', 'phq9', '--date', '2025-03-11', ...as]).code).toBe(4);
    const usage = cli(['assess', 'import', join(dir, 'none.csv'), '--date', '2025-03-11', ...as]);
    expect([usage.code, usage.err]).toEqual([1, expect.stringContaining('missing --scale')]);
  });
});
