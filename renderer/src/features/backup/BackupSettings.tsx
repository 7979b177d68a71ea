import { App, Button, Card, Flex, Form, Input, InputNumber, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backupApi, type BackupFile } from '../../../../shared/api/backup';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/errors';
import { useFormatInstant } from '../../lib/time';
import { useCall } from '../../lib/useCall';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { zodRule } from '../../lib/zodForm';
import { BackupNow } from './BackupNow';
import { SectionTitle } from '../../components/SectionTitle';

const status = () => api.backup.status({});
const list = () => api.backup.list({});
const configureShape = backupApi['backup.configure'].input.shape;

interface FolderValues {
  folder: string;
  maxAgeDays: number;
}

/** 设置 → 备份 (counselors): the folder and the warning age, back up now, and verify or restore a backup. */
export function BackupSettings() {
  const { t } = useTranslation();
  const statusCall = useCall(status, {});
  const listCall = useCall(list, {});
  const reload = () => {
    statusCall.reload();
    listCall.reload();
  };
  const s = statusCall.data;
  return (
    <Card title={t('backup.title')}>
      <Flex vertical gap="middle">
        <Typography.Text type="secondary">{t('backup.explain')}</Typography.Text>
        {s && <FolderForm folder={s.folder} maxAgeDays={s.maxAgeDays} onSaved={reload} />}
        <BackupNow onFinished={reload} />
        <BackupList items={listCall.data?.items ?? []} loading={listCall.loading} />
      </Flex>
    </Card>
  );
}

function FolderForm({ folder, maxAgeDays, onSaved }: { folder: string | null; maxAgeDays: number; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FolderValues>();
  const { busy, submit } = useFormSubmit(form, async (v: FolderValues) => {
    const chosen = v.folder.trim();
    await api.backup.configure({ folder: chosen === '' ? null : chosen, maxAgeDays: v.maxAgeDays });
    void message.success(t('backup.saved'));
    onSaved();
  });
  return (
    <Form form={form} layout="vertical" initialValues={{ folder: folder ?? '', maxAgeDays }} onFinish={submit}>
      <Form.Item name="folder" label={t('backup.folder')} extra={t('backup.folderHint')}>
        <Input placeholder={t('backup.folderPlaceholder')} />
      </Form.Item>
      <Form.Item name="maxAgeDays" label={t('backup.maxAgeDays')} rules={[zodRule(configureShape.maxAgeDays)]}>
        <InputNumber min={1} max={90} precision={0} />
      </Form.Item>
      <Button htmlType="submit" loading={busy}>
        {t('common.save')}
      </Button>
    </Form>
  );
}

function BackupList({ items, loading }: { items: BackupFile[]; loading: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatInstant = useFormatInstant();
  const [verifying, setVerifying] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupFile | null>(null);

  const verify = async (b: BackupFile) => {
    setVerifying(b.file);
    try {
      const r = await api.backup.verify({ file: b.file });
      void message.success(t('backup.verified', { tables: r.tables.length, rows: r.auditRows }));
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setVerifying(null);
    }
  };

  const columns: TableColumnsType<BackupFile> = [
    { key: 'at', title: t('backup.at'), width: 170, render: (_v, b) => formatInstant(b.at, 'YYYY-MM-DD HH:mm') },
    { key: 'kind', title: t('backup.kind'), width: 100, render: (_v, b) => <Tag>{t(`backup.kinds.${b.kind}`)}</Tag> },
    { key: 'size', title: t('backup.size'), width: 100, render: (_v, b) => `${(b.size / 1048576).toFixed(1)} MB` },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_v, b) => (
        <Flex gap="small">
          <Button size="small" loading={verifying === b.file} onClick={() => void verify(b)}>
            {t('backup.verify')}
          </Button>
          <Button size="small" onClick={() => setRestoring(b)}>
            {t('backup.restore')}
          </Button>
        </Flex>
      ),
    },
  ];
  return (
    <>
      <SectionTitle>{t('backup.list')}</SectionTitle>
      <Table<BackupFile> rowKey="file" size="small" loading={loading} columns={columns} dataSource={items} pagination={false} locale={{ emptyText: t('backup.none') }} />
      <FormModal<{ targetDir: string }>
        open={restoring !== null}
        title={t('backup.restoreTitle')}
        okText={t('backup.restore')}
        danger
        onClose={() => setRestoring(null)}
        onSubmit={async ({ targetDir }) => {
          const r = await api.backup.restore({ file: restoring!.file, targetDir });
          void message.success(t('backup.restored', { dir: r.targetDir }));
          setRestoring(null);
        }}
      >
        <Typography.Paragraph>{t('backup.restoreExplain')}</Typography.Paragraph>
        <Form.Item name="targetDir" label={t('backup.targetDir')} rules={[{ required: true, message: t('common.required') }]}>
          <Input />
        </Form.Item>
      </FormModal>
    </>
  );
}
