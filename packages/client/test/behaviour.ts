// Client behaviour scenarios against the fake fleet, run over every transport a test file supplies
// (in-memory for speed, TCP for the real wire), so both paths are held to the same contract.
import type { TestFn } from 'ava';
import { decode } from '@msgpack/msgpack';
import type { Transport } from '@raftfleet/transport';
import {
  RaftfleetClient,
  MAX_COMMAND_RETRY_MS,
  CommandFailedError,
  GroupExistsError,
  GroupNotFoundError,
  InvalidRequestError,
  NotLeaderError,
  RecoveryRefusedError,
  TimeoutError,
  UnavailableError,
  ClientClosedError,
  TooLargeError,
  jsonCodec,
  type Seed,
} from '../src/index.js';
import { FakeFleet, FakeNode, METHOD } from './fake-fleet.js';

export interface Env {
  /** A started, listening node transport. */
  nodeTransport(id: string): Promise<Transport>;
  /** The client's transport factory. */
  clientTransport(clientId: string): Transport;
  /** How a client names this node as a seed. */
  seed(node: FakeNode): Seed;
  /** Where nothing listens. */
  deadSeed(): Seed;
  /** Connects a client some other way than RaftfleetClient.connect over clientTransport (e.g. the TCP `connect`). */
  connectClient?: (seeds: Seed[], timeoutMs: number) => Promise<RaftfleetClient>;
}

