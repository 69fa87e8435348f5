// The compliance suite every transport adapter runs: `transportCompliance(test, harnessFactory)` registers ava tests.
// Third-party adapters get the same checks by calling it from one test file.
import type { ExecutionContext } from 'ava';
import type { Envelope, Message } from '@raftfleet/protocol';
import type { NodeId, Transport } from './types.js';
import {
  NoHandlerError,
  PeerUnavailableError,
  RemoteError,
  TransportClosedError,
  TransportTimeoutError,
} from './errors.js';

/** Options the suite passes when it creates a node. */
export interface ComplianceNodeOptions {
  /** Bound on the bytes queued for one peer (the backpressure test sets it). */
  maxQueuedBytes?: number;
}

/** What an adapter provides so the suite can build small clusters; one harness per test. */
export interface ComplianceHarness {
  /** Creates and starts a listening node. */
  node(id: NodeId, options?: ComplianceNodeOptions): Promise<Transport>;
  /** Creates and starts a client that does not listen; omit when the adapter has no such mode. */
  client?(id: NodeId): Promise<Transport>;
  /** Closes `node` and starts a fresh transport with the same id and address. */
  restart(node: Transport): Promise<Transport>;
  /** Makes `node` stop reading incoming data, so that its peers' send queues fill up. */
  stall(node: Transport): void;
  /** An address where nothing listens. */
  deadAddress(): string;
  /** Closes every transport the harness created. */
  cleanup(): Promise<void>;
}

/** Registers one test: ava's `test`, or `test.serial` for adapters whose connections are costly to set up. */
export type RegisterTest = (title: string, implementation: (t: ExecutionContext) => Promise<void>) => void;

/** Creates a fresh harness for one test. */
export type ComplianceHarnessFactory = () => ComplianceHarness | Promise<ComplianceHarness>;

/** Options of {@link transportCompliance}. */
export interface ComplianceOptions {
  /** Prefix of every test title (default `transport`). */
  prefix?: string;
  /** Upper bound of any single wait in the suite, so a broken adapter fails instead of hanging (default 10 s). */
  waitMs?: number;
  /** Whether the adapter reports `sentBytes` and `receivedBytes` in its stats, which the suite then checks (default false). */
  countsBytes?: boolean;
}

function heartbeat(i: number): Message {
  return { type: 'heartbeat', term: 1, from: 'm1', to: 'm2', commit: i, context: '' };
}

function envelopes(from: number, count: number, groupCount = 7): Envelope[] {
  const out: Envelope[] = [];
  for (let i = from; i < from + count; i++) out.push({ group: `g${i % groupCount}`, message: heartbeat(i) });
  return out;
}

function appendEnvelope(i: number, payload: number): Envelope {
  const data = new Uint8Array(payload);
  data.fill(i & 0xff);
  return {
    group: `group-${i % 100}`,
    message: {
      type: 'append',
      term: 3,
      from: 'm1',
      to: 'm2',
      prevIndex: i,
      prevTerm: 3,
      commit: i,
      entries: [{ term: 3, index: i + 1, type: 0, data }],
    },
  };
}

