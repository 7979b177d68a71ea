import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { colleague, counselingSchool, filledDraft, openCase, rejection, type CounselingSchool } from '../helpers/counseling';
import { digestsOf, filesIn, finished } from '../helpers/backup';
import { fileStamp, openDatabase } from '../../electron/db/connection';
import { sha256File } from '../helpers/raw-db';
import { startTestCore, TEST_PASSPHRASE, type TestCore } from '../helpers/inproc';

const dirs: string[] = [];
const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Backups a test took itself (the core's sweep may add an automatic one on a slow machine). */
function manual(folder: string): string[] {
  return filesIn(folder).filter((n) => n.startsWith('counselroom-manual-'));
}

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'counselroom-backup-test-'));
  dirs.push(d);
  return d;
}

/** A school with a case, a signed record and a few students, and a backup folder chosen. */
async function school(): Promise<CounselingSchool & { folder: string; rawKeyHex: string }> {
  const s = await counselingSchool();
  cores.push(s.t);
  for (let i = 2; i <= 6; i++) await s.c.students.create({ studentNo: `2024010${i}`, name: `学生${i}`, sex: 'F', grade: 7, className: '1班' });
  const kase = await openCase(s.c, s.studentId);
  const draft = await filledDraft(s.c, kase.id);
  await s.c.records.sign({ id: draft.id, revision: draft.revision });
  const folder = tempDir();
  await s.c.backup.configure({ folder, maxAgeDays: 3 });
  const { rawKeyHex } = await s.c.key.exportRaw({ recoveryKey: s.recoveryKey });
  return { ...s, folder, rawKeyHex };
}

