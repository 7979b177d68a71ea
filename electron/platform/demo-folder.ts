import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defaultUserDataDir } from './user-data-dir';

/**
 * The file `npm run demo` leaves in the folder it fills. The demo flag follows the folder rather
 * than a setting in the archive, so no method can mark real records as demo data or the reverse.
 */
export const DEMO_MARKER = 'DEMO-SCHOOL.txt';

const MARKER_TEXT = '本文件夹由 npm run demo 生成：全部为虚构的演示数据，不含任何真实学生信息。\nThis folder was filled by `npm run demo`: entirely synthetic records.\n';

export function isDemoFolder(dataDir: string): boolean {
  return existsSync(join(dataDir, DEMO_MARKER));
}

/** Beside the real archive folder, never inside it, so deleting the demo cannot touch real records. */
export function defaultDemoDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return join(dirname(defaultUserDataDir(env, platform)), 'CounselRoom-demo');
}

export class NotADemoFolderError extends Error {
  constructor(readonly dataDir: string) {
    super(`${dataDir} holds files but no ${DEMO_MARKER}: it may be a real archive, and the demo never writes into one`);
    this.name = 'NotADemoFolderError';
  }
}

/**
 * Makes `dataDir` an empty demo folder carrying the marker. A folder that already holds a demo is
 * emptied (a demo is rebuilt from its seed, never patched); a folder with anything else in it, or
 * the real archive folder itself, is refused before a byte is written or removed.
 */
export function prepareDemoFolder(dataDir: string, realDir: string = defaultUserDataDir()): void {
  const dir = resolve(dataDir);
  if (dir === resolve(realDir)) throw new NotADemoFolderError(dir);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!isDemoFolder(dir)) throw new NotADemoFolderError(dir);
    rmSync(dir, { recursive: true });
  }
  mkdirSync(dir, { recursive: true });
  // Written first: a run cut short still leaves a folder every door shows as demo data.
  writeFileSync(join(dir, DEMO_MARKER), MARKER_TEXT);
}
