import { readFileSync } from 'node:fs';
import type { CounselClient } from '../../shared/api/contract';
import { startTestCore, TEST_PASSPHRASE, type TestCore } from './inproc';

/** A district-mode archive set up through the contract, with its officer logged in. */
export async function startDistrict(): Promise<{ t: TestCore; c: CounselClient; recipient: string; recoveryKey: string }> {
  const t = await startTestCore();
  const r = await t.client.setup.initializeDistrict({
    office: { name: '示例区教育局', code: '330102' },
    officer: { username: 'quyuan', displayName: '区教研员', passphrase: TEST_PASSPHRASE },
  });
  return { t, c: t.client, recipient: r.recipient, recoveryKey: r.recoveryKey };
}

export const fileOf = (path: string, name = path.split('/').pop()!) => ({ name, base64: readFileSync(path).toString('base64') });