/** Seeded PRNG (mulberry32) for backoff jitter. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function clientBehaviour(test: TestFn, makeEnv: () => Promise<Env>): void {
  async function setup(n = 3) {
    const env = await makeEnv();
    const fleet = new FakeFleet();
    const nodes: FakeNode[] = [];
    for (let i = 1; i <= n; i++) nodes.push(new FakeNode(fleet, `n${i}`, `z${i}`, await env.nodeTransport(`n${i}`)));
    const clients: RaftfleetClient[] = [];
    // The default deadline only bounds retries in tests about something else (exactly once,
    // redirects, batches): generous, so that a busy machine cannot turn a slow retry into a failure.
    // Tests about deadlines pass their own.
    const connect = async (seeds: Seed[] = [env.seed(nodes[0]!)], timeoutMs = 10_000) => {
      const c =
        env.connectClient !== undefined
          ? await env.connectClient(seeds, timeoutMs)
          : await RaftfleetClient.connect({ seeds, transport: (id) => env.clientTransport(id), timeoutMs, random: prng(42), retry: { baseMs: 5, maxMs: 40 } });
      clients.push(c);
      return c;
    };
    const teardown = async () => {
      await Promise.all(clients.map((c) => c.close()));
      await fleet.close();
    };
    return { env, fleet, nodes, connect, teardown };
  }

  test('connect learns every node from one seed, then commands reach the leader after one redirect', async (t) => {
    const { fleet, nodes, connect, teardown } = await setup();
    const g = fleet.addGroup('counter', 'n3');
    const client = await connect();
    t.deepEqual((await client.nodes()).map((n) => n.id).sort(), ['n1', 'n2', 'n3']);
    t.is(await client.command('counter', { add: 2 }), 2);
    t.is(client.cachedLeader('counter'), 'n3');
    t.is(await client.command('counter', { add: 3 }), 5);
    // The second command went straight to n3: n1 and n2 saw at most the first one.
    t.is(nodes[2]!.count(METHOD.command), 2);
    t.true(nodes[0]!.count(METHOD.command) + nodes[1]!.count(METHOD.command) <= 1);
    t.is(g.value, 5);
    t.is(await client.query('counter', null), 5);
    await teardown();
  });

  test('a seed that is down is skipped and the others are tried', async (t) => {
    const { env, fleet, nodes, connect, teardown } = await setup(2);
    fleet.addGroup('g', 'n2');
    const client = await connect([env.deadSeed(), env.seed(nodes[1]!)]);
    t.is(await client.command('g', { add: 1 }), 1);
    await teardown();
  });

  test('no reachable seed: connect fails with UnavailableError', async (t) => {
    const { env, teardown } = await setup(1);
    const error = await t.throwsAsync(
      env.connectClient !== undefined
        ? env.connectClient([env.deadSeed()], 300)
        : RaftfleetClient.connect({ seeds: [env.deadSeed()], transport: (id) => env.clientTransport(id), timeoutMs: 300, random: prng(1) }),
    );
    t.true(error instanceof UnavailableError || error instanceof TimeoutError, `got ${error?.name}`);
    await teardown();
  });

  test('a command whose answer is lost is retried with the same seq and applied once', async (t) => {
    const { fleet, nodes, connect, teardown } = await setup();
    const g = fleet.addGroup('c', 'n1');
    const client = await connect();
    // The leader applies the command, then the answer is replaced by a timeout, twice.
    let drops = 2;
    nodes[0]!.script = (req, node) => {
      if (req['command'] === undefined || drops === 0) return undefined;
      drops--;
      void node; // apply for real, then pretend the answer never made it
      const key = `${String(req['clientId'])}:${String(req['seq'])}`;
      if (!g.retained.has(key)) {
        g.value += 10;
        g.applied.push({ clientId: String(req['clientId']), seq: Number(req['seq']), add: 10 });
        g.retained.set(key, g.value);
      }
      return { ok: false, error: { code: 'ERR_TIMEOUT', message: 'commit timed out' } };
    };
    t.is(await client.command('c', { add: 10 }), 10);
    t.is(g.applied.length, 1);
    const seqs = nodes[0]!.received.filter((r) => r.method === METHOD.command).map((r) => r.req['seq']);
    t.is(seqs.length, 3);
    t.is(new Set(seqs).size, 1);
    t.is(await client.command('c', { add: 1 }), 11);
    t.is(g.applied.length, 2);
    t.not(g.applied[0]!.seq, g.applied[1]!.seq);
    await teardown();
  });

  test('when the leader dies the client finds the new one through the others', async (t) => {
    const { fleet, nodes, connect, teardown } = await setup();
    const g = fleet.addGroup('c', 'n2');
    const client = await connect();
    t.is(await client.command('c', { add: 1 }), 1);
    t.is(client.cachedLeader('c'), 'n2');
    // n2 dies; n3 takes over, but n1 still believes n2 leads for a while.
    nodes[1]!.down = true;
    await nodes[1]!.transport.close();
    let stale = 2;
    nodes[0]!.script = (req) => (req['command'] !== undefined && stale-- > 0 ? { ok: false, error: { code: 'ERR_NOT_LEADER', message: 'x', leader: 'n2' } } : undefined);
    g.leader = 'n3';
    t.is(await client.command('c', { add: 1 }), 2);
    t.is(client.cachedLeader('c'), 'n3');
    await teardown();
  });

  test('a leaderless group is retried until the deadline, then UnavailableError', async (t) => {
    const { fleet, nodes, connect, teardown } = await setup();
    fleet.addGroup('c', undefined);
    const client = await connect();
    const error = await t.throwsAsync(client.command('c', { add: 1 }, { timeoutMs: 1500 }));
    // UnavailableError, or (when the last attempt was still in flight at the deadline) a TimeoutError caused by it.
    const answer = error instanceof TimeoutError ? (error.cause as Error | undefined) : error;
    t.true(answer instanceof UnavailableError, `got ${error?.name} caused by ${String((error as Error).cause)}`);
    t.is((answer as UnavailableError).group, 'c');
    const attempts = nodes.reduce((s, n) => s + n.count(METHOD.command), 0);
    t.true(attempts >= 2, `only ${attempts} attempts`);
    t.is(fleet.groups.get('c')!.applied.length, 0);
    await teardown();
  });

  test('a leader elected during the retries is found', async (t) => {
    const { fleet, nodes, connect, teardown } = await setup();
    const g = fleet.addGroup('c', undefined);
    const client = await connect();
    let n = 0;
    for (const node of nodes) node.script = () => (++n === 4 ? ((g.leader = 'n2'), undefined) : undefined);
    t.is(await client.command('c', { add: 7 }, { timeoutMs: 3000 }), 7);
    t.is(g.applied.length, 1);
    await teardown();
  });

  test('a command is retried for at most MAX_COMMAND_RETRY_MS, whatever its timeout; a query keeps its own', async (t) => {
    const { fleet, nodes, connect, teardown } = await setup(1);
    fleet.addGroup('c', 'n1');
    const client = await connect();
    t.is(await client.command('c', { add: 1 }, { timeoutMs: 3 * 60 * 60_000 }), 1);
    // The node is told how long it may work on the attempt: within the cut deadline, not 3 hours.
    const asked = nodes[0]!.received.filter((r) => r.method === METHOD.command).at(-1)!.req['timeoutMs'] as number;
    t.true(asked > MAX_COMMAND_RETRY_MS - 60_000 && asked <= MAX_COMMAND_RETRY_MS, `command attempt timeout ${asked}`);
    await client.query('c', 'get', { timeoutMs: 3 * 60 * 60_000 });
    const queried = nodes[0]!.received.filter((r) => r.method === METHOD.query).at(-1)!.req['timeoutMs'] as number;
    t.true(queried > MAX_COMMAND_RETRY_MS, `query attempt timeout ${queried}`);
    await teardown();
  });

  test('a node that never answers yields TimeoutError within the deadline', async (t) => {
    const { fleet, nodes, connect, teardown } = await setup(1);
    fleet.addGroup('c', 'n1');
    const client = await connect();
    nodes[0]!.script = () => 'silent';
    const error = await t.throwsAsync(client.command('c', { add: 1 }, { timeoutMs: 200 }));
    t.true(error instanceof TimeoutError, `got ${error?.name}`);
    t.is((error as TimeoutError).timeoutMs, 200);
    await teardown();
  });

  test('final errors are typed and not retried', async (t) => {
    const { fleet, nodes, connect, teardown } = await setup(1);
    fleet.addGroup('c', 'n1');
    const client = await connect();
    const missing = await t.throwsAsync(client.command('nope', { add: 1 }));
    t.true(missing instanceof GroupNotFoundError);
    t.is((missing as GroupNotFoundError).group, 'nope');
    const failed = await t.throwsAsync(client.command('c', { add: 'x' }));
    t.true(failed instanceof CommandFailedError);
    t.is((failed as CommandFailedError).errorName, 'TypeError');
    const badQuery = await t.throwsAsync(client.query('c', 'boom'));
    t.is((badQuery as CommandFailedError).errorName, 'RangeError');
    await client.addGroup('fresh', { machine: 'counter', replicas: 3 });
    t.true(fleet.groups.has('fresh'));
    t.true((await t.throwsAsync(client.addGroup('fresh', { machine: 'counter' }))) instanceof GroupExistsError);
    nodes[0]!.once.push(() => ({ ok: false, error: { code: 'ERR_TOO_LARGE', message: 'command of 9 MiB' } }));
    t.true((await t.throwsAsync(client.command('c', { add: 1 }))) instanceof TooLargeError);
    nodes[0]!.once.push(() => 'garbage');
    t.true((await t.throwsAsync(client.command('c', { add: 1 }))) instanceof InvalidRequestError);
    t.is(nodes[0]!.count(METHOD.command), 4);
    t.is(await client.removeGroup('fresh'), true);
    t.is(await client.removeGroup('fresh'), false);
    await teardown();
  });

  test('strays and deleteStray: the nodes\' stray members, deleted one by one; a member that is no stray is refused, not retried', async (t) => {
    const { fleet, nodes, connect, teardown } = await setup(1);
    fleet.strays.push({ node: 'n3', group: 'old', member: 'n3/4' });
    const client = await connect();
    t.deepEqual(await client.strays(), { strays: [{ node: 'n3', group: 'old', member: 'n3/4' }], unanswered: ['n9'] });
    await client.deleteStray('n3', 'old');
    t.deepEqual((await client.strays()).strays, []);
    await t.throwsAsync(client.deleteStray('n3', 'old'), { instanceOf: InvalidRequestError, message: /no stray member/ });
    t.is(nodes[0]!.count(METHOD.deleteStray), 2, 'the refusal is final');
    await t.throwsAsync(client.deleteStray('', 'old'), { instanceOf: InvalidRequestError });
    nodes[0]!.once.push(() => ({ ok: true, strays: [{ group: 'x' }] }));
    await t.throwsAsync(client.strays());
    await teardown();
  });

  test('recoverGroup: the removed members, or a RecoveryRefusedError that is not retried', async (t) => {
    const { fleet, nodes, connect, teardown } = await setup(1);
    fleet.addGroup('healthy', 'n1');
    fleet.addGroup('lost', undefined);
    const client = await connect();
    const refused = await t.throwsAsync(client.recoverGroup('healthy'));
    t.true(refused instanceof RecoveryRefusedError, `got ${refused?.name}`);
    t.is((refused as RecoveryRefusedError).code, 'ERR_NOT_RECOVERABLE');
    t.is((refused as RecoveryRefusedError).group, 'healthy');
    t.true(refused?.message.includes('no recovery needed'));
    t.is(nodes[0]!.count(METHOD.recoverGroup), 1, 'asked once');
    t.deepEqual(await client.recoverGroup('lost'), ['n2/7', 'n3/7']);
    nodes[0]!.once.push(() => ({ ok: true, removed: 'n2' }));
    t.true((await t.throwsAsync(client.recoverGroup('lost'))) instanceof InvalidRequestError, 'an answer without a list is outside the protocol');
    await t.throwsAsync(client.recoverGroup(''), { instanceOf: InvalidRequestError });
    await teardown();
  });

  test('a group this client just created is looked for again when a lagging node does not know it yet', async (t) => {
    const { fleet, nodes, connect, teardown } = await setup(2);
    const client = await connect();
    await client.addGroup('young', { machine: 'counter' });
    fleet.groups.get('young')!.leader = 'n2';
    for (const n of nodes) n.once.push((req) => (req['group'] === 'young' ? { ok: false, error: { code: 'ERR_GROUP_NOT_FOUND', message: 'not in my view yet' } } : undefined));
    t.is(await client.command('young', { add: 1 }), 1);
    // A group nobody created through this client is not retried.
    nodes[0]!.once.push(() => ({ ok: false, error: { code: 'ERR_GROUP_NOT_FOUND', message: 'no' } }));
    nodes[1]!.once.push(() => ({ ok: false, error: { code: 'ERR_GROUP_NOT_FOUND', message: 'no' } }));
    const before = nodes[0]!.count(METHOD.command) + nodes[1]!.count(METHOD.command);
    await t.throwsAsync(client.command('c-unknown', { add: 1 }), { instanceOf: GroupNotFoundError });
    t.is(nodes[0]!.count(METHOD.command) + nodes[1]!.count(METHOD.command), before + 1);
    await teardown();
  });

  test('a handler that throws an error code is treated like the same wire error', async (t) => {
    const { fleet, nodes, connect, teardown } = await setup(1);
    fleet.addGroup('c', 'n1');
    const client = await connect();
    nodes[0]!.once.push(() => 'throw', () => 'throw');
    t.is(await client.command('c', { add: 4 }), 4);
    t.is(nodes[0]!.count(METHOD.command), 3);
    await teardown();
  });

  test('bad arguments are rejected before anything is sent', async (t) => {
    const { fleet, nodes, connect, teardown } = await setup(1);
    fleet.addGroup('c', 'n1');
    const client = await connect();
    const before = nodes[0]!.received.length;
    await t.throwsAsync(client.command('', { add: 1 }), { instanceOf: InvalidRequestError });
    await t.throwsAsync(client.command('c', { add: 1 }, { timeoutMs: -1 }), { instanceOf: InvalidRequestError });
    await t.throwsAsync(client.query('c', null, { consistency: 'eventual' as 'stale' }), { instanceOf: InvalidRequestError });
    await t.throwsAsync(client.addGroup('x', { machine: '', replicas: 3 }), { instanceOf: InvalidRequestError });
    await t.throwsAsync(client.addGroup('x', { machine: 'counter', replicas: 0 }), { instanceOf: InvalidRequestError });
    t.is(nodes[0]!.received.length, before);
    await teardown();
  });

  test('typed group handles use their codecs; queries carry the consistency level', async (t) => {
    const { fleet, nodes, connect, teardown } = await setup(1);
    fleet.addGroup('c', 'n1');
    const client = await connect();
    const counter = client.group<{ add: number }, number, null, number>('c');
    t.is(await counter.command({ add: 5 }), 5);
    t.is(await counter.query(null, { consistency: 'stale' }), 5);
    t.is(nodes[0]!.received.at(-1)!.req['consistency'], 'stale');
    t.is(await counter.query(null), 5);
    t.is(nodes[0]!.received.at(-1)!.req['consistency'], 'linearizable');
    // A JSON-speaking machine: the bytes on the wire are JSON, not msgpack.
    nodes[0]!.once.push((req) => {
      t.deepEqual(JSON.parse(new TextDecoder().decode(req['command'] as Uint8Array)), { add: 1 });
      return { ok: true, result: new TextEncoder().encode('"done"') };
    });
    const json = client.group<{ add: number }, string, null, number>('c', { commandCodec: jsonCodec, resultCodec: jsonCodec });
    t.is(await json.command({ add: 1 }), 'done');
    await teardown();
  });

  test('status, groups and nodes decode the registry', async (t) => {
    const { fleet, connect, teardown } = await setup();
    fleet.addGroup('a', 'n1');
    fleet.addGroup('b', undefined);
    fleet.extraNodes.push({ id: 'n9', zone: 'z9', address: '' });
    const client = await connect();
    const status = await client.status();
    t.deepEqual(status.leaderless, ['b']);
    t.deepEqual(status.groups.map((g) => [g.name, g.leader]), [['a', 'n1'], ['b', undefined]]);
    t.deepEqual(status.nodes.find((n) => n.id === 'n9'), { id: 'n9', zone: 'z9', address: '', active: true, reachable: false });
    t.is((await client.groups()).length, 2);
    await teardown();
  });

  test('close rejects calls in flight and later calls with ClientClosedError', async (t) => {
    const { fleet, nodes, connect, teardown } = await setup(1);
    fleet.addGroup('c', 'n1');
    const client = await connect();
    nodes[0]!.script = () => 'silent';
    const pending = client.command('c', { add: 1 }, { timeoutMs: 5000 });
    await new Promise((r) => setTimeout(r, 20));
    await client.close();
    await t.throwsAsync(pending, { instanceOf: ClientClosedError });
    await t.throwsAsync(client.command('c', { add: 1 }), { instanceOf: ClientClosedError });
    await teardown();
  });

  test('many concurrent commands from one client each apply exactly once', async (t) => {
    const { fleet, nodes, connect, teardown } = await setup();
    const g = fleet.addGroup('c', 'n3');
    const client = await connect();
    const random = prng(7);
    // Every fifth answer of the leader is lost after applying, at random.
    nodes[2]!.script = (req) => {
      if (req['command'] === undefined || random() > 0.2) return undefined;
      const key = `${String(req['clientId'])}:${String(req['seq'])}`;
      if (!g.retained.has(key)) {
        g.value += 1;
        g.applied.push({ clientId: String(req['clientId']), seq: Number(req['seq']), add: 1 });
        g.retained.set(key, g.value);
      }
      return { ok: false, error: { code: 'ERR_UNAVAILABLE', message: 'lost' } };
    };
    const results = await Promise.all(Array.from({ length: 100 }, () => client.command<{ add: number }, number>('c', { add: 1 })));
    t.is(g.value, 100);
    t.is(g.applied.length, 100);
    t.deepEqual([...results].sort((a, b) => a - b), Array.from({ length: 100 }, (_, i) => i + 1));
    t.true(decode(nodes[2]!.received[0]!.req['command'] as Uint8Array) !== undefined);
    // Requests queued behind others in flight left together, in batch requests.
    t.true(nodes[2]!.batchSizes.some((n) => n > 1), `batch sizes ${JSON.stringify(nodes[2]!.batchSizes)}`);
    t.true(nodes[2]!.batchSizes.every((n) => n <= 64), 'a batch leaves at once when 64 are queued');
    t.true(client.stats().batched > 0);
    await teardown();
  });

  test('an answer outside the protocol inside a batch fails only its own call, with InvalidRequestError', async (t) => {
    const { fleet, nodes, connect, teardown } = await setup();
    const g = fleet.addGroup('c', 'n1');
    const client = await connect();
    // The second query to arrive is answered with something that is not a response map.
    let seen = 0;
    nodes[0]!.script = (req) => (req['query'] !== undefined && ++seen === 2 ? 'garbage' : undefined);
    g.value = 5;
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => client.query('c', 'get')));
    t.true(nodes[0]!.batchSizes.some((n) => n > 1), `batch sizes ${JSON.stringify(nodes[0]!.batchSizes)}`);
    const failed = outcomes.filter((o) => o.status === 'rejected');
    t.is(failed.length, 1);
    t.true((failed[0] as PromiseRejectedResult).reason instanceof InvalidRequestError);
    t.deepEqual(
      outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<unknown>).value),
      Array.from({ length: 7 }, () => 5),
    );
    await teardown();
  });

  test('a node that does not serve batch requests gets single requests, and every command still applies once', async (t) => {
    const { fleet, nodes, connect, teardown } = await setup();
    for (const n of nodes) n.batches = false;
    const g = fleet.addGroup('c', 'n2');
    const client = await connect();
    const results = await Promise.all(Array.from({ length: 60 }, () => client.command<{ add: number }, number>('c', { add: 1 })));
    t.deepEqual([...results].sort((a, b) => a - b), Array.from({ length: 60 }, (_, i) => i + 1));
    t.is(g.applied.length, 60);
    t.deepEqual(nodes[1]!.batchSizes, []);
    // Once refused, the client stops trying batches with that node.
    const attempts = client.stats().batched;
    await Promise.all(Array.from({ length: 20 }, () => client.command('c', { add: 1 })));
    t.is(client.stats().batched, attempts);
    t.is(g.value, 80);
    await teardown();
  });
}
