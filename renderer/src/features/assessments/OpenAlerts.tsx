import { Alert, App, Button, Card, Flex, Form, Input, List, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_ACTIONS, assessmentsApi, type AlertView } from '../../../../shared/api/assessments';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { PersonName, useShownName } from '../../components/PersonName';
import { errorMessage } from '../../lib/errors';
import { useFormatInstant } from '../../lib/time';
import { useCall } from '../../lib/useCall';
import { maxLengthOf, zodRule } from '../../lib/zodForm';

const fields = assessmentsApi['alerts.acknowledge'].input.shape;
const openAlerts = () => api.alerts.open({});

type Acknowledgement = { action: AlertView['action']; note: string };

/** 待处理预警 on 我的个案: every alert stays here, critical first, until someone records what was done. */
export function OpenAlerts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shown = useShownName();
  const format = useFormatInstant();
  const call = useCall(openAlerts, {});
  const [handling, setHandling] = useState<AlertView | null>(null);
  const items = call.data?.items ?? [];

  const acknowledge = async ({ action, note }: Acknowledgement) => {
    if (!handling || !action) return;
    await api.alerts.acknowledge({ id: handling.id, action, note });
    void message.success(t('assessments.alerts.done'));
    setHandling(null);
    call.reload();
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
            <List.Item key={a.id} actions={[<Button key="ack" size="small" onClick={() => setHandling(a)}>{t('assessments.alerts.acknowledge')}</Button>]}>
              <Flex gap="small" wrap align="center">
                <Tag color={a.severity === 'critical' ? 'red' : a.severity === 'urgent' ? 'orange' : undefined}>{t(`assessments.severity.${a.severity}`)}</Tag>
                <PersonName name={a.studentName} />
                <Typography.Text>{a.scaleId.toUpperCase()}</Typography.Text>
                <Typography.Text type="secondary">{t('assessments.alerts.raised', { time: format(a.raisedAt, 'MM-DD HH:mm') })}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <FormModal<Acknowledgement>
        open={handling !== null}
        title={t('assessments.alerts.ackTitle', { name: handling ? shown(handling.studentName) : '' })}
        okText={t('common.save')}
        initialValues={{ action: null, note: '' }}
        onSubmit={acknowledge}
        onClose={() => setHandling(null)}
      >
        <Typography.Paragraph type="secondary">{t('assessments.alerts.explain')}</Typography.Paragraph>
        <Form.Item name="action" label={t('assessments.alerts.action')} rules={[zodRule(fields.action)]}>
          <Radio.Group options={ALERT_ACTIONS.map((value) => ({ value, label: t(`assessments.action.${value}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('assessments.alerts.note')} rules={[zodRule(fields.note)]}>
          <Input.TextArea rows={3} maxLength={maxLengthOf(fields.note)} showCount />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
