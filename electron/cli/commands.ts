import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import type { BackupJobView } from '../../shared/api/backup';
import type { ApiResult } from '../../shared/api/errors';
import { createCore } from '../core/core';
import type { Connection } from '../core/types';
import { kdfLogNFromEnv } from '../platform/user-data-dir';
import { secret, type StdinReader } from './secrets';

export interface CliIo {
  stdin: StdinReader;
  out(value: unknown): void;
}

/** One CLI run = one connection: log in, make the call(s), log out. */
export async function withSession<T>(dataDir: string, user: string, io: CliIo, fn: (c: Connection) => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  const kdfLogN = kdfLogNFromEnv();
  const core = createCore({ dataDir, ...(kdfLogN ? { kdfLogN } : {}) });
  const conn = core.connect('cli');
  try {
    const passphrase = await secret(io.stdin, 'COUNSELROOM_PASSPHRASE');
    const login = await conn.call('auth.login', { username: user, passphrase });
    if (!login.ok) return login;
    return await fn(conn);
  } finally {
    await conn.call('auth.logout', {});
    await core.shutdown();
  }
}

export async function withoutSession<T>(dataDir: string, fn: (c: Connection) => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  const kdfLogN = kdfLogNFromEnv();
  const core = createCore({ dataDir, ...(kdfLogN ? { kdfLogN } : {}) });
  try {
    return await fn(core.connect('cli'));
  } finally {
    await core.shutdown();
  }
}

export interface InitArgs {
  data: string;
  school: string;
  user: string;
  displayName: string;
  code: string;
  stages: string[];
  enrollment: number;
  district: string;
  timeZone: string;
}

export async function init(a: InitArgs, io: CliIo) {
  const passphrase = await secret(io.stdin, 'COUNSELROOM_PASSPHRASE');
  return withoutSession(a.data, (c) =>
    c.call('setup.initialize', {
      school: { name: a.school, code: a.code, stages: a.stages, enrollment: a.enrollment, district: a.district, timeZone: a.timeZone },
      counselor: { username: a.user, displayName: a.displayName, passphrase },
    }),
  );
}

export function methods() {
  return METHOD_NAMES.map((name: MethodName) => {
    const m = contract[name];
    return {
      name,
      summary: m.summary,
      kind: m.kind,
      gate: m.gate,
      roles: m.gate === 'none' ? ['(none: before login)'] : [...m.roles],
      input: z.toJSONSchema(m.input, { io: 'input', unrepresentable: 'any' }),
      output: z.toJSONSchema(m.output, { io: 'output', unrepresentable: 'any' }),
    };
  });
}

export async function call(a: { data: string; user: string; method: string; input: string | undefined }, io: CliIo) {
  // The passphrase is read first, so with `--input -` it is the first line of stdin and the JSON follows.
  return withSession(a.data, a.user, io, async (c) => {
    const text = a.input === '-' ? await io.stdin.all() : (a.input ?? '{}');
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch {
      return { ok: false, error: { code: 'VALIDATION', messageKey: 'errors.cli.inputNotJson' } };
    }
    return c.call(a.method, input);
  });
}

/** A spreadsheet named on the command line, as an import method takes it. */
function importFile(path: string): ApiResult<{ fileName: string; contentBase64: string }> {
  try {
    return { ok: true, value: { fileName: basename(path), contentBase64: readFileSync(path).toString('base64') } };
  } catch {
    return { ok: false, error: { code: 'NOT_FOUND', messageKey: 'errors.cli.fileUnreadable', details: { path } } };
  }
}

export async function rosterImport(a: { data: string; user: string; file: string; dryRun: boolean }, io: CliIo) {
  const file = importFile(a.file);
  if (!file.ok) return file;
  return withSession(a.data, a.user, io, (c) => c.call(a.dryRun ? 'students.importPreview' : 'students.importCommit', file.value));
}

export async function assessImport(
  a: { data: string; user: string; file: string; scaleId: string; date: string; version?: string | undefined; campaignId?: string | undefined; dryRun: boolean },
  io: CliIo,
) {
  const file = importFile(a.file);
  if (!file.ok) return file;
  const input = {
    ...file.value,
    scaleId: a.scaleId,
    date: a.date,
    ...(a.version === undefined ? {} : { version: a.version }),
    ...(a.campaignId === undefined ? {} : { campaignId: a.campaignId }),
  };
  return withSession(a.data, a.user, io, (c) => c.call(a.dryRun ? 'assessments.importPreview' : 'assessments.importCommit', input));
}

export async function exportRawKey(a: { data: string }, io: CliIo) {
  const recoveryKey = await secret(io.stdin, 'COUNSELROOM_RECOVERY_KEY');
  return withoutSession(a.data, (c) => c.call('key.exportRaw', { recoveryKey }));
}

/**
 * `backup create`: starts the backup and follows it, printing progress to stderr; Ctrl-C
 * cancels it (no partial file is left) rather than killing the write halfway.
 */
export async function backupCreate(a: { data: string; user: string; folder: string | undefined }, io: CliIo & { progress(done: number, total: number): void }) {
  return withSession(a.data, a.user, io, async (c) => {
    const started = await c.call('backup.start', a.folder === undefined ? {} : { folder: a.folder });
    if (!started.ok) return started;
    let view = started.value as BackupJobView;
    let interrupted = false;
    const onSigint = () => {
      interrupted = true;
    };
    process.on('SIGINT', onSigint);
    try {
      while (view.state === 'running') {
        if (interrupted) await c.call('backup.cancel', { jobId: view.jobId });
        await new Promise((r) => setTimeout(r, 100));
        const next = await c.call('backup.progress', { jobId: view.jobId });
        if (!next.ok) return next;
        view = next.value as BackupJobView;
        io.progress(view.done, view.total);
      }
    } finally {
      process.off('SIGINT', onSigint);
    }
    if (view.state === 'done') return { ok: true, value: { file: view.file, bytes: view.total } };
    return { ok: false, error: { code: 'CONFLICT', messageKey: view.errorKey ?? 'errors.backup.cancelled' } };
  });
}

export async function backupVerify(a: { data: string; user: string; file: string }, io: CliIo) {
  return withSession(a.data, a.user, io, (c) => c.call('backup.verify', { file: a.file }));
}

/** Restores with the recovery key and no login: what a damaged or lost archive needs. */
export async function backupRestore(a: { data: string; file: string; target: string }, io: CliIo) {
  const recoveryKey = await secret(io.stdin, 'COUNSELROOM_RECOVERY_KEY');
  return withoutSession(a.data, (c) => c.call('backup.restore', { file: a.file, targetDir: a.target, recoveryKey }));
}
