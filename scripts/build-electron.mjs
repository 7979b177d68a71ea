// Bundles the Electron side into out/: main and the database host as ESM, the preload as
// CommonJS (a sandboxed preload cannot be an ES module). The renderer is built by Vite.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'out');

// The native module is loaded from outside the bundle (its .node file cannot be bundled).
const external = ['electron', 'better-sqlite3-multiple-ciphers'];
// CommonJS dependencies bundled into ESM still call require() for Node built-ins.
const esmRequireBanner = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

const common = { absWorkingDir: root, bundle: true, external, logLevel: 'warning' };

for (const dir of ['main', 'preload']) rmSync(path.join(out, dir), { recursive: true, force: true });

await Promise.all([
  build({
    ...common,
    entryPoints: { main: 'electron/main.ts', 'db-host': 'electron/db-host.ts' },
    outdir: path.join(out, 'main'),
    outExtension: { '.js': '.js' },
    format: 'esm',
    platform: 'node',
    target: 'node22',
    banner: { js: esmRequireBanner },
  }),
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: path.join(out, 'preload', 'preload.cjs'),
    format: 'cjs',
    platform: 'browser',
    target: 'es2023',
  }),
]);

// The core reads its migrations from new URL('./migrations/', import.meta.url), i.e. next to db-host.js.
const migrationsSource = path.join(root, 'electron', 'db', 'migrations');
const migrationsTarget = path.join(out, 'main', 'migrations');
mkdirSync(migrationsTarget, { recursive: true });
for (const file of readdirSync(migrationsSource).filter((name) => name.endsWith('.sql'))) {
  copyFileSync(path.join(migrationsSource, file), path.join(migrationsTarget, file));
}

console.log('built out/main/main.js, out/main/db-host.js, out/preload/preload.cjs and out/main/migrations/');
