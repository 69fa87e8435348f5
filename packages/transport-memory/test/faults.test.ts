// MemoryNetwork fault injection in manual (virtual time) mode: partitions, drops, duplicates, reordering, delay.
// Every scenario is seeded; the same seed must give the same delivery trace.
import test from 'ava';
import type { Envelope } from '@raftfleet/protocol';
import { PeerUnavailableError, TransportTimeoutError } from '@raftfleet/transport';
import { MemoryNetwork, type FaultOptions, type MemoryTransport } from '../src/index.js';

const SEED = Number(process.env['SEED'] ?? 99);

function env(i: number): Envelope {
  return { group: 'g', message: { type: 'heartbeat', term: 1, from: 'x', to: 'y', commit: i, context: '' } };
}

async function cluster(faults: FaultOptions = {}, seed = SEED) {
  const network = new MemoryNetwork({ seed, mode: 'manual', faults });
  const nodes: MemoryTransport[] = [];
  const got = new Map<string, string[]>();
  for (const id of ['a', 'b', 'c']) {
    const t = network.transport(id);
    await t.start();
    got.set(id, []);
    t.onBatch((from, batch) => {
      for (const e of batch) got.get(id)!.push(`${from}:${e.message.type === 'heartbeat' ? e.message.commit : '?'}`);
    });
    nodes.push(t);
  }
  for (const x of nodes) for (const y of nodes) if (x !== y) x.addPeer(y.nodeId, y.address);
  await Promise.resolve();
  return { network, nodes, got };
}

test('manual mode delivers nothing until stepped, then FIFO per pair', async (t) => {
  const { network, nodes, got } = await cluster();
  const [a] = nodes;
  for (let i = 0; i < 5; i++) a!.send('b', [env(i)]);
  t.is(network.pending, 5);
  t.deepEqual(got.get('b'), []);
  t.true(network.deliver());
  t.deepEqual(got.get('b'), ['a:0']);
  t.is(network.deliverAll(), 4);
  t.deepEqual(got.get('b'), ['a:0', 'a:1', 'a:2', 'a:3', 'a:4']);
  t.false(network.deliver());
});

test('symmetric partition cuts both directions until heal', async (t) => {
  const { network, nodes, got } = await cluster();
  const [a, b, c] = nodes;
  network.partition(['a'], ['b', 'c']);
  a!.send('b', [env(1)]);
  b!.send('a', [env(2)]);
  c!.send('b', [env(3)]);
  network.deliverAll();
  t.deepEqual(got.get('b'), ['c:3']);
  t.deepEqual(got.get('a'), []);
  t.is(network.stats().partitioned, 2);
  network.heal();
  a!.send('b', [env(4)]);
  network.deliverAll();
  t.deepEqual(got.get('b'), ['c:3', 'a:4']);
});

test('one-way partition cuts only the given direction', async (t) => {
  const { network, nodes, got } = await cluster();
  const [a, b] = nodes;
  network.partitionOneWay(['a'], ['b']);
  a!.send('b', [env(1)]);
  b!.send('a', [env(2)]);
  network.deliverAll();
  t.deepEqual(got.get('b'), []);
  t.deepEqual(got.get('a'), ['b:2']);
});

test('a partition makes requests time out on virtual time', async (t) => {
  const { network, nodes } = await cluster();
  const [a, b] = nodes;
  b!.onRequest('echo', async (_, body) => body);
  network.partition(['a'], ['b']);
  const pending = a!.request('b', 'echo', new Uint8Array([1]), { timeoutMs: 100 });
  network.advance(99);
  let settled = false;
  pending.then(
    () => (settled = true),
    () => (settled = true),
  );
  await Promise.resolve();
  t.false(settled);
  network.advance(1);
  await t.throwsAsync(pending, { instanceOf: TransportTimeoutError });
});

test('requests round-trip in manual mode', async (t) => {
  const { network, nodes } = await cluster({ delayMs: [5, 5] });
  const [a, b] = nodes;
  b!.onRequest('echo', async (_, body) => body);
  const pending = a!.request('b', 'echo', new Uint8Array([9]), { timeoutMs: 1000 });
  network.advance(5); // request arrives; the handler's promise settles on a microtask
  await new Promise((r) => setImmediate(r));
  network.advance(5); // response arrives
  t.deepEqual(Array.from(await pending), [9]);
});

function trace(faults: FaultOptions, seed: number): Promise<{ delivered: string[]; stats: ReturnType<MemoryNetwork['stats']> }> {
  return cluster(faults, seed).then(({ network, nodes, got }) => {
    const [a] = nodes;
    for (let i = 0; i < 200; i++) a!.send('b', [env(i)]);
    network.advance(1000);
    return { delivered: got.get('b')!, stats: network.stats() };
  });
}

test('drops, duplicates and reordering happen, deterministically per seed', async (t) => {
  const faults = { dropRate: 0.1, duplicateRate: 0.1, reorderRate: 0.2, delayMs: [1, 3] as [number, number] };
  const first = await trace(faults, SEED);
  const again = await trace(faults, SEED);
  const other = await trace(faults, SEED + 1);
  t.deepEqual(first, again, `same seed, same trace (SEED=${SEED})`);
  t.notDeepEqual(first.delivered, other.delivered);
  const commits = first.delivered.map((s) => Number(s.split(':')[1]));
  t.true(first.stats.dropped > 0);
  t.true(first.stats.duplicated > 0);
  t.true(new Set(commits).size < 200, 'some envelopes were lost');
  t.true(commits.length > new Set(commits).size, 'some envelopes arrived twice');
  t.true(commits.some((c, i) => i > 0 && c < commits[i - 1]!), 'some envelopes overtook others');
});

test('a closed node is unreachable and its peers see peerDown', async (t) => {
  const { network, nodes } = await cluster();
  const [a, b] = nodes;
  const downs: string[] = [];
  a!.on('peerDown', (p) => downs.push(p));
  await b!.close();
  await Promise.resolve();
  t.deepEqual(downs, ['b']);
  t.false(a!.send('b', [env(1)]));
  t.is(network.pending, 0);
  await t.throwsAsync(a!.request('b', 'x', new Uint8Array(0)), { instanceOf: PeerUnavailableError });
});

test('timers mode applies delays and drops on real timers', async (t) => {
  const network = new MemoryNetwork({ seed: SEED, faults: { delayMs: [1, 5], dropRate: 0.2 } });
  const a = network.transport('a');
  const b = network.transport('b');
  await Promise.all([a.start(), b.start()]);
  const got: number[] = [];
  b.onBatch((_, batch) => {
    for (const e of batch) if (e.message.type === 'heartbeat') got.push(e.message.commit);
  });
  a.addPeer('b', b.address);
  for (let i = 0; i < 100; i++) a.send('b', [env(i)]);
  t.is(got.length, 0, 'nothing is delivered synchronously');
  const deadline = Date.now() + 10_000;
  while (network.pending > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  t.is(network.pending, 0);
  t.is(got.length + network.stats().dropped, 100);
  t.true(network.stats().dropped > 0);
  await Promise.all([a.close(), b.close()]);
});
