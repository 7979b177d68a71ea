import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudentListItem } from '../../../shared/api/students';
import { api } from '../api/client';
import { useLabels } from '../lib/labels';
import { useCall } from '../lib/useCall';
import { useDebounced } from '../lib/useDebounced';
import { useShownName } from './PersonName';

const PAGE = 20;
const search = ({ query }: { query: string }) => api.students.list({ query: query || undefined, pageSize: PAGE });

type StudentPickerProps = Omit<SelectProps<string>, 'options' | 'showSearch' | 'onChange' | 'mode'> & {
  onChange?(studentId: string | undefined): void;
};

/**
 * A roster student chosen by typing a name, pinyin initials or 学号: the core searches, so a
 * school of thousands never loads whole. Names follow the privacy mask; the 学号 tells namesakes apart.
 */
export function StudentPicker({ onChange, ...select }: StudentPickerProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const shown = useShownName();
  const [query, setQuery] = useState('');
  const found = useCall(search, { query: useDebounced(query, 250) });
  // The chosen student stays listed when a later search no longer finds them.
  const [chosen, setChosen] = useState<StudentListItem | undefined>();
  const items = found.data?.items ?? [];
  const listed = chosen && !items.some((s) => s.id === chosen.id) ? [chosen, ...items] : items;
  return (
    <Select<string>
      placeholder={t('schedule.booking.studentPlaceholder')}
      {...select}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      loading={found.loading}
      notFoundContent={found.loading ? null : t('schedule.booking.noStudent')}
      options={listed.map((s) => ({ value: s.id, label: `${shown(s.name)} · ${labels.grade(s.grade)}${s.className} · ${s.studentNo}` }))}
      onChange={(id) => {
        setChosen(listed.find((s) => s.id === id));
        onChange?.(id);
      }}
    />
  );
}
