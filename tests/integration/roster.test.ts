import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type CounselError } from '../../shared/api/errors';
import { setupSchool, startTestCore, type TestCore } from '../helpers/inproc';

let t: TestCore;
afterEach(async () => t?.cleanup());

const rejection = (p: Promise<unknown>) => p.then(() => expect.unreachable('accepted'), (e: unknown) => e as CounselError);

const fixture = (name: string) => ({
  fileName: name,
  contentBase64: readFileSync(`tests/fixtures/roster/${name}`).toString('base64'),
});

async function ready() {
  t = await startTestCore();
  await setupSchool(t.client);
  return t.client;
}

describe('roster import', () => {
  it('previews and commits an xlsx, then updates by 学号 on re-import', async () => {
    const c = await ready();
    const preview = await c.students.importPreview(fixture('roster-ok.xlsx'));
    expect(preview).toMatchObject({ format: 'xlsx', totalRows: 10, validRows: 10, creates: 10, updates: 0, issues: [] });
    expect(await c.students.importCommit(fixture('roster-ok.xlsx'))).toEqual({ created: 10, updated: 0 });
    expect(await c.students.importCommit(fixture('roster-ok.xlsx'))).toEqual({ created: 0, updated: 10 });
    expect((await c.students.list({})).total).toBe(10);
    const audit = (await c.audit.list({ action: 'students.importCommit' })).items;
    expect(audit.map((r) => r.details)).toEqual([
      { format: 'xlsx', created: 0, updated: 10 },
      { format: 'xlsx', created: 10, updated: 0 },
    ]);
  });

  it('lists every bad row and commits nothing from a file with one', async () => {
    const c = await ready();
    const preview = await c.students.importPreview(fixture('roster-one-bad-row.xlsx'));
    expect(preview.issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [7, '性别', 'import.reason.badSex'],
      [7, '出生日期', 'import.reason.badDate'],
    ]);
    const e = (await c.students.importCommit(fixture('roster-one-bad-row.xlsx')).catch((x: unknown) => x)) as CounselError;
    expect(e.code).toBe('VALIDATION');
    expect(e.details).toEqual(preview.issues);
    expect((await c.students.list({})).total).toBe(0);
    expect((await c.audit.list({ action: 'students.importCommit' })).total).toBe(0);
  });

  it('reads a GBK csv and refuses grades the school does not teach', async () => {
    const c = await ready();
    expect(await c.students.importCommit(fixture('roster-gbk.csv'))).toEqual({ created: 3, updated: 0 });
    expect((await c.students.list({ query: 'oynn' })).items.map((s) => s.name)).toEqual(['欧阳娜娜']);
    const primary = await c.students.importPreview(fixture('roster-utf8-bom.csv'));
    expect(primary.issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [2, 'Grade', 'import.reason.gradeNotInSchool'],
      [3, 'Grade', 'import.reason.gradeNotInSchool'],
      [4, 'Grade', 'import.reason.gradeNotInSchool'],
    ]);
  });

  it('imports a school-records export with its guardian phone column mapped by hand, and reads the next one the same way', async () => {
    const c = await ready();
    const csv = (rows: string[]) => ({
      fileName: 'xueji.csv',
      contentBase64: Buffer.from(['学籍号,姓名,性别,出生日期,年级,班级,监护人联系电话', ...rows].join('\n')).toString('base64'),
    });
    const file = csv(['G2024001,张三明,男,2012-03-01,初一,1,13800000001', 'G2024002,李小红,女,2012-05-02,初一,1,13800000002']);
    const guessed = await c.students.importPreview(file);
    expect(guessed.mapping.at(-1)).toEqual({ column: '监护人联系电话', field: null, guessed: null, suggested: 'guardianPhone' });
    expect(guessed.remembered).toBe(false);

    const mapping = ['studentNo', 'name', 'sex', 'birthDate', 'grade', 'className', 'guardianPhone'] as const;
    // Two columns given one field: refused in the preview naming both, and nothing is written by a preview.
    const twice = await c.students.importPreview({ ...file, mapping: [...mapping.slice(0, 6), 'studentNo'] });
    expect(twice.issues).toEqual([{ row: 1, column: '监护人联系电话', value: '监护人联系电话', reason: 'import.reason.sameField', params: { first: '学籍号', field: '学号' } }]);
    expect((await rejection(c.students.importCommit({ ...file, mapping: [...mapping.slice(0, 6), 'studentNo'] }))).code).toBe('VALIDATION');
    expect((await c.students.list({})).total).toBe(0);

    expect(await c.students.importCommit({ ...file, mapping: [...mapping] })).toEqual({ created: 2, updated: 0 });
    const [first] = (await c.students.list({ query: '张三明' })).items;
    expect((await c.students.get({ id: first!.id })).guardians).toEqual([{ name: '', relation: '', phone: '13800000001' }]);

    // Next term's export has the same header row: the choice is applied without asking again.
    const next = await c.students.importPreview(csv(['G2024003,王小虎,男,2012-07-03,初一,2,13800000003']));
    expect([next.remembered, next.mapping.at(-1)?.field, next.issues]).toEqual([true, 'guardianPhone', []]);
    expect(await c.students.importCommit(csv(['G2024003,王小虎,男,2012-07-03,初一,2,13800000003']))).toEqual({ created: 1, updated: 0 });
    const [third] = (await c.students.list({ query: '王小虎' })).items;
    expect((await c.students.get({ id: third!.id })).guardians.map((g) => g.phone)).toEqual(['13800000003']);
  });

  it('a re-import says which students it changes and which of their fields, before anything is written', async () => {
    const c = await ready();
    const csv = (rows: string[]) => ({ fileName: 'r.csv', contentBase64: Buffer.from(['学号,姓名,性别,年级,班级,联系电话', ...rows].join('\n')).toString('base64') });
    const rows = ['1,张三明,男,初一,1,13800000001', '2,李小红,女,初一,1,13800000002', '3,王小虎,男,初一,2,13800000003'];
    await c.students.importCommit(csv(rows));
    const again = await c.students.importPreview(csv([rows[0]!, '2,李小红,女,初一,2,13800000002', '3,王小虎,男,初一,2,13900000003']));
    expect([again.creates, again.updates]).toEqual([0, 3]);
    expect(again.changes).toEqual([
      { row: 3, studentNo: '2', name: '李小红', fields: ['className'] },
      { row: 4, studentNo: '3', name: '王小虎', fields: ['guardians'] },
    ]);
    const [li] = (await c.students.list({ query: '李小红' })).items;
    expect(li!.className).toBe('1班');
  });

  it('stores every row of a file written many rows to a statement: each student with its own fields and guardian, new ones and re-imported ones mixed', async () => {
    const c = await ready();
    const header = '学号,姓名,性别,出生日期,年级,班级,监护人,联系电话';
    const given = ['明', '华', '丽', '强', '静', '伟', '芳', '军'];
    const line = (i: number, phone = 13800000000 + i) =>
      `S${String(i).padStart(4, '0')},王${given[i % 8]}${given[(i >> 3) % 8]},${i % 2 ? '女' : '男'},2012-0${1 + (i % 9)}-1${i % 10},初一,${1 + (i % 5)},家长${i},${phone}`;
    const file = (lines: string[]) => ({ fileName: 'r.csv', contentBase64: Buffer.from([header, ...lines].join('\n')).toString('base64') });
    // 150 rows: two statements of 64 and 22 rows one at a time; then 40 of them again with new phones, among 100 new ones.
    expect(await c.students.importCommit(file(Array.from({ length: 150 }, (_, i) => line(i))))).toEqual({ created: 150, updated: 0 });
    const again = [...Array.from({ length: 40 }, (_, i) => line(i * 3, 13900000000 + i * 3)), ...Array.from({ length: 100 }, (_, i) => line(150 + i))];
    expect(await c.students.importCommit(file(again))).toEqual({ created: 100, updated: 40 });

    const all = (await Promise.all([1, 2].map((page) => c.students.list({ sort: 'studentNo', page, pageSize: 200 })))).flatMap((p) => p.items);
    expect(all.map((x) => x.studentNo)).toEqual(Array.from({ length: 250 }, (_, i) => `S${String(i).padStart(4, '0')}`));
    expect(new Set(all.map((x) => x.id)).size).toBe(250);
    for (const i of [0, 3, 63, 64, 127, 128, 129, 149, 150, 213, 214, 249]) {
      const s = await c.students.get({ id: all[i]!.id });
      const updated = i < 120 && i % 3 === 0;
      expect(s).toMatchObject({ name: `王${given[i % 8]}${given[(i >> 3) % 8]}`, sex: i % 2 ? 'F' : 'M', birthDate: `2012-0${1 + (i % 9)}-1${i % 10}`, grade: 7, className: `${1 + (i % 5)}班` });
      expect(s.guardians).toEqual([{ name: `家长${i}`, relation: '', phone: String((updated ? 13900000000 : 13800000000) + i) }]);
    }
  });

  it('offers a template whose headers and example row the import reads without a question', async () => {
    const c = await ready();
    const template = await c.students.importTemplate({});
    expect(template.filename).toBe('学生名册模板.xlsx');
    const preview = await c.students.importPreview({ fileName: template.filename, contentBase64: template.base64 });
    expect(preview.mapping.map((m) => m.field)).toEqual([
      'studentNo', 'name', 'sex', 'birthDate', 'grade', 'className', 'enrollmentYear', 'status', 'guardianName', 'guardianRelation', 'guardianPhone', 'notes',
    ]);
    expect(preview).toMatchObject({ totalRows: 1, validRows: 1, issues: [] });
    expect(preview.sample).toMatchObject([{ name: '张三明', grade: 7, className: '1班', status: 'active' }]);
  });

  it('rejects bytes that are no spreadsheet with a specific error', async () => {
    const c = await ready();
    const e = (await c.students.importPreview({ fileName: 'photo.xlsx', contentBase64: Buffer.from([0xff, 0xd8, 0xff, 0, 1, 2]).toString('base64') }).catch((x: unknown) => x)) as CounselError;
    expect(e).toMatchObject({ code: 'VALIDATION', messageKey: 'import.error.unreadable' });
  });
});

