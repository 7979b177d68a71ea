import { dateInZone, weekOf } from './dates';

export interface DatedBackup {
  name: string;
  /** Epoch ms the backup was taken. */
  at: number;
}

export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;

/**
 * Which automatic backups to keep: the newest of each of the last `daily` school days that
 * have one, and the newest of each of the last `weekly` weeks (Monday to Sunday) that have
 * one. Days and weeks are the school's, so the boundary is the school's midnight whatever
 * the PC's clock zone. The rest may be deleted.
 */
export function backupsToKeep(items: readonly DatedBackup[], timeZone: string, daily = KEEP_DAILY, weekly = KEEP_WEEKLY): Set<string> {
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const b of [...items].sort((a, z) => z.at - a.at)) {
    const day = dateInZone(b.at, timeZone);
    const week = weekOf(day).start;
    if (!days.has(day) && days.size < daily) {
      days.add(day);
      keep.add(b.name);
    }
    if (!weeks.has(week) && weeks.size < weekly) {
      weeks.add(week);
      keep.add(b.name);
    }
  }
  return keep;
}

/** An automatic backup is due once per school day. */
export function autoBackupDue(lastAutoAt: number | null, now: number, timeZone: string): boolean {
  return lastAutoAt === null || dateInZone(lastAutoAt, timeZone) !== dateInZone(now, timeZone);
}

/** The warning on the home screen: no backup yet, or the newest is older than the chosen age. */
export function backupOverdue(lastAt: number | null, now: number, maxAgeDays: number): boolean {
  return lastAt === null || now - lastAt > maxAgeDays * 86_400_000;
}
