import { loadExcel } from '../../common/excel';
import { acceptedHeaders, fieldLabel, ROSTER_FIELDS, type RosterField } from './columns';
import { fileBase64 } from '../../common/file-base64';

export const TEMPLATE_FILENAME = '学生名册模板.xlsx';

/** One made-up student, each cell written the way the import reads it. */
const EXAMPLE: Record<RosterField, string> = {
  studentNo: '2025070101',
  name: '张三明',
  sex: '男',
  birthDate: '2013-09-01',
  grade: '初一',
  className: '1班',
  enrollmentYear: '2025',
  status: '在读',
  guardianName: '张大明',
  guardianRelation: '父亲',
  guardianPhone: '13800000000',
  notes: '',
};

/**
 * The roster template a school can fill in or copy its export into: the fields under their first
 * header, an example row, and on a second sheet every header accepted for each field, so a
 * records-system export can be checked against it before the import.
 */
export async function rosterTemplate(): Promise<string> {
  const wb = new (await loadExcel()).Workbook();
  const roster = wb.addWorksheet('学生名册');
  roster.addRow(ROSTER_FIELDS.map(fieldLabel)).font = { bold: true };
  roster.addRow(ROSTER_FIELDS.map((f) => EXAMPLE[f]));
  roster.columns.forEach((c) => (c.width = 14));
  const headers = wb.addWorksheet('可用的表头');
  headers.addRow(['字段', '可以使用的表头']).font = { bold: true };
  for (const f of ROSTER_FIELDS) headers.addRow([fieldLabel(f), acceptedHeaders(f).join('、')]);
  headers.columns.forEach((c, i) => (c.width = i === 0 ? 14 : 80));
  return fileBase64(Buffer.from(await wb.xlsx.writeBuffer()));
}
