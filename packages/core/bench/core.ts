// Benchmark of the IO-free core alone: commands/s through one 3-member group (in-process Ready
// loop, MemoryLog, no IO), and the memory and tick cost of idle groups. Prints a table and writes
// results/core-bench.json at the repo root. Run: npm run bench -w @raftfleet/core
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Message } from '@raftfleet/protocol';
import { MemoryLog, RawNode } from '../src/index.js';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

interface Member {
  node: RawNode;
  log: MemoryLog;
  applied: number;
}

function group(ids: string[], seed: number): Map<string, Member> {
  const g = new Map<string, Member>();
  for (const id of ids) {
    const log = MemoryLog.withVoters(ids);
    g.set(id, { node: new RawNode({ id, log, rng: rng(seed + Number(id)) }), log, applied: 0 });
  }
  return g;
}

/** Handles one member's Ready as a runtime would: persist, apply, advance; returns its messages. */
function runReady(m: Member): readonly Message[] {
  const rd = m.node.ready();
  if (rd.snapshot !== undefined) m.log.applySnapshot(rd.snapshot);
  m.log.append(rd.entries);
  if (rd.hardState !== undefined) m.log.setHardState(rd.hardState);
  const last = rd.committedEntries[rd.committedEntries.length - 1];
  if (last !== undefined) m.applied = last.index;
  m.node.advance();
  return rd.messages;
}

/** One runtime pass over every member: persist, collect messages, apply, advance. */
function pass(g: Map<string, Member>, out: Message[]): boolean {
  let any = false;
  for (const m of g.values()) {
    if (!m.node.hasReady()) continue;
    any = true;
    for (const msg of runReady(m)) out.push(msg);
  }
  return any;
}

/** Snapshots and compacts every member's log up to what it applied (keeps the benchmark's memory flat). */
function compact(g: Map<string, Member>): void {
  for (const m of g.values()) {
    const s = m.node.status();
    m.log.createSnapshot(s.applied, s.conf, new Uint8Array(0));
    m.log.compact(s.applied);
  }
}

function settle(g: Map<string, Member>): void {
  let q: Message[] = [];
  for (;;) {
    const any = pass(g, q);
    if (q.length === 0 && !any) return;
    const batch = q;
    q = [];
    for (const msg of batch) g.get(msg.to)?.node.step(msg);
  }
}

function throughput(batch: number, total: number): number {
  const g = group(['1', '2', '3'], 7);
  const leader = g.get('1') as Member;
  leader.node.campaign();
  settle(g);
  const payload = new Uint8Array(16);
  const cmds: Uint8Array[] = new Array<Uint8Array>(batch).fill(payload);
  const start = process.hrtime.bigint();
  let proposed = 0;
  let compactedTo = 0;
  while (proposed < total) {
    leader.node.propose(cmds);
    proposed += batch;
    settle(g);
    if (leader.applied - compactedTo > 50_000) {
      compact(g);
      compactedTo = leader.applied;
    }
  }
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  for (const m of g.values()) if (m.applied < proposed) throw new Error('not everything was applied');
  return total / secs;
}

function idleCost(groups: number): { bytesPerMember: number; nsPerIdleTick: number; nsPerIsIdle: number } {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const all: Map<string, Member>[] = [];
  for (let i = 0; i < groups; i++) {
    const g = group(['1', '2', '3'], i);
    (g.get('1') as Member).node.campaign();
    settle(g);
    all.push(g);
  }
  globalThis.gc?.();
  const bytesPerMember = (process.memoryUsage().heapUsed - before) / (groups * 3);
  const leaders = all.map((g) => (g.get('1') as Member).node);
  let t0 = process.hrtime.bigint();
  let idle = 0;
  for (const n of leaders) if (n.isIdle()) idle++;
  const nsPerIsIdle = Number(process.hrtime.bigint() - t0) / groups;
  if (idle !== groups) throw new Error(`${groups - idle} groups not idle`);
  // The cost a runtime pays if it does NOT quiesce: one tick (a heartbeat round) per leader.
  t0 = process.hrtime.bigint();
  for (const n of leaders) n.tick();
  const nsPerIdleTick = Number(process.hrtime.bigint() - t0) / groups;
  return { bytesPerMember, nsPerIdleTick, nsPerIsIdle };
}

/** Every garbage collection of the run (start and duration, ms), for the GC share of a timed window. */
const gcs: Array<{ start: number; duration: number }> = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push({ start: e.startTime, duration: e.duration });
}).observe({ entryTypes: ['gc'] });

/** Milliseconds of garbage collection that started within [from, to]. */
function gcMsBetween(from: number, to: number): number {
  let ms = 0;
  for (const g of gcs) if (g.start >= from && g.start <= to) ms += g.duration;
  return ms;
}

/** A timed window of {@link roundRobin}: µs per command, and its window for the GC share. */
interface SpreadRun {
  micros: number;
  from: number;
  to: number;
  commands: number;
}

