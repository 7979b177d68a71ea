import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_MARKER } from '../../electron/platform/demo-folder';
import type { CounselClient } from '../../shared/api/contract';
import { createClient } from '../../shared/api/client';
import { openCase } from '../helpers/counseling';
import { counselorClient, startPhq9, studentsWithConsent } from './assessments-flows';
import { axeScan, countByRule, type Finding, type Waiver } from './axe';
import { seedDetailViews, walkDetailViews } from './axe-detail-views';
import { completeSetup, E2E_PASS } from './flows';
import { e2eAvailable, startApp, type E2eApp } from './harness';

const available = e2eAvailable();
let app: E2eApp;
let office: E2eApp | undefined;
let client: CounselClient;

const PRINCIPAL_FIRST = 'initial-pass-2024';
const PRINCIPAL_OWN = 'a lantern by the river, seven';

/** Rules switched off for one element each, and why. */
const WAIVERS: readonly Waiver[] = [];

const findings: Finding[] = [];
const scans: string[] = [];
const scan = async (p: Page, screen: string) => {
  scans.push(screen);
  findings.push(...(await axeScan(p, screen, WAIVERS)));
};
const line = (f: Finding) => `${f.screen} · ${f.rule} (${f.impact}) · ${f.targets.slice(0, 3).join(' | ')}`;

beforeAll(async () => {
  if (available) app = await startApp();
});
afterAll(async () => {
  // What was found, by rule, whether or not the test passed: the record of a run.
  console.info(`axe: ${scans.length} screens scanned:\n${scans.join('\n')}`);
  if (findings.length > 0) {
    console.info(`axe findings by rule: ${JSON.stringify(countByRule(findings), null, 1)}`);
    console.info(findings.map(line).join('\n'));
  }
  await app?.close();
  await office?.close();
});

/** The page shown has one h1, and focus is on it: a screen reader starts reading at the new page. */
async function focusOnTitle(p: Page, screen: string): Promise<void> {
  const h1 = p.getByRole('main').locator('h1');
  await h1.waitFor();
  expect(await p.locator('h1').count(), `${screen}: one h1`).toBe(1);
  await expect.poll(() => h1.evaluate((el) => el === document.activeElement), { message: `${screen}: focus on the h1` }).toBe(true);
}

/** Every entry of the menu in turn, each page scanned once it has loaded; returns the pages' names. */
async function everyPage(p: Page, role: string, onPage?: (screen: string) => Promise<void>): Promise<string[]> {
  const items = p.getByRole('navigation').getByRole('menuitem');
  const count = await items.count();
  expect(count).toBeGreaterThan(0);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    const name = (await item.textContent()) ?? String(i);
    names.push(name);
    await item.click();
    await focusOnTitle(p, `${role}: ${name}`);
    await scan(p, `${role}: ${name}`);
    await onPage?.(`${role}: ${name}`);
  }
  return names;
}

/** The dialogs a counselor opens to add things, by the page (menu entry) they open from and the button that opens them. */
const COUNSELOR_DIALOGS: Record<string, readonly string[]> = {
  危机干预: ['新建危机个案'],
  心理普测: ['新建普测'],
  团体活动: ['新建活动'],
  活动室与开放时间: ['新增活动室'],
  用户: ['添加用户'],
};

/** Opens each dialog listed for the page shown, scans it, and closes it with Escape. */
async function dialogsOn(p: Page, screen: string, dialogs: Record<string, readonly string[]>): Promise<void> {
  const page = Object.keys(dialogs).find((name) => screen.includes(`: ${name}`));
  for (const name of page ? dialogs[page]! : []) {
    await p.getByRole('main').getByRole('button', { name }).click();
    await p.getByRole('dialog').waitFor();
    await scan(p, `${screen}: ${name} dialog`);
    await p.keyboard.press('Escape');
    await p.getByRole('dialog').waitFor({ state: 'hidden' });
  }
}

/** Each tab of the page's first tab list, after the first tab (which the page scan already covered). */
async function everyTab(p: Page, screen: string): Promise<void> {
  const tabs = p.getByRole('main').getByRole('tablist').first().getByRole('tab');
  const count = await tabs.count();
  for (let i = 1; i < count; i++) {
    const tab = tabs.nth(i);
    await tab.click();
    await p.getByRole('main').locator('[role="tab"][aria-selected="true"]', { hasText: (await tab.textContent()) ?? '' }).first().waitFor();
    await scan(p, `${screen} · ${(await tab.textContent()) ?? i}`);
  }
}

async function login(p: Page, username: string, passphrase: string): Promise<void> {
  await p.getByLabel('用户名').fill(username);
  await p.getByLabel('口令').fill(passphrase);
  await p.getByRole('button', { name: /^登\s*录$/ }).click();
}

/** No serious or critical finding among those of the screens scanned since `from` (an index into `findings`). */
function expectClean(from: number): void {
  const serious = findings.slice(from).filter((f) => f.impact === 'serious' || f.impact === 'critical');
  expect(serious.map(line)).toEqual([]);
  // Content outside every landmark is only moderate for axe, but the demo banner was once found there.
  expect(findings.slice(from).filter((f) => f.rule === 'region').map(line)).toEqual([]);
}

