import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupSchool, startTestCore, type TestCore } from '../helpers/inproc';

/**
 * The promise to a school's IT staff: the archive opens with a standard
 * SQLCipher 4 build and the raw key the recovery key unlocks (docs/RECOVERY.md).
 * The reader here is compiled from Zetetic's SQLCipher 4 amalgamation with
 * OpenSSL, independent of the SQLite3MultipleCiphers code the app uses.
 */
const AMALGAMATION = 'node_modules/@commapp/sqlcipher-amalgamation/src';
const SOURCE = 'tests/interop/sqlcipher-read.c';

function buildReader(): string | null {
  const hash = createHash('sha256').update(readFileSync(SOURCE)).update(readFileSync(join(AMALGAMATION, 'sqlite3.h'))).digest('hex').slice(0, 12);
  const out = join('.cache', `sqlcipher-read-${hash}`);
  if (existsSync(out)) return out;
  mkdirSync('.cache', { recursive: true });
  try {
    execFileSync('cc', ['-O1', '-DSQLITE_HAS_CODEC', '-DSQLCIPHER_CRYPTO_OPENSSL', '-DSQLITE_TEMP_STORE=2', '-DSQLITE_THREADSAFE=0',
      `-I${AMALGAMATION}`, '-o', out, SOURCE, join(AMALGAMATION, 'sqlite3.c'), '-lcrypto', '-lm'], { stdio: 'pipe' });
    return out;
  } catch (e) {
    const msg = `cannot build the SQLCipher 4 reader (needs cc and libssl-dev): ${(e as { stderr?: Buffer }).stderr?.toString().slice(0, 300) ?? e}`;
    if (process.env.CI) throw new Error(msg);
    console.warn(`\n*** SKIPPING SQLCipher interop test: ${msg}\n`);
    return null;
  }
}

const reader = buildReader();
let t: TestCore;
let rawKeyHex = '';

beforeAll(async () => {
  t = await startTestCore();
  const recoveryKey = await setupSchool(t.client);
  await t.client.students.create({ studentNo: '20240101', name: '欧阳娜娜', sex: 'F', grade: 8, className: '3班' });
  rawKeyHex = (await t.client.key.exportRaw({ recoveryKey })).rawKeyHex;
  await t.client.auth.logout({});
});
afterAll(async () => t.cleanup());

describe.skipIf(reader === null)('standard SQLCipher 4 build', () => {
  it('reads the roster and the audit log with the exported raw key', () => {
    const read = (sql: string) => execFileSync(reader!, [join(t.dataDir, 'counselroom.db'), rawKeyHex, sql], { encoding: 'utf8' });
    expect(read('SELECT student_no, name, grade, class_name FROM students;')).toBe('20240101|欧阳娜娜|8|3班\n');
    expect(read(`SELECT action FROM audit_log WHERE action = 'key.exportRaw';`)).toBe('key.exportRaw\n');
  });

  it('refuses the archive with any other key', () => {
    expect(() =>
      execFileSync(reader!, [join(t.dataDir, 'counselroom.db'), 'ab'.repeat(32), 'SELECT count(*) FROM students;'], { stdio: 'pipe' }),
    ).toThrow(/file is not a database/);
  });
});
