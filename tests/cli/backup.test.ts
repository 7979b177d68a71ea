import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { digestsOf, filesIn } from '../helpers/backup';
import { runCli } from '../helpers/cli';

const PASS = 'correct horse battery';
const root = mkdtempSync(join(tmpdir(), 'counselroom-cli-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { env: { COUNSELROOM_PASSPHRASE: PASS, ...env } });

describe('counselroom backup create / verify / restore', () => {
  it('round trip through the command line: backup, wipe, restore; equal by per-table content hash', () => {
    const data = join(root, 'data');
    const folder = join(root, 'usb');
    const init = cli(['init', '--data', data, '--school', '示例市第一中学', '--user', 'wang', '--json']);
    expect(init.code, init.err).toBe(0);
    const recoveryKey = init.json()['recoveryKey'] as string;
    for (const [no, name] of [['20240101', '张三明'], ['20240102', '李小红']]) {
      const input = JSON.stringify({ studentNo: no, name, sex: 'F', grade: 7, className: '1班' });
      expect(cli(['call', 'students.create', '--data', data, '--user', 'wang', '--input', input]).code).toBe(0);
    }
    const raw = cli(['key', 'export-raw', '--data', data], { COUNSELROOM_RECOVERY_KEY: recoveryKey });
    const rawKeyHex = raw.json()['rawKeyHex'] as string;
    const before = digestsOf(join(data, 'counselroom.db'), rawKeyHex);

    const created = cli(['backup', 'create', '--data', data, '--user', 'wang', '--folder', folder]);
    expect(created.code, created.err).toBe(0);
    expect(created.err).toContain('backup 100%');
    const file = created.json()['file'] as string;
    expect(filesIn(folder)).toHaveLength(1);

    const verified = cli(['backup', 'verify', file, '--data', data, '--user', 'wang']);
    expect(verified.code, verified.err).toBe(0);
    expect(verified.json()).toMatchObject({ integrity: 'ok' });

    rmSync(data, { recursive: true, force: true });
    const target = join(root, 'restored');
    const restored = cli(['backup', 'restore', file, '--target', target, '--data', join(root, 'empty')], { COUNSELROOM_RECOVERY_KEY: recoveryKey });
    expect(restored.code, restored.err).toBe(0);
    const after = digestsOf(join(target, 'counselroom.db'), rawKeyHex);
    expect(restored.json()['tables']).toEqual(verified.json()['tables']);
    // The backup run's own login is in the backup's audit log; every other table is as it was.
    const { audit_log: auditAfter, ...restAfter } = after;
    const { audit_log: auditBefore, ...restBefore } = before;
    expect(restAfter).toEqual(restBefore);
    expect(auditAfter!.rows).toBe(auditBefore!.rows + 1);

    const list = cli(['call', 'students.list', '--data', target, '--user', 'wang']);
    expect(list.code, list.err).toBe(0);
    expect((list.json()['items'] as { name: string }[]).map((s) => s.name).sort()).toEqual(['张三明', '李小红'].sort());

    // A tampered copy is refused with exit code 4 and the typed error.
    const bad = join(root, 'bad.crbak');
    const bytes = readFileSync(file);
    bytes[bytes.length - 50] = bytes[bytes.length - 50]! ^ 0xff;
    writeFileSync(bad, bytes);
    const refused = cli(['backup', 'verify', bad, '--data', target, '--user', 'wang']);
    expect(refused.code).toBe(4);
    expect(JSON.parse(refused.err)).toMatchObject({ error: { code: 'CONFLICT', messageKey: 'errors.backup.damaged' } });
  });
});
