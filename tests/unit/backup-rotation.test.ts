import { describe, expect, it } from 'vitest';
import { autoBackupDue, backupOverdue, backupsToKeep } from '../../shared/domain/backup-rotation';

const SH = 'Asia/Shanghai';
const HOUR = 3_600_000;
/** An instant at a Shanghai wall-clock time (UTC+8, no DST). */
const sh = (date: string, hh = 12, mm = 0) => Date.parse(`${date}T00:00:00Z`) - 8 * HOUR + hh * HOUR + mm * 60_000;

describe('automatic backup rotation', () => {
  it('keeps the newest per day for 7 days and the newest per Monday-to-Sunday week for 4 weeks', () => {
    // Every day from 2025-02-01 to 2025-03-31 (a Monday), twice a day.
    const items = [];
    for (let d = Date.parse('2025-02-01'); d <= Date.parse('2025-03-31'); d += 24 * HOUR) {
      const date = new Date(d).toISOString().slice(0, 10);
      items.push({ name: `${date}-a`, at: sh(date, 9) }, { name: `${date}-b`, at: sh(date, 18) });
    }
    const keep = [...backupsToKeep(items, SH)].sort();
    expect(keep).toEqual([
      // The four newest weeks are those of 03-31 (this Monday), 03-24, 03-17 and 03-10; the last two
      // add their Sundays, the first two are covered by the daily set.
      '2025-03-16-b',
      '2025-03-23-b',
      '2025-03-25-b',
      '2025-03-26-b',
      '2025-03-27-b',
      '2025-03-28-b',
      '2025-03-29-b',
      '2025-03-30-b',
      '2025-03-31-b',
    ]);
  });

  it('draws the day at the school’s midnight, not UTC’s', () => {
    const late = { name: 'late', at: sh('2025-03-12', 23, 59) };
    const early = { name: 'early', at: sh('2025-03-13', 0, 1) };
    expect([...backupsToKeep([late, early], SH, 7, 0)].sort()).toEqual(['early', 'late']);
    // Both fall on 2025-03-12 in UTC, so in a UTC school only the newer is kept.
    expect([...backupsToKeep([late, early], 'UTC', 7, 0)]).toEqual(['early']);
    expect(autoBackupDue(late.at, early.at, SH)).toBe(true);
    expect(autoBackupDue(early.at, sh('2025-03-13', 23, 59), SH)).toBe(false);
    expect(autoBackupDue(null, early.at, SH)).toBe(true);
  });

  it('is overdue with no backup, or one older than the allowed age', () => {
    const now = sh('2025-03-13');
    expect(backupOverdue(null, now, 3)).toBe(true);
    expect(backupOverdue(now - 3 * 24 * HOUR, now, 3)).toBe(false);
    expect(backupOverdue(now - 3 * 24 * HOUR - 1, now, 3)).toBe(true);
  });
});
