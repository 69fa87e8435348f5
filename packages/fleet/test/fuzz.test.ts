// Seeded garbage to every request method a node serves (client protocol, fleet and replica RPCs)
// from a peer that got past the transport: random bytes, random msgpack values and maps with the
// requests' own field names holding values of the wrong kind. Client protocol answers must be
// documented error codes with no internal error leaking; every node must keep serving afterwards.
// FUZZ_SEED=<n> reproduces a run (printed on failure).
import test, { type ExecutionContext } from 'ava';
import fc from 'fast-check';
import { decode, encode } from '@msgpack/msgpack';
import { RPC } from '@raftfleet/replica';
import type { MemoryTransport } from '@raftfleet/transport-memory';
import { CLIENT_RPC, FLEET_RPC } from '../src/index.js';
import { TestCluster, waitFor } from './helpers/cluster.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261206);
const BODIES_PER_METHOD = 30;
const CLIENT_CODES = new Set(['ERR_NOT_LEADER', 'ERR_TIMEOUT', 'ERR_GROUP_NOT_FOUND', 'ERR_UNAVAILABLE', 'ERR_TOO_LARGE', 'ERR_COMMAND_FAILED', 'ERR_INVALID', 'ERR_GROUP_EXISTS', 'ERR_NOT_RECOVERABLE']);
/** What a JavaScript engine says when code used a value it did not check. */
const INTERNAL = /Cannot read prop|Cannot convert|is not a function|is not iterable|is not an object|of undefined|of null|Maximum call stack/;
/** Whether `message` shows an unchecked value: a refusal as not msgpack may quote the decoder's own words. */
const internal = (message: string): boolean => INTERNAL.test(message.replace(/body is not msgpack: .*/s, 'body is not msgpack'));

// Field names of the requests; names that would reach the test's own group or machine are left out.
const FIELDS = ['name', 'group', 'g', 'm', 'member', 'members', 'inc', 'replicas', 'machine', 'command', 'query', 'clientId', 'seq', 'acked', 'timeoutMs', 'consistency', 'node', 'items'];
const wrongValue = fc.oneof(
  fc.string({ maxLength: 8 }).filter((s) => s !== 'k' && s !== 'counter'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.uint8Array({ maxLength: 16 }),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 3 }),
);
const body: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 48 }),
  fc.anything({ maxDepth: 2 }).map((v) => {
    try {
      return encode(v);
    } catch {
      return new Uint8Array([0xc1]); // never used by msgpack
    }
  }),
  fc.dictionary(fc.constantFrom(...FIELDS), wrongValue, { maxKeys: 6 }).map((v) => encode(v)),
);

/** Starts a, b and c, one per zone, with the counter group k at 1; resolves with their ids. */
async function startWithCounter(t: ExecutionContext, c: TestCluster): Promise<string[]> {
  const ids = ['a', 'b', 'c'];
  await c.startAll(ids.map((id, i) => ({ id, zone: `z${i + 1}` })));
  await c.any().addGroup('k', { replicas: 3, machine: 'counter' });
  t.is(await c.any().command<number>('k', { op: 'inc' }), 1);
  return ids;
}

