// How the core is bundled for Node: ESM, the native module left outside (its .node file cannot be
// bundled), and the migrations copied next to the bundle, where the core looks for them
// (new URL('./migrations/', import.meta.url)). Used by the Electron build and by the CLI tests.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = fileURLToPath(new URL('..', import.meta.url));

export const external = ['electron', 'better-sqlite3-multiple-ciphers'];

// CommonJS dependencies bundled into ESM still call require() for Node built-ins.
const esmRequireBanner = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** Bundles `entryPoints` ({ name: source }) into `outdir` as name.js, with the migrations beside them. */
export async function bundleForNode(entryPoints, outdir) {
  await build({
    absWorkingDir: root,
    bundle: true,
    external,
    logLevel: 'warning',
    entryPoints,
    outdir,
    outExtension: { '.js': '.js' },
    format: 'esm',
    platform: 'node',
    target: 'node22',
    banner: { js: esmRequireBanner },
  });
  const migrationsSource = path.join(root, 'electron', 'db', 'migrations');
  const migrationsTarget = path.join(outdir, 'migrations');
  mkdirSync(migrationsTarget, { recursive: true });
  for (const file of readdirSync(migrationsSource).filter((name) => name.endsWith('.sql'))) {
    copyFileSync(path.join(migrationsSource, file), path.join(migrationsTarget, file));
  }
}
