// A node that comes back under the same id but without its data (a new disk) must not leave its old
// members in the configurations as voters that never answer: they are removed and replaced.
import test from 'ava';
import { MemoryDisk } from '@raftfleet/storage-memory';
import { REGISTRY_GROUP } from '../src/index.js';
import { TestCluster, waitFor } from './helpers/cluster.js';

test('members lost with a node’s disk are replaced by fresh ones on the same node', async (t) => {
  const c = new TestCluster(41);
  const ids = ['a', 'b', 'c'];
  try {
    await c.startAll([{ id: 'a', zone: 'z1' }, { id: 'b', zone: 'z2' }, { id: 'c', zone: 'z3' }]);
    await c.any().addGroup('g', { replicas: 3, machine: 'counter' });
    await c.any().command('g', { op: 'inc', by: 7 });
    // The registry grows from a: until its third member is a voter, losing c would take its quorum.
    await waitFor('registry voters on every node', () => c.configOf(REGISTRY_GROUP)?.voters.join() === ids.join());
    const old = c.fleets.get('c')!.host.status('g').member;

    await c.crash('c');
    c.disks.set('c', new MemoryDisk());
    const fresh = await c.start({ id: 'c', zone: 'z3' }, ids);
    // New entries make the lost member lag, which is what the leader looks for.
    await c.fleets.get('a')!.command('g', { op: 'inc' });
    await waitFor('a fresh member of g on c, the lost one gone', async () => {
      if (!fresh.host.groups().includes('g')) return false;
      const mine = fresh.host.status('g').member;
      const leader = await fresh.whereIsLeader('g');
      if (leader === undefined) return false;
      const st = c.fleets.get(leader)!.host.status('g');
      return mine !== old && st.voters.includes(mine) && !st.voters.includes(old) && !st.learners.includes(old);
    }, 30_000, 200);
    t.is(await fresh.query<number>('g', 'get', { consistency: 'linearizable' }), 8);
    t.is(await fresh.command<number>('g', { op: 'inc' }), 9);
    t.true(fresh.host.groups().includes(REGISTRY_GROUP) || (await fresh.groups()).length === 1);
  } finally {
    await c.stopAll();
  }
});
