import { Alert, App, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertView, FormView } from '../../../../../shared/api/assessments';
import type { ScaleDefinition } from '../../../../../shared/domain/scales/definition';
import { api } from '../../../api/client';
import { useShownName } from '../../../components/PersonName';
import { errorMessage } from '../../../lib/errors';
import { useCall } from '../../../lib/useCall';
import { AcknowledgeAlertModal } from '../AcknowledgeAlertModal';
import { SEVERITY_COLORS } from '../scaleLabels';
import { itemNumbers, useLocalized } from '../useScaleDefinition';
import { VoidFormModal } from '../VoidFormModal';

const getForm = ({ formId }: { formId: string }) => api.assessments.get({ formId });

interface PanelProps {
  formId: string;
  definition: ScaleDefinition;
  studentName: string;
  onContinue(form: FormView): void;
  /** The kiosk is over: finished, voided, or left to be resumed later. */
  onExit(): void;
}

/**
 * What the counselor sees once unlocked: the alerts this form raised (to record what was done),
 * then whether the student goes on, the form is finished or voided, or the kiosk is left for now.
 */
export function KioskCounselorPanel({ formId, definition, studentName, onContinue, onExit }: PanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shown = useShownName();
  const text = useLocalized();
  const call = useCall(getForm, { formId });
  const [handling, setHandling] = useState<AlertView | null>(null);
  const [voiding, setVoiding] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = call.data;

  const finish = async () => {
    setBusy(true);
    try {
      await api.assessments.finish({ formId });
      void message.success(t('administer.kiosk.finished'));
      onExit();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (call.error !== undefined) return <Alert type="error" showIcon title={errorMessage(call.error)} action={<Button onClick={onExit}>{t('administer.kiosk.close')}</Button>} />;
  const answered = form ? Object.keys(form.answers).length : 0;
  return (
    <Card className="kiosk-panel" title={t('administer.kiosk.panelTitle', { name: shown(studentName) })} loading={!form}>
      {form ? (
        <Flex vertical gap="middle">
          <Typography.Text>{t('administer.kiosk.panelProgress', { scale: text(definition.names), answered, total: definition.items.length })}</Typography.Text>
          {form.status !== 'inProgress' ? <Alert type="info" title={form.status === 'completed' ? t('administer.kiosk.completed') : t('administer.voided')} /> : null}
          <List<AlertView>
            size="small"
            bordered
            header={t('administer.kiosk.alertsTitle')}
            dataSource={form.alerts}
            locale={{ emptyText: t('administer.kiosk.noAlerts') }}
            renderItem={(a) => (
              <List.Item
                key={a.id}
                actions={[
                  a.acknowledgedAt === null ? (
                    <Button key="ack" type="primary" danger={a.severity === 'critical'} onClick={() => setHandling(a)}>
                      {t('administer.kiosk.acknowledge')}
                    </Button>
                  ) : (
                    <Tag key="done" color="green">
                      {t('administer.kiosk.acknowledged')}
                    </Tag>
                  ),
                ]}
              >
                <Flex gap="small" align="center" wrap>
                  <Tag color={SEVERITY_COLORS[a.severity]}>{t(`assessments.severity.${a.severity}`)}</Tag>
                  <Typography.Text>{t('administer.kiosk.alertItems', { numbers: itemNumbers(definition, a.items) })}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
          <Flex gap="small" wrap justify="end">
            {form.status === 'inProgress' ? (
              <>
                <Button onClick={onExit}>{t('administer.kiosk.leave')}</Button>
                <Button danger onClick={() => setVoiding(true)}>
                  {t('administer.void')}
                </Button>
                <Button onClick={() => void finish()} loading={busy}>
                  {t('administer.kiosk.finish')}
                </Button>
                <Button type="primary" onClick={() => onContinue(form)}>
                  {t('administer.kiosk.continue')}
                </Button>
              </>
            ) : (
              <Button type="primary" onClick={onExit}>
                {t('administer.kiosk.close')}
              </Button>
            )}
          </Flex>
        </Flex>
      ) : null}
      <AcknowledgeAlertModal
        alert={handling}
        onClose={() => setHandling(null)}
        onDone={() => {
          setHandling(null);
          call.reload();
        }}
      />
      <VoidFormModal formId={voiding ? formId : null} onClose={() => setVoiding(false)} onVoided={onExit} />
    </Card>
  );
}
