// Runs bench/methods.ts from an esbuild bundle, built as the packaged core is (scripts/node-bundle.mjs),
// so that the memory and start-up it measures are the packaged core's and not tsx's: tsx compiles
// every TypeScript module as it loads, which was half of the benchmark process's resident set.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { bundleForNode, root } from './node-bundle.mjs';

const outdir = path.join(root, '.cache', 'bench-bundle');
await bundleForNode({ methods: path.join(root, 'bench', 'methods.ts') }, outdir);
const run = spawnSync(process.execPath, [path.join(outdir, 'methods.js')], { cwd: root, stdio: 'inherit', env: { ...process.env, BENCH_RUNNER: 'bundle' } });
process.exit(run.status ?? 1);
