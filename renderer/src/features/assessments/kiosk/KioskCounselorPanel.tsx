import { Alert, App, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertView, FormView } from '../../../../../shared/api/assessments';
import { scoreForm } from '../../../../../shared/domain/scales';
import type { ScaleDefinition } from '../../../../../shared/domain/scales/definition';
import { api } from '../../../api/client';
import { useShownName } from '../../../components/PersonName';
import { errorMessage } from '../../../lib/errors';
import { useCall } from '../../../lib/useCall';
import { AcknowledgeAlertModal } from '../AcknowledgeAlertModal';
import { SEVERITY_COLORS } from '../scaleLabels';
import { UnhandledAlertsPrompt, unhandledPressing } from '../UnhandledAlertsPrompt';
import { itemNumbers, optionsOf, useLocalized } from '../useScaleDefinition';
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
 * The score so far, as the core will store it (the same engine), for the counselor's eyes only:
 * each subscale with its neutral band label.
 */
function ScoreSoFar({ form, definition }: { form: FormView; definition: ScaleDefinition }) {
  const { t } = useTranslation();
  const text = useLocalized();
  if (Object.keys(form.answers).length === 0) return null;
  const result = scoreForm(definition, form.answers);
  return (
    <div data-testid="kiosk-score">
      <Typography.Text strong>{t('administer.kiosk.scoreTitle')}</Typography.Text>
      {form.status === 'inProgress' ? <Typography.Text type="secondary"> · {t('administer.kiosk.scoreProvisional')}</Typography.Text> : null}
      <Flex gap="small" wrap style={{ marginTop: 4 }}>
        {definition.scales.map((scale) => {
          const r = result.scales[scale.id];
          return (
            <Tag key={scale.id}>
              {t('common.labelled', { label: text(scale.names), value: r?.score ?? '—' })}
              {r?.band ? ` · ${t(r.band.labelKey)}` : ''}
            </Tag>
          );
        })}
      </Flex>
    </div>
  );
}

/** Which answer raised the alert: the item's number and text, and the option the student chose. */
function RaisedBy({ alert, form, definition }: { alert: AlertView; form: FormView; definition: ScaleDefinition }) {
  const { t } = useTranslation();
  const text = useLocalized();
  if (alert.items.length === 0) return <Typography.Text>{t('administer.kiosk.alertItems', { numbers: itemNumbers(definition, alert.items) })}</Typography.Text>;
  return (
    <Flex vertical>
      {alert.items.map((itemId) => {
        const item = definition.items.find((i) => i.id === itemId);
        const code = form.answers[itemId];
        const option = code === undefined ? undefined : optionsOf(definition, itemId).find((o) => o.code === code);
        return (
          <Typography.Text key={itemId}>
            {t('administer.kiosk.raisedBy', { number: item?.number ?? itemId, item: item ? text(item.text) : '', answer: option ? text(option.text) || option.code : (code ?? '—') })}
          </Typography.Text>
        );
      })}
    </Flex>
  );
}

/** Finishing or leaving a form: what happens once any open critical or urgent alert is dealt with. */
type Pending = 'finish' | 'leave' | null;

/**
 * What the counselor sees once unlocked: the score so far and the alerts this form raised, with the
 * answer behind each (to record what was done), then whether the student goes on, the form is
 * finished or voided, or the kiosk is left for now. Finishing or leaving with an open critical or
 * urgent alert asks first.
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
  const [pending, setPending] = useState<Pending>(null);
  const form = call.data;
  const openPressing = form ? unhandledPressing(form.alerts) : [];
  /** Finishing or leaving goes ahead at once unless an alert is still open. */
  const attempt = (what: Exclude<Pending, null>) => {
    if (openPressing.length > 0) setPending(what);
    else if (what === 'finish') void finish();
    else onExit();
  };

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
          <ScoreSoFar form={form} definition={definition} />
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
                  <RaisedBy alert={a} form={form} definition={definition} />
                </Flex>
              </List.Item>
            )}
          />
          <Flex gap="small" wrap justify="end">
            {form.status === 'inProgress' ? (
              <>
                <Button onClick={() => attempt('leave')}>{t('administer.kiosk.leave')}</Button>
                <Button danger onClick={() => setVoiding(true)}>
                  {t('administer.void')}
                </Button>
                {/* Once every item is answered, finishing is what comes next; before, the student goes on. */}
                <Button type={answered >= definition.items.length ? 'default' : 'primary'} onClick={() => onContinue(form)}>
                  {t('administer.kiosk.continue')}
                </Button>
                <Button type={answered >= definition.items.length ? 'primary' : 'default'} onClick={() => attempt('finish')} loading={busy}>
                  {t('administer.kiosk.finish')}
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
      <UnhandledAlertsPrompt
        alerts={pending ? openPressing : []}
        context="kiosk"
        onCancel={() => {
          setPending(null);
          call.reload();
        }}
        onProceed={() => {
          const what = pending;
          setPending(null);
          if (what === 'finish') void finish();
          else onExit();
        }}
      />
    </Card>
  );
}
