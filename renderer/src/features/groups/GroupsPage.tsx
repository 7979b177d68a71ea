import { Alert, Button, DatePicker, Flex, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_KINDS, GROUP_STATUSES, type ProgramView } from '../../../../shared/api/groups';
import type { InputOf } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { activateProps } from '../../lib/activate';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { useNav } from '../../stores/nav';
import { useGroupLabels } from './labels';
import { ProgramFormModal } from './ProgramFormModal';
import { STATUS_COLORS } from './statusColors';
import { PageTitle } from '../../components/PageTitle';

type Filter = InputOf<'groups.list'>;
const listPrograms = (filter: Filter) => api.groups.list(filter);

/** 团体活动: the programs, filtered by kind, status or a day they run on; a row opens the program. */
export function GroupsPage() {
  const { t } = useTranslation();
  const labels = useGroupLabels();
  const [filter, setFilter] = useState<Filter>({});
  const [creating, setCreating] = useState(false);
  const open = useNav((s) => s.open);
  const list = useCall(listPrograms, filter);
  const change = (patch: Filter) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" gap="small">
        <PageTitle>
          {t('groups.list.title')}
        </PageTitle>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('groups.list.add')}
        </Button>
      </Flex>
      <Flex gap="small" wrap>
        <Select
          allowClear
          aria-label={t('groups.fields.kind')}
          placeholder={t('groups.list.allKinds')}
          options={labels.kindOptions(GROUP_KINDS)}
          value={filter.kind}
          onChange={(kind?: Filter['kind']) => change({ kind })}
          style={{ width: 150 }}
        />
        <Select
          allowClear
          aria-label={t('groups.fields.status')}
          placeholder={t('groups.list.allStatuses')}
          options={labels.groupOptions('status', GROUP_STATUSES)}
          value={filter.status}
          onChange={(status?: Filter['status']) => change({ status })}
          style={{ width: 130 }}
        />
        <DatePicker
          aria-label={t('groups.list.activeOn')}
          placeholder={t('groups.list.activeOn')}
          value={filter.activeOn ? dayjs(filter.activeOn) : null}
          onChange={(d) => change({ activeOn: d?.format('YYYY-MM-DD') })}
        />
      </Flex>
      {list.error !== undefined && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <Table<ProgramView>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('groups.list.none') }}
        onRow={(p) => activateProps(() => open({ kind: 'group', id: p.id }))}
        columns={[
          { key: 'theme', title: t('groups.fields.theme'), render: (_v, p) => <Typography.Text strong>{p.theme}</Typography.Text> },
          { key: 'kind', title: t('groups.fields.kind'), render: (_v, p) => labels.kind(p.kind) },
          { key: 'target', title: t('groups.fields.target'), render: (_v, p) => labels.target(p) },
          { key: 'dates', title: t('groups.fields.dates'), render: (_v, p) => `${p.startDate} – ${p.endDate}` },
          { key: 'status', title: t('groups.fields.status'), render: (_v, p) => <Tag color={STATUS_COLORS[p.status]}>{labels.group('status', p.status)}</Tag> },
          {
            key: 'members',
            title: t('groups.fields.members'),
            align: 'right',
            render: (_v, p) => (p.named ? p.memberCount : <Tag>{t('groups.list.unnamed')}</Tag>),
          },
          {
            key: 'sessions',
            title: t('groups.fields.sessions'),
            align: 'right',
            render: (_v, p) => t('groups.fields.sessionsOf', { done: p.sessionCount, planned: p.plannedSessions }),
          },
        ]}
      />
      {creating && (
        <ProgramFormModal
          target="new"
          onClose={() => setCreating(false)}
          onSaved={(p) => {
            setCreating(false);
            open({ kind: 'group', id: p.id });
          }}
        />
      )}
    </Flex>
  );
}
