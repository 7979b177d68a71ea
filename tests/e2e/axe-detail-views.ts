import type { Locator, Page } from 'playwright-core';
import type { CounselClient } from '../../shared/api/contract';
import { filledDraft } from '../helpers/counseling';
import { addStudents } from './assessments-flows';
import { openScreening, SCREENING, seedScreening } from './campaigns-flows';
import { schoolDate } from './groups-flows';
import { settled } from './harness';

/** What the detail walk opens, seeded through the contract: the walk itself only reads and opens. */
export const DETAIL = {
  caseOf: '陈思远',
  crisisOf: '林晓雨',
  program: '考前减压团体辅导',
  contact: '母亲反映孩子近期睡眠不好。',
} as const;

/**
 * The records a counselor opens one by one: a case of `caseOf` (already open) with a signed record,
 * a draft and a home-school contact; a red crisis case for `crisisOf`; a class group program with a
 * session; a screening of the class with flagged students to triage and one left to type from paper.
 */
export async function seedDetailViews(client: CounselClient, caseId: string, ids: { caseOf: string; crisisOf: string }): Promise<void> {
  const today = schoolDate();
  const signed = await filledDraft(client, caseId, { sessionDate: today });
  await client.records.sign({ id: signed.id, revision: signed.revision });
  await filledDraft(client, caseId, { sessionDate: today });
  await client.contacts.create({ studentId: ids.caseOf, caseId, contactDate: today, withKind: 'guardian', withLabel: '母亲', channel: 'phone', summary: DETAIL.contact });
  await client.crisis.open({ studentId: ids.crisisOf, source: 'teacher', tier: 'red', reason: '班主任反映自伤痕迹' });

  // A screening needs a class to triage: six more students of 初二2班.
  await addStudents(client, ['周子涵', '吴雨桐', '郑浩然', '孙一诺', '马若曦', '朱宇航'], 11);
  await seedScreening(client);
  const me = (await client.app.status({})).user!.id;
  const program = await client.groups.create({
    theme: DETAIL.program,
    kind: 'groupCounseling',
    targetKind: 'class',
    targetClasses: [{ grade: 8, className: '2班' }],
    named: true,
    leaderIds: [me],
    plannedSessions: 6,
    startDate: schoolDate(-7),
    endDate: schoolDate(60),
  });
  await client.groups.addMembers({ id: program.id, studentIds: [ids.caseOf, ids.crisisOf], joinedOn: schoolDate(-7) });
  await client.groups.saveSession({ programId: program.id, date: schoolDate(-1), start: '15:00', end: '15:45' });
}

type Scan = (screen: string) => Promise<void>;

const main = (p: Page) => p.getByRole('main');
const menu = (p: Page, name: string) => p.getByRole('navigation').getByRole('menuitem', { name }).click();

/** Clicks `opener`, scans the dialog it opens (over any already open), closes it with Escape. */
async function dialogFrom(p: Page, opener: Locator, scan: Scan, screen: string): Promise<void> {
  const dialogs = p.getByRole('dialog');
  const before = await dialogs.count();
  await opener.click();
  await dialogs.nth(before).waitFor();
  await scan(screen);
  await p.keyboard.press('Escape');
  await dialogs.nth(before).waitFor({ state: 'hidden' });
}

/**
 * The views a counselor works in once past the menu's pages, each with the dialogs it opens: the
 * case, its records (signed and in editing), the home-school contact and its removal to 回收站 and
 * back, the student's edit form, the group program, the screening with its triage and paper grid,
 * and the crisis case with its steps.
 */