describe('roster list', () => {
  it('sorts by pinyin like Intl.Collator zh-CN, reads surnames as surnames, finds by initials, pinyin and 学号', async () => {
    const c = await ready();
    const names = ['张三明', '李小红', '欧阳娜娜', '曾小贤', '安琪', '白雪', '王小虎', '赵一鸣'];
    for (const [i, name] of names.entries()) {
      await c.students.create({ studentNo: `2024${String(i).padStart(4, '0')}`, name, sex: 'F', grade: 7, className: '1班' });
    }
    const listed = (await c.students.list({})).items.map((s) => s.name);
    // The collator reads 曾 as céng; as a surname it is zēng, so it sorts among the Z names.
    const collated = names.filter((n) => n !== '曾小贤').sort(new Intl.Collator('zh-CN').compare);
    expect(listed.filter((n) => n !== '曾小贤')).toEqual(collated);
    expect(listed.slice(-3)).toEqual(['曾小贤', '张三明', '赵一鸣']);
    expect((await c.students.list({ query: 'zxx' })).items.map((s) => s.name)).toEqual(['曾小贤']);
    expect((await c.students.list({ query: 'zhangsan' })).items.map((s) => s.name)).toEqual(['张三明']);
    expect((await c.students.list({ query: '20240002' })).items.map((s) => s.name)).toEqual(['欧阳娜娜']);
    expect((await c.students.list({ query: '100%' })).total).toBe(0);
    const page2 = await c.students.list({ page: 2, pageSize: 3 });
    expect(page2).toMatchObject({ total: 8, items: listed.slice(3, 6).map((name) => expect.objectContaining({ name })) });
  });
});

