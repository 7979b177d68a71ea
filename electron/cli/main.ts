import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ApiResult } from '../../shared/api/errors';
import { defaultUserDataDir } from '../platform/user-data-dir';
import { assessImport, backupCreate, backupRestore, backupVerify, call, exportRawKey, init, methods, rosterImport, type CliIo } from './commands';
import { districtImport, districtKeygen, districtReport, exportDistrict } from './district-commands';
import { exitCodeFor } from './exit-codes';
import { StdinReader } from './secrets';

const USAGE = `counselroom — 心理辅导室工作台 command line

  init --school NAME --user NAME [--display-name NAME] [--code CODE] [--stages junior,senior]
       [--enrollment N] [--district NAME] [--time-zone TZ] [--data DIR] [--json]
  methods [--json]
  call METHOD --user NAME [--input JSON | --input -] [--data DIR]
  roster import FILE --user NAME [--dry-run] [--data DIR]
  assess import FILE --scale ID --date YYYY-MM-DD --user NAME [--version V] [--campaign ID] [--dry-run] [--data DIR]
  key export-raw [--data DIR]
  export district --period FROM..TO [--recipient age1…] [--k N] [--without-compliance] --out FILE --user NAME [--data DIR]
  district keygen --office NAME --code CODE --user NAME [--display-name NAME] [--data DIR]
  district import FILE|FOLDER… --user NAME [--data DIR]   (a folder: its *.crpkg files)
  district report --period FROM..TO --out FILE.xlsx --user NAME [--data DIR]
  backup create --user NAME [--folder DIR] [--data DIR]      (Ctrl-C cancels; no partial file is left)
  backup verify FILE --user NAME [--data DIR]
  backup restore FILE --target NEW_EMPTY_DIR [--data DIR]   (needs the recovery key)

Passphrases come from COUNSELROOM_PASSPHRASE or the first line of standard input;
the recovery key from COUNSELROOM_RECOVERY_KEY or standard input; never from arguments.
--data defaults to the desktop app's data folder (${defaultUserDataDir()}).
Exit codes: 0 ok, 2 validation, 3 auth/forbidden, 4 not found/conflict, 1 other.`;

const OPTIONS = {
  data: { type: 'string' },
  school: { type: 'string' },
  user: { type: 'string' },
  'display-name': { type: 'string' },
  code: { type: 'string' },
  stages: { type: 'string' },
  enrollment: { type: 'string' },
  district: { type: 'string' },
  'time-zone': { type: 'string' },
  input: { type: 'string' },
  scale: { type: 'string' },
  date: { type: 'string' },
  version: { type: 'string' },
  campaign: { type: 'string' },
  folder: { type: 'string' },
  target: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'without-compliance': { type: 'boolean' },
  period: { type: 'string' },
  recipient: { type: 'string' },
  out: { type: 'string' },
  office: { type: 'string' },
  k: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

function need<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new UsageError(`missing ${what}`);
  return v;
}

