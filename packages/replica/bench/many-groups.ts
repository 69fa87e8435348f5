// Many lightly loaded groups: 3 hosts in one process, GROUPS groups of three members, closed-loop
// writers keeping IN_FLIGHT commands in flight spread over all of them (writer k increments groups
// k, k + IN_FLIGHT, ... back to k), so each group has at most one command in flight: the shape of
// the fleet's throughput scenario without client protocol and TCP. BENCH_PATTERN=fleet uses the
// fleet scenario's own order instead (writer k takes group (k + IN_FLIGHT·seq) mod GROUPS), where
// commands sometimes meet on a group and share its work. Reports commands/s, process CPU per command
// (all three hosts), the part of it spent in garbage collection, the raft messages a command costs,
// by type, and the member visits it costs (members' Readys handled, Host.activity()) with CPU per
// visit (visits differ: one that only moves a follower's commit index costs little).
// Run: node --import tsx bench/many-groups.ts  (writes <repo>/results/replica-many-groups.json)
// BENCH_GROUPS (1000), BENCH_IN_FLIGHT (512), BENCH_SECONDS (5), BENCH_STORAGE (lmdb,memory),
// BENCH_PATTERN (own,fleet; default own).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PerformanceObserver } from 'node:perf_hooks';
import type { Envelope } from '@raftfleet/protocol';
import type { RaftStorage } from '@raftfleet/storage';
import { openLmdbStorage } from '@raftfleet/storage-lmdb';
import { MemoryStorage } from '@raftfleet/storage-memory';
import { MemoryNetwork } from '@raftfleet/transport-memory';
import { Host, counterMachine } from '../src/index.js';

const NODES = ['a', 'b', 'c'];
const GROUPS = Number(process.env.BENCH_GROUPS ?? 1000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 512);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const PATTERN = process.env.BENCH_PATTERN === 'fleet' ? 'fleet' : 'own';

interface Row {
  storage: string;
  /** Which group each writer takes next (see BENCH_PATTERN). */
  pattern: string;
  groups: number;
  inFlight: number;
  commandsPerSec: number;
  cpuMicrosPerCommand: number;
  /** Of it, garbage collection on the main thread (from `gc` performance entries). */
  gcMicrosPerCommand: number;
  messagesPerCommand: number;
  /** Members' Readys handled per command, all hosts (leader visits + the others'). */
  visitsPerCommand: number;
  leaderVisitsPerCommand: number;
  /** Processing passes per command, all hosts. */
  passesPerCommand: number;
  cpuMicrosPerVisit: number;
  byType: Record<string, number>;
}

/** The name a message is counted under: appends split by whether they carry entries or are quiet. */
function kindOf(e: Envelope): string {
  const m = e.message;
  if (m.type !== 'append') return m.type;
  if (m.entries.length > 0) return 'append (entries)';
  return m.quiet === true ? 'append (quiet)' : 'append (empty)';
}

/** Every garbage collection of the run (start and duration, ms), for the GC share of the timed window. */
const gcs: Array<{ start: number; duration: number }> = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push({ start: e.startTime, duration: e.duration });
}).observe({ entryTypes: ['gc'] });

