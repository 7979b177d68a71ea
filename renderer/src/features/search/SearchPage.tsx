import { Alert, Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../../shared/api/search';
import { api } from '../../api/client';
import { PagedTable } from '../../components/PagedTable';
import { PersonName } from '../../components/PersonName';
import { useCodeLabels } from '../../lib/codeLabels';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { useDebounced } from '../../lib/useDebounced';
import { useNav, type Opened } from '../../stores/nav';
import { Highlighted } from './Highlighted';
import { activateProps } from '../../lib/activate';
import { PageTitle } from '../../components/PageTitle';
import { SearchInput } from '../../components/SearchInput';

const PAGE_SIZE = 20;
const search = (input: { query: string; page: number }) => api.search.notes({ ...input, pageSize: PAGE_SIZE });

/** Where a hit leads: the session record (an addendum's too), the contact, or for an alert's note the student's archive. */
export function hitTarget(hit: SearchHit): Opened {
  if (hit.recordId) return { kind: 'record', id: hit.recordId };
  if (hit.source === 'alert' && hit.studentId) return { kind: 'archive', studentId: hit.studentId };
  return { kind: 'contact', id: hit.id };
}

/** 全文检索 over session records, addenda and contacts (counselors only; audited without the query). */
export function SearchPage() {
  const { t } = useTranslation();
  const codes = useCodeLabels();
  const open = useNav((s) => s.open);
  const [typed, setTyped] = useState('');
  const [page, setPage] = useState(1);
  const query = useDebounced(typed.trim(), 300);
  // The core refuses a lone character; asking it would only produce an error.
  const ready = Array.from(query).length >= 2;
  const call = useCall(search, ready ? { query, page } : null);

  const columns: TableColumnsType<SearchHit> = [
    { key: 'date', title: t('counseling.search.date'), dataIndex: 'date', width: 120 },
    { key: 'student', title: t('counseling.search.student'), width: 120, render: (_v, h) => <PersonName name={h.clientLabel} /> },
    {
      key: 'source',
      title: t('counseling.search.source'),
      width: 140,
      render: (_v, h) => (
        <Flex gap={4} wrap>
          <Tag>{codes.label('searchSource', h.source)}</Tag>
          {h.signed === false && <Tag color="orange">{t('counseling.cases.draft')}</Tag>}
        </Flex>
      ),
    },
    { key: 'snippet', title: t('counseling.search.snippet'), render: (_v, h) => <Highlighted text={h.snippet.text} highlights={h.snippet.highlights} /> },
  ];

  return (
    <Flex vertical gap="middle">
      <PageTitle>
        {t('counseling.search.title')}
      </PageTitle>
      <SearchInput
        allowClear
        aria-label={t('counseling.search.title')}
        placeholder={t('counseling.search.placeholder')}
        maxLength={100}
        value={typed}
        onChange={(e) => {
          setTyped(e.target.value);
          setPage(1);
        }}
        style={{ maxWidth: 480 }}
      />
      {query !== '' && !ready && <Typography.Text type="secondary">{t('counseling.search.tooShort')}</Typography.Text>}
      {call.error !== undefined && <Alert type="error" showIcon title={errorMessage(call.error)} />}
      {ready && call.data?.capped && <Alert type="info" showIcon title={t('counseling.search.capped', { count: call.data.total })} />}
      {ready && (
        <PagedTable<SearchHit>
          rowKey={(h) => `${h.source}:${h.id}`}
          size="middle"
          columns={columns}
          items={call.data?.items ?? []}
          total={call.data?.total ?? 0}
          page={page}
          pageSize={PAGE_SIZE}
          loading={call.loading}
          locale={{ emptyText: t('counseling.search.empty') }}
          onRow={(h) => activateProps(() => open(hitTarget(h)))}
          onPageChange={setPage}
        />
      )}
    </Flex>
  );
}
