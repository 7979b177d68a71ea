import type { Database } from 'better-sqlite3-multiple-ciphers';
import { GETTING_STARTED_STEPS, type GettingStartedStep, type GettingStartedView } from '../../../shared/api/getting-started';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { activeStudentCount } from '../roster/students';
import { roomsWithOpeningsCount } from '../schedule/rooms';
import { termCount } from '../schedule/school-calendar';
import { readSetting, writeSetting } from './settings-store';
import { listUsers } from './users-repo';

const DISMISSED = 'gettingStartedDismissed';

/** What the archive holds now for each step: asked on every call, so a step ticks as soon as it is done. */
const COUNTS: Record<GettingStartedStep, (db: Database) => number> = {
  calendar: termCount,
  rooms: roomsWithOpeningsCount,
  roster: activeStudentCount,
  principal: (db) => listUsers(db).filter((u) => u.role === 'principal' && !u.disabled).length,
};

function view(db: Database): GettingStartedView {
  return {
    dismissed: readSetting(db, DISMISSED, false),
    steps: GETTING_STARTED_STEPS.map((id) => {
      const count = COUNTS[id](db);
      return { id, count, done: count > 0 };
    }),
  };
}

export const gettingStartedHandlers: HandlerMap<'app.gettingStarted' | 'app.dismissGettingStarted'> = {
  'app.gettingStarted': dbHandler<'app.gettingStarted'>({ run: ({ db }) => view(db) }),
  'app.dismissGettingStarted': dbHandler<'app.dismissGettingStarted'>({
    run: (ctx, input) => {
      writeSetting(ctx.db, DISMISSED, input.dismissed);
      ctx.audit = { targetType: 'settings', targetId: null, details: { changed: [DISMISSED], dismissed: input.dismissed } };
      return view(ctx.db);
    },
  }),
};
