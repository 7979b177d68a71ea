import { Alert, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../../shared/api/contract';
import { api } from '../../../api/client';
import { activateProps } from '../../../lib/activate';
import { errorMessage } from '../../../lib/errors';
import { useFormatInstant } from '../../../lib/time';
import { useCall } from '../../../lib/useCall';
import { ImportScaleDefinition } from './ImportScaleDefinition';
import { ScaleDetailDrawer } from './ScaleDetailDrawer';
import { PageTitle } from '../../../components/PageTitle';

export type ScaleSummary = OutputOf<'scales.list'>['items'][number];

const listScales = () => api.scales.list({});

/** Long enough to tell two versions apart at a glance; the full hash is one hover or copy away. */
const SHORT_HASH = 12;

/** A definition's own title in the current language, falling back to Chinese (always present). */
export function titleOf(titles: Record<string, string>, language: string): string {
  return titles[language] ?? titles['zh-CN'] ?? '';
}

/** 量表库: every definition (each version) the archive can administer, its details, and importing a district's own. */
export function ScaleLibraryPage() {
  const { t, i18n } = useTranslation();
  const format = useFormatInstant();
  const list = useCall(listScales, {});
  const [opened, setOpened] = useState<ScaleSummary | null>(null);

  const columns: TableColumnsType<ScaleSummary> = [
    { key: 'title', title: t('library.columns.title'), render: (_v, s) => <Typography.Text strong>{titleOf(s.title, i18n.language)}</Typography.Text> },
    { key: 'id', title: t('library.columns.id'), dataIndex: 'id' },
    { key: 'version', title: t('library.columns.version'), dataIndex: 'version' },
    { key: 'items', title: t('library.columns.items'), dataIndex: 'itemCount', align: 'right' },
    {
      key: 'origin',
      title: t('library.columns.origin'),
      render: (_v, s) => <Tag color={s.builtIn ? undefined : 'blue'}>{t(s.builtIn ? 'library.origin.builtIn' : 'library.origin.imported')}</Tag>,
    },
    { key: 'licence', title: t('library.columns.licence'), render: (_v, s) => t(`library.licence.${s.licence}`) },
    {
      key: 'hash',
      title: t('library.columns.hash'),
      render: (_v, s) => (
        // Copying must not also open the row's drawer.
        <span onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
          <Tooltip title={s.hash}>
            <Typography.Text code copyable={{ text: s.hash }}>
              {s.hash.slice(0, SHORT_HASH)}
            </Typography.Text>
          </Tooltip>
        </span>
      ),
    },
    { key: 'importedAt', title: t('library.columns.importedAt'), render: (_v, s) => (s.importedAt === null ? '—' : format(s.importedAt, 'YYYY-MM-DD HH:mm')) },
  ];

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" gap="small">
        <PageTitle>
          {t('library.title')}
        </PageTitle>
        <ImportScaleDefinition onImported={list.reload} />
      </Flex>
      <Typography.Text type="secondary">{t('library.unbundledHint')}</Typography.Text>
      {list.error !== undefined && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <Table<ScaleSummary>
        rowKey={(s) => `${s.id}@${s.version}`}
        size="middle"
        pagination={false}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('library.none') }}
        onRow={(s) => activateProps(() => setOpened(s))}
        columns={columns}
      />
      <ScaleDetailDrawer scale={opened} onClose={() => setOpened(null)} />
    </Flex>
  );
}
