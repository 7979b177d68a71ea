/**
 * V8 flags for every process that runs the core (the Electron database host, the command line,
 * the loopback bridge). They must be on the command line: V8 sizes its heap when the process
 * starts, and setting them later (v8.setFlagsFromString) changes nothing.
 *
 * `--max-semi-space-size=4` caps V8's young generation at 4 MiB a semi-space instead of up to
 * 32 MiB on a 64-bit machine. The core's large reads (a campaign's triage queue, the roster's
 * roll-forward plan, a preview) allocate short-lived rows in bursts; V8 grew the young generation
 * to hold them and the resident set kept most of it.
 *
 * `--optimize-for-size` was tried beside it and is left out. On the 10-year archive, quiet machine,
 * the bundled core's peak was 457 MiB with no flag, 345 MiB with this one and 272 MiB with both;
 * but with both the methods' p95 rose by 1.22x (median over 85) and search.notes' to 24 ms
 * against its 15 ms target, the exports' two to four times, because V8 then collects the old
 * generation far more often. A counseling room's PC has memory to spare for 70 MiB more and no
 * patience for a slow search, so speed is kept (docs/PERFORMANCE.md, "The core's memory").
 *
 * `--expose-gc` lets the core ask for a full collection after a call that took or gave a file
 * (collect-after-file.ts); the old generation's garbage then no longer waits for V8's own schedule.
 * `--no-flush-bytecode` comes with it: V8 throws away the bytecode of functions that have not run
 * for a few full collections, and with a collection after every file a run of exports aged out the
 * code of every screen, whose next calls ran in the interpreter again (p50 1.2x, up to 2.4x for
 * small reads, in the method benchmark; with the flag 0.96x of the run without collections).
 */
export const CORE_V8_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--expose-gc', '--no-flush-bytecode'];
