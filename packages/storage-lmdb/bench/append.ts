// Benchmark of the LMDB storage: the disk's bare fsync rate, durable append throughput across
// 1/10/1,000 groups at batch sizes 1/64/1,024, the CPU cost of an entry at a fleet node's pace, and
// range-read throughput. Prints a table, writes JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EntryType, type Entry } from '@raftfleet/protocol';
import type { GroupWrite } from '@raftfleet/storage';
import { openLmdbStorage, type LmdbStorage } from '../src/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsFile = path.resolve(here, '../../../results/storage-lmdb.json');
const ENTRY_BYTES = 100;
/** Writes kept in flight: a node process has many replicas writing at once; group commit merges them. */
const IN_FLIGHT = Number(process.env['BENCH_IN_FLIGHT'] ?? 16);
const CELL_MS = Number(process.env['BENCH_CELL_MS'] ?? 800);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
/** BENCH_WAL=0: measure the store without its write-ahead log (durable writes wait for LMDB's commit and sync). */
const WAL = process.env['BENCH_WAL'] !== '0';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function freshDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'raftfleet-bench-'));
}

const payload = new Uint8Array(ENTRY_BYTES).fill(7);

/** One tiny durable write after another: what one fsync costs on this disk, through the store. */
async function fsyncRate(s: LmdbStorage): Promise<number> {
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < 1500) {
    await s.write({ writes: [{ group: 'fsync', hardState: { term: 1, vote: '', commit: n } }] });
    n++;
  }
  return n / ((performance.now() - start) / 1000);
}

/**
 * Writes of `batch` entries, round-robin over `groups` groups named after `prefix`: each group in a
 * write gets a contiguous run, continuing its log from the previous write.
 */
function roundRobin(prefix: string, groups: number, batch: number): () => GroupWrite[] {
  const names = Array.from({ length: groups }, (_, i) => `${prefix}-${i}`);
  const next = new Array<number>(groups).fill(1);
  let cursor = 0;
  return () => {
    const perGroup = new Map<number, Entry[]>();
    for (let i = 0; i < batch; i++) {
      const g = cursor;
      cursor = (cursor + 1) % groups;
      const index = next[g] as number;
      next[g] = index + 1;
      let list = perGroup.get(g);
      if (list === undefined) perGroup.set(g, (list = []));
      list.push({ index, term: 1, type: EntryType.Normal, data: payload });
    }
    return [...perGroup].map(([g, list]) => ({ group: names[g] as string, entries: list }));
  };
}

/** Durable appends of `batch` entries per write() spread over `groups` groups, IN_FLIGHT writes at a time. */
async function appendRate(
  s: LmdbStorage,
  groups: number,
  batch: number,
  run: number,
): Promise<{ entriesPerSec: number; writesPerSec: number; writesPerCommit: number; cpuMicrosPerEntry: number }> {
  const makeBatch = roundRobin(`bench-${groups}-${batch}-${run}`, groups, batch);
  let entries = 0;
  let writes = 0;
  const before = s.stats();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const inflight = new Set<Promise<void>>();
  while (performance.now() - start < CELL_MS) {
    const p: Promise<void> = s.write({ writes: makeBatch() }).then(() => {
      inflight.delete(p);
      entries += batch;
      writes++;
    });
    inflight.add(p);
    if (inflight.size >= IN_FLIGHT) await Promise.race(inflight);
  }
  await Promise.all(inflight);
  const secs = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const after = s.stats();
  return {
    entriesPerSec: entries / secs,
    writesPerSec: writes / secs,
    writesPerCommit: (after.writes - before.writes) / Math.max(1, after.commits - before.commits),
    cpuMicrosPerEntry: (used.user + used.system) / entries,
  };
}

/** A fleet node's pace (the fleet benchmark's nodes): 15,000 entries/s over 1,000 groups, one write after another. */
const PACED_RATE = 15_000;
const PACED_GROUPS = 1000;
const PACED_PER_WRITE = 70;
const PACED_MS = 3000;

/**
 * CPU per entry, of every thread of the process (LMDB's background commits and the log's writes
 * included), at a fleet node's pace: each group gets an entry or two between LMDB commits, so what
 * a commit costs per touched page shows here and not in the throughput cells.
 */
async function pacedCost(s: LmdbStorage, run: number): Promise<{ entriesPerSec: number; cpuMicrosPerEntry: number }> {
  const makeBatch = roundRobin(`paced-${run}`, PACED_GROUPS, PACED_PER_WRITE);
  let entries = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  while (performance.now() - start < PACED_MS) {
    await s.write({ writes: makeBatch() });
    entries += PACED_PER_WRITE;
    const ahead = (entries / PACED_RATE) * 1000 - (performance.now() - start);
    if (ahead > 0) await new Promise((resolve) => setTimeout(resolve, ahead));
  }
  const secs = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { entriesPerSec: entries / secs, cpuMicrosPerEntry: (used.user + used.system) / entries };
}

/** Range reads of 1,000 entries from a group of 100,000. */
async function readRate(s: LmdbStorage): Promise<{ rangeEntriesPerSec: number; termLookupsPerSec: number }> {
  const group = 'read-bench';
  const total = 100_000;
  for (let i = 1; i <= total; i += 10_000) {
    const entries: Entry[] = [];
    for (let j = i; j < i + 10_000; j++) entries.push({ index: j, term: 1, type: EntryType.Normal, data: payload });
    await s.write({ writes: [{ group, entries }] });
  }
  let read = 0;
  let start = performance.now();
  while (performance.now() - start < 1000) {
    const lo = 1 + Math.floor(Math.random() * (total - 1000));
    read += s.entries(group, lo, lo + 1000).length;
  }
  const rangeEntriesPerSec = read / ((performance.now() - start) / 1000);
  let terms = 0;
  start = performance.now();
  while (performance.now() - start < 500) {
    for (let k = 0; k < 1000; k++) terms += s.term(group, 1 + ((k * 7919) % total)) > 0 ? 1 : 0;
  }
  return { rangeEntriesPerSec, termLookupsPerSec: terms / ((performance.now() - start) / 1000) };
}

