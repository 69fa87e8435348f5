// The cluster benchmark: one 3-member group on three raftfleet node processes (TCP, durable LMDB)
// against a 3-member etcd cluster, both driven by the same closed-loop load generator.
// Then the fleet scenario: 1,000 groups over the same three processes, 512 commands in flight.
// Then the ceiling: the fleet scenario's processes and messages with no consensus (ceiling.ts).
// Usage: npm run bench -w @raftfleet/bench [-- --seconds 5 --warmup 5 --trials 10 --fleet-windows 3 --skip-etcd --skip-fleet --skip-ceiling --short]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EtcdCluster, etcdVersion } from './etcd.js';
import { benchCeiling, type CeilingResult } from './ceiling.js';
import { benchFleet, type FleetResult } from './fleet.js';
import { closedLoop, failoverTrial, median, processCpuMs, type LoadResult } from './load.js';
import { RaftfleetCluster } from './raftfleet.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    // Unmeasured load before the first cell (JIT, caches, connections), the same for both systems.
    warmup: { type: 'string', default: '5' },
    trials: { type: 'string', default: '10' },
    short: { type: 'boolean', default: false },
    'skip-etcd': { type: 'boolean', default: false },
    'skip-raftfleet': { type: 'boolean', default: false },
    'skip-fleet': { type: 'boolean', default: false },
    'skip-ceiling': { type: 'boolean', default: false },
    // Measurement windows of the fleet scenario, on the same cluster; the median is reported.
    'fleet-windows': { type: 'string', default: '3' },
  },
});
const seconds = args.short ? 1 : Number(args.seconds);
const trials = args.short ? 2 : Number(args.trials);
const warmup = args.short ? 0 : Number(args.warmup);
const WRITE_IN_FLIGHT = [1, 16, 128, 512];
const READ_IN_FLIGHT = [1, 128];
const LEDGER_PAGE = 50_000;

interface SystemResult {
  system: string;
  version: string;
  writes: Record<number, LoadResult>;
  reads: Record<number, LoadResult>;
  failover: { gapsMs: number[]; medianGapMs: number; maxGapMs: number; acknowledged: number; lost: number; duplicated: number | null };
}

/** The failover cell of the table: median / max, or why there is none. */
function failoverCell(result: SystemResult | undefined): string {
  if (result === undefined) return 'n/a';
  if (result.failover.gapsMs.length === 0) return 'skipped (--trials 0)';
  return `${result.failover.medianGapMs.toFixed(0)} / ${result.failover.maxGapMs.toFixed(0)}`;
}

async function benchRaftfleet(): Promise<SystemResult> {
  const cluster = new RaftfleetCluster();
  try {
    await cluster.startAll([
      { name: 'bench-counter', machine: 'counter' },
      { name: 'bench-ledger', machine: 'bench-ledger' },
    ]);
    const { client } = cluster;
    const { writes, reads } = await loadCells('raftfleet', {
      write: () => client.command('bench-counter', { op: 'inc' }),
      read: () => client.query('bench-counter', 'get', { consistency: 'linearizable' }),
      pids: () => cluster.pids(),
    });
    const { acked, gaps } = await failoverTrials('raftfleet', 'n', {
      write: (id) => client.command('bench-ledger', { id }, { timeoutMs: 10_000 }),
      killLeader: () => cluster.killLeader('bench-ledger'),
      restart: async (killed) => {
        await cluster.restart(killed);
        await cluster.waitForLeader('bench-ledger');
      },
    });
    // Read back in pages: a long run's ledger does not fit in one transport frame.
    const counts: Record<string, number> = {};
    for (let from = 0; ; from += LEDGER_PAGE) {
      const page = (await client.query('bench-ledger', { from, count: LEDGER_PAGE }, { timeoutMs: 30_000 })) as Record<string, number>;
      Object.assign(counts, page);
      if (Object.keys(page).length < LEDGER_PAGE) break;
    }
    const lost = acked.filter((id) => counts[id] === undefined).length;
    const duplicated = Object.values(counts).filter((c) => c > 1).length;
    return {
      system: 'raftfleet',
      version: '0.1.0',
      writes,
      reads,
      failover: { gapsMs: gaps, medianGapMs: median(gaps), maxGapMs: Math.max(...gaps), acknowledged: acked.length, lost, duplicated },
    };
  } finally {
    await cluster.stop();
  }
}

async function benchEtcd(version: string): Promise<SystemResult> {
  const cluster = new EtcdCluster();
  try {
    await cluster.startAll();
    const { client } = cluster;
    const { writes, reads } = await loadCells('etcd', {
      write: (w) => client.put(`counter-${w}`).value('1').exec(),
      read: () => client.get('counter-0').string(),
      pids: () => cluster.pids(),
    });
    const { acked, gaps } = await failoverTrials('etcd', 'e', {
      write: (id) => client.put(`ledger/${id}`).value('1').exec(),
      killLeader: async () => {
        const killed = await cluster.leaderIndex();
        cluster.kill(killed);
        return killed;
      },
      restart: (killed) => cluster.restart(killed),
    });
    const keys = new Set((await client.getAll().prefix('ledger/').keys()).map((k) => k.slice('ledger/'.length)));
    const lost = acked.filter((id) => !keys.has(id)).length;
    return {
      system: 'etcd',
      version,
      writes,
      reads,
      failover: { gapsMs: gaps, medianGapMs: median(gaps), maxGapMs: Math.max(...gaps), acknowledged: acked.length, lost, duplicated: null },
    };
  } finally {
    await cluster.stop();
  }
}

