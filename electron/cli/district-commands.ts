import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ApiResult } from '../../shared/api/errors';
import { packageFilesOf } from '../../shared/domain/district-package';
import { writeFileAtomic } from '../fs/atomic-write';
import { type CliIo, withoutSession, withSession } from './commands';
import { secret } from './secrets';

/** `2025-02-17..2025-07-04`: a period as one argument. */
export function parsePeriod(text: string): { from: string; to: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  return m ? { from: m[1]!, to: m[2]! } : null;
}

const badPeriod = (): ApiResult<never> => ({ ok: false, error: { code: 'VALIDATION', messageKey: 'errors.validation', details: [{ path: 'period', reason: 'errors.field.dateFormat' }] } });

/**
 * The school's package for the period: the recipient is set first when given, then the file is
 * written atomically. The checklist signed last by the period's end goes along unless left out.
 */
export async function exportDistrict(
  a: { data: string; user: string; period: string; recipient?: string | undefined; out: string; k?: number | undefined; withoutCompliance?: boolean },
  io: CliIo,
) {
  const period = parsePeriod(a.period);
  if (!period) return badPeriod();
  return withSession(a.data, a.user, io, async (c) => {
    if (a.recipient !== undefined) {
      const set = await c.call('district.setRecipient', { recipient: a.recipient });
      if (!set.ok) return set;
    }
    return c.call('district.exportPackage', { ...period, path: resolve(a.out), includeCompliance: a.withoutCompliance !== true, ...(a.k === undefined ? {} : { k: a.k }) });
  });
}

/** First run on a district computer: the archive, the officer, the district key pair. */
export async function districtKeygen(a: { data: string; user: string; displayName: string; office: string; code: string }, io: CliIo) {
  const passphrase = await secret(io.stdin, 'COUNSELROOM_PASSPHRASE');
  return withoutSession(a.data, (c) =>
    c.call('setup.initializeDistrict', { office: { name: a.office, code: a.code }, officer: { username: a.user, displayName: a.displayName, passphrase } }),
  );
}

/** The package files a path names: the file itself, or a folder's `*.crpkg` files in name order (a USB stick's folder). */
function packagePaths(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return packageFilesOf(readdirSync(path), (f) => f).map((f) => join(path, f));
}

export async function districtImport(a: { data: string; user: string; files: string[] }, io: CliIo) {
  const files: { name: string; base64: string }[] = [];
  for (const given of a.files) {
    try {
      for (const path of packagePaths(given)) files.push({ name: basename(path), base64: readFileSync(path).toString('base64') });
    } catch {
      return { ok: false, error: { code: 'NOT_FOUND', messageKey: 'errors.cli.fileUnreadable', details: { path: given } } } as const;
    }
  }
  return withSession(a.data, a.user, io, (c) => c.call('district.import', { files }));
}

export async function districtReport(a: { data: string; user: string; period: string; out: string }, io: CliIo) {
  const period = parsePeriod(a.period);
  if (!period) return badPeriod();
  return withSession(a.data, a.user, io, async (c) => {
    const r = await c.call('district.reportXlsx', period);
    if (!r.ok) return r;
    const out = resolve(a.out);
    writeFileAtomic(out, Buffer.from((r.value as { base64: string }).base64, 'base64'));
    return { ok: true, value: { path: out } };
  });
}
