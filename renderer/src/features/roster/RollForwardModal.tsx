import { Alert, App, Button, Checkbox, Flex, Input, Modal, Spin, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../../shared/api/contract';
import type { RollForwardWarning } from '../../../../shared/api/students';
import { api } from '../../api/client';
import { PersonName } from '../../components/PersonName';
import { errorMessage } from '../../lib/errors';
import { useLabels } from '../../lib/labels';
import { useFormatInstant } from '../../lib/time';
import { useCall } from '../../lib/useCall';
import { usePageArrows } from '../../components/usePageArrows';

type Preview = OutputOf<'students.rollForwardPreview'>;
type Change = Preview['changes'][number];
type MovingClass = Preview['classes'][number];
type Renames = NonNullable<InputOf<'students.rollForwardPreview'>['classRenames']>;

const loadPreview = (input: { classRenames: Renames; page: number; pageSize: number }) => api.students.rollForwardPreview(input);

/** Students per page of the preview: the core sends one page, the totals come with it. */
const PAGE_SIZE = 10;

/** One line per warning, in the counselor's words. */
function WarningText({ w }: { w: RollForwardWarning }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const grades = w.grades.map(labels.grade).join(t('common.listSeparator'));
  if (w.kind === 'outsideSummer') {
    if (w.date !== null) return t('rollForward.warning.termRunning', { term: w.label, date: w.date });
    return w.label ? t('rollForward.warning.beforeTerm', { term: w.label }) : t('rollForward.warning.notSummer');
  }
  if (w.kind === 'openCase') return t('rollForward.warning.openCase', { name: w.label, grades });
  return t(`rollForward.warning.${w.kind}`, { name: w.label, date: w.date, grades });
}

/**
 * The yearly 升级: preview every change and what to settle first, rename or merge classes (分班), then
 * apply exactly what was previewed (by its token); a run can be undone on the day it ran.
 */
export function RollForwardModal({ open, onClose, onApplied }: { open: boolean; onClose(): void; onApplied(): void }) {
  const { t } = useTranslation();
  const pageArrows = usePageArrows();
  const { message, modal } = App.useApp();
  const labels = useLabels();
  const formatInstant = useFormatInstant();
  const [renames, setRenames] = useState<Renames>([]);
  const [page, setPage] = useState(1);
  const call = useCall(loadPreview, open ? { classRenames: renames, page, pageSize: PAGE_SIZE } : null);
  const preview = call.data ?? null;
  const [applyFailure, setApplyFailure] = useState<string | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [busy, setBusy] = useState(false);
  const failure = applyFailure ?? (call.error === undefined ? null : errorMessage(call.error));
  const warned = (preview?.warnings.length ?? 0) > 0;

  const rename = (c: MovingClass, toClassName: string) => {
    const name = toClassName.trim();
    const others = renames.filter((r) => !(r.grade === c.fromGrade && r.className === c.fromClassName));
    setRenames(name === '' || name === c.fromClassName ? others : [...others, { grade: c.fromGrade, className: c.fromClassName, toClassName: name }]);
    setPage(1);
  };

  const apply = async (token: string) => {
    setBusy(true);
    setApplyFailure(null);
    try {
      const done = await api.students.rollForward({ token, classRenames: renames, acknowledgeWarnings: acknowledged });
      void message.success(t('rollForward.done', done));
      onApplied();
    } catch (err) {
      // A stale token means the roster changed since the preview: show the new one.
      setApplyFailure(errorMessage(err));
      call.reload();
    } finally {
      setBusy(false);
    }
  };

  const revert = (run: NonNullable<Preview['lastRun']>) =>
    modal.confirm({
      title: t('rollForward.revertTitle'),
      content: t('rollForward.revertBody', { promoted: run.promoted, graduated: run.graduated }),
      okText: t('rollForward.revert'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const done = await api.students.rollForwardRevert({ id: run.id });
          void message.success(t('rollForward.reverted', done));
          onApplied();
        } catch (err) {
          setApplyFailure(errorMessage(err));
          call.reload();
        }
      },
    });

  const confirmApply = (p: Preview) =>
    modal.confirm({
      title: t('rollForward.confirmTitle'),
      content: t('rollForward.confirmBody', { promoted: p.promoted, graduated: p.graduated }),
      okText: t('rollForward.apply'),
      cancelText: t('common.cancel'),
      onOk: () => apply(p.token),
    });

  const lastRun = preview?.lastRun;
  return (
    <Modal
      open={open}
      title={t('rollForward.title')}
      width={860}
      onCancel={onClose}
      afterClose={() => {
        setApplyFailure(null);
        setAcknowledged(false);
        setRenames([]);
        setPage(1);
      }}
      destroyOnHidden
      footer={
        <Flex justify="end" gap="small">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            danger
            disabled={!preview || call.loading || preview.total === 0 || (warned && !acknowledged)}
            loading={busy}
            onClick={() => preview && confirmApply(preview)}
          >
            {t('rollForward.apply')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('rollForward.explain')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
      {!preview && !failure && <Spin />}
      {lastRun?.revertible && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('rollForward.lastRun', { time: formatInstant(lastRun.ranAt, 'HH:mm'), promoted: lastRun.promoted, graduated: lastRun.graduated })}
          action={<Button onClick={() => revert(lastRun)}>{t('rollForward.revert')}</Button>}
        />
      )}
      {preview && (
        <Flex vertical gap="middle">
          {warned && (
            <Alert
              type="warning"
              showIcon
              role="alert"
              aria-label={t('rollForward.warningsTitle')}
              title={t('rollForward.warningsTitle')}
              description={
                <Flex vertical gap="small">
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {preview.warnings.map((w, i) => (
                      <li key={i}>
                        <WarningText w={w} />
                      </li>
                    ))}
                  </ul>
                  <Checkbox checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)}>
                    {t('rollForward.acknowledge')}
                  </Checkbox>
                </Flex>
              }
            />
          )}
          <Flex gap={48}>
            <Statistic title={t('rollForward.promoted')} value={preview.promoted} />
            <Statistic title={t('rollForward.graduated')} value={preview.graduated} />
          </Flex>
          <Typography.Text type="secondary">{t('rollForward.classesHint')}</Typography.Text>
          <Table<MovingClass>
            size="small"
            aria-label={t('rollForward.classes')}
            rowKey={(c) => `${c.fromGrade}-${c.fromClassName}`}
            dataSource={preview.classes}
            pagination={false}
            columns={[
              { key: 'from', title: t('rollForward.fromClass'), render: (_v, c) => labels.classOf(c.fromGrade, c.fromClassName) },
              { key: 'count', title: t('rollForward.count'), dataIndex: 'count', width: 80 },
              {
                key: 'to',
                title: t('rollForward.toClass'),
                render: (_v, c) =>
                  c.toGrade === null ? (
                    labels.status('graduated')
                  ) : (
                    <Flex align="center" gap="small">
                      <span>{labels.grade(c.toGrade)}</span>
                      <Input
                        size="small"
                        style={{ width: 120 }}
                        maxLength={20}
                        defaultValue={c.toClassName}
                        aria-label={t('rollForward.renameClass', { className: labels.classOf(c.fromGrade, c.fromClassName) })}
                        onBlur={(e) => rename(c, e.target.value)}
                        onPressEnter={(e) => rename(c, e.currentTarget.value)}
                      />
                    </Flex>
                  ),
              },
            ]}
          />
          <Table<Change>
            size="small"
            rowKey="id"
            aria-label={t('rollForward.students')}
            dataSource={preview.changes}
            loading={call.loading}
            pagination={{
              ...pageArrows,
              current: preview.page,
              pageSize: preview.pageSize,
              total: preview.total,
              showSizeChanger: false,
              showTotal: (count) => t('rollForward.studentsTotal', { count }),
              onChange: setPage,
            }}
            locale={{ emptyText: t('rollForward.nothing') }}
            columns={[
              { key: 'studentNo', title: t('student.fields.studentNo'), dataIndex: 'studentNo' },
              { key: 'name', title: t('student.fields.name'), render: (_v, c) => <PersonName name={c.name} /> },
              { key: 'from', title: t('rollForward.fromClass'), render: (_v, c) => labels.classOf(c.fromGrade, c.fromClassName) },
              {
                key: 'to',
                title: t('rollForward.to'),
                render: (_v, c) => (c.toGrade === null ? labels.status(c.toStatus) : labels.classOf(c.toGrade, c.toClassName)),
              },
            ]}
          />
        </Flex>
      )}
    </Modal>
  );
}