export async function walkDetailViews(p: Page, scan: Scan): Promise<void> {
  // A case, from 我的个案, and the dialogs it opens.
  await menu(p, '我的个案');
  await main(p).locator('.ant-card', { hasText: /^进行中的个案/ }).locator('.ant-list-item', { hasText: DETAIL.caseOf }).click();
  await main(p).getByRole('heading', { name: `个案：${DETAIL.caseOf}` }).waitFor();
  await scan('counselor: 个案');
  await dialogFrom(p, main(p).getByRole('button', { name: '结案' }), scan, 'counselor: 个案 · 结案 dialog');
  await dialogFrom(p, main(p).getByRole('button', { name: '转介给其他老师' }), scan, 'counselor: 个案 · 转介 dialog');
  await dialogFrom(p, main(p).getByRole('button', { name: '家校沟通' }), scan, 'counselor: 个案 · 家校沟通 dialog');

  // Its records: the signed one read-only, the draft in its form, and the draft's removal asked first.
  await main(p).getByRole('row', { name: /已签署/ }).click();
  await main(p).getByText(/由 王老师 签名，记录只读/).waitFor();
  await scan('counselor: 记录（已签名）');
  await main(p).getByRole('button', { name: '返回' }).click();
  await main(p).getByRole('row', { name: /草稿/ }).click();
  await main(p).getByLabel('现状').waitFor();
  await scan('counselor: 记录（编辑）');
  await dialogFrom(p, main(p).getByRole('button', { name: '删除草稿' }), scan, 'counselor: 记录 · 删除草稿 dialog');
  await main(p).getByRole('button', { name: '返回' }).click();

  // The contact, from the student's archive; removed to 回收站 after the confirmation, and restored there.
  await main(p).getByRole('heading', { name: `个案：${DETAIL.caseOf}` }).waitFor();
  await menu(p, '学生名册');
  await main(p).getByRole('cell', { name: DETAIL.caseOf }).click();
  await dialogFrom(p, p.getByRole('dialog').getByRole('button', { name: '编辑' }), scan, 'counselor: 编辑学生 dialog');
  await dialogFrom(p, p.getByRole('dialog').getByRole('button', { name: '删除' }), scan, 'counselor: 删除学生 dialog');
  await p.getByRole('dialog').getByRole('button', { name: '一生一档' }).click();
  await main(p).getByText(DETAIL.contact).click();
  await main(p).getByRole('heading', { name: /家校沟通/ }).waitFor();
  await scan('counselor: 家校沟通');
  await main(p).getByRole('button', { name: '删除' }).click();
  const remove = p.getByRole('dialog', { name: '删除这条家校沟通？' });
  await remove.waitFor();
  await scan('counselor: 家校沟通 · 删除 dialog');
  await remove.getByRole('textbox').fill('误录');
  await remove.getByRole('button', { name: /^删\s*除$/ }).click();
  await remove.waitFor({ state: 'detached' });
  await menu(p, '回收站');
  await main(p).getByRole('row', { name: /家校沟通/ }).waitFor();
  await scan('counselor: 回收站（有内容）');
  await main(p).getByRole('row', { name: /家校沟通/ }).getByRole('button', { name: /恢\s*复/ }).click();
  await main(p).getByText('回收站是空的').waitFor();

  // The group program and its dialogs.
  await menu(p, '团体活动');
  await main(p).getByRole('row', { name: new RegExp(DETAIL.program) }).click();
  await main(p).getByRole('heading', { name: `团体活动：${DETAIL.program}` }).waitFor();
  await scan('counselor: 团体活动详情');
  await dialogFrom(p, main(p).getByRole('button', { name: '记录一次活动' }), scan, 'counselor: 团体活动 · 记录一次活动 dialog');
  await dialogFrom(p, main(p).getByRole('button', { name: '添加成员' }), scan, 'counselor: 团体活动 · 添加成员 dialog');
  await dialogFrom(p, main(p).getByRole('row', { name: /第 1 次/ }).getByRole('button', { name: '点名' }), scan, 'counselor: 团体活动 · 点名 dialog');

  // The screening, every tab (分流 among them), and the class's paper grid.
  await openScreening(p, SCREENING);
  await scan('counselor: 普测详情');
  const tabs = main(p).getByRole('tablist').first().getByRole('tab');
  for (let i = 1; i < (await tabs.count()); i++) {
    const name = (await tabs.nth(i).textContent()) ?? String(i);
    await tabs.nth(i).click();
    await main(p).getByRole('tabpanel', { name }).waitFor();
    await scan(`counselor: 普测详情 · ${name}`);
  }
  await tabs.first().click();
  await dialogFrom(p, main(p).getByRole('button', { name: '纸笔录入' }), scan, 'counselor: 普测 · 纸笔录入 dialog');

  // The crisis board and a red case with its six steps, and a step's entry dialog.
  await menu(p, '危机干预');
  await main(p).locator('tbody tr', { hasText: DETAIL.crisisOf }).click();
  await p.getByTestId('crisis-section').waitFor();
  await settled(p);
  await scan('counselor: 危机个案');
  await dialogFrom(p, p.getByTestId('crisis-step-family').getByRole('button', { name: '添加记录' }), scan, 'counselor: 危机个案 · 添加记录 dialog');
}
