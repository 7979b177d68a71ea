import { loadExcel } from '../../common/excel';
import type { ScaleDefinition } from '../../../../shared/domain/scales';
import { acceptedHeaders, fieldLabel } from '../../roster/roster-import/columns';
import { headerForms, missingItemLabel } from './columns';
import { fileBase64 } from '../../common/file-base64';

/** One made-up student, as on the roster template. */
const EXAMPLE_STUDENT = ['2025070101', '张三明'];

/**
 * The answer sheet a class's paper forms can be typed into: 学号, 姓名 and one column per item
 * under the header the import reads, an example row answering every item with its first option's
 * code, and on a second sheet every header accepted for each column.
 */
export async function answerSheetTemplate(def: ScaleDefinition): Promise<string> {
  const wb = new (await loadExcel()).Workbook();
  const sheet = wb.addWorksheet('答卷');
  sheet.addRow([fieldLabel('studentNo'), fieldLabel('name'), ...def.items.map(missingItemLabel)]).font = { bold: true };
  sheet.addRow([...EXAMPLE_STUDENT, ...def.items.map((item) => def.optionSets[item.optionSet]?.[0]?.code ?? '')]);
  sheet.columns.forEach((c) => (c.width = 12));
  const headers = wb.addWorksheet('可用的表头');
  headers.addRow(['列', '可以使用的表头']).font = { bold: true };
  for (const field of ['studentNo', 'name'] as const) headers.addRow([fieldLabel(field), acceptedHeaders(field).join('、')]);
  for (const item of def.items) headers.addRow([missingItemLabel(item), [...new Set(headerForms(item))].join('、')]);
  headers.columns.forEach((c, i) => (c.width = i === 0 ? 14 : 60));
  return fileBase64(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** The file's name: the scale and its version, so two scales' templates are not confused. */
export const answerTemplateName = (scaleId: string, version: string) => `答卷模板-${scaleId}-${version}.xlsx`;
