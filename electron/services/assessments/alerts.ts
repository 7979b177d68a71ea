import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AlertView } from '../../../shared/api/assessments';
import { CounselError } from '../../../shared/api/errors';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { acknowledgeAlert, deferAlert, getAlert, openAlerts } from './alerts-repo';
import { getForm } from './assessments-repo';
import { requireDefinition } from './scales';
import type { ScaleDefinition } from '../../../shared/domain/scales';
import { afterAlertsRaised } from './campaign-hooks';
import { advanceTriageFromReview, setTriageState, type TriageState } from './campaigns-repo';
import { insertCase } from '../counseling/cases';
import { attachCrisis, tierOfSeverity } from '../crisis/attach';
import { requireAppointment } from '../schedule/appointments';
import { invalid } from '../common/validation';
import { indexNote } from '../counseling/search';
import { schoolDate } from '../common/clinical';

type AlertMethods = 'alerts.open' | 'alerts.get' | 'alerts.acknowledge' | 'alerts.defer' | 'alerts.openCrisisCase';

/**
 * Handles the alert once, on the school day it happens, and puts a handling note into the notes
 * search in the same transaction.
 */
function handle(db: Database, alert: AlertView, a: { userId: string; action: string; note: string; caseId?: string; appointmentId?: string | undefined }, now: number): void {
  const on = schoolDate(db, now);
  acknowledgeAlert(db, alert.id, { ...a, on }, now);
  if (a.note.trim() !== '') indexNote(db, 'alert', alert.id, a.note, on);
}

/** What a handling already done means for the student's triage entry; a booked talk has not happened yet. */
const TRIAGE_AFTER: Partial<Record<AlertView['action'] & string, TriageState>> = { talkedNow: 'interviewed', referred: 'referred' };

/**
 * "Appointment booked" names a live booking of this student, so the record never claims a talk that
 * is not in the schedule; any other action links none.
 */
function checkAppointment(db: Database, alert: AlertView, action: string, appointmentId: string | undefined): void {
  if (action !== 'appointmentBooked') {
    if (appointmentId !== undefined) throw invalid('appointmentId', 'errors.alert.appointmentOnlyWhenBooked');
    return;
  }
  if (appointmentId === undefined) throw invalid('appointmentId', 'errors.alert.appointmentRequired');
  const a = requireAppointment(db, appointmentId, 'appointmentId');
  if (a.studentId !== alert.studentId || a.status === 'cancelled') throw invalid('appointmentId', 'errors.alert.appointmentNotOfStudent');
}

/** Makes sure the campaign's triage entry exists at the alert's priority before it is moved on. */
function triagedForm(db: Database, alert: AlertView, now: number) {
  const form = getForm(db, alert.formId)!;
  if (form.campaignId !== null) afterAlertsRaised(db, form, [alert.id], now);
  return form;
}

/**
 * What raised the alert in the words of the paper form, for the case's 来源 (PHQ-9 第 9 题, or for a
 * score alert the rule as the scale states it: PHQ-9 总分在20分及以上), never the definition's ids.
 * Stored in Chinese like the rest of the record a counselor writes.
 */
export function alertSource(def: ScaleDefinition, alert: Pick<AlertView, 'alertId' | 'items'>): string {
  if (alert.items.length > 0) {
    const numbers = alert.items.map((id) => def.items.find((i) => i.id === id)?.number || id);
    return `${def.shortName} 第 ${numbers.join('、')} 题`;
  }
  const message = def.alerts?.find((a) => a.id === alert.alertId)?.message['zh-CN'] ?? '';
  const rule = message.split(/[：:。]/)[0]!.trim();
  return rule === '' ? def.shortName : `${def.shortName} ${rule}`;
}

