import { CounselError } from '../../shared/api/errors';
import { dbHandler, type HandlerMap } from '../core/handler';
import { acknowledgeAlert, getAlert, openAlerts } from './alerts-repo';

type AlertMethods = 'alerts.open' | 'alerts.acknowledge';

export const alertHandlers: HandlerMap<AlertMethods> = {
  'alerts.open': dbHandler<'alerts.open'>({
    run: ({ db }) => ({ items: openAlerts(db) }),
  }),

  // Once: what happened afterwards belongs to the case, not to a rewritten acknowledgement.
  'alerts.acknowledge': dbHandler<'alerts.acknowledge'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const alert = getAlert(db, input.id);
      if (!alert) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'id', id: input.id });
      if (alert.acknowledgedAt !== null) throw new CounselError('CONFLICT', 'errors.alert.acknowledged', { path: 'id', id: alert.id, acknowledgedAt: alert.acknowledgedAt });
      acknowledgeAlert(db, alert.id, { userId: actor.userId, action: input.action, note: input.note }, now);
      ctx.audit = { targetType: 'alert', targetId: alert.id, details: { formId: alert.formId, studentId: alert.studentId, action: input.action } };
      return getAlert(db, alert.id)!;
    },
  }),
};
