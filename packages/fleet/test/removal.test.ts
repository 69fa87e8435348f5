import test from 'ava';
import { CLIENT_RPC, FLEET_RPC } from '../src/index.js';
import { decodeBody, encodeBody } from '../src/codec.js';
import { TestCluster, waitFor } from './helpers/cluster.js';

const nodes = [
  { id: 'n1', zone: 'z1' },
  { id: 'n2', zone: 'z2' },
  { id: 'n3', zone: 'z3' },
];
const ids = nodes.map((n) => n.id);

test('a tombstone goes once every node deleted its member; a node that is down holds it back until it restarts and deletes its own', async (t) => {
  // A long grace period: n3 stays registered while it is down.
  const c = new TestCluster(31, { purgeAfterMs: 120_000 });
  try {
    await c.startAll(nodes);
    const n1 = c.fleets.get('n1')!;
    for (const g of ['g1', 'g2']) await n1.addGroup(g, { replicas: 3, machine: 'counter' });
    await waitFor('every node holds g1 and g2', () => ids.every((id) => c.fleets.get(id)!.host.hasGroup('g1') && c.fleets.get(id)!.host.hasGroup('g2')));

    t.true(await n1.removeGroup('g1'));
    const g1At = (await c.registryNow()).tombstones['g1']!.removedAt;
    await waitFor('g1 deleted everywhere and its tombstone dropped', async () => {
      const r = await c.registryNow();
      return r.tombstones['g1'] === undefined && ids.every((id) => !c.fleets.get(id)!.host.hasGroup('g1'));
    });
    const afterG1 = await c.registryNow();
    for (const id of ids) t.true((afterG1.cleaned?.[id] ?? 0) >= g1At, `${id} reported past the removal of g1`);

    // n3 is down (still registered) when g2 is removed: its member of g2 survives on its disk.
    await c.crash('n3');
    t.true(await n1.removeGroup('g2'));
    const g2At = (await c.registryNow()).tombstones['g2']!.removedAt;
    await waitFor('n1 and n2 reported past g2', async () => {
      const r = await c.registryNow();
      return (r.cleaned?.['n1'] ?? 0) >= g2At && (r.cleaned?.['n2'] ?? 0) >= g2At;
    });
    // Reports keep coming while n3 is away (a later change gives the others a newer view to report).
    await n1.addGroup('g3', { replicas: 2, machine: 'counter' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    t.truthy((await c.registryNow()).tombstones['g2'], 'n3 has not deleted its member of g2: the tombstone stays');
    await waitFor('n1 sees g3', () => n1.registry().groups['g3'] !== undefined);
    t.regex(await n1.metrics(), /raftfleet_registry_tombstones\{node="n1"\} 1\n/, 'g1 dropped, g2 kept');

    // Back with its disk: n3 finds its member of g2 tombstoned, deletes it, and reports.
    const n3 = await c.start(nodes[2]!, ids);
    await waitFor('n3 deleted g2 and the tombstone is dropped', async () => !n3.host.hasGroup('g2') && (await c.registryNow()).tombstones['g2'] === undefined);
    await t.throwsAsync(n1.command('g2', { op: 'inc' }), { code: 'ERR_FLEET_GROUP_NOT_FOUND' });
  } finally {
    await c.stopAll();
  }
});

test('late member requests for a removed group leave nothing behind, with or without its tombstone', async (t) => {
  const c = new TestCluster(32);
  try {
    await c.startAll(nodes);
    const n1 = c.fleets.get('n1')!;
    const n2 = c.fleets.get('n2')!;
    await n1.addGroup('gone', { replicas: 3, machine: 'counter' });
    const generation = (await c.registryNow()).groups['gone']!.generation;
    t.true(await n1.removeGroup('gone'));
    const lateCreate = () =>
      c.transportOf('n1').request('n2', FLEET_RPC.create, encodeBody({ g: 'gone', m: 'counter', members: ['n2'], inc: String(generation) }), { timeoutMs: 2000 });
    // A create request for the removed generation, as a slow creator would send it: refused while
    // n2's view holds the tombstone...
    await waitFor('n2 sees the tombstone', () => n2.registry().tombstones['gone'] !== undefined);
    await t.throwsAsync(lateCreate(), { message: /was removed/ });
    // ...and once the tombstone is gone from its view too.
    await waitFor('the tombstone of gone is dropped', async () => (await c.registryNow()).tombstones['gone'] === undefined);
    await n1.addGroup('live', { replicas: 3, machine: 'counter' });
    await waitFor('n2 has a view without the tombstone', () => n2.registry().groups['live'] !== undefined && n2.registry().tombstones['gone'] === undefined);
    await t.throwsAsync(lateCreate(), { message: /was removed/ });
    // A prepare for a group the view does not hold: refused, retryable.
    const prepare = c.transportOf('n1').request('n2', FLEET_RPC.prepare, encodeBody({ g: 'gone', m: 'counter' }), { timeoutMs: 2000 });
    await t.throwsAsync(prepare, { message: /not in this node's registry view/ });
    t.false(n2.host.hasGroup('gone'));
    // A prepare for a live group answers with the member it has.
    await waitFor('n2 holds live', () => n2.host.hasGroup('live'));
    const answer = decodeBody(await c.transportOf('n1').request('n2', FLEET_RPC.prepare, encodeBody({ g: 'live', m: 'counter' }), { timeoutMs: 2000 })) as { member: string };
    t.is(answer.member, n2.host.status('live').member);
  } finally {
    await c.stopAll();
  }
});

test('a purged node that comes back with a member of a group removed meanwhile keeps it in place as a stray, the group stays removed, and the operator deletes it', async (t) => {
  const c = new TestCluster(33);
  try {
    await c.startAll(nodes);
    const n1 = c.fleets.get('n1')!;
    await n1.addGroup('h', { replicas: 3, machine: 'counter' });
    await n1.addGroup('g', { replicas: 3, machine: 'counter' });
    await waitFor('every node holds g', () => ids.every((id) => c.fleets.get(id)!.host.hasGroup('g')));
    await waitFor('n1 sees g', () => n1.registry().groups['g'] !== undefined);
    t.is(await n1.command('g', { op: 'inc' }), 1);
    await c.crash('n3');
    t.true(await n1.removeGroup('g'));
    t.deepEqual(await n1.strays(), { strays: [], unanswered: ['n3'] }, 'a node that is down cannot say');
    // Purged after the grace period: nothing holds the tombstone back any more.
    await waitFor('n3 purged', () => n1.registry().nodes['n3'] === undefined, 15_000);
    await waitFor('the tombstone of g is dropped', async () => (await c.registryNow()).tombstones['g'] === undefined, 15_000);
    const n3 = await c.start(nodes[2]!, ids);
    await waitFor('n3 registered again', () => n1.registry().nodes['n3']?.active === true, 15_000);
    // Its member of g is unknown to the registry: not deleted for being absent (a registry restored
    // from an older copy must not cost data), not brought back either.
    await waitFor('n3 swept with a view that has it registered', () => n3.registry().nodes['n3'] !== undefined);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    t.true(n3.host.hasGroup('g'));
    t.false((await n1.groups()).some((g) => g.name === 'g'));
    await t.throwsAsync(n3.command('g', { op: 'inc' }), { code: 'ERR_FLEET_GROUP_NOT_FOUND' });

    // The operator sees it as a stray, from any node and in n3's metrics, and deletes it; nothing else is one.
    await waitFor('n3 counts its stray', async () => /raftfleet_stray_members\{node="n3"\} 1\n/.test(await n3.metrics()));
    t.regex(await n1.metrics(), /raftfleet_stray_members\{node="n1"\} 0\n/);
    const stray = { node: 'n3', group: 'g', member: n3.host.memberId('g')! };
    t.deepEqual(await n1.strays(), { strays: [stray], unanswered: [] });
    await waitFor('every node holds h', () => ids.every((id) => c.fleets.get(id)!.host.hasGroup('h')));
    await t.throwsAsync(n1.deleteStray('n3', 'h'), { code: 'ERR_FLEET_NOT_STRAY', message: /registry knows the group/ });
    await t.throwsAsync(n1.deleteStray('n1', 'g'), { code: 'ERR_FLEET_NOT_STRAY', message: /holds no member/ });
    t.true(n3.host.hasGroup('h'));
    const operator = c.net.transport('operator', { listen: false });
    t.teardown(() => operator.close());
    await operator.start();
    operator.addPeer('n2', 'mem://n2');
    await waitFor('operator connected', () => operator.isConnected('n2'));
    const call = async (method: string, body: unknown): Promise<Record<string, unknown>> =>
      decodeBody(await operator.request('n2', method, encodeBody(body), { timeoutMs: 10_000 })) as Record<string, unknown>;
    t.deepEqual(await call(CLIENT_RPC.strays, {}), { ok: true, strays: [stray], unanswered: [] });
    t.is(((await call(CLIENT_RPC.deleteStray, { node: 'n3', group: 'h' })) as { error?: { code: string } }).error?.code, 'ERR_INVALID');
    t.deepEqual(await call(CLIENT_RPC.deleteStray, { node: 'n3', group: 'g' }), { ok: true });
    t.false(n3.host.hasGroup('g'));
    t.deepEqual(await call(CLIENT_RPC.strays, {}), { ok: true, strays: [], unanswered: [] });
    t.regex(await n3.metrics(), /raftfleet_stray_members\{node="n3"\} 0\n/);
    t.is(await n1.command('h', { op: 'inc' }), 1, 'the live group is untouched');
  } finally {
    await c.stopAll();
  }
});

test('a group removed and created again starts empty on every node, whether its members were created with it or joined it', async (t) => {
  const c = new TestCluster(34);
  try {
    await c.startAll(nodes);
    const n1 = c.fleets.get('n1')!;
    const names = Array.from({ length: 6 }, (_, i) => `a${i}`);
    for (const g of names) await n1.addGroup(g, { replicas: 3, machine: 'counter' });
    // A fourth node in z1 takes over some members from n1: those join their groups.
    const n4 = await c.start({ id: 'n4', zone: 'z1' }, [...ids, 'n4']);
    let joined = '';
    await waitFor('n4 holds a member that joined its group', () => {
      joined = names.find((g) => /^n4\/[1-9]\d*\.[^/]+$/.test(n4.host.memberId(g) ?? '') && n4.host.leadership(g)?.inConfig === true) ?? '';
      return joined !== '';
    });
    const created = names.find((g) => g !== joined)!;
    for (const g of [joined, created]) {
      for (let i = 0; i < 3; i++) await n1.command(g, { op: 'inc' });
      t.true(await n1.removeGroup(g));
      // At once, while the removed group's members are still being deleted.
      await n1.addGroup(g, { replicas: 3, machine: 'counter' });
      t.is(await n1.query(g, 'get'), 0, `${g} starts empty`);
      t.is(await n1.command(g, { op: 'inc' }), 1, g);
      const generation = (await c.registryNow()).groups[g]!.generation;
      await waitFor(`every member of ${g} is of generation ${generation}`, () =>
        [...c.fleets.values()].every((f) => {
          const member = f.host.memberId(g);
          return member === undefined || member.split('/')[1]!.split('.')[0] === String(generation);
        }),
      );
      t.is(await c.fleets.get('n2')!.query(g, 'get', { consistency: 'linearizable' }), 1, g);
    }
  } finally {
    await c.stopAll();
  }
});
