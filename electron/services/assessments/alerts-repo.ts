import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AlertView } from '../../../shared/api/assessments';
import { uuidv7 } from '../../../shared/ids';
import type { FiredAlert } from '../../../shared/domain/scales';
import { stmt } from '../../db/statements';

const SELECT_ALERT = `
  SELECT a.id, a.form_id AS formId, a.student_id AS studentId, s.name AS studentName, a.scale_id AS scaleId, a.alert_id AS alertId,
    a.items_json AS itemsJson, a.severity, a.raised_at AS raisedAt, a.acknowledged_at AS acknowledgedAt,
    a.acknowledged_by AS acknowledgedBy, u.display_name AS acknowledgedByName, a.action, a.note, a.case_id AS caseId, a.appointment_id AS appointmentId,
    (SELECT max(d.deferred_at) FROM alert_deferrals d WHERE d.alert_id = a.id) AS deferredAt
  FROM alerts a JOIN students s ON s.id = a.student_id LEFT JOIN users u ON u.id = a.acknowledged_by`;

type AlertRow = Omit<AlertView, 'items'> & { itemsJson: string };

const view = ({ itemsJson, ...row }: AlertRow): AlertView => ({ ...row, items: JSON.parse(itemsJson) as string[] });

export function getAlert(db: Database, id: string): AlertView | null {
  const row = stmt(db, `${SELECT_ALERT} WHERE a.id = ?`).get(id) as AlertRow | undefined;
  return row ? view(row) : null;
}

export function alertsOfForm(db: Database, formId: string): AlertView[] {
  return (stmt(db, `${SELECT_ALERT} WHERE a.form_id = ? ORDER BY a.raised_at, a.id`).all(formId) as AlertRow[]).map(view);
}

/** Critical first, then the oldest: the one that has waited longest for a person comes first. */
export function openAlerts(db: Database): AlertView[] {
  return (
    stmt(db, `${SELECT_ALERT} WHERE a.acknowledged_at IS NULL ORDER BY a.severity = 'critical' DESC, a.raised_at, a.id`).all() as AlertRow[]
  ).map(view);
}

/** Stores the fired alerts this form has not raised before; returns the new rows' ids. */
export function raiseAlerts(db: Database, form: { id: string; studentId: string; scaleId: string }, fired: readonly FiredAlert[], now: number): string[] {
  return fired.flatMap((a) => {
    const id = uuidv7(now);
    const r = stmt(
      db,
      `INSERT INTO alerts (id, form_id, student_id, scale_id, alert_id, severity, items_json, raised_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (form_id, alert_id) DO NOTHING`,
    ).run(id, form.id, form.studentId, form.scaleId, a.id, a.severity, JSON.stringify(a.items), now);
    return r.changes > 0 ? [id] : [];
  });
}

/**
 * Once: an acknowledged alert is read-only (a trigger), so the case it was handed to (or the appointment
 * booked) is linked in the same update. `on` is the school day it was handled, where the student's archive shows it.
 */
export function acknowledgeAlert(
  db: Database,
  id: string,
  a: { userId: string; action: string; note: string; caseId?: string | undefined; appointmentId?: string | undefined; on: string },
  now: number,
): void {
  stmt(db, 'UPDATE alerts SET acknowledged_at = ?, acknowledged_on = ?, acknowledged_by = ?, action = ?, note = ?, case_id = ?, appointment_id = ? WHERE id = ?').run(
    now,
    a.on,
    a.userId,
    a.action,
    a.note,
    a.caseId ?? null,
    a.appointmentId ?? null,
    id,
  );
}

export function deferAlert(db: Database, id: string, a: { userId: string; context: string }, now: number): void {
  stmt(db, 'INSERT INTO alert_deferrals (id, alert_id, deferred_by, deferred_at, context) VALUES (?, ?, ?, ?, ?)').run(uuidv7(now), id, a.userId, now, a.context);
}

export function anyCritical(db: Database, ids: readonly string[]): boolean {
  return stmt(db, `SELECT 1 FROM alerts WHERE severity = 'critical' AND id IN (SELECT value FROM json_each(?)) LIMIT 1`).get(JSON.stringify(ids)) !== undefined;
}

/** Alert ids (the definition's, such as phq9_item9) already raised by these forms. */
export function alertIdsOfForms(db: Database, formIds: readonly string[]): Set<string> {
  const rows = stmt(db, 'SELECT DISTINCT alert_id AS alertId FROM alerts WHERE form_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(formIds)) as { alertId: string }[];
  return new Set(rows.map((r) => r.alertId));
}
