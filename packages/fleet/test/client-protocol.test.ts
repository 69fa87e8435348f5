// The client protocol as a client sees it: standard msgpack (decoded here with @msgpack/msgpack, as
// the client SDK does), `{ ok, ... }` answers, the documented error codes, leader hints.
import test from 'ava';
import { decode, encode } from '@msgpack/msgpack';
import { LOG_FORMAT, msgpackCodec } from '@raftfleet/replica';
import type { MemoryTransport } from '@raftfleet/transport-memory';
import { CLIENT_RPC } from '../src/index.js';
import { TestCluster, waitFor } from './helpers/cluster.js';

type Answer = { ok: boolean; error?: { code: string; message: string; leader?: string; leaderAddress?: string; errorName?: string }; [k: string]: unknown };

test('the client protocol routes, answers in standard msgpack and maps errors to the documented codes', async (t) => {
  const c = new TestCluster(31, { host: { tickMs: 10, electionTicks: 10, heartbeatTicks: 1, defaultTimeoutMs: 2000, maxCommandBytes: 4096 } });
  const ids = ['a', 'b', 'c'];
  let client: MemoryTransport | undefined;
  try {
    await c.startAll([{ id: 'a', zone: 'z1' }, { id: 'b', zone: 'z2' }, { id: 'c', zone: 'z3' }]);
    client = c.net.transport('client-test', { listen: false });
    await client.start();
    for (const id of ids) client.addPeer(id, `mem://${id}`);
    await waitFor('client connected', () => ids.every((id) => client!.isConnected(id)));
    const call = async (node: string, method: string, body: unknown): Promise<Answer> =>
      decode(await client!.request(node, method, encode(body), { timeoutMs: 5000 })) as Answer;

    t.deepEqual(await call('a', CLIENT_RPC.addGroup, { name: 'k', replicas: 3, machine: 'counter' }), { ok: true });
    t.deepEqual(await call('b', CLIENT_RPC.addGroup, { name: 'k', replicas: 3, machine: 'counter' }), { ok: true }, 'idempotent');
    t.is((await call('b', CLIENT_RPC.addGroup, { name: 'k', replicas: 1, machine: 'counter' })).error?.code, 'ERR_GROUP_EXISTS');
    t.is((await call('b', CLIENT_RPC.addGroup, { name: 'k2', replicas: 3, machine: 'nope' })).error?.code, 'ERR_INVALID');

    // Every node answers a command, whoever leads; the answer names the leader and its address.
    for (const [i, node] of ids.entries()) {
      const r = await call(node, CLIENT_RPC.command, { group: 'k', command: msgpackCodec.encode({ op: 'inc' }), clientId: 'cli-1', seq: i + 1, timeoutMs: 3000 });
      t.true(r.ok, JSON.stringify(r));
      t.is(decode(r['result'] as Uint8Array), i + 1);
      t.true(ids.includes(r['leader'] as string));
      t.is(r['leaderAddress'], `mem://${r['leader'] as string}`);
    }
    // A retried (clientId, seq) is applied once and returns its first result.
    const retry = await call('c', CLIENT_RPC.command, { group: 'k', command: msgpackCodec.encode({ op: 'inc' }), clientId: 'cli-1', seq: 2, timeoutMs: 3000 });
    t.is(decode(retry['result'] as Uint8Array), 2);
    const q = await call('b', CLIENT_RPC.query, { group: 'k', query: msgpackCodec.encode('get'), consistency: 'linearizable', timeoutMs: 3000 });
    t.is(decode(q['answer'] as Uint8Array), 3);

    t.is((await call('a', CLIENT_RPC.command, { group: 'missing', command: msgpackCodec.encode({ op: 'inc' }), timeoutMs: 1000 })).error?.code, 'ERR_GROUP_NOT_FOUND');
    t.is((await call('a', CLIENT_RPC.command, { group: 'k', command: 'not binary' })).error?.code, 'ERR_INVALID');
    t.is((await call('a', CLIENT_RPC.command, { group: 'k', command: msgpackCodec.encode({ op: 'inc' }), clientId: 'x', seq: -1 })).error?.code, 'ERR_INVALID');
    // An acknowledgement must be an integer no higher than the command's own seq, and needs a clientId.
    for (const bad of [{ clientId: 'x', seq: 3, acked: 4 }, { clientId: 'x', seq: 3, acked: 1.5 }, { clientId: 'x', seq: 3, acked: 'all' }, { acked: 2 }]) {
      t.is((await call('a', CLIENT_RPC.command, { group: 'k', command: msgpackCodec.encode({ op: 'inc' }), ...bad })).error?.code, 'ERR_INVALID', JSON.stringify(bad));
    }
    t.is((await call('a', CLIENT_RPC.query, { group: 'k', query: msgpackCodec.encode('get'), consistency: 'eventual' })).error?.code, 'ERR_INVALID');
    t.is((decode(await client.request('a', CLIENT_RPC.status, new Uint8Array([0x82, 0xa1]), { timeoutMs: 2000 })) as Answer).error?.code, 'ERR_INVALID');
    t.is((await call('a', CLIENT_RPC.nodes, [1, 2])).error?.code, 'ERR_INVALID');
    const failed = await call('a', CLIENT_RPC.command, { group: 'k', command: msgpackCodec.encode({ op: 'set', value: 'x' }), timeoutMs: 3000 });
    t.is(failed.error?.code, 'ERR_COMMAND_FAILED');
    t.is(failed.error?.errorName, 'TypeError');
    const big = await call('a', CLIENT_RPC.command, { group: 'k', command: msgpackCodec.encode({ op: 'set', value: 1, pad: 'x'.repeat(10_000) }), timeoutMs: 3000 });
    t.is(big.error?.code, 'ERR_TOO_LARGE');

    const nodes = await call('c', CLIENT_RPC.nodes, {});
    t.deepEqual((nodes['nodes'] as Array<{ id: string; reachable: boolean }>).map((n) => [n.id, n.reachable]), [['a', true], ['b', true], ['c', true]]);
    const groups = (await call('c', CLIENT_RPC.groups, {}))['groups'] as Array<{ name: string; members: string[]; learners: string[]; leader: string }>;
    t.is(groups.length, 1);
    t.deepEqual([...groups[0]!.members].sort(), ids);
    const status = await call('b', CLIENT_RPC.status, {});
    t.true(status.ok);
    t.deepEqual(status['leaderless'], []);
    t.is(typeof status['rebalancing'], 'number');
    // Each node with the log format it reads, as the answering node heard: all run this build.
    await waitFor('c heard the log formats of a and b', () => ['a', 'b'].every((id) => c.fleets.get('c')!.host.peerLogFormats()[id] === LOG_FORMAT));
    const formats = ((await call('c', CLIENT_RPC.status, {}))['nodes'] as Array<{ id: string; logFormat: number }>).map((n) => [n.id, n.logFormat]);
    t.deepEqual(formats, [['a', LOG_FORMAT], ['b', LOG_FORMAT], ['c', LOG_FORMAT]]);
    t.deepEqual(await call('a', CLIENT_RPC.removeGroup, { name: 'k' }), { ok: true, existed: true });
    t.deepEqual(await call('a', CLIENT_RPC.removeGroup, { name: 'k' }), { ok: true, existed: false });
  } finally {
    await client?.close();
    await c.stopAll();
  }
});

