import { Alert, App, Button, Card, Flex, Space, Spin, Switch, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period, StatReport } from '../../../../shared/api/statistics';
import { SMALL_CELL_K } from '../../../../shared/domain/suppression';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { useSession } from '../../stores/session';
import { useSettings } from '../../stores/settings';
import { KInput, PeriodPicker, presetPeriod } from './PeriodPicker';
import { chartable, StatChart } from './StatChart';
import { StatisticsPrint } from './StatisticsPrint';
import { downloadBase64, XLSX_TYPE } from '../../lib/download';
import { StatTableView } from './StatTableView';
import { PageTitle } from '../../components/PageTitle';

const load = (a: Period & { k: number; suppressed: boolean }) => api.statistics.period(a);

/**
 * 统计报表: every section's tables for a period. The counselor sees exact figures and can preview
 * them as they leave; a principal, a workbook and a district package always get them suppressed.
 */
export function StatisticsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const role = useSession((s) => s.status?.user?.role ?? null);
  const [period, setPeriod] = useState<Period>(() => presetPeriod('term'));
  const [k, setK] = useState(SMALL_CELL_K);
  const [suppressed, setSuppressed] = useState(false);
  const [charts, setCharts] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [printing, setPrinting] = useState<StatReport | null>(null);
  const printed = useCallback(() => setPrinting(null), []);
  const schoolName = useSettings((st) => st.settings?.school.name ?? '');
  const call = useCall(load, { ...period, k, suppressed });
  const exact = call.data?.k === null;

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const file = await api.statistics.exportXlsx({ ...period, k });
      downloadBase64(file.filename, file.base64, XLSX_TYPE);
      void message.success(t('statistics.exported', { count: file.tables }));
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  // A printout leaves the screen like a workbook: always the suppressed figures, and audited.
  const print = async () => {
    try {
      setPrinting(await api.statistics.printReport({ ...period, k }));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <Flex vertical gap="middle">
      <PageTitle>{t('statistics.title')}</PageTitle>
      <Flex gap="middle" wrap align="center">
        <PeriodPicker value={period} onChange={setPeriod} />
        <KInput value={k} onChange={setK} />
        {role === 'counselor' && (
          <Space>
            <Switch aria-label={t('statistics.showSuppressed')} checked={suppressed} onChange={setSuppressed} />
            <Typography.Text>{t('statistics.showSuppressed')}</Typography.Text>
          </Space>
        )}
        <Space>
          <Switch aria-label={t('statistics.chart')} checked={charts} onChange={setCharts} />
          <Typography.Text>{t('statistics.chart')}</Typography.Text>
        </Space>
        <Button onClick={() => void exportXlsx()} loading={exporting}>
          {t('statistics.exportXlsx')}
        </Button>
        <Button onClick={() => void print()}>{t('statistics.print')}</Button>
      </Flex>
      <Alert type={exact ? 'warning' : 'info'} showIcon title={exact ? t('statistics.exact') : `${t('statistics.kHelp', { k })} ${t('statistics.suppressedNote')}`} />
      {call.error !== undefined && <Alert type="error" showIcon title={errorMessage(call.error)} />}
      {call.loading && !call.data ? (
        <Spin />
      ) : (
        (call.data?.sections ?? []).map((section) => (
          <Card key={section} size="small" title={t(`statistics.sections.${section}`)}>
            <Flex vertical gap="middle">
              {call.data!.tables.filter((tb) => tb.section === section).map((tb) => (
                <Flex key={tb.id} vertical gap="small">
                  {charts && chartable(tb) && <StatChart table={tb} />}
                  <StatTableView table={tb} />
                </Flex>
              ))}
            </Flex>
          </Card>
        ))
      )}
      {printing && <StatisticsPrint report={printing} school={schoolName} onDone={printed} />}
    </Flex>
  );
}
