import type { TimelineEntry } from '../../../../shared/api/archive';
import type { CodeGroup } from '../../lib/codeLabels';

/** Which label group a timeline tag's field names; `channel` depends on the entry (contact or disclosure). */
export function tagGroup(field: string, entry: TimelineEntry): CodeGroup | null {
  const groups: Record<string, CodeGroup> = {
    kind: 'kind',
    mode: 'mode',
    risk: 'risk',
    category: 'category',
    source: 'source',
    with: 'contactWith',
    channel: entry.kind === 'contact' ? 'contactChannel' : 'disclosureChannel',
    informed: 'party',
    scope: 'consentScope',
    party: 'consentParty',
    outcome: 'consentOutcome',
    form: 'consentForm',
    groupKind: 'groupKind',
  };
  return groups[field] ?? null;
}

/** Where an entry leads: its record, its case or the contact; a consent has no page of its own. */
export function entryTarget(entry: TimelineEntry) {
  if (entry.recordId) return { kind: 'record' as const, id: entry.recordId };
  if (entry.kind === 'contact') return { kind: 'contact' as const, id: entry.id };
  if (entry.caseId) return { kind: 'case' as const, id: entry.caseId };
  return null;
}
