import test from 'ava';
import { MemoryStorage } from '@raftfleet/storage-memory';
import { MemoryNetwork } from '@raftfleet/transport-memory';
import { Host, NotLeaderError, queueMachine } from '../src/index.js';

test('hosts run a group over @raftfleet/transport-memory and survive the leader node going away', async (t) => {
  const net = new MemoryNetwork({ mode: 'timers', seed: 3 });
  const ids = ['a', 'b', 'c'];
  const transports = ids.map((id) => net.transport(id));
  for (const tr of transports) for (const other of ids) if (other !== tr.nodeId) tr.addPeer(other, `mem://${other}`);
  for (const tr of transports) await tr.start();
  const hosts = ids.map((id, i) => new Host({ nodeId: id, storage: MemoryStorage.open(), transport: transports[i]!, tickMs: 10, machines: [queueMachine], seed: 5 }));
  t.teardown(async () => {
    for (const h of hosts) await h.stop();
    for (const tr of transports) await tr.close();
  });
  for (const h of hosts) {
    await h.start();
    await h.createGroup('q', 'queue', { members: ids });
  }
  const findLeader = async (among: Host[]) => {
    for (let i = 0; i < 500; i++) {
      const l = among.filter((h) => h.status('q').role === 'leader');
      if (l.length === 1) return l[0]!;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('no leader');
  };
  const leader = await findLeader(hosts);
  t.is(await leader.command('q', { op: 'enqueue', item: 'a' }), 1);
  t.is(await leader.command('q', { op: 'enqueue', item: 'b' }), 2);
  const follower = hosts.find((h) => h !== leader)!;
  const err = await t.throwsAsync(follower.command('q', { op: 'dequeue' }), { instanceOf: NotLeaderError });
  t.is(err?.leaderNode, leader.nodeId);
  t.is(await follower.remoteCommand(leader.nodeId, 'q', { op: 'dequeue' }), 'a');
  // Take the leader's transport away: the others elect a new leader that still has 'b'.
  await leader.stop();
  await transports[ids.indexOf(leader.nodeId)]!.close();
  const rest = hosts.filter((h) => h !== leader);
  const next = await findLeader(rest);
  t.deepEqual(await next.query('q', 'all'), ['b']);
});
