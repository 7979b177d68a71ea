import { stmt } from '../../db/statements';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { schoolProfile, type SchoolProfile } from '../../../shared/api/session';

/** Typed access to the settings table; values are JSON. */
export const SETTING_DEFAULTS = {
  idleLockMinutes: 10,
  privacyMask: false,
  caseloadNotSeenDays: 30,
  trashRetentionDays: 90,
  principalEditsRooms: true,
} as const;

export function readSetting<T>(db: Database, key: string, fallback: T): T {
  const row = stmt(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : fallback;
}

export function writeSetting(db: Database, key: string, value: unknown): void {
  stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

export function readIdleLockMinutes(db: Database): number {
  return readSetting(db, 'idleLockMinutes', SETTING_DEFAULTS.idleLockMinutes);
}

export function readTrashRetentionDays(db: Database): number {
  return readSetting(db, 'trashRetentionDays', SETTING_DEFAULTS.trashRetentionDays);
}

export function readSchool(db: Database): SchoolProfile {
  return schoolProfile.parse(readSetting<unknown>(db, 'school', null));
}

export function readPrincipalEditsRooms(db: Database): boolean {
  return readSetting(db, 'principalEditsRooms', SETTING_DEFAULTS.principalEditsRooms);
}
