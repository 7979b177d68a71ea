import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CounselClient, InputOf } from '../../shared/api/contract';
import { en } from '../../shared/i18n/en';
import { zhCN } from '../../shared/i18n/zh-CN';
import { ANSWER_IMPORT_REASONS } from '../../electron/services/assessments/answer-import';
import { counselingSchool, rejection, STUDENT, type CounselingSchool } from '../helpers/counseling';
import { consentToTesting } from '../helpers/screening';

let s: CounselingSchool;
afterEach(async () => s?.t.cleanup());

const DATE = '2025-03-11';
const base64 = (text: string) => Buffer.from(text).toString('base64');
const sheet = (csv: string, extra: Partial<InputOf<'assessments.importPreview'>> = {}): InputOf<'assessments.importPreview'> => ({
  fileName: 'phq9.csv',
  contentBase64: base64(csv),
  scaleId: 'phq9',
  date: DATE,
  ...extra,
});

/** Every way a school heads an item column, one of each, with 姓名 and 班级 to be ignored. */
const HEADER = '学号,姓名,班级,phq9_1,2,第3题,Q4,q5,题6,7,8,9';
const row = (no: string, answers: string) => `${no},某某,3班,${answers.split('').join(',')}`;

async function student(c: CounselClient, no: string, extra: Partial<InputOf<'students.create'>> = {}, consent = true): Promise<string> {
  const { id } = await c.students.create({ ...STUDENT, studentNo: no, ...extra });
  if (consent) await consentToTesting(c, id);
  return id;
}

async function formCount(c: CounselClient, ids: readonly string[]): Promise<number> {
  let n = 0;
  for (const studentId of ids) n += (await c.assessments.ofStudent({ studentId })).total;
  return n;
}

