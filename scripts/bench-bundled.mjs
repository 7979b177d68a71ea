// Runs bench/methods.ts from an esbuild bundle, built as the packaged core is (scripts/node-bundle.mjs),
// so that the memory and start-up it measures are the packaged core's and not tsx's: tsx compiles
// every TypeScript module as it loads, which was half of the benchmark process's resident set.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { bundleForNode, root } from './node-bundle.mjs';

const outdir = path.join(root, '.cache', 'bench-bundle');
await bundleForNode({ methods: path.join(root, 'bench', 'methods.ts'), 'process-flags': path.join(root, 'electron', 'core', 'process-flags.ts') }, outdir);
// The V8 flags the app gives its core's process, so that the memory measured is the app's.
const { CORE_V8_FLAGS } = await import(path.join(outdir, 'process-flags.js'));
// BENCH_EXPOSE_GC=1 lets the benchmark collect garbage after each method, so the resident set it
// records per method is what the method left behind rather than garbage not yet collected.
// BENCH_CORE_FLAGS (space-separated) replaces the core's flags, to measure another choice of them
// against the app's in back-to-back runs.
const coreFlags = process.env.BENCH_CORE_FLAGS === undefined ? CORE_V8_FLAGS : process.env.BENCH_CORE_FLAGS.split(' ').filter(Boolean);
const flags = [...new Set([...coreFlags, ...(process.env.BENCH_EXPOSE_GC === '1' ? ['--expose-gc'] : [])])];
const run = spawnSync(process.execPath, [...flags, path.join(outdir, 'methods.js')], { cwd: root, stdio: 'inherit', env: { ...process.env, BENCH_RUNNER: 'bundle' } });
process.exit(run.status ?? 1);
