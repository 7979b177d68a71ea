import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the cli project's global setup bundles the command line (out/ is never committed). */
export const CLI_BUNDLE_DIR = fileURLToPath(new URL('../../out/cli-test/', import.meta.url));
const CLI_BUNDLE = join(CLI_BUNDLE_DIR, 'cli.js');

/** Fast key derivation and no passphrase or recovery key inherited from the shell running the tests. */
const BASE_ENV = { COUNSELROOM_KDF_LOGN: '12', COUNSELROOM_PASSPHRASE: '', COUNSELROOM_RECOVERY_KEY: '' };

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
  json<T = Record<string, unknown>>(): T;
}

/** `counselroom <args>` run to its end, with `stdin` as its input. */
export function runCli(args: string[], opts: { env?: Record<string, string>; stdin?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
    encoding: 'utf8',
    // `methods --json` prints every method's JSON Schema: past spawnSync's 1 MB default, the child is killed.
    maxBuffer: 64 * 1024 * 1024,
    input: opts.stdin ?? '',
    env: { ...process.env, ...BASE_ENV, ...opts.env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr, json: <T = Record<string, unknown>>() => JSON.parse(r.stdout) as T };
}

/** `counselroom <args>` as a running child, for tests that kill it part-way. */
export function spawnCli(args: string[], opts: { env?: Record<string, string>; stdio?: StdioOptions } = {}): ChildProcess {
  return spawn(process.execPath, [CLI_BUNDLE, ...args], { env: { ...process.env, ...BASE_ENV, ...opts.env }, stdio: opts.stdio ?? 'ignore' });
}
