import { z } from 'zod';
import { defineMethod } from './define';
import { empty } from './fields';
import { schoolProfile } from './session';

export const settingsView = z.object({
  school: schoolProfile,
  idleLockMinutes: z.number().int(),
  privacyMask: z.boolean(),
  /** Caseload: a student of an open case not seen in a session for this many days is listed. */
  caseloadNotSeenDays: z.number().int(),
  /** Days a soft-deleted case, draft or contact stays restorable before trash.purge may erase it. */
  trashRetentionDays: z.number().int(),
  /** Whether a principal may change rooms and their opening hours (the room is the school's, so yes by default). */
  principalEditsRooms: z.boolean(),
});
export type SettingsView = z.output<typeof settingsView>;

export const settingsApi = {
  'settings.get': defineMethod({
    summary: 'School profile and app settings.',
    input: empty,
    output: settingsView,
    roles: ['counselor', 'principal', 'district'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'settings.update': defineMethod({
    summary: 'Change the school profile, idle lock, privacy mask, the caseload’s not-seen days or (counselors only, else FORBIDDEN errors.settings.counselorOnly) the trash retention and whether principals edit rooms.',
    input: z
      .object({
        school: schoolProfile.optional(),
        idleLockMinutes: z.number().int().min(1).max(240).optional(),
        privacyMask: z.boolean().optional(),
        caseloadNotSeenDays: z.number().int().min(1).max(365).optional(),
        trashRetentionDays: z.number().int().min(1).max(3650).optional(),
        principalEditsRooms: z.boolean().optional(),
      })
      .strict(),
    output: settingsView,
    roles: ['counselor', 'principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
} as const;

