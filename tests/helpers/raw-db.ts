import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
