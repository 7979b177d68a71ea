import type { Database } from 'better-sqlite3-multiple-ciphers';
import { GETTING_STARTED_STEPS, type GettingStartedStep, type GettingStartedView } from '../../../shared/api/getting-started';
import { systemHandler, type HandlerMap } from '../../core/handler';
import type { CoreState } from '../../core/state';
import { backupFolder } from '../backup/backup-state';
import { listBackups } from '../backup/backup';
import { activeStudentCount } from '../roster/students';
import { roomsWithOpeningsCount } from '../schedule/rooms';
import { termCount } from '../schedule/school-calendar';
import { sessionActor } from './session';
import { readSetting, writeSetting } from './settings-store';
import { listUsers } from './users-repo';

const DISMISSED = 'gettingStartedDismissed';

/**
 * What the archive holds now for each step: asked on every call, so a step ticks as soon as it is done.
 * Backups are files beside the archive rather than rows in it, so a step reads the core, not only the database.
 */
const COUNTS: Record<GettingStartedStep, (db: Database, core: CoreState) => number> = {
  calendar: termCount,
  rooms: roomsWithOpeningsCount,
  roster: activeStudentCount,
  principal: (db) => listUsers(db).filter((u) => u.role === 'principal' && !u.disabled).length,
  backup: (_db, core) => listBackups(backupFolder(core.dataDir)).length,
};

function view(core: CoreState): GettingStartedView {
  const db = core.requireDb();
  return {
    dismissed: readSetting(db, DISMISSED, false),
    steps: GETTING_STARTED_STEPS.map((id) => {
      const count = COUNTS[id](db, core);
      return { id, count, done: count > 0 };
    }),
  };
}

// System handlers because the backup step reads the backup folder, which only the core knows.
export const gettingStartedHandlers: HandlerMap<'app.gettingStarted' | 'app.dismissGettingStarted'> = {
  'app.gettingStarted': systemHandler<'app.gettingStarted'>(({ core }) => view(core)),
  'app.dismissGettingStarted': systemHandler<'app.dismissGettingStarted'>(({ core, conn, audit }, input) => {
    const db = core.requireDb();
    // The setting and its audit row in one transaction (the audit's own becomes a savepoint).
    db.transaction(() => {
      writeSetting(db, DISMISSED, input.dismissed);
      audit({ ...sessionActor(conn), action: 'app.dismissGettingStarted', targetType: 'settings', targetId: null, outcome: 'ok', details: { changed: [DISMISSED], dismissed: input.dismissed } });
    })();
    return view(core);
  }),
};
