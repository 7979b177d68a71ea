// @vitest-environment jsdom
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/contract';
import { ERROR_CODES } from '../../shared/api/errors';
import { en } from '../../shared/i18n/en';
import { zhCN } from '../../shared/i18n/zh-CN';
import { IMPORT_REASONS } from '../../electron/services/roster/roster-import';
import { PASSPHRASE_WEAKNESSES } from '../../shared/domain/passphrase-strength';
import { REDACTED_LABELS } from '../../electron/services/accounts/audit-redaction';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

function flatten(node: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(node)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v as object, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** String literals in source that have the shape of a catalog key under the given top-level names. */
function keyLiterals(dirs: string[], roots: string[]): Map<string, string> {
  const re = new RegExp(`['"\`]((?:${roots.join('|')})\\.[A-Za-z0-9_.]*[A-Za-z0-9_])['"\`]`, 'g');
  const found = new Map<string, string>();
  for (const file of dirs.flatMap(sourceFiles)) {
    for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(re)) found.set(m[1]!, file);
  }
  return found;
}

const zh = flatten(zhCN);
const enKeys = flatten(en);
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('catalogs', () => {
  test('zh-CN and en hold exactly the same keys, all with text', () => {
    expect([...enKeys.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [key, text] of [...zh, ...enKeys]) expect(text.trim(), key).not.toBe('');
  });

  test('each key interpolates the same values in both languages', () => {
    for (const [key, text] of zh) expect(placeholders(enKeys.get(key)!), key).toEqual(placeholders(text));
  });

  test('every message key the core can send has a translation', () => {
    const emitted = keyLiterals(['electron', 'shared/api'], ['errors', 'import']);
    expect(emitted.size).toBeGreaterThan(20);
    for (const [key, file] of emitted) expect(zh.has(key), `${key} (from ${file})`).toBe(true);
    for (const reason of IMPORT_REASONS) expect(zh.has(reason), reason).toBe(true);
    for (const w of PASSPHRASE_WEAKNESSES) expect(zh.has(`errors.passphrase.${w}`), w).toBe(true);
    for (const label of REDACTED_LABELS) expect(zh.has(label), label).toBe(true);
    for (const code of ERROR_CODES) expect(zh.has(`errors.code.${code}`), code).toBe(true);
  });

  test('the dispatcher keys, field keys and import keys named in the brief are present', () => {
    const named = [
      'errors.validation', 'errors.auth.failed', 'errors.auth.throttled', 'errors.auth.disabled', 'errors.auth.required',
      'errors.forbidden', 'errors.forbiddenSender', 'errors.notFound', 'errors.conflict', 'errors.locked', 'errors.internal',
      'errors.bridgeUnreachable', 'errors.setup.alreadyDone', 'errors.setup.required', 'errors.db.notDatabase',
      'errors.db.truncated', 'errors.db.fromNewerVersion', 'errors.db.wrongKey', 'errors.db.plaintext',
      'errors.recovery.invalid', 'errors.student.duplicateNo', 'errors.rollForward.stale', 'errors.user.duplicate',
      'errors.user.lastCounselor',
      ...['controlChars', 'id', 'dateFormat', 'dateInvalid', 'passphraseShort', 'username', 'timeZone', 'phone'].map((k) => `errors.field.${k}`),
      ...['required', 'badDate', 'badSex', 'badGrade', 'badStatus', 'badYear', 'tooLong', 'duplicateInFile', 'badPhone', 'missingColumn', 'existsInDb'].map(
        (k) => `import.reason.${k}`,
      ),
      'import.error.unreadable',
      'import.error.tooLarge',
    ];
    expect(named.filter((k) => !zh.has(k))).toEqual([]);
  });

  test('grades, statuses, sexes and stages read as a Chinese school writes them', () => {
    expect(Array.from({ length: 12 }, (_, i) => zh.get(`domain.grade.${i + 1}`))).toEqual([
      '一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '初一', '初二', '初三', '高一', '高二', '高三',
    ]);
    expect(['active', 'graduated', 'transferred', 'suspended'].map((s) => zh.get(`domain.status.${s}`))).toEqual(['在读', '毕业', '转出', '休学']);
    expect(['M', 'F'].map((s) => zh.get(`domain.sex.${s}`))).toEqual(['男', '女']);
    expect(['primary', 'junior', 'senior'].map((s) => zh.get(`domain.stage.${s}`))).toEqual(['小学', '初中', '高中']);
  });

  test('an alert is 预警 on every screen and in the audit log, and the roster button is not a bare 升级', () => {
    expect([...zh].filter(([, text]) => text.includes('测评提醒')).map(([key]) => key)).toEqual([]);
    expect([zh.get('audit.targetTypes.alert'), zh.get('audit.redacted.alert'), zh.get('roster.rollForward')]).toEqual(['预警', '一条预警', '学年升级']);
  });

  test('every method has an audit-log label', () => {
    expect(METHOD_NAMES.filter((m) => !zh.has(`audit.actions.${m}`))).toEqual([]);
  });

  test('every literal key the renderer asks for exists', () => {
    // Contract method names (users.list) look like keys but are not.
    const used = keyLiterals(['renderer/src'], Object.keys(zhCN));
    for (const method of METHOD_NAMES) used.delete(method);
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter(([key]) => !zh.has(key)).map(([key, file]) => `${key} (${file})`)).toEqual([]);
  });
});
