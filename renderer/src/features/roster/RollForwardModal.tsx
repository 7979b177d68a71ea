import { Alert, App, Button, Flex, Modal, Spin, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { PersonName } from '../../components/PersonName';
import { errorMessage } from '../../lib/errors';
import { useLabels } from '../../lib/labels';
import { useCall } from '../../lib/useCall';

type Preview = OutputOf<'students.rollForwardPreview'>;
type Change = Preview['changes'][number];

const loadPreview = () => api.students.rollForwardPreview({});

/** The yearly 升级: preview every change, then apply exactly what was previewed (by its token). */
export function RollForwardModal({ open, onClose, onApplied }: { open: boolean; onClose(): void; onApplied(): void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const labels = useLabels();
  const call = useCall(loadPreview, open ? {} : null);
  const preview = call.loading ? null : (call.data ?? null);
  const [applyFailure, setApplyFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const failure = applyFailure ?? (call.error === undefined ? null : errorMessage(call.error));

  const apply = async (token: string) => {
    setBusy(true);
    setApplyFailure(null);
    try {
      const done = await api.students.rollForward({ token });
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

  const confirmApply = (p: Preview) =>
    modal.confirm({
      title: t('rollForward.confirmTitle'),
      content: t('rollForward.confirmBody', { promoted: p.promoted, graduated: p.graduated }),
      okText: t('rollForward.apply'),
      cancelText: t('common.cancel'),
      onOk: () => apply(p.token),
    });

  return (
    <Modal
      open={open}
      title={t('rollForward.title')}
      width={760}
      onCancel={onClose}
      afterClose={() => setApplyFailure(null)}
      destroyOnHidden
      footer={
        <Flex justify="end" gap="small">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" danger disabled={!preview || preview.changes.length === 0} loading={busy} onClick={() => preview && confirmApply(preview)}>
            {t('rollForward.apply')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('rollForward.explain')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
      {!preview && !failure && <Spin />}
      {preview && (
        <Flex vertical gap="middle">
          <Flex gap={48}>
            <Statistic title={t('rollForward.promoted')} value={preview.promoted} />
            <Statistic title={t('rollForward.graduated')} value={preview.graduated} />
          </Flex>
          <Table<Change>
            size="small"
            rowKey="id"
            dataSource={preview.changes}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            locale={{ emptyText: t('rollForward.nothing') }}
            columns={[
              { key: 'studentNo', title: t('student.fields.studentNo'), dataIndex: 'studentNo' },
              { key: 'name', title: t('student.fields.name'), render: (_v, c) => <PersonName name={c.name} /> },
              { key: 'from', title: t('rollForward.fromGrade'), render: (_v, c) => labels.grade(c.fromGrade) },
              { key: 'to', title: t('rollForward.to'), render: (_v, c) => (c.toGrade === null ? labels.status(c.toStatus) : labels.grade(c.toGrade)) },
            ]}
          />
        </Flex>
      )}
    </Modal>
  );
}
