import { Button, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListItem } from '../../../../shared/api/cases';
import { api } from '../../api/client';
import { useCodeLabels } from '../../lib/codeLabels';
import { useCall } from '../../lib/useCall';
import { useNav } from '../../stores/nav';
import { OpenCaseModal } from './OpenCaseModal';
import { activateProps } from '../../lib/activate';

const listCases = ({ studentId }: { studentId: string }) => api.cases.list({ studentId, pageSize: 200 });

/** The student's cases in the roster's detail drawer, with 开个案 and the way into 一生一档. */
export function StudentCases({ student }: { student: { id: string; name: string } }) {
  const { t } = useTranslation();
  const codes = useCodeLabels();
  const open = useNav((s) => s.open);
  const [opening, setOpening] = useState(false);
  const cases = useCall(listCases, { studentId: student.id });

  return (
    <Flex vertical gap="small">
      <Flex gap="small">
        <Button type="primary" onClick={() => setOpening(true)}>
          {t('counseling.cases.open')}
        </Button>
        <Button onClick={() => open({ kind: 'archive', studentId: student.id })}>{t('counseling.archive.open')}</Button>
      </Flex>
      <Table<CaseListItem>
        size="small"
        rowKey="id"
        pagination={false}
        loading={cases.loading}
        title={() => t('counseling.cases.title')}
        dataSource={cases.data?.items ?? []}
        locale={{ emptyText: t('counseling.cases.noCases') }}
        onRow={(c) => activateProps(() => open({ kind: 'case', id: c.id }))}
        columns={[
          { key: 'openedOn', title: t('counseling.cases.openedOn'), dataIndex: 'openedOn' },
          { key: 'categories', title: t('counseling.cases.categories'), render: (_v, c) => c.categories.map((k) => codes.label('category', k)).join(t('common.listSeparator')) },
          { key: 'status', title: t('counseling.cases.status'), render: (_v, c) => <Tag>{codes.label('caseStatus', c.status)}</Tag> },
          {
            key: 'open',
            title: t('common.actions'),
            render: (_v, c) => (
              <Button type="link" size="small" onClick={() => open({ kind: 'case', id: c.id })}>
                {t('common.view')}
              </Button>
            ),
          },
        ]}
      />
      <OpenCaseModal
        client={opening ? { kind: 'student', ...student } : null}
        onClose={() => setOpening(false)}
        onOpened={(c) => {
          setOpening(false);
          open({ kind: 'case', id: c.id });
        }}
      />
    </Flex>
  );
}