test('a batch request answers each command and query as if it came alone; a malformed batch is refused with ERR_INVALID', async (t) => {
  const c = new TestCluster(32, { host: { tickMs: 10, electionTicks: 10, heartbeatTicks: 1, defaultTimeoutMs: 2000 } });
  let client: MemoryTransport | undefined;
  try {
    await c.startAll([{ id: 'a', zone: 'z1' }, { id: 'b', zone: 'z2' }, { id: 'c', zone: 'z3' }]);
    client = c.net.transport('client-batch', { listen: false });
    await client.start();
    client.addPeer('b', 'mem://b');
    await waitFor('client connected', () => client!.isConnected('b'));
    const raw = (method: string, body: unknown) => client!.request('b', method, encode(body), { timeoutMs: 5000 });
    t.true((decode(await raw(CLIENT_RPC.addGroup, { name: 'k', replicas: 3, machine: 'counter' })) as Answer).ok);

    const inc = (seq: number) => [CLIENT_RPC.command, { group: 'k', command: msgpackCodec.encode({ op: 'inc' }), clientId: 'batcher', seq, timeoutMs: 3000 }];
    const items = [
      inc(1),
      inc(2),
      [CLIENT_RPC.command, { group: 'missing', command: msgpackCodec.encode({ op: 'inc' }), timeoutMs: 1000 }],
      inc(2), // a retry inside the same batch: applied once
      [CLIENT_RPC.query, { group: 'k', query: msgpackCodec.encode('get'), consistency: 'linearizable', timeoutMs: 3000 }],
      [CLIENT_RPC.query, { group: 'k', query: 'not binary' }], // refused alone, the others still answered
    ];
    const answers = decode(await raw(CLIENT_RPC.batch, items)) as Answer[];
    t.is(answers.length, items.length);
    t.deepEqual(
      answers.slice(0, 4).map((a) => (a.ok ? decode(a['result'] as Uint8Array) : a.error?.code)),
      [1, 2, 'ERR_GROUP_NOT_FOUND', 2],
    );
    t.true(answers[4]!.ok);
    t.true([0, 1, 2].includes(decode(answers[4]!['answer'] as Uint8Array) as number), 'concurrent with the commands: it sees some, all or none of them');
    t.is(answers[5]!.error?.code, 'ERR_INVALID');
    const get = decode(await raw(CLIENT_RPC.query, { group: 'k', query: msgpackCodec.encode('get'), timeoutMs: 3000 })) as Answer;
    t.is(decode(get['answer'] as Uint8Array), 2, 'applied once each');

    // Malformed batches: refused whole, with a typed error, and the node keeps serving.
    for (const bad of [{ not: 'an array' }, [], [[CLIENT_RPC.addGroup, { name: 'x', replicas: 1, machine: 'counter' }]], [[CLIENT_RPC.command, 'not a map']], [[CLIENT_RPC.command, encode({ group: 'k' })]], Array.from({ length: 4097 }, () => inc(9))]) {
      const e = await t.throwsAsync(raw(CLIENT_RPC.batch, bad));
      t.is((e as { remoteCode?: string }).remoteCode, 'ERR_INVALID', JSON.stringify(bad).slice(0, 80));
    }
    const garbage = await t.throwsAsync(client.request('b', CLIENT_RPC.batch, new Uint8Array([0xc1]), { timeoutMs: 2000 }));
    t.is((garbage as { remoteCode?: string }).remoteCode, 'ERR_INVALID');
    t.true((decode(await raw(CLIENT_RPC.groups, {})) as Answer).ok);
  } finally {
    await client?.close();
    await c.stopAll();
  }
});

