// TCP-specific behaviour: write coalescing, frame splitting at the maximum, oversized envelopes,
// simultaneous dials resolved to one connection, and reconnection after the peer restarts.
import test, { type ExecutionContext } from 'ava';
import type { Envelope } from '@raftfleet/protocol';
import { FrameTooLargeError, RemoteError, TransportTimeoutError } from '@raftfleet/transport';
import { TcpTransport, type TcpTransportOptions } from '../src/index.js';
import { BASE } from './harness.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(t: ExecutionContext, what: string, predicate: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) {
      t.fail(`gave up waiting for: ${what}`);
      throw new Error(what);
    }
    await sleep(2);
  }
}

async function pair(extra: Partial<TcpTransportOptions> = {}) {
  const a = new TcpTransport({ ...BASE, nodeId: 'a', ...extra });
  const b = new TcpTransport({ ...BASE, nodeId: 'b', ...extra });
  await Promise.all([a.start(), b.start()]);
  return { a, b };
}

function append(i: number, bytes: number): Envelope {
  return {
    group: `g${i % 10}`,
    message: {
      type: 'append',
      term: 1,
      from: 'x',
      to: 'y',
      prevIndex: i,
      prevTerm: 1,
      commit: i,
      entries: [{ term: 1, index: i + 1, type: 0, data: new Uint8Array(bytes) }],
    },
  };
}