// One archive and one page walked in order: each test goes on from where the one before left off.
describe.skipIf(!available)('accessibility of every screen (axe-core, WCAG 2.1 A/AA)', () => {
  it('setup, and every page, tab and add dialog of the counselor: no serious or critical violation', async () => {
    const from = findings.length;
    const p = app.page;
    // A demo folder, so its banner is above every screen of the walk and held to the same rules.
    writeFileSync(join(app.dataDir, DEMO_MARKER), 'demo');
    await p.reload();
    await p.getByRole('region', { name: '演示数据' }).waitFor();
    await completeSetup(p, { onScreen: async (name) => void (await scan(p, `setup: ${name}`)) });
    client = await counselorClient(app.core);
    const [studentId, otherId] = await studentsWithConsent(client, ['陈思远', '林晓雨']);
    const kase = await openCase(client, studentId!);
    // Before the menu's pages, so their lists and boards are scanned with rows in them.
    await seedDetailViews(client, kase.id, { caseOf: studentId!, crisisOf: otherId! });
    await client.users.create({ username: 'lixiaozhang', displayName: '李校长', role: 'principal', passphrase: PRINCIPAL_FIRST });

    const counselorPages = await everyPage(p, 'counselor', async (screen) => {
      await dialogsOn(p, screen, COUNSELOR_DIALOGS);
      await everyTab(p, screen);
    });
    // The pages that landed last are in the walk (the menu is the list; this guards against it shrinking).
    expect(counselorPages).toEqual(expect.arrayContaining(['危机干预', '自查材料', '统计报表', '上报区教育局']));
    expectClean(from);
  });

  it('the views a counselor opens (student, archive, case, records, contact, group, screening, crisis case) and their dialogs: no serious or critical violation', async () => {
    const from = findings.length;
    const p = app.page;
    await p.getByRole('navigation').getByRole('menuitem', { name: '学生名册' }).click();
    await p.getByRole('button', { name: '新增学生' }).click();
    await p.getByRole('dialog').waitFor();
    await scan(p, 'counselor: 新增学生 dialog');
    await p.keyboard.press('Escape');
    await p.getByRole('dialog').waitFor({ state: 'hidden' });
    await p.getByRole('cell', { name: '陈思远' }).click();
    await p.getByRole('button', { name: '一生一档' }).waitFor();
    await scan(p, 'counselor: 学生详情');
    await p.getByRole('button', { name: '一生一档' }).click();
    await p.getByRole('heading', { name: '一生一档：陈思远' }).waitFor();
    await scan(p, 'counselor: 一生一档');
    await walkDetailViews(p, (screen) => scan(p, screen));
    expectClean(from);
  });

  it('lock, login, and the principal through the forced passphrase change on every page and tab: no serious or critical violation', async () => {
    const from = findings.length;
    const p = app.page;
    await p.getByRole('button', { name: /^锁\s*定$/ }).click();
    await p.getByRole('button', { name: /^解\s*锁$/ }).waitFor();
    await scan(p, 'lock');
    await p.getByLabel('口令').fill(E2E_PASS);
    await p.getByRole('button', { name: /^解\s*锁$/ }).click();
    await p.getByRole('button', { name: '退出登录' }).click();
    await p.getByRole('button', { name: /^登\s*录$/ }).waitFor();
    await scan(p, 'login');

    await login(p, 'lixiaozhang', PRINCIPAL_FIRST);
    await p.getByText('请先把口令改成只有自己知道的新口令', { exact: false }).waitFor();
    await scan(p, 'principal: 修改口令');
    await p.getByLabel('当前口令').fill(PRINCIPAL_FIRST);
    await p.getByLabel('新口令', { exact: true }).fill(PRINCIPAL_OWN);
    await p.getByLabel(/再次输入/).fill(PRINCIPAL_OWN);
    await p.getByRole('button', { name: /^修改口令$/ }).click();
    await p.getByRole('navigation').getByRole('menuitem').first().waitFor();
    const principalPages = await everyPage(p, 'principal', (screen) => everyTab(p, screen));
    expect(principalPages).toEqual(expect.arrayContaining(['达标自查', '概况', '统计报表']));
    await p.getByRole('button', { name: '退出登录' }).click();
    expectClean(from);
  });

  it('the kiosk a student answers on, and the district office’s archive on every page and tab: no serious or critical violation', async () => {
    const from = findings.length;
    const p = app.page;
    await login(p, 'wanglaoshi', E2E_PASS);
    await p.getByRole('navigation').waitFor();
    await startPhq9(p, '陈思远', '屏幕作答');
    await p.getByRole('button', { name: '开始作答' }).waitFor();
    await scan(p, 'kiosk: welcome');
    await p.getByRole('button', { name: '开始作答' }).click();
    await p.getByText('第 1 / 9 题').waitFor();
    await scan(p, 'kiosk: question');

    // District mode: the education office's own archive, its officer on every page and tab.
    office = await startApp();
    const conn = office.core.connect('test');
    await createClient((method, input) => conn.call(method, input)).setup.initializeDistrict({
      office: { name: '示例区教育局', code: '330102' },
      officer: { username: 'quyuan', displayName: '区教研员', passphrase: E2E_PASS },
    });
    const d = office.page;
    await d.reload();
    await login(d, 'quyuan', E2E_PASS);
    await scan(d, 'district: landing');
    expect(await everyPage(d, 'district', (screen) => everyTab(d, screen))).toContain('区级汇总');
    expectClean(from);
  });
});
