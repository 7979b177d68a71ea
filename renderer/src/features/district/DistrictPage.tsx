import { Alert, App, Button, Card, Empty, Flex, Form, Input, Progress, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api/contract';
import type { Headline } from '../../../../shared/api/district';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { useComplianceLabels } from '../compliance/labels';
import { downloadBase64, XLSX_TYPE } from '../../lib/download';
import { fileToBase64 } from '../../lib/base64';
import { useOpenedPackages } from './openedPackages';
import { StatTableView } from '../statistics/StatTableView';
import { FOLDER_PICKER, folderPackages } from './folder-packages';
import { NamedReferrals } from './NamedReferrals';
import { PageTitle } from '../../components/PageTitle';

const HEADLINE = ['sessions', 'clients', 'groupAttendance', 'screened', 'alerts', 'alertsOpen'] as const;
type ImportResult = OutputOf<'district.import'>['results'][number];
type SchoolRow = OutputOf<'district.dashboard'>['schools'][number];
type DashboardRow = SchoolRow | { schoolId: '*'; name: string; code: string; figures: Headline };

const loadPeriods = ({ round: _ }: { round: number }) => api.district.periods({});
const loadDashboard = ({ from, to }: { from: string; to: string; round: number }) => api.district.dashboard({ from, to });
const loadSchools = ({ round: _ }: { round: number }) => api.district.schools({});
const loadIdentity = () => api.district.identity({});

/**
 * A package waiting its turn: its name, and its bytes read (as district.import takes them) only
 * when it is imported, so a folder of hundreds of packages is never held in memory at once.
 */
type PackageSource = { name: string; read(): Promise<string> };
/** A package the system handed over, with its bytes already read. */
type HeldPackage = { name: string; base64: string };

const pickedPackage = (file: File): PackageSource => ({ name: file.name, read: () => fileToBase64(file) });
const heldPackage = ({ name, base64 }: HeldPackage): PackageSource => ({ name, read: () => Promise.resolve(base64) });

function Dashboard({ round }: { round: number }) {
  const { t } = useTranslation();
  const list = useCall(loadPeriods, { round });
  const [chosen, setChosen] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const key = chosen ?? (items[0] ? `${items[0].from}..${items[0].to}` : null);
  const period = key ? { from: key.split('..')[0]!, to: key.split('..')[1]! } : null;
  const view = useCall(loadDashboard, period === null ? null : { ...period, round });
  const show = (n: number | null) => (n === null ? <Typography.Text type="secondary">{t('statistics.withheld')}</Typography.Text> : n);
  const labels = useComplianceLabels();
  if (items.length === 0) return <Empty description={t('district.dashboard.noPeriods')} />;
  // A school's checklist grade and score as its package carried them; the total row has none.
  const checklistText = (r: DashboardRow) => {
    if (!('compliance' in r)) return '';
    if (!r.compliance) return <Typography.Text type="secondary">{t('district.report.noChecklist')}</Typography.Text>;
    const score = r.compliance.percent === null ? '' : t('district.report.score', { percent: r.compliance.percent });
    return [r.compliance.grade && labels.text(r.compliance.grade), score].filter(Boolean).join(' ');
  };
  const rows: DashboardRow[] = view.data ? [...view.data.schools, { schoolId: '*', name: t('statistics.total'), code: '', figures: view.data.totals }] : [];
  return (
    <Flex vertical gap="middle">
      <Space>
        <Typography.Text>{t('district.dashboard.period')}</Typography.Text>
        <Select aria-label={t('district.dashboard.period')} style={{ minWidth: 240 }} value={key} onChange={setChosen} options={items.map((p) => ({ value: `${p.from}..${p.to}`, label: `${p.from} – ${p.to}（${p.schools}）` }))} />
        <Button
          onClick={() =>
            void api.district.reportXlsx(period!).then((f) => downloadBase64(f.filename, f.base64, XLSX_TYPE))
          }
        >
          {t('district.dashboard.exportXlsx')}
        </Button>
      </Space>
      <Table
        data-testid="district-schools"
        rowKey="schoolId"
        size="small"
        pagination={false}
        loading={view.loading}
        title={() => <Typography.Text strong>{t('district.dashboard.schools')}</Typography.Text>}
        dataSource={rows}
        columns={[
          { key: 'code', title: t('district.report.code'), dataIndex: 'code' },
          { key: 'name', title: t('district.report.school'), render: (_v, r) => (r.schoolId === '*' ? <Typography.Text strong>{r.name}</Typography.Text> : r.name) },
          ...HEADLINE.map((h) => ({ key: h, title: t(`district.figures.${h}`), align: 'right' as const, render: (_v: unknown, r: { figures: Headline }) => show(r.figures[h]) })),
          { key: 'checklist', title: t('district.report.checklist'), render: (_v: unknown, r: DashboardRow) => checklistText(r) },
          { key: 'openTasks', title: t('district.report.openTasks'), align: 'right' as const, render: (_v: unknown, r: DashboardRow) => ('compliance' in r && r.compliance ? r.compliance.openTasks : '') },
        ]}
      />
      <Card size="small" title={t('district.dashboard.notReported')}>
        {view.data && view.data.notReported.length === 0 ? (
          <Typography.Text type="secondary">{t('district.dashboard.allReported')}</Typography.Text>
        ) : (
          <Space wrap>{view.data?.notReported.map((s) => <Tag key={s.schoolId}>{t('common.noted', { text: s.name, note: s.code })}</Tag>)}</Space>
        )}
      </Card>
      <Typography.Text type="secondary">{t('district.dashboard.withheldNote')}</Typography.Text>
      {view.data?.tables.map((tb) => <StatTableView key={tb.id} table={tb} />)}
      {period && <NamedReferrals key={key} period={period} />}
    </Flex>
  );
}

/**
 * The one way packages come in, whether picked in the file dialog or handed over by the system:
 * district.import, its results and its error. Held by the page, so a package that arrives while
 * another tab is shown is imported and its results wait on the import tab.
 */
function usePackageImport(onImported: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [results, setResults] = useState<ImportResult[]>([]);
  /** Files that could not be read from the disk (a stick pulled out), each with why; the rest go on. */
  const [unread, setUnread] = useState<{ name: string; error: string }[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // One file per call, each read just before it: each is verified and stored on its own anyway,
  // and the count moves as they go.
  const importFiles = async (files: readonly PackageSource[]) => {
    setResults([]);
    setUnread([]);
    setProgress({ done: 0, total: files.length });
    let imported = 0;
    try {
      for (const [i, file] of files.entries()) {
        const base64 = await file.read().catch((e: unknown) => {
          setUnread((u) => [...u, { name: file.name, error: errorMessage(e) }]);
          return null;
        });
        if (base64 !== null) {
          const out = await api.district.import({ files: [{ name: file.name, base64 }] });
          imported += out.imported;
          setResults((r) => [...r, ...out.results]);
        }
        setProgress({ done: i + 1, total: files.length });
      }
      void message.success(t('district.import.summary', { imported, rejected: files.length - imported }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(null);
      onImported();
    }
  };
  const run = async (list: () => Promise<readonly PackageSource[]>) => {
    setError(null);
    const files = await list().catch((e: unknown) => {
      setError(errorMessage(e));
      return [];
    });
    // Nothing listed (another check took the opened packages first) must not end an import still running.
    if (files.length > 0) await importFiles(files);
  };
  return { results, unread, progress, busy: progress !== null, error, setError, run };
}
type PackageImport = ReturnType<typeof usePackageImport>;

function ImportPanel({ importer, onImported }: { importer: PackageImport; onImported: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { results, unread, progress, busy, error, setError, run } = importer;
  const pick = (files: readonly File[]) => {
    if (files.length > 0) void run(() => Promise.resolve(files.map(pickedPackage)));
  };
  const register = async (offer: NonNullable<ImportResult['offer']>) => {
    try {
      await api.district.registerSchool(offer);
      void message.success(t('district.schools.registered', { name: offer.name }));
      onImported();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const pickFolder = (all: File[]) => {
    const files = folderPackages(all);
    if (all.length > 0 && files.length === 0) setError(t('district.import.noPackages'));
    else pick(files);
  };
  return (
    <Flex vertical gap="middle">
      <label>
        <Typography.Text>{t('district.import.choose')}</Typography.Text>{' '}
        <input type="file" multiple aria-label={t('district.import.choose')} disabled={busy} onChange={(e) => pick([...(e.target.files ?? [])])} />
      </label>
      <label>
        <Typography.Text>{t('district.import.chooseFolder')}</Typography.Text>{' '}
        <input type="file" multiple {...FOLDER_PICKER} aria-label={t('district.import.chooseFolder')} disabled={busy} onChange={(e) => pickFolder([...(e.target.files ?? [])])} />
      </label>
      <Typography.Text type="secondary">{t('district.import.folderHelp')}</Typography.Text>
      {progress && (
        <Flex vertical gap={4} data-testid="import-progress">
          <Typography.Text>{t('district.import.importing', progress)}</Typography.Text>
          <Progress percent={Math.round((progress.done / progress.total) * 100)} aria-label={t('district.import.importing', progress)} />
        </Flex>
      )}
      {error && <Alert type="error" showIcon title={error} />}
      {unread.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('district.import.unread', { count: unread.length })}
          description={unread.map((u, i) => <div key={i}>{t('district.import.unreadFile', u)}</div>)}
        />
      )}
      <Table<ImportResult>
        data-testid="import-results"
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={results}
        columns={[
          { key: 'name', title: t('district.import.file'), dataIndex: 'name' },
          { key: 'school', title: t('district.report.school'), render: (_v, r) => r.school ?? '' },
          {
            key: 'status',
            title: t('district.import.status'),
            render: (_v, r) =>
              r.status === 'imported' ? (
                <Tag color="green">{t('district.import.imported')}</Tag>
              ) : (
                <Space orientation="vertical" size={2}>
                  <Tag color="red">{t('common.labelled', { label: t('district.import.rejected'), value: t(`district.reasons.${r.reason}`) })}</Tag>
                  {r.offer && (
                    <Space>
                      <Typography.Text type="secondary">{t('district.import.offerExplain', r.offer)}</Typography.Text>
                      <Button size="small" onClick={() => void register(r.offer!)}>
                        {t('district.import.confirmOffer')}
                      </Button>
                    </Space>
                  )}
                </Space>
              ),
          },
        ]}
      />
    </Flex>
  );
}

function SchoolsPanel({ round, onChanged }: { round: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const schools = useCall(loadSchools, { round });
  const identity = useCall(loadIdentity, {});
  const [form] = Form.useForm<{ name: string; code: string; publicKey: string; fingerprint: string }>();
  const [error, setError] = useState<string | null>(null);
  return (
    <Flex vertical gap="middle">
      <Card size="small" title={t('district.identity.title')}>
        <Flex vertical gap="small" align="start">
          <Typography.Text copyable code data-testid="district-recipient">
            {identity.data?.recipient ?? ''}
          </Typography.Text>
          {/* The secret half, for opening packages with the standard age tool (docs/DISTRICT.md); audited. */}
          <Button
            onClick={() =>
              void api.district.exportIdentity({}).then(
                (f) => downloadBase64('district-identity.txt', btoa(`${f.identity}\n`), 'text/plain'),
                (e: unknown) => setError(errorMessage(e)),
              )
            }
          >
            {t('district.identity.exportIdentity')}
          </Button>
          <Typography.Text type="warning">{t('district.identity.identityWarning')}</Typography.Text>
        </Flex>
      </Card>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={schools.data?.items ?? []}
        locale={{ emptyText: t('district.schools.none') }}
        columns={[
          { key: 'code', title: t('district.schools.code'), dataIndex: 'code' },
          { key: 'name', title: t('district.schools.name'), dataIndex: 'name' },
          { key: 'fp', title: t('district.export.fingerprint'), dataIndex: 'fingerprint' },
          { key: 'n', title: t('district.schools.packages'), dataIndex: 'packages', align: 'right' },
        ]}
      />
      <Card size="small" title={t('district.schools.register')}>
        {error && <Alert type="error" showIcon title={error} />}
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => {
            setError(null);
            api.district.registerSchool(v).then(() => {
              form.resetFields();
              onChanged();
            }, (e: unknown) => setError(errorMessage(e)));
          }}
        >
          <Form.Item name="name" label={t('district.schools.name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="code" label={t('district.schools.code')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="publicKey" label={t('district.schools.publicKey')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="fingerprint" label={t('district.schools.fingerprint')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Button htmlType="submit">{t('district.schools.register')}</Button>
        </Form>
      </Card>
    </Flex>
  );
}

/** District mode: the overview across schools, importing packages, the registry of schools. */
export function DistrictPage() {
  const { t } = useTranslation();
  const [round, setRound] = useState(0);
  const [tab, setTab] = useState('dashboard');
  const bump = () => setRound((r) => r + 1);
  const importer = usePackageImport(bump);
  // A package double-clicked in the file manager goes through the same import as a picked file.
  useOpenedPackages((shell) => {
    void shell.pendingPackages().then((names) => {
      if (names.length === 0) return;
      setTab('import');
      void importer.run(async () => (await shell.takePackages()).map(heldPackage));
    }, () => undefined);
  });
  return (
    <Flex vertical gap="middle">
      <PageTitle>{t('district.dashboard.title')}</PageTitle>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'dashboard', label: t('district.nav.dashboard'), children: <Dashboard round={round} /> },
          { key: 'import', label: t('district.nav.import'), children: <ImportPanel importer={importer} onImported={bump} /> },
          { key: 'schools', label: t('district.nav.schools'), children: <SchoolsPanel round={round} onChanged={bump} /> },
        ]}
      />
    </Flex>
  );
}
