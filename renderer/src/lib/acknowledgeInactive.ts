import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { toApiError } from './errors';

/** The CONFLICTs the core answers when new work is started for a graduated or transferred student. */
const INACTIVE_KEYS = new Set(['errors.case.studentInactive', 'errors.student.inactive']);

export function isInactiveConflict(err: unknown): boolean {
  const error = toApiError(err);
  return error.code === 'CONFLICT' && INACTIVE_KEYS.has(error.messageKey);
}

/**
 * Runs a call that the core refuses for an inactive student until it is acknowledged: the
 * first try goes without, so an active student is never asked; on the refusal `ask` decides.
 * Resolves to undefined when the counselor declines.
 */
export async function withInactiveAcknowledgement<T>(call: (acknowledgeInactive: boolean) => Promise<T>, ask: () => Promise<boolean>): Promise<T | undefined> {
  try {
    return await call(false);
  } catch (err) {
    if (!isInactiveConflict(err) || !(await ask())) {
      if (isInactiveConflict(err)) return undefined;
      throw err;
    }
    return call(true);
  }
}

/** The question asked before new work for a graduated or transferred student. */
export function useAskInactive(): () => Promise<boolean> {
  const { modal } = App.useApp();
  const { t } = useTranslation();
  return () =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: t('counseling.cases.inactiveTitle'),
        content: t('counseling.cases.inactiveBody'),
        okText: t('common.ok'),
        cancelText: t('common.cancel'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
}