test('sends made in one event-loop turn are coalesced into one frame and one batch', async (t) => {
  const { a, b } = await pair();
  try {
    const batches: number[] = [];
    b.onBatch((_, envelopes) => batches.push(envelopes.length));
    a.addPeer('b', b.address);
    await waitFor(t, 'connected', () => a.isConnected('b') && b.isConnected('a'));
    const before = b.metrics().framesReceived;
    for (let i = 0; i < 100; i++) a.send('b', [append(i, 10)]);
    await waitFor(t, 'delivery', () => batches.reduce((x, y) => x + y, 0) >= 100);
    t.deepEqual(batches, [100]);
    t.is(b.metrics().framesReceived - before, 1);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

test('once 32 KiB are queued for a peer they leave at once, without waiting for the end of the turn; order is kept', async (t) => {
  const { a, b } = await pair();
  try {
    const got: number[] = [];
    b.onBatch((_, envelopes) => {
      for (const e of envelopes) if (e.message.type === 'append') got.push(e.message.commit);
    });
    a.addPeer('b', b.address);
    await waitFor(t, 'connected', () => a.isConnected('b') && b.isConnected('a'));
    const before = a.metrics().framesSent;
    a.send('b', [append(0, 100)]);
    t.is(a.metrics().framesSent, before, 'a small send waits for the end of the turn');
    for (let i = 1; i <= 40; i++) a.send('b', [append(i, 1000)]);
    const early = a.metrics().framesSent - before;
    t.true(early >= 1, 'sent during the turn');
    await waitFor(t, 'delivery', () => got.length >= 41);
    t.deepEqual(got, Array.from({ length: 41 }, (_, i) => i));
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

test('a batch above the frame limit is split across frames; an envelope above it is dropped', async (t) => {
  const max = 64 * 1024;
  const { a, b } = await pair({ maxFrameBytes: max });
  try {
    const got: number[] = [];
    b.onBatch((_, envelopes) => {
      for (const e of envelopes) if (e.message.type === 'append') got.push(e.message.commit);
    });
    a.addPeer('b', b.address);
    await waitFor(t, 'connected', () => a.isConnected('b'));
    const before = b.metrics().framesReceived;
    const batch = Array.from({ length: 1000 }, (_, i) => append(i, 1000)); // ~1 MB
    t.true(a.send('b', batch));
    await waitFor(t, 'delivery', () => got.length >= 1000);
    t.deepEqual(got, Array.from({ length: 1000 }, (_, i) => i));
    const frames = b.metrics().framesReceived - before;
    t.true(frames >= Math.ceil((1000 * 1000) / max), `${frames} frames`);
    const dropped = a.stats().droppedEnvelopes;
    t.false(a.send('b', [append(0, max)]));
    t.is(a.stats().droppedEnvelopes, dropped + 1);
    t.is(b.metrics().closed.frame_too_large, 0);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

test('simultaneous dials leave exactly one connection per pair, on both sides', async (t) => {
  for (let round = 0; round < 5; round++) {
    const { a, b } = await pair();
    try {
      a.addPeer('b', b.address);
      b.addPeer('a', a.address);
      await waitFor(t, 'connected', () => a.isConnected('b') && b.isConnected('a'));
      await sleep(30);
      t.is(a.metrics().openConnections, 1);
      t.is(b.metrics().openConnections, 1);
      const got: number[] = [];
      b.onBatch((_, envelopes) => {
        for (const e of envelopes) if (e.message.type === 'append') got.push(e.message.commit);
      });
      for (let i = 0; i < 20; i++) a.send('b', [append(i, 1)]);
      await waitFor(t, 'delivery', () => got.length >= 20);
      t.deepEqual(got, Array.from({ length: 20 }, (_, i) => i));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }
});

test('reconnects with backoff until the peer comes up', async (t) => {
  const a = new TcpTransport({ ...BASE, nodeId: 'a', reconnect: { initialDelayMs: 5, maxDelayMs: 40 } });
  await a.start();
  const b0 = new TcpTransport({ ...BASE, nodeId: 'b' });
  await b0.start();
  const address = b0.address;
  const port = Number(address.slice(address.lastIndexOf(':') + 1));
  await b0.close();
  try {
    a.addPeer('b', address);
    await waitFor(t, 'several failed dials', () => a.metrics().dialsFailed >= 3);
    const b = new TcpTransport({ ...BASE, nodeId: 'b', listen: { port } });
    await b.start();
    try {
      await waitFor(t, 'connected after b came up', () => a.isConnected('b'));
      t.true(a.metrics().dialsStarted > a.metrics().dialsFailed);
    } finally {
      await b.close();
    }
  } finally {
    await a.close();
  }
});

test('a peer at an address answered by another node id is not accepted', async (t) => {
  const { a, b } = await pair();
  try {
    a.addPeer('c', b.address); // b answers, claiming to be b
    await waitFor(t, 'unexpected node counted', () => a.metrics().closed.unexpected_node >= 1);
    t.false(a.isConnected('c'));
    t.false(a.isConnected('b'));
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

test('a request or response body larger than a frame is refused with a typed error; the connection stays up', async (t) => {
  const max = 64 * 1024;
  const { a, b } = await pair({ maxFrameBytes: max });
  try {
    b.onRequest('echo', async (_, body) => body);
    b.onRequest('big', async () => new Uint8Array(max + 1));
    a.addPeer('b', b.address);
    await waitFor(t, 'connected', () => a.isConnected('b') && b.isConnected('a'));
    const downs: string[] = [];
    a.on('peerDown', (p) => downs.push(p));
    const request = await t.throwsAsync(a.request('b', 'echo', new Uint8Array(max + 1)), { instanceOf: FrameTooLargeError });
    t.is(request?.code, 'ERR_FRAME_TOO_LARGE');
    t.true(request!.bytes > max);
    t.is(request?.maxBytes, max);
    const response = await t.throwsAsync(a.request('b', 'big', new Uint8Array(1)), { instanceOf: RemoteError });
    t.is(response?.remoteCode, 'ERR_FRAME_TOO_LARGE');
    // Neither side dropped the connection, and it still carries requests.
    t.deepEqual(Array.from(await a.request('b', 'echo', new Uint8Array([1, 2, 3]))), [1, 2, 3]);
    t.true(a.isConnected('b'));
    t.deepEqual(downs, []);
    t.is(a.metrics().closed.frame_too_large + b.metrics().closed.frame_too_large, 0);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

test('requests with mixed timeouts each fail at their own deadline, also one added later with an earlier deadline', async (t) => {
  const { a, b } = await pair();
  try {
    b.onRequest('never', () => new Promise(() => {}));
    b.onRequest('echo', async (_, body) => body);
    a.addPeer('b', b.address);
    await waitFor(t, 'connected', () => a.isConnected('b') && b.isConnected('a'));
    const started = performance.now();
    const failedAt = (timeoutMs: number) =>
      a.request('b', 'never', new Uint8Array(0), { timeoutMs }).then(
        () => Number.NaN,
        (error: unknown) => {
          t.true(error instanceof TransportTimeoutError, String(error));
          t.is((error as TransportTimeoutError).timeoutMs, timeoutMs);
          return performance.now() - started;
        },
      );
    const late = failedAt(400);
    const early = failedAt(60); // armed after a later deadline: must re-arm the shared timer
    const answered = a.request('b', 'echo', new Uint8Array([5]), { timeoutMs: 5000 });
    t.deepEqual(Array.from(await answered), [5]);
    const [earlyMs, lateMs] = await Promise.all([early, late]);
    t.true(earlyMs >= 55 && earlyMs < 350, `early request failed after ${earlyMs} ms`);
    t.true(lateMs >= 395, `late request failed after ${lateMs} ms`);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});
