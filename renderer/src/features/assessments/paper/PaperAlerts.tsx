import { Alert, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertView } from '../../../../../shared/api/assessments';
import type { ScaleDefinition } from '../../../../../shared/domain/scales/definition';
import { useShownName } from '../../../components/PersonName';
import { AcknowledgeAlertModal } from '../AcknowledgeAlertModal';
import { itemNumbers } from '../useScaleDefinition';

/**
 * Alerts raised while typing, each the moment its keystroke was stored: named student and item,
 * loud (role="alert"), and handled here or on the home screen; entry goes on meanwhile. The banner
 * sticks to the top of the scrolling dialog, so it stays in view down a long class until handled.
 */
export function PaperAlerts({ alerts, definition, onHandled }: { alerts: readonly AlertView[]; definition: ScaleDefinition; onHandled(done: AlertView): void }) {
  const { t } = useTranslation();
  const shown = useShownName();
  const [handling, setHandling] = useState<AlertView | null>(null);
  if (alerts.length === 0 && !handling) return null;
  return (
    <Flex vertical gap="small" className="paper-alerts">
      {alerts.map((a) => (
        <Alert
          key={a.id}
          type={a.severity === 'followup' ? 'warning' : 'error'}
          showIcon
          role="alert"
          title={t('administer.paper.alert', { severity: t(`assessments.severity.${a.severity}`), name: shown(a.studentName), numbers: itemNumbers(definition, a.items) })}
          description={t('administer.paper.alertHint')}
          action={
            <Button danger type="primary" onClick={() => setHandling(a)}>
              {t('administer.kiosk.acknowledge')}
            </Button>
          }
        />
      ))}
      <AcknowledgeAlertModal
        alert={handling}
        onClose={() => setHandling(null)}
        onDone={(done) => {
          setHandling(null);
          onHandled(done);
        }}
      />
    </Flex>
  );
}
