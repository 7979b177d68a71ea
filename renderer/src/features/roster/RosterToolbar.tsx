import { Flex, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gradesOfStages } from '../../../../shared/domain/grades';
import { useLabels, type StudentStatus } from '../../lib/labels';
import { useDebounced } from '../../lib/useDebounced';
import { useRoster } from '../../stores/roster';
import { useSettings } from '../../stores/settings';
import { SearchInput } from '../../components/SearchInput';

const SEARCH_DEBOUNCE_MS = 300;

const classKey = (grade: number, className: string) => `${grade}\u0000${className}`;
const fromClassKey = (key: string) => {
  const [grade, className] = key.split('\u0000');
  return { grade: Number(grade), className: className! };
};

/** Search (name, pinyin initials, 学号) and the grade / class / status filters. */
export function RosterToolbar() {
  const { t } = useTranslation();
  const labels = useLabels();
  const query = useRoster((s) => s.query);
  const classes = useRoster((s) => s.classes);
  const setQuery = useRoster((s) => s.setQuery);
  const stages = useSettings((s) => s.settings?.school.stages);
  const [text, setText] = useState(query.query ?? '');
  const settled = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);

  useEffect(() => {
    if (settled !== (useRoster.getState().query.query ?? '')) void setQuery({ query: settled });
  }, [settled, setQuery]);

  // Each class with its grade (初一1班): three grades each have a 1班, and picking one sets both filters.
  const classOptions = useMemo(
    () =>
      classes
        .filter((c) => query.grade === undefined || c.grade === query.grade)
        .map((c) => ({ value: classKey(c.grade, c.className), label: labels.classOf(c.grade, c.className) })),
    [classes, query.grade, labels],
  );
  const classValue = query.className === undefined ? undefined : query.grade === undefined ? query.className : classKey(query.grade, query.className);

  return (
    <Flex gap="small" wrap>
      <SearchInput
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(value) => void setQuery({ query: value.trim() })}
        placeholder={t('roster.searchPlaceholder')}
        aria-label={t('common.search')}
        maxLength={50}
        style={{ width: 260 }}
      />
      <Select
        allowClear
        value={query.grade}
        onChange={(grade?: number) => void setQuery({ grade, className: undefined })}
        options={labels.gradeOptions(stages ? gradesOfStages(stages) : undefined)}
        placeholder={t('roster.allGrades')}
        aria-label={t('student.fields.grade')}
        style={{ width: 130 }}
      />
      <Select
        allowClear
        value={classValue}
        onChange={(key?: string) => void setQuery(key === undefined ? { className: undefined } : fromClassKey(key))}
        options={classOptions}
        placeholder={t('roster.allClasses')}
        aria-label={t('student.fields.className')}
        style={{ width: 130 }}
      />
      <Select
        allowClear
        value={query.status}
        onChange={(status?: StudentStatus) => void setQuery({ status })}
        options={labels.statusOptions}
        placeholder={t('roster.allStatuses')}
        aria-label={t('student.fields.status')}
        style={{ width: 130 }}
      />
    </Flex>
  );
}
