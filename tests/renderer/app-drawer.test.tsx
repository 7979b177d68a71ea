// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Input } from 'antd';
import { useState } from 'react';
import { expect, test } from 'vitest';
import { AppDrawer } from '../../renderer/src/components/AppDrawer';
import { AppProviders } from '../../renderer/src/components/AppProviders';

/** A details drawer and a form drawer, each opened by its own button, as a page with a list and a 新增 does. */
function Page() {
  const [details, setDetails] = useState(false);
  const [form, setForm] = useState(false);
  return (
    <>
      <Button onClick={() => setDetails(true)}>details</Button>
      <Button onClick={() => setForm(true)}>form</Button>
      <AppDrawer open={details} title="详情" onClose={() => setDetails(false)}>
        <p>只读内容</p>
        <Button onClick={() => setForm(true)}>form from details</Button>
      </AppDrawer>
      <AppDrawer open={form} title="新增" onClose={() => setForm(false)}>
        <Input aria-label="姓名" disabled />
        <Input aria-label="学号" />
      </AppDrawer>
    </>
  );
}

/** The 关闭 of the drawer with this title (a drawer under another is hidden from role queries). */
const closeOf = (title: string) => screen.getByText(title, { selector: '.ant-drawer-title' }).closest('.ant-drawer-header')!.querySelector<HTMLElement>('.ant-drawer-close')!;

test('a drawer opens with focus on its own first field, or on its 关闭 when it shows details, even with another drawer open', async () => {
  const user = userEvent.setup();
  // Inside the app's providers, as every drawer is: with antd's motion on, jsdom (which never fires
  // transitionend) would leave a drawer's opening unfinished and its afterOpenChange unsent.
  render(
    <AppProviders>
      <Page />
    </AppProviders>,
  );

  await user.click(screen.getByRole('button', { name: 'details' }));
  await waitFor(() => expect(closeOf('详情')).toHaveFocus());

  // Opened on top of the details: its first field that takes typing (the disabled one is passed over).
  await user.click(screen.getByRole('button', { name: 'form from details' }));
  await waitFor(() => expect(screen.getByLabelText('学号')).toHaveFocus());
  await user.click(closeOf('新增'));
  await user.click(closeOf('详情'));

  // The form drawer is open while the details drawer, rendered before it in the page, opens again:
  // focus goes into the details drawer, not the last open drawer of the document.
  await user.click(screen.getByRole('button', { name: 'form' }));
  await waitFor(() => expect(screen.getByLabelText('学号')).toHaveFocus());
  await user.click(screen.getByRole('button', { name: 'details', hidden: true }));
  await waitFor(() => expect(closeOf('详情')).toHaveFocus());
});
