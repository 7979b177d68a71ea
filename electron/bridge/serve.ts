import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core/core';
import { defaultDemoDir, isDemoFolder } from '../platform/demo-folder';
import { defaultUserDataDir, kdfLogNFromEnv } from '../platform/user-data-dir';
import { startBridge } from './server';

/**
 * `npm run dev:web`: the app in a browser, on the same archive folder as the desktop app;
 * `-- --demo` opens the folder `npm run demo` fills instead, `-- --data DIR` any other.
 */
const { values } = parseArgs({ options: { data: { type: 'string' }, demo: { type: 'boolean' }, port: { type: 'string' } }, strict: true });
const rendererDir = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
if (!existsSync(`${rendererDir}/index.html`)) {
  process.stderr.write('out/renderer is missing: run `npm run build:renderer` first (npm run dev:web does).\n');
  process.exit(1);
}
const dataDir = values.data ?? (values.demo ? defaultDemoDir() : defaultUserDataDir());
if (values.demo && !isDemoFolder(dataDir)) {
  // Otherwise the browser would offer first-run setup of a new, real-looking archive there.
  process.stderr.write(`${dataDir} holds no demo school: run \`npm run demo\` first.\n`);
  process.exit(1);
}
const kdfLogN = kdfLogNFromEnv();
const core = createCore({ dataDir, ...(kdfLogN ? { kdfLogN } : {}) });
const bridge = await startBridge({ core, rendererDir, port: values.port ? Number(values.port) : 0 });
process.stdout.write(`CounselRoom (browser door) — data: ${dataDir}\nOpen: ${bridge.launchUrl}\n`);

async function stop(): Promise<void> {
  await bridge.close();
  await core.shutdown();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
