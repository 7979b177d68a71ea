import { dbHandler, type HandlerMap } from '../../core/handler';
import { CounselError } from '../../../shared/api/errors';
import { SETTING_DEFAULTS, readIdleLockMinutes, readPrincipalEditsRooms, readSchool, readSetting, readTrashRetentionDays, writeSetting } from './settings-store';
import type { Database } from 'better-sqlite3-multiple-ciphers';

function view(db: Database) {
  return {
    school: readSchool(db),
    idleLockMinutes: readIdleLockMinutes(db),
    privacyMask: readSetting(db, 'privacyMask', SETTING_DEFAULTS.privacyMask),
    caseloadNotSeenDays: readSetting(db, 'caseloadNotSeenDays', SETTING_DEFAULTS.caseloadNotSeenDays),
    trashRetentionDays: readTrashRetentionDays(db),
    principalEditsRooms: readPrincipalEditsRooms(db),
  };
}

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.update'> = {
  'settings.get': dbHandler<'settings.get'>({ run: ({ db }) => view(db) }),
  'settings.update': dbHandler<'settings.update'>({
    run: (ctx, input) => {
      const { db } = ctx;
      // How long deleted clinical notes stay recoverable, and whether the principal may change the
      // room's hours, are the counselors' call: a principal cannot grant themselves either.
      for (const key of ['trashRetentionDays', 'principalEditsRooms'] as const) {
        if (input[key] !== undefined && ctx.actor.role !== 'counselor') throw new CounselError('FORBIDDEN', 'errors.settings.counselorOnly', { path: key });
      }
      const changed = Object.entries(input).filter(([, v]) => v !== undefined).map(([k]) => k);
      for (const key of changed) writeSetting(db, key, input[key as keyof typeof input]);
      ctx.audit = { targetType: 'settings', targetId: null, details: { changed } };
      return view(db);
    },
  }),
};
