import type { Page } from 'playwright-core';
import type { CounselClient } from '../../shared/api/contract';
import { completePhq9, consentToTesting, phq9Codes } from '../helpers/screening';
import { schoolDate } from './groups-flows';

export const SCREENING = '春季心理普测';

/**
 * A screening of every grade on the roster with PHQ-9, through the core as the counselor: consent
 * returned, most students screened (a few flagged, one critical on item 9, one declined), and for
 * the first flagged student two earlier forms, so the archive has a trend. Returns that student's name.
 */
export async function seedScreening(client: CounselClient): Promise<string> {
  const students = (await client.students.list({ status: 'active', pageSize: 200 })).items;
  const grades = [...new Set(students.map((s) => s.grade))];
  const campaign = await client.campaigns.create({ name: SCREENING, scales: [{ scaleId: 'phq9' }], grades, startDate: schoolDate(-3), endDate: schoolDate(4) });
  await client.campaigns.update({ id: campaign.id, status: 'active' });
  const { participants } = await client.campaigns.get({ id: campaign.id });
  await client.campaigns.setConsent({ id: campaign.id, entries: participants.map((p) => ({ studentId: p.studentId, studentConsent: 'given', guardianConsent: 'given' })) });
  const [declined, ...screened] = participants;
  await client.campaigns.setOutcome({ id: campaign.id, studentIds: [declined!.studentId], outcome: 'declined' });
  // Totals cycle through the bands; every seventh student answers item 9.
  const totals = [3, 12, 6, 16, 2, 8, 7, 21, 4, 11];
  for (const [i, p] of screened.entries()) {
    if (i === screened.length - 1) break; // one still to screen
    const codes = i % 7 === 6 ? phq9Codes(totals[i % totals.length]!, 1) : phq9Codes(totals[i % totals.length]!);
    await completePhq9(client, { studentId: p.studentId, campaignId: campaign.id, date: schoolDate(-2) }, codes);
  }
  const followed = screened[1]!;
  await consentToTesting(client, followed.studentId, schoolDate(-210));
  for (const [days, total] of [[-200, 5], [-110, 9]] as const) {
    await completePhq9(client, { studentId: followed.studentId, date: schoolDate(days) }, phq9Codes(total));
  }
  return followed.name;
}

/** A screening of 初二 (or of some of its classes) with PHQ-9 (or the scales given), under way; its consent list still to come back. */
export async function screenGrade8(client: CounselClient, name: string, classNames: string[] = [], scaleIds: readonly string[] = ['phq9']): Promise<string> {
  const scales = scaleIds.map((scaleId) => ({ scaleId }));
  const campaign = await client.campaigns.create({ name, scales, grades: [8], classNames, startDate: schoolDate(-1), endDate: schoolDate(6) });
  await client.campaigns.update({ id: campaign.id, status: 'active' });
  return campaign.id;
}

/** 心理普测 → the screening, on 名单与知情同意. */
export async function openScreening(p: Page, name: string): Promise<void> {
  await p.getByRole('menuitem', { name: '心理普测' }).click();
  await p.getByText(name, { exact: true }).click();
  await p.getByRole('heading', { name: `心理普测：${name}` }).waitFor();
}

/** A participant's row on 名单与知情同意. */
export const participantRow = (p: Page, name: string) => p.getByRole('row').filter({ has: p.getByText(name, { exact: true }) });

/** Both returned slips ticked off on the consent list for one student. */
export async function giveListConsent(p: Page, name: string): Promise<void> {
  const row = participantRow(p, name);
  // Cells after the checkbox, class, 学号 and name; the selection stays after a saved change, so checking again changes nothing.
  for (const [slip, cell] of [['学生同意', 4], ['家长同意', 5]] as const) {
    await row.getByRole('checkbox').check();
    await p.getByRole('button', { name: slip, exact: true }).click();
    await row.locator('td').nth(cell).getByText('同意', { exact: true }).waitFor();
  }
}

