// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { expect, test } from 'vitest';
import type { CounselClient } from '../../shared/api/contract';
import { STUDENT } from '../helpers/counseling';
import { completePhq9, phq9Codes } from '../helpers/screening';
import { findDialog, label, openApp, pickOption, messageShown } from './harness';

type User = Awaited<ReturnType<typeof openApp>>['user'];

const CLASSMATES = [
  { ...STUDENT, studentNo: '20240102', name: '李小红', sex: 'F' as const },
  { ...STUDENT, studentNo: '20240103', name: '王小明' },
];
const OTHER_CLASS = { ...STUDENT, studentNo: '20240104', name: '赵小刚', className: '4班' };
const CAMPAIGN = { name: '春季心理普测', scales: [{ scaleId: 'phq9' }], grades: [8], startDate: '2025-03-10', endDate: '2025-03-21' };

/** The four students of 初二, and a screening of the grade with PHQ-9; returns the ids by name. */
async function seedScreening(client: CounselClient) {
  const ids: Record<string, string> = {};
  for (const s of [STUDENT, ...CLASSMATES, OTHER_CLASS]) ids[s.name] = (await client.students.create(s)).id;
  const campaign = await client.campaigns.create(CAMPAIGN);
  return { campaignId: campaign.id, ids };
}

async function openScreening(user: User, name = CAMPAIGN.name) {
  await user.click(await screen.findByRole('menuitem', { name: '心理普测' }));
  await user.click(await screen.findByText(name));
  return screen.findByRole('heading', { name: `心理普测：${name}` });
}

const rowOf = (name: string) => screen.getByText(name).closest('tr') as HTMLElement;

/**
 * A click without user-event's pointer-events check. On this page that check reads the computed style
 * of every ancestor, and jsdom hands out a cached style (with antd's hundreds of inherited CSS
 * variables) by copying it property by property: tens of seconds on a full campaign page.
 */
const quickClick = (element: HTMLElement) => userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never }).click(element);

test('新建普测 shows what is wrong on the fields, the core’s refusal included, then opens the new screening', async () => {
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      for (const s of [STUDENT, ...CLASSMATES]) await client.students.create(s);
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '心理普测' }));
  expect(await screen.findByText('还没有普测')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '新建普测' }));
  const form = await findDialog('新建普测');
  await user.click(within(form).getByRole('button', { name: label('保存') }));
  expect(await within(form).findAllByText('此项必填')).not.toHaveLength(0);

  await user.type(within(form).getByLabelText('名称'), CAMPAIGN.name);
  await pickOption(user, form, '量表', '患者健康问卷-9（PHQ-9）');
  await pickOption(user, form, '年级', '初一');
  await user.click(within(form).getByRole('button', { name: label('保存') }));
  // No student is in 初一: the core refuses, and says so on the grades.
  expect(await within(form).findByText('所选年级和班级中没有在校学生')).toBeInTheDocument();
  expect((await core.client.campaigns.list({})).items).toEqual([]);

  await pickOption(user, form, '年级', '初二');
  await user.click(within(form).getByRole('button', { name: label('保存') }));
  expect(await screen.findByRole('heading', { name: `心理普测：${CAMPAIGN.name}` })).toBeInTheDocument();
  const [created] = (await core.client.campaigns.list({})).items;
  expect(created).toMatchObject({ name: CAMPAIGN.name, grades: [7, 8], scales: [{ scaleId: 'phq9' }], progress: { participants: 3, consentPending: 3 } });
  expect(rowOf('李小红')).toHaveTextContent('未回');
});

