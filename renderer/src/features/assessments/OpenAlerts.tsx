import { Alert, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertView } from '../../../../shared/api/assessments';
import { PersonName } from '../../components/PersonName';
import { errorMessage } from '../../lib/errors';
import { useFormatInstant } from '../../lib/time';
import { useOpenAlerts } from '../../stores/alerts';
import { useNav } from '../../stores/nav';
import { AcknowledgeAlertModal } from './AcknowledgeAlertModal';
import { CrisisHandOffModal } from './CrisisHandOffModal';
import { SEVERITY_COLORS, useScales } from './scaleLabels';

/**
 * 待处理预警 on 我的个案: every alert stays here, critical first, until someone records what was
 * done. The list is the shell's (refreshed every few seconds while unlocked), the same one the
 * badge and the banner show.
 */
export function OpenAlerts() {
  const { t } = useTranslation();
  const format = useFormatInstant();
  const { title } = useScales();
  const open = useNav((s) => s.open);
  const loaded = useOpenAlerts((s) => s.items);
  const error = useOpenAlerts((s) => s.error);
  const [handling, setHandling] = useState<AlertView | null>(null);
  const [handingOff, setHandingOff] = useState<AlertView | null>(null);
  const items = loaded ?? [];

  return (
    <Card size="small" title={t('assessments.alerts.title', { count: items.length })} style={{ flex: '1 1 420px' }} loading={loaded === null && error === undefined}>
      {error !== undefined && loaded === null ? (
        <Alert type="error" showIcon title={errorMessage(error)} />
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
                <Typography.Text>{title(a.scaleId)}</Typography.Text>
                <Typography.Text type="secondary">{t('assessments.alerts.raised', { time: format(a.raisedAt, 'MM-DD HH:mm') })}</Typography.Text>
                {a.deferredAt !== null ? <Tag>{t('assessments.alerts.deferred', { time: format(a.deferredAt, 'MM-DD HH:mm') })}</Tag> : null}
              </Flex>
            </List.Item>
          )}
        />
      )}
      <AcknowledgeAlertModal alert={handling} onClose={() => setHandling(null)} onDone={() => setHandling(null)} />
      <CrisisHandOffModal
        alert={handingOff}
        onClose={() => setHandingOff(null)}
        onDone={(caseId) => {
          setHandingOff(null);
          open({ kind: 'case', id: caseId });
        }}
      />
    </Card>
  );
}
