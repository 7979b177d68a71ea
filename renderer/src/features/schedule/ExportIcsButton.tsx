import { App, Button, Checkbox, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useFormSubmit } from '../../lib/useFormSubmit';

interface Values {
  range: [Dayjs, Dayjs];
  includeInitials: boolean;
}

/** Hands a text file to the browser's download (Electron asks where to save it). */
function download(filename: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The download reads the blob after click() returns; free it once that has surely happened.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * 导出 .ics: my own appointments for a phone or desktop calendar. Names never leave; initials only
 * when the counselor ticks the box, knowing the file may sit in a cloud calendar.
 */
export function ExportIcsButton({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useFormSubmit(form, async ({ range, includeInitials }: Values) => {
    const file = await api.schedule.exportIcs({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), includeInitials });
    download(file.filename, file.content);
    void message.success(t('schedule.ics.done', { count: file.count }));
    setOpen(false);
  });

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('schedule.ics.action')}</Button>
      <Modal
        open={open}
        title={t('schedule.ics.title')}
        okText={t('schedule.ics.ok')}
        okButtonProps={{ loading: busy }}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('schedule.ics.explain')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ range: [dayjs(from), dayjs(to)], includeInitials: false }}>
          <Form.Item name="range" label={t('schedule.ics.range')} rules={[{ required: true, message: t('errors.field.required') }]}>
            <DatePicker.RangePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="includeInitials" valuePropName="checked">
            <Checkbox>{t('schedule.ics.includeInitials')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
