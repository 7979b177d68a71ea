import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePrivacyMask } from '../../stores/settings';
import { pressing, useOpenAlerts } from '../../stores/alerts';
import { useFormatInstant } from '../../lib/time';
import { useScales } from './scaleLabels';

/**
 * On top of every counselor page while a critical or urgent alert is open, critical first (the
 * core's order). With the privacy mask on it says how many, never who.
 */
export function AlertBanner({ onOpen }: { onOpen(): void }) {
  const { t } = useTranslation();
  const masked = usePrivacyMask();
  const format = useFormatInstant();
  const { title } = useScales();
  const items = pressing(useOpenAlerts((s) => s.items));
  if (items.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="alert-banner"
      title={t('assessments.alerts.bannerTitle', { count: items.length })}
      description={
        <Flex vertical gap={2}>
          {items.slice(0, 3).map((a) => (
            <Typography.Text key={a.id}>
              {t('assessments.alerts.bannerItem', {
                severity: t(`assessments.severity.${a.severity}`),
                name: masked ? t('assessments.alerts.someone') : a.studentName,
                scale: title(a.scaleId),
                time: format(a.raisedAt, 'MM-DD HH:mm'),
              })}
              {a.deferredAt !== null ? ` · ${t('assessments.alerts.deferred', { time: format(a.deferredAt, 'HH:mm') })}` : ''}
            </Typography.Text>
          ))}
          {items.length > 3 ? <Typography.Text type="secondary">…</Typography.Text> : null}
        </Flex>
      }
      action={
        <Button danger type="primary" onClick={onOpen}>
          {t('assessments.alerts.bannerAction')}
        </Button>
      }
    />
  );
}
