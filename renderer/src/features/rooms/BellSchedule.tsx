import { App, Button, Flex, Form, Input, Select, TimePicker, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { calendarApi, type ClassPeriodView } from '../../../../shared/api/school-calendar';
import { api } from '../../api/client';
import { timeProps } from '../../lib/formValues';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useScheduleLabels } from '../schedule/labels';

const period = calendarApi['calendar.setPeriods'].input.shape.periods.element.shape;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

type Period = Omit<ClassPeriodView, 'label'> & { label?: string };

const byDayAndTime = (a: Period, b: Period) => a.weekday - b.weekday || a.start.localeCompare(b.start);

/** Monday's periods on Tuesday to Friday too, replacing what those days had; the weekend is kept. */
function copyMondayToWeek(periods: readonly Period[]): Period[] {
  const monday = periods.filter((p) => p.weekday === 1);
  const kept = periods.filter((p) => p.weekday === 1 || p.weekday > 5);
  return [...kept, ...[2, 3, 4, 5].flatMap((weekday) => monday.map((p) => ({ ...p, weekday })))].sort(byDayAndTime);
}

/**
 * 作息时间: the class periods of each weekday. Time outside them counts as "outside class" for the
 * compliance figures; the whole list is saved at once, and a clash lands on the period at fault.
 */
export function BellSchedule({ periods, onSaved }: { periods: readonly ClassPeriodView[]; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useScheduleLabels();
  const [form] = Form.useForm<{ periods: Period[] }>();
  const { busy, submit } = useFormSubmit(form, async (values: { periods?: Period[] }) => {
    await api.calendar.setPeriods({ periods: (values.periods ?? []).map((p) => ({ ...p, label: p.label ?? '' })) });
    void message.success(t('common.saved'));
    onSaved();
  });

  return (
    <Form form={form} onFinish={submit} initialValues={{ periods: [...periods].sort(byDayAndTime) }}>
      <Flex vertical gap="small">
        <Typography.Text type="secondary">{t('schedule.bell.explain')}</Typography.Text>
        <Form.List name="periods">
          {(rows, { add, remove }) => (
            <>
              {rows.map(({ key, name }) => (
                <Flex key={key} gap="small" align="start" wrap>
                  <Form.Item name={[name, 'weekday']} rules={[zodRule(period.weekday)]} style={{ marginBottom: 8 }}>
                    <Select aria-label={t('schedule.bell.weekday')} style={{ width: 96 }} options={labels.options('weekday', WEEKDAYS)} />
                  </Form.Item>
                  <Form.Item name={[name, 'label']} rules={[zodRule(period.label)]} style={{ marginBottom: 8 }}>
                    <Input aria-label={t('schedule.bell.label')} placeholder={t('schedule.bell.labelPlaceholder')} maxLength={maxLengthOf(period.label)} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'start']} rules={[zodRule(period.start)]} style={{ marginBottom: 8 }} {...timeProps}>
                    <TimePicker aria-label={t('schedule.booking.start')} format="HH:mm" minuteStep={5} placeholder={t('schedule.booking.start')} />
                  </Form.Item>
                  <Form.Item name={[name, 'end']} rules={[zodRule(period.end)]} style={{ marginBottom: 8 }} {...timeProps}>
                    <TimePicker aria-label={t('schedule.booking.end')} format="HH:mm" minuteStep={5} placeholder={t('schedule.booking.end')} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(name)}>
                    {t('common.remove')}
                  </Button>
                </Flex>
              ))}
              {rows.length === 0 && <Typography.Text type="secondary">{t('schedule.bell.none')}</Typography.Text>}
              <Flex gap="small" wrap>
                <Button onClick={() => add({ weekday: 1, label: '' })}>{t('schedule.bell.add')}</Button>
                <Button onClick={() => form.setFieldValue('periods', copyMondayToWeek(form.getFieldValue('periods') ?? []))}>{t('schedule.bell.copyMonday')}</Button>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {t('common.save')}
                </Button>
              </Flex>
            </>
          )}
        </Form.List>
      </Flex>
    </Form>
  );
}