test('the consent list is ticked off for the selected rows, and declining is recorded without penalty', async () => {
  let seeded = { campaignId: '', ids: {} as Record<string, string> };
  const { core, user } = await openApp({ setup: true, prepare: async ({ client }) => void (seeded = await seedScreening(client)) });
  await openScreening(user);
  expect(screen.getByText('已回收 0 / 4 · 同意 0 · 拒绝 0')).toBeInTheDocument();
  // Two classes on the list: paper entry says, in view, what it waits for.
  expect(screen.getByRole('button', { name: '纸笔录入' })).toBeDisabled();
  expect(screen.getByText('纸笔录入按班进行：请先在左边选择一个班级')).toBeInTheDocument();
  await pickOption(user, document.body, '班级', '初二3班');
  expect(screen.queryByText(OTHER_CLASS.name)).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: '纸笔录入' })).toBeEnabled();
  expect(screen.queryByText('纸笔录入按班进行：请先在左边选择一个班级')).toBeNull();

  for (const name of [STUDENT.name, '李小红']) await user.click(within(rowOf(name)).getByRole('checkbox'));
  await user.click(screen.getByRole('button', { name: '家长同意' }));
  expect(await screen.findByText('已记录 2 人的知情同意')).toBeInTheDocument();
  const consent = async () =>
    Object.fromEntries((await core.client.campaigns.get({ id: seeded.campaignId })).participants.map((p) => [p.name, [p.studentConsent, p.guardianConsent, p.outcome, p.note]]));
  expect(await consent()).toMatchObject({ [STUDENT.name]: ['pending', 'given', 'pending', ''], 李小红: ['pending', 'given', 'pending', ''], 王小明: ['pending', 'pending', 'pending', ''] });
  await waitFor(() => expect(rowOf('李小红')).toHaveTextContent('同意'));
  // The same students' next slip is a click away: the selection stays after an action.
  expect(screen.getByText('已选 2 人')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '取消选择' }));

  await user.click(within(rowOf('王小明')).getByRole('checkbox'));
  await user.click(screen.getByRole('button', { name: '记为拒绝' }));
  const dialog = await findDialog('拒绝：1 人');
  expect(within(dialog).getByText('拒绝参加是学生和家长的权利，只作记录，不影响任何评价。')).toBeInTheDocument();
  await user.type(within(dialog).getByLabelText('说明（可选）'), '本人不愿参加');
  await user.click(within(dialog).getByRole('button', { name: label('保存') }));
  await messageShown('已更新 1 人');
  expect((await consent())['王小明']).toEqual(['pending', 'pending', 'declined', '本人不愿参加']);
  await waitFor(() => expect(rowOf('王小明')).toHaveTextContent('拒绝本人不愿参加'));

  // The whole filtered list at once, whatever page it runs to.
  await user.click(screen.getByRole('button', { name: '取消选择' }));
  await user.click(screen.getByRole('button', { name: '选中筛选出的全部 3 人' }));
  // The ids come from the core (campaigns.participantIds): the list holds only a page.
  expect(await screen.findByText('已选 3 人')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '学生同意' }));
  await messageShown('已记录 3 人的知情同意');
  expect(await screen.findByText('已回收 2 / 4 · 同意 2 · 拒绝 0')).toBeInTheDocument();
});

/**
 * The app on the screening with every slip returned: 李小红 screen-positive, 王小明 clear, and the
 * student screened last with a low total but item 9 answered (critical all the same).
 */
async function appWithTriage() {
  let seeded = { campaignId: '', ids: {} as Record<string, string> };
  const app = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      seeded = await seedScreening(client);
      const { campaignId, ids } = seeded;
      await client.campaigns.setConsent({ id: campaignId, entries: Object.values(ids).map((studentId) => ({ studentId, studentConsent: 'given', guardianConsent: 'given' })) });
      await completePhq9(client, { studentId: ids['李小红']!, campaignId, date: '2025-03-11' }, phq9Codes(12));
      await completePhq9(client, { studentId: ids['王小明']!, campaignId, date: '2025-03-11' }, phq9Codes(3));
      await completePhq9(client, { studentId: ids[STUDENT.name]!, campaignId, date: '2025-03-12' }, phq9Codes(6, 1));
    },
  });
  return { ...app, seeded };
}

/** 52 more students in 初二3班 (学生300…学生351 by 学号), then the screening of the grade. */
async function seedLargeClass(client: CounselClient) {
  for (let i = 0; i < 52; i++) await client.students.create({ ...STUDENT, studentNo: `2024${String(300 + i)}`, name: `学生${300 + i}` });
  return seedScreening(client);
}

/** The first page of 50 shows 学生300 but not 学生351; the next page the other way round. */
async function pagedByStudentNo() {
  expect(await screen.findByText('学生300')).toBeInTheDocument();
  expect(screen.queryByText('学生351')).toBeNull();
  await quickClick(screen.getByRole('button', { name: '下一页' }));
  expect(await screen.findByText('学生351')).toBeInTheDocument();
  expect(screen.queryByText('学生300')).toBeNull();
}