describe('backup and restore', () => {
  it('round trip: backup, wipe, restore into a new folder; every table equal by row count and content hash', async () => {
    const s = await school();
    const live = join(s.t.dataDir, 'counselroom.db');
    const before = digestsOf(live, s.rawKeyHex);
    expect(before['students']!.rows).toBe(6);
    expect(before['session_records']!.rows).toBe(1);

    const job = await finished(s.c, await s.c.backup.start({}));
    expect(job).toMatchObject({ state: 'done', errorKey: null });
    expect(job.done).toBe(job.total);
    expect(job.total).toBeGreaterThan(0);
    const file = job.file!;
    expect(manual(s.folder)).toEqual([file.slice(s.folder.length + 1)]);
    expect(readFileSync(file).includes(Buffer.from('张三明'))).toBe(false);
    expect((await s.c.backup.status({})).overdue).toBe(false);

    const verified = await s.c.backup.verify({ file });
    expect(verified.integrity).toBe('ok');
    expect(Object.fromEntries(verified.tables.map((t) => [t.name, { rows: t.rows, sha256: t.sha256 }]))).toEqual(before);

    // Wipe: the whole data folder is gone.
    await s.t.core.shutdown();
    rmSync(s.t.dataDir, { recursive: true, force: true });

    const fresh = await startTestCore();
    cores.push(fresh);
    const target = join(tempDir(), 'restored');
    const restored = await fresh.client.backup.restore({ file, targetDir: target, recoveryKey: s.recoveryKey });
    expect(restored.tables).toEqual(verified.tables);
    expect(filesIn(target)).toEqual(['counselroom.db', 'keyslots.json']);
    expect(digestsOf(join(target, 'counselroom.db'), s.rawKeyHex)).toEqual(before);

    const reopened = await startTestCore({ dataDir: target });
    cores.push(reopened);
    await reopened.client.auth.login({ username: 'wanglaoshi', passphrase: TEST_PASSPHRASE });
    expect((await reopened.client.students.list({})).total).toBe(6);
    expect((await reopened.client.audit.verify({})).ok).toBe(true);
  });

  it('verify names a tampered, a truncated and a foreign file, and a wrong recovery key; nothing is restored from them', async () => {
    const s = await school();
    const { file } = await finished(s.c, await s.c.backup.start({}));
    const good = readFileSync(file!);
    const copy = join(tempDir(), 'copy.crbak');
    const cases: [string, Buffer][] = [
      ['flipped byte in the body', Buffer.from(good.map((b, i) => (i === good.length - 100 ? b ^ 1 : b)))],
      ['truncated', good.subarray(0, good.length - 17)],
      ['edited header', Buffer.from(good.toString('latin1').replace('"reason":"manual"', '"reason":"manuel"'), 'latin1')],
      ['bytes appended', Buffer.concat([good, Buffer.alloc(20)])],
    ];
    for (const [what, bytes] of cases) {
      writeFileSync(copy, bytes);
      const e = await rejection(s.c.backup.verify({ file: copy }));
      expect(e.messageKey, what).toBe('errors.backup.damaged');
      const target = join(tempDir(), 'r');
      expect((await rejection(s.c.backup.restore({ file: copy, targetDir: target }))).messageKey, what).toBe('errors.backup.damaged');
      expect(filesIn(target), what).toEqual([]);
    }
    writeFileSync(copy, 'not a backup');
    expect((await rejection(s.c.backup.verify({ file: copy }))).messageKey).toBe('errors.backup.notBackup');
    const wrong = await rejection(s.c.backup.verify({ file: file!, recoveryKey: 'ABCD-ABCD-ABCD-ABCD-ABCD-ABCD-ABCD-ABCD' }));
    expect(wrong).toMatchObject({ code: 'VALIDATION', details: [{ path: 'recoveryKey', reason: 'errors.backup.wrongRecoveryKey' }] });
    expect((await s.c.backup.verify({ file: file!, recoveryKey: s.recoveryKey })).integrity).toBe('ok');
  });

  it('a cancelled backup leaves no file, not even a temporary one', async () => {
    const s = await school();
    const started = await s.c.backup.start({});
    await s.c.backup.cancel({ jobId: started.jobId });
    const end = await finished(s.c, started);
    expect(end.state).toBe('cancelled');
    expect(filesIn(s.folder).filter((n) => !n.startsWith('counselroom-auto-'))).toEqual([]);
    expect(filesIn(s.t.dataDir)).toEqual(['backup.json', 'counselroom.db', 'counselroom.db-shm', 'counselroom.db-wal', 'keyslots.json']);
  });

  it('restores only into a new, empty folder; before login only with the recovery key; never for a principal', async () => {
    const s = await school();
    const { file } = await finished(s.c, await s.c.backup.start({}));
    expect((await rejection(s.c.backup.restore({ file: file!, targetDir: s.t.dataDir }))).messageKey).toBe('errors.backup.targetIsLive');
    const busy = tempDir();
    writeFileSync(join(busy, 'x'), 'x');
    expect(await rejection(s.c.backup.restore({ file: file!, targetDir: busy }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.backup.targetNotEmpty', details: { path: 'targetDir' } });

    const anonymous = s.t.connect();
    const e = await rejection(anonymous.client.backup.restore({ file: file!, targetDir: join(tempDir(), 'r') }));
    expect(e).toMatchObject({ code: 'VALIDATION', details: [{ path: 'recoveryKey', reason: 'errors.backup.recoveryKeyRequired' }] });
    // Before login, a path that does not exist gets the same answer: the screen is no probe of the disk.
    const probe = await rejection(anonymous.client.backup.restore({ file: '/nonexistent/x.crbak', targetDir: join(tempDir(), 'r') }));
    expect(probe.details).toEqual(e.details);

    const principal = await colleague(s.t, 'principal', 'lixiaozhang');
    expect((await rejection(principal.client.backup.start({}))).code).toBe('FORBIDDEN');
    expect((await rejection(principal.client.backup.verify({ file: file! }))).code).toBe('FORBIDDEN');
    expect((await rejection(principal.client.backup.restore({ file: file!, targetDir: join(tempDir(), 'r') }))).code).toBe('FORBIDDEN');
    expect((await principal.client.backup.status({})).overdue).toBe(false);

    // A counselor's restore of the live archive's own backup backs the live state up first.
    const target = join(tempDir(), 'r');
    await s.c.backup.restore({ file: file!, targetDir: target });
    expect(filesIn(s.folder).filter((n) => n.startsWith('counselroom-before-'))).toHaveLength(1);
  });
});

describe('automatic backups', () => {
  // 42 encrypted copies of an archive: seconds on an idle machine, far more on a busy one.
  it('runs once per school day and keeps 7 daily and 4 weekly', { timeout: 180_000 }, async () => {
    const s = await school();
    // 2025-03-12 10:00 Shanghai; a backup at 23:59 and one a minute after midnight fall on two days.
    // Counted in the folder: the core's own 30-second sweep may take a day's backup before the test asks.
    const day = async () => {
      await s.c.backup.runDue({});
      return filesIn(s.folder).length;
    };
    expect(await day()).toBe(1);
    expect(await day()).toBe(1);
    await s.later(13 + 59 / 60); // 23:59 the same day
    expect(await day()).toBe(1);
    await s.later(2 / 60); // 00:01 the next day
    expect(await day()).toBe(2);
    // Three weekly steps (03-20, 03-27, 04-03), then every day 04-04 … 04-10 (a Thursday).
    for (const step of [7, 7, 7, 1, 1, 1, 1, 1, 1, 1]) {
      await s.later(24 * step);
      await day();
    }
    // Kept: the last 7 days (04-04 … 04-10) and the newest of each of the 4 newest weeks, which adds
    // 03-27 and 03-20 (the weeks of 04-07 and 03-31 are covered by the daily rule); 03-12 and 03-13 go.
    // File names carry the UTC instant, so 00:01 in Shanghai reads as the day before.
    const dates = filesIn(s.folder).map((n) => n.slice('counselroom-auto-'.length, 'counselroom-auto-'.length + 8));
    expect(dates).toEqual(['20250319', '20250326', '20250403', '20250404', '20250405', '20250406', '20250407', '20250408', '20250409']);
  });

  it('before a roster 升级 and a retention purge, a backup is taken first', async () => {
    const s = await school();
    const preview = await s.c.students.rollForwardPreview({});
    // A call the roster refuses (a stale plan) takes no safety copy: only a step that runs does.
    expect(await rejection(s.c.students.rollForward({ token: 'x'.repeat(preview.token.length), acknowledgeWarnings: true }))).toMatchObject({ messageKey: 'errors.rollForward.stale' });
    expect(filesIn(s.folder).filter((n) => n.startsWith('counselroom-before-'))).toHaveLength(0);
    await s.c.students.rollForward({ token: preview.token, acknowledgeWarnings: true });
    expect(filesIn(s.folder).filter((n) => n.startsWith('counselroom-before-'))).toHaveLength(1);
    // With no folder chosen the safety copy still exists, beside the archive.
    await s.c.backup.configure({ folder: null, maxAgeDays: 3 });
    await s.c.trash.purge({ confirm: true });
    expect(filesIn(join(s.t.dataDir, 'backups')).filter((n) => n.startsWith('counselroom-before-'))).toHaveLength(1);
    const audit = await s.c.audit.list({});
    expect(audit.items.filter((r) => r.action === 'backup.before').map((r) => r.details)).toEqual([{ operation: 'trash.purge' }, { operation: 'students.rollForward' }]);
  });
});

/** Flips bytes inside the fourth page, where quick_check finds them and the key check does not. */
function damagePage(file: string): void {
  const bytes = readFileSync(file);
  for (let i = 4096 * 3 + 200; i < 4096 * 3 + 216; i++) bytes[i] = bytes[i]! ^ 0x5a;
  writeFileSync(file, bytes);
}

describe('a damaged archive', () => {
  it('is refused at open with a typed error naming the latest backup, and its bytes stay as they were', async () => {
    const s = await school();
    const { file } = await finished(s.c, await s.c.backup.start({}));
    await s.c.auth.logout({});
    const db = join(s.t.dataDir, 'counselroom.db');
    const size = statSync(db).size;
    damagePage(db);
    const damaged = sha256File(db);
    const e = await rejection(s.c.auth.login({ username: 'wanglaoshi', passphrase: TEST_PASSPHRASE }));
    expect(e).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.db.corrupt', details: { latestBackup: { file } } });
    expect(sha256File(db)).toBe(damaged);

    truncateSync(db, size - 1000);
    const cut = await rejection(s.c.auth.login({ username: 'wanglaoshi', passphrase: TEST_PASSPHRASE }));
    expect(cut).toMatchObject({ messageKey: 'errors.db.truncated', details: { latestBackup: { file } } });
  });

  it('is still refused when the same process opens it again after the damage, even with its times set back', async () => {
    const s = await school();
    await s.c.auth.logout({});
    const db = join(s.t.dataDir, 'counselroom.db');
    const closed = fileStamp(db);
    expect(fileStamp(db)).toBe(closed);
    const { atime, mtime } = statSync(db);
    damagePage(db);
    utimesSync(db, atime, mtime);
    // The change time cannot be set back: the file is not as the process closed it, and every page is read again.
    expect(fileStamp(db)).not.toBe(closed);
    expect(await rejection(s.c.auth.login({ username: 'wanglaoshi', passphrase: TEST_PASSPHRASE }))).toMatchObject({ messageKey: 'errors.db.corrupt' });
  });

  it('is opened without reading every page only when told its pages were checked, and its key is checked either way', async () => {
    const s = await school();
    await s.c.auth.logout({});
    const file = join(s.t.dataDir, 'counselroom.db');
    damagePage(file);
    const key = Buffer.from(s.rawKeyHex, 'hex');
    expect(() => openDatabase({ file, key })).toThrow(expect.objectContaining({ messageKey: 'errors.db.corrupt' }));
    openDatabase({ file, key, pagesChecked: true }).close();
    const wrong = Buffer.from(key);
    wrong[0] = wrong[0]! ^ 1;
    expect(() => openDatabase({ file, key: wrong, pagesChecked: true })).toThrow();
  });
});
