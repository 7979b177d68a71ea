import { parseArgs } from 'node:util';
import { CounselError } from '../../shared/api/errors';
import { defaultDemoDir } from '../platform/demo-folder';
import { kdfLogNFromEnv } from '../platform/user-data-dir';
import { buildDemoSchool } from './build';
import { DEMO_ACCOUNTS } from './school';

/** `npm run demo [-- --data DIR --seed N --students N]`: a synthetic school in its own folder. */
const { values } = parseArgs({
  options: { data: { type: 'string' }, seed: { type: 'string', default: '20260901' }, students: { type: 'string', default: '600' } },
  strict: true,
});
const positive = (name: string, v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--${name} must be a positive whole number, not "${v}"\n`);
    process.exit(2);
  }
  return n;
};
const seed = positive('seed', values.seed);
const students = positive('students', values.students);
const dataDir = values.data ?? defaultDemoDir();
const kdfLogN = kdfLogNFromEnv();

const started = performance.now();
try {
  const demo = await buildDemoSchool({ dataDir, seed, students, ...(kdfLogN ? { kdfLogN } : {}) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { counselor, principal } = DEMO_ACCOUNTS;
  process.stdout.write(
    [
      `演示学校已生成 / demo school written (seed ${seed}, ${seconds} s): ${dataDir}`,
      `  ${JSON.stringify(demo.counts)}`,
      `  心理教师 counselor: ${counselor.username} / ${counselor.passphrase}`,
      `  校长 principal:     ${principal.username} / ${principal.passphrase}`,
      `  恢复密钥 recovery key: ${demo.recoveryKey}`,
      `Open it in a browser: npm run dev:web -- --demo`,
      '',
    ].join('\n'),
  );
} catch (e) {
  // A refused call names its field in details: the generator broke a rule of the contract.
  const details = e instanceof CounselError && e.details ? ` ${JSON.stringify(e.details)}` : '';
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}${details}\n`);
  process.exit(1);
}
