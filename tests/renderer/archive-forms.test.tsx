// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { STUDENT } from '../helpers/counseling';
import { findDialog, label, openApp, openRoster, messageShown } from './harness';

test('from the archive: a home-school contact and a consent are recorded through their dialogs, which open fresh each time', async () => {
  let studentId = '';
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      studentId = (await client.students.create(STUDENT)).id;
    },
  });
  await openRoster(user);
  await user.click(await screen.findByText(STUDENT.name));
  const drawer = await findDialog(`学生档案：${STUDENT.name}`);
  await user.click(await within(drawer).findByRole('button', { name: '一生一档' }));
  await screen.findByRole('heading', { name: `一生一档：${STUDENT.name}` });

  await user.click(screen.getByRole('button', { name: '家校沟通' }));
  let dialog = await findDialog('登记家校沟通');
  await user.click(within(dialog).getByRole('button', { name: label('保存') }));
  // The contract's own rule, on the field, and nothing sent.
  expect(await within(dialog).findByText('此项必填')).toBeInTheDocument();
  await user.type(within(dialog).getByLabelText('沟通内容'), '与母亲电话沟通作息安排。');
  await user.click(within(dialog).getByRole('button', { name: label('保存') }));
  expect(await screen.findByText('与母亲电话沟通作息安排。')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '家校沟通' }));
  dialog = await findDialog('登记家校沟通');
  expect(within(dialog).getByLabelText('沟通内容')).toHaveValue('');
  await user.click(within(dialog).getByRole('button', { name: label('取消') }));

  await user.click(screen.getByRole('button', { name: '知情同意' }));
  dialog = await findDialog('登记知情同意');
  await user.click(within(dialog).getByRole('button', { name: label('保存') }));
  await messageShown('已登记知情同意');
  const current = await core.client.consents.current({ studentId, scope: 'counseling' });
  expect(current.student).toMatchObject({ outcome: 'given', form: 'written' });
});