async function run(storageKind: 'lmdb' | 'memory'): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'replica-many-'));
  const net = new MemoryNetwork({ mode: 'timers' });
  const transports = NODES.map((id) => net.transport(id));
  for (const t of transports) for (const other of NODES) if (other !== t.nodeId) t.addPeer(other, `mem://${other}`);
  for (const t of transports) await t.start();
  const counts = new Map<string, number>();
  let counting = false;
  for (const t of transports) {
    const send = t.send.bind(t);
    t.send = (node: string, envelopes: Envelope[]): boolean => {
      if (counting) for (const e of envelopes) counts.set(kindOf(e), (counts.get(kindOf(e)) ?? 0) + 1);
      return send(node, envelopes);
    };
  }
  const stores: RaftStorage[] = [];
  const hosts: Host[] = [];
  for (const [i, id] of NODES.entries()) {
    const storage = storageKind === 'lmdb' ? await openLmdbStorage({ path: join(dir, id) }) : MemoryStorage.open();
    stores.push(storage);
    const host = new Host({ nodeId: id, storage, transport: transports[i]!, tickMs: 50, machines: [counterMachine], seed: 7 + i });
    await host.start();
    hosts.push(host);
  }
  const names = Array.from({ length: GROUPS }, (_, g) => `g${g}`);
  for (const name of names) for (const h of hosts) await h.createGroup(name, 'counter', { members: NODES });
  const leaderOf = (name: string) => hosts.find((h) => h.status(name).role === 'leader');
  while (!names.every((n) => leaderOf(n) !== undefined)) await new Promise((r) => setTimeout(r, 50));
  const leaders = names.map((n) => leaderOf(n)!);
  for (const [g, name] of names.entries()) await leaders[g]!.command(name, { op: 'inc' });

  let count = 0;
  let stop = false;
  /** The group writer `k` takes after `g`, its `seq`-th command (see PATTERN). */
  const next = (k: number, g: number, seq: number): number => (PATTERN === 'fleet' ? (k + IN_FLIGHT * seq) % GROUPS : g + IN_FLIGHT < GROUPS ? g + IN_FLIGHT : k % GROUPS);
  const writer = async (k: number): Promise<void> => {
    for (let seq = 1, g = k % GROUPS; !stop; g = next(k, g, seq++)) {
      await leaders[g]!.command(names[g]!, { op: 'inc' }, { deadline: Date.now() + 30_000 });
      count++;
    }
  };
  counting = true;
  const activity0 = hosts.map((h) => h.activity());
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const writers = Array.from({ length: IN_FLIGHT }, (_, k) => writer(k));
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  stop = true;
  await Promise.all(writers);
  counting = false;
  const t1 = performance.now();
  const elapsed = (t1 - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  let leaderVisits = 0;
  let visits = 0;
  let passes = 0;
  for (const [i, h] of hosts.entries()) {
    const a = h.activity();
    const b = activity0[i]!;
    leaderVisits += a.leaderVisits - b.leaderVisits;
    visits += a.leaderVisits - b.leaderVisits + a.otherVisits - b.otherVisits;
    passes += a.passes - b.passes;
  }
  // The last collections' entries arrive a little later.
  await new Promise((r) => setTimeout(r, 100));
  let gcMs = 0;
  for (const g of gcs) if (g.start >= t0 && g.start <= t1) gcMs += g.duration;
  for (const h of hosts) await h.stop();
  for (const t of transports) await t.close();
  for (const s of stores) await s.close();
  rmSync(dir, { recursive: true, force: true });

  const byType: Record<string, number> = {};
  let messages = 0;
  for (const [kind, n] of [...counts].sort()) {
    byType[kind] = Number((n / count).toFixed(2));
    messages += n;
  }
  return {
    storage: storageKind,
    pattern: PATTERN,
    groups: GROUPS,
    inFlight: IN_FLIGHT,
    commandsPerSec: Math.round(count / elapsed),
    cpuMicrosPerCommand: Math.round((cpu.user + cpu.system) / count),
    gcMicrosPerCommand: Number(((gcMs * 1000) / count).toFixed(1)),
    messagesPerCommand: Number((messages / count).toFixed(2)),
    visitsPerCommand: Number((visits / count).toFixed(2)),
    leaderVisitsPerCommand: Number((leaderVisits / count).toFixed(2)),
    passesPerCommand: Number((passes / count).toFixed(3)),
    cpuMicrosPerVisit: Number(((cpu.user + cpu.system) / visits).toFixed(1)),
    byType,
  };
}

const rows: Row[] = [];
for (const kind of (process.env.BENCH_STORAGE ?? 'lmdb,memory').split(',')) {
  const row = await run(kind === 'memory' ? 'memory' : 'lmdb');
  rows.push(row);
  console.log(JSON.stringify(row));
}
console.table(rows.map(({ byType, ...r }) => r));
const root = fileURLToPath(new URL('../../../', import.meta.url));
mkdirSync(join(root, 'results'), { recursive: true });
writeFileSync(join(root, 'results', 'replica-many-groups.json'), JSON.stringify({ bench: 'replica-many-groups', date: new Date().toISOString(), rows }, null, 2));