async function run(argv: string[], io: CliIo): Promise<ApiResult<unknown> | 'usage'> {
  const { values: o, positionals: p } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  if (o.help || p.length === 0) return 'usage';
  const data = o.data ?? defaultUserDataDir();
  const [cmd, sub, arg] = p;
  if (cmd === 'init') {
    return init(
      {
        data,
        school: need(o.school, '--school'),
        user: need(o.user, '--user'),
        displayName: o['display-name'] ?? need(o.user, '--user'),
        code: o.code ?? '0000000000',
        stages: (o.stages ?? 'junior').split(',').map((s) => s.trim()),
        enrollment: Number(o.enrollment ?? '1000'),
        district: o.district ?? '未填写',
        timeZone: o['time-zone'] ?? 'Asia/Shanghai',
      },
      io,
    );
  }
  if (cmd === 'methods') return { ok: true, value: methods() };
  if (cmd === 'call') return call({ data, user: need(o.user, '--user'), method: need(sub, 'METHOD'), input: o.input }, io);
  if (cmd === 'roster' && sub === 'import') {
    return rosterImport({ data, user: need(o.user, '--user'), file: need(arg, 'FILE'), dryRun: o['dry-run'] === true }, io);
  }
  if (cmd === 'assess' && sub === 'import') {
    return assessImport(
      {
        data,
        user: need(o.user, '--user'),
        file: need(arg, 'FILE'),
        scaleId: need(o.scale, '--scale'),
        date: need(o.date, '--date'),
        version: o.version,
        campaignId: o.campaign,
        dryRun: o['dry-run'] === true,
      },
      io,
    );
  }
  if (cmd === 'key' && sub === 'export-raw') return exportRawKey({ data }, io);
  if (cmd === 'export' && sub === 'district') {
    const k = o.k === undefined ? undefined : Number(o.k);
    return exportDistrict({ data, user: need(o.user, '--user'), period: need(o.period, '--period'), recipient: o.recipient, out: need(o.out, '--out'), k, withoutCompliance: o['without-compliance'] === true }, io);
  }
  if (cmd === 'district' && sub === 'keygen') {
    const user = need(o.user, '--user');
    return districtKeygen({ data, user, displayName: o['display-name'] ?? user, office: need(o.office, '--office'), code: need(o.code, '--code') }, io);
  }
  if (cmd === 'district' && sub === 'import') return districtImport({ data, user: need(o.user, '--user'), files: p.slice(2).length > 0 ? p.slice(2) : [need(arg, 'FILE')] }, io);
  if (cmd === 'district' && sub === 'report') return districtReport({ data, user: need(o.user, '--user'), period: need(o.period, '--period'), out: need(o.out, '--out') }, io);
  if (cmd === 'backup' && sub === 'create') {
    const progress = (done: number, total: number) => process.stderr.write(`backup ${total === 0 ? 0 : Math.floor((done / total) * 100)}%\n`);
    return backupCreate({ data, user: need(o.user, '--user'), folder: o.folder === undefined ? undefined : resolve(o.folder) }, { ...io, progress });
  }
  if (cmd === 'backup' && sub === 'verify') return backupVerify({ data, user: need(o.user, '--user'), file: resolve(need(arg, 'FILE')) }, io);
  if (cmd === 'backup' && sub === 'restore') return backupRestore({ data, file: resolve(need(arg, 'FILE')), target: resolve(need(o.target, '--target')) }, io);
  throw new UsageError(`unknown command: ${p.join(' ')}`);
}

function printMethods(value: unknown, json: boolean): void {
  if (json) return void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  for (const m of value as { name: string; roles: string[]; summary: string }[]) {
    process.stdout.write(`${m.name.padEnd(30)} ${m.roles.join(',').padEnd(28)} ${m.summary}\n`);
  }
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const io: CliIo = { stdin: new StdinReader(), out: (v) => process.stdout.write(`${JSON.stringify(v, null, 2)}\n`) };
  let result: Awaited<ReturnType<typeof run>>;
  try {
    result = await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${JSON.stringify({ error: { code: 'USAGE', message: (e as Error).message } })}\n${USAGE}\n`);
      return 1;
    }
    throw e;
  }
  if (result === 'usage') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!result.ok) {
    process.stderr.write(`${JSON.stringify({ error: result.error })}\n`);
    return exitCodeFor(result.error.code);
  }
  const json = argv.includes('--json');
  if (argv[0] === 'methods') printMethods(result.value, json);
  else if (argv[0] === 'init' && !json) {
    const v = result.value as { recoveryKey: string; user: { username: string } };
    process.stdout.write(
      `初始化完成 / Setup done. Counselor: ${v.user.username}\n\n恢复密钥 / RECOVERY KEY (shown once — print it and keep it locked away):\n\n    ${v.recoveryKey}\n\n`,
    );
  } else io.out(result.value);
  return 0;
}

// process.exit drops whatever a pipe has not taken yet (a long `methods --json`): exit once stdout has drained.
main().then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (e: unknown) => {
    process.stderr.write(`${JSON.stringify({ error: { code: 'INTERNAL', message: (e as Error).name } })}\n`);
    process.exit(1);
  },
);
