import { Alert, App, Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSummary, TaskView } from '../../../../shared/api/compliance';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { useSession } from '../../stores/session';
import { ImportPack } from './ImportPack';
import { TaskDialog } from './ItemDialogs';
import { useComplianceLabels } from './labels';
import { RunPanel } from './RunPanel';
import { PageTitle } from '../../components/PageTitle';
import { HiddenLabel } from '../../components/HiddenLabel';

const listPacks = () => api.compliance.packs({});
const listRuns = () => api.compliance.runs({});
const listTasks = () => api.compliance.tasks({});

/**
 * 达标自查, a principal's home: choose a standard and start (or continue) a checklist, earlier runs
 * with their scores, and the fix list. A counselor reaches it to attach evidence to a run in progress.
 */
export function CompliancePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useComplianceLabels();
  const principal = useSession((s) => s.status?.user?.role === 'principal');
  const packs = useCall(listPacks, {});
  const runs = useCall(listRuns, {});
  const tasks = useCall(listTasks, {});
  const [packId, setPackId] = useState('national-2015');
  const [opened, setOpened] = useState<string | null>(null);
  const [editing, setEditing] = useState<TaskView | null>(null);
  const [starting, setStarting] = useState(false);

  if (opened) {
    return (
      <RunPanel
        id={opened}
        onBack={() => {
          setOpened(null);
          runs.reload();
          tasks.reload();
        }}
      />
    );
  }
  const inProgress = runs.data?.items.find((r) => r.packId === packId && r.status === 'open');
  const start = async () => {
    setStarting(true);
    try {
      setOpened((await api.compliance.start({ packId })).id);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setStarting(false);
    }
  };
  const chosen = packs.data?.items.find((p) => p.id === packId);
  const error = packs.error ?? runs.error;
  return (
    <Flex vertical gap="middle">
      <PageTitle>
        {t('compliance.title')}
      </PageTitle>
      {error !== undefined && <Alert type="error" showIcon title={errorMessage(error)} />}
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('compliance.intro')}</Typography.Paragraph>
        <Flex gap="small" align="center" wrap>
          <span aria-hidden>{t('compliance.pack.choose')}</span>
          <Select
            aria-label={t('compliance.pack.choose')}
            value={packId}
            onChange={setPackId}
            style={{ minWidth: 420 }}
            options={(packs.data?.items ?? []).map((p) => ({
              value: p.id,
              label: p.status === 'provisional' ? t('common.noted', { text: labels.text(p.title), note: t('compliance.pack.provisional') }) : labels.text(p.title),
            }))}
          />
          {principal && (
            <Button type="primary" loading={starting} onClick={() => void start()}>
              {t(inProgress ? 'compliance.run.resume' : 'compliance.run.start')}
            </Button>
          )}
          {principal && <ImportPack onImported={packs.reload} />}
        </Flex>
        {chosen && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {labels.text(chosen.issuer)} · {chosen.date} · {t('compliance.pack.version', { version: chosen.version })} · {t(`compliance.pack.style.${chosen.style}`)} ·{' '}
            {t(chosen.status === 'provisional' ? 'compliance.pack.provisionalHint' : 'compliance.pack.confirmed')}
          </Typography.Paragraph>
        )}
      </Card>
      <Card size="small" title={t('compliance.run.history')}>
        <Table<RunSummary>
          rowKey="id"
          size="small"
          loading={runs.loading}
          dataSource={runs.data?.items ?? []}
          locale={{ emptyText: t('compliance.run.none') }}
          pagination={false}
          onRow={(r) => ({ onClick: () => setOpened(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'asOf', title: t('compliance.run.asOf'), dataIndex: 'asOf', width: 120 },
            { key: 'pack', title: t('compliance.pack.choose'), render: (_v, r) => `${labels.text(r.packTitle)} · ${r.packVersion}` },
            { key: 'status', title: t('compliance.task.status'), width: 100, render: (_v, r) => <Tag color={r.status === 'open' ? 'processing' : 'success'}>{t(r.status === 'open' ? 'compliance.run.open' : 'compliance.run.signed')}</Tag> },
            { key: 'score', title: t('compliance.run.score'), width: 90, render: (_v, r) => r.score.percent ?? '—' },
            { key: 'grade', title: t('compliance.run.grade'), width: 90, render: (_v, r) => (r.score.grade ? labels.text(r.score.grade) : '—') },
            { key: 'signed', title: t('compliance.run.signed'), render: (_v, r) => (r.signed ? t('compliance.sign.by', { name: r.signed.name, date: r.signed.on }) : '—') },
          ]}
        />
      </Card>
      <Card size="small" title={t('compliance.task.title')}>
        <Table<TaskView>
          rowKey="id"
          size="small"
          loading={tasks.loading}
          dataSource={tasks.data?.items ?? []}
          locale={{ emptyText: t('compliance.task.none') }}
          pagination={false}
          columns={[
            { key: 'item', title: t('compliance.task.item'), dataIndex: 'itemId', width: 110 },
            { key: 'title', title: t('compliance.task.name'), dataIndex: 'title' },
            { key: 'owner', title: t('compliance.task.owner'), dataIndex: 'owner', width: 120 },
            { key: 'due', title: t('compliance.task.dueDate'), dataIndex: 'dueDate', width: 120 },
            { key: 'status', title: t('compliance.task.status'), width: 100, render: (_v, task) => t(`compliance.task.statuses.${task.status}`) },
            {
              key: 'edit',
              title: <HiddenLabel>{t('common.actions')}</HiddenLabel>,
              width: 80,
              render: (_v, task) =>
                principal && (
                  <Button size="small" onClick={() => setEditing(task)}>
                    {t('common.edit')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {editing && (
        <TaskDialog
          target={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            tasks.reload();
          }}
        />
      )}
    </Flex>
  );
}
