import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../electron/db/migrate';
import { tableDigests } from '../../electron/db/table-digests';
import { getStudent, insertStudents, listStudents, type ListQuery } from '../../electron/services/roster/students-repo';
import { pinyinKeys } from '../../shared/domain/pinyin';
import { syntheticRoster } from '../../bench/dataset';
import { tempArchive } from '../helpers/raw-db';

let archive: ReturnType<typeof tempArchive> | undefined;
afterEach(() => {
  archive?.remove();
  archive = undefined;
});

/** The migration's own number, so the test reads the version before it whatever lands beside it. */
const VERSION = loadMigrations().find((m) => m.name === 'roster_write_cost')!.version;

type Guardian = { name: string; relation: string; phone: string };

/** Students at the version before, each with its guardians as that version stored them (position, in the order inserted). */
const STUDENTS: { id: string; no: string; name: string; deleted?: true; guardians: [number, Guardian][] }[] = [
  // Inserted out of position order: the JSON must follow the positions.
  { id: 's1', no: '20240101', name: '张三明', guardians: [[1, { name: '张父', relation: '父亲', phone: '13800000002' }], [0, { name: '李母', relation: '母亲', phone: '13800000001' }]] },
  // Characters JSON must escape, and a guardian known only by a phone.
  { id: 's2', no: '20240102', name: '欧阳娜娜', guardians: [[0, { name: '欧阳"大"\\明', relation: '', phone: '' }], [1, { name: '', relation: '', phone: '(010) 6000-0000' }]] },
  { id: 's3', no: '20240103', name: '赵一鸣', guardians: [] },
  // A removed student keeps its guardians too.
  { id: 's4', no: '20240104', name: '周子怡', deleted: true, guardians: [[0, { name: '周父', relation: '父亲', phone: '13900000000' }]] },
];

function seedBefore(db: Database.Database): void {
  const student = db.prepare(
    `INSERT INTO students (id, student_no, name, name_pinyin, name_initials, sex, grade, class_name, status, notes, created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, 'F', 8, '3班', 'active', '备注', 1, 2, ?)`,
  );
  const guardian = db.prepare('INSERT INTO guardians (id, student_id, position, name, relation, phone) VALUES (?, ?, ?, ?, ?, ?)');
  for (const s of STUDENTS) {
    const keys = pinyinKeys(s.name);
    student.run(s.id, s.no, s.name, keys.full, keys.initials, s.deleted ? 5 : null);
    s.guardians.forEach(([position, g], i) => guardian.run(`${s.id}-g${i}`, s.id, position, g.name, g.relation, g.phone));
  }
}