test('the list is paged by the core: the next page shows the later 学号, and 选择全部 takes every page', async () => {
  let seeded = { campaignId: '', ids: {} as Record<string, string> };
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      seeded = await seedLargeClass(client);
    },
  });
  await openScreening(user);
  // 56 rows on two pages of 50: 初二3班's three seeded students, then 学生300…学生351 by 学号, then 4班.
  await pagedByStudentNo();
  await quickClick(screen.getByRole('button', { name: '选中筛选出的全部 56 人' }));
  expect(await screen.findByText('已选 56 人')).toBeInTheDocument();
  await quickClick(screen.getByRole('button', { name: '家长同意' }));
  await messageShown('已记录 56 人的知情同意');
  expect((await core.client.campaigns.get({ id: seeded.campaignId })).campaign.progress.participants).toBe(56);
});

test('分流 lists the critical student first, and a state change is kept with its note', async () => {
  const { core, user, seeded } = await appWithTriage();
  await openScreening(user);
  await user.click(screen.getByRole('tab', { name: '分流' }));
  // Rows by their markup: role queries over this page are slow in jsdom.
  const rows = [...(await screen.findByText('危机预警')).closest('tbody')!.querySelectorAll('tr.ant-table-row')];
  expect(rows.map((r) => [...r.querySelectorAll('td')].slice(1, 6).map((td) => td.textContent))).toEqual([
    ['危机预警', STUDENT.name, '初二3班', '患者健康问卷-9（PHQ-9）留意观察危急', '待复核'],
    ['需关注', '李小红', '初二3班', '患者健康问卷-9（PHQ-9）需关注', '待复核'],
  ]);
  expect(screen.queryByText('王小明')).not.toBeInTheDocument();

  await quickClick(within(rowOf('李小红')).getByText('更改状态'));
  const dialog = await findDialog('分流：李小红');
  await user.click(within(dialog).getByLabelText('已约谈'));
  await user.type(within(dialog).getByLabelText('说明'), '班主任陪同约谈，近期考试压力大。');
  await user.click(within(dialog).getByRole('button', { name: label('保存') }));
  await waitFor(() => expect(rowOf('李小红')).toHaveTextContent('已约谈'));
  const entry = (await core.client.campaigns.triage({ id: seeded.campaignId })).items.find((e) => e.name === '李小红');
  expect(entry).toMatchObject({ state: 'interviewed', note: '班主任陪同约谈，近期考试压力大。' });
});

test('分流 acts from the row: 预约面谈 books the talk for the student, 开危机个案 hands the open alert over or opens a crisis case', async () => {
  const { core, user, seeded } = await appWithTriage();
  const { campaignId, ids } = seeded;
  const entryOf = async (studentId: string) => (await core.client.campaigns.triage({ id: campaignId })).items.find((e) => e.studentId === studentId)!;
  await openScreening(user);
  await user.click(screen.getByRole('tab', { name: '分流' }));
  await screen.findByText('危机预警');

  await quickClick(within(rowOf('李小红')).getByText('预约面谈'));
  const booking = await findDialog('新建预约');
  expect(within(booking).getByText('李小红')).toBeInTheDocument();
  await user.click(within(booking).getByRole('button', { name: label('预约') }));
  expect(await screen.findByText(/^已预约面谈：/)).toBeInTheDocument();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  expect((await core.client.appointments.list({ from: today, to: today, studentId: ids['李小红'] })).items).toMatchObject([{ source: 'screening', status: 'confirmed' }]);

  // No alert to hand over: the crisis case is opened for the student and the entry moves with it.
  await quickClick(within(rowOf('李小红')).getByText('开危机个案'));
  const opening = await findDialog('转危机个案：李小红');
  expect(within(opening).getByText(/分流状态改为“已建个案”/)).toBeInTheDocument();
  await user.click(within(opening).getByRole('button', { name: label('开个案') }));
  await messageShown('已开危机个案');
  const moved = await entryOf(ids['李小红']!);
  expect(moved).toMatchObject({ state: 'caseOpened' });
  expect(await core.client.cases.get({ id: moved.caseId! })).toMatchObject({ studentId: ids['李小红'], categories: ['crisis'], source: 'screening' });

  // The critical student's open alert is what the case takes over.
  await openScreening(user);
  await user.click(screen.getByRole('tab', { name: '分流' }));
  await screen.findByText('危机预警');
  expect(within(rowOf('李小红')).queryByText('开危机个案')).toBeNull();
  await quickClick(within(rowOf(STUDENT.name)).getByText('开危机个案'));
  const handOff = await findDialog(`转危机个案：${STUDENT.name}`);
  await user.click(within(handOff).getByRole('button', { name: label('开个案') }));
  await waitFor(async () => expect((await entryOf(ids[STUDENT.name]!)).state).toBe('caseOpened'));
  expect((await core.client.alerts.open({})).items).toEqual([]);
  const [form] = (await core.client.assessments.ofStudent({ studentId: ids[STUDENT.name]! })).items;
  expect(form!.alerts[0]).toMatchObject({ action: 'crisisCase', caseId: (await entryOf(ids[STUDENT.name]!)).caseId });
});

