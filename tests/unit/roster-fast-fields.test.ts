import { describe, expect, it } from 'vitest';
import { studentFields } from '../../shared/api/students';
import { plainStudentFields } from '../../electron/services/roster/roster-import/fast-fields';

const VALID = {
  studentNo: '20240101',
  name: '张三明',
  sex: 'M',
  birthDate: '2012-02-29',
  grade: 7,
  className: '3班',
  enrollmentYear: 2024,
  status: 'active',
  guardians: [{ name: '张大明', relation: '父亲', phone: '138-0000 (12)' }],
  notes: '第一行\n第二行',
};

/** Values for each field the import can hand over: valid ones and each way the schema refuses one. */
const VALUES: Record<string, unknown[]> = {
  studentNo: ['1', 'x'.repeat(32), 'x'.repeat(33), '', ' 12', '12 ', '1\u0007', '1\u202E2', '1\n2', 12, undefined],
  name: ['欧阳娜娜', '𠀀明', 'x'.repeat(50), 'x'.repeat(51), '', '张\r三', '\u3000张', undefined],
  sex: ['F', 'X', 'm', undefined],
  birthDate: [null, undefined, '1900-01-01', '2100-12-31', '1899-12-31', '2101-01-01', '2013-02-29', '2012-13-01', '2012-1-01', '20120101', ''],
  grade: [1, 12, 0, 13, 7.5, '7', Number.NaN],
  className: ['实验班', 'x'.repeat(20), 'x'.repeat(21), '', '1班 '],
  enrollmentYear: [null, undefined, 1990, 2100, 1989, 2101, 2024.5],
  status: ['graduated', 'transferred', 'suspended', undefined, 'left', ''],
  guardians: [
    undefined,
    [],
    [{ name: '', relation: '', phone: '13800000000' }],
    [{ name: '李', relation: '', phone: '' }],
    [{ name: '', relation: '母亲', phone: '' }],
    [{ name: '李', relation: '母亲', phone: 'call me' }],
    [{ name: '李', relation: '母亲', phone: '1'.repeat(21) }],
    [{ name: '李', relation: 'x'.repeat(21), phone: '' }],
    [{ name: '李', phone: '1' }],
    [{ name: '李', relation: '', phone: '1', extra: 1 }],
    Array(5).fill({ name: '李', relation: '', phone: '' }),
    'none',
  ],
  notes: [undefined, '', 'x'.repeat(400), 'x'.repeat(401), '\t', 'a\u0000b'],
};

/** The fast path must agree with the schema: it may leave a row to zod, never accept another result. */
function expectAgrees(input: Record<string, unknown>) {
  const fast = plainStudentFields(input);
  const zod = studentFields.safeParse(input);
  if (fast !== null) {
    expect(zod.success, JSON.stringify(input)).toBe(true);
    expect(fast, JSON.stringify(input)).toEqual(zod.data);
  }
  return fast;
}

describe('the roster rows’ fast check', () => {
  it('accepts a plainly valid row with the schema’s output, defaults filled in', () => {
    expect(expectAgrees(VALID)).toEqual(studentFields.parse(VALID));
    const bare = { studentNo: '1', name: '李四', sex: 'F', grade: 10, className: '1班' };
    expect(expectAgrees(bare)).toEqual({ ...bare, birthDate: null, enrollmentYear: null, status: 'active', guardians: [], notes: '' });
  });

  it('agrees with the schema on every value of every field, and refuses each one the schema refuses', () => {
    for (const [field, values] of Object.entries(VALUES)) {
      for (const value of values) {
        const input: Record<string, unknown> = { ...VALID, [field]: value };
        if (value === undefined) delete input[field];
        const fast = expectAgrees(input);
        if (!studentFields.safeParse(input).success) expect(fast, `${field}: ${JSON.stringify(value)}`).toBeNull();
      }
    }
    expect(plainStudentFields({ ...VALID, extra: 1 })).toBeNull();
  });

  it('agrees with the schema on rows mixing several fields’ values', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed);
    const fields = Object.entries(VALUES);
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const input: Record<string, unknown> = { ...VALID };
      for (const [field, values] of fields) {
        if (next() % 3 !== 0) continue;
        const value = values[next() % values.length];
        if (value === undefined) delete input[field];
        else input[field] = value;
      }
      if (expectAgrees(input) !== null) accepted++;
    }
    // Both kinds were drawn: the check is not vacuous either way.
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(2900);
  });
});
