// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Form, Input } from 'antd';
import { useState } from 'react';
import { expect, test } from 'vitest';
import { FormModal } from '../../renderer/src/components/FormModal';

/** Two rows that each open the same dialog with their own values, as a table's 编辑 buttons do. */
function TwoRows() {
  const [editing, setEditing] = useState<{ name: string } | null>(null);
  return (
    <>
      <button onClick={() => setEditing({ name: '一号个体辅导室' })}>edit one</button>
      <button onClick={() => setEditing({ name: '团体活动室' })}>edit two</button>
      <FormModal<{ name: string }>
        open={editing !== null}
        title="编辑"
        okText="保存"
        initialValues={editing ?? undefined}
        onSubmit={async () => setEditing(null)}
        onClose={() => setEditing(null)}
      >
        <Form.Item name="name" label="名称">
          <Input />
        </Form.Item>
      </FormModal>
    </>
  );
}

test('a form dialog opened again shows the values it is opened with, not the last ones', async () => {
  const user = userEvent.setup();
  render(<TwoRows />);
  await user.click(screen.getByText('edit one'));
  expect(await screen.findByDisplayValue('一号个体辅导室')).toBeInTheDocument();
  await user.type(screen.getByLabelText('名称'), '（改）');
  await user.click(screen.getByRole('button', { name: /取\s*消/ }));
  await user.click(screen.getByText('edit two'));
  expect(await screen.findByDisplayValue('团体活动室')).toBeInTheDocument();
});