describe('batch import of PHQ-9 answers', () => {
  it('lists every issue of every row in sheet order, and the commit refuses the file writing nothing', async () => {
    s = await counselingSchool();
    const { c } = s;
    const a = await student(c, '1001');
    const noConsent = await student(c, '1002', {}, false);
    const tested = await student(c, '1003');
    const young = await student(c, '1004', { birthDate: '2016-05-01' });
    const left = await student(c, '1005', { status: 'graduated' });
    await c.assessments.start({ studentId: tested, scaleId: 'phq9', mode: 'paper', date: DATE });
    const csv = [
      HEADER,
      row('1001', '000000001'),
      `9999,某某,3班,4,0,0,0,0,0,0,0,0`,
      `1002,某某,3班,0,0,0,,0,0,0,0,0`,
      row('1001', '111111110'),
      row('1003', '000000000'),
      row('1004', '000000000'),
      row('1005', '00000000x'),
    ].join('\n');
    const preview = await c.assessments.importPreview(sheet(csv));
    expect(preview).toMatchObject({ format: 'csv', scaleId: 'phq9', version: '1.0.0', totalRows: 7, validRows: 1, criticalRows: [{ row: 2, studentNo: '1001', name: '张三明' }] });
    expect(preview.mapping.map((m) => m.itemId)).toEqual([
      'studentNo', null, null, 'phq9_1', 'phq9_2', 'phq9_3', 'phq9_4', 'phq9_5', 'phq9_6', 'phq9_7', 'phq9_8', 'phq9_9',
    ]);
    // Each issue names the row's student: the roster's 姓名 for a known 学号, the sheet's own for an unknown one.
    expect(preview.issues).toEqual([
      { row: 3, column: '学号', value: '9999', reason: 'answerImport.reason.notInRoster', studentNo: '9999', name: '某某' },
      { row: 3, column: 'phq9_1', value: '4', reason: 'answerImport.reason.badCode', params: { options: '0, 1, 2, 3' }, studentNo: '9999', name: '某某' },
      { row: 4, column: '学号', value: '1002', reason: 'answerImport.reason.noConsent', params: { student: 'none', guardian: 'none' }, studentNo: '1002', name: '张三明' },
      { row: 4, column: 'Q4', value: '', reason: 'answerImport.reason.blank', params: { allowed: 0 }, studentNo: '1002', name: '张三明' },
      { row: 5, column: '学号', value: '1001', reason: 'import.reason.duplicateInFile', params: { firstRow: 2 }, studentNo: '1001', name: '张三明' },
      { row: 6, column: '学号', value: '1003', reason: 'answerImport.reason.alreadyToday', params: { date: DATE }, studentNo: '1003', name: '张三明' },
      { row: 7, column: '学号', value: '1004', reason: 'answerImport.reason.ineligible', params: { outside: 'age' }, studentNo: '1004', name: '张三明' },
      { row: 8, column: '学号', value: '1005', reason: 'answerImport.reason.notActive', params: { status: 'graduated' }, studentNo: '1005', name: '张三明' },
      { row: 8, column: '9', value: 'x', reason: 'answerImport.reason.badCode', params: { options: '0, 1, 2, 3' }, studentNo: '1005', name: '张三明' },
    ]);

    const ids = [a, noConsent, tested, young, left];
    const before = await formCount(c, ids);
    const e = await rejection(c.assessments.importCommit(sheet(csv)));
    expect([e.code, e.messageKey]).toEqual(['VALIDATION', 'errors.assessment.importInvalid']);
    expect(e.details).toHaveLength(preview.issues.length);
    expect((e.details as unknown[])[1]).toEqual({ path: 'rows.3.phq9_1', row: 3, column: 'phq9_1', value: '4', reason: 'answerImport.reason.badCode', options: '0, 1, 2, 3', studentNo: '9999', name: '某某' });
    expect(await formCount(c, ids)).toBe(before);
    expect((await c.alerts.open({})).items).toEqual([]);

    // Acknowledging eligibility clears only that row's issue.
    const acknowledged = await c.assessments.importPreview(sheet(csv, { acknowledgeIneligible: true }));
    expect(acknowledged.issues.filter((i) => i.row === 7)).toEqual([]);
    expect(acknowledged.validRows).toBe(2);
  });

  it('imports a good file all at once: completed forms with results, the critical alert raised, one audit row without names', async () => {
    s = await counselingSchool();
    const { c } = s;
    const ids = [await student(c, '2001'), await student(c, '2002'), await student(c, '2003')];
    const csv = [HEADER, row('2001', '000000002'), row('2002', '222222220'), row('2003', '00000000')].join('\r\n');
    // Row 4 leaves item 9 blank: the all-required total refuses it, so the sheet is fixed first.
    const blank = await c.assessments.importPreview(sheet(csv));
    expect(blank.issues).toEqual([{ row: 4, column: '9', value: '', reason: 'answerImport.reason.blank', params: { allowed: 0 }, studentNo: '2003', name: '张三明' }]);
    const fixed = csv.replace(/,0,0,0,0,0,0,0,0$/, ',0,0,0,0,0,0,0,0,0');
    const done = await c.assessments.importCommit(sheet(fixed));
    expect(done).toMatchObject({ imported: 3, flagged: 1 });
    expect(done.alerts.map((x) => [x.studentId, x.alertId, x.severity])).toEqual([[ids[0], 'phq9_item9', 'critical']]);
    expect((await c.alerts.open({})).items.map((x) => x.id)).toEqual(done.alerts.map((x) => x.id));

    const forms = (await c.assessments.ofStudent({ studentId: ids[1]! })).items;
    expect(forms).toHaveLength(1);
    expect(forms[0]).toMatchObject({ mode: 'import', status: 'completed', date: DATE, campaignId: null, answers: { phq9_1: '2', phq9_9: '0' } });
    expect(forms[0]!.result!.scales.find((x) => x.id === 'total')).toMatchObject({ score: 16, band: '15-19', flag: true });

    const audit = (await c.audit.list({ action: 'assessments.importCommit' })).items;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ scaleId: 'phq9', version: '1.0.0', rows: 3, flagged: 1, alerts: 1 });
    expect(JSON.stringify(audit)).not.toContain('某某');

    // The same sheet again is a second administration on the same day for every row.
    const again = await c.assessments.importPreview(sheet(fixed));
    expect(again.issues.map((i) => [i.row, i.reason])).toEqual([2, 3, 4].map((r) => [r, 'answerImport.reason.alreadyToday']));
  });

  it('reads an Excel workbook whose answers are number cells', async () => {
    s = await counselingSchool();
    const { c } = s;
    const id = await student(c, '3001');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('答卷');
    ws.addRow(['学号', '姓名', ...Array.from({ length: 9 }, (_, i) => `第${i + 1}题`)]);
    ws.addRow([3001, '某某', 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const input = { ...sheet(''), fileName: 'phq9.xlsx', contentBase64: bytes.toString('base64') };
    expect(await c.assessments.importPreview(input)).toMatchObject({ format: 'xlsx', totalRows: 1, validRows: 1, issues: [] });
    expect(await c.assessments.importCommit(input)).toMatchObject({ imported: 1, flagged: 0, alerts: [] });
    expect((await c.assessments.ofStudent({ studentId: id })).items[0]!.answers).toMatchObject({ phq9_1: '1', phq9_9: '0' });
  });

  it('names the columns a sheet lacks on row 1, and refuses an unknown scale or a future date', async () => {
    s = await counselingSchool();
    const { c } = s;
    const noItems = await c.assessments.importPreview(sheet('编号,1,2,3,4,5,6,7,8,8\n1,0,0,0,0,0,0,0,0,0'));
    expect(noItems.issues).toEqual([
      { row: 1, column: '学号', value: '', reason: 'import.reason.missingColumn' },
      { row: 1, column: '8', value: '8', reason: 'import.reason.duplicateColumn' },
      { row: 1, column: '第9题', value: '', reason: 'import.reason.missingColumn' },
    ]);
    expect([noItems.totalRows, noItems.validRows]).toEqual([1, 0]);
    expect((await rejection(c.assessments.importCommit(sheet('编号,1\n1,0')))).messageKey).toBe('errors.assessment.importInvalid');

    const unknown = await rejection(c.assessments.importPreview(sheet(HEADER, { scaleId: 'nope' })));
    expect([unknown.code, unknown.details]).toMatchObject(['NOT_FOUND', { path: 'scaleId' }]);
    const future = await rejection(c.assessments.importPreview(sheet(HEADER, { date: '2025-03-13' })));
    expect([future.code, future.details]).toEqual(['VALIDATION', [{ path: 'date', reason: 'errors.field.futureDate' }]]);
    const empty = await rejection(c.assessments.importPreview(sheet(HEADER)));
    expect([empty.code, empty.messageKey, empty.details]).toEqual(['VALIDATION', 'import.error.unreadable', [{ reason: 'import.error.empty' }]]);
  });

  it('in a screening: its consent list counts, only its participants and scales, its pinned version, and the triage queue is fed', async () => {
    s = await counselingSchool();
    const { c } = s;
    const listed = await student(c, '4001', {}, false);
    await student(c, '4002', { grade: 9, name: '李四清' });
    const campaign = await c.campaigns.create({ name: '春季普测', scales: [{ scaleId: 'phq9' }], grades: [8], startDate: '2025-03-10', endDate: '2025-03-14' });
    await c.campaigns.setConsent({ id: campaign.id, entries: [{ studentId: listed, studentConsent: 'given', guardianConsent: 'given' }] });
    const csv = [HEADER, row('4001', '000000001'), row('4002', '000000000')].join('\n');
    const inCampaign = (extra: Partial<InputOf<'assessments.importPreview'>> = {}) => sheet(csv, { campaignId: campaign.id, ...extra });

    expect((await c.assessments.importPreview(inCampaign())).issues).toEqual([{ row: 3, column: '学号', value: '4002', reason: 'answerImport.reason.notParticipant', studentNo: '4002', name: '李四清' }]);
    const otherScale = await rejection(c.assessments.importPreview(inCampaign({ scaleId: 'gad7' })));
    expect([otherScale.code, otherScale.details]).toEqual(['VALIDATION', [{ path: 'scaleId', reason: 'errors.campaign.scaleNotInCampaign' }]]);
    const otherVersion = await rejection(c.assessments.importPreview(inCampaign({ version: '0.9.0' })));
    expect([otherVersion.code, otherVersion.details]).toEqual(['VALIDATION', [{ path: 'version', reason: 'errors.campaign.otherVersion', pinned: '1.0.0' }]]);

    const done = await c.assessments.importCommit(sheet([HEADER, row('4001', '000000001')].join('\n'), { campaignId: campaign.id }));
    expect(done).toMatchObject({ imported: 1, alerts: [{ studentId: listed, severity: 'critical' }] });
    expect((await c.assessments.ofStudent({ studentId: listed })).items[0]).toMatchObject({ campaignId: campaign.id, mode: 'import' });
    expect((await c.campaigns.triage({ id: campaign.id })).items.map((e) => [e.studentId, e.priority])).toEqual([[listed, 'critical']]);
    expect((await c.campaigns.get({ id: campaign.id })).participants.find((p) => p.studentId === listed)).toMatchObject({ outcome: 'done', completedScales: ['phq9'] });

    await c.campaigns.update({ id: campaign.id, status: 'closed' });
    const closed = await rejection(c.assessments.importPreview(inCampaign()));
    expect([closed.code, closed.messageKey]).toEqual(['CONFLICT', 'errors.campaign.closed']);
  });

  it('has a translation for every reason it can give', () => {
    const lookup = (catalog: object, key: string) => key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], catalog);
    for (const reason of ANSWER_IMPORT_REASONS) {
      expect(typeof lookup(zhCN, reason), reason).toBe('string');
      expect(typeof lookup(en, reason), reason).toBe('string');
    }
  });
});

