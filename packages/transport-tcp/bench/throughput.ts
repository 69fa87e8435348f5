// Throughput and latency of TcpTransport between two processes on loopback, with and without TLS.
// Prints a table and writes <repo>/results/transport-tcp.json. Run: npm run bench -w @raftfleet/transport-tcp
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import net from 'node:net';
import os from 'node:os';
import { BatchFrameWriter, decodeFrame, type Envelope } from '@raftfleet/protocol';
import { TcpTransport, type TcpTlsOptions } from '../src/index.js';
import { makePki } from '../src/testing.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..', '..');
const SECRET = 'bench-secret';
const CLUSTER = 'bench';
const PAYLOAD = 100;
const BATCH = Number(process.env['BENCH_BATCH'] ?? 1000);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 4);
const LATENCY_SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 2000);

type Msg =
  | { type: 'listening'; address: string }
  | { type: 'report'; count: number; first: number; last: number; bytes: number; frames: number; cpuMicros: number }
  | { type: 'start-tls'; tls: TcpTlsOptions | undefined; echo: boolean }
  | { type: 'start-raw' }
  | { type: 'get-report' }
  | { type: 'reset' };

function makeTls(): TcpTlsOptions | undefined {
  try {
    return { ...makePki(), mutual: true };
  } catch (error) {
    console.error(`openssl unavailable, skipping TLS runs: ${String(error)}`);
    return undefined;
  }
}

// ---------------------------------------------------------------- receiver process

