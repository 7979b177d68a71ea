import { App, Button, Flex, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertView, DEFER_CONTEXTS } from '../../../../shared/api/assessments';
import { api } from '../../api/client';
import { useShownName } from '../../components/PersonName';
import { errorMessage } from '../../lib/errors';
import { useOpenAlerts } from '../../stores/alerts';
import { AcknowledgeAlertModal } from './AcknowledgeAlertModal';
import { CrisisHandOffModal } from './CrisisHandOffModal';
import { SEVERITY_COLORS, useScales } from './scaleLabels';

/** Alerts that must not be left behind silently when a form is saved or left. */
export function unhandledPressing(alerts: readonly AlertView[]): AlertView[] {
  return alerts.filter((a) => a.acknowledgedAt === null && a.severity !== 'followup');
}

interface PromptProps {
  /** The form's critical and urgent alerts still open; the prompt shows while any is given. */
  alerts: readonly AlertView[];
  context: (typeof DEFER_CONTEXTS)[number];
  /** Every alert is handled, or deliberately left for later: go on with the save or the exit. */
  onProceed(): void;
  onCancel(): void;
}

/**
 * Asked before a form with an open critical or urgent alert is finished or left: handle it now,
 * open a crisis case, or leave it for later — which is recorded and keeps it in the banner.
 */
export function UnhandledAlertsPrompt({ alerts, context, onProceed, onCancel }: PromptProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shown = useShownName();
  const { title } = useScales();
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [handling, setHandling] = useState<AlertView | null>(null);
  const [handingOff, setHandingOff] = useState<AlertView | null>(null);
  const [busy, setBusy] = useState(false);
  const remaining = alerts.filter((a) => !done.has(a.id));

  const settled = (id: string) => {
    const next = new Set(done).add(id);
    setDone(next);
    if (alerts.every((a) => next.has(a.id))) onProceed();
  };

  const later = async () => {
    setBusy(true);
    try {
      for (const a of remaining) await api.alerts.defer({ id: a.id, context });
      void useOpenAlerts.getState().refresh();
      onProceed();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Modal
        open={alerts.length > 0 && handling === null && handingOff === null}
        title={t('assessments.prompt.title')}
        onCancel={onCancel}
        footer={
          <Flex gap="small" justify="end" wrap>
            <Button onClick={onCancel}>{t('assessments.prompt.back')}</Button>
            <Button loading={busy} onClick={() => void later()}>
              {t('assessments.prompt.later')}
            </Button>
          </Flex>
        }
      >
        <Typography.Paragraph>{t('assessments.prompt.body')}</Typography.Paragraph>
        <List<AlertView>
          size="small"
          bordered
          dataSource={remaining}
          renderItem={(a) => (
            <List.Item
              key={a.id}
              actions={[
                <Button key="crisis" danger onClick={() => setHandingOff(a)}>
                  {t('assessments.prompt.crisis')}
                </Button>,
                <Button key="handle" type="primary" onClick={() => setHandling(a)}>
                  {t('assessments.prompt.handleNow')}
                </Button>,
              ]}
            >
              <Flex gap="small" align="center" wrap>
                <Tag color={SEVERITY_COLORS[a.severity]}>{t(`assessments.severity.${a.severity}`)}</Tag>
                <Typography.Text>{shown(a.studentName)}</Typography.Text>
                <Typography.Text type="secondary">{title(a.scaleId)}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Modal>
      <AcknowledgeAlertModal
        alert={handling}
        onClose={() => setHandling(null)}
        onDone={(a) => {
          setHandling(null);
          settled(a.id);
        }}
      />
      <CrisisHandOffModal
        alert={handingOff}
        onClose={() => setHandingOff(null)}
        onDone={(_caseId, a) => {
          setHandingOff(null);
          settled(a.id);
        }}
      />
    </>
  );
}
