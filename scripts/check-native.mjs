// After `npm ci`: the database module loads on this Node and encrypts. CI runs it before the
// tests so a binary that is missing, or that this Node cannot load, fails here in one line
// instead of as a hundred ERR_DLOPEN_FAILED test failures.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const MODULE = 'better-sqlite3-multiple-ciphers';
const require = createRequire(import.meta.url);

const dir = mkdtempSync(path.join(os.tmpdir(), 'counselroom-native-check-'));
try {
  const Database = require(MODULE);
  const file = path.join(dir, 'check.db');
  const open = () => {
    const db = new Database(file);
    db.pragma("cipher='sqlcipher'");
    db.pragma('legacy=4');
    db.pragma(`key="x'${'ab'.repeat(32)}'"`);
    return db;
  };
  const db = open();
  db.exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('心理辅导室')");
  db.close();
  if (readFileSync(file).subarray(0, 15).toString('latin1') === 'SQLite format 3') throw new Error('the file was written unencrypted');
  const again = open();
  const value = again.prepare('SELECT v FROM t').pluck().get();
  const sqlite = again.prepare('SELECT sqlite_version()').pluck().get();
  again.close();
  if (value !== '心理辅导室') throw new Error(`read back ${JSON.stringify(value)}`);
  const { version } = require(`${MODULE}/package.json`);
  console.log(`check-native: ${MODULE} ${version} (SQLite ${sqlite}) encrypts and reads back on Node ${process.version} (${process.platform}-${process.arch})`);
} catch (error) {
  console.error(`check-native: ${MODULE} does not work on Node ${process.version}: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