test('nodes and status list every node whose registration committed, though the answering node has not refreshed its view since', async (t) => {
  // Views refresh once an hour here: only the linearizable read a listing makes brings them forward.
  const c = new TestCluster(32, { refreshMs: 3_600_000 });
  let client: MemoryTransport | undefined;
  try {
    const ids = ['a', 'b', 'c'];
    for (const [i, id] of ids.entries()) await c.start({ id, zone: `z${i + 1}` }, i === 0 ? [] : ids);
    t.deepEqual(
      c.fleets.get('a')!.nodes().map((n) => n.id),
      ['a'],
      'a registered alone and has not read the registry since',
    );
    client = c.net.transport('client-test', { listen: false });
    await client.start();
    client.addPeer('a', 'mem://a');
    await waitFor('client connected', () => client!.isConnected('a'));
    const call = async (method: string): Promise<Answer> => decode(await client!.request('a', method, encode({}), { timeoutMs: 5000 })) as Answer;
    t.deepEqual((((await call(CLIENT_RPC.nodes))['nodes']) as Array<{ id: string }>).map((n) => n.id), ids);
    t.deepEqual((((await call(CLIENT_RPC.status))['nodes']) as Array<{ id: string }>).map((n) => n.id), ids);
  } finally {
    await client?.close();
    await c.stopAll();
  }
});