async function main(): Promise<void> {
  const dir = freshDir();
  console.log(`load average at start: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  const s = await openLmdbStorage({ path: dir, writeAheadLog: WAL });
  console.log(`write-ahead log: ${WAL ? 'on' : 'off (BENCH_WAL=0)'}`);
  const fsyncs: number[] = [];
  for (let r = 0; r < RUNS; r++) fsyncs.push(await fsyncRate(s));
  const fsyncPerSec = median(fsyncs);
  console.log(`one durable write after another (the disk's sync rate through the store), per second: ${fsyncPerSec.toFixed(0)} (median of ${RUNS})`);
  const cells: Array<{
    groups: number;
    batch: number;
    entriesPerSec: number;
    writesPerSec: number;
    writesPerCommit: number;
    cpuMicrosPerEntry: number;
    timesFsyncRate: number;
  }> = [];
  for (const batch of [1, 64, 1024]) {
    for (const groups of [1, 10, 1000]) {
      const runs = [];
      for (let r = 0; r < RUNS; r++) runs.push(await appendRate(s, groups, batch, r));
      const entriesPerSec = median(runs.map((x) => x.entriesPerSec));
      const writesPerSec = median(runs.map((x) => x.writesPerSec));
      const writesPerCommit = median(runs.map((x) => x.writesPerCommit));
      const cpuMicrosPerEntry = median(runs.map((x) => x.cpuMicrosPerEntry));
      cells.push({ groups, batch, entriesPerSec, writesPerSec, writesPerCommit, cpuMicrosPerEntry, timesFsyncRate: entriesPerSec / fsyncPerSec });
    }
  }
  await pacedCost(s, RUNS); // warm-up: the first run pays for creating the groups
  const paced = [];
  for (let r = 0; r < RUNS; r++) paced.push(await pacedCost(s, r));
  const pace = {
    targetEntriesPerSec: PACED_RATE,
    entriesPerWrite: PACED_PER_WRITE,
    groups: PACED_GROUPS,
    entriesPerSec: median(paced.map((x) => x.entriesPerSec)),
    cpuMicrosPerEntry: median(paced.map((x) => x.cpuMicrosPerEntry)),
  };
  const reads = await readRate(s);
  await s.close();
  fs.rmSync(dir, { recursive: true, force: true });

  console.log(`\ndurable appends of ${ENTRY_BYTES}-byte entries, ${IN_FLIGHT} writes in flight, median of ${RUNS} runs of ${CELL_MS} ms`);
  console.log('batch  groups   entries/s   writes/s  writes/commit  cpu µs/entry  × fsync rate');
  for (const c of cells) {
    console.log(
      `${String(c.batch).padStart(5)}  ${String(c.groups).padStart(6)}  ${c.entriesPerSec.toFixed(0).padStart(10)}  ${c.writesPerSec.toFixed(0).padStart(9)}  ${c.writesPerCommit.toFixed(1).padStart(13)}  ${c.cpuMicrosPerEntry.toFixed(2).padStart(12)}  ${c.timesFsyncRate.toFixed(1).padStart(12)}`,
    );
  }
  console.log(
    `\nat a fleet node's pace (${PACED_RATE} entries/s over ${PACED_GROUPS.toLocaleString('en-US')} groups, ${PACED_PER_WRITE} per write): ${pace.cpuMicrosPerEntry.toFixed(2)} µs of CPU per entry, all threads (median of ${RUNS} runs of ${PACED_MS} ms; ${pace.entriesPerSec.toFixed(0)} entries/s reached)`,
  );
  console.log(`\nrange reads (1,000 entries): ${reads.rangeEntriesPerSec.toFixed(0)} entries/s; term lookups: ${reads.termLookupsPerSec.toFixed(0)}/s`);
  const best1024 = Math.max(...cells.filter((c) => c.batch === 1024).map((c) => c.entriesPerSec));
  const bestBatched = Math.max(...cells.filter((c) => c.batch > 1).map((c) => c.entriesPerSec));
  const goals = {
    batchedAtLeast100xFsync: bestBatched >= 100 * fsyncPerSec,
    atLeast300kAtBatch1024: best1024 >= 300_000,
  };
  console.log(`goals: ≥100× fsync rate with batching: ${goals.batchedAtLeast100xFsync} (${(bestBatched / fsyncPerSec).toFixed(0)}×); ≥300,000 entries/s at batch 1,024: ${goals.atLeast300kAtBatch1024} (${best1024.toFixed(0)})`);
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(
    resultsFile,
    `${JSON.stringify(
      {
        benchmark: 'storage-lmdb append',
        date: new Date().toISOString(),
        node: process.version,
        loadAverage: os.loadavg(),
        cpus: os.cpus().length,
        entryBytes: ENTRY_BYTES,
        inFlight: IN_FLIGHT,
        runs: RUNS,
        cellMs: CELL_MS,
        writeAheadLog: WAL,
        fsyncPerSec,
        appends: cells,
        paced: pace,
        reads,
        goals,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`wrote ${resultsFile}`);
}

await main();