function commitOf(e: Envelope): number {
  const m = e.message;
  if (m.type === 'heartbeat' || m.type === 'append') return m.commit;
  return -1;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Registers the transport compliance tests with `test`.
 * @param test - ava's `test` (or `test.serial`) from the adapter's test file.
 * @param factory - Creates a fresh {@link ComplianceHarness} for each test.
 * @param options - Title prefix, wait bound, and whether byte counts are checked.
 */
export function transportCompliance(test: RegisterTest, factory: ComplianceHarnessFactory, options: ComplianceOptions = {}): void {
  const prefix = options.prefix ?? 'transport';
  const waitMs = options.waitMs ?? 10_000;

  async function waitFor(t: ExecutionContext, what: string, predicate: () => boolean): Promise<void> {
    const deadline = Date.now() + waitMs;
    while (!predicate()) {
      if (Date.now() > deadline) {
        t.fail(`gave up waiting for: ${what}`);
        throw new Error(`gave up waiting for: ${what}`);
      }
      await sleep(2);
    }
  }

  async function connect(t: ExecutionContext, a: Transport, b: Transport): Promise<void> {
    a.addPeer(b.nodeId, b.address);
    b.addPeer(a.nodeId, a.address);
    await waitFor(t, `${a.nodeId} <-> ${b.nodeId} connected`, () => a.isConnected(b.nodeId) && b.isConnected(a.nodeId));
  }

  function withHarness(title: string, body: (t: ExecutionContext, h: ComplianceHarness) => Promise<void>): void {
    test(`${prefix}: ${title}`, async (t) => {
      const h = await factory();
      try {
        await body(t, h);
      } finally {
        await h.cleanup();
      }
    });
  }

  withHarness('delivers batches in order per node pair and reports peerUp on both sides', async (t, h) => {
    const a = await h.node('a');
    const b = await h.node('b');
    const ups: string[] = [];
    a.on('peerUp', (p) => ups.push(`a saw ${p}`));
    b.on('peerUp', (p) => ups.push(`b saw ${p}`));
    const got: number[] = [];
    const from: string[] = [];
    b.onBatch((peer, batch) => {
      from.push(peer);
      for (const e of batch) got.push(commitOf(e));
    });
    await connect(t, a, b);
    await waitFor(t, 'peerUp events', () => ups.length >= 2);
    t.true(ups.includes('a saw b') && ups.includes('b saw a'));
    for (let i = 0; i < 50; i++) {
      t.true(a.send('b', envelopes(i * 20, 20)));
      if (i % 7 === 0) await turn();
    }
    await waitFor(t, '1000 envelopes at b', () => got.length >= 1000);
    t.deepEqual(got, Array.from({ length: 1000 }, (_, i) => i));
    t.true(from.every((p) => p === 'a'));
    t.is(b.stats().receivedEnvelopes, 1000);
    t.is(a.stats().sentEnvelopes, 1000);
    if (options.countsBytes === true) {
      // 1000 envelopes are more than 1000 bytes each way.
      const sent = a.stats().sentBytes ?? 0;
      const received = b.stats().receivedBytes ?? 0;
      t.true(sent > 1000, `sent ${sent} bytes`);
      t.true(received > 1000, `received ${received} bytes`);
    }
  });

  withHarness('carries a batch larger than one frame, intact and in order', async (t, h) => {
    const a = await h.node('a');
    const b = await h.node('b');
    const got: Envelope[] = [];
    b.onBatch((_, batch) => got.push(...batch));
    await connect(t, a, b);
    // ~5.4 MB: above the usual 4 MiB frame limit, so a framing transport must split it.
    const batch = Array.from({ length: 20_000 }, (_, i) => appendEnvelope(i, 200));
    t.true(a.send('b', batch));
    await waitFor(t, '20000 envelopes at b', () => got.length >= 20_000);
    t.is(got.length, 20_000);
    t.deepEqual(
      got.map(commitOf),
      batch.map((_, i) => i),
    );
    for (const i of [0, 4321, 19_999]) {
      const m = got[i]!.message;
      t.is(m.type, 'append');
      if (m.type === 'append') {
        t.is(m.entries[0]!.data.length, 200);
        t.is(m.entries[0]!.data[17], i & 0xff);
      }
      t.is(got[i]!.group, `group-${i % 100}`);
    }
  });

  withHarness('ten peers exchange batches in a full mesh', async (t, h) => {
    const ids = Array.from({ length: 10 }, (_, i) => `n${i}`);
    const nodes = await Promise.all(ids.map((id) => h.node(id)));
    const received = new Map<string, Map<string, number[]>>();
    for (const n of nodes) {
      const perSender = new Map<string, number[]>();
      received.set(n.nodeId, perSender);
      n.onBatch((from, batch) => {
        const list = perSender.get(from) ?? [];
        perSender.set(from, list);
        for (const e of batch) list.push(commitOf(e));
      });
    }
    for (const a of nodes) for (const b of nodes) if (a !== b) a.addPeer(b.nodeId, b.address);
    await waitFor(t, 'full mesh connected', () =>
      nodes.every((a) => nodes.every((b) => a === b || a.isConnected(b.nodeId))),
    );
    for (let round = 0; round < 4; round++) {
      for (const a of nodes) for (const b of nodes) if (a !== b) t.true(a.send(b.nodeId, envelopes(round * 5, 5)));
      await turn();
    }
    const total = () => [...received.values()].reduce((s, m) => s + [...m.values()].reduce((x, l) => x + l.length, 0), 0);
    await waitFor(t, 'all 1800 envelopes', () => total() >= 10 * 9 * 20);
    for (const [id, perSender] of received) {
      t.is(perSender.size, 9, `${id} heard from every other node`);
      for (const [from, list] of perSender) {
        t.not(from, id);
        t.deepEqual(list, Array.from({ length: 20 }, (_, i) => i), `${from} -> ${id} in order`);
      }
    }
  });

  withHarness('a peer that goes away and comes back: peerDown, peerUp, delivery resumes', async (t, h) => {
    const a = await h.node('a');
    let b = await h.node('b');
    const events: string[] = [];
    a.on('peerUp', (p) => events.push(`up ${p}`));
    a.on('peerDown', (p) => events.push(`down ${p}`));
    await connect(t, a, b);
    await b.close();
    await waitFor(t, 'peerDown b at a', () => events.includes('down b'));
    t.false(a.isConnected('b'));
    b = await h.restart(b);
    const got: number[] = [];
    b.onBatch((_, batch) => got.push(...batch.map(commitOf)));
    await waitFor(t, 'peerUp b again at a', () => events.filter((e) => e === 'up b').length >= 2);
    t.deepEqual(events.slice(0, 3), ['up b', 'down b', 'up b']);
    a.send('b', envelopes(0, 3));
    await waitFor(t, 'delivery after restart', () => got.length >= 3);
    t.deepEqual(got.slice(0, 3), [0, 1, 2]);
  });

  withHarness('a peer that never existed: send drops, request rejects, nothing crashes', async (t, h) => {
    const a = await h.node('a');
    const before = a.stats().droppedEnvelopes;
    t.false(a.send('ghost', envelopes(0, 4)));
    t.is(a.stats().droppedEnvelopes, before + 4);
    await t.throwsAsync(a.request('ghost', 'echo', new Uint8Array([1]), { timeoutMs: 2000 }), {
      instanceOf: PeerUnavailableError,
    });
    a.addPeer('phantom', h.deadAddress());
    t.notThrows(() => a.send('phantom', envelopes(0, 2)));
    const error = await t.throwsAsync(a.request('phantom', 'echo', new Uint8Array([1]), { timeoutMs: 4000 }));
    t.true(error instanceof PeerUnavailableError || error instanceof TransportTimeoutError, String(error));
    await waitFor(t, 'the envelopes for phantom are dropped', () => a.stats().droppedEnvelopes >= before + 6);
    t.false(a.isConnected('phantom'));
  });

  withHarness('closing while sending neither throws nor hangs', async (t, h) => {
    const a = await h.node('a');
    const b = await h.node('b');
    let received = 0;
    b.onBatch((_, batch) => {
      received += batch.length;
    });
    await connect(t, a, b);
    const pending = a.request('b', 'slow', new Uint8Array(0), { timeoutMs: 5000 });
    b.onRequest('slow', () => new Promise(() => {}));
    let closing: Promise<void> | undefined;
    for (let i = 0; i < 200; i++) {
      t.notThrows(() => a.send('b', envelopes(i * 10, 10)));
      if (i === 100) closing = Promise.all([a.close(), b.close()]).then(() => {});
      if (i % 10 === 0) await turn();
    }
    await closing;
    t.false(a.send('b', envelopes(0, 1)));
    await t.throwsAsync(pending, { instanceOf: TransportClosedError });
    await t.throwsAsync(a.request('b', 'echo', new Uint8Array(0)), { instanceOf: TransportClosedError });
    t.true(received <= 2000);
    await t.notThrowsAsync(a.close());
  });

  withHarness('request/response: bodies, remote errors, missing handlers, timeouts', async (t, h) => {
    const a = await h.node('a');
    const b = await h.node('b');
    b.onRequest('echo', async (from, body) => {
      const out = new Uint8Array(body.length + from.length);
      out.set(body);
      out.set(new TextEncoder().encode(from), body.length);
      return out;
    });
    b.onRequest('fail', async () => {
      throw Object.assign(new Error('not the leader'), { code: 'ERR_NOT_LEADER' });
    });
    b.onRequest('never', () => new Promise(() => {}));
    await connect(t, a, b);
    const reply = await a.request('b', 'echo', new Uint8Array([7, 8]));
    t.deepEqual(Array.from(reply), [7, 8, ...new TextEncoder().encode('a')]);
    const many = await Promise.all(
      Array.from({ length: 100 }, (_, i) => a.request('b', 'echo', new Uint8Array([i]))),
    );
    t.deepEqual(
      many.map((r) => r[0]),
      Array.from({ length: 100 }, (_, i) => i),
    );
    const remote = await t.throwsAsync(a.request('b', 'fail', new Uint8Array(0)), { instanceOf: RemoteError });
    t.is(remote?.remoteCode, 'ERR_NOT_LEADER');
    t.is(remote?.remoteMessage, 'not the leader');
    t.is(remote?.code, 'ERR_REMOTE');
    const missing = await t.throwsAsync(a.request('b', 'nope', new Uint8Array(0)), { instanceOf: NoHandlerError });
    t.is(missing?.code, 'ERR_NO_HANDLER');
    const timeout = await t.throwsAsync(a.request('b', 'never', new Uint8Array(0), { timeoutMs: 50 }), {
      instanceOf: TransportTimeoutError,
    });
    t.is(timeout?.timeoutMs, 50);
    // Requests work in both directions of one connection.
    a.onRequest('echo', async (_, body) => body);
    t.deepEqual(Array.from(await b.request('a', 'echo', new Uint8Array([3]))), [3]);
  });

  withHarness('a client without a listening address is answerable over its own connection', async (t, h) => {
    if (h.client === undefined) {
      t.pass('adapter has no client mode');
      return;
    }
    const server = await h.node('server');
    const client = await h.client('client-1');
    t.is(client.address, '');
    server.onRequest('hello', async (from) => new TextEncoder().encode(`hi ${from}`));
    client.onRequest('whoami', async () => new TextEncoder().encode('client-1'));
    const got: number[] = [];
    client.onBatch((_, batch) => got.push(...batch.map(commitOf)));
    const ups: string[] = [];
    server.on('peerUp', (p) => ups.push(p));
    client.addPeer('server', server.address);
    await waitFor(t, 'client connected', () => client.isConnected('server') && server.isConnected('client-1'));
    t.deepEqual(ups, ['client-1']);
    t.is(new TextDecoder().decode(await client.request('server', 'hello', new Uint8Array(0))), 'hi client-1');
    t.is(new TextDecoder().decode(await server.request('client-1', 'whoami', new Uint8Array(0))), 'client-1');
    t.true(server.send('client-1', envelopes(0, 5)));
    await waitFor(t, 'batch at the client', () => got.length >= 5);
    t.deepEqual(got, [0, 1, 2, 3, 4]);
  });

  withHarness('backpressure: a receiver that does not read bounds the sender queue, excess is dropped', async (t, h) => {
    const bound = 256 * 1024;
    const a = await h.node('a', { maxQueuedBytes: bound });
    const b = await h.node('b');
    await connect(t, a, b);
    h.stall(b);
    let maxSeen = 0;
    // ~16 MB offered: far more than the bound plus whatever the kernel buffers on the way.
    for (let i = 0; i < 1200; i++) {
      a.send('b', Array.from({ length: 100 }, (_, k) => appendEnvelope(i * 100 + k, 100)));
      maxSeen = Math.max(maxSeen, a.stats().queuedBytes);
      if (i % 20 === 0) {
        await turn();
        maxSeen = Math.max(maxSeen, a.stats().queuedBytes);
      }
    }
    const stats = a.stats();
    t.log(`max queued ${maxSeen} B (bound ${bound}), dropped ${stats.droppedEnvelopes} of 120000`);
    t.true(maxSeen <= bound, `queued ${maxSeen} > bound ${bound}`);
    t.true(stats.maxQueuedBytesSeen <= bound);
    t.true(stats.maxQueuedBytesSeen > 0);
    t.true(stats.droppedEnvelopes > 0, 'excess was dropped and counted');
  });

  withHarness('an envelope the codec refuses is dropped and counted; the rest of its batch arrives', async (t, h) => {
    const a = await h.node('a');
    const b = await h.node('b');
    const got: number[] = [];
    b.onBatch((_, batch) => got.push(...batch.map(commitOf)));
    await connect(t, a, b);
    const bad: Envelope = { group: 'g', message: { type: 'heartbeat', term: 1, from: 'm1', to: 'm2', commit: Number.NaN, context: '' } };
    const before = a.stats().droppedEnvelopes;
    t.notThrows(() => a.send('b', [...envelopes(0, 1), bad, ...envelopes(2, 1)]));
    await waitFor(t, 'the valid envelopes', () => got.length >= 2);
    t.deepEqual(got, [0, 2]);
    t.is(a.stats().droppedEnvelopes, before + 1);
  });

  withHarness('a node that a peer forgot connects again, and is answered as an inbound peer', async (t, h) => {
    const a = await h.node('a');
    const b = await h.node('b');
    b.onRequest('echo', async (_from, body) => body);
    await connect(t, a, b);
    const downs: string[] = [];
    a.on('peerDown', (p) => downs.push(p));
    // b forgets a (as a fleet forgets a node it purged); a still knows b and dials it again.
    b.removePeer('a');
    await waitFor(t, 'a saw b go down', () => downs.includes('b'));
    await waitFor(t, 'a connected to b again', () => a.isConnected('b') && b.isConnected('a'));
    t.deepEqual([...(await a.request('b', 'echo', new Uint8Array([7])))], [7]);
  });

  withHarness('removePeer closes the connection and later sends drop', async (t, h) => {
    const a = await h.node('a');
    const b = await h.node('b');
    const downs: string[] = [];
    a.on('peerDown', (p) => downs.push(p));
    await connect(t, a, b);
    b.removePeer('a');
    a.removePeer('b');
    await waitFor(t, 'peerDown after removePeer', () => downs.includes('b'));
    t.false(a.isConnected('b'));
    t.false(a.send('b', envelopes(0, 1)));
  });
}
