// Bad input over real sockets: noise, truncated and oversized frames, wrong secret or cluster, silence, floods,
// and seeded random frames after a valid handshake. Each closes only the offending connection, with a counted reason.
import test, { type ExecutionContext } from 'ava';
import net from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { decodeFrame, encodeDelimitedFrame, WIRE_VERSION, type Envelope, type Frame } from '@raftfleet/protocol';
import { TcpTransport, FrameDecoder, type CloseReason, type TcpTransportOptions } from '../src/index.js';
import { nonce, proof } from '../src/handshake.js';
import { BASE } from './harness.js';

const SEED = Number(process.env['SEED'] ?? 4242);

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

function env(i: number): Envelope {
  return { group: `g${i % 3}`, message: { type: 'heartbeat', term: 2, from: 'x', to: 'y', commit: i, context: '' } };
}

/** A log sink that keeps every line, to check that closes are logged with their reason. */
function captureLogger() {
  const lines: { reason?: string; msg?: string; level?: number }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'warn' }, stream), lines };
}

async function node(id: string, extra: Partial<TcpTransportOptions> = {}): Promise<TcpTransport> {
  const t = new TcpTransport({ ...BASE, nodeId: id, ...extra });
  await t.start();
  return t;
}

function portOf(t: TcpTransport): number {
  return Number(t.address.slice(t.address.lastIndexOf(':') + 1));
}

