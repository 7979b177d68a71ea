// One native module, two runtimes. `npm ci` builds better-sqlite3-multiple-ciphers for Node
// (the tests use that build). Electron needs the same module built for its own ABI, so this
// script keeps an Electron-ABI copy in .cache/electron-native/<electron>-<platform>-<arch>/,
// made once per Electron version from a throw-away copy of the module: node_modules is never
// touched, so `npm test` and `npm start` work in any order. Then it starts Electron with
// COUNSELROOM_NATIVE_BINDING pointing at that copy (main hands it to the database host).
//
//   node scripts/electron-native.mjs [electron args]   ensure the copy, then run Electron
//   node scripts/electron-native.mjs --check           print the path and whether it exists
//
// scripts/pack-before.cjs imports ensureElectronNative() to do the same per packaged arch.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MODULE = 'better-sqlite3-multiple-ciphers';
const BINARY = 'better_sqlite3.node';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MODULE_DIR = path.join(ROOT, 'node_modules', MODULE);
// Without network both steps fail fast; these bound a connection that hangs instead.
const PREBUILD_TIMEOUT_MS = 2 * 60_000;
const REBUILD_TIMEOUT_MS = 20 * 60_000;

export function electronVersion() {
  return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

/** Where the Electron-ABI build for this Electron version and target lives. */
export function electronNativePath({ platform = process.platform, arch = process.arch } = {}) {
  return path.join(ROOT, '.cache', 'electron-native', `${electronVersion()}-${platform}-${arch}`, BINARY);
}

/** Returns the path of the Electron-ABI build, making it first if it is missing. */
export async function ensureElectronNative({ platform = process.platform, arch = process.arch, log = console.log } = {}) {
  const target = electronNativePath({ platform, arch });
  if (existsSync(target)) return target;

  const version = electronVersion();
  log(`electron-native: building ${MODULE} for Electron ${version} (${platform}-${arch}), once per version…`);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'counselroom-native-'));
  try {
    const moduleCopy = path.join(workDir, MODULE);
    // The Node-ABI build output stays behind: only sources travel, so nothing stale is picked up.
    cpSync(MODULE_DIR, moduleCopy, { recursive: true, filter: (source) => source !== path.join(MODULE_DIR, 'build') });

    const prebuildError = await fetchPrebuild(moduleCopy, { version, platform, arch });
    if (prebuildError) {
      const rebuildError = await buildFromSource(moduleCopy, { version, platform, arch });
      if (rebuildError) {
        throw new Error(
          `electron-native: no ${MODULE} build for Electron ${version} (${platform}-${arch}).\n` +
            `  prebuilt download: ${prebuildError}\n  build from source: ${rebuildError}\n` +
            `  Both need network access (GitHub releases, Electron headers). Run again with network,\n` +
            `  or place a ${BINARY} built for this Electron at ${target}.`,
        );
      }
    }

    mkdirSync(path.dirname(target), { recursive: true });
    // Copy then rename, so an interrupted copy is never mistaken for a finished build.
    const partial = `${target}.partial`;
    copyFileSync(path.join(moduleCopy, 'build', 'Release', BINARY), partial);
    renameSync(partial, target);
    log(`electron-native: saved ${path.relative(ROOT, target)}`);
    return target;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** prebuild-install for the Electron runtime; resolves to an error text, or null on success. */
async function fetchPrebuild(moduleCopy, { version, platform, arch }) {
  const bin = path.join(ROOT, 'node_modules', 'prebuild-install', 'bin.js');
  const args = [bin, '--runtime', 'electron', '--target', version, '--arch', arch, '--platform', platform];
  const { code, output } = await run(process.execPath, args, { cwd: moduleCopy, timeoutMs: PREBUILD_TIMEOUT_MS });
  if (code === 0 && existsSync(path.join(moduleCopy, 'build', 'Release', BINARY))) return null;
  return lastLine(output) || `exited with ${code}`;
}

/** @electron/rebuild (node-gyp against Electron's headers); resolves to an error text, or null. */
async function buildFromSource(moduleCopy, { version, platform, arch }) {
  const { rebuild } = await import('@electron/rebuild');
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${REBUILD_TIMEOUT_MS / 60_000} min`)), REBUILD_TIMEOUT_MS);
  });
  try {
    await Promise.race([
      rebuild({
        buildPath: moduleCopy,
        projectRootPath: moduleCopy,
        electronVersion: version,
        platform,
        arch,
        force: true,
        onlyModules: [MODULE],
        // fetchPrebuild already tried the download; do not try it a second time.
        buildFromSource: true,
      }),
      timeout,
    ]);
    return existsSync(path.join(moduleCopy, 'build', 'Release', BINARY)) ? null : `no ${BINARY} was produced`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

function run(command, args, { cwd, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: null, output: error.message }));
    child.on('close', (code, signal) =>
      resolve({ code, output: signal === 'SIGTERM' ? `timed out after ${timeoutMs / 1000} s` : output }),
    );
  });
}

function lastLine(text) {
  return text.trim().split('\n').pop()?.trim() ?? '';
}

async function main(args) {
  if (args.includes('--check')) {
    const target = electronNativePath();
    console.log(`${target} ${existsSync(target) ? '(present)' : '(missing)'}`);
    return;
  }
  const nativeBinding = await ensureElectronNative();
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
