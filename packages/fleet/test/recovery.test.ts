// A group that lost its quorum is reported, never silently recreated, and comes back only through
// the operator's recoverGroup (force-removal of its dead members on the survivors), which the
// client protocol serves to operators outside the cluster (the CLI's `group recover`).
import test from 'ava';
import { decode, encode } from '@msgpack/msgpack';
import { CLIENT_RPC, placeGroup, REGISTRY_GROUP } from '../src/index.js';
import { TestCluster, waitFor } from './helpers/cluster.js';

test('a group without quorum is listed as leaderless and recovered by the operator', async (t) => {
  const c = new TestCluster(11);
  const ids = ['n1', 'n2', 'n3', 'n4', 'n5'];
  const zones: Record<string, string> = { n1: 'z1', n2: 'z2', n3: 'z3', n4: 'z1', n5: 'z2' };
  try {
    await c.start({ id: 'n1', zone: 'z1' }, []);
    await Promise.all(ids.slice(1).map((id) => c.start({ id, zone: zones[id]! }, ids)));
    const n1 = c.fleets.get('n1')!;
    await waitFor('5 nodes', () => Object.keys(n1.registry().nodes).length === 5);
    const nodes = ids.map((id) => ({ id, zone: zones[id]! }));
    const registryNodes = placeGroup(REGISTRY_GROUP, nodes, 3);
    // Voters exactly where placed: a registry member still on a node crashed below could cost the registry its quorum.
    await waitFor('registry placed', () => {
      const conf = c.configOf(REGISTRY_GROUP);
      return conf?.voters.join() === [...registryNodes].sort().join() && conf.learners.length === 0;
    });
    const outside = ids.filter((id) => !registryNodes.includes(id));
    // A group with both non-registry nodes among its members: crashing them kills its quorum only.
    const name = Array.from({ length: 500 }, (_, i) => `r${i}`).find((g) => outside.every((id) => placeGroup(g, nodes, 3).includes(id)))!;
    t.truthy(name);
    await n1.addGroup(name, { replicas: 3, machine: 'counter' });
    t.is(await n1.command(name, { op: 'inc', by: 5 }), 5);
    await t.throwsAsync(n1.recoverGroup(name), { code: 'ERR_FLEET_RECOVERY' });
    // An operator outside the cluster, through the client protocol.
    const operator = c.net.transport('operator', { listen: false });
    t.teardown(() => operator.close());
    await operator.start();
    for (const id of ids) operator.addPeer(id, `mem://${id}`);
    await waitFor('operator connected', () => ids.every((id) => operator.isConnected(id)));
    type Answer = { ok: boolean; removed?: string[]; error?: { code: string; message: string } };
    const recover = async (node: string): Promise<Answer> => decode(await operator.request(node, CLIENT_RPC.recoverGroup, encode({ name }), { timeoutMs: 10_000 })) as Answer;
    const refused = await recover('n2');
    t.is(refused.error?.code, 'ERR_NOT_RECOVERABLE', JSON.stringify(refused));
    t.true(refused.error?.message.includes('no recovery needed'), JSON.stringify(refused));
    t.is((decode(await operator.request('n2', CLIENT_RPC.recoverGroup, encode({ name: '' }), { timeoutMs: 5000 })) as Answer).error?.code, 'ERR_INVALID');

    for (const id of outside) await c.crash(id);
    const survivor = c.fleets.get(placeGroup(name, nodes, 3).find((id) => !outside.includes(id))!)!;
    await waitFor('group reported leaderless', async () => (await survivor.leaderless()).includes(name), 20_000, 200);
    await t.throwsAsync(survivor.command(name, { op: 'inc' }, { timeoutMs: 500 }), { code: 'ERR_FLEET_UNAVAILABLE' });
    // Still in the registry: never deleted or recreated behind the operator's back.
    t.truthy(survivor.registry().groups[name]);

    const answer = await recover(survivor.nodeId);
    t.true(answer.ok, JSON.stringify(answer));
    const removed = answer.removed ?? [];
    t.deepEqual(removed.map((m) => m.split('/')[0]).sort(), [...outside].sort(), 'the members on the crashed nodes');
    await waitFor('recovered group accepts commands', async () => {
      try {
        await survivor.command(name, { op: 'inc' }, { timeoutMs: 500 });
        return true;
      } catch {
        return false;
      }
    }, 10_000);
    t.true((await survivor.query<number>(name, 'get')) >= 6);
    await waitFor('group back to 3 members', async () => (await survivor.groups()).find((g) => g.name === name)?.members.length === 3, 30_000, 200);
  } finally {
    await c.stopAll();
  }
});
