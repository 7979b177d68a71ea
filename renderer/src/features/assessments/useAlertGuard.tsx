import { useState, type ReactNode } from 'react';
import type { AlertView, DEFER_CONTEXTS } from '../../../../shared/api/assessments';
import { pressing, useOpenAlerts } from '../../stores/alerts';
import { UnhandledAlertsPrompt } from './UnhandledAlertsPrompt';

/**
 * Closing a paper grid: asks first while a critical or urgent alert of one of its students is
 * open. The list is read from the core at that moment, not from the last poll, so an alert raised
 * by the keystroke just before is never missed.
 */
export function useAlertGuard(studentIds: readonly string[], context: (typeof DEFER_CONTEXTS)[number], onClosed: () => void): { requestClose(): void; prompt: ReactNode } {
  const [asking, setAsking] = useState<AlertView[]>([]);
  const requestClose = () => {
    void (async () => {
      await useOpenAlerts.getState().refresh();
      const open = pressing(useOpenAlerts.getState().items).filter((a) => studentIds.includes(a.studentId));
      if (open.length > 0) setAsking(open);
      else onClosed();
    })();
  };
  const prompt = (
    <UnhandledAlertsPrompt
      alerts={asking}
      context={context}
      onCancel={() => setAsking([])}
      onProceed={() => {
        setAsking([]);
        onClosed();
      }}
    />
  );
  return { requestClose, prompt };
}