test('with two scales, a student who took one is still to screen and the list names the scale left', async () => {
  const ids: Record<string, string> = {};
  const { user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      for (const st of [STUDENT, ...CLASSMATES]) ids[st.name] = (await client.students.create(st)).id;
      const { id } = await client.campaigns.create({ ...CAMPAIGN, scales: [{ scaleId: 'phq9' }, { scaleId: 'gad7' }] });
      await client.campaigns.setConsent({ id, entries: Object.values(ids).map((studentId) => ({ studentId, studentConsent: 'given', guardianConsent: 'given' })) });
      await completePhq9(client, { studentId: ids[STUDENT.name]!, campaignId: id, date: '2025-03-11' }, phq9Codes(3));
    },
  });
  await openScreening(user);
  await screen.findByText(STUDENT.name);
  const cells = [...rowOf(STUDENT.name).querySelectorAll('td')].map((td) => td.textContent);
  // 结果, 已完成量表, 待完成量表.
  expect(cells.slice(6, 9)).toEqual(['待测', '患者健康问卷-9（PHQ-9）', expect.stringMatching(/GAD-7/)]);
  expect(rowOf('李小红')).toHaveTextContent(/患者健康问卷-9（PHQ-9）、.*GAD-7/);
});

test('纸笔录入 for a class lists its consented students still to screen, goes on with a form begun, and saves each digit', async () => {
  let seeded = { campaignId: '', ids: {} as Record<string, string> };
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      seeded = await seedScreening(client);
      const { campaignId, ids } = seeded;
      const both = { studentConsent: 'given', guardianConsent: 'given' } as const;
      await client.campaigns.setConsent({
        id: campaignId,
        entries: [
          { studentId: ids[STUDENT.name]!, ...both },
          { studentId: ids['李小红']!, ...both },
          { studentId: ids[OTHER_CLASS.name]!, ...both },
          // Only the guardian's slip is back: 王小明 must not be typed in.
          { studentId: ids['王小明']!, guardianConsent: 'given' },
        ],
      });
      const begun = await client.assessments.start({ studentId: ids['李小红']!, scaleId: 'phq9', mode: 'paper', campaignId, acknowledgeIneligible: true });
      await client.assessments.answer({ formId: begun.id, itemId: 'phq9_1', code: '3' });
    },
  });
  const formsOf = async (name: string) => (await core.client.assessments.ofStudent({ studentId: seeded.ids[name]! })).items;
  await openScreening(user);
  await pickOption(user, document.body, '班级', '初二3班');
  await quickClick(screen.getByRole('button', { name: '纸笔录入' }));
  // PHQ-9 is the screening's only scale: no question, the grid opens at once.
  const dialog = await findDialog('纸笔录入：初二3班 · 患者健康问卷-9（PHQ-9）');
  const grid = await within(dialog).findByRole('grid');
  expect([...grid.querySelectorAll('tr.paper-row')].map((r) => r.getAttribute('aria-label'))).toEqual([STUDENT.name, '李小红']);
  expect(dialog).toHaveTextContent('本班待录入 2 人。 另有 1 人的知情同意尚未回齐（学生和家长都须同意），未列入。 1 人已有未完成的答卷，接着录入，不另起新卷。');
  const cell = (name: string, n: number) => within(grid).getByRole('gridcell', { name: `${name} 第${n}题` });
  expect(cell('李小红', 1)).toHaveTextContent('3');

  await quickClick(cell(STUDENT.name, 1));
  await user.keyboard('2');
  await waitFor(async () => expect(await formsOf(STUDENT.name)).toMatchObject([{ status: 'inProgress', mode: 'paper', campaignId: seeded.campaignId, answers: { phq9_1: '2' } }]));
  await quickClick(cell('李小红', 2));
  await user.keyboard('1');
  // The form begun before is the one typed into: still one form, with both answers.
  await waitFor(async () => expect(await formsOf('李小红')).toMatchObject([{ status: 'inProgress', answers: { phq9_1: '3', phq9_2: '1' } }]));

  await quickClick(cell(STUDENT.name, 2));
  await user.keyboard('00000000');
  await quickClick(within(within(grid).getByRole('row', { name: STUDENT.name })).getByRole('button', { name: label('完成') }));
  await waitFor(() => expect(within(grid).getByRole('row', { name: STUDENT.name })).toHaveTextContent('已完成'));
  await quickClick(within(dialog).getByRole('button', { name: '关闭' }));
  // Closing the grid refreshes the list: the finished row is marked done.
  await waitFor(() => expect(rowOf(STUDENT.name)).toHaveTextContent('已完成'));
  expect(rowOf('李小红')).toHaveTextContent('待测');
});

