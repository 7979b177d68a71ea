// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { dateInZone } from '../../shared/domain/dates';
import { STUDENT } from '../helpers/counseling';
import { newRoom } from '../helpers/schedule';
import { findDialog, label, openApp, openSelectPopup } from './harness';

type User = Awaited<ReturnType<typeof openApp>>['user'];

/** The one 来源 list, in its order, as every dialog must offer it. */
const SOURCES = ['主动来访', '学生自约', '心理信箱来信', '班主任/教师转介', '家长转介', '筛查跟进', '危机跟进', '其他'];

/** The options of the dialog's 来源 select, as listed when it opens. */
async function sourceOptions(user: User, dialog: HTMLElement): Promise<string[]> {
  await user.click(within(dialog).getByRole('combobox', { name: '来源' }));
  const popup = await waitFor(openSelectPopup);
  return [...popup.querySelectorAll('.ant-select-item-option')].map((o) => o.getAttribute('title') ?? '');
}

/** Closes a dialog by 取消 and waits until it is gone, its select popup with it. */
async function cancel(user: User, dialog: HTMLElement, title: string) {
  await user.click(within(dialog).getByRole('button', { name: label('取消') }));
  await waitFor(() => expect(screen.queryByRole('dialog', { name: title })).not.toBeInTheDocument());
}

test('来源 offers the same list with the same labels in the booking, waitlist and case dialogs', async () => {
  const today = dateInZone(Date.now(), 'Asia/Shanghai');
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      const room = await newRoom(client);
      const s = await client.students.create(STUDENT);
      await client.appointments.create({ studentId: s.id, roomId: room.id, date: today, start: '09:00', end: '09:45', kind: 'individual', source: 'guardianReferral', overrideOpening: true });
    },
  });

  await user.click(await screen.findByRole('menuitem', { name: '日程' }));
  const book = await screen.findByRole('button', { name: '新建预约' });
  await waitFor(() => expect(book).toBeEnabled());
  await user.click(book);
  let dialog = await findDialog('新建预约');
  expect(await sourceOptions(user, dialog)).toEqual(SOURCES);
  await cancel(user, dialog, '新建预约');

  await user.click(await screen.findByText('候补名单（0）'));
  const waitlist = await findDialog('候补名单');
  await user.click(within(waitlist).getByRole('button', { name: '加入候补' }));
  dialog = await findDialog('加入候补名单');
  expect(await sourceOptions(user, dialog)).toEqual(SOURCES);
  await cancel(user, dialog, '加入候补名单');
  await user.click(within(waitlist).getByRole('button', { name: label('关闭') }));

  // 我的个案: a case for a parent offers the same list; the appointment shows its source by the same label.
  await user.click(await screen.findByRole('menuitem', { name: '我的个案' }));
  await user.click(await screen.findByRole('button', { name: '新建个案（教职工/家长）' }));
  dialog = await findDialog('新建个案（教职工/家长）');
  expect(await sourceOptions(user, dialog)).toEqual(SOURCES);
  await cancel(user, dialog, '新建个案（教职工/家长）');

  await user.click(await screen.findByText('09:00–09:45'));
  const drawer = await findDialog('预约详情');
  expect(drawer).toHaveTextContent('家长转介');
  await user.click(await within(drawer).findByRole('button', { name: '开个案' }));
  dialog = await findDialog(`为 ${STUDENT.name} 开个案`);
  // Opened from the appointment, the case starts with the appointment's source, from the same list.
  expect(within(dialog).getByTitle('家长转介')).toBeInTheDocument();
  expect(await sourceOptions(user, dialog)).toEqual(SOURCES);
  await user.click(within(dialog).getByRole('checkbox', { name: '家庭' }));
  await user.click(within(dialog).getByRole('button', { name: '开个案' }));
  expect(await screen.findByRole('heading', { name: `个案：${STUDENT.name}` })).toBeInTheDocument();
  expect(screen.getByText('家长转介')).toBeInTheDocument();
  const { items } = await core.client.cases.list({});
  expect((await core.client.cases.get({ id: items[0]!.id })).source).toBe('guardianReferral');
});