/**
 * Many groups, one command each in turn: every group of `groups` gets a command, then every
 * member with something to do (and only those, as a runtime's pass visits them) runs its Ready
 * until all are settled, and so on for `total` commands. The work per command is the same for
 * any number of groups; what changes is how much state the passes touch between two visits of
 * one member (a 3-member group's cores, logs and progress), which shows the cost of state that no
 * longer fits in the CPU's caches. Returns microseconds per command (all three members) and
 * the timed window, for its share of garbage collection.
 */
function roundRobin(groups: number, total: number): SpreadRun {
  interface Visited extends Member {
    members: Map<string, Member>;
  }
  const all: Map<string, Visited>[] = [];
  for (let i = 0; i < groups; i++) {
    const g = group(['1', '2', '3'], 100 + i) as Map<string, Visited>;
    for (const m of g.values()) m.members = g;
    (g.get('1') as Member).node.campaign();
    settle(g);
    all.push(g);
  }
  const payload = [new Uint8Array(16)];
  const rounds = Math.max(1, Math.round(total / groups));
  const from = performance.now();
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    let dirty = new Set<Visited>();
    for (const g of all) {
      const leader = g.get('1') as Visited;
      leader.node.propose(payload);
      dirty.add(leader);
    }
    while (dirty.size > 0) {
      const next = new Set<Visited>();
      for (const m of dirty) {
        if (!m.node.hasReady()) continue;
        for (const msg of runReady(m)) {
          const to = m.members.get(msg.to) as Visited;
          to.node.step(msg);
          next.add(to);
        }
        if (m.node.hasReady()) next.add(m);
      }
      dirty = next;
    }
    if ((r + 1) % 1_000 === 0) for (const g of all) compact(g);
  }
  const micros = Number(process.hrtime.bigint() - start) / 1e3 / (rounds * groups);
  const to = performance.now();
  for (const g of all) for (const m of g.values()) if (m.applied < rounds) throw new Error('not everything was applied');
  return { micros, from, to, commands: rounds * groups };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const rows: { batch: number; medianCmdsPerSec: number; runs: number[] }[] = [];
throughput(64, 20_000); // warm-up
for (const batch of [1, 16, 256]) {
  const total = batch === 1 ? 30_000 : 200_000;
  const runs = [0, 1, 2, 3, 4].map(() => throughput(batch, total));
  rows.push({ batch, medianCmdsPerSec: Math.round(median(runs)), runs: runs.map(Math.round) });
}
const idle = idleCost(3_000);
roundRobin(100, 20_000); // warm-up
const spreadRuns = [1, 100, 1_000, 10_000].map((groups) => ({ groups, runs: [0, 1, 2].map(() => roundRobin(groups, 60_000)) }));
// GC entries arrive after the synchronous runs: let the observer catch up before adding them up.
await new Promise((resolve) => setTimeout(resolve, 100));
const spread = spreadRuns.map(({ groups, runs }) => {
  const gcMicros = runs.map((r) => (gcMsBetween(r.from, r.to) * 1e3) / r.commands);
  return {
    groups,
    medianMicrosPerCommand: Number(median(runs.map((r) => r.micros)).toFixed(2)),
    medianGcMicrosPerCommand: Number(median(gcMicros).toFixed(2)),
    runs: runs.map((r) => Number(r.micros.toFixed(2))),
  };
});

console.log('core: one 3-member group, in-process Ready loop, 16-byte commands (median of 5)');
console.log('proposals/batch | commands/s | ratio to batch 1');
for (const r of rows) {
  console.log(`${String(r.batch).padStart(15)} | ${String(r.medianCmdsPerSec).padStart(10)} | ${(r.medianCmdsPerSec / (rows[0] as { medianCmdsPerSec: number }).medianCmdsPerSec).toFixed(1)}x`);
}
console.log(`machine load average (1 min): ${(loadavg()[0] ?? 0).toFixed(1)} — numbers are only comparable at similar load`);
console.log('core: many 3-member groups, one command per group in turn (median of 3)');
console.log('         groups | µs/command | of it in GC | ratio to 1 group');
for (const r of spread) {
  console.log(
    `${r.groups.toLocaleString('en-US').padStart(15)} | ${r.medianMicrosPerCommand.toFixed(2).padStart(10)} | ${r.medianGcMicrosPerCommand.toFixed(2).padStart(11)} | ${(r.medianMicrosPerCommand / (spread[0] as { medianMicrosPerCommand: number }).medianMicrosPerCommand).toFixed(1)}x`,
  );
}
console.log(`idle groups (3,000 x 3 members): ${Math.round(idle.bytesPerMember)} B heap/member, isIdle() ${idle.nsPerIsIdle.toFixed(0)} ns, one un-quiesced leader tick ${idle.nsPerIdleTick.toFixed(0)} ns`);

const root = fileURLToPath(new URL('../../../', import.meta.url));
mkdirSync(`${root}results`, { recursive: true });
writeFileSync(
  `${root}results/core-bench.json`,
  JSON.stringify({ date: new Date().toISOString(), node: process.version, loadavg: loadavg(), throughput: rows, spread, idle }, null, 2),
);