/** 分流, row by row: each flagged student's name and priority, in the queue's order. */
export async function triageQueue(p: Page): Promise<string[][]> {
  await p.getByRole('tab', { name: '分流' }).click();
  const rows = p.getByRole('tabpanel', { name: '分流' }).locator('tr.ant-table-row');
  await rows.first().waitFor();
  return Promise.all((await rows.all()).map(async (r) => (await r.locator('td').allTextContents()).slice(1, 3)));
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = ['子涵', '欣怡', '浩然', '雨桐', '梓轩', '思远', '一诺', '佳琪', '宇航', '若曦'];

/**
 * A screening of one class of `count` students (初二 `className`) with PHQ-9 (or the scales given),
 * both consents in, with the first `typed` students' PHQ-9 already typed from paper and not yet
 * finished (the grid resumes them). Returns the participants in the list's order.
 */
export async function largeClassScreening(client: CounselClient, name: string, className: string, count: number, typed: number, scaleIds: readonly string[] = ['phq9']) {
  for (let i = 0; i < count; i++) {
    await client.students.create({
      studentNo: `202405${String(i + 1).padStart(2, '0')}`,
      name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i + Math.floor(i / SURNAMES.length) * 3) % GIVEN.length]}`,
      sex: i % 2 ? 'F' : 'M',
      grade: 8,
      className,
      guardians: [{ name: '家长', relation: '母亲', phone: '13900000000' }],
    });
  }
  const id = await screenGrade8(client, name, [className], scaleIds);
  const { participants } = await client.campaigns.get({ id });
  await client.campaigns.setConsent({ id, entries: participants.map((p) => ({ studentId: p.studentId, studentConsent: 'given', guardianConsent: 'given' })) });
  const totals = [3, 6, 2, 8, 4];
  for (const [i, p] of participants.slice(0, typed).entries()) {
    const form = await client.assessments.start({ studentId: p.studentId, scaleId: 'phq9', mode: 'paper', campaignId: id, date: schoolDate() });
    for (const [n, code] of phq9Codes(totals[i % totals.length]!).entries()) await client.assessments.answer({ formId: form.id, itemId: `phq9_${n + 1}`, code });
  }
  return { id, participants };
}

/**
 * A class of 40 in its paper grid: 29 forms typed, the 30th answers item 9 and the typist goes on.
 * That row and cell are marked in the grid, and the banner stays at the top of the dialog down there.
 */
export async function markedClassGrid(p: Page, client: CounselClient): Promise<void> {
  const name = '初二5班心理普测';
  const big = (await largeClassScreening(client, name, '5班', 40, 29)).participants;
  await openScreening(p, name);
  await p.getByRole('button', { name: '纸笔录入' }).click();
  await p.getByRole('gridcell', { name: `${big[29]!.name} 第1题` }).click();
  await p.keyboard.type('000000001');
  await p.getByRole('alert').filter({ hasText: `危急预警：${big[29]!.name} 第9题` }).waitFor();
  await p.keyboard.type('0000');
}

/**
 * A 学年升级 in the middle of a term: the 初二 screening `name` is closed first, a re-screen of one
 * of its students is booked, and the term runs until two months from now. On 学生名册 → 学年升级 the
 * dialog opens with its warnings in view; returns the warnings panel.
 */
export async function rollForwardWithWarnings(p: Page, client: CounselClient, name: string, rescreenOf: string) {
  await client.calendar.saveTerm({ name: '本学期', startDate: schoolDate(-30), endDate: schoolDate(60) });
  const [flagged] = (await client.campaigns.triage({ id: rescreenOf })).items;
  await client.campaigns.rescreen({ id: rescreenOf, studentIds: [flagged!.studentId], name: `${name}复测`, startDate: schoolDate(14), endDate: schoolDate(16) });
  await client.campaigns.update({ id: rescreenOf, status: 'closed' });
  await p.getByRole('menuitem', { name: '学生名册' }).click();
  await p.getByRole('button', { name: /升\s*级/ }).click();
  const warnings = p.getByRole('dialog', { name: '学年升级' }).getByRole('alert', { name: '升级之前请先处理' });
  await warnings.getByText(`已安排复测“${name}复测”`, { exact: false }).waitFor();
  return warnings;
}
