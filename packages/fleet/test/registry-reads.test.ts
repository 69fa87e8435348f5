// How nodes keep their registry view: by the changes since their version, and by the whole state
// beside a registry member of an older build, which refuses a 'changes' query as unknown.
import test from 'ava';
import { REGISTRY_GROUP, registryMachine, RegistryError, type RegistryQuery, type RegistryState } from '../src/index.js';
import { TestCluster, waitFor } from './helpers/cluster.js';

test('nodes read the registry by its changes; beside a member that refuses them (an older build), by the whole state', async (t) => {
  // Every node of the cluster runs in this process: counting (and refusing) in the machine's query
  // sees every read of every registry member.
  const reads = { changes: 0, since: 0, refuse: false };
  const query = registryMachine.query;
  registryMachine.query = (state: RegistryState, q: RegistryQuery) => {
    if (q.type === 'changes') {
      reads.changes++;
      if (reads.refuse) throw new RegistryError('ERR_INVALID_GROUP', `unknown registry query ${JSON.stringify(q)}`);
    }
    if (q.type === 'since') reads.since++;
    return query(state, q);
  };
  t.teardown(() => {
    registryMachine.query = query;
  });
  const c = new TestCluster(41);
  try {
    await c.startAll([
      { id: 'n1', zone: 'z1' },
      { id: 'n2', zone: 'z2' },
      { id: 'n3', zone: 'z3' },
    ]);
    const fleets = [...c.fleets.values()];
    const everyViewHas = (names: string[]) => () => fleets.every((f) => names.every((g) => f.registry().groups[g] !== undefined));
    const first = ['a1', 'a2', 'a3', 'a4'];
    for (const g of first) await fleets[0]!.addGroup(g, { replicas: 3, machine: 'counter' });
    await fleets[1]!.removeGroup('a2');
    await waitFor('every view has a1, a3, a4 and a2 removed', () => everyViewHas(['a1', 'a3', 'a4'])() && fleets.every((f) => f.registry().groups['a2'] === undefined && f.registry().tombstones['a2'] !== undefined));
    t.true(reads.changes > 0);
    t.is(reads.since, 0, 'no whole-state read while every member answers changes');

    reads.refuse = true;
    // The refusal reaches a node that asks a remote registry member too (a linearizable read goes to
    // the registry's leader), with the words the node looks for.
    const asker = fleets.find((f) => f.host.leadership(REGISTRY_GROUP)?.role !== 'leader')!;
    const refusal = await t.throwsAsync(asker.query(REGISTRY_GROUP, { type: 'changes', version: 0 } satisfies RegistryQuery, { consistency: 'linearizable' }));
    t.regex(String(refusal?.message), /unknown registry query/);
    const second = ['b1', 'b2', 'b3'];
    for (const g of second) await fleets[2]!.addGroup(g, { replicas: 3, machine: 'counter' });
    await waitFor('every view has the groups added beside the older build', everyViewHas(second));
    t.true(reads.since > 0, 'read whole instead');
    // Each node asked 'changes' once (refused), then reads whole for a while instead of asking again.
    const refusedChanges = reads.changes;
    await fleets[0]!.addGroup('b4', { replicas: 3, machine: 'counter' });
    await waitFor('every view has b4', everyViewHas(['b4']));
    t.is(reads.changes, refusedChanges, 'not asked again at every refresh');
    t.deepEqual(
      fleets.map((f) => Object.keys(f.registry().groups).sort()),
      fleets.map(() => ['a1', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4']),
    );
  } finally {
    await c.stopAll();
  }
});
