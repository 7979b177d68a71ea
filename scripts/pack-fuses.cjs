/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks as CommonJS */
// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, so the
// shipped app cannot be turned into a plain Node runtime or inspector, loads its code only
// from the (integrity-checked) asar, and grants file:// no extra privileges.
const path = require('node:path');
const { Arch } = require('electron-builder');

const EXECUTABLE_SUFFIX = { darwin: '.app', win32: '.exe', linux: '' };

module.exports = async function afterPack(context) {
  const { flipFuses, FuseV1Options, FuseVersion } = await import('@electron/fuses');
  const platform = context.electronPlatformName;
  const packager = context.packager;
  const name = platform === 'linux' ? packager.executableName : packager.appInfo.productFilename;
  await flipFuses(path.join(context.appOutDir, `${name}${EXECUTABLE_SUFFIX[platform]}`), {
    version: FuseVersion.V1,
    // Flipping invalidates the ad-hoc signature Apple silicon requires; electron-builder signs after this hook.
    resetAdHocDarwinSignature: platform === 'darwin' && context.arch === Arch.arm64,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  });
};
