import { CounselError } from '../../../shared/api/errors';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { invalid } from '../common/validation';
import { getTask, insertTask, listTasks, resultsOf, updateTask } from './compliance-repo';
import { itemStatus } from '../../../shared/domain/compliance/evaluate';
import { packOfRun, requireItem, requireRun, taskViewIn } from './runs';

type TaskMethods = 'compliance.tasks' | 'compliance.saveTask';

const NO_RESULTS = new Map();

export const taskHandlers: HandlerMap<TaskMethods> = {
  'compliance.tasks': dbHandler<'compliance.tasks'>({
    run: ({ db }, input) => ({ items: listTasks(db, input.packId ?? null).map((t) => taskViewIn(t, null, NO_RESULTS)) }),
  }),

  'compliance.saveTask': dbHandler<'compliance.saveTask'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const { title, owner, dueDate, status } = input;
      if (input.id !== undefined) {
        const before = getTask(db, input.id);
        if (!before) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'id', id: input.id });
        updateTask(db, before.id, { title, owner, dueDate, status }, now);
        ctx.audit = { targetType: 'complianceTask', targetId: before.id, details: { itemId: before.itemId, status } };
        return taskViewIn(getTask(db, before.id)!, null, NO_RESULTS);
      }
      if (input.runId === undefined) throw invalid('runId', 'errors.field.required');
      if (input.itemId === undefined) throw invalid('itemId', 'errors.field.required');
      const run = requireRun(db, input.runId, 'runId');
      const item = requireItem(packOfRun(run), input.itemId);
      const r = resultsOf(db, run.id).get(item.id);
      const status_ = itemStatus(r?.autoStatus ?? null, r?.attestation ?? null);
      if (status_ !== 'fail' && status_ !== 'partial') throw invalid('itemId', 'errors.compliance.itemNotFailing', { itemId: item.id });
      const id = insertTask(db, { packId: run.packId, itemId: item.id, fromRunId: run.id, title, owner, dueDate, status, userId: ctx.actor.userId }, now);
      ctx.audit = { targetType: 'complianceTask', targetId: id, details: { runId: run.id, itemId: item.id } };
      return taskViewIn(getTask(db, id)!, null, NO_RESULTS);
    },
  }),
};
