// Real processes over TCP and LMDB: 5 nodes in 3 zones and 100 counter groups; a 6th node joins
// (only what the placement moves, moves), one node deactivates, one is SIGKILLed. Clients count
// acknowledged increments; no acknowledged increment may be lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { Prng } from '@raftfleet/testkit';
import { placeGroup } from '../src/index.js';
import { ProtocolClient, spawnNode, type NodeProc } from './helpers/processes.js';
import { waitFor } from './helpers/cluster.js';

interface GroupRow {
  name: string;
  replicas: number;
  leader: string | null;
  members: string[];
  learners: string[];
}

test('5 node processes: join, deactivate, SIGKILL; placement converges and no acknowledged increment is lost', async (t) => {
  const seed = Number(process.env['FLEET_SEED'] ?? 7);
  t.log(`seed ${seed}`);
  const rng = new Prng(seed);
  const root = mkdtempSync(join(tmpdir(), 'raftfleet-fleet-'));
  const nodes = new Map<string, NodeProc>();
  const zones: Record<string, string> = { n1: 'z1', n2: 'z2', n3: 'z3', n4: 'z1', n5: 'z2', n6: 'z3' };
  const client = new ProtocolClient();
  const groups = Array.from({ length: Number(process.env['FLEET_GROUPS'] ?? 100) }, (_, i) => `c${i}`);
  const acked = new Map<string, number>();
  const unsure = new Map<string, number>();
  let loading = false;
  try {
    await client.start();
    const first = await spawnNode({ id: 'n1', zone: 'z1', dir: join(root, 'n1'), seeds: [] });
    nodes.set('n1', first);
    const seeds = [`n1@${first.address}`];
    for (const p of await Promise.all(['n2', 'n3', 'n4', 'n5'].map((id) => spawnNode({ id, zone: zones[id]!, dir: join(root, id), seeds })))) nodes.set(p.id, p);
    const live = (): NodeProc[] => [...nodes.values()].filter((n) => n.child.exitCode === null && n.child.signalCode === null);
    const status = async (): Promise<{ nodes: Array<{ id: string; zone: string; active: boolean }>; groups: GroupRow[] }> => {
      const r = await client.call(live()[0]!, 'raftfleet.client.status', {});
      if (r['ok'] !== true) throw new Error(JSON.stringify(r['error']));
      return r as unknown as { nodes: Array<{ id: string; zone: string; active: boolean }>; groups: GroupRow[] };
    };
    await waitFor('5 nodes registered', async () => (await status()).nodes.length === 5, 30_000, 200);
    for (const g of groups) {
      const r = await client.call(nodes.get('n1')!, 'raftfleet.client.addGroup', { name: g, replicas: 3, machine: 'counter' });
      t.true(r['ok'] === true, JSON.stringify(r));
    }
    const plan = async (): Promise<{ ok: boolean; rows: GroupRow[]; why: string }> => {
      const s = await status();
      const active = s.nodes.filter((n) => n.active).map((n) => ({ id: n.id, zone: n.zone }));
      for (const g of s.groups) {
        const target = placeGroup(g.name, active, g.replicas);
        if ([...g.members].sort().join() !== [...target].sort().join() || g.learners.length > 0 || g.leader !== target[0]) {
          return { ok: false, rows: s.groups, why: `${g.name}: ${g.members.join()} led by ${g.leader}, plan ${target.join()}` };
        }
      }
      return { ok: s.groups.length === groups.length, rows: s.groups, why: `${s.groups.length} groups` };
    };
    await waitFor('initial placement', async () => (await plan()).ok, 60_000, 500);

    // Load: every client increments random groups through random live nodes, exactly-once per (clientId, seq).
    loading = true;
    const loader = async (k: number): Promise<void> => {
      const r = new Prng(seed * 100 + k);
      const clientId = `load-${k}`;
      let seq = 0;
      while (loading) {
        const g = groups[r.int(0, groups.length - 1)]!;
        const via = live();
        const node = via[r.int(0, via.length - 1)]!;
        seq++;
        try {
          await client.inc(node, g, clientId, seq);
          acked.set(g, (acked.get(g) ?? 0) + 1);
        } catch {
          unsure.set(g, (unsure.get(g) ?? 0) + 1);
        }
      }
    };
    const load = Promise.all([0, 1, 2, 3].map((k) => loader(k)));

    // A 6th node joins: members move to it, and only where the placement now names it.
    const before = new Map((await plan()).rows.map((g) => [g.name, new Set(g.members)]));
    nodes.set('n6', await spawnNode({ id: 'n6', zone: 'z3', dir: join(root, 'n6'), seeds }));
    await waitFor('placement with n6', async () => (await plan()).ok && (await status()).nodes.length === 6, 60_000, 500);
    let moved = 0;
    for (const g of (await plan()).rows) {
      const was = before.get(g.name)!;
      const now = new Set(g.members);
      const added = [...now].filter((n) => !was.has(n));
      const removed = [...was].filter((n) => !now.has(n));
      if (now.has('n6')) {
        moved++;
        t.deepEqual(added, ['n6'], `${g.name} gained only n6`);
        t.is(removed.length, 1, `${g.name} lost exactly one member`);
      } else {
        t.deepEqual(added, [], `${g.name} unchanged`);
        t.deepEqual(removed, [], `${g.name} unchanged`);
      }
    }
    t.true(moved > 0, 'n6 received members');

    // Deactivate one node: it hands everything over, reports no members, and exits.
    const leaving = nodes.get(['n3', 'n4'][rng.int(0, 1)]!)!;
    leaving.child.kill('SIGTERM');
    t.is(await leaving.exited, 0);
    const done = leaving.events.find((e) => e['event'] === 'deactivated');
    t.truthy(done, JSON.stringify(leaving.events));
    t.is(done?.['members'], 0);

    // SIGKILL another: every group keeps accepting commands, and later has 3 members again.
    const victim = nodes.get('n2')!;
    victim.child.kill('SIGKILL');
    await victim.exited;
    for (const g of groups) {
      let last = '';
      await waitFor(`${g} accepts commands after the kill`, async () => {
        try {
          // One (clientId, seq) per group: a retry after a lost answer is applied once.
          await client.inc(live()[0]!, g, 'probe', groups.indexOf(g) + 1);
          acked.set(g, (acked.get(g) ?? 0) + 1);
          return true;
        } catch (e) {
          last = String(e);
          return false;
        }
      }, 20_000, 100).catch(async (e: unknown) => {
        const row = (await status()).groups.find((r) => r.name === g);
        throw new Error(`${String(e)}; last refusal ${last}; status ${JSON.stringify(row)}`);
      });
    }
    await waitFor('n2 purged and replaced', async () => {
      const p = await plan();
      return p.ok && !(await status()).nodes.some((n) => n.id === 'n2');
    }, 60_000, 500);
    for (const g of (await plan()).rows) t.is(g.members.length, 3, g.name);

    loading = false;
    await load;
    for (const g of groups) {
      const value = await client.get(live()[0]!, g);
      const a = acked.get(g) ?? 0;
      t.true(value >= a && value <= a + (unsure.get(g) ?? 0), `${g}: value ${value}, acknowledged ${a}, unsure ${unsure.get(g) ?? 0}`);
    }
    t.log(`acknowledged ${[...acked.values()].reduce((x, y) => x + y, 0)} increments, ${[...unsure.values()].reduce((x, y) => x + y, 0)} unsure`);
  } finally {
    loading = false;
    for (const n of nodes.values()) if (n.child.exitCode === null && n.child.signalCode === null) n.child.kill('SIGKILL');
    await Promise.all([...nodes.values()].map((n) => n.exited));
    await client.close();
    rmSync(root, { recursive: true, force: true });
  }
});
