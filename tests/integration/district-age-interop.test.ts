import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyIdOf, newDistrictIdentity, newSigningKey, openPackage, publicKeyPem, sealPackage } from '../../electron/services/district/package-crypto';

/**
 * The promise to a district's IT staff (docs/DISTRICT.md): a package opens with the standard `age`
 * tool and their identity file, and its signature verifies with OpenSSL. The commands below are
 * the documented ones, run as written.
 */
function tool(name: string, args: string[]): string | null {
  try {
    execFileSync(name, args, { stdio: 'pipe' });
    return null;
  } catch (e) {
    const msg = `${name} is not installed (Debian: apt-get install ${name === 'age' ? 'age' : 'openssl'}): ${(e as Error).message.slice(0, 120)}`;
    if (process.env.CI) throw new Error(msg);
    console.warn(`\n*** SKIPPING district interop test: ${msg}\n`);
    return msg;
  }
}

const missing = tool('age', ['--version']) ?? tool('openssl', ['version']);
const dir = mkdtempSync(join(tmpdir(), 'counselroom-age-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sh = (script: string) => execFileSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });

async function seal(recipient: string) {
  const school = newSigningKey();
  const payload = { statistics: { from: '2025-02-17', to: '2025-07-04', tables: [{ id: 'sessions.byGrade', cells: [[12, 30]] }] } };
  const sealed = await sealPackage(
    {
      schemaVersion: 1, packageId: '0190f5a0-0000-7000-8000-000000000002', school: { name: '示例市第一中学', code: '3301020001', district: '示例区教育局' },
      schoolKeyId: keyIdOf(school.publicKey), schoolPublicKey: Buffer.from(school.publicKey).toString('base64'),
      period: { from: '2025-02-17', to: '2025-07-04' }, contents: ['statistics'], recipient, k: 5, createdAt: 1_750_000_000_000,
    },
    payload,
    school,
  );
  writeFileSync(join(dir, 'school.pem'), publicKeyPem(school.publicKey));
  writeFileSync(join(dir, 'package.crpkg'), sealed.bytes);
  return { sealed, payload };
}

describe.skipIf(missing !== null)('standard tools: age and openssl', () => {
  it('age decrypts a package with a key made by age-keygen; openssl verifies the signature; sha256sum matches the payload hash', async () => {
    sh('age-keygen -o district.key 2>/dev/null');
    const recipient = sh('age-keygen -y district.key').trim();
    const { sealed, payload } = await seal(recipient);
    sh('age -d -i district.key -o package.txt package.crpkg');
    sh('head -n 2 package.txt | head -c -1 > signed.bin && sed -n 3p package.txt | base64 -d > signature.bin && tail -n +4 package.txt > payload.json');
    expect(sh('openssl pkeyutl -verify -pubin -inkey school.pem -rawin -in signed.bin -sigfile signature.bin')).toContain('Signature Verified Successfully');
    expect(sh('sha256sum payload.json').split(' ')[0]).toBe(sealed.manifest.payloadSha256);
    expect(JSON.parse(sh('sed -n 2p package.txt'))).toEqual(sealed.manifest);
    expect(JSON.parse(readFileSync(join(dir, 'payload.json'), 'utf8'))).toEqual(payload);

    // A changed manifest fails the same command.
    sh("sed -i '2s/\"k\":5/\"k\":6/' package.txt && head -n 2 package.txt | head -c -1 > signed.bin");
    expect(() => sh('openssl pkeyutl -verify -pubin -inkey school.pem -rawin -in signed.bin -sigfile signature.bin')).toThrow();
  });

  it('age opens a package with the district identity the app made, and the app opens one that age encrypted', async () => {
    const district = await newDistrictIdentity();
    writeFileSync(join(dir, 'app-district.key'), `${district.identity}\n`);
    const { sealed } = await seal(district.recipient);
    expect(sh('age -d -i app-district.key package.crpkg | sed -n 1p').trim()).toBe('counselroom-district-export/v1');
    // Re-encrypted by age itself (a district relaying a package): the app still opens it and checks everything.
    sh(`age -d -i app-district.key package.crpkg | age -r ${district.recipient} -o relayed.crpkg`);
    const opened = await openPackage(new Uint8Array(readFileSync(join(dir, 'relayed.crpkg'))), {
      ...district,
      schoolKey: () => Buffer.from(sealed.manifest.schoolPublicKey, 'base64'),
    });
    expect(opened).toMatchObject({ ok: true, manifest: sealed.manifest });
  });
});
