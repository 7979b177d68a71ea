import { App, Button, DatePicker, Flex, Form, Input, Radio, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarApi, SPECIAL_DAY_KINDS, type CalendarView, type SpecialDayView, type TermView } from '../../../../shared/api/school-calendar';
import { isoWeekday } from '../../../../shared/domain/schedule';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { dateProps } from '../../lib/formValues';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useScheduleLabels } from '../schedule/labels';
import { RowActions } from './RowActions';
import { Section } from './Section';
import { SLOT_WEEKDAYS } from './slotRule';
import { useConfirmRemove } from './useConfirmRemove';

const termFields = calendarApi['calendar.saveTerm'].input.shape;
const dayFields = calendarApi['calendar.saveSpecialDay'].input.shape;

type TermValues = Omit<TermView, 'id'>;
type DayValues = { date: string; kind: SpecialDayView['kind']; followsWeekday?: number | null; name?: string };

/** 校历: the terms, and the holidays and 调休 make-up days that change which days are school days. */
export function SchoolCalendar({ calendar, onChanged }: { calendar: CalendarView; onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useScheduleLabels();
  const [term, setTerm] = useState<TermView | 'new' | null>(null);
  const [addingDay, setAddingDay] = useState(false);
  const editingTerm = term !== null && term !== 'new' ? term : null;

  const remove = useConfirmRemove(onChanged);

  const saved = () => {
    setTerm(null);
    setAddingDay(false);
    void message.success(t('common.saved'));
    onChanged();
  };

  return (
    <Flex vertical gap="large">
      <Section title={t('schedule.calendar.terms')} add={<Button onClick={() => setTerm('new')}>{t('schedule.calendar.addTerm')}</Button>}>
        <Table<TermView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={calendar.terms}
          locale={{ emptyText: t('schedule.calendar.noTerms') }}
          columns={[
            { key: 'name', title: t('schedule.calendar.termName'), dataIndex: 'name' },
            { key: 'startDate', title: t('schedule.calendar.startDate'), dataIndex: 'startDate' },
            { key: 'endDate', title: t('schedule.calendar.endDate'), dataIndex: 'endDate' },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 140,
              render: (_v, term) => (
                <RowActions
                  onEdit={() => setTerm(term)}
                  onRemove={() => remove(t('schedule.calendar.removeTerm', { name: term.name }), () => api.calendar.removeTerm({ id: term.id }))}
                />
              ),
            },
          ]}
        />
      </Section>
      <Section title={t('schedule.calendar.specialDays')} add={<Button onClick={() => setAddingDay(true)}>{t('schedule.calendar.addSpecialDay')}</Button>}>
        <Table<SpecialDayView>
          rowKey="date"
          size="small"
          pagination={false}
          dataSource={calendar.specialDays}
          locale={{ emptyText: t('schedule.calendar.noSpecialDays') }}
          columns={[
            { key: 'date', title: t('schedule.calendar.date'), render: (_v, d) => t('common.noted', { text: d.date, note: labels.label('weekday', isoWeekday(d.date)) }) },
            {
              key: 'kind',
              title: t('schedule.calendar.kind'),
              render: (_v, d) => <Tag color={d.kind === 'holiday' ? 'red' : 'blue'}>{labels.label('specialDayKind', d.kind)}</Tag>,
            },
            {
              key: 'follows',
              title: t('schedule.calendar.followsWeekday'),
              render: (_v, d) => (d.followsWeekday ? t('schedule.calendar.follows', { weekday: labels.label('weekday', d.followsWeekday) }) : ''),
            },
            { key: 'name', title: t('schedule.calendar.dayName'), dataIndex: 'name' },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 100,
              render: (_v, d) => (
                <RowActions onRemove={() => remove(t('schedule.calendar.removeSpecialDay', { date: d.date }), () => api.calendar.removeSpecialDay({ date: d.date }))} />
              ),
            },
          ]}
        />
      </Section>
      <FormModal<TermValues>
        open={term !== null}
        title={editingTerm ? t('schedule.calendar.editTerm') : t('schedule.calendar.addTerm')}
        okText={t('common.save')}
        initialValues={editingTerm ?? undefined}
        onClose={() => setTerm(null)}
        onSubmit={async (values) => {
          await api.calendar.saveTerm({ id: editingTerm?.id, ...values });
          saved();
        }}
      >
        <Form.Item name="name" label={t('schedule.calendar.termName')} rules={[zodRule(termFields.name)]} extra={t('schedule.calendar.termNameHint')}>
          <Input maxLength={maxLengthOf(termFields.name)} autoFocus />
        </Form.Item>
        <Form.Item name="startDate" label={t('schedule.calendar.startDate')} rules={[zodRule(termFields.startDate)]} {...dateProps}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endDate" label={t('schedule.calendar.endDate')} rules={[zodRule(termFields.endDate)]} {...dateProps}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
      <FormModal<DayValues>
        open={addingDay}
        title={t('schedule.calendar.addSpecialDay')}
        okText={t('common.save')}
        initialValues={{ kind: 'holiday' }}
        onClose={() => setAddingDay(false)}
        onSubmit={async ({ followsWeekday, name = '', ...day }) => {
          await api.calendar.saveSpecialDay({ ...day, followsWeekday: day.kind === 'makeupWorkday' ? (followsWeekday ?? null) : null, name });
          saved();
        }}
      >
        <Form.Item name="date" label={t('schedule.calendar.date')} rules={[zodRule(dayFields.date)]} {...dateProps}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label={t('schedule.calendar.kind')} extra={t('schedule.calendar.kindHint')}>
          <Radio.Group options={labels.options('specialDayKind', SPECIAL_DAY_KINDS)} />
        </Form.Item>
        <Form.Item noStyle dependencies={['kind']}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'makeupWorkday' && (
              <Form.Item name="followsWeekday" label={t('schedule.calendar.followsWeekday')} rules={[{ required: true, message: t('errors.field.required') }]}>
                <Select options={labels.options('weekday', SLOT_WEEKDAYS)} />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item name="name" label={t('schedule.calendar.dayName')} rules={[zodRule(dayFields.name)]}>
          <Input maxLength={maxLengthOf(dayFields.name)} placeholder={t('schedule.calendar.dayNamePlaceholder')} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
