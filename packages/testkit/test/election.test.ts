import test from 'ava';
import { runElectionExperiment } from '../src/index.js';

test('election experiment: every crash is followed by a new leader, no sooner than the timeout allows', (t) => {
  const heartbeatTick = 15;
  const maxDelay = 5;
  const wide = runElectionExperiment({ seed: 1, electionTick: 150, electionJitterTick: 150, heartbeatTick, maxDelay, trials: 150 });
  t.is(wide.timedOut, 0);
  t.is(wide.samples.length, 150);
  // Followers last heard the leader at most one heartbeat plus one delay before the crash.
  t.true(wide.min >= 150 - heartbeatTick - maxDelay, String(wide.min));
  t.true(wide.min <= wide.p50 && wide.p50 <= wide.p90 && wide.p90 <= wide.p99 && wide.p99 <= wide.max);
});

test('election experiment: narrow randomization splits votes far more often (Raft paper, Figure 16)', (t) => {
  const wide = runElectionExperiment({ seed: 2, electionTick: 150, electionJitterTick: 150, trials: 150, preVote: false });
  const narrow = runElectionExperiment({ seed: 2, electionTick: 150, electionJitterTick: 1, trials: 150, preVote: false });
  t.log(`wide p50=${wide.p50} p99=${wide.p99} split=${wide.splitShare}; narrow p50=${narrow.p50} p99=${narrow.p99} split=${narrow.splitShare}`);
  t.true(narrow.splitShare > wide.splitShare);
  t.true(narrow.p90 > wide.p90);
});
