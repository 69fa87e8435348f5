// A full-cluster restart: every node stops, then all start again on their own storage. The
// registry and every group come back from storage as the same members, with their values.
import test from 'ava';
import { FLEET_RPC, placeGroup } from '../src/index.js';
import { TestCluster, waitFor } from './helpers/cluster.js';

/** The three nodes, one per zone, of most tests here. */
const THREE = [{ id: 'a', zone: 'z1' }, { id: 'b', zone: 'z2' }, { id: 'c', zone: 'z3' }];
const THREE_IDS = THREE.map((n) => n.id);

test('after a full-cluster restart the registry and every group resume with their data', async (t) => {
  // The default grace period before an unreachable node is purged (30 s), not the cluster helper's
  // 1.5 s: a node whose start stalls that long on a loaded machine would be purged and its members
  // replaced, which is what a purge is for (restart and removal tests cover it), not a restart.
  const c = new TestCluster(21, { purgeAfterMs: 30_000 });
  const nodes = THREE;
  const ids = THREE_IDS;
  try {
    await c.startAll(nodes);
    const names = ['x', 'y', 'z', 'w'];
    for (const [i, g] of names.entries()) {
      await c.any().addGroup(g, { replicas: 3, machine: 'counter' });
      await c.any().command(g, { op: 'inc', by: i + 1 });
    }
    // addGroup returns once each member is made or its creation timed out (rebalancing makes it
    // later, as under a loaded CI machine): every node holds every group before all stop.
    await waitFor('every node holds every group', () => names.every((g) => ids.every((id) => c.fleets.get(id)!.host.hasGroup(g))));
    const membersBefore = names.map((g) => ids.map((id) => c.fleets.get(id)!.host.memberId(g)));
    const incarnations = Object.fromEntries(ids.map((id) => [id, c.fleets.get(id)!.nodeIncarnation]));
    for (const id of ids) await c.shutdown(id);

    await Promise.all(nodes.map((n) => c.start(n, ids)));
    await waitFor('all nodes registered again with new incarnations', () =>
      ids.every((id) => {
        const rec = c.any().registry().nodes[id];
        return rec !== undefined && rec.incarnation !== incarnations[id] && rec.incarnation === c.fleets.get(id)!.nodeIncarnation;
      }),
    );
    t.deepEqual(Object.keys(c.any().registry().groups).sort(), [...names].sort());
    for (const [i, g] of names.entries()) {
      // Generous deadlines: every group elects a leader again while other test files load the CPU.
      t.is(await c.any().query<number>(g, 'get', { timeoutMs: 15_000 }), i + 1, g);
      t.is(await c.any().command<number>(g, { op: 'inc' }, { timeoutMs: 15_000 }), i + 2, g);
      // Restored as the same members (created with generation tokens), not recreated empty.
      t.deepEqual(ids.map((id) => c.fleets.get(id)!.host.memberId(g)), membersBefore[i], g);
    }
  } finally {
    await c.stopAll();
  }
});

test('a node purged while it was only cut off comes back: it registers again and the others reconnect to it', async (t) => {
  const c = new TestCluster(23);
  const nodes = [{ id: 'a', zone: 'z1' }, { id: 'b', zone: 'z2' }, { id: 'c', zone: 'z3' }, { id: 'd', zone: 'z1' }];
  try {
    await c.startAll(nodes);
    const a = c.fleets.get('a')!;
    const d = c.fleets.get('d')!;
    await waitFor('4 nodes registered', () => Object.keys(a.registry().nodes).length === 4);
    await a.addGroup('g', { replicas: 3, machine: 'counter' });
    t.is(await a.command('g', { op: 'inc' }), 1);
    // d is cut off for longer than the grace period: the others purge it and forget it as a peer.
    c.net.partition(['d'], ['a', 'b', 'c']);
    await waitFor('d purged', () => a.registry().nodes['d'] === undefined, 15_000);
    await waitFor('a forgot d as a peer', () => (c.removedPeers.get('a') ?? []).includes('d'));
    c.net.heal();
    // d finds itself gone from the registry and registers again; the others dial it again.
    await waitFor('d registered again', () => a.registry().nodes['d']?.active === true, 15_000);
    await waitFor('a connected to d again', () => c.transportOf('a').isConnected('d'), 15_000);
    t.is(await d.command('g', { op: 'inc' }, { timeoutMs: 10_000 }), 2);
    t.is(await a.query('g', 'get'), 2);
  } finally {
    await c.stopAll();
  }
});

test('a group created just after a node restarted keeps that node\'s member while it is still being made there', async (t) => {
  const c = new TestCluster(24);
  const nodes = THREE;
  const ids = THREE_IDS;
  try {
    await c.startAll(nodes);
    await c.crash('c');
    const c2 = await c.start(nodes[2]!, ids);
    await waitFor('a and b see c as a new incarnation', () => ['a', 'b'].every((id) => c.fleets.get(id)!.registry().nodes['c']?.incarnation === c2.nodeIncarnation));
    // The create request to c is slow: the group's leader sees c's member lagging on a node that
    // just restarted, and c answers that it hosts none (yet). That is a member being made, not a lost one.
    const ta = c.transportOf('a');
    const request = ta.request.bind(ta);
    ta.request = (to, method, body, options) =>
      to === 'c' && method === FLEET_RPC.create ? new Promise((resolve) => setTimeout(resolve, 1500)).then(() => request(to, method, body, options)) : request(to, method, body, options);
    const a = c.fleets.get('a')!;
    // A group whose preferred leader is not c: its leader, settled in place, checks c's member.
    const group = ['fresh', 'fresh1', 'fresh2', 'fresh3', 'fresh4'].find((g) => placeGroup(g, nodes, 3)[0] !== 'c')!;
    await a.addGroup(group, { replicas: 3, machine: 'counter' });
    t.is(await a.command(group, { op: 'inc' }), 1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // c's member is the one the group was created with (`c/<generation>`), not a replacement that
    // joined after the first was removed from the group as lost.
    const generation = a.registry().groups[group]?.generation;
    t.is(c2.host.memberId(group), `c/${generation}`);
    t.deepEqual(c.configOf(group)?.voters, ['a', 'b', 'c']);
    for (const f of c.fleets.values()) t.notRegex(await f.metrics(), /kind="removeLost"/);
  } finally {
    await c.stopAll();
  }
});

test('a process stalled longer than the grace period (GC, a starved CPU) purges no node: silence counts only while a node could listen', async (t) => {
  const c = new TestCluster(25);
  const nodes = THREE;
  const ids = THREE_IDS;
  try {
    await c.startAll(nodes);
    await waitFor('every node hears the others', () => ids.every((id) => ids.every((peer) => c.fleets.get(id)!.reachable(peer))));
    const before = (await c.registryNow()).nodes;
    // The whole process (all three nodes, the registry's leader among them) stops for longer than
    // the helper's grace period of 1.5 s, then runs again.
    const end = Date.now() + 2500;
    while (Date.now() < end);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // No node was purged (a purged node registers again, at a new registry version).
    t.deepEqual((await c.registryNow()).nodes, before);
    for (const f of c.fleets.values()) t.regex(await f.metrics(), /raftfleet_nodes\{node="\w+"\} 3\n/);
  } finally {
    await c.stopAll();
  }
});
