import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder Electron's app.getPath('userData') gives for productName
 * "CounselRoom", computed without Electron so the CLI and the bridge open the
 * same archive as the desktop app.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'CounselRoom');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'CounselRoom');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'CounselRoom');
}

/** scrypt cost for new key slots; lowered only by tests and documented as such. */
export function kdfLogNFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const v = env.COUNSELROOM_KDF_LOGN;
  return v === undefined ? undefined : Number(v);
}
