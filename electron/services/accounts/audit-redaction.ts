import type { AuditRow } from '../../../shared/api/audit';

/**
 * A principal's view of the audit log: who did what and when, and how many, but no id that
 * leads to a student. Even a pseudonymous id would let one student be followed from a 危急
 * alert to a crisis case to an archive export, so every id in a row is replaced by its kind
 * ("audit.redacted.student", 一名学生) unless it names something a principal sees anyway:
 * a staff account, a room, a term, a campaign…
 */

/** Kinds of target whose ids a principal already reads elsewhere (users, rooms, calendar, openings, staff, training, campaigns, compliance runs and tasks). */
const PRINCIPAL_VISIBLE_TARGETS = new Set([
  'user',
  'settings',
  'room',
  'term',
  'specialDay',
  'calendar',
  'slot',
  'exception',
  'staff',
  'training',
  'campaign',
  'scale',
  'complianceRun',
  'complianceTask',
]);

const REDACTED_KINDS = ['student', 'case', 'record', 'form', 'alert', 'contact'] as const;
type RedactedKind = (typeof REDACTED_KINDS)[number] | 'item';
export const REDACTED_LABELS = [...REDACTED_KINDS, 'item'].map((k) => `audit.redacted.${k}`);

// Any UUID, not only the v7 the app writes: an id from an import or an older version is still an id.
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** 'studentId', 'caseIds', 'formId' → the kind they hold; anything else that holds an id is just an item. */
function kindOfKey(key: string | undefined): RedactedKind {
  const stem = key?.replace(/Ids?$/, '');
  return (REDACTED_KINDS as readonly string[]).includes(stem ?? '') ? (stem as RedactedKind) : 'item';
}

function scrubString(value: string, kind: RedactedKind, keep: ReadonlySet<string>): string {
  return value.replace(UUID, (id) => (keep.has(id.toLowerCase()) ? id : `audit.redacted.${kind}`));
}

function scrub(value: unknown, key: string | undefined, keep: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return scrubString(value, kindOfKey(key), keep);
  // An array takes the kind of the key that holds it: caseIds: [a, b] → two cases, still countable.
  if (Array.isArray(value)) return value.map((v) => scrub(v, key, keep));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // An object keyed by id keeps one entry per id, so its size (a count) survives.
    let name = scrubString(k, 'item', keep);
    for (let n = 2; name !== k && name in out; n++) name = `${scrubString(k, 'item', keep)}#${n}`;
    out[name] = scrub(v, k, keep);
  }
  return out;
}

/** The row as a principal may read it; `userIds` are the staff accounts, whose ids stay. */
export function redactForPrincipal(row: AuditRow, userIds: ReadonlySet<string>): AuditRow {
  const visible = row.targetType !== null && PRINCIPAL_VISIBLE_TARGETS.has(row.targetType);
  const keep = visible && row.targetId !== null ? new Set([...userIds, row.targetId]) : userIds;
  return {
    ...row,
    targetId: visible ? row.targetId : null,
    details: row.details === null ? null : (scrub(row.details, undefined, keep) as Record<string, unknown>),
  };
}