/** Closed-loop writes and linearizable reads at every in-flight level, logged as they finish. */
async function loadCells(
  system: string,
  ops: { write: (worker: number) => Promise<unknown>; read: (worker: number) => Promise<unknown>; pids: () => number[] },
): Promise<{ writes: Record<number, LoadResult>; reads: Record<number, LoadResult> }> {
  if (warmup > 0) {
    // Half writes, half reads at a moderate load; nothing of it is recorded.
    await closedLoop(ops.write, 16, warmup / 2, 0);
    await closedLoop(ops.read, 16, warmup / 2, 0);
  }
  const writes: Record<number, LoadResult> = {};
  for (const n of WRITE_IN_FLIGHT) {
    writes[n] = await closedLoop(ops.write, n, seconds, 1, () => processCpuMs(ops.pids()));
    log(system, `writes x${n}`, writes[n]!);
  }
  const reads: Record<number, LoadResult> = {};
  for (const n of READ_IN_FLIGHT) {
    reads[n] = await closedLoop(ops.read, n, seconds, 1, () => processCpuMs(ops.pids()));
    log(system, `linearizable reads x${n}`, reads[n]!);
  }
  return { writes, reads };
}

/** Leader kills under 16 writers, one per trial; `killLeader` returns the index of the killed node. */
async function failoverTrials(
  system: string,
  nodePrefix: string,
  ops: { write: (id: string) => Promise<unknown>; killLeader: () => Promise<number>; restart: (killed: number) => Promise<void> },
): Promise<{ acked: string[]; gaps: number[] }> {
  const acked: string[] = [];
  const gaps: number[] = [];
  for (let trial = 0; trial < trials; trial++) {
    let killed = -1;
    const result = await failoverTrial({
      writers: 16,
      trial,
      write: ops.write,
      acked: (id) => acked.push(id),
      kill: async () => {
        killed = await ops.killLeader();
      },
      beforeMs: 1000,
      afterMs: 3000,
    });
    gaps.push(result.maxGapMs);
    console.log(`${system} failover trial ${trial}: killed ${nodePrefix}${killed}, longest window without an ack ${result.maxGapMs.toFixed(0)} ms, ${result.acknowledged} acknowledged`);
    await ops.restart(killed);
  }
  return { acked, gaps };
}

function log(system: string, what: string, r: LoadResult): void {
  const cpu = r.cpuUsPerOp === undefined ? '' : `, CPU µs/op servers ${r.cpuUsPerOp.slice(0, -1).join('+')} load generator ${r.cpuUsPerOp.at(-1)}`;
  console.log(`${system} ${what}: ${r.opsPerSec.toFixed(0)}/s p50 ${r.p50.toFixed(2)} ms p99 ${r.p99.toFixed(2)} ms p99.9 ${r.p999.toFixed(2)} ms (${r.errors} errors${cpu})`);
}

function table(results: SystemResult[]): void {
  const ours = results.find((r) => r.system === 'raftfleet');
  const etcd = results.find((r) => r.system === 'etcd');
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
  const rows: Record<string, Record<string, string>> = {};
  for (const n of WRITE_IN_FLIGHT) {
    rows[`writes/s @${n}`] = { raftfleet: fmt(ours?.writes[n]?.opsPerSec), etcd: fmt(etcd?.writes[n]?.opsPerSec), ratio: ratio(ours?.writes[n]?.opsPerSec, etcd?.writes[n]?.opsPerSec) };
    rows[`write p50/p99/p99.9 ms @${n}`] = { raftfleet: lat(ours?.writes[n]), etcd: lat(etcd?.writes[n]), ratio: ratio(etcd?.writes[n]?.p50, ours?.writes[n]?.p50) };
  }
  for (const n of READ_IN_FLIGHT) {
    rows[`linearizable reads/s @${n}`] = { raftfleet: fmt(ours?.reads[n]?.opsPerSec), etcd: fmt(etcd?.reads[n]?.opsPerSec), ratio: ratio(ours?.reads[n]?.opsPerSec, etcd?.reads[n]?.opsPerSec) };
  }
  // CPU per operation of the three servers together: what throughput would be if the cores were the only limit.
  const serverCpu = (r: LoadResult | undefined) => (r?.cpuUsPerOp === undefined ? undefined : r.cpuUsPerOp.slice(0, -1).reduce((a, b) => a + b, 0));
  for (const [label, pick] of [
    ['servers CPU µs/op, writes @512', (x: SystemResult | undefined) => x?.writes[512]],
    ['servers CPU µs/op, reads @128', (x: SystemResult | undefined) => x?.reads[128]],
  ] as const) {
    const a = serverCpu(pick(ours));
    const b = serverCpu(pick(etcd));
    rows[label] = { raftfleet: a === undefined ? 'n/a' : a.toFixed(1), etcd: b === undefined ? 'n/a' : b.toFixed(1), ratio: ratio(b, a) };
  }
  rows['failover window median/max ms'] = {
    raftfleet: failoverCell(ours),
    etcd: failoverCell(etcd),
    ratio: ratio(etcd?.failover.medianGapMs, ours?.failover.medianGapMs),
  };
  rows['acknowledged lost / applied twice'] = {
    raftfleet: ours ? `${ours.failover.lost} / ${ours.failover.duplicated}` : 'n/a',
    etcd: etcd ? `${etcd.failover.lost} / n/a` : 'n/a',
    ratio: '',
  };
  console.table(rows);
}

