import { Alert, Button, Flex, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { studentsApi, type StudentListItem, type StudentView } from '../../../../shared/api/students';
import { PagedTable } from '../../components/PagedTable';
import { PersonName } from '../../components/PersonName';
import { errorMessage } from '../../lib/errors';
import { useLabels } from '../../lib/labels';
import { useRoster, type RosterQuery } from '../../stores/roster';
import { RemoveStudentModal } from './RemoveStudentModal';
import { RollForwardModal } from './RollForwardModal';
import { RosterToolbar } from './RosterToolbar';
import { StudentDetailDrawer } from './StudentDetailDrawer';
import { StudentFormDrawer } from './StudentFormDrawer';
import { activateProps } from '../../lib/activate';
import { PageTitle } from '../../components/PageTitle';

/** A link-looking button: reachable with Tab, unlike an <a> without href. */
function RowLink({ onClick, children }: { onClick(): void; children: ReactNode }) {
  return (
    <Button
      type="link"
      size="small"
      style={{ padding: 0, height: 'auto' }}
      onClick={(e) => {
        // The row opens the record too; one open is enough.
        e.stopPropagation();
        onClick();
      }}
    >
      {children}
    </Button>
  );
}

type SortKey = RosterQuery['sort'];
const sortKey = studentsApi['students.list'].input.shape.sort.unwrap();

/** 学生名册: the paged, searchable roster with add / view / edit / delete, import and 升级. */
export function RosterPage({ onImport }: { onImport(): void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { query, items, total, loading, error, setQuery, load, loadClasses } = useRoster();
  // The form drawer: closed (undefined), adding (null) or editing a record.
  const [editing, setEditing] = useState<StudentView | null | undefined>(undefined);
  const [detailId, setDetailId] = useState<string | null>(null);
  const [detailVersion, setDetailVersion] = useState(0);
  const [removing, setRemoving] = useState<StudentView | null>(null);
  const [rollingForward, setRollingForward] = useState(false);

  const refresh = () => {
    void load();
    void loadClasses().catch(() => undefined);
  };
  useEffect(refresh, [load, loadClasses]);

  const sortable = (key: SortKey) => ({
    key,
    sorter: true,
    sortDirections: ['ascend' as const],
    sortOrder: query.sort === key ? ('ascend' as const) : null,
  });

  const columns: TableColumnsType<StudentListItem> = [
    { ...sortable('studentNo'), title: t('student.fields.studentNo'), dataIndex: 'studentNo' },
    {
      ...sortable('name'),
      title: t('student.fields.name'),
      render: (_v, s) => (
        <RowLink onClick={() => setDetailId(s.id)}>
          <PersonName name={s.name} />
        </RowLink>
      ),
    },
    { key: 'sex', title: t('student.fields.sex'), render: (_v, s) => labels.sex(s.sex) },
    { ...sortable('grade'), title: t('student.fields.grade'), render: (_v, s) => labels.grade(s.grade) },
    { key: 'className', title: t('student.fields.className'), dataIndex: 'className' },
    { key: 'status', title: t('student.fields.status'), render: (_v, s) => <Tag color={s.status === 'active' ? 'green' : undefined}>{labels.status(s.status)}</Tag> },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_v, s) => <RowLink onClick={() => setDetailId(s.id)}>{t('common.view')}</RowLink>,
    },
  ];

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <PageTitle>
          {t('roster.title')}
        </PageTitle>
        <Flex gap="small">
          <Button type="primary" onClick={() => setEditing(null)}>
            {t('roster.add')}
          </Button>
          <Button onClick={onImport}>{t('roster.import')}</Button>
          <Button onClick={() => setRollingForward(true)}>{t('roster.rollForward')}</Button>
        </Flex>
      </Flex>
      <RosterToolbar />
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
      <PagedTable<StudentListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        items={items}
        total={total}
        page={query.page}
        pageSize={query.pageSize}
        loading={loading}
        locale={{ emptyText: t('roster.empty') }}
        // The whole row opens the record for the mouse; the name link is the keyboard's way in.
        onRow={(s) => activateProps(() => setDetailId(s.id))}
        onPageChange={(page) => void setQuery({ page })}
        onSortChange={(key) => void setQuery({ sort: sortKey.safeParse(key).data ?? 'name' })}
      />
      <StudentDetailDrawer
        studentId={detailId}
        reloadKey={detailVersion}
        onClose={() => setDetailId(null)}
        onEdit={(s) => setEditing(s)}
        onRemove={(s) => setRemoving(s)}
      />
      <StudentFormDrawer
        open={editing !== undefined}
        student={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          setDetailVersion((v) => v + 1);
          refresh();
        }}
      />
      <RemoveStudentModal
        student={removing}
        onClose={() => setRemoving(null)}
        onRemoved={() => {
          setRemoving(null);
          setDetailId(null);
          refresh();
        }}
      />
      <RollForwardModal
        open={rollingForward}
        onClose={() => setRollingForward(false)}
        onApplied={() => {
          setRollingForward(false);
          refresh();
        }}
      />
    </Flex>
  );
}
