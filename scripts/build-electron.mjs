// Bundles the Electron side into out/: main and the database host as ESM (with the migrations
// beside them), the preload as CommonJS (a sandboxed preload cannot be an ES module). The renderer
// is built by Vite.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { bundleForNode, external, root } from './node-bundle.mjs';

const out = path.join(root, 'out');

for (const dir of ['main', 'preload']) rmSync(path.join(out, dir), { recursive: true, force: true });

await Promise.all([
  bundleForNode({ main: 'electron/main.ts', 'db-host': 'electron/db-host.ts' }, path.join(out, 'main')),
  build({
    absWorkingDir: root,
    bundle: true,
    external,
    logLevel: 'warning',
    entryPoints: ['electron/preload.ts'],
    outfile: path.join(out, 'preload', 'preload.cjs'),
    format: 'cjs',
    platform: 'browser',
    target: 'es2023',
  }),
]);

console.log('built out/main/main.js, out/main/db-host.js, out/preload/preload.cjs and out/main/migrations/');
