/**
 * V8 flags for every process that runs the core (the Electron database host, the command line,
 * the loopback bridge). They must be on the command line: V8 sizes its heap when the process
 * starts, and setting them later (v8.setFlagsFromString) changes nothing.
 *
 * `--max-semi-space-size=4` caps V8's young generation at 4 MiB a semi-space instead of up to
 * 32 MiB on a 64-bit machine. The core's large reads (a campaign's triage queue, the roster's
 * roll-forward plan, a preview) allocate short-lived rows in bursts; V8 grew the young generation
 * to hold them and the resident set kept most of it. On the 10-year archive the core's peak went
 * from 373 to 328 MiB with the cap, with no measurable change in the methods' times
 * (docs/PERFORMANCE.md, "The core's memory").
 */
export const CORE_V8_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
