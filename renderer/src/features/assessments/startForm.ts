import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormView } from '../../../../shared/api/assessments';
import type { InputOf } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { toApiError } from '../../lib/errors';

export type StartInput = Omit<InputOf<'assessments.start'>, 'acknowledgeIneligible'>;

/** The refusal the counselor may overrule: outside the scale's age or grade range, enforced as 'warn'. */
function isIneligibleWarning(err: unknown): boolean {
  const e = toApiError(err);
  const details = e.details !== undefined && !Array.isArray(e.details) ? e.details : {};
  return e.code === 'CONFLICT' && e.messageKey === 'errors.assessment.ineligible' && details.enforcement === 'warn';
}

/**
 * Starts a form. The first try never acknowledges ineligibility, so the counselor is asked only
 * when the core says the student is outside the scale's range; declining resolves to undefined.
 * Other refusals (no consent, a blocked range) are thrown for the caller to show.
 */
export function useStartForm(): (input: StartInput) => Promise<FormView | undefined> {
  const { modal } = App.useApp();
  const { t } = useTranslation();
  const ask = () =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: t('administer.ineligibleTitle'),
        content: t('administer.ineligibleBody'),
        okText: t('administer.start'),
        cancelText: t('common.cancel'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
  return async (input) => {
    try {
      return await api.assessments.start({ ...input, acknowledgeIneligible: false });
    } catch (err) {
      if (!isIneligibleWarning(err)) throw err;
      return (await ask()) ? api.assessments.start({ ...input, acknowledgeIneligible: true }) : undefined;
    }
  };
}