/** A raw socket to `server`, with a reader of the frames it sends back. */
async function raw(server: TcpTransport) {
  const socket = net.connect({ host: '127.0.0.1', port: portOf(server) });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.on('error', () => {});
  const frames: Frame[] = [];
  const decoder = new FrameDecoder(1 << 20);
  socket.on('data', (chunk: Buffer) => {
    try {
      decoder.push(chunk, (f) => frames.push(decodeFrame(f)));
    } catch {
      socket.destroy();
    }
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, frames, closed };
}

/** Completes a genuine handshake by hand, so that what follows reaches the post-handshake frame handling. */
async function authenticated(t: ExecutionContext, server: TcpTransport, id: string) {
  const c = await raw(server);
  const dialerNonce = nonce();
  c.socket.write(
    encodeDelimitedFrame({ kind: 'hello', version: WIRE_VERSION, clusterId: BASE.clusterId, nodeId: id, address: '', nonce: dialerNonce }),
  );
  await waitFor(t, 'challenge', () => c.frames.length >= 1);
  const challenge = c.frames[0]!;
  if (challenge.kind !== 'challenge') throw new Error(`expected challenge, got ${challenge.kind}`);
  const transcript = {
    clusterId: BASE.clusterId,
    dialerId: id,
    listenerId: server.nodeId,
    dialerNonce,
    listenerNonce: challenge.nonce,
  };
  c.socket.write(encodeDelimitedFrame({ kind: 'proof', proof: proof(BASE.secret, 'dialer', transcript) }));
  await waitFor(t, 'welcome', () => c.frames.length >= 2);
  t.is(c.frames[1]!.kind, 'welcome');
  return c;
}

/** Proves the server still serves well-behaved peers. */
async function stillServes(t: ExecutionContext, server: TcpTransport): Promise<void> {
  const good = await node(`good-${Math.floor(Math.random() * 1e9)}`);
  try {
    const got: number[] = [];
    server.onBatch((_, batch) => {
      for (const e of batch) if (e.message.type === 'heartbeat') got.push(e.message.commit);
    });
    good.addPeer(server.nodeId, server.address);
    await waitFor(t, 'good peer connected', () => good.isConnected(server.nodeId));
    good.send(server.nodeId, [env(1), env(2)]);
    await waitFor(t, 'good batch delivered', () => got.length >= 2);
    t.deepEqual(got, [1, 2]);
  } finally {
    await good.close();
  }
}

function closedBy(server: TcpTransport, reason: CloseReason): number {
  return server.metrics().closed[reason];
}

test('random bytes instead of a handshake close the connection with a counted reason', async (t) => {
  const server = await node('server');
  const random = prng(SEED);
  try {
    for (let i = 0; i < 20; i++) {
      const c = await raw(server);
      const bytes = Buffer.alloc(1 + Math.floor(random() * 200));
      for (let k = 0; k < bytes.length; k++) bytes[k] = Math.floor(random() * 256);
      c.socket.write(bytes);
      c.socket.end();
      await c.closed;
    }
    const m = server.metrics();
    const bad = m.closed.bad_frame + m.closed.frame_too_large + m.closed.bad_length_prefix + m.closed.unexpected_frame + m.closed.peer_closed;
    t.is(bad, 20, JSON.stringify(m.closed));
    t.true(bad - m.closed.peer_closed > 0, 'some noise was refused by the decoder itself');
    t.is(m.handshakesCompleted, 0);
    await stillServes(t, server);
  } finally {
    await server.close();
  }
});

test('an oversized length prefix is refused before its body is buffered', async (t) => {
  const server = await node('server', { maxFrameBytes: 64 * 1024 });
  try {
    const c = await authenticated(t, server, 'attacker');
    // Announce 100 MiB and send nothing more: the server must close on the prefix alone.
    c.socket.write(Buffer.from([0x80, 0x80, 0x80, 0x32]));
    await c.closed;
    t.is(closedBy(server, 'frame_too_large'), 1);
    await stillServes(t, server);
  } finally {
    await server.close();
  }
});

test('a truncated frame followed by silence times out; followed by a close is dropped', async (t) => {
  const strict = await node('strict', { handshakeTimeoutMs: 300 });
  const server = await node('server');
  try {
    const hello = encodeDelimitedFrame({ kind: 'hello', version: WIRE_VERSION, clusterId: BASE.clusterId, nodeId: 'x', address: '', nonce: nonce() });
    const c = await raw(strict);
    c.socket.write(hello.subarray(0, hello.length - 5));
    await c.closed;
    t.is(closedBy(strict, 'handshake_timeout'), 1);
    const d = await authenticated(t, server, 'half-writer');
    const batch = encodeDelimitedFrame({ kind: 'batch', batch: { from: '', to: '', envelopes: [env(1), env(2)] } });
    d.socket.end(batch.subarray(0, batch.length - 3));
    await d.closed;
    await waitFor(t, 'server saw the close', () => closedBy(server, 'peer_closed') >= 1);
    t.is(server.stats().receivedEnvelopes, 0);
    await stillServes(t, server);
  } finally {
    await Promise.all([strict.close(), server.close()]);
  }
});

test('a wrong secret fails the handshake on both sides, and the secret is never sent', async (t) => {
  const { logger, lines } = captureLogger();
  const server = await node('server', { logger });
  const impostor = await node('impostor', { secret: 'wrong secret' });
  try {
    const c = await raw(server);
    c.socket.write(
      encodeDelimitedFrame({ kind: 'hello', version: WIRE_VERSION, clusterId: BASE.clusterId, nodeId: 'raw', address: '', nonce: nonce() }),
    );
    await waitFor(t, 'challenge', () => c.frames.length >= 1);
    const challenge = c.frames[0]!;
    t.is(challenge.kind, 'challenge');
    if (challenge.kind === 'challenge') {
      t.false(Buffer.from(challenge.proof).includes(Buffer.from(BASE.secret)));
      t.is(challenge.proof.length, 32);
    }
    c.socket.write(encodeDelimitedFrame({ kind: 'proof', proof: new Uint8Array(32) }));
    await c.closed;
    t.is(c.frames.at(-1)?.kind, 'reject');
    t.is(closedBy(server, 'bad_proof'), 1);
    t.true(lines.some((l) => l.reason === 'bad_proof' && l.msg === 'connection closed'));

    impostor.addPeer('server', server.address);
    await waitFor(t, 'impostor refused', () => impostor.metrics().closed.bad_proof >= 1);
    t.false(impostor.isConnected('server'));
    await stillServes(t, server);
  } finally {
    await Promise.all([server.close(), impostor.close()]);
  }
});

test('a wrong cluster id is rejected and logged', async (t) => {
  const { logger, lines } = captureLogger();
  const server = await node('server', { logger });
  const other = await node('other', { clusterId: 'another-cluster' });
  try {
    other.addPeer('server', server.address);
    await waitFor(t, 'wrong cluster counted', () => closedBy(server, 'wrong_cluster') >= 1);
    await waitFor(t, 'dialer saw the reject', () => other.metrics().closed.rejected_by_peer >= 1);
    t.false(other.isConnected('server'));
    t.true(lines.some((l) => l.reason === 'wrong_cluster'));
    await stillServes(t, server);
  } finally {
    await Promise.all([server.close(), other.close()]);
  }
});

test('a flood of silent connections hits the pending-handshake cap; good peers get in afterwards', async (t) => {
  const server = await node('server', { maxPendingHandshakes: 4, handshakeTimeoutMs: 3000 });
  try {
    const flood = await Promise.all(Array.from({ length: 16 }, () => raw(server)));
    await waitFor(t, 'cap enforced', () => closedBy(server, 'handshake_cap') >= 12);
    await waitFor(t, 'silent ones timed out', () => closedBy(server, 'handshake_timeout') >= 4);
    t.is(server.metrics().pendingHandshakes, 0);
    await Promise.all(flood.map((c) => c.closed));
    await stillServes(t, server);
  } finally {
    await server.close();
  }
});

test('fuzz: thousands of seeded random frames after a valid handshake never crash the server', async (t) => {
  const server = await node('server', { maxFrameBytes: 4096 });
  const random = prng(SEED + 1);
  let frames = 0;
  try {
    for (let conn = 0; conn < 60; conn++) {
      const c = await authenticated(t, server, `fuzzer-${conn}`);
      const chunks: Buffer[] = [];
      for (let i = 0; i < 50; i++) {
        const body = Buffer.alloc(Math.floor(random() * 64));
        for (let k = 0; k < body.length; k++) body[k] = Math.floor(random() * 256);
        // Mostly batch-looking frames (tag of the batch field first) so the decoder goes deep.
        if (body.length > 0 && random() < 0.6) body[0] = 0x32;
        const prefix = Buffer.from([body.length]);
        chunks.push(prefix, body);
        frames++;
      }
      c.socket.write(Buffer.concat(chunks));
      c.socket.end();
      await c.closed;
    }
    t.log(`${frames} random frames over 60 connections (SEED=${SEED})`);
    const m = server.metrics();
    t.true(m.closed.bad_frame > 0, JSON.stringify(m.closed));
    t.is(m.openConnections, 0);
    await stillServes(t, server);
  } finally {
    await server.close();
  }
});

test('the frame decoder splits any chunking of a stream identically', (t) => {
  const random = prng(SEED + 2);
  const frames: Uint8Array[] = [];
  for (let i = 0; i < 200; i++) {
    const f = Buffer.alloc(Math.floor(random() * 300));
    for (let k = 0; k < f.length; k++) f[k] = Math.floor(random() * 256);
    frames.push(f);
  }
  const stream = Buffer.concat(frames.flatMap((f) => {
    const prefix: number[] = [];
    let n = f.length;
    while (n > 0x7f) {
      prefix.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    prefix.push(n);
    return [Buffer.from(prefix), f];
  }));
  for (let run = 0; run < 50; run++) {
    const decoder = new FrameDecoder(1024);
    const out: Buffer[] = [];
    let pos = 0;
    while (pos < stream.length) {
      const size = 1 + Math.floor(random() * (run % 2 === 0 ? 7 : 700));
      decoder.push(stream.subarray(pos, pos + size), (f) => out.push(Buffer.from(f)));
      pos += size;
    }
    t.is(out.length, frames.length);
    t.true(out.every((f, i) => f.equals(frames[i]!)), `run ${run} (SEED=${SEED})`);
    t.is(decoder.buffered, 0);
  }
});

test('a peer that goes silent after the handshake is detected by keepalive: idle_timeout, peerDown', async (t) => {
  const server = await node('server', { keepalive: { intervalMs: 20, idleTimeoutMs: 1000 } });
  const downs: string[] = [];
  server.on('peerDown', (p) => downs.push(p));
  try {
    const c = await authenticated(t, server, 'half-open');
    t.true(server.isConnected('half-open'));
    // Never answer the pings: to the server this is a peer whose host vanished.
    await c.closed;
    t.is(closedBy(server, 'idle_timeout'), 1);
    t.deepEqual(downs, ['half-open']);
    t.true(c.frames.some((f) => f.kind === 'ping'), 'the server probed before giving up');
  } finally {
    await server.close();
  }
});