test('garbage sent to every request method is refused with documented errors, and every node keeps serving', async (t) => {
  t.log(`seed ${SEED} (FUZZ_SEED=${SEED} reproduces it)`);
  const c = new TestCluster(SEED);
  let mallory: MemoryTransport | undefined;
  try {
    const ids = await startWithCounter(t, c);
    mallory = c.net.transport('mallory', { listen: false });
    await mallory.start();
    for (const id of ids) mallory.addPeer(id, `mem://${id}`);
    await waitFor('mallory connected', () => ids.every((id) => mallory!.isConnected(id)));

    const methods = [...Object.values(CLIENT_RPC), ...Object.values(FLEET_RPC), ...Object.values(RPC)];
    const bodies = fc.sample(body, { seed: SEED, numRuns: BODIES_PER_METHOD * methods.length });
    const problems: string[] = [];
    let answered = 0;
    // 16 requests at a time, each to one of the three nodes in turn.
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < bodies.length; i = next++) {
        const method = methods[i % methods.length]!;
        const bytes = bodies[i]!;
        const node = ids[i % ids.length]!;
        const hex = Buffer.from(bytes).toString('hex');
        let answer: Uint8Array;
        try {
          answer = await mallory!.request(node, method, bytes, { timeoutMs: 5000 });
        } catch (e) {
          // A refusal at the transport: fine for node-to-node methods and for a malformed batch, as
          // long as it is not an unchecked value surfacing.
          const message = String((e as Error)?.message ?? e);
          if (internal(message)) problems.push(`${method} ${hex} on ${node}: ${message}`);
          continue;
        }
        answered++;
        if (!method.startsWith('raftfleet.client.') || method === CLIENT_RPC.batch) continue;
        let decoded: { ok?: unknown; error?: { code?: unknown; message?: unknown } };
        try {
          decoded = decode(answer) as typeof decoded;
        } catch (e) {
          problems.push(`${method} ${hex} on ${node}: answer is not msgpack (${String(e)})`);
          continue;
        }
        if (typeof decoded?.ok !== 'boolean') problems.push(`${method} ${hex} on ${node}: answer without ok`);
        else if (!decoded.ok) {
          const code = decoded.error?.code;
          const message = String(decoded.error?.message);
          if (typeof code !== 'string' || !CLIENT_CODES.has(code)) problems.push(`${method} ${hex} on ${node}: undocumented code ${String(code)}`);
          if (internal(message)) problems.push(`${method} ${hex} on ${node}: ${String(code)} ${message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    t.deepEqual(problems, [], `seed ${SEED}`);
    t.true(answered > 0, `seed ${SEED}: nothing was answered`);

    // Every node still serves, and nothing the garbage carried became a group or a node.
    for (const [i, id] of ids.entries()) {
      const fleet = c.fleets.get(id)!;
      t.is(fleet.host.failure, undefined, `seed ${SEED}: ${id}'s host stopped`);
      t.is(await fleet.command<number>('k', { op: 'inc' }, { timeoutMs: 10_000 }), i + 2, `seed ${SEED}: ${id}`);
    }
    const registry = await c.registryNow();
    t.deepEqual(Object.keys(registry.groups), ['k'], `seed ${SEED}`);
    t.deepEqual(Object.keys(registry.nodes).sort(), ids, `seed ${SEED}`);
  } finally {
    await mallory?.close();
    await c.stopAll();
  }
});

test('garbage answers from a peer count as no answer: listings, strays and a join go on without it', async (t) => {
  t.log(`seed ${SEED} (FUZZ_SEED=${SEED} reproduces it)`);
  const c = new TestCluster(SEED + 1);
  try {
    const ids = await startWithCounter(t, c);
    await waitFor('k has three voters', () => c.configOf('k')?.voters.length === 3);
    // One follower of k answers the fleet's questions with garbage from here on, a different one
    // each time; another node asks. (Only a leader's own report names it leader.)
    const leader = ids.find((id) => c.fleets.get(id)!.host.status('k').role === 'leader')!;
    const [liar, asker] = ids.filter((id) => id !== leader) as [string, string];
    const answers = fc.sample(body, { seed: SEED, numRuns: 200 });
    let n = 0;
    const garbage = async (): Promise<Uint8Array> => answers[n++ % answers.length]!;
    for (const method of [FLEET_RPC.local, FLEET_RPC.strays, FLEET_RPC.hello]) c.transportOf(liar).onRequest(method, garbage);

    const fleet = c.fleets.get(asker)!;
    for (let round = 0; round < 20; round++) {
      const at = `seed ${SEED}, round ${round}`;
      const groups = await fleet.groups();
      t.deepEqual(groups.map((g) => g.name), ['k'], at);
      t.deepEqual([...groups[0]!.members].sort(), ids, `${at}: ${JSON.stringify(groups[0])}`);
      t.is(groups[0]!.leader, leader, at);
      t.deepEqual((await fleet.status()).leaderless, [], at);
      const strays = await fleet.strays();
      t.deepEqual(strays.strays, [], at);
      t.true(strays.unanswered.every((id) => id === liar), `${at}: ${strays.unanswered.join(',')}`);
    }
    t.true(n >= 40, `seed ${SEED}: ${liar} was asked ${n} times`);
    // A node that joins with the liar first among its seeds finds the registry through the others.
    await c.start({ id: 'd', zone: 'z1' }, [liar, ...ids.filter((id) => id !== liar), 'd']);
    await waitFor('d registered', async () => (await c.registryNow()).nodes['d']?.active === true, 15_000);
    t.is(await c.fleets.get('d')!.command<number>('k', { op: 'inc' }), 2, `seed ${SEED}`);
  } finally {
    await c.stopAll();
  }
});