async function receiver(): Promise<void> {
  let transport: TcpTransport | undefined;
  let count = 0;
  let first = 0;
  let last = 0;
  let cpuStart = process.cpuUsage();
  process.on('message', async (msg: Msg) => {
    switch (msg.type) {
      case 'start-tls': {
        await transport?.close();
        transport = new TcpTransport({
          nodeId: 'receiver',
          clusterId: CLUSTER,
          secret: SECRET,
          ...(msg.tls ? { tls: msg.tls } : {}),
          maxQueuedBytes: 64 * 1024 * 1024,
        });
        const t = transport;
        count = 0;
        cpuStart = process.cpuUsage();
        t.onBatch((from, envelopes) => {
          if (msg.echo) {
            t.send(from, envelopes);
            return;
          }
          const now = performance.now() + performance.timeOrigin;
          if (count === 0) first = now;
          count += envelopes.length;
          last = now;
        });
        await t.start();
        process.send!({ type: 'listening', address: t.address } satisfies Msg);
        return;
      }
      case 'start-raw': {
        // A bare socket echo: the round trip this machine gives without any transport on top.
        const server = net.createServer((socket) => {
          socket.setNoDelay(true);
          socket.on('data', (d) => socket.write(d));
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        process.send!({ type: 'listening', address: `127.0.0.1:${(server.address() as net.AddressInfo).port}` } satisfies Msg);
        return;
      }
      case 'get-report': {
        const m = transport!.metrics();
        const cpu = process.cpuUsage(cpuStart);
        process.send!({
          type: 'report',
          count,
          first,
          last,
          bytes: m.bytesReceived,
          frames: m.framesReceived,
          cpuMicros: cpu.user + cpu.system,
        } satisfies Msg);
        return;
      }
      case 'reset':
        await transport?.close();
        process.exit(0);
    }
  });
}

// ---------------------------------------------------------------- sender process

function ask<T extends Msg['type']>(child: ChildProcess, msg: Msg, want: T): Promise<Extract<Msg, { type: T }>> {
  return new Promise((resolve) => {
    const on = (m: Msg) => {
      if (m.type === want) {
        child.off('message', on);
        resolve(m as Extract<Msg, { type: T }>);
      }
    };
    child.on('message', on);
    child.send(msg);
  });
}

function envelopes(): Envelope[] {
  const data = new Uint8Array(PAYLOAD).fill(42);
  return Array.from({ length: BATCH }, (_, i) => ({
    group: `group-${i % 100}`,
    message: {
      type: 'append',
      term: 7,
      from: 'member-1',
      to: 'member-2',
      prevIndex: 100_000 + i,
      prevTerm: 7,
      commit: 99_999 + i,
      entries: [{ term: 7, index: 100_001 + i, type: 0, data }],
    },
  }));
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function connect(child: ChildProcess, tls: TcpTlsOptions | undefined, echo: boolean, id: string) {
  const { address } = await ask(child, { type: 'start-tls', tls, echo }, 'listening');
  const sender = new TcpTransport({
    nodeId: id,
    clusterId: CLUSTER,
    secret: SECRET,
    listen: false,
    ...(tls ? { tls } : {}),
    maxQueuedBytes: 64 * 1024 * 1024,
  });
  await sender.start();
  sender.addPeer('receiver', address);
  while (!sender.isConnected('receiver')) await sleep(5);
  return sender;
}

interface ThroughputResult {
  tls: boolean;
  messages: number;
  seconds: number;
  messagesPerSecond: number;
  megabytesPerSecond: number;
  wireBytesPerMessage: number;
  framesReceived: number;
  dropped: number;
  /** CPU time per message, sender and receiver: what the rate would be with a core each to themselves. */
  senderCpuNsPerMessage: number;
  receiverCpuNsPerMessage: number;
  cpuBoundMessagesPerSecond: number;
}

async function throughput(child: ChildProcess, tls: TcpTlsOptions | undefined): Promise<ThroughputResult> {
  const sender = await connect(child, tls, false, `sender-${tls ? 'tls' : 'plain'}`);
  const batch = envelopes();
  const highWater = 8 * 1024 * 1024;
  const end = performance.now() + SECONDS * 1000;
  const cpuStart = process.cpuUsage();
  let offered = 0;
  while (performance.now() < end) {
    // Stay under the queue bound instead of dropping: measure what the link carries, not what it sheds.
    while (sender.stats().queuedBytes > highWater) await tick();
    sender.send('receiver', batch);
    offered += batch.length;
    await tick();
  }
  while (sender.stats().queuedBytes > 0) await sleep(5);
  const cpu = process.cpuUsage(cpuStart);
  let report = await ask(child, { type: 'get-report' }, 'report');
  for (let i = 0; i < 200 && report.count < offered - sender.stats().droppedEnvelopes; i++) {
    await sleep(10);
    report = await ask(child, { type: 'get-report' }, 'report');
  }
  const seconds = (report.last - report.first) / 1000;
  const result: ThroughputResult = {
    tls: tls !== undefined,
    messages: report.count,
    seconds,
    messagesPerSecond: report.count / seconds,
    megabytesPerSecond: report.bytes / 1e6 / seconds,
    wireBytesPerMessage: report.bytes / report.count,
    framesReceived: report.frames,
    dropped: sender.stats().droppedEnvelopes,
    senderCpuNsPerMessage: ((cpu.user + cpu.system) * 1000) / report.count,
    receiverCpuNsPerMessage: (report.cpuMicros * 1000) / report.count,
    cpuBoundMessagesPerSecond: 0,
  };
  result.cpuBoundMessagesPerSecond = 1e9 / Math.max(result.senderCpuNsPerMessage, result.receiverCpuNsPerMessage);
  await sender.close();
  return result;
}

interface LatencyResult {
  tls: boolean;
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const WARMUP = 500;

function percentiles(samples: number[]): { p50Ms: number; p99Ms: number; maxMs: number } {
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50Ms: at(0.5), p99Ms: at(0.99), maxMs: samples.at(-1)! };
}

/** The same ping-pong over a bare socket pair: the floor this machine puts under any transport. */
async function rawLatency(child: ChildProcess): Promise<{ samples: number; p50Ms: number; p99Ms: number; maxMs: number }> {
  const { address } = await ask(child, { type: 'start-raw' }, 'listening');
  const [host, port] = address.split(':');
  const socket = net.connect(Number(port), host);
  socket.setNoDelay(true);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  let resolveEcho: () => void = () => {};
  socket.on('data', () => resolveEcho());
  const frame = Buffer.alloc(160, 7);
  const samples: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES + WARMUP; i++) {
    const echoed = new Promise<void>((resolve) => (resolveEcho = resolve));
    const start = performance.now();
    socket.write(frame);
    await echoed;
    if (i >= WARMUP) samples.push(performance.now() - start);
    await sleep(1);
  }
  socket.destroy();
  return { samples: samples.length, ...percentiles(samples) };
}

async function latency(child: ChildProcess, tls: TcpTlsOptions | undefined): Promise<LatencyResult> {
  const sender = await connect(child, tls, true, `pinger-${tls ? 'tls' : 'plain'}`);
  const one = envelopes().slice(0, 1);
  let resolveEcho: () => void = () => {};
  sender.onBatch(() => resolveEcho());
  const samples: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES + WARMUP; i++) {
    const echoed = new Promise<void>((resolve) => (resolveEcho = resolve));
    const start = performance.now();
    sender.send('receiver', one);
    await echoed;
    const took = performance.now() - start;
    if (i >= WARMUP) samples.push(took); // the first ones warm the JIT up
    await sleep(1); // idle between messages
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  await sender.close();
  return { tls: tls !== undefined, samples: samples.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: samples.at(-1)! };
}

/** The codec alone, in this process: CPU ns per message to build batch frames and to decode them. */
function codec(): { encodeCpuNsPerMessage: number; decodeCpuNsPerMessage: number } {
  const batch = envelopes();
  const writer = new BatchFrameWriter(64 * 1024);
  const rounds = 200;
  let frame: Uint8Array = new Uint8Array(0);
  const encode = () => {
    for (const e of batch) writer.append(e, BatchFrameWriter.envelopeCost(e));
    frame = writer.finish();
  };
  for (let i = 0; i < 50; i++) encode();
  let c = process.cpuUsage();
  for (let i = 0; i < rounds; i++) encode();
  const enc = process.cpuUsage(c);
  let offset = 0;
  while (frame[offset]! & 0x80) offset++;
  const body = frame.subarray(offset + 1);
  for (let i = 0; i < 50; i++) decodeFrame(body);
  c = process.cpuUsage();
  for (let i = 0; i < rounds; i++) decodeFrame(body);
  const dec = process.cpuUsage(c);
  const per = (u: NodeJS.CpuUsage) => ((u.user + u.system) * 1000) / (rounds * batch.length);
  return { encodeCpuNsPerMessage: per(enc), decodeCpuNsPerMessage: per(dec) };
}

async function main(): Promise<void> {
  const loadStart = os.loadavg();
  const codecCost = codec();
  // BENCH_PROF=<dir> profiles the receiver too (run the sender with --cpu-prof yourself).
  const prof = process.env['BENCH_PROF'];
  const child = fork(fileURLToPath(import.meta.url), ['--receiver'], {
    execArgv: ['--import', 'tsx', ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [])],
  });
  const tls = makeTls();
  const runs: (TcpTlsOptions | undefined)[] = tls ? [undefined, tls] : [undefined];
  const through: ThroughputResult[] = [];
  const lat: LatencyResult[] = [];
  // Throughput first: it also warms both processes' JIT up for the latency runs that follow (the
  // other way round, the tails of the first latency run are compilation, not the network).
  for (const t of runs) through.push(await throughput(child, t));
  const raw = await rawLatency(child);
  for (const t of runs) lat.push(await latency(child, t));
  child.send({ type: 'reset' } satisfies Msg);

  console.log(`\nTcpTransport, two processes on 127.0.0.1: append messages with ${PAYLOAD}-byte payloads, batches of ${BATCH}, ${SECONDS} s`);
  console.log(`load average at start ${loadStart.map((l) => l.toFixed(1)).join(' ')}, at end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (${os.cpus().length} CPUs)`);
  console.log('| transport | messages | msg/s | MB/s (wire) | wire B/msg | frames | dropped | sender CPU ns/msg | receiver CPU ns/msg | msg/s per CPU-bound side |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of through) {
    console.log(
      `| ${r.tls ? 'tcp+tls' : 'tcp'} | ${r.messages} | ${Math.round(r.messagesPerSecond).toLocaleString('en')} | ${r.megabytesPerSecond.toFixed(1)} | ${r.wireBytesPerMessage.toFixed(1)} | ${r.framesReceived} | ${r.dropped} | ${r.senderCpuNsPerMessage.toFixed(0)} | ${r.receiverCpuNsPerMessage.toFixed(0)} | ${Math.round(r.cpuBoundMessagesPerSecond).toLocaleString('en')} |`,
    );
  }
  console.log(
    `\ncodec alone (this process): encode ${codecCost.encodeCpuNsPerMessage.toFixed(0)} CPU ns/msg, decode ${codecCost.decodeCpuNsPerMessage.toFixed(0)} CPU ns/msg`,
  );
  console.log('\nRound trip of one message when idle (send, echo back)');
  console.log('| transport | samples | p50 ms | p99 ms | max ms |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(`| bare socket (the machine's floor) | ${raw.samples} | ${raw.p50Ms.toFixed(3)} | ${raw.p99Ms.toFixed(3)} | ${raw.maxMs.toFixed(3)} |`);
  for (const r of lat) {
    console.log(`| ${r.tls ? 'tcp+tls' : 'tcp'} | ${r.samples} | ${r.p50Ms.toFixed(3)} | ${r.p99Ms.toFixed(3)} | ${r.maxMs.toFixed(3)} |`);
  }
  const plain = through.find((r) => !r.tls)!;
  const plainLat = lat.find((r) => !r.tls)!;
  const out = {
    benchmark: 'transport-tcp',
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverageAtStart: loadStart,
    loadAverageAtEnd: os.loadavg(),
    payloadBytes: PAYLOAD,
    batch: BATCH,
    seconds: SECONDS,
    codec: codecCost,
    throughput: through,
    latency: lat,
    bareSocketLatency: raw,
    goals: {
      messagesPerSecond: { goal: 1_000_000, measured: Math.round(plain.messagesPerSecond), ratio: plain.messagesPerSecond / 1_000_000 },
      p99RoundTripMs: { goal: 1, measured: plainLat.p99Ms, ratio: plainLat.p99Ms / 1, bareSocketP99Ms: raw.p99Ms },
    },
  };
  mkdirSync(join(repoRoot, 'results'), { recursive: true });
  writeFileSync(join(repoRoot, 'results', 'transport-tcp.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nwrote ${join(repoRoot, 'results', 'transport-tcp.json')}`);
}

if (process.argv.includes('--receiver')) await receiver();
else await main();
