import { Alert, App, Button, Card, Flex, Form, Input, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assessmentsApi, type AlertView } from '../../../../shared/api/assessments';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { PersonName, useShownName } from '../../components/PersonName';
import { errorMessage } from '../../lib/errors';
import { useFormatInstant } from '../../lib/time';
import { useCall } from '../../lib/useCall';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useNav } from '../../stores/nav';
import { AcknowledgeAlertModal } from './AcknowledgeAlertModal';
import { SEVERITY_COLORS } from './scaleLabels';

const handOffNote = assessmentsApi['alerts.openCrisisCase'].input.shape.note;
const openAlerts = () => api.alerts.open({});

/**
 * An alert raised on the kiosk must reach this screen while the student is still in the room: the
 * list asks again every few seconds, and at once when the window comes back to the front.
 */
const POLL_MS = 5000;

/** 待处理预警 on 我的个案: every alert stays here, critical first, until someone records what was done. */
export function OpenAlerts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shown = useShownName();
  const format = useFormatInstant();
  const open = useNav((s) => s.open);
  const call = useCall(openAlerts, {});
  const [handling, setHandling] = useState<AlertView | null>(null);
  const [handingOff, setHandingOff] = useState<AlertView | null>(null);
  const items = call.data?.items ?? [];
  const { reload } = call;

  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    window.addEventListener('focus', reload);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', reload);
    };
  }, [reload]);

  const handOff = async ({ note }: { note: string }) => {
    if (!handingOff) return;
    const { caseId } = await api.alerts.openCrisisCase({ id: handingOff.id, note });
    void message.success(t('handOff.done'));
    setHandingOff(null);
    open({ kind: 'case', id: caseId });
  };

  return (
    <Card size="small" title={t('assessments.alerts.title', { count: items.length })} style={{ flex: '1 1 420px' }} loading={call.loading && !call.data}>
      {call.error !== undefined ? (
        <Alert type="error" showIcon title={errorMessage(call.error)} />
      ) : (
        <List<AlertView>
          size="small"
          dataSource={items}
          locale={{ emptyText: t('assessments.alerts.none') }}
          renderItem={(a) => (
            <List.Item
              key={a.id}
              actions={[
                a.severity !== 'followup' && (
                  <Button key="handOff" size="small" danger onClick={() => setHandingOff(a)}>
                    {t('handOff.button')}
                  </Button>
                ),
                <Button key="ack" size="small" onClick={() => setHandling(a)}>
                  {t('assessments.alerts.acknowledge')}
                </Button>,
              ]}
            >
              <Flex gap="small" wrap align="center">
                <Tag color={SEVERITY_COLORS[a.severity]}>{t(`assessments.severity.${a.severity}`)}</Tag>
                <PersonName name={a.studentName} />
                <Typography.Text>{a.scaleId.toUpperCase()}</Typography.Text>
                <Typography.Text type="secondary">{t('assessments.alerts.raised', { time: format(a.raisedAt, 'MM-DD HH:mm') })}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <AcknowledgeAlertModal
        alert={handling}
        onClose={() => setHandling(null)}
        onDone={() => {
          setHandling(null);
          reload();
        }}
      />
      <FormModal<{ note: string }>
        open={handingOff !== null}
        title={t('handOff.title', { name: handingOff ? shown(handingOff.studentName) : '' })}
        okText={t('handOff.ok')}
        danger
        initialValues={{ note: '' }}
        onSubmit={handOff}
        onClose={() => setHandingOff(null)}
      >
        <Typography.Paragraph type="secondary">{t('handOff.explain')}</Typography.Paragraph>
        <Form.Item name="note" label={t('handOff.note')} rules={[zodRule(handOffNote)]}>
          <Input.TextArea rows={3} maxLength={maxLengthOf(handOffNote)} showCount />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
