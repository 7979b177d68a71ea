// The crash-injection and fuzzing suites at full length: `npm test` runs them with small bounded
// counts, this runs many more. CRASH_KILLS (default 200) SIGKILLs during long writes, FUZZ_ROUNDS
// (default 60) calls per contract method; CRASH_SEED and FUZZ_SEED pick other sequences (a failure
// names its seed, so it can be replayed). Extra arguments go to vitest.
import { spawn } from 'node:child_process';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const env = {
  ...process.env,
  CRASH_KILLS: process.env.CRASH_KILLS ?? '200',
  FUZZ_ROUNDS: process.env.FUZZ_ROUNDS ?? '60',
};
const started = performance.now();
const run = spawn(npx, ['vitest', 'run', 'tests/cli/crash-injection.test.ts', 'tests/integration/fuzz-dispatcher.test.ts', ...process.argv.slice(2)], { stdio: 'inherit', env });
run.on('exit', (code, signal) => {
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  console.log(`\ntorture: ${code === 0 ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`} in ${minutes} min: ${env.CRASH_KILLS} kills, ${env.FUZZ_ROUNDS} fuzz rounds`);
  process.exit(code ?? (signal ? 1 : 0));
});
