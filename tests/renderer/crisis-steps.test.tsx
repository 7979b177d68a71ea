// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { addDays, dateInZone } from '../../shared/domain/dates';
import { STUDENT } from '../helpers/counseling';
import { setupSchool } from '../helpers/inproc';
import { openRaw } from '../helpers/raw-db';
import { newRoom } from '../helpers/schedule';
import { consentToTesting } from '../helpers/screening';
import { findDialog, label, messageShown, openApp, pickOption } from './harness';

const PHQ9 = '患者健康问卷-9（PHQ-9）';

/** Today at the school, as the screens take it (the renderer reads the real clock). */
const schoolToday = () => dateInZone(Date.now(), 'Asia/Shanghai');

const stepCard = (step: string) => screen.getByTestId(`crisis-step-${step}`);

test('开个案 from a session with 危机 ticked asks for tier, source and reason, and opens a crisis case with its six steps', async () => {
  const today = schoolToday();
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      const room = await newRoom(client);
      const s = await client.students.create(STUDENT);
      await client.appointments.create({ studentId: s.id, roomId: room.id, date: today, start: '09:00', end: '09:45', kind: 'individual', source: 'selfReferral', overrideOpening: true });
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '我的个案' }));
  const row = (await screen.findByText('09:00–09:45')).closest('li')!;
  row.focus();
  await user.keyboard('{Enter}');
  const drawer = await findDialog('预约详情');
  await user.click(await within(drawer).findByRole('button', { name: '开个案' }));
  const open = await findDialog(`为 ${STUDENT.name} 开个案`);
  expect(within(open).queryByRole('combobox', { name: '风险等级' })).toBeNull();

  // 危机 asks for the crisis details; without them nothing is opened.
  await user.click(within(open).getByRole('checkbox', { name: '危机' }));
  expect(await within(open).findByText(/保存后生成六步工作法的各步骤及截止日期/)).toBeInTheDocument();
  expect(within(open).getByTitle('辅导会谈')).toBeInTheDocument(); // the source, from the appointment
  await user.click(within(open).getByRole('button', { name: '开个案' }));
  expect(await within(open).findAllByText('此项必填')).toHaveLength(2); // tier and reason
  expect((await core.client.cases.list({})).total).toBe(0);

  await pickOption(user, open, '风险等级', '一级（红）');
  await user.type(within(open).getByLabelText('简要原因'), '会谈中流露轻生念头');
  await user.click(within(open).getByRole('button', { name: '开个案' }));
  await messageShown('已建危机个案，六步工作法各步骤已生成');
  const section = await screen.findByTestId('crisis-section');
  expect(within(section).getByTestId('crisis-tier')).toHaveTextContent('一级（红）');

  const [opened] = (await core.client.cases.list({})).items;
  const k = await core.client.crisis.get({ caseId: opened!.id });
  expect(k).toMatchObject({ source: 'session', tier: 'red', reason: '会谈中流露轻生念头', status: 'open' });
  expect(k.steps.map((s) => s.state)).toEqual(['open', 'open', 'open', 'open', 'open', 'open']);
});

