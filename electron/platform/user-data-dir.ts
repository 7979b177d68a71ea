import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The archive folder. main.ts hands it to Electron (app.setPath('userData')), and the CLI and
 * the bridge use it too, so every door opens the same archive. On Windows it is the local
 * AppData, not Electron's default Roaming one: school domains copy roaming profiles to a server.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'CounselRoom');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'CounselRoom');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'CounselRoom');
}

/** scrypt cost for new key slots; lowered only by tests and documented as such. */
export function kdfLogNFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const v = env.COUNSELROOM_KDF_LOGN;
  return v === undefined ? undefined : Number(v);
}
