import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounselClient } from '../../shared/api/contract';
import { addDays, dateInZone } from '../../shared/domain/dates';
import { answerWithItem9AtOne, counselorClient, startPhq9, studentsWithConsent, unlockKiosk } from './assessments-flows';
import { completeSetup, E2E_PASS } from './flows';
import { e2eAvailable, settled, startApp, type E2eApp } from './harness';
import { printedText, stubPrint } from './print';

const available = e2eAvailable();
let app: E2eApp;
let client: CounselClient;
let studentId = '';

const NAME = '林晓雨';
const OTHER = '周子涵';
const THIRD = '吴雨桐';
const SHOTS = 'docs/screenshots';
const PARTNER = '市精神卫生中心';
const FEEDBACK = '门诊评估后建议继续心理治疗，每两周复诊一次，可以在支持下返校。';

beforeAll(async () => {
  if (!available) return;
  app = await startApp();
  await completeSetup(app.page);
  client = await counselorClient(app.core);
  studentId = (await studentsWithConsent(client, [NAME, OTHER, THIRD]))[0]!;
  await client.referralPartners.save({ name: PARTNER, department: '儿少心理科', contact: '0571-86000000', agreementOnFile: true });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => app?.close());

/** A step's card on the case page. */
const step = (p: Page, name: string) => p.getByTestId(`crisis-step-${name}`);

/** 添加记录 in a step, of the given kind (the step's first kind when null), fields filled by label; saved and the dialog gone. */
async function addEntry(p: Page, stepId: string, title: string, kind: string | null, fill: (dialog: Locator) => Promise<void>) {
  await step(p, stepId).getByRole('button', { name: '添加记录' }).click();
  const dialog = p.getByRole('dialog', { name: `${title} · 添加记录` });
  await dialog.waitFor();
  await settled(p);
  if (kind) await choose(p, dialog, '记录类型', kind);
  await fill(dialog);
  await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** An antd select within `scope`, by its label, set to the option with this text. */
async function choose(p: Page, scope: Locator, name: string, option: string) {
  await scope.getByRole('combobox', { name }).click();
  await p.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`).click();
}

/** The board's row of a student: each step's state as the board shows it. */
async function boardStates(p: Page, name: string): Promise<Record<string, string>> {
  await p.getByRole('menuitem', { name: '危机干预' }).click();
  const row = p.locator('tbody tr', { hasText: name });
  await row.waitFor();
  const states: Record<string, string> = {};
  for (const s of ['assess', 'pairing', 'intervention', 'peer', 'family', 'referral']) {
    states[s] = ((await row.getByTestId(`board-${s}`).locator('.ant-tag').textContent()) ?? '').trim();
  }
  return states;
}

describe.skipIf(!available)('crisis intervention, the six steps', () => {
  it('kiosk critical answer → 转危机个案 → red case → guardian told → teacher paired → referral and feedback → return-to-school review closes it', async () => {
    const p = app.page;
    await p.setViewportSize({ width: 1440, height: 900 });
    await startPhq9(p, NAME, '屏幕作答');
    await answerWithItem9AtOne(p);

    // At the kiosk, the counselor ends the form: the open critical alert is handed to a crisis case.
    await unlockKiosk(p);
    await p.getByRole('button', { name: '结束并保存' }).click();
    const prompt = p.getByRole('dialog', { name: '这份测评还有未处理的预警' });
    await prompt.waitFor();
    await settled(p);
    await prompt.getByRole('button', { name: '转危机个案' }).click();
    const handOff = p.getByRole('dialog', { name: `转危机个案：${NAME}` });
    await handOff.waitFor();
    await settled(p);
    await handOff.getByLabel('说明（可选）').fill('PHQ-9 第9题作答“有几天”，当场约谈');
    await handOff.getByRole('button', { name: /^开\s*个\s*案$/ }).click();
    await p.getByTestId('kiosk').waitFor({ state: 'detached' });

    // The board: a red case from the screening, its assessment step done, everything else to do.
    expect(await boardStates(p, NAME)).toEqual({ assess: '已完成', pairing: '待办', intervention: '待办', peer: '待办', family: '待办', referral: '待办' });
    const row = p.locator('tbody tr', { hasText: NAME });
    await row.getByText('一级（红）').waitFor();
    await row.click();
    const section = p.getByTestId('crisis-section');
    await section.waitFor();
    await section.getByTestId('crisis-tier').getByText('一级（红）').waitFor();

    // 家校协同: the guardian told the same day, by phone, and the response.
    await addEntry(p, 'family', '家校协同', null, async (d) => {
      await d.getByLabel('告知对象').fill('母亲 林家长');
      await choose(p, d, '方式', '电话');
      await d.getByLabel('监护人回应').fill('母亲当天下午到校，同意陪同就医');
    });
    await step(p, 'family').getByText('监护人回应：母亲当天下午到校，同意陪同就医').waitFor();
    await step(p, 'family').getByRole('button', { name: '标为完成' }).click();
    await step(p, 'family').getByText('已完成').waitFor();

    // 师生结对: the paired teacher, then a check-in.
    await addEntry(p, 'pairing', '师生结对', null, async (d) => {
      await d.getByLabel('教师姓名').fill('赵老师');
      await d.getByLabel('职务').fill('班主任');
      await d.getByLabel('联系方式').fill('13700000000');
    });
    await addEntry(p, 'pairing', '师生结对', '结对回访', async (d) => {
      await choose(p, d, '方式', '面谈');
      await d.getByLabel('观察到的情况').fill('课间与同学交流增多，午饭正常');
    });
    await step(p, 'pairing').getByText('观察到的情况：课间与同学交流增多，午饭正常').waitFor();
    await step(p, 'pairing').getByRole('button', { name: '标为完成' }).click();
    await step(p, 'pairing').getByText('已完成').waitFor();

    // 积极干预: the plan.
    await addEntry(p, 'intervention', '积极干预', null, async (d) => {
      await d.getByLabel('目标').fill('确保安全，稳定情绪，恢复作息');
      await d.getByLabel('频次').fill('每周两次面谈');
    });
    await step(p, 'intervention').getByText('进行中').waitFor();

    // On the way, the board shows each step's state.
    expect(await boardStates(p, NAME)).toEqual({ assess: '已完成', pairing: '已完成', intervention: '进行中', peer: '待办', family: '已完成', referral: '待办' });
    await p.locator('tbody tr', { hasText: NAME }).click();
    await p.getByTestId('crisis-section').waitFor();

    // 及时转介: the referral to a registered partner, its feedback in the partner's words, the return-to-school review.
    await addEntry(p, 'referral', '及时转介', null, async (d) => {
      await choose(p, d, '转介机构', `${PARTNER} 儿少心理科`);
      await d.getByLabel('原因').fill('存在自伤想法，需专业评估');
    });
    await addEntry(p, 'referral', '及时转介', '转介反馈', async (d) => {
      await d.getByRole('combobox', { name: '对应转介' }).click();
      await p.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
      await d.getByLabel('反馈（按机构原话记录）').fill(FEEDBACK);
    });
    await step(p, 'referral').getByText(`反馈（按机构原话记录）：${FEEDBACK}`).waitFor();
    await addEntry(p, 'referral', '及时转介', '复学评估', async (d) => {
      await choose(p, d, '结论', '复学并跟进支持');
      await d.getByLabel('后续跟进计划').fill('每周一次面谈，班主任每日观察，一个月后复评');
    });
    // A decided return ends the referral step.
    await step(p, 'referral').getByText('已完成').waitFor();
    await step(p, 'peer').getByRole('button', { name: '不适用' }).click();
    const na = p.getByRole('dialog', { name: '同伴跟防 · 不适用' });
    await na.waitFor();
    await settled(p);
    await na.getByLabel('不适用的原因').fill('学生不希望同学知情，由班主任观察替代');
    await na.getByRole('button', { name: /^保\s*存$/ }).click();
    await na.waitFor({ state: 'detached' });
    await step(p, 'peer').getByText('不适用').waitFor();
    await p.screenshot({ path: join(SHOTS, 'crisis-case.png'), fullPage: true });

    // Closing: the one step still open needs its reason; the return-to-school review makes closing a red case possible.
    await p.getByRole('button', { name: '危机结案' }).click();
    const close = p.getByRole('dialog', { name: '危机结案' });
    await close.waitFor();
    await settled(p);
    await close.getByLabel('结案说明').fill('已复学，风险下降，转入常规辅导跟进');
    await close.getByLabel('积极干预未完成的原因').fill('转入常规个别辅导继续');
    await close.getByRole('button', { name: /^危机结案$/ }).click();
    await close.waitFor({ state: 'detached' });
    await section.getByTestId('crisis-status').filter({ hasText: '已结案' }).waitFor();

    // The referral export: confirmed, audited, printed through the archive's print path.
    await stubPrint(p);
    await section.getByRole('button', { name: '转介导出' }).click();
    await p.getByRole('dialog', { name: '转介导出' }).getByRole('button', { name: /确\s*定/ }).click();
    const printed = await printedText(p, app.dataDir, 'crisis-print');
    for (const expected of [NAME, '危机干预转介材料', '复学并跟进支持', FEEDBACK, '母亲当天下午到校，同意陪同就医']) expect(printed).toContain(expected);
    expect((await client.audit.list({ action: 'crisis.referralExport' })).items[0]!.details).toMatchObject({ purpose: 'referral' });

    // The student's archive shows what was written into the steps.
    await p.getByRole('menuitem', { name: '学生名册' }).click();
    await p.getByRole('cell', { name: NAME }).click();
    await p.getByRole('button', { name: '一生一档' }).click();
    await p.getByRole('heading', { name: `一生一档：${NAME}` }).waitFor();
    const stepRows = p.locator('tbody tr', { hasText: '危机干预' });
    await stepRows.filter({ hasText: '告知监护人' }).getByText('家校协同').waitFor();
    await stepRows.filter({ hasText: '复学评估' }).getByText('及时转介').waitFor();

    const [caseId] = (await client.crisis.board({})).items.map((i) => i.caseId);
    expect(caseId).toBeUndefined(); // closed cases leave the board
    const { items } = await client.cases.list({ studentId });
    const k = await client.crisis.get({ caseId: items[0]!.id });
    expect(k).toMatchObject({ tier: 'red', status: 'closed', source: 'screening' });
    expect(k.steps.map((s) => [s.step, s.state])).toEqual([
      ['assess', 'done'],
      ['pairing', 'done'],
      ['intervention', 'notApplicable'],
      ['peer', 'notApplicable'],
      ['family', 'done'],
      ['referral', 'done'],
    ]);
    expect(k.entries.find((e) => e.kind === 'feedback')).toMatchObject({ words: FEEDBACK });
    expect(k.entries.find((e) => e.kind === 'guardianNotice')).toMatchObject({ channel: 'phone', who: '母亲 林家长' });

    // The archive's timeline shows the steps.
    const timeline = await client.archive.timeline({ studentId, kinds: ['crisisStep'] });
    expect(timeline.items.map((e) => e.tags[0]).sort()).toEqual(['step:family', 'step:intervention', 'step:pairing', 'step:pairing', 'step:referral', 'step:referral', 'step:referral']);
  });

  it('an overdue red step raises the banner on 我的个案 after unlocking, which leads to the board; the board puts it first', async () => {
    const p = app.page;
    const today = dateInZone(Date.now(), 'Asia/Shanghai');
    // Opened ten days ago as red and left: every step is past its working-day deadline.
    const other = (await client.students.list({ query: OTHER })).items[0]!;
    await client.crisis.open({ studentId: other.id, source: 'teacher', tier: 'red', reason: '班主任反映自伤痕迹', openedOn: addDays(today, -10) });
    // And an orange case opened today, whose deadlines are still ahead: it comes after the overdue one.
    const third = (await client.students.list({ query: THIRD })).items[0]!;
    await client.crisis.open({ studentId: third.id, source: 'guardian', tier: 'orange', reason: '家长反映情绪低落' });

    await p.getByRole('button', { name: /^锁\s*定$/ }).click();
    await p.getByLabel('口令').fill(E2E_PASS);
    await p.getByRole('button', { name: /^解\s*锁$/ }).click();
    await p.getByRole('heading', { name: '我的个案' }).waitFor();
    await p.getByTestId('crisis-red-overdue').getByText('有 6 个一级（红）危机干预步骤已逾期').waitFor();
    // The banner names no student; its button leads to the board, where the cases are.
    await p.getByTestId('crisis-red-overdue').getByRole('button', { name: '查看危机看板' }).click();
    await p.getByTestId('crisis-counts').getByText('已逾期 6').waitFor();

    expect(await boardStates(p, OTHER)).toEqual({ assess: '逾期', pairing: '逾期', intervention: '逾期', peer: '逾期', family: '逾期', referral: '逾期' });
    await p.getByTestId('crisis-counts').getByText('已逾期 6').waitFor();
    const rows = p.locator('tbody tr.ant-table-row');
    expect(await rows.first().textContent()).toContain(OTHER);
    expect(await rows.nth(1).textContent()).toContain(THIRD);
    expect(await rows.nth(1).getByTestId('board-family').locator('.ant-tag').textContent()).toBe('待办');
    await p.screenshot({ path: join(SHOTS, 'crisis-board.png'), fullPage: true });
  });
});
