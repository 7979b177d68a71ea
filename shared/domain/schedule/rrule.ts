/**
 * rrule ships ES modules for bundlers (its "module" field) but a UMD bundle as "main", in which
 * Node's own ESM loader (tsx: the CLI, the bridge, the benchmarks) finds only a default export.
 * Either way this is the RRule class.
 */
import * as rrule from 'rrule';

type Module = typeof rrule;
// Read through a plain object, so a bundler does not flag the default export its build lacks.
const exported: Partial<Module> & { default?: Module } = rrule;
export const RRule: Module['RRule'] = exported.RRule ?? exported.default!.RRule;
