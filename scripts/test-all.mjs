// `npm test`: lint and typecheck side by side (each keeps one core busy), then the renderer build
// the browser tests load, then every test project. Each step's output is shown as it comes; the
// first failure stops the run with its exit code. Arguments are passed on to vitest.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function step(...runs) {
  const codes = await Promise.all(runs.map(([cmd, args]) => run(cmd, args)));
  const failed = codes.find((c) => c !== 0);
  if (failed !== undefined) process.exit(failed);
}

await step([npm, ['run', 'lint']], [npm, ['run', 'typecheck']]);
await step([npm, ['run', 'build:renderer']]);
await step([npx, ['vitest', 'run', ...process.argv.slice(2)]]);
