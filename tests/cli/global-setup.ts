import { rmSync } from 'node:fs';
import { CLI_BUNDLE_DIR } from '../helpers/cli';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { bundleForNode } from '../../scripts/node-bundle.mjs';

/**
 * The CLI bundled once for the whole cli project: started through tsx, every spawned run compiled
 * the core again (about 1.5 s of CPU each, and these tests spawn it well over a hundred times).
 * The bundle is the same source through the same compiler (esbuild, which tsx uses too).
 */
export default async function setup(): Promise<void> {
  rmSync(CLI_BUNDLE_DIR, { recursive: true, force: true });
  await (bundleForNode as (entries: Record<string, string>, outdir: string) => Promise<void>)({ cli: 'electron/cli/main.ts' }, CLI_BUNDLE_DIR);
}
