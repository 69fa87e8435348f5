// Running many seeds: a summary of a contiguous range of seeds, the unit of work that test files
// and the command-line sweep's worker threads hand out.
import { runSimulation, type SimulationFailure, type SimulationOptions } from './simulator.js';

/** One failing seed of a sweep. */
export interface SweepFailure {
  /** The seed to reproduce with. */
  seed: number;
  /** What broke. */
  failure: SimulationFailure;
}

/** Totals over a range of seeds. */
export interface SweepSummary {
  /** Seeds run. */
  seeds: number;
  /** Failing seeds (at most `maxFailures` kept). */
  failures: SweepFailure[];
  /** Failing seeds in total. */
  failed: number;
  /** Client operations completed. */
  opsCompleted: number;
  /** Snapshots installed. */
  snapshotsInstalled: number;
  /** Membership changes applied. */
  confChanges: number;
  /** Crashes injected. */
  crashes: number;
  /** Slowest recovery after faults stopped, in ticks. */
  maxRecoveryTicks: number;
  /** Ticks simulated. */
  ticks: number;
  /** Runs whose history was too hard to decide within the search budget. */
  undecided: number;
}

/** Runs seeds [first, first + count) with the same options. */
export function runSeedRange(first: number, count: number, options: Omit<SimulationOptions, 'seed'>, maxFailures = 10): SweepSummary {
  const s: SweepSummary = { seeds: 0, failures: [], failed: 0, opsCompleted: 0, snapshotsInstalled: 0, confChanges: 0, crashes: 0, maxRecoveryTicks: 0, ticks: 0, undecided: 0 };
  for (let seed = first; seed < first + count; seed++) {
    const r = runSimulation({ ...options, seed });
    s.seeds++;
    s.opsCompleted += r.stats.opsCompleted;
    s.snapshotsInstalled += r.stats.snapshotsInstalled;
    s.confChanges += r.stats.confChanges;
    s.crashes += r.stats.crashes;
    s.ticks += r.stats.ticks;
    if (r.stats.linearizabilityUndecided) s.undecided++;
    s.maxRecoveryTicks = Math.max(s.maxRecoveryTicks, r.stats.recoveryTicks);
    if (r.failure !== undefined) {
      s.failed++;
      if (s.failures.length < maxFailures) s.failures.push({ seed, failure: r.failure });
    }
  }
  return s;
}