test('a principal reaches the screenings and their counts, with small cells shown as <5 and no name anywhere', async () => {
  const PRINCIPAL = { username: 'lixiaozhang', displayName: '李校长', passphrase: 'initial-pass-2024', role: 'principal' } as const;
  const { user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      await seedScreening(client);
      await client.users.create(PRINCIPAL);
      await client.auth.logout({});
      await client.auth.login({ username: PRINCIPAL.username, passphrase: PRINCIPAL.passphrase });
      await client.auth.changePassphrase({ current: PRINCIPAL.passphrase, next: 'Principal-own-2024' });
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '心理普测' }));
  expect(await screen.findByText('这里只显示人数，不显示任何学生的名单或结果。')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: '新建普测' })).not.toBeInTheDocument();
  await user.click(await screen.findByText(CAMPAIGN.name));
  expect(await screen.findByText('按年级汇总')).toBeInTheDocument();
  expect(screen.queryByRole('tab', { name: '名单与知情同意' })).not.toBeInTheDocument();
  // Four students of 初二, none screened yet: 4 is a small cell, and so is its complement.
  const grade = screen.getAllByText('初二')[0]!.closest('tr') as HTMLElement;
  expect([...grade.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['初二', '<5', '0', '0', '0', '<5']);
  // The scale by its name, though a principal has no scale library to look ids up in.
  expect(screen.getByText('患者健康问卷-9（PHQ-9）：按结果分段')).toBeInTheDocument();
  expect(document.body).not.toHaveTextContent('PHQ9');
  for (const name of [STUDENT.name, ...CLASSMATES.map((s) => s.name), OTHER_CLASS.name]) expect(document.body).not.toHaveTextContent(name);
});

test('分流 is paged by the core: the next page shows the later 学号, and 选中全部 re-screens every page', async () => {
  let seeded = { campaignId: '', ids: {} as Record<string, string> };
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      seeded = await seedLargeClass(client);
      const { ids } = await client.campaigns.participantIds({ id: seeded.campaignId });
      await client.campaigns.setConsent({ id: seeded.campaignId, entries: ids.map((studentId) => ({ studentId, studentConsent: 'given', guardianConsent: 'given' })) });
      // One sheet for the 52: every row a total of 16 (screen-positive), flagged in the same moment, so the queue orders them by 学号.
      const rows = Array.from({ length: 52 }, (_, i) => [`2024${300 + i}`, ...phq9Codes(16)].join(','));
      const csv = [['学号', ...Array.from({ length: 9 }, (_, i) => String(i + 1))].join(','), ...rows].join('\r\n');
      const sheet = { fileName: 'phq9.csv', contentBase64: Buffer.from(csv).toString('base64'), scaleId: 'phq9', date: '2025-03-11', campaignId: seeded.campaignId, acknowledgeIneligible: true };
      expect(await client.assessments.importCommit(sheet)).toMatchObject({ imported: 52, flagged: 52 });
    },
  });
  await openScreening(user);
  await quickClick(screen.getByRole('tab', { name: '分流' }));
  await pagedByStudentNo();
  // The ids of the whole queue come from the core (campaigns.triageIds): the tab holds only a page.
  await quickClick(screen.getByRole('button', { name: '选中筛选出的全部 52 人' }));
  expect(await screen.findByText('已选 52 人')).toBeInTheDocument();
  await quickClick(screen.getByRole('button', { name: '安排复测' }));
  const dialog = await findDialog('安排复测（52 人）');
  await quickClick(within(dialog).getByRole('button', { name: label('保存') }));
  await messageShown('已安排复测');
  const rescreen = (await core.client.campaigns.list({})).items.find((c) => c.rescreenOf === seeded.campaignId)!;
  expect(rescreen.progress.participants).toBe(52);
});