describe('roster search by Latin letters (index ranges, migration 015)', () => {
  it('finds the same students as a match on every field would: pinyin and initials by prefix, Latin letters in a name or 学号 anywhere, any case', async () => {
    const c = await ready();
    const students = [
      ['20240001', '张三明'],
      ['20240002', '赵一鸣'],
      ['A2024003', '安琪'],
      ['20240004', 'Tom李'],
      ['20240005', '朱Zhu'],
      ['20240006', '周子怡'],
      ['20240007', '欧阳娜娜'],
    ] as const;
    const ids = new Map<string, string>();
    for (const [studentNo, name] of students) ids.set(name, (await c.students.create({ studentNo, name, sex: 'F', grade: 7, className: '1班' })).id);
    await c.students.remove({ id: ids.get('周子怡')!, reason: '重复录入' });
    const found = async (query: string) => (await c.students.list({ query, sort: 'studentNo' })).items.map((s) => s.name);
    expect(await found('zh')).toEqual(['张三明', '赵一鸣', '朱Zhu']);
    expect(await found('ZH')).toEqual(['张三明', '赵一鸣', '朱Zhu']);
    expect(await found('zhao yi')).toEqual(['赵一鸣']);
    expect(await found('zsm')).toEqual(['张三明']);
    // 安琪 by its pinyin and by the A in its 学号; 欧阳娜娜 by no field starting with a.
    expect(await found('a')).toEqual(['安琪']);
    expect(await found('om')).toEqual(['Tom李']);
    expect(await found('hu')).toEqual(['朱Zhu']);
    // z is the last letter: its range ends past it.
    expect(await found('z')).toEqual(['张三明', '赵一鸣', '朱Zhu']);
    expect(await found('zx')).toEqual([]);
    expect((await c.students.list({ query: 'zh', grade: 8 })).total).toBe(0);
  });
});

describe('roll-forward (升级)', () => {
  it('moves every active student up, graduates the top grade of each stage, and refuses a stale preview', async () => {
    const c = await ready();
    const mk = (studentNo: string, grade: number, status: 'active' | 'suspended' = 'active') =>
      c.students.create({ studentNo, name: `学生${studentNo}`, sex: 'M', grade, className: '1班', status });
    await mk('1', 7);
    const top = await mk('2', 9);
    await mk('3', 12);
    await mk('4', 8, 'suspended');
    const preview = await c.students.rollForwardPreview({});
    expect(preview).toMatchObject({ promoted: 1, graduated: 2 });
    await c.students.update({ id: top.id, className: '2班' });
    expect(await c.students.rollForward({ token: preview.token, acknowledgeWarnings: true }).catch((e: CounselError) => e.messageKey)).toBe('errors.rollForward.stale');
    const fresh = await c.students.rollForwardPreview({});
    expect(await c.students.rollForward({ token: fresh.token, acknowledgeWarnings: true })).toMatchObject({ promoted: 1, graduated: 2 });
    const all = (await c.students.list({ sort: 'studentNo' })).items.map((s) => [s.studentNo, s.grade, s.status]);
    expect(all).toEqual([
      ['1', 8, 'active'],
      ['2', 9, 'graduated'],
      ['3', 12, 'graduated'],
      ['4', 8, 'suspended'],
    ]);
  });
});
