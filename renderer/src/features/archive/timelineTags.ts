import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/api/archive';
import { dateInZone } from '../../../../shared/domain/dates';
import { useClientSources } from '../../lib/clientSources';
import { useCodeLabels, type CodeGroup } from '../../lib/codeLabels';
import { formatInSchoolZone } from '../../lib/time';

/** Which label group a timeline tag's field names; `channel` depends on the entry (contact or disclosure). */
export function tagGroup(field: string, entry: TimelineEntry): CodeGroup | null {
  const groups: Record<string, CodeGroup> = {
    kind: 'kind',
    mode: 'mode',
    risk: 'risk',
    category: 'category',
    with: 'contactWith',
    channel: entry.kind === 'contact' ? 'contactChannel' : 'disclosureChannel',
    informed: 'party',
    scope: 'consentScope',
    party: 'consentParty',
    outcome: 'consentOutcome',
    form: 'consentForm',
    groupKind: 'groupKind',
    formMode: 'formMode',
    formStatus: 'formStatus',
  };
  return groups[field] ?? null;
}

/** Each tag of an entry as the screen and the printed copy name it. */
export function useTagLabels(): (entry: TimelineEntry) => string[] {
  const { t } = useTranslation();
  const codes = useCodeLabels();
  const sources = useClientSources();
  return useCallback(
    (entry) =>
      entry.tags.map((tag) => {
        const [field = '', value = ''] = tag.split(':');
        if (field === 'severity') return t(`assessments.severity.${value}`);
        if (field === 'action') return t(`assessments.action.${value}`);
        if (field === 'rescored') return t('counseling.archive.rescored');
        if (field === 'source') return sources.label(value);
        if (field === 'step') return t(`crisis.step.${value}`);
        if (field === 'entry') return t(`crisis.entryKind.${value}`);
        if (field === 'noticeOutcome' || field === 'returnDecision') return t(`crisis.${field}.${value}`);
        const group = tagGroup(field, entry);
        return group ? codes.label(group, value) : value;
      }),
    [t, codes, sources],
  );
}

/**
 * The entry's time of day where it is the moment of the event on its date (written, informed,
 * raised, handled); '' for an entry written on another day than the one it is dated.
 */
export function entryTime(entry: TimelineEntry, zone: string): string {
  return dateInZone(entry.at, zone) === entry.date ? formatInSchoolZone(entry.at, zone, 'HH:mm') : '';
}

/** Alerts open their own dialog (alerts.get); the rest lead to their record, case or contact. */
export function isAlertEntry(entry: TimelineEntry): boolean {
  return entry.kind === 'alertRaised' || entry.kind === 'alertHandled';
}

/** Where an entry leads: its record, its case or the contact; a consent has no page of its own. */
export function entryTarget(entry: TimelineEntry) {
  if (entry.recordId) return { kind: 'record' as const, id: entry.recordId };
  if (entry.kind === 'contact') return { kind: 'contact' as const, id: entry.id };
  if (entry.caseId) return { kind: 'case' as const, id: entry.caseId };
  return null;
}
