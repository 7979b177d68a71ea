// One native module, two runtimes, one binary. better-sqlite3-multiple-ciphers ships Node-API
// builds for each platform and arch it supports in its prebuilds/ folder, and a Node-API binary
// loads in Node and in Electron alike: the tests and the CLI load it through the package, and
// Electron is handed the same file explicitly (COUNSELROOM_NATIVE_BINDING, which main passes to
// the database host), so nothing is rebuilt for Electron's ABI and nothing is downloaded.
//
//   node scripts/electron-native.mjs [electron args]   run Electron with that binary
//   node scripts/electron-native.mjs --check           print its path and whether it exists
//
// scripts/pack-before.cjs imports ensureElectronNative() to pick the binary per packaged target.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MODULE = 'better-sqlite3-multiple-ciphers';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MODULE_DIR = path.join(ROOT, 'node_modules', MODULE);

/** The module's Node-API binary for a target (Electron builds glibc Linux, macOS and Windows). */
export function electronNativePath({ platform = process.platform, arch = process.arch } = {}) {
  return path.join(MODULE_DIR, 'prebuilds', `${platform}-${arch}.node`);
}

/** Returns the binary for the target, or explains that the module has none for it. */
export function ensureElectronNative({ platform = process.platform, arch = process.arch } = {}) {
  const binary = electronNativePath({ platform, arch });
  if (existsSync(binary)) return binary;
  const { version } = JSON.parse(readFileSync(path.join(MODULE_DIR, 'package.json'), 'utf8'));
  throw new Error(`electron-native: ${MODULE} ${version} has no prebuilt binary for ${platform}-${arch} (looked for ${binary}).`);
}

async function main(args) {
  if (args.includes('--check')) {
    const target = electronNativePath();
    console.log(`${target} ${existsSync(target) ? '(present)' : '(missing)'}`);
    return;
  }
  const nativeBinding = ensureElectronNative();
  console.log(`electron-native: starting Electron with ${path.relative(ROOT, nativeBinding)}`);
  const electronCli = path.join(ROOT, 'node_modules', 'electron', 'cli.js');
  const child = spawn(process.execPath, [electronCli, '.', ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, COUNSELROOM_NATIVE_BINDING: nativeBinding },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('close', (code) => process.exit(code ?? 1));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
