import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryView, StepView } from '../../../../shared/api/crisis';
import type { CrisisTier } from '../../../../shared/domain/crisis';

/** How a step shows: overdue before anything else, an open step with entries as under way. */
export type StepShown = 'overdue' | 'inProgress' | StepView['state'];

export function stepShown(s: Pick<StepView, 'state' | 'overdue' | 'entryCount'>): StepShown {
  if (s.overdue) return 'overdue';
  if (s.state === 'open' && s.entryCount > 0) return 'inProgress';
  return s.state;
}

export const STEP_COLORS: Record<StepShown, string | undefined> = {
  overdue: 'red',
  inProgress: 'blue',
  open: 'gold',
  done: 'green',
  notApplicable: undefined,
};

/** antd's preset colours for the tiers' tags (the configured hex colours are for print and rules). */
export const TIER_COLORS: Record<CrisisTier, string> = { red: 'red', orange: 'orange', yellow: 'gold' };

/** A tier's name: the school's own when it set one, else the catalog's. */
export function useTierName(names?: Partial<Record<CrisisTier, string>>): (tier: CrisisTier) => string {
  const { t } = useTranslation();
  return useCallback((tier) => names?.[tier] || t(`crisis.tier.${tier}`), [t, names]);
}

/** Fields an entry line leaves out: they are its kind, its date or shown as the row it names. */
const HIDDEN = new Set(['id', 'kind', 'step', 'date', 'createdAt', 'createdByName', 'refLabel', 'partnerId', 'peerId', 'referralId', 'appointmentId']);
/** Entry fields whose value is one of a catalog group's codes. */
export const CODE_GROUPS: Record<string, string> = { channel: 'channel', outcome: 'noticeOutcome', decision: 'returnDecision' };

/** An entry's fields as one line each: label, then the value (codes named, empty fields left out). */
export function useEntryLines(): (e: EntryView) => string[] {
  const { t } = useTranslation();
  return (e) => [
    ...(e.refLabel ? [e.refLabel] : []),
    ...Object.entries(e)
      .filter(([k, v]) => !HIDDEN.has(k) && v !== '')
      .map(([k, v]) => t('common.labelled', { label: t(`crisis.fields.${k}`), value: CODE_GROUPS[k] ? t(`crisis.${CODE_GROUPS[k]}.${String(v)}`) : String(v) })),
  ];
}
