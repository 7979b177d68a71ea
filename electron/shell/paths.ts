import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The shell is bundled into out/main/main.js, so out/ is the parent of this code's folder.
const OUT_DIR = fileURLToPath(new URL('../', import.meta.url));

export const RENDERER_ROOT = path.join(OUT_DIR, 'renderer');
export const PRELOAD_PATH = path.join(OUT_DIR, 'preload', 'preload.cjs');
export const DB_HOST_PATH = path.join(OUT_DIR, 'main', 'db-host.js');
