// Client SDK benchmark: three in-process fleet nodes over TCP on loopback (memory storage, so the
// numbers are the client + routing + Raft path, not the disk); commands and queries by group name.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Fleet } from '@raftfleet/fleet';
import { counterMachine } from '@raftfleet/replica';
import { MemoryStorage } from '@raftfleet/storage-memory';
import { TcpTransport } from '@raftfleet/transport-tcp';
import { connect, type RaftfleetClient, type Consistency } from '../src/index.js';

const clusterId = 'client-bench';
const secret = 'client-bench-secret';
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 3);

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Row {
  case: string;
  concurrency: number;
  opsPerSecond: number;
  p50ms: number;
  p99ms: number;
  errors: number;
}

async function measure(name: string, concurrency: number, op: () => Promise<unknown>): Promise<Row> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          await op();
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { case: name, concurrency, opsPerSecond: Math.round(latencies.length / seconds), p50ms: +percentile(latencies, 50).toFixed(3), p99ms: +percentile(latencies, 99).toFixed(3), errors };
}

async function main(): Promise<void> {
  const ids = ['n1', 'n2', 'n3'];
  const transports = ids.map((id) => new TcpTransport({ nodeId: id, clusterId, secret, listen: { host: '127.0.0.1', port: 0 } }));
  await Promise.all(transports.map((t) => t.start()));
  const seeds = ids.map((id, i) => `${id}@${transports[i]!.address}`);
  const fleets = await Promise.all(ids.map((id, i) => Fleet.start({ nodeId: id, zone: `z${i}`, transport: transports[i]!, storage: MemoryStorage.open(), seeds, machines: { counter: counterMachine } })));
  let client: RaftfleetClient | undefined;
  try {
    // Seeded at one node only: it forwards to the leader and names it, the client goes there next.
    client = await connect({ seeds: [transports[2]!.address], clusterId, secret, timeoutMs: 10_000 });
    await client.addGroup('bench', { machine: 'counter', replicas: 3 });
    const c = client;
    const hits = c.group<{ op: 'inc' }, number, 'get', number>('bench');
    await hits.command({ op: 'inc' });
    const rows: Row[] = [];
    for (const concurrency of [1, 16, 64]) rows.push(await measure('command', concurrency, () => hits.command({ op: 'inc' })));
    for (const consistency of ['linearizable', 'lease', 'stale'] as Consistency[]) rows.push(await measure(`query ${consistency}`, 16, () => hits.query('get', { consistency })));
    console.table(rows);
    console.log(`client stats: ${JSON.stringify(c.stats())}`);
    const out = resolve(import.meta.dirname, '../../../results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'client.json'), JSON.stringify({ date: new Date().toISOString(), seconds: SECONDS, setup: '3 in-process fleet nodes, TCP loopback, memory storage', rows }, null, 2) + '\n');
    console.log(`wrote ${join(out, 'client.json')}`);
  } finally {
    await client?.close();
    for (const [i, f] of fleets.entries()) {
      await f.stop();
      await transports[i]!.close();
    }
  }
}

await main();
