// The checkers have teeth: with a deliberately broken member, a bounded number of seeds must
// produce a violation, reported with its seed and a trace.
import test from 'ava';
import { runSimulation, type InjectedBug, type SimulationOptions, type ViolationKind } from '../src/index.js';

function firstFailure(bug: InjectedBug, options: Omit<SimulationOptions, 'seed' | 'bug'>, maxSeeds: number) {
  for (let seed = 1; seed <= maxSeeds; seed++) {
    const r = runSimulation({ seed, bug, ...options });
    if (r.failure !== undefined) return { seed, failure: r.failure };
  }
  return undefined;
}

const safetyKinds: ViolationKind[] = ['electionSafety', 'logMatching', 'leaderCompleteness', 'committedChanged', 'stateMachineSafety', 'linearizability'];

test('a log that loses its tail on crash (fsync lied) is caught', (t) => {
  const found = firstFailure('loseTail', { faults: ['drop', 'delay', 'partition', 'crash'] }, 50);
  if (found === undefined) return t.fail('no violation in 50 seeds');
  t.log(`seed ${found.seed}: ${found.failure.message}`);
  t.true(safetyKinds.includes(found.failure.kind), found.failure.kind);
  t.true(found.failure.trace.length > 50, 'a trace comes with the failure');
  t.true(found.failure.trace.some((l) => l.includes('lost its last')), 'the trace shows the injected fault');
  // The same seed reproduces the same failure.
  const again = runSimulation({ seed: found.seed, bug: 'loseTail', faults: ['drop', 'delay', 'partition', 'crash'] });
  t.deepEqual(again.failure, found.failure);
});

test('a member that forgets its vote on restart is caught', (t) => {
  const found = firstFailure('forgetVote', { faults: ['crash', 'delay'], electionJitterTick: 3, crashAfterVote: 0.5 }, 200);
  if (found === undefined) return t.fail('no violation in 200 seeds');
  t.log(`seed ${found.seed}: ${found.failure.message}`);
  t.true(safetyKinds.includes(found.failure.kind), found.failure.kind);
  t.true(found.failure.trace.some((l) => l.includes('forgot its vote')));
});

test('reads served without a read index are caught by the linearizability checker', (t) => {
  const found = firstFailure('localRead', {}, 100);
  if (found === undefined) return t.fail('no violation in 100 seeds');
  t.is(found.failure.kind, 'linearizability');
  t.regex(found.failure.message, /longest valid linearization/);
});

test('the same aggressive schedules without the bug pass', (t) => {
  for (let seed = 1; seed <= 40; seed++) {
    const r = runSimulation({ seed, faults: ['crash', 'delay'], electionJitterTick: 3, crashAfterVote: 0.5 });
    t.is(r.failure, undefined, `seed ${seed}: ${r.failure?.message ?? ''}`);
  }
});