function fmt(n: number | undefined): string {
  return n === undefined ? 'n/a' : n.toFixed(0);
}

function lat(r: LoadResult | undefined): string {
  return r === undefined ? 'n/a' : `${r.p50.toFixed(2)} / ${r.p99.toFixed(2)} / ${r.p999.toFixed(2)}`;
}

const results: SystemResult[] = [];
if (!args['skip-raftfleet']) results.push(await benchRaftfleet());
const version = etcdVersion();
if (args['skip-etcd']) {
  console.log('etcd column skipped (--skip-etcd)');
} else if (version === undefined) {
  console.log('etcd column skipped: no etcd binary on the PATH (apt-get install etcd-server)');
} else {
  results.push(await benchEtcd(version));
}
table(results);

let fleet: FleetResult | undefined;
if (!args['skip-fleet']) {
  // 100 groups in the short mode, so that CI-sized runs stay short.
  const windows = args.short ? 1 : Number(args['fleet-windows']);
  if (!Number.isSafeInteger(windows) || windows < 1) throw new Error(`--fleet-windows must be a positive integer, got ${args['fleet-windows']}`);
  fleet = await benchFleet({ groups: args.short ? 100 : 1000, inFlight: 512, seconds, windows });
  const c = fleet.commands;
  const m = fleet.median;
  const cpu = m.cpuUsPerOp === undefined ? '' : `; CPU µs/op servers ${m.cpuUsPerOp.slice(0, -1).join('+')}, load generator ${m.cpuUsPerOp.at(-1)}`;
  // Member visits per command on each node, and the node's CPU per visit (an average: visits that
  // carry commands cost most).
  const perVisit = m.visitsPerOp !== undefined && m.cpuUsPerOp !== undefined ? `, µs per visit ${m.visitsPerOp.map((v, i) => (m.cpuUsPerOp![i]! / v).toFixed(1)).join('+')}` : '';
  const visits = m.visitsPerOp === undefined ? '' : `; member visits/op ${m.visitsPerOp.join('+')}${perVisit}`;
  const each = windows > 1 ? ` (median of ${windows} windows: ${fleet.windows.map((w) => w.opsPerSec.toFixed(0)).join(', ')})` : '';
  console.log(
    `raftfleet fleet: ${fleet.groups} groups x 3 replicas created in ${fleet.createSeconds.toFixed(2)} s (all led ${fleet.settleSeconds.toFixed(1)} s later); ` +
      `${m.opsPerSec.toFixed(0)} commands/s${each} at ${fleet.inFlight} in flight over all groups, p50 ${c.p50.toFixed(1)} ms p99 ${c.p99.toFixed(1)} ms, ` +
      `${fleet.windows.reduce((n, w) => n + w.errors, 0)} errors${cpu}${visits}`,
  );
}
let ceiling: CeilingResult | undefined;
if (!args['skip-ceiling']) {
  // The fleet scenario's shape with no consensus: what the processes and messages alone allow.
  const windows = args.short ? 1 : Number(args['fleet-windows']);
  ceiling = await benchCeiling({ groups: args.short ? 100 : 1000, inFlight: 512, seconds, windows });
  const m = ceiling.median;
  const cpu = m.cpuUsPerOp === undefined ? '' : `; CPU µs/op relays ${m.cpuUsPerOp.slice(0, -1).join('+')}, load generator ${m.cpuUsPerOp.at(-1)}`;
  console.log(
    `ceiling (relays without consensus, the fleet scenario's processes and messages): ${m.opsPerSec.toFixed(0)} commands/s ` +
      `(windows: ${ceiling.windows.map((w) => w.opsPerSec.toFixed(0)).join(', ')}) at ${ceiling.inFlight} in flight over ${ceiling.groups} groups${cpu}`,
  );
}
const out = resolve(import.meta.dirname, '..', '..', '..', 'results');
mkdirSync(out, { recursive: true });
const file = join(out, 'cluster.json');
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine: { cpus: cpus().length, model: cpus()[0]?.model }, seconds, trials, results, fleet, ceiling }, null, 2) + '\n');
console.log(`wrote ${file}`);
const ours = results.find((r) => r.system === 'raftfleet');
process.exitCode = ours !== undefined && (ours.failover.lost > 0 || (ours.failover.duplicated ?? 0) > 0) ? 1 : 0;
