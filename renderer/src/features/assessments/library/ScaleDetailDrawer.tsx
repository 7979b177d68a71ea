import { Alert, Descriptions, Flex, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { bandLabelKey, type Band, type ScaleDefinition } from '../../../../../shared/domain/scales/definition';
import { errorMessage } from '../../../lib/errors';
import { useLocalized, useScaleDefinition } from '../useScaleDefinition';
import { titleOf, type ScaleSummary } from './ScaleLibraryPage';
import { AppDrawer } from '../../../components/AppDrawer';

type Item = ScaleDefinition['items'][number];
type Option = ScaleDefinition['optionSets'][string][number];
const LANGUAGES = ['zh-CN', 'en'] as const;

/** One width for both tables' labels, so 版权状态 and 核对授权页面日期 stay on one line and the values line up. */
const LABELS = { label: { width: 136, whiteSpace: 'nowrap' as const } };

/** One definition as the core holds it: what a counselor checks before administering or after importing. */
export function ScaleDetailDrawer({ scale, onClose }: { scale: ScaleSummary | null; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const definition = useScaleDefinition(scale ? { scaleId: scale.id, version: scale.version } : null);
  const title = scale ? t('library.detail.title', { title: titleOf(scale.title, i18n.language), version: scale.version }) : ' ';
  return (
    <AppDrawer open={scale !== null} onClose={onClose} size={760} title={title} destroyOnHidden>
      {definition.error !== undefined && <Alert type="error" showIcon title={errorMessage(definition.error)} />}
      {scale && definition.data && !definition.loading ? <DefinitionDetails definition={definition.data} hash={scale.hash} /> : definition.error === undefined && <Spin />}
    </AppDrawer>
  );
}

function DefinitionDetails({ definition: d, hash }: { definition: ScaleDefinition; hash: string }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const licence = d.license;
  return (
    <Flex vertical gap="large">
      <Descriptions size="small" column={1} bordered styles={LABELS} title={t('library.detail.overview')}>
        <Descriptions.Item label={t('library.columns.id')}>{d.id}</Descriptions.Item>
        <Descriptions.Item label={t('library.detail.shortName')}>{d.shortName}</Descriptions.Item>
        <Descriptions.Item label={t('library.detail.respondent')}>{d.respondent.map((r) => t(`library.detail.respondents.${r}`)).join(t('common.listSeparator'))}</Descriptions.Item>
        <Descriptions.Item label={t('library.detail.hashFull')}>
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
            {hash}
          </Typography.Text>
        </Descriptions.Item>
        {d.recallPeriod && <Descriptions.Item label={t('library.detail.recallPeriod')}>{text(d.recallPeriod)}</Descriptions.Item>}
        {d.instructions && <Descriptions.Item label={t('library.detail.instructions')}>{text(d.instructions)}</Descriptions.Item>}
      </Descriptions>

      <Descriptions size="small" column={1} bordered styles={LABELS} title={t('library.detail.licenceSection')}>
        <Descriptions.Item label={t('library.columns.licence')}>{t(`library.licence.${licence.status}`)}</Descriptions.Item>
        <Descriptions.Item label={t('library.detail.holder')}>{licence.holder}</Descriptions.Item>
        <Descriptions.Item label={t('library.detail.statement')}>{licence.statement}</Descriptions.Item>
        <Descriptions.Item label={t('library.detail.statementSource')}>{licence.statementSource}</Descriptions.Item>
        <Descriptions.Item label={t('library.detail.attribution')}>{text(licence.attribution)}</Descriptions.Item>
        <Descriptions.Item label={t('library.detail.textDistribution')}>{t(`library.detail.distribution.${licence.textDistribution}`)}</Descriptions.Item>
        <Descriptions.Item label={t('library.detail.verifiedOn')}>{licence.verifiedOn ?? t('library.detail.notVerifiedYet')}</Descriptions.Item>
        {licence.notes && <Descriptions.Item label={t('library.detail.notes')}>{licence.notes}</Descriptions.Item>}
      </Descriptions>

      <section>
        <Typography.Title level={5}>{t('library.detail.translations')}</Typography.Title>
        <Table
          size="small"
          pagination={false}
          rowKey="language"
          dataSource={LANGUAGES.flatMap((language) => {
            const tr = d.translations[language];
            return tr ? [{ language, ...tr }] : [];
          })}
          columns={[
            { key: 'language', title: t('library.detail.language'), width: 100, render: (_v, r) => t(`library.detail.languages.${r.language}`) },
            { key: 'source', title: t('library.detail.source'), render: (_v, r) => `${t(`library.detail.translationKind.${r.kind}`)} · ${r.source}` },
            {
              key: 'verified',
              title: t('library.detail.verified'),
              width: 90,
              render: (_v, r) => <Tag color={r.verified ? 'green' : 'orange'}>{t(r.verified ? 'library.detail.verified' : 'library.detail.unverified')}</Tag>,
            },
          ]}
        />
      </section>

      <section>
        <Typography.Title level={5}>{t('library.detail.items', { count: d.items.length })}</Typography.Title>
        <Table<Item>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={d.items}
          columns={[
            { key: 'number', title: t('library.detail.itemNumber'), dataIndex: 'number', width: 60 },
            {
              key: 'text',
              title: t('library.detail.itemText'),
              render: (_v, item) => (
                <>
                  {item.text ? text(item.text) : <Typography.Text type="secondary">{t('library.detail.noText')}</Typography.Text>}
                  {item.reverse && <Tag style={{ marginInlineStart: 8 }}>{t('library.detail.reverse')}</Tag>}
                </>
              ),
            },
            { key: 'optionSet', title: t('library.detail.optionSet'), dataIndex: 'optionSet', width: 120 },
          ]}
        />
      </section>

      <section>
        <Typography.Title level={5}>{t('library.detail.optionSets')}</Typography.Title>
        {Object.entries(d.optionSets).map(([setId, options]) => (
          <Table<Option>
            key={setId}
            size="small"
            pagination={false}
            rowKey="code"
            title={() => <Typography.Text code>{setId}</Typography.Text>}
            dataSource={options}
            columns={[
              { key: 'code', title: t('library.detail.code'), dataIndex: 'code', width: 80 },
              { key: 'score', title: t('library.detail.score'), width: 80, render: (_v, o) => o.score ?? t('library.detail.notScored') },
              { key: 'text', title: t('library.detail.optionText'), render: (_v, o) => (o.text ? text(o.text) : '—') },
            ]}
          />
        ))}
      </section>

      <section>
        <Typography.Title level={5}>{t('library.detail.scales')}</Typography.Title>
        <Flex vertical gap="small">
          {d.scales.map((s) => (
            <BandTable
              key={s.id}
              title={t('common.noted', { text: text(s.names), note: t('library.detail.itemsOf', { count: s.items.length, method: t(`library.detail.method.${s.method}`) }) })}
              bands={s.bands ?? []}
            />
          ))}
        </Flex>
      </section>

      {(d.normProfiles ?? []).length > 0 && (
        <section>
          <Typography.Title level={5}>{t('library.detail.normProfiles')}</Typography.Title>
          <Flex vertical gap="small">
            {(d.normProfiles ?? []).flatMap((p) =>
              Object.entries(p.bands).map(([scaleId, bands]) => {
                const scaleName = d.scales.find((s) => s.id === scaleId)?.names;
                return <BandTable key={`${p.id}|${scaleId}`} title={`${text(p.names)} · ${scaleName ? text(scaleName) : scaleId}`} bands={bands} />;
              }),
            )}
          </Flex>
        </section>
      )}

      <Typography.Text type="secondary">{t('library.detail.goldenCases', { count: d.goldenCases.length })}</Typography.Text>
    </Flex>
  );
}

/** A scale's bands with their neutral labels (guide ETH-07), low to high. */
function BandTable({ title, bands }: { title: string; bands: readonly Band[] }) {
  const { t } = useTranslation();
  return (
    <Table<Band>
      size="small"
      pagination={false}
      rowKey="code"
      title={() => <Typography.Text strong>{title}</Typography.Text>}
      dataSource={[...bands].sort((a, b) => a.min - b.min)}
      columns={[
        { key: 'range', title: t('library.detail.range'), width: 120, render: (_v, b) => `${b.min} – ${b.max}` },
        { key: 'band', title: t('library.detail.band'), render: (_v, b) => <Tag>{t(bandLabelKey(b.label))}</Tag> },
        { key: 'flag', title: t('library.detail.flag'), width: 120, render: (_v, b) => (b.flag ? '✓' : '') },
      ]}
    />
  );
}
