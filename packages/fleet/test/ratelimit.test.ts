// A node joining a cluster does not start every membership change at once: each leader node runs at
// most maxConcurrentChanges, and the progress counters show groups moving from out of plan to in plan.
import test from 'ava';
import { placeGroup } from '../src/index.js';
import { TestCluster, waitFor } from './helpers/cluster.js';

test('rebalancing after a join is rate-limited per node and observable', async (t) => {
  const limit = 2;
  const c = new TestCluster(3, { maxConcurrentChanges: limit });
  const ids = ['a', 'b', 'c'];
  try {
    await c.startAll([{ id: 'a', zone: 'z1' }, { id: 'b', zone: 'z2' }, { id: 'c', zone: 'z3' }]);
    const names = Array.from({ length: 24 }, (_, i) => `q${i}`);
    await Promise.all(names.map((g) => c.any().addGroup(g, { replicas: 2, machine: 'counter' })));
    await waitFor('in plan before the join', () => [...c.fleets.values()].reduce((n, f) => n + f.rebalanceStatus().outOfPlan, 0) === 0 && [...c.fleets.values()].reduce((n, f) => n + f.rebalanceStatus().inPlan, 0) === names.length + 1, 30_000);

    let maxInProgress = 0;
    let maxOutOfPlan = 0;
    const sampler = setInterval(() => {
      for (const f of c.fleets.values()) {
        const s = f.rebalanceStatus();
        maxInProgress = Math.max(maxInProgress, s.inProgress);
        maxOutOfPlan = Math.max(maxOutOfPlan, s.outOfPlan);
      }
    }, 2);
    await c.start({ id: 'd', zone: 'z1' }, ids);
    const nodes = [
      { id: 'a', zone: 'z1' },
      { id: 'b', zone: 'z2' },
      { id: 'c', zone: 'z3' },
      { id: 'd', zone: 'z1' },
    ];
    const expected = names.filter((g) => placeGroup(g, nodes, 2).includes('d')).length;
    await waitFor('d holds its share', () => c.fleets.get('d')!.host.groups().filter((g) => g.startsWith('q')).length === expected, 30_000);
    await waitFor('everything in plan again', () => [...c.fleets.values()].every((f) => f.rebalanceStatus().outOfPlan === 0 && f.rebalanceStatus().inProgress === 0), 30_000);
    clearInterval(sampler);
    t.true(expected > limit, `the join moves ${expected} groups, more than the limit`);
    t.true(maxInProgress <= limit, `at most ${limit} changes at once per node, saw ${maxInProgress}`);
    t.true(maxInProgress >= 1);
    t.true(maxOutOfPlan >= 1, 'groups were seen out of plan');
    const text = await c.fleets.get('a')!.metrics();
    t.regex(text, /raftfleet_membership_changes_total\{kind="add",outcome="ok",node="a"\} \d+|raftfleet_membership_changes_total\{[^}]*kind="add"[^}]*\} \d+/);
  } finally {
    await c.stopAll();
  }
});
