import { Alert, Button, Descriptions, Flex, Modal, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertView } from '../../../../shared/api/assessments';
import { api } from '../../api/client';
import { PersonName } from '../../components/PersonName';
import { errorMessage } from '../../lib/errors';
import { useFormatInstant } from '../../lib/time';
import { useCall } from '../../lib/useCall';
import { useNav } from '../../stores/nav';
import { AcknowledgeAlertModal } from './AcknowledgeAlertModal';
import { CrisisHandOffModal } from './CrisisHandOffModal';
import { SEVERITY_COLORS, useScales } from './scaleLabels';
import { itemNumbers, useScaleDefinition } from './useScaleDefinition';

const getAlert = ({ id }: { id: string }) => api.alerts.get({ id });

/**
 * One alert and what was done about it (who, when, the action, the note), opened from the archive;
 * an alert still open can be handled from here.
 */
export function AlertDetailModal({ alertId, onClose, onChanged }: { alertId: string | null; onClose(): void; onChanged?(): void }) {
  const { t } = useTranslation();
  const format = useFormatInstant();
  const { title } = useScales();
  const open = useNav((s) => s.open);
  const call = useCall(getAlert, alertId ? { id: alertId } : null);
  const a: AlertView | undefined = alertId && call.data?.id === alertId ? call.data : undefined;
  const definition = useScaleDefinition(a ? { scaleId: a.scaleId } : null);
  const [handling, setHandling] = useState(false);
  const [handingOff, setHandingOff] = useState(false);
  const changed = () => {
    call.reload();
    onChanged?.();
  };

  return (
    <>
      <Modal open={alertId !== null && !handling && !handingOff} title={a ? t('assessments.alerts.detailTitle', { scale: title(a.scaleId) }) : null} footer={null} onCancel={onClose} destroyOnHidden>
        {call.error !== undefined ? (
          <Alert type="error" showIcon title={errorMessage(call.error)} />
        ) : !a ? (
          <Spin />
        ) : (
          <Flex vertical gap="middle">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('counseling.search.student')}>
                <PersonName name={a.studentName} />
              </Descriptions.Item>
              <Descriptions.Item label={t('assessments.alerts.raisedAt')}>
                <Flex gap="small" align="center">
                  <Tag color={SEVERITY_COLORS[a.severity]}>{t(`assessments.severity.${a.severity}`)}</Tag>
                  {format(a.raisedAt, 'YYYY-MM-DD HH:mm')}
                </Flex>
              </Descriptions.Item>
              {a.items.length > 0 ? (
                <Descriptions.Item label={t('assessments.alerts.items')}>{t('administer.kiosk.alertItems', { numbers: itemNumbers(definition.data, a.items) })}</Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('assessments.alerts.handling')}>
                {a.acknowledgedAt !== null ? (
                  <Flex vertical>
                    <Typography.Text>
                      {t('assessments.alerts.handledBy', { name: a.acknowledgedByName ?? '', time: format(a.acknowledgedAt, 'YYYY-MM-DD HH:mm'), action: a.action ? t(`assessments.action.${a.action}`) : '' })}
                    </Typography.Text>
                    {a.note !== '' ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.note}</Typography.Paragraph> : null}
                  </Flex>
                ) : (
                  <Flex vertical gap={4}>
                    <Typography.Text type="danger">{t('assessments.alerts.notHandled')}</Typography.Text>
                    {a.deferredAt !== null ? <Typography.Text type="secondary">{t('assessments.alerts.deferred', { time: format(a.deferredAt, 'MM-DD HH:mm') })}</Typography.Text> : null}
                  </Flex>
                )}
              </Descriptions.Item>
            </Descriptions>
            <Flex gap="small" justify="end">
              {a.caseId ? (
                <Button
                  onClick={() => {
                    onClose();
                    open({ kind: 'case', id: a.caseId! });
                  }}
                >
                  {t('assessments.alerts.openCase')}
                </Button>
              ) : null}
              {a.acknowledgedAt === null ? (
                <>
                  {a.severity !== 'followup' ? (
                    <Button danger onClick={() => setHandingOff(true)}>
                      {t('handOff.button')}
                    </Button>
                  ) : null}
                  <Button type="primary" onClick={() => setHandling(true)}>
                    {t('assessments.alerts.acknowledge')}
                  </Button>
                </>
              ) : null}
            </Flex>
          </Flex>
        )}
      </Modal>
      <AcknowledgeAlertModal
        alert={handling && a ? a : null}
        onClose={() => setHandling(false)}
        onDone={() => {
          setHandling(false);
          changed();
        }}
      />
      <CrisisHandOffModal
        alert={handingOff && a ? a : null}
        onClose={() => setHandingOff(false)}
        onDone={() => {
          setHandingOff(false);
          changed();
        }}
      />
    </>
  );
}
