import { dbHandler, type HandlerMap } from '../core/handler';
import { SETTING_DEFAULTS, readIdleLockMinutes, readSchool, readSetting, writeSetting } from './settings-store';
import type { Database } from 'better-sqlite3-multiple-ciphers';

function view(db: Database) {
  return {
    school: readSchool(db),
    idleLockMinutes: readIdleLockMinutes(db),
    privacyMask: readSetting(db, 'privacyMask', SETTING_DEFAULTS.privacyMask),
    caseloadNotSeenDays: readSetting(db, 'caseloadNotSeenDays', SETTING_DEFAULTS.caseloadNotSeenDays),
  };
}

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.update'> = {
  'settings.get': dbHandler<'settings.get'>({ run: ({ db }) => view(db) }),
  'settings.update': dbHandler<'settings.update'>({
    run: (ctx, input) => {
      const { db } = ctx;
      const changed = Object.entries(input).filter(([, v]) => v !== undefined).map(([k]) => k);
      for (const key of changed) writeSetting(db, key, input[key as keyof typeof input]);
      ctx.audit = { targetType: 'settings', targetId: null, details: { changed } };
      return view(db);
    },
  }),
};
