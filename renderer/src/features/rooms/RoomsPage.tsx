import { Alert, Card, Flex, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { BellSchedule } from './BellSchedule';
import { DoorScheduleButton } from './DoorScheduleButton';
import { MetricsCard } from './MetricsCard';
import { RoomsTable } from './RoomsTable';
import { SchoolCalendar } from './SchoolCalendar';
import { PageTitle } from '../../components/PageTitle';

const getCalendar = () => api.calendar.get({});

/**
 * 活动室与开放时间 (counselors and principals): the rooms and their opening hours with who is on
 * duty, the school calendar and bell schedule they follow, the figures the compliance checklist
 * reads, and the door schedule to print.
 */
export function RoomsPage() {
  const { t } = useTranslation();
  const calendar = useCall(getCalendar, {});
  // Any change below can move the figures: they are fetched again after each.
  const [round, setRound] = useState(0);
  const changed = () => setRound((r) => r + 1);
  const calendarChanged = () => {
    calendar.reload();
    changed();
  };

  if (calendar.error !== undefined) return <Alert type="error" showIcon title={errorMessage(calendar.error)} />;
  if (!calendar.data) return <Spin />;
  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" gap="small" wrap>
        <PageTitle>
          {t('schedule.rooms.title')}
        </PageTitle>
        <DoorScheduleButton />
      </Flex>
      <MetricsCard terms={calendar.data.terms} round={round} />
      <Card size="small">
        <Tabs
          items={[
            { key: 'rooms', label: t('schedule.rooms.tab'), children: <RoomsTable onChanged={changed} /> },
            { key: 'calendar', label: t('schedule.calendar.tab'), children: <SchoolCalendar calendar={calendar.data} onChanged={calendarChanged} /> },
            { key: 'bell', label: t('schedule.bell.tab'), children: <BellSchedule periods={calendar.data.periods} onSaved={calendarChanged} /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
