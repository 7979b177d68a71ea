import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';

/** Opens the archive as an outsider would with the exported raw key (no app code involved). */
export function openRaw(file: string, rawKeyHex: string): Database.Database {
  const db = new Database(file);
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${rawKeyHex}'"`);
  return db;
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** A keyed archive in a new temporary directory, foreign keys on as the app has them; `remove` closes and deletes it. */
export function tempArchive(prefix: string): { db: Database.Database; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const db = openRaw(join(dir, 'counselroom.db'), randomBytes(32).toString('hex'));
  db.pragma('foreign_keys = ON');
  return {
    db,
    remove: () => {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The counselor u1 and the student s1 (张三明, grade 8) that a migration test's forms and alerts belong to. */
export function seedCounselorAndStudent(db: Database.Database): void {
  db.prepare(`INSERT INTO users (id, username, display_name, role, created_at, updated_at) VALUES ('u1', 'wang', '王老师', 'counselor', 1, 1)`).run();
  db.prepare(
    `INSERT INTO students (id, student_no, name, name_pinyin, name_initials, sex, grade, class_name, status, created_at, updated_at)
     VALUES ('s1', '20240101', '张三明', 'zhangsanming', 'zsm', 'M', 8, '3班', 'active', 1, 1)`,
  ).run();
}
