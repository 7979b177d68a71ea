import type { Page } from 'playwright-core';
import { addStudentByHand } from './flows';

export const XSS = '<img src=x onerror="window.__xss=1">';

/**
 * From the roster: add 林晓雨, open a case, write a record holding the payload and 焦虑 with a
 * risk of harm, meet the disclosure gate, sign, add an addendum. `onScreen` sees the filled form.
 */
export async function writeSignedRecord(p: Page, { onScreen }: { onScreen?: (name: 'record-form') => Promise<void> } = {}): Promise<void> {
  await addStudentByHand(p, { studentNo: '20249999', name: '林晓雨', sex: '女', grade: '初二', className: '3班' });
  await p.getByRole('cell', { name: '林晓雨' }).click();

  await p.getByRole('button', { name: '开个案' }).click();
  const open = p.getByRole('dialog', { name: /为 林晓雨 开个案/ });
  await open.getByLabel('学业').check();
  await open.getByLabel('情绪').check();
  await open.getByLabel('辅导目标').fill('缓解考试焦虑，改善睡眠。');
  await open.getByRole('button', { name: '开个案' }).click();
  await p.getByRole('heading', { name: '个案：林晓雨' }).waitFor();

  await p.getByRole('button', { name: '新建记录' }).click();
  await p.getByLabel('现状').fill(`近两周入睡困难，上课注意力不集中。学生在作文里写了 ${XSS}`);
  await p.getByLabel('主要问题及评估').fill('考试焦虑伴失眠，评估为中度；自述偶有不想活的念头。');
  await p.getByLabel('分析').fill('期中考试临近，父母期望高，学生自我要求严格。');
  await p.getByLabel('辅导策略/计划').fill('放松训练，认知调整；与班主任、家长沟通；一周后复评。');
  await p.getByLabel('后续跟进').fill('与班主任沟通作业量。');
  await p.getByLabel('时长（分钟）').fill('45');
  await p.getByLabel('伤害风险').click();
  await p.getByTitle('伤害自己', { exact: true }).click();
  await p.getByText(/^已保存 \d\d:\d\d:\d\d$/).waitFor();
  await onScreen?.('record-form');

  // Risk of harm and no disclosure yet: signing asks for it first.
  await p.getByRole('button', { name: /签\s*名/ }).click();
  const disclosure = p.getByRole('dialog', { name: '登记保密例外告知' });
  await disclosure.getByText(/请先登记保密例外告知/).waitFor();
  await disclosure.getByLabel('姓名或身份').fill('班主任李老师');
  await disclosure.getByRole('button', { name: '登记告知' }).click();
  await p.getByRole('dialog', { name: /签名后记录不可再修改/ }).getByRole('button', { name: /签\s*名/ }).click();
  await p.getByText(/由 王老师 签名，记录只读/).waitFor();

  const addendum = '补记：家长同意转介至医院心理科。';
  await p.getByLabel('补充内容').fill(addendum);
  await p.getByRole('button', { name: '补充说明' }).click();
  // What lasts, not the toast: the addendum listed under the signed record.
  await p.getByText(addendum).waitFor();
}
