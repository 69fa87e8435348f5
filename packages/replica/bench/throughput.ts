// Durable command throughput of one group: 3 hosts in one process over the in-memory transport,
// each with its own LMDB store (real fsync), closed-loop clients keeping N commands in flight.
// Run: npm run bench -w @raftfleet/replica   (writes <repo>/results/replica.json)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RaftStorage } from '@raftfleet/storage';
import { openLmdbStorage } from '@raftfleet/storage-lmdb';
import { MemoryStorage } from '@raftfleet/storage-memory';
import { MemoryNetwork } from '@raftfleet/transport-memory';
import { TcpTransport } from '@raftfleet/transport-tcp';
import type { Transport } from '@raftfleet/transport';
import { Host, counterMachine } from '../src/index.js';

interface Row {
  wire: string;
  storage: string;
  inFlight: number;
  seconds: number;
  commands: number;
  commandsPerSec: number;
  p50ms: number;
  p99ms: number;
}

const NODES = ['a', 'b', 'c'];

async function run(storageKind: 'lmdb' | 'memory', inFlight: number, seconds: number, wire: 'memory' | 'tcp'): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'replica-bench-'));
  const net = new MemoryNetwork({ mode: 'timers' });
  const hosts: Host[] = [];
  const stores: RaftStorage[] = [];
  let transports: Transport[];
  if (wire === 'memory') {
    transports = NODES.map((id) => net.transport(id));
    for (const t of transports) for (const other of NODES) if (other !== t.nodeId) t.addPeer(other, `mem://${other}`);
    for (const t of transports) await t.start();
  } else {
    transports = NODES.map((id) => new TcpTransport({ nodeId: id, clusterId: 'bench', secret: 'bench' }));
    for (const t of transports) await t.start();
    for (const t of transports) for (const o of transports) if (o !== t) t.addPeer(o.nodeId, o.address);
  }
  for (const [i, id] of NODES.entries()) {
    const storage = storageKind === 'lmdb' ? await openLmdbStorage({ path: join(dir, id) }) : MemoryStorage.open();
    stores.push(storage);
    const host = new Host({ nodeId: id, storage, transport: transports[i]!, tickMs: 50, electionTicks: 10, heartbeatTicks: 1, machines: [counterMachine], seed: 7 });
    await host.start();
    await host.createGroup('bench', 'counter', { members: NODES });
    hosts.push(host);
  }
  let leader: Host | undefined;
  while (leader === undefined) {
    leader = hosts.find((h) => h.status('bench').role === 'leader');
    await new Promise((r) => setTimeout(r, 20));
  }
  await leader.command('bench', { op: 'inc' });
  const latencies: number[] = [];
  let count = 0;
  let stop = false;
  const start = performance.now();
  const worker = async () => {
    while (!stop) {
      const t0 = performance.now();
      await leader!.command('bench', { op: 'inc' }, { deadline: Date.now() + 30_000 });
      latencies.push(performance.now() - t0);
      count++;
    }
  };
  const workers = Array.from({ length: inFlight }, worker);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  stop = true;
  await Promise.all(workers);
  const elapsed = (performance.now() - start) / 1000;
  for (const h of hosts) await h.stop();
  for (const t of transports) await t.close();
  for (const s of stores) await s.close();
  rmSync(dir, { recursive: true, force: true });
  latencies.sort((x, y) => x - y);
  const pct = (p: number) => Number((latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0).toFixed(2));
  return { wire, storage: storageKind, inFlight, seconds: Number(elapsed.toFixed(2)), commands: count, commandsPerSec: Math.round(count / elapsed), p50ms: pct(0.5), p99ms: pct(0.99) };
}

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rows: Row[] = [];
// BENCH_CASES=memory:512,lmdb:1 runs a subset.
// A case is storage:inFlight[:wire], wire memory (default) or tcp (loopback sockets, still one process).
const cases: Array<['lmdb' | 'memory', number, 'memory' | 'tcp']> = (process.env.BENCH_CASES ?? 'lmdb:1,lmdb:64,lmdb:512,memory:512,lmdb:512:tcp')
  .split(',')
  .map((c) => c.split(':'))
  .map(([k, n, w]) => [k === 'memory' ? 'memory' : 'lmdb', Number(n), w === 'tcp' ? 'tcp' : 'memory']);
for (const [kind, n, w] of cases) {
  const row = await run(kind, n, seconds, w);
  rows.push(row);
  console.log(JSON.stringify(row));
}
console.table(rows);
const one = rows.find((r) => r.wire === 'memory' && r.storage === 'lmdb' && r.inFlight === 1);
const many = rows.find((r) => r.wire === 'memory' && r.storage === 'lmdb' && r.inFlight === 512);
const summary = {
  groupCommitSpeedup: one && many ? Number((many.commandsPerSec / Math.max(1, one.commandsPerSec)).toFixed(1)) : null,
  goalCommandsPerSec: 30_000,
  met: many !== undefined && many.commandsPerSec >= 30_000,
};
console.log(summary);
const root = fileURLToPath(new URL('../../../', import.meta.url));
mkdirSync(join(root, 'results'), { recursive: true });
writeFileSync(join(root, 'results', 'replica.json'), JSON.stringify({ bench: 'replica-throughput', date: new Date().toISOString(), rows, summary }, null, 2));
