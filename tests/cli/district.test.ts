import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

const PASS = 'correct horse battery';
const dir = mkdtempSync(join(tmpdir(), 'counselroom-cli-district-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], stdin = '') => runCli(args, { stdin, env: { COUNSELROOM_PASSPHRASE: PASS } });

describe('district commands', () => {
  // Seven spawned runs of the CLI (each compiles TypeScript on start): longer than the file's default.
  it('district keygen, export district, district import, district report', () => {
    const school = join(dir, 'school');
    const office = join(dir, 'office');
    expect(cli(['init', '--data', school, '--school', '示例市第一中学', '--code', '3301020001', '--user', 'wang', '--json']).code).toBe(0);
    const keygen = cli(['district', 'keygen', '--data', office, '--office', '示例区教育局', '--code', '330102', '--user', 'quyuan']);
    expect(keygen.code, keygen.err).toBe(0);
    const { recipient, recoveryKey } = keygen.json<{ recipient: string; recoveryKey: string }>();
    expect(recipient).toMatch(/^age1/);
    expect(recoveryKey).toBeTruthy();

    const pkg = join(dir, 'term.crpkg');
    const exported = cli(['export', 'district', '--data', school, '--user', 'wang', '--period', '2025-02-17..2025-07-04', '--recipient', recipient, '--out', pkg]);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.json<{ path: string; bytes: number }>()).toMatchObject({ path: pkg, bytes: readFileSync(pkg).length });
    const bare = cli(['export', 'district', '--data', school, '--user', 'wang', '--period', '2025-02-17..2025-07-04', '--without-compliance', '--out', join(dir, 'bare.crpkg')]);
    expect(bare.code, bare.err).toBe(0);
    const audits = cli(['call', 'audit.list', '--data', school, '--user', 'wang', '--input', JSON.stringify({ action: 'district.exportPackage' })]).json<{ items: { details: { includeCompliance?: boolean } }[] }>();
    // Newest first: the counselor's choice is on record with each export.
    expect(audits.items.map((i) => i.details.includeCompliance)).toEqual([false, true]);

    const key = cli(['call', 'district.exportSettings', '--data', school, '--user', 'wang']).json<{ schoolKey: { publicKeyPem: string; fingerprint: string } }>().schoolKey;
    const reg = cli(['call', 'district.registerSchool', '--data', office, '--user', 'quyuan', '--input', JSON.stringify({ name: '示例市第一中学', code: '3301020001', publicKey: key.publicKeyPem, fingerprint: key.fingerprint })]);
    expect(reg.code, reg.err).toBe(0);

    // A USB stick's folder: its packages are imported, anything else in it is left alone; then the same file again.
    const usb = join(dir, 'usb');
    mkdirSync(usb);
    copyFileSync(pkg, join(usb, 'school-1.crpkg'));
    writeFileSync(join(usb, '说明.txt'), '各校上报包');
    const imported = cli(['district', 'import', usb, pkg, '--data', office, '--user', 'quyuan']);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.json<{ results: { name: string; reason: string | null }[] }>().results.map((r) => [r.name, r.reason])).toEqual([
      ['school-1.crpkg', null],
      ['term.crpkg', 'duplicate'],
    ]);

    const xlsx = join(dir, 'term.xlsx');
    const report = cli(['district', 'report', '--data', office, '--user', 'quyuan', '--period', '2025-02-17..2025-07-04', '--out', xlsx]);
    expect(report.code, report.err).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  }, 300_000);
});