test('the steps start their own work: a form in 测评建档, the next session in 积极干预, a supporter and their report in 同伴跟防', async () => {
  let caseId = '';
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      const s = await client.students.create(STUDENT);
      await consentToTesting(client, s.id);
      // A term around today and a room open every day, so the booking dialog starts at today's opening.
      const today = schoolToday();
      await client.calendar.saveTerm({ name: '本学期', startDate: addDays(today, -7), endDate: addDays(today, 60) });
      const room = await newRoom(client);
      await client.openings.saveSlot({ roomId: room.id, rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU', validFrom: addDays(today, -7), start: '16:00', end: '16:45', dutyName: '王老师' });
      const classmate = await client.students.create({ ...STUDENT, studentNo: '20240110', name: '同班委员' });
      const elsewhere = await client.students.create({ ...STUDENT, studentNo: '20240111', name: '外班委员', className: '5班' });
      await client.peerSupporters.save({ studentId: classmate.id, since: '2024-09-01' });
      await client.peerSupporters.save({ studentId: elsewhere.id, since: '2024-09-01' });
      caseId = (await client.crisis.open({ studentId: s.id, source: 'teacher', tier: 'red', reason: '班主任报告' })).caseId;
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '危机干预' }));
  await user.click(await screen.findByText(STUDENT.name));
  await screen.findByTestId('crisis-section');

  // 测评建档: the archive's own 开始施测, for this student; the form comes back linked.
  await user.click(within(stepCard('assess')).getByRole('button', { name: '开始施测' }));
  const start = await findDialog('开始施测');
  await pickOption(user, start, '量表', PHQ9);
  await user.click(within(start).getByLabelText('纸笔录入'));
  await user.click(within(start).getByRole('button', { name: '开始施测' }));
  const paper = await findDialog(`纸笔录入：${PHQ9}`);
  await user.click(within(paper).getByRole('button', { name: '关闭' }));
  await waitFor(() => expect(within(stepCard('assess')).getByText(/关联测评/)).toBeInTheDocument());
  const [form] = (await core.client.assessments.ofStudent({ studentId: (await core.client.crisis.get({ caseId })).studentId })).items;
  expect(within(stepCard('assess')).getByText(`phq9 ${form!.date}`)).toBeInTheDocument();

  // 积极干预: the schedule's booking dialog, with the student given; the booking shows in the step.
  await user.click(within(stepCard('intervention')).getByRole('button', { name: '预约下次干预' }));
  const booking = await findDialog('新建预约');
  expect(within(booking).getByText(STUDENT.name)).toBeInTheDocument();
  expect(within(booking).getByTitle('危机跟进')).toBeInTheDocument(); // the appointment's source
  await user.click(within(booking).getByRole('button', { name: label('预约') }));
  await messageShown('已预约 1 次');
  await waitFor(() => expect(within(stepCard('intervention')).getByText(/关联预约/)).toBeInTheDocument());
  const [appointment] = (await core.client.appointments.list({ from: form!.date, to: form!.date, includeCancelled: false })).items;
  expect(appointment).toMatchObject({ source: 'crisis', start: '16:00', roomName: '个别辅导室', outsideOpening: false });
  expect(within(stepCard('intervention')).getByText(`${appointment!.date} 16:00`)).toBeInTheDocument();

  // 同伴跟防: a report needs an assigned supporter; only the student's class is offered.
  expect(within(stepCard('peer')).getByRole('button', { name: '记录心理委员反馈' })).toBeDisabled();
  await user.click(within(stepCard('peer')).getByRole('button', { name: '指派心理委员' }));
  const assign = await findDialog('同伴跟防 · 指定心理委员');
  await user.click(within(assign).getByRole('combobox', { name: '心理委员' }));
  const popup = await waitFor(() => document.querySelector<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')!);
  expect(within(popup).queryByTitle('外班委员 5班')).toBeNull();
  await user.click(within(popup).getByTitle('同班委员 3班'));
  await user.click(within(assign).getByRole('button', { name: label('保存') }));
  await waitFor(() => expect(within(stepCard('peer')).getByText('同班委员 3班')).toBeInTheDocument());

  await user.click(within(stepCard('peer')).getByRole('button', { name: '记录心理委员反馈' }));
  const report = await findDialog('同伴跟防 · 心理委员反馈');
  await pickOption(user, report, '心理委员', '同班委员 3班');
  await user.type(within(report).getByLabelText('反馈内容'), '午饭时一个人，话不多');
  await user.click(within(report).getByRole('button', { name: label('保存') }));
  await waitFor(() => expect(within(stepCard('peer')).getByText('反馈内容：午饭时一个人，话不多')).toBeInTheDocument());

  const k = await core.client.crisis.get({ caseId });
  expect(k.entries.map((e) => [e.step, e.kind])).toEqual([
    ['assess', 'assessmentLink'],
    ['intervention', 'appointmentLink'],
    ['peer', 'peerAssigned'],
    ['peer', 'peerReport'],
  ]);
});

test('a crisis case opened before crisis details were required says so, and 补充危机信息 gives it the six steps', async () => {
  let caseId = '';
  const { core, user } = await openApp({
    prepare: async (t) => {
      const recoveryKey = await setupSchool(t.client);
      const s = await t.client.students.create(STUDENT);
      caseId = (await t.client.cases.open({ studentId: s.id, source: 'walkIn', categories: ['emotion'] })).id;
      // What an older archive holds: category crisis without crisis details.
      const raw = openRaw(join(t.dataDir, 'counselroom.db'), (await t.client.key.exportRaw({ recoveryKey })).rawKeyHex);
      raw.prepare("INSERT INTO case_categories (case_id, category) VALUES (?, 'crisis')").run(caseId);
      raw.close();
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '我的个案' }));
  await user.click(await screen.findByText(STUDENT.name));
  const missing = await screen.findByTestId('crisis-missing');
  expect(missing).toHaveTextContent('因此没有六步工作法的各步骤');
  await user.click(within(missing).getByRole('button', { name: '补充危机信息' }));
  const dialog = await findDialog('补充危机信息');
  await pickOption(user, dialog, '风险等级', '二级（橙）');
  await pickOption(user, dialog, '来源', '家长报告');
  await user.type(within(dialog).getByLabelText('简要原因'), '家长反映情绪低落');
  await user.click(within(dialog).getByRole('button', { name: label('保存') }));

  const section = await screen.findByTestId('crisis-section');
  expect(within(section).getByTestId('crisis-tier')).toHaveTextContent('二级（橙）');
  expect(screen.queryByTestId('crisis-missing')).toBeNull();
  // Now a crisis case, it closes through its own rules, not the generic 结案.
  expect(screen.queryByRole('button', { name: label('结案') })).not.toBeInTheDocument();
  expect(await core.client.crisis.get({ caseId })).toMatchObject({ tier: 'orange', source: 'guardian', reason: '家长反映情绪低落' });
});
