// How the core is bundled for Node: ESM, the native module left outside (its .node file cannot be
// bundled), and the migrations copied next to the bundle, where the core looks for them
// (new URL('./migrations/', import.meta.url)). Used by the Electron build and by the CLI tests.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = fileURLToPath(new URL('..', import.meta.url));

export const external = ['electron', 'better-sqlite3-multiple-ciphers'];

// CommonJS dependencies bundled into ESM still call require() for Node built-ins.
const esmRequireBanner = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

// V8 keeps a script's source for as long as its functions live, and keeps it as two bytes a
// character if a single character of it is outside Latin-1. esbuild escapes strings but leaves
// regular expressions such as /^(小学|初中|高中)/ as they are, which doubled the core's 4 MB source
// in memory. A \uXXXX escape means the same code unit in a string, a template and a regular
// expression, so the bundle is written with every character outside ASCII escaped.
const asciiOnly = (code) => code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Bundles `entryPoints` ({ name: source }) into `outdir` as name.js, with the migrations beside them. */
export async function bundleForNode(entryPoints, outdir) {
  const result = await build({
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
    minifyWhitespace: true,
    write: false,
  });
  for (const file of result.outputFiles) {
    mkdirSync(path.dirname(file.path), { recursive: true });
    writeFileSync(file.path, asciiOnly(file.text));
  }
  const migrationsSource = path.join(root, 'electron', 'db', 'migrations');
  const migrationsTarget = path.join(outdir, 'migrations');
  mkdirSync(migrationsTarget, { recursive: true });
  for (const file of readdirSync(migrationsSource).filter((name) => name.endsWith('.sql'))) {
    copyFileSync(path.join(migrationsSource, file), path.join(migrationsTarget, file));
  }
}