type Row = Record<string, unknown>;
const studentRows = (db: Database.Database) => db.prepare('SELECT rowid AS row_id, * FROM students ORDER BY rowid').all() as Row[];
const indexesOn = (db: Database.Database, table: string) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name`).all(table) as { name: string }[]).map((r) => r.name);
const indexColumns = (db: Database.Database, index: string) => (db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(index) as { name: string | null }[]).map((r) => r.name);

describe('migration 022: guardians in the student row, one pinyin index', () => {
  it('moves every guardian into its student in position order, keeps every other row and column, and leaves one pinyin index', () => {
    archive = tempArchive('counselroom-mig22-');
    const db = archive.db;
    expect(migrate(db, loadMigrations().slice(0, VERSION - 1))).toBe(VERSION - 1);
    seedBefore(db);
    const before = studentRows(db);
    const digests = tableDigests(db);

    expect(migrate(db, loadMigrations().slice(0, VERSION))).toBe(VERSION);
    expect(schemaVersion(db)).toBe(VERSION);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // Each student's guardians, in position order, as the roster reads them.
    const expected = Object.fromEntries(STUDENTS.map((s) => [s.id, [...s.guardians].sort((a, b) => a[0] - b[0]).map(([, g]) => g)]));
    const stored = db.prepare('SELECT id, guardians FROM students').all() as { id: string; guardians: string }[];
    expect(Object.fromEntries(stored.map((r) => [r.id, JSON.parse(r.guardians) as Guardian[]]))).toEqual(expected);
    for (const s of STUDENTS.filter((x) => !x.deleted)) expect(getStudent(db, s.id)!.guardians).toEqual(expected[s.id]);
    // Nothing else of a student changed, rowids included; every other table is as it was.
    expect(studentRows(db).map(({ guardians: _g, ...rest }) => rest)).toEqual(before);
    const after = tableDigests(db);
    expect(Object.keys(after).sort()).toEqual(Object.keys(digests).filter((n) => n !== 'guardians').sort());
    for (const name of Object.keys(after).filter((n) => n !== 'students')) expect([name, after[name]]).toEqual([name, digests[name]]);

    // One pinyin index, holding the order's first key and the initials; the other two are gone.
    expect(indexesOn(db, 'students')).not.toContain('students_pinyin_compact');
    expect(indexesOn(db, 'students')).not.toContain('students_initials');
    expect(indexColumns(db, 'students_pinyin')).toEqual(['name_pinyin', 'name_initials', 'deleted_at']);
    // The column takes only a JSON array.
    expect(() => db.prepare(`UPDATE students SET guardians = 'not json' WHERE id = 's3'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE students SET guardians = '{}' WHERE id = 's3'`).run()).toThrow(/CHECK/);
    // The search finds the migrated students by pinyin and initials prefix (the removed one not).
    const found = (query: string) => listStudents(db, { query, sort: 'studentNo', page: 1, pageSize: 50 }).items.map((s) => s.name);
    expect(found('zh')).toEqual(['张三明', '赵一鸣']);
    expect(found('zsm')).toEqual(['张三明']);
    expect(found('ouyangn')).toEqual(['欧阳娜娜']);
  });

  it('migrates an empty archive', () => {
    archive = tempArchive('counselroom-mig22-empty-');
    expect(migrate(archive.db)).toBe(loadMigrations().length);
    expect(indexesOn(archive.db, 'guardians')).toEqual([]);
    expect(indexColumns(archive.db, 'students_pinyin')).toEqual(['name_pinyin', 'name_initials', 'deleted_at']);
  });
});

/** Names whose syllables can be cut more than one way, and compound surnames. */
const TRICKY = ['西安', '先进', '夏明', '席安娜', '李昂', '梁', '刘安', '张三', '张安', '欧阳娜娜', '司马光', '曾小贤', '吕方', '女娲', '安琪', '艾力'];

describe('the Latin search from the one pinyin index', () => {
  it('finds exactly the students whose compact pinyin or initials start with the query, reading the index alone', () => {
    archive = tempArchive('counselroom-search22-');
    const db = archive.db;
    migrate(db);
    const names = [...TRICKY, ...syntheticRoster(600, 5).map((s) => s.name)];
    const fields = names.map((name, i) => ({
      studentNo: String(30000000 + i), name, sex: 'M' as const, birthDate: null, grade: 7, className: '1班', enrollmentYear: null, status: 'active' as const, guardians: [], notes: '',
    }));
    insertStudents(db, fields, 1);
    const keys = names.map((name, i) => ({ no: String(30000000 + i), ...pinyinKeys(name) }));
    const query = (q: string): ListQuery => ({ query: q, sort: 'studentNo', page: 1, pageSize: 1000 });
    const expectedFor = (q: string) => keys.filter((k) => k.full.replace(/ /g, '').startsWith(q) || k.initials.startsWith(q)).map((k) => k.no);

    // Every prefix of every key, and a few that match nothing.
    const queries = new Set(['xian', 'xia', 'xi', 'lia', 'liang', 'zhangan', 'zhangs', 'zz', 'q', 'v', 'lv', 'nv', 'ouy']);
    for (const k of keys) for (const text of [k.full.replace(/ /g, ''), k.initials]) for (let n = 1; n <= Math.min(text.length, 6); n++) queries.add(text.slice(0, n));
    for (const q of queries) expect([q, listStudents(db, query(q)).items.map((s) => s.studentNo)]).toEqual([q, expectedFor(q)]);
    // 西安 (xi an) and 先进 (xian jin) both start with "xian".
    expect(listStudents(db, query('xian')).items.map((s) => s.name)).toEqual(expect.arrayContaining(['西安', '先进']));

    // The pinyin part of the search is one range of the index, covering (no read of the table);
    // no step of the count reads the whole table. (With a grade, so that the statement is prepared anew.)
    const seen: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => (seen.push(sql), prepare(sql))) as typeof db.prepare;
    listStudents(db, { ...query('zh'), grade: 7 });
    db.prepare = prepare;
    const count = seen.find((sql) => sql.startsWith('SELECT count(*)'))!;
    const params = Object.fromEntries([...new Set(count.match(/@\w+/g))].map((p) => [p.slice(1), null]));
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${count}`).all(params) as { detail: string }[]).map((r) => r.detail);
    expect(plan).toContain('SEARCH students USING COVERING INDEX students_pinyin (name_pinyin>? AND name_pinyin<?)');
    expect(plan).not.toContain('SCAN students');
  });
});
