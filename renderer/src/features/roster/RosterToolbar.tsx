import { Flex, Input, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gradesOfStages } from '../../../../shared/domain/grades';
import { useLabels, type StudentStatus } from '../../lib/labels';
import { useDebounced } from '../../lib/useDebounced';
import { useRoster } from '../../stores/roster';
import { useSettings } from '../../stores/settings';

const SEARCH_DEBOUNCE_MS = 300;

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

  const classOptions = useMemo(() => {
    const names = classes.filter((c) => query.grade === undefined || c.grade === query.grade).map((c) => c.className);
    return [...new Set(names)].map((name) => ({ value: name, label: name }));
  }, [classes, query.grade]);

  return (
    <Flex gap="small" wrap>
      <Input.Search
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
        value={query.className}
        onChange={(className?: string) => void setQuery({ className })}
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
