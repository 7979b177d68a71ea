import { Button, DatePicker, Form, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { weekOf } from '../../../../shared/domain/dates';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { dateProps } from '../../lib/formValues';
import { useSchoolToday } from '../../lib/time';
import { useSettings } from '../../stores/settings';
import { DoorSchedulePrint, type DoorWeek } from './DoorSchedulePrint';

/** 打印门口开放时间表: pick the week, then the print view (in Electron, 另存为 PDF is offered). */
export function DoorScheduleButton() {
  const { t } = useTranslation();
  const today = useSchoolToday();
  const schoolName = useSettings((s) => s.settings?.school.name ?? '');
  const [asking, setAsking] = useState(false);
  const [printable, setPrintable] = useState<DoorWeek | null>(null);
  // Stable, so a re-render while the view is up never prints it a second time.
  const printed = useCallback(() => setPrintable(null), []);

  return (
    <>
      <Button onClick={() => setAsking(true)}>{t('schedule.door.action')}</Button>
      <FormModal<{ week: string }>
        open={asking}
        title={t('schedule.door.action')}
        okText={t('common.print')}
        initialValues={{ week: today }}
        onClose={() => setAsking(false)}
        onSubmit={async ({ week }) => {
          const { start, end } = weekOf(week);
          const [calendar, openings] = await Promise.all([api.calendar.get({}), api.openings.expand({ from: start, to: end })]);
          setAsking(false);
          setPrintable({ schoolName, weekStart: start, weekEnd: end, calendar, openings: openings.items });
        }}
      >
        <Typography.Paragraph type="secondary">{t('schedule.door.explain')}</Typography.Paragraph>
        <Form.Item name="week" label={t('schedule.door.pickWeek')} {...dateProps}>
          <DatePicker picker="week" allowClear={false} />
        </Form.Item>
      </FormModal>
      {printable && <DoorSchedulePrint week={printable} onDone={printed} />}
    </>
  );
}
