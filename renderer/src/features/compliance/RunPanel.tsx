import { Alert, App, Button, Card, Descriptions, Flex, Modal, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunItemView, RunView } from '../../../../shared/api/compliance';
import { api } from '../../api/client';
import { useCall } from '../../lib/useCall';
import { errorMessage } from '../../lib/errors';
import { useSession } from '../../stores/session';
import { ComplianceReportPrint } from './ComplianceReportPrint';
import { AddEvidence, EvidenceList } from './Evidence';
import { AttestDialog, SignDialog, TaskDialog } from './ItemDialogs';
import { STATUS_COLOR, useComplianceLabels } from './labels';
import { PageTitle } from '../../components/PageTitle';

const getRun = (a: { id: string }) => api.compliance.get(a);
const compareRuns = (a: { a: string; b: string }) => api.compliance.compare(a);

type Dialog = { kind: 'attest'; item: RunItemView } | { kind: 'task'; item: RunItemView } | { kind: 'sign' } | { kind: 'compare'; previous: string } | null;

/** One checklist run: every item with its figure or attestation, evidence and fix tasks; sign, print, compare. */
export function RunPanel({ id, onBack }: { id: string; onBack(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useComplianceLabels();
  const user = useSession((s) => s.status?.user);
  const principal = user?.role === 'principal';
  const call = useCall(getRun, { id });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [printing, setPrinting] = useState<RunView | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const printed = useCallback(() => setPrinting(null), []);
  const run = call.data;
  if (call.error !== undefined) return <Alert type="error" showIcon title={errorMessage(call.error)} />;
  if (!run) return <Card loading />;
  const open = run.status === 'open';
  const done = () => {
    setDialog(null);
    call.reload();
  };
  const refresh = async () => {
    setRefreshing(true);
    try {
      await api.compliance.refresh({ id: run.id });
      void message.success(t('compliance.run.refreshed'));
      call.reload();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setRefreshing(false);
    }
  };

  const columns: ColumnsType<RunItemView> = [
    { key: 'id', title: t('compliance.task.item'), dataIndex: 'id', width: 110, render: (v: string, i) => <Typography.Text strong>{v}{i.provisional && <Tag style={{ marginInlineStart: 4 }}>{t('compliance.pack.provisional')}</Tag>}</Typography.Text> },
    {
      key: 'text',
      title: t('compliance.item.requirement'),
      render: (_v, i) => (
        <Space direction="vertical" size={0}>
          <span>
            <Tag>{t(`compliance.force.${i.force}`)}</Tag>
            {labels.text(i.text)}
          </span>
          <Typography.Text type="secondary">
            {labels.text(i.category)} · {i.source.docNo || i.source.title} {i.source.clause}
            {i.threshold && ` · ${t('compliance.item.threshold')} ${labels.threshold(i.threshold)}`}
          </Typography.Text>
          {i.note && <Typography.Text type="secondary">{labels.text(i.note)}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'figure',
      title: t('compliance.item.figure'),
      width: 320,
      render: (_v, i) => (
        <Space direction="vertical" size={2}>
          {i.auto && i.auto.status !== 'manual' ? (
            <span data-testid={`figure-${i.id}`}>
              {labels.figure(i.auto)}
              <Typography.Text type="secondary">{t('common.bracketed', { note: labels.source(i.auto) })}</Typography.Text>
            </span>
          ) : (
            <Typography.Text type="secondary">{i.auto ? t('compliance.item.manualNeeded') : i.evidenceTypes.map((e) => t(`compliance.evidenceType.${e}`)).join(t('common.listSeparator'))}</Typography.Text>
          )}
          {(i.notes || i.reason) && <Typography.Text italic>{[i.reason, i.notes].filter(Boolean).join(' · ')}</Typography.Text>}
          <EvidenceList items={i.evidence} editable={open} onChanged={call.reload} />
          {i.tasks.map((task) => (
            <Typography.Text key={task.id} type={task.fixed ? 'success' : undefined}>
              {t('common.labelled', { label: t('compliance.task.title'), value: task.title })} · {task.owner} · {task.dueDate} · {t(`compliance.task.statuses.${task.status}`)}
              {task.fixed !== null && ` · ${t(task.fixed ? 'compliance.task.fixed' : 'compliance.task.notFixed')}`}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('compliance.item.result'),
      width: 110,
      render: (_v, i) => (
        <Tag color={STATUS_COLOR[i.status]} data-testid={`status-${i.id}`}>
          {t(`compliance.status.${i.status}`)}
          {i.level !== null && ` · ${i.level}`}
        </Tag>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 220,
      render: (_v, i) => (
        <Flex gap={4} wrap>
          {open && principal && (!i.auto || i.auto.status === 'manual') && (
            <Button size="small" aria-label={`${t('compliance.attest.button')} ${i.id}`} onClick={() => setDialog({ kind: 'attest', item: i })}>
              {t('compliance.attest.button')}
            </Button>
          )}
          {open && <AddEvidence runId={run.id} itemId={i.id} onAdded={call.reload} />}
          {principal && (i.status === 'fail' || i.status === 'partial') && (
            <Button size="small" aria-label={`${t('compliance.task.add')} ${i.id}`} onClick={() => setDialog({ kind: 'task', item: i })}>
              {t('compliance.task.add')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Space>
          <Button onClick={onBack}>{t('compliance.run.back')}</Button>
          <PageTitle>
            {labels.text(run.pack.title)}
          </PageTitle>
          <Tag color={open ? 'processing' : 'success'}>{t(open ? 'compliance.run.open' : 'compliance.run.signed')}</Tag>
          {run.pack.status === 'provisional' && <Tag title={t('compliance.pack.provisionalHint')}>{t('compliance.pack.provisional')}</Tag>}
        </Space>
        <Space wrap>
          {open && principal && (
            <Button onClick={() => void refresh()} loading={refreshing}>
              {t('compliance.run.refresh')}
            </Button>
          )}
          {run.previousRunId && <Button onClick={() => setDialog({ kind: 'compare', previous: run.previousRunId! })}>{t('compliance.run.compare')}</Button>}
          <Button onClick={() => setPrinting(run)}>{t('compliance.run.print')}</Button>
          {open && principal && (
            <Button type="primary" onClick={() => setDialog({ kind: 'sign' })}>
              {t('compliance.sign.button')}
            </Button>
          )}
        </Space>
      </Flex>
      <Card size="small">
        <Flex gap="large" wrap align="center">
          <Statistic title={t('compliance.run.score')} value={run.score.percent ?? t('compliance.run.noScore')} data-testid="run-score" />
          {run.score.grade && <Statistic title={t('compliance.run.grade')} value={labels.text(run.score.grade)} />}
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'asOf', label: t('compliance.run.asOf'), children: run.asOf },
              { key: 'term', label: t('compliance.run.term'), children: run.termName ?? '—' },
              { key: 'by', label: t('compliance.run.startedBy'), children: run.startedBy },
              { key: 'signed', label: t('compliance.run.signed'), children: run.signed ? t('compliance.sign.by', { name: run.signed.name, date: run.signed.on }) : '—' },
            ]}
          />
        </Flex>
        <Typography.Text type="secondary">{t('compliance.run.counts', run.score.counts)}</Typography.Text>
      </Card>
      <Table<RunItemView> rowKey="id" size="small" columns={columns} dataSource={run.items} pagination={false} data-testid="compliance-items" />
      {dialog?.kind === 'attest' && <AttestDialog runId={run.id} item={dialog.item} onClose={() => setDialog(null)} onSaved={done} />}
      {dialog?.kind === 'task' && <TaskDialog target={{ runId: run.id, item: dialog.item }} onClose={() => setDialog(null)} onSaved={done} />}
      {dialog?.kind === 'sign' && <SignDialog runId={run.id} defaultName={user?.displayName ?? ''} onClose={() => setDialog(null)} onSigned={done} />}
      {dialog?.kind === 'compare' && <CompareDialog a={dialog.previous} b={run.id} onClose={() => setDialog(null)} />}
      {printing && <ComplianceReportPrint run={printing} onDone={printed} />}
    </Flex>
  );
}

/** Two runs side by side, item by item. */
function CompareDialog({ a, b, onClose }: { a: string; b: string; onClose(): void }) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const call = useCall(compareRuns, { a, b });
  const status = (s: RunItemView['status'] | null) => (s ? <Tag color={STATUS_COLOR[s]}>{t(`compliance.status.${s}`)}</Tag> : '—');
  return (
    <Modal open title={t('compliance.compare.title')} footer={null} onCancel={onClose} width={900} destroyOnHidden>
      {call.data && (
        <>
          <Typography.Paragraph>
            {t('compliance.compare.before')} {call.data.a.asOf} · {call.data.a.score.percent ?? '—'} → {t('compliance.compare.after')} {call.data.b.asOf} · {call.data.b.score.percent ?? '—'}
          </Typography.Paragraph>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={call.data.items.filter((i) => i.change !== 'same')}
            columns={[
              { key: 'id', title: t('compliance.task.item'), dataIndex: 'id', width: 110 },
              { key: 'text', title: t('compliance.item.requirement'), render: (_v, i) => labels.text(i.text) },
              { key: 'a', title: t('compliance.compare.before'), render: (_v, i) => status(i.a) },
              { key: 'b', title: t('compliance.compare.after'), render: (_v, i) => status(i.b) },
              { key: 'change', title: t('compliance.compare.change'), render: (_v, i) => t(`compliance.compare.${i.change}`) },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
