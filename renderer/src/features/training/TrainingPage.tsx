import { Card, Flex, Select, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchoolToday } from '../../lib/time';
import { EventsTable } from './EventsTable';
import { StaffTable } from './StaffTable';
import { TotalsTable } from './TotalsTable';
import { PageTitle } from '../../components/PageTitle';

/** Years offered: the last few, where inspections look, and the next, for training already planned. */
const YEARS_BACK = 5;

/**
 * 培训登记 (counselors and principals): the staff register, the training events of a year by
 * tier, and each staff member's hours that year (what the compliance checklist reads).
 */
export function TrainingPage() {
  const { t } = useTranslation();
  const thisYear = Number(useSchoolToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  // Every change below can move the totals and the attendee choices: all three lists fetch again.
  const [round, setRound] = useState(0);
  const changed = () => setRound((r) => r + 1);
  const years = Array.from({ length: YEARS_BACK + 2 }, (_, i) => thisYear + 1 - i);

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" gap="small" wrap>
        <PageTitle>
          {t('training.title')}
        </PageTitle>
        <Flex align="center" gap="small">
          <span aria-hidden>{t('training.year')}</span>
          <Select aria-label={t('training.year')} value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 100 }} />
        </Flex>
      </Flex>
      <Card size="small">
        <Tabs
          items={[
            { key: 'totals', label: t('training.tabs.totals'), children: <TotalsTable year={year} round={round} /> },
            { key: 'events', label: t('training.tabs.events'), children: <EventsTable year={year} round={round} onChanged={changed} /> },
            { key: 'staff', label: t('training.tabs.staff'), children: <StaffTable round={round} onChanged={changed} /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