/** An alert not yet acknowledged: acknowledged once, since what happened afterwards belongs to the case. */
function requireOpenAlert(db: Database, id: string): AlertView {
  const alert = getAlert(db, id);
  if (!alert) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'id', id });
  if (alert.acknowledgedAt !== null) throw new CounselError('CONFLICT', 'errors.alert.acknowledged', { path: 'id', id: alert.id, acknowledgedAt: alert.acknowledgedAt });
  return alert;
}

export const alertHandlers: HandlerMap<AlertMethods> = {
  'alerts.open': dbHandler<'alerts.open'>({
    run: ({ db }) => ({ items: openAlerts(db) }),
  }),

  'alerts.get': dbHandler<'alerts.get'>({
    run: (ctx, input) => {
      const alert = getAlert(ctx.db, input.id);
      if (!alert) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'id', id: input.id });
      ctx.audit = { targetType: 'alert', targetId: alert.id, details: { formId: alert.formId, studentId: alert.studentId } };
      return alert;
    },
  }),

  'alerts.acknowledge': dbHandler<'alerts.acknowledge'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const alert = requireOpenAlert(db, input.id);
      if (input.action === 'crisisCase') throw invalid('action', 'errors.alert.useCrisisCase');
      checkAppointment(db, alert, input.action, input.appointmentId);
      handle(db, alert, { userId: actor.userId, action: input.action, note: input.note, appointmentId: input.appointmentId }, now);
      const form = triagedForm(db, alert, now);
      const state = TRIAGE_AFTER[input.action];
      if (form.campaignId !== null && state) advanceTriageFromReview(db, { campaignId: form.campaignId, studentId: form.studentId, state, userId: actor.userId }, now);
      ctx.audit = {
        targetType: 'alert',
        targetId: alert.id,
        details: { formId: alert.formId, studentId: alert.studentId, action: input.action, ...(input.appointmentId ? { appointmentId: input.appointmentId } : {}) },
      };
      return getAlert(db, alert.id)!;
    },
  }),

  'alerts.defer': dbHandler<'alerts.defer'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const alert = requireOpenAlert(db, input.id);
      deferAlert(db, alert.id, { userId: actor.userId, context: input.context }, now);
      ctx.audit = { targetType: 'alert', targetId: alert.id, details: { formId: alert.formId, studentId: alert.studentId, severity: alert.severity, context: input.context } };
      return getAlert(db, alert.id)!;
    },
  }),

  // The hand-off gives the case its crisis details (red for a critical alert) in the same transaction; the six steps live with the case.
  'alerts.openCrisisCase': dbHandler<'alerts.openCrisisCase'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const alert = requireOpenAlert(db, input.id);
      const form = getForm(db, alert.formId)!;
      const caseId = insertCase(
        db,
        {
          clientKind: 'student',
          studentId: alert.studentId,
          clientLabel: '',
          source: 'screening',
          sourceNote: alertSource(requireDefinition(db, alert.scaleId, form.version, 'id').definition, alert),
          appointmentId: null,
          categories: ['crisis'],
          goals: '',
          openedOn: schoolDate(db, now),
          counselorId: actor.userId,
          createdBy: actor.userId,
        },
        now,
      );
      attachCrisis(
        db,
        { caseId, ownerId: actor.userId, source: 'screening', sourceAlertId: alert.id, tier: tierOfSeverity(alert.severity), reason: input.note.split('\n')[0]!.slice(0, 200), openedOn: schoolDate(db, now) },
        now,
      );
      handle(db, alert, { userId: actor.userId, action: 'crisisCase', note: input.note, caseId }, now);
      triagedForm(db, alert, now);
      if (form.campaignId !== null) {
        setTriageState(db, { campaignId: form.campaignId, studentId: form.studentId, state: 'caseOpened', note: null, caseId, userId: actor.userId }, now);
      }
      ctx.audit = { targetType: 'alert', targetId: alert.id, details: { formId: alert.formId, studentId: alert.studentId, caseId, campaignId: form.campaignId } };
      return { alert: getAlert(db, alert.id)!, caseId };
    },
  }),
};
