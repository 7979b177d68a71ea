// The renderer and browser e2e tests under a bounded CPU load: a busy machine must give the same
// answer as an idle one. Two workers spin for the length of the run (one per core of the
// two-core machines the suite is sized for; STRESS_WORKERS changes it), then are stopped.
// The renderer is built once first; CI=true so that missing e2e prerequisites fail instead of skipping.
import { spawn, spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';

const workers = Number(process.env.STRESS_WORKERS ?? 2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const build = spawnSync(npm, ['run', 'build:renderer'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const spinners = Array.from({ length: workers }, () => new Worker('for (;;) {}', { eval: true }));
const started = performance.now();
const run = spawn(npx, ['vitest', 'run', '--project', 'renderer', '--project', 'renderer-isolated', '--project', 'e2e', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CI: 'true' },
});
run.on('exit', async (code, signal) => {
  await Promise.all(spinners.map((w) => w.terminate()));
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`\ntest:stress: ${code === 0 ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds} s beside ${workers} busy workers`);
  process.exit(code ?? (signal ? 1 : 0));
});
