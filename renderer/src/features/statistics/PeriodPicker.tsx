import { DatePicker, Flex, InputNumber, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '../../../../shared/api/statistics';
import { SMALL_CELL_K } from '../../../../shared/domain/suppression';
import { SegmentedChoice } from '../../components/SegmentedChoice';

type Preset = 'month' | 'term' | 'schoolYear' | 'custom';
const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The period a preset means today: terms run February–July and September–January, the school year from September. */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, today: Dayjs = dayjs()): Period {
  const y = today.year();
  const m = today.month() + 1;
  if (preset === 'month') return { from: fmt(today.startOf('month')), to: fmt(today.endOf('month')) };
  if (preset === 'term') {
    if (m >= 2 && m <= 7) return { from: `${y}-02-01`, to: `${y}-07-31` };
    const start = m === 1 ? y - 1 : y;
    return { from: `${start}-09-01`, to: `${start + 1}-01-31` };
  }
  const start = m >= 9 ? y : y - 1;
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

/** Month, term, school year or a custom range. */
export function PeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const { t } = useTranslation();
  const [preset, setPreset] = useState<Preset>('term');
  return (
    <Flex gap="small" wrap align="center">
      <SegmentedChoice<Preset>
        value={preset}
        options={(['month', 'term', 'schoolYear', 'custom'] as const).map((p) => ({ value: p, label: t(`statistics.presets.${p}`) }))}
        onChange={(p) => {
          setPreset(p);
          if (p !== 'custom') onChange(presetPeriod(p));
        }}
      />
      <DatePicker.RangePicker
        aria-label={t('statistics.period')}
        value={[dayjs(value.from), dayjs(value.to)]}
        allowClear={false}
        onChange={(r) => {
          if (!r?.[0] || !r[1]) return;
          setPreset('custom');
          onChange({ from: fmt(r[0]), to: fmt(r[1]) });
        }}
      />
    </Flex>
  );
}

/** The small-cell threshold: 5 or more, never less. */
export function KInput({ value, onChange }: { value: number; onChange: (k: number) => void }) {
  const { t } = useTranslation();
  return (
    <Space>
      <Typography.Text>{t('statistics.k')}</Typography.Text>
      <InputNumber aria-label={t('statistics.k')} min={SMALL_CELL_K} max={50} value={value} onChange={(v) => onChange(v ?? SMALL_CELL_K)} />
    </Space>
  );
}
