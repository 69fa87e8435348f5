// Shared body of the seed-sweep test files: run a range of seeds and fail with the first
// failing seed, its violation and the tail of its trace.
import type { ExecutionContext } from 'ava';
import { runSimulation, type SimulationOptions, defaultLivenessBound } from '../../src/index.js';

export interface SweepSpec {
  first: number;
  count: number;
  options: Omit<SimulationOptions, 'seed'>;
}

export function sweep(t: ExecutionContext, spec: SweepSpec): void {
  const failures: string[] = [];
  let ops = 0;
  let snapshots = 0;
  let confChanges = 0;
  let crashes = 0;
  let maxRecovery = 0;
  let undecided = 0;
  let quietTicks = 0;
  for (let seed = spec.first; seed < spec.first + spec.count; seed++) {
    const r = runSimulation({ seed, ...spec.options });
    ops += r.stats.opsCompleted;
    snapshots += r.stats.snapshotsInstalled;
    confChanges += r.stats.confChanges;
    crashes += r.stats.crashes;
    maxRecovery = Math.max(maxRecovery, r.stats.recoveryTicks);
    if (r.stats.linearizabilityUndecided) undecided++;
    quietTicks += r.stats.quietTicks;
    if (r.failure !== undefined) {
      if (failures.length === 0) {
        t.log(`seed ${seed} failed: ${r.failure.message}\n${r.failure.trace.slice(-80).join('\n')}`);
      }
      failures.push(`seed ${seed}: ${r.failure.kind}`);
    }
  }
  t.log(`${spec.count} seeds from ${spec.first}: ${ops} ops, ${snapshots} snapshots installed, ${confChanges} conf changes, ${crashes} crashes, max recovery ${maxRecovery} ticks`);
  t.is(undecided, 0, 'every history got a linearizability verdict');
  t.deepEqual(failures, [], `reproduce with runSimulation({ seed, ...${JSON.stringify(spec.options)} })`);
  // The runs did real work: a sweep where nothing happens would pass vacuously.
  t.true(ops > spec.count * 5, 'clients completed operations');
  const et = spec.options.electionTick ?? 10;
  t.true(maxRecovery > 0 && maxRecovery <= defaultLivenessBound(et, spec.options.electionJitterTick ?? et), 'recovery within the liveness bound');
  const faults = spec.options.faults;
  if (faults === undefined || faults.includes('crash')) t.true(crashes > 0, 'crashes were injected');
  if (faults === undefined || faults.includes('snapshot')) t.true(snapshots > 0, 'snapshots were installed');
  if (faults === undefined || faults.includes('membership')) t.true(confChanges > 0, 'membership changed');
  if (spec.options.quiesce === true) t.true(quietTicks > 0, 'idle members were left unticked');
}
