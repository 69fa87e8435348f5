#!/usr/bin/env node
// The fleet throughput goal as a CPU budget, set against what the parts of a command cost when each
// is measured alone by its own benchmark on this machine. A command of the fleet scenario (1,000
// groups x 3 replicas, 512 in flight, 3 node processes and a load generator on one machine) needs,
// at the least: the Raft core's work for its three members, a durable write of its entry on each of
// the three nodes, and the messages and load generation of the ceiling scenario (the same processes
// and message pattern with no consensus). Their sum is a floor that no runtime built on this core
// and this storage can go under; the goal's budget is the machine's cores divided by the goal.
// Reads results/core-bench.json, results/storage-lmdb.json and results/cluster.json (written by
// `npm run bench`, or by the core, storage-lmdb and bench workspaces' own bench scripts).
// Usage: node tools/fleet-budget.mjs [--goal 100000] [--cores N]   (writes results/fleet-budget.json)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const GROUPS = 1000;
const REPLICAS = 3;

/**
 * The budget and the floor from the result files in `dir`; `{ missing }`, naming the result and the
 * command that writes it, when a file is missing or lacks the cell it needs.
 */
export function fleetBudget(dir, { goal = 100_000, cores = availableParallelism() } = {}) {
  const read = (name) => {
    const path = join(dir, name);
    return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
  };
  const core = read('core-bench.json');
  const storage = read('storage-lmdb.json');
  const cluster = read('cluster.json');
  const coreCell = core?.spread?.find((c) => c.groups === GROUPS);
  const storageCells = (storage?.appends ?? []).filter((c) => c.groups === GROUPS);
  const storageBest = storageCells.length === 0 ? undefined : storageCells.reduce((a, b) => (b.cpuMicrosPerEntry < a.cpuMicrosPerEntry ? b : a));
  const oneGroup = (storage?.appends ?? []).find((c) => c.groups === 1 && c.batch === storageBest?.batch);
  const ceiling = cluster?.ceiling?.median?.cpuUsPerOp;
  const fleet = cluster?.fleet?.median;
  if (coreCell === undefined) return { missing: `core-bench.json with ${GROUPS} groups (npm run bench -w @raftfleet/core)` };
  if (storageBest === undefined) return { missing: `storage-lmdb.json with ${GROUPS} groups (npm run bench -w @raftfleet/storage-lmdb)` };
  if (ceiling === undefined) return { missing: 'cluster.json with the ceiling scenario (npm run bench -w @raftfleet/bench)' };
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const parts = {
    coreMicros: coreCell.medianMicrosPerCommand,
    storageMicros: REPLICAS * storageBest.cpuMicrosPerEntry,
    ceilingMicros: sum(ceiling),
  };
  const floorMicros = parts.coreMicros + parts.storageMicros + parts.ceilingMicros;
  return {
    goal,
    cores,
    budgetMicros: (cores * 1e6) / goal,
    parts,
    storageBatch: storageBest.batch,
    storageOneGroupMicros: oneGroup === undefined ? undefined : REPLICAS * oneGroup.cpuMicrosPerEntry,
    floorMicros,
    floorOpsPerSec: (cores * 1e6) / floorMicros,
    ...(fleet?.cpuUsPerOp === undefined ? {} : { fleet: { opsPerSec: fleet.opsPerSec, cpuMicros: sum(fleet.cpuUsPerOp) } }),
    measured: { core: core.date, storage: storage.date, cluster: cluster.date },
  };
}

/** The budget as lines of text. */
export function describeBudget(b) {
  if (b.missing !== undefined) return [`fleet budget: no result for ${b.missing}`];
  const us = (x) => `${x.toFixed(1)} µs`;
  const n = (x) => x.toLocaleString('en-US');
  const part = (label, x, extra = '') => `  ${label.padEnd(62)} ${us(x).padStart(9)}${extra}`;
  const lines = [
    `fleet budget: ${n(b.goal)} commands/s on ${b.cores} cores leave ${us(b.budgetMicros)} of CPU per command for everything`,
    part(`Raft core alone, ${REPLICAS} members, ${n(GROUPS)} groups`, b.parts.coreMicros),
    part(
      `durable LMDB write on ${REPLICAS} nodes, ${n(GROUPS)} groups, batches of ${n(b.storageBatch)}`,
      b.parts.storageMicros,
      b.storageOneGroupMicros === undefined ? '' : ` (${us(b.storageOneGroupMicros)} with one group)`,
    ),
    part('processes and messages with no consensus (the ceiling scenario)', b.parts.ceilingMicros),
    part('floor', b.floorMicros, `: at most ${n(Math.round(b.floorOpsPerSec))} commands/s before the replica runtime, state machines, client protocol and GC`),
  ];
  if (b.fleet !== undefined) lines.push(part('the fleet scenario as measured', b.fleet.cpuMicros, `: ${n(Math.round(b.fleet.opsPerSec))} commands/s`));
  lines.push(`  (results of ${[...new Set(Object.values(b.measured).map((d) => String(d).slice(0, 16).replace('T', ' ')))].join(', ')} UTC)`);
  return lines;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { goal: { type: 'string', default: '100000' }, cores: { type: 'string' } } });
  const goal = Number(values.goal);
  const cores = values.cores === undefined ? availableParallelism() : Number(values.cores);
  if (!(goal > 0) || !(cores > 0)) {
    console.error('usage: node tools/fleet-budget.mjs [--goal 100000] [--cores N]');
    process.exit(2);
  }
  const results = resolve(import.meta.dirname, '..', 'results');
  const budget = fleetBudget(results, { goal, cores });
  for (const line of describeBudget(budget)) console.log(line);
  if (budget.missing !== undefined) process.exit(1);
  writeFileSync(join(results, 'fleet-budget.json'), JSON.stringify(budget, null, 2) + '\n');
}
