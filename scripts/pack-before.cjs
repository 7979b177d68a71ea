/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks as CommonJS */
// electron-builder beforePack hook: puts the better-sqlite3-multiple-ciphers binary for the
// platform and arch being packed where extraResources picks it up
// (.cache/electron-native/pack/${os}-${arch}/), chosen as `npm start` chooses it.
const { copyFileSync, mkdirSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { Arch } = require('electron-builder');

module.exports = async function beforePack(context) {
  const { ensureElectronNative } = await import(pathToFileURL(path.join(__dirname, 'electron-native.mjs')).href);
  const arch = Arch[context.arch];
  const binary = ensureElectronNative({ platform: context.electronPlatformName, arch });
  // ${os} in electron-builder.yml is the target's configuration key (mac, win, linux).
  const os = context.packager.platform.buildConfigurationKey;
  const staged = path.join(__dirname, '..', '.cache', 'electron-native', 'pack', `${os}-${arch}`, 'better_sqlite3.node');
  mkdirSync(path.dirname(staged), { recursive: true });
  copyFileSync(binary, staged);
};
