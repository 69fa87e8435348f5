// The client against a real fleet: three in-process Fleet nodes over TCP; commands and queries by
// group name from one seed, then the leader's node stops and the client carries on, exactly once.
import test from 'ava';
import { Fleet } from '@raftfleet/fleet';
import { counterMachine, jsonCodec as nodeJson, CLIENT_EXPIRY_MS, MAX_COMMAND_RETRY_MS as NODE_MAX_COMMAND_RETRY_MS } from '@raftfleet/replica';
import { MemoryStorage } from '@raftfleet/storage-memory';
import { TcpTransport } from '@raftfleet/transport-tcp';
import { connect, jsonCodec, GroupNotFoundError, CommandFailedError, MAX_COMMAND_RETRY_MS } from '../src/index.js';

const clusterId = 'client-fleet-test';

test('the SDK retries a command no longer than the nodes do, well inside the time after which a group forgets its client', (t) => {
  // The SDK depends on no server package, so it keeps its own copy of the cap.
  t.is(MAX_COMMAND_RETRY_MS, NODE_MAX_COMMAND_RETRY_MS);
  t.true(MAX_COMMAND_RETRY_MS * 2 <= CLIENT_EXPIRY_MS);
});

/** Waits (up to 5 s) until `check` holds; throws naming `what` otherwise. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out: ${what}`);
}
const secret = 'client-fleet-secret';
// JSON on both sides: the test does not depend on which msgpack flavour the node's default codec is.
const counter = { ...counterMachine, codec: nodeJson };

test('commands, queries and admin calls against a real fleet; the leader node stops and no acknowledged command is lost or doubled', async (t) => {
  const ids = ['n1', 'n2', 'n3'];
  const transports = ids.map((id) => new TcpTransport({ nodeId: id, clusterId, secret, listen: { host: '127.0.0.1', port: 0 } }));
  await Promise.all(transports.map((tr) => tr.start()));
  const seeds = ids.map((id, i) => `${id}@${transports[i]!.address}`);
  const fleets = await Promise.all(
    ids.map((id, i) =>
      Fleet.start({ nodeId: id, zone: `z${i}`, transport: transports[i]!, storage: MemoryStorage.open(), seeds, machines: { counter }, heartbeatMs: 200, purgeAfterMs: 60_000 }),
    ),
  );
  const client = await connect({ seeds: [transports[0]!.address], clusterId, secret, timeoutMs: 15_000 });
  const stopped = new Set<number>();
  try {
    await client.addGroup('hits', { machine: 'counter', replicas: 3 });
    const hits = client.group<{ op: 'inc'; by?: number } | { op: 'set'; value: unknown }, number, 'get', number>('hits', {
      commandCodec: jsonCodec,
      resultCodec: jsonCodec,
      queryCodec: jsonCodec,
      answerCodec: jsonCodec,
    });
    t.is(await hits.command({ op: 'inc' }), 1);
    t.is(await hits.query('get'), 1);
    t.is(await hits.query('get', { consistency: 'stale' }) <= 1, true);
    t.deepEqual((await client.nodes()).map((n) => n.id).sort(), ids);
    // Members report in as they start: wait (bounded) until status shows all three.
    let members: string[] = [];
    for (let i = 0; i < 100 && members.length < 3; i++) {
      members = (await client.status()).groups.find((g) => g.name === 'hits')?.members ?? [];
      if (members.length < 3) await new Promise((r) => setTimeout(r, 100));
    }
    t.deepEqual([...members].sort(), ids);
    await t.throwsAsync(client.command('nope', { op: 'inc' }, { timeoutMs: 3000 }), { instanceOf: GroupNotFoundError });
    await t.throwsAsync(hits.command({ op: 'set', value: 'x' }), { instanceOf: CommandFailedError });

    // Many callers at once: requests queued behind others to the same node leave in batch requests,
    // and each caller gets its own result, every increment applied once.
    const before = await hits.query('get');
    const results = await Promise.all(Array.from({ length: 200 }, () => hits.command({ op: 'inc' })));
    t.deepEqual([...results].sort((a, b) => a - b), Array.from({ length: 200 }, (_, i) => before + i + 1));
    t.true(client.stats().batched > 0, JSON.stringify(client.stats()));
    t.is(await hits.query('get'), before + 200);
    // Each command told the group which answers the client had: members keep the results of the
    // commands still in flight at most, not every result since the group began.
    await hits.command({ op: 'inc' });
    for (const f of fleets) {
      if (!f.host.hasGroup('hits')) continue;
      await until(() => f.host.status('hits').applied >= f.host.status('hits').commit && f.host.status('hits').retainedResults <= 1, `${f.nodeId} drops acknowledged results`);
    }
    // A fleet node numbers and acknowledges its own commands the same way.
    await Promise.all(Array.from({ length: 50 }, () => fleets[0]!.command('hits', { op: 'inc' })));
    await fleets[0]!.command('hits', { op: 'inc' });
    for (const f of fleets) {
      if (!f.host.hasGroup('hits')) continue;
      await until(() => f.host.status('hits').retainedResults <= 2, `${f.nodeId} drops the node's acknowledged results`);
    }
    t.is(await hits.query('get'), before + 252);

    // Stop the node that leads the group while commands keep coming.
    const leader = (await client.groups()).find((g) => g.name === 'hits')?.leader;
    t.truthy(leader);
    const victim = ids.indexOf(leader!);
    let acked = 1;
    const load = (async () => {
      for (let i = 0; i < 30; i++) {
        await hits.command({ op: 'inc' });
        acked++;
      }
    })();
    await new Promise((r) => setTimeout(r, 50));
    stopped.add(victim);
    await fleets[victim]!.stop();
    await transports[victim]!.close();
    await load;
    t.is(acked, 31);
    // Exactly once: every acknowledged increment counted, none twice, though some were retried.
    t.is(await hits.query('get'), before + 252 + 30);
    t.not(client.cachedLeader('hits'), leader);
  } finally {
    await client.close();
    for (const [i, f] of fleets.entries()) {
      if (stopped.has(i)) continue;
      await f.stop();
      await transports[i]!.close();
    }
  }
});
