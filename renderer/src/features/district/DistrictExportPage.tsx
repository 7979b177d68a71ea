import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, Form, Input, Modal, Space, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api/contract';
import type { Period } from '../../../../shared/api/statistics';
import { EXPORT_STEPS, type ExportJobView } from '../../../../shared/api/district';
import type { ApiError } from '../../../../shared/api/errors';
import { SMALL_CELL_K } from '../../../../shared/domain/suppression';
import { PACKAGE_EXTENSION } from '../../../../shared/domain/district-package';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { useComplianceLabels } from '../compliance/labels';
import { KInput, PeriodPicker, presetPeriod } from '../statistics/PeriodPicker';
import { StatTableView } from '../statistics/StatTableView';
import { PageTitle } from '../../components/PageTitle';
import { ReferralChoice, ReferralPreview, useReferralConfirm } from './ReferralChoice';

const settings = () => api.district.exportSettings({});
type Preview = OutputOf<'district.previewExport'>;
/** How often the dialog asks where the package being written stands. */
const POLL_MS = 200;

/** The signed checklist the package carries, as one line, or why none is attached. */
function CompliancePreview({ report }: { report: Preview['payload']['compliance'] }) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  return (
    <Descriptions size="small" bordered column={1} title={t('district.export.compliance')}>
      <Descriptions.Item label={t('district.export.compliance')}>
        <span data-testid="preview-compliance">
          {report
            ? t('district.export.complianceLine', {
                pack: labels.text(report.packTitle),
                signedOn: report.signedOn,
                signer: report.signerName,
                percent: [report.score.grade && labels.text(report.score.grade), report.score.percent ?? ''].filter((x) => x !== null && x !== '').join(' '),
                openTasks: report.openTasks.length,
              })
            : t('district.export.noCompliance')}
        </span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/**
 * 上报区教育局: the district's public key, the school's signing key with its fingerprint, and the
 * package: a preview of exactly what leaves, then one confirmed write.
 */
export function DistrictExportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [round, setRound] = useState(0);
  const current = useCall(settings, { round });
  const [recipient, setRecipient] = useState<string | null>(null);
  const [period, setPeriod] = useState<Period>(() => presetPeriod('term'));
  const [k, setK] = useState(SMALL_CELL_K);
  const [includeCompliance, setIncludeCompliance] = useState(true);
  // Named cases for a referral: null (the default) sends none.
  const [referralCaseIds, setReferralCaseIds] = useState<string[] | null>(null);
  const confirmReferrals = useReferralConfirm();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [path, setPath] = useState('');
  const [job, setJob] = useState<ExportJobView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = job?.state === 'running';

  // How a write ended is said once, then the job is let go.
  const follow = (next: ExportJobView) => {
    if (next.state === 'running') return setJob(next);
    setJob(null);
    if (next.state === 'done') {
      void message.success(t('district.export.written', { path: next.path }));
      setPreview(null);
      setRound((r) => r + 1);
    } else if (next.state === 'cancelled') void message.info(t('district.export.cancelled'));
    else setError(errorMessage({ ...next.error, details: next.error?.details ?? undefined } as ApiError));
  };
  const failed = (e: unknown) => {
    setJob(null);
    setError(errorMessage(e));
  };
  // While the package is written the dialog asks where it stands.
  useEffect(() => {
    if (job?.state !== 'running') return;
    const timer = setTimeout(() => void api.district.exportProgress({ jobId: job.jobId }).then(follow, failed), POLL_MS);
    return () => clearTimeout(timer);
  });

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      setRound((r) => r + 1);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const openPreview = () =>
    act(async () => {
      if (!current.data?.schoolKey) await api.district.createSchoolKey({});
      setPreview(await api.district.previewExport({ ...period, k, includeCompliance, referralCaseIds: referralCaseIds ?? [] }));
      setPath(`${period.from}_${period.to}${PACKAGE_EXTENSION}`);
    });
  const write = async () => {
    setError(null);
    const referrals = preview?.payload.referrals ?? [];
    const confirmedReferralStudents = await confirmReferrals(referrals);
    if (confirmedReferralStudents === false) return;
    api.district
      .startExport({ ...period, k, includeCompliance, referralCaseIds: referrals.map((r) => r.caseId), ...(confirmedReferralStudents === undefined ? {} : { confirmedReferralStudents }), path })
      .then(follow, failed);
  };
  const cancelWrite = () => {
    // Refused only when the write has just ended: the next poll says how.
    if (job) api.district.cancelExport({ jobId: job.jobId }).then(follow, () => undefined);
  };

  const key = current.data?.schoolKey ?? null;
  return (
    <Flex vertical gap="middle">
      <PageTitle>{t('district.export.title')}</PageTitle>
      {error && <Alert type="error" showIcon title={error} />}
      <Card size="small" title={t('district.export.recipient')}>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            aria-label={t('district.export.recipient')}
            placeholder="age1…"
            value={recipient ?? current.data?.recipient ?? ''}
            onChange={(e) => setRecipient(e.target.value)}
          />
          <Button onClick={() => void act(() => api.district.setRecipient({ recipient: recipient ?? '' }))} disabled={recipient === null}>
            {t('district.export.saveRecipient')}
          </Button>
        </Space.Compact>
        <Typography.Text type="secondary">{t('district.export.recipientHelp')}</Typography.Text>
      </Card>
      <Card size="small" title={t('district.export.schoolKey')}>
        {key ? (
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('district.export.fingerprint')}>
              <Typography.Text strong data-testid="school-fingerprint" style={{ fontSize: 18, letterSpacing: 2 }}>
                {key.fingerprint}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Space>
            <Typography.Text type="secondary">{t('district.export.noKey')}</Typography.Text>
            <Button onClick={() => void act(() => api.district.createSchoolKey({}))}>{t('district.export.createKey')}</Button>
          </Space>
        )}
      </Card>
      <Flex gap="middle" wrap align="center">
        <PeriodPicker value={period} onChange={setPeriod} />
        <KInput value={k} onChange={setK} />
        <Checkbox checked={includeCompliance} onChange={(e) => setIncludeCompliance(e.target.checked)}>
          {t('district.export.includeCompliance')}
        </Checkbox>
        <ReferralChoice chosen={referralCaseIds} onChange={setReferralCaseIds} />
        <Button type="primary" onClick={() => void openPreview()}>
          {t('district.export.preview')}
        </Button>
      </Flex>
      <Modal
        open={preview !== null}
        width={900}
        title={t('district.export.previewTitle')}
        onCancel={() => !running && setPreview(null)}
        closable={!running}
        footer={
          running ? (
            <Button danger onClick={cancelWrite}>
              {t('district.export.cancelWrite')}
            </Button>
          ) : (
            <Space>
              <Button onClick={() => setPreview(null)}>{t('district.export.cancel')}</Button>
              <Button type="primary" disabled={path.trim() === ''} onClick={() => void write()}>
                {t('district.export.write')}
              </Button>
            </Space>
          )
        }
      >
        {preview && (
          <Flex vertical gap="middle">
            <Alert type="info" showIcon title={t('district.export.previewExplain')} />
            <Descriptions size="small" bordered column={1} title={t('district.export.manifest')}>
              <Descriptions.Item label={t('district.report.school')}>{t('common.noted', { text: preview.manifest.school.name, note: preview.manifest.school.code })}</Descriptions.Item>
              <Descriptions.Item label={t('statistics.period')}>{`${preview.manifest.period.from} – ${preview.manifest.period.to}`}</Descriptions.Item>
              <Descriptions.Item label={t('district.export.recipient')}>{preview.manifest.recipient}</Descriptions.Item>
              <Descriptions.Item label={t('district.export.fingerprint')}>{key?.fingerprint ?? preview.manifest.schoolKeyId}</Descriptions.Item>
              <Descriptions.Item label={t('statistics.k')}>{preview.manifest.k}</Descriptions.Item>
            </Descriptions>
            {includeCompliance && <CompliancePreview report={preview.payload.compliance} />}
            <ReferralPreview referrals={preview.payload.referrals} />
            {preview.payload.statistics.tables.map((tb) => (
              <StatTableView key={tb.id} table={tb} />
            ))}
            <Form layout="vertical">
              <Form.Item label={t('district.export.path')}>
                <Input aria-label={t('district.export.path')} value={path} onChange={(e) => setPath(e.target.value)} />
              </Form.Item>
            </Form>
            {error && <Alert type="error" showIcon title={error} />}
            {running && (
              <Steps size="small" current={job.step ? EXPORT_STEPS.indexOf(job.step) : 0} items={EXPORT_STEPS.map((s) => ({ title: t(`district.export.steps.${s}`) }))} />
            )}
          </Flex>
        )}
      </Modal>
    </Flex>
  );
}
