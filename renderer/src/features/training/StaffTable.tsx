import { Alert, Button, Flex, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffView } from '../../../../shared/api/training';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { useGroupLabels } from '../groups/labels';
import { StaffFormModal } from './StaffFormModal';

const listStaff = ({ includeInactive }: { includeInactive: boolean; round: number }) => api.staff.list({ includeInactive });

/** 教职工名册: name, role, 专职/兼职 (counseling teachers), degree, major and qualification. */
export function StaffTable({ round, onChanged }: { round: number; onChanged(): void }) {
  const { t } = useTranslation();
  const labels = useGroupLabels();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<StaffView | 'new' | null>(null);
  const staff = useCall(listStaff, { includeInactive, round });

  if (staff.error !== undefined) return <Alert type="error" showIcon title={errorMessage(staff.error)} />;
  return (
    <Flex vertical gap="small">
      <Flex justify="space-between" align="center">
        <Flex align="center" gap="small">
          <Switch checked={includeInactive} onChange={setIncludeInactive} aria-label={t('training.staff.showInactive')} />
          <Typography.Text aria-hidden>{t('training.staff.showInactive')}</Typography.Text>
        </Flex>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('training.staff.add')}
        </Button>
      </Flex>
      <Table<StaffView>
        rowKey="id"
        size="small"
        pagination={false}
        loading={staff.loading}
        dataSource={staff.data?.items ?? []}
        locale={{ emptyText: t('training.staff.none') }}
        columns={[
          { key: 'name', title: t('training.staff.name'), dataIndex: 'name' },
          { key: 'role', title: t('training.staff.role'), render: (_v, s) => labels.training('role', s.role) },
          { key: 'employment', title: t('training.staff.employment'), render: (_v, s) => (s.employment ? labels.training('employment', s.employment) : '—') },
          { key: 'degree', title: t('training.staff.degree'), render: (_v, s) => (s.degree ? labels.training('degree', s.degree) : '—') },
          { key: 'major', title: t('training.staff.psychologyMajor'), render: (_v, s) => (s.psychologyMajor ? t('training.yes') : t('training.no')) },
          { key: 'qualification', title: t('training.staff.qualification'), render: (_v, s) => s.qualification || '—' },
          {
            key: 'active',
            title: t('training.staff.active'),
            render: (_v, s) => (s.active ? <Tag color="green">{t('training.staff.active')}</Tag> : <Tag>{t('training.staff.inactive')}</Tag>),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_v, s) => (
              <Button size="small" type="link" onClick={() => setEditing(s)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <StaffFormModal
          target={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </Flex>
  );
}