describe('columns mapped by hand, and the template', () => {
  /** A school's own headers the rules do not know: 考号 for 学号 and 题一…题九 for the items. */
  const OWN_HEADER = '考号,姓名,题一,题二,题三,题四,题五,题六,题七,题八,题九';
  const ITEMS = Array.from({ length: 9 }, (_, i) => `phq9_${i + 1}`);

  it('a sheet with unknown headers is mapped column by column and imported; a bad mapping is refused naming what is wrong', async () => {
    s = await counselingSchool();
    const { c } = s;
    const id = await student(c, '2001');
    const csv = [OWN_HEADER, '2001,某某,0,1,0,1,0,1,0,1,0'].join('\n');

    // Read by its headers: nothing recognised, and every missing column named on row 1.
    const guessed = await c.assessments.importPreview(sheet(csv));
    // 姓名 is read by its header only to name a row; no column is an item or the 学号.
    expect(guessed.mapping.map((m) => [m.itemId, m.guessed])).toEqual(OWN_HEADER.split(',').map(() => [null, null]));
    expect(guessed.issues.map((i) => [i.row, i.column, i.reason])).toContainEqual([1, '学号', 'import.reason.missingColumn']);

    // Mapped by hand: 考号 → 学号, 题一 → item 1 …; 姓名 not imported.
    const mapping = ['studentNo', null, ...ITEMS];
    const mapped = await c.assessments.importPreview(sheet(csv, { mapping }));
    expect(mapped.issues).toEqual([]);
    expect(mapped.mapping.map((m) => m.itemId)).toEqual(mapping);
    expect(mapped.validRows).toBe(1);

    // Two columns sent to one item: refused on row 1, naming the second column.
    const twice = await c.assessments.importPreview(sheet(csv, { mapping: ['studentNo', null, 'phq9_1', 'phq9_1', ...ITEMS.slice(2)] }));
    expect(twice.issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [1, '题二', 'import.reason.duplicateColumn'],
      [1, '第2题', 'import.reason.missingColumn'],
    ]);
    // A mapping made for another file, or naming no item of this scale: VALIDATION naming the field.
    const short = await rejection(c.assessments.importPreview(sheet(csv, { mapping: mapping.slice(1) })));
    expect([short.code, short.details]).toEqual(['VALIDATION', [{ path: 'mapping', reason: 'errors.import.mappingColumns', columns: 11 }]]);
    const foreign = await rejection(c.assessments.importPreview(sheet(csv, { mapping: ['studentNo', null, 'gad7_1', ...ITEMS.slice(1)] })));
    expect([foreign.code, foreign.details]).toEqual(['VALIDATION', [{ path: 'mapping.2', reason: 'errors.field.choose' }]]);

    // Nothing was written by any preview; the commit through the same mapping imports the form.
    expect(await formCount(c, [id])).toBe(0);
    expect((await c.assessments.importCommit(sheet(csv, { mapping }))).imported).toBe(1);
    expect(await formCount(c, [id])).toBe(1);
  });

  it('remembers a hand mapping per scale and header row once imported: the next sheet so headed is read by it, another layout or scale is not', async () => {
    s = await counselingSchool();
    const { c } = s;
    const ids = [await student(c, '2101'), await student(c, '2102')];
    const csv = (no: string, header = OWN_HEADER) => [header, `${no},某某,0,1,0,1,0,1,0,1,0`].join('\n');
    const mapping = ['studentNo', null, ...ITEMS];

    // A preview alone remembers nothing, nor does a commit read by the headers.
    await c.assessments.importPreview(sheet(csv('2101'), { mapping }));
    expect((await c.assessments.importPreview(sheet(csv('2101')))).remembered).toBe(false);
    expect((await c.assessments.importCommit(sheet(csv('2101'), { mapping }))).imported).toBe(1);

    // Next week's sheet, same headers (spaced and starred as a template marks them: the same layout).
    const next = sheet(csv('2102', OWN_HEADER.replace('考号', '考号 *')), { date: '2025-03-12' });
    const recalled = await c.assessments.importPreview(next);
    expect([recalled.remembered, recalled.mapping.map((m) => m.itemId), recalled.issues, recalled.validRows]).toEqual([true, mapping, [], 1]);
    expect((await c.assessments.importCommit(next)).imported).toBe(1);
    expect(await formCount(c, ids)).toBe(2);

    // One more column is another layout, and GAD-7's items are not PHQ-9's: both read by their headers.
    const wider = await c.assessments.importPreview(sheet(csv('2102', `${OWN_HEADER},备注`).replace(/0$/, '0,'), { date: '2025-03-10' }));
    expect([wider.remembered, wider.mapping[0]!.itemId]).toEqual([false, null]);
    const gad7 = await c.assessments.importPreview(sheet(csv('2102'), { scaleId: 'gad7', date: '2025-03-10' }));
    expect([gad7.remembered, gad7.mapping[0]!.itemId]).toEqual([false, null]);
  });

  it('the template is an xlsx the import reads as it is: 学号, 姓名, one column per item, an example row, and the accepted headers', async () => {
    s = await counselingSchool();
    const { c } = s;
    const file = await c.assessments.importTemplate({ scaleId: 'phq9' });
    expect(file.filename).toBe('答卷模板-phq9-1.0.0.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('答卷')!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1).map(String));
    expect(rows[0]).toEqual(['学号', '姓名', ...Array.from({ length: 9 }, (_, i) => `第${i + 1}题`)]);
    expect(rows[1]).toEqual(['2025070101', '张三明', ...Array.from({ length: 9 }, () => '0')]);
    const accepted = wb.getWorksheet('可用的表头')!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1).map(String));
    expect(accepted[0]![0]).toBe('学号');
    expect(accepted[0]![1]).toContain('学籍号');
    expect(accepted[2]).toEqual(['第1题', 'phq9_1、1、第1题、q1、题1、1题']);

    // The example row, its 学号 on the roster, previews clean with every column read by its header.
    await student(c, '2025070101');
    const preview = await c.assessments.importPreview({ fileName: file.filename, contentBase64: file.base64, scaleId: 'phq9', date: DATE });
    expect(preview.issues).toEqual([]);
    expect(preview.mapping.map((m) => m.itemId)).toEqual(['studentNo', null, ...ITEMS]);
    expect(preview.validRows).toBe(1);
    expect((await rejection(c.assessments.importTemplate({ scaleId: 'nosuchscale' }))).code).toBe('NOT_FOUND');
  });
});
