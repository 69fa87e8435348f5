// CPU cost of idle groups: 3 hosts in one process, N groups each, in-memory storage and transport.
// After every group went quiescent, measures process CPU time over a window; idle groups should
// cost (almost) nothing. Run: node --import tsx bench/idle.ts  (writes <repo>/results/replica-idle.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryStorage } from '@raftfleet/storage-memory';
import { MemoryNetwork } from '@raftfleet/transport-memory';
import { Host, counterMachine } from '../src/index.js';

const NODES = ['a', 'b', 'c'];
const windowMs = Number(process.env.BENCH_WINDOW_MS ?? 3000);

async function measure(groups: number): Promise<{ groups: number; quiescentAfterMs: number; cpuMsPerSec: number; envelopesPerSec: number }> {
  const net = new MemoryNetwork({ mode: 'timers' });
  const transports = NODES.map((id) => net.transport(id));
  for (const t of transports) for (const o of NODES) if (o !== t.nodeId) t.addPeer(o, `mem://${o}`);
  for (const t of transports) await t.start();
  const hosts = NODES.map((id, i) => new Host({ nodeId: id, storage: MemoryStorage.open(), transport: transports[i]!, tickMs: 50, machines: [counterMachine], seed: 11 }));
  for (const h of hosts) await h.start();
  const t0 = performance.now();
  for (let g = 0; g < groups; g++) for (const h of hosts) await h.createGroup(`g${g}`, 'counter', { members: NODES });
  const allQuiet = () => hosts.every((h) => h.groups().every((g) => h.status(g).quiescent));
  while (!allQuiet()) await new Promise((r) => setTimeout(r, 50));
  const quiescentAfterMs = Math.round(performance.now() - t0);
  const sentBefore = transports.reduce((s, t) => s + t.stats().sentEnvelopes, 0);
  const cpu0 = process.cpuUsage();
  const w0 = performance.now();
  await new Promise((r) => setTimeout(r, windowMs));
  const cpu = process.cpuUsage(cpu0);
  const secs = (performance.now() - w0) / 1000;
  const sent = transports.reduce((s, t) => s + t.stats().sentEnvelopes, 0) - sentBefore;
  for (const h of hosts) await h.stop();
  for (const t of transports) await t.close();
  return { groups, quiescentAfterMs, cpuMsPerSec: Number(((cpu.user + cpu.system) / 1000 / secs).toFixed(2)), envelopesPerSec: Number((sent / secs).toFixed(1)) };
}

const rows = [];
for (const n of (process.env.BENCH_GROUPS ?? '10,1000,3000').split(',').map(Number)) {
  const row = await measure(n);
  rows.push(row);
  console.log(JSON.stringify(row));
}
console.table(rows);
const root = fileURLToPath(new URL('../../../', import.meta.url));
mkdirSync(join(root, 'results'), { recursive: true });
writeFileSync(join(root, 'results', 'replica-idle.json'), JSON.stringify({ bench: 'replica-idle', date: new Date().toISOString(), windowMs, rows }, null, 2));
