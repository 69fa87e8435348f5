import test from 'ava';
import { REGISTRY_GROUP } from '../src/index.js';
import { TestCluster, waitFor } from './helpers/cluster.js';
import { LOG_FORMAT } from '@raftfleet/replica';

test('two nodes started at once with each other as seeds form one cluster', async (t) => {
  for (const seed of [1, 2, 3]) {
    const c = new TestCluster(seed);
    try {
      const [a, b] = await Promise.all([c.start({ id: 'b', zone: 'z1' }, ['a', 'b']), c.start({ id: 'a', zone: 'z2' }, ['a', 'b'])]);
      await waitFor('both nodes in one registry', () => Object.keys(a!.registry().nodes).length === 2 && Object.keys(b!.registry().nodes).length === 2, 10_000);
      const registryHolders = [a!, b!].filter((f) => f.host.groups().includes(REGISTRY_GROUP));
      t.true(registryHolders.length >= 1, `seed ${seed}`);
      // Exactly one registry: both views agree on one history.
      t.deepEqual(Object.keys(a!.registry().nodes).sort(), ['a', 'b'], `seed ${seed}`);
      t.is(await a!.whereIsLeader(REGISTRY_GROUP), await b!.whereIsLeader(REGISTRY_GROUP), `seed ${seed}`);
    } finally {
      await c.stopAll();
    }
  }
});

test('groups are created, commanded and queried from any node', async (t) => {
  const c = new TestCluster(7);
  try {
    const ids = ['n1', 'n2', 'n3'];
    await c.start({ id: 'n1', zone: 'z1' }, []);
    await Promise.all([c.start({ id: 'n2', zone: 'z2' }, ids), c.start({ id: 'n3', zone: 'z3' }, ids)]);
    const n1 = c.fleets.get('n1')!;
    const n3 = c.fleets.get('n3')!;
    await waitFor('3 nodes registered', () => Object.keys(n3.registry().nodes).length === 3);
    await n3.addGroup('g1', { replicas: 3, machine: 'counter' });
    t.is(await n1.command('g1', { op: 'inc', by: 2 }), 2);
    t.is(await n3.command('g1', { op: 'inc' }), 3);
    // Nodes that share a group know which log format each other reads: all of them run this build.
    await waitFor('n1 heard the log formats of n2 and n3', () => {
      const f = n1.host.peerLogFormats();
      return f['n2'] === LOG_FORMAT && f['n3'] === LOG_FORMAT;
    });
    const formats = await n1.metrics();
    t.regex(formats, new RegExp(`raftfleet_log_format\\{node="n1"\\} ${LOG_FORMAT}`));
    t.regex(formats, new RegExp(`raftfleet_peer_log_format\\{peer="n2",node="n1"\\} ${LOG_FORMAT}`));
    t.regex(formats, new RegExp(`raftfleet_peer_log_format\\{peer="n3",node="n1"\\} ${LOG_FORMAT}`));
    // Per-request counts reach the counters at collection, each once however often it is scraped.
    const queriesOk = async (): Promise<number> => Number(/raftfleet_routed_requests_total\{op="query",outcome="ok",node="n1"\} (\d+)/.exec(await n1.metrics())?.[1] ?? 0);
    const before = await queriesOk();
    for (let i = 0; i < 3; i++) t.is(await n1.query('g1', 'get'), 3);
    t.is(await queriesOk(), before + 3);
    t.is(await queriesOk(), before + 3);
    t.is(await c.fleets.get('n2')!.query('g1', 'get'), 3);
    const groups = await n1.groups();
    t.deepEqual(groups.map((g) => g.name), ['g1']);
    t.deepEqual([...groups[0]!.members].sort(), ['n1', 'n2', 'n3']);
    await t.throwsAsync(n1.command('nope', { op: 'inc' }), { code: 'ERR_FLEET_GROUP_NOT_FOUND' });
    t.true(await n1.removeGroup('g1'));
    await t.throwsAsync(n1.command('g1', { op: 'inc' }), { code: 'ERR_FLEET_GROUP_NOT_FOUND' });
    t.truthy(n1.registry().tombstones['g1']);
    // Every member of the removed group is deleted, data included.
    await waitFor('members of g1 deleted', () => [...c.fleets.values()].every((f) => !f.host.groups().includes('g1')), 10_000);
    const text = await n1.metrics();
    t.regex(text, /raftfleet_registry_groups\{node="n1"\} 0/);
    t.regex(text, /raftfleet_commits_total/);
    // The runtime's own counts: a node that led commands has handled Readys as leader and written to storage.
    const count = (re: RegExp): number => Number(re.exec(text)?.[1] ?? -1);
    t.true(count(/raftfleet_processing_passes_total\{node="n1"\} (\d+)/) > 0, text);
    t.true(count(/raftfleet_member_visits_total\{role="leader",node="n1"\} (\d+)/) > 0, text);
    t.true(count(/raftfleet_member_visits_total\{role="other",node="n1"\} (\d+)/) > 0, text);
    t.true(count(/raftfleet_storage_writes_total\{node="n1"\} (\d+)/) > 0, text);
    t.true(count(/raftfleet_member_ticks_total\{node="n1"\} (\d+)/) > 0, text);
    // Exported even while no transfer was given up (-1: missing).
    t.true(count(/raftfleet_transfers_retried_total\{node="n1"\} (\d+)/) >= 0, text);
    t.true(count(/raftfleet_snapshots_held_total\{node="n1"\} (\d+)/) >= 0, text);
    // The transport's traffic, in bytes both ways (the memory transport counts its estimated encodings).
    t.true(count(/raftfleet_transport_sent_bytes\{node="n1"\} (\d+)/) > 0, text);
    t.true(count(/raftfleet_transport_received_bytes\{node="n1"\} (\d+)/) > 0, text);
    // Counted once however often it is scraped: a scrape adds only what the runtime did since.
    const visits = count(/raftfleet_member_visits_total\{role="leader",node="n1"\} (\d+)/);
    t.true(n1.host.activity().leaderVisits >= visits);
    const again = Number(/raftfleet_member_visits_total\{role="leader",node="n1"\} (\d+)/.exec(await n1.metrics())?.[1]);
    t.true(again >= visits && again <= n1.host.activity().leaderVisits, `${visits} then ${again}, runtime ${n1.host.activity().leaderVisits}`);
  } finally {
    await c.stopAll();
  }
});
