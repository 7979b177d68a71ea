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
 * `--optimize-for-size` makes V8 grow the old generation in smaller steps and give memory back
 * sooner. With the young generation capped, the objects of those bursts were promoted and the old
 * generation grew instead (campaigns.triage and students.rollForwardPreview each still added
 * ~45 MiB of V8 pages the resident set kept, with ~40 MiB of heap in use).
 *
 * On the 10-year archive, three runs of the bundled core each way back to back: peak 370-388 MiB
 * without the flags, 200-221 MiB with them. The price is more collections: the methods' p50
 * moved by 1.02x (median over methods), their p95 by 1.15x, but the allocation-heavy ones' p95
 * rose 2-3x and search.notes' p95 from ~15 to ~50 ms (docs/PERFORMANCE.md, "The core's memory").
 * The core runs on a counseling room's old PC beside the window, so memory comes first here;
 * removing `--optimize-for-size` gives those p95s back for ~100 MiB.
 */
export const CORE_V8_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--optimize-for-size'];
