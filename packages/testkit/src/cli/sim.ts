#!/usr/bin/env node
// Command-line front end of the simulator: long seed sweeps over worker threads, reproduction of
// one seed with its trace, and the Raft paper's leader-election experiment.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Command, InvalidArgumentError, Option } from 'commander';
import { runElectionExperiment } from '../election.js';
import { parseFaultKinds, FaultKindError, FAULT_KINDS, type FaultKind } from '../faults.js';
import { Simulation, type InjectedBug, type SimulationOptions } from '../simulator.js';
import { runSeedRange, type SweepFailure, type SweepSummary } from '../sweep.js';

function int(name: string, min: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer ≥ ${min}`);
    return n;
  };
}

function faultList(v: string): FaultKind[] {
  try {
    return parseFaultKinds(v);
  } catch (e) {
    if (e instanceof FaultKindError) throw new InvalidArgumentError(e.message);
    throw e;
  }
}

/** Repository root: results/ lives there (this file is packages/testkit/dist/cli/sim.js). */
function resultsDir(): string {
  return resolve(dirname(new URL(import.meta.url).pathname), '../../../../results');
}

/** The worker module beside this one (`.ts` when run from source through tsx). */
function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './sim-worker.ts' : './sim-worker.js', import.meta.url);
}

function printFailure(f: SweepFailure, traceLines: number): void {
  console.log(`\nVIOLATION seed=${f.seed} kind=${f.failure.kind} at tick ${f.failure.tick}`);
  console.log(f.failure.message);
  console.log(`--- last ${Math.min(traceLines, f.failure.trace.length)} events ---`);
  console.log(f.failure.trace.slice(-traceLines).join('\n'));
}

interface Cli {
  seeds: number;
  startSeed: number;
  nodes: number;
  faults: FaultKind[];
  workers: number;
  chunk: number;
  faultTicks: number;
  electionTick: number;
  heartbeatTick: number;
  clients: number;
  keys: number;
  readOnly: 'safe' | 'lease';
  crashAfterVote: number;
  joinerConf: 'empty' | 'bootstrap';
  quiesce: boolean;
  quiesceWake: boolean;
  showTrace: boolean;
  bug?: InjectedBug;
  seed?: number;
  traceLines: number;
  electionExperiment: boolean;
  trials: number;
  preVote: boolean;
  out?: string;
}

function simOptions(o: Cli): Omit<SimulationOptions, 'seed'> {
  return {
    nodes: o.nodes,
    faults: o.faults,
    faultTicks: o.faultTicks,
    electionTick: o.electionTick,
    heartbeatTick: o.heartbeatTick,
    clients: o.clients,
    keys: o.keys,
    readOnly: o.readOnly,
    crashAfterVote: o.crashAfterVote,
    joinerConf: o.joinerConf,
    quiesce: o.quiesce,
    quiesceWake: o.quiesceWake,
    traceSize: Math.max(200, o.traceLines),
    ...(o.bug === undefined ? {} : { bug: o.bug }),
  };
}

async function sweep(o: Cli): Promise<number> {
  const options = simOptions(o);
  const workers = Math.max(1, Math.min(o.workers, Math.ceil(o.seeds / o.chunk)));
  console.log(`sweep: seeds ${o.startSeed}..${o.startSeed + o.seeds - 1}, ${workers} worker(s), options ${JSON.stringify(options)}`);
  const total: SweepSummary = { seeds: 0, failures: [], failed: 0, opsCompleted: 0, snapshotsInstalled: 0, confChanges: 0, crashes: 0, maxRecoveryTicks: 0, ticks: 0, undecided: 0 };
  const started = performance.now();
  let next = o.startSeed;
  const end = o.startSeed + o.seeds;
  let lastPrint = 0;
  const tty = process.stdout.isTTY;
  const progress = (): void => {
    const now = performance.now();
    if (now - lastPrint < (tty ? 250 : 5000)) return;
    lastPrint = now;
    const secs = (now - started) / 1000;
    const line = `  ${total.seeds}/${o.seeds} seeds (${((100 * total.seeds) / o.seeds).toFixed(1)}%)  ${(total.seeds / Math.max(secs, 1e-9)).toFixed(0)} seeds/s  violations ${total.failed}  elapsed ${secs.toFixed(1)} s`;
    if (tty) process.stdout.write(`\r${line}`);
    else console.log(line);
  };
  const absorb = (s: SweepSummary): void => {
    total.seeds += s.seeds;
    total.failed += s.failed;
    total.opsCompleted += s.opsCompleted;
    total.snapshotsInstalled += s.snapshotsInstalled;
    total.confChanges += s.confChanges;
    total.crashes += s.crashes;
    total.ticks += s.ticks;
    total.undecided += s.undecided;
    total.maxRecoveryTicks = Math.max(total.maxRecoveryTicks, s.maxRecoveryTicks);
    for (const f of s.failures) {
      if (tty) process.stdout.write('\n');
      console.log(`violation: seed ${f.seed} ${f.failure.kind}: ${f.failure.message.split('\n')[0] ?? ''}`);
      if (total.failures.length < 20) total.failures.push(f);
    }
    progress();
  };
  if (workers === 1) {
    // In-process: no worker start-up, and it also runs from source (through tsx).
    while (next < end) {
      const count = Math.min(o.chunk, end - next);
      absorb(runSeedRange(next, count, options));
      next += count;
    }
  } else await new Promise<void>((done, fail) => {
    let live = workers;
    for (let w = 0; w < workers; w++) {
      const worker = new Worker(workerUrl(), { workerData: { options } });
      const feed = (): void => {
        if (next >= end) {
          worker.postMessage(null);
          return;
        }
        const count = Math.min(o.chunk, end - next);
        worker.postMessage({ first: next, count });
        next += count;
      };
      worker.on('message', (msg: { summary: SweepSummary }) => {
        absorb(msg.summary);
        feed();
      });
      worker.on('error', fail);
      worker.on('exit', () => {
        if (--live === 0) done();
      });
      feed();
    }
  });
  if (tty) process.stdout.write('\n');
  const secs = (performance.now() - started) / 1000;
  const rate = total.seeds / secs;
  console.log(
    `done: ${total.seeds} seeds in ${secs.toFixed(1)} s = ${rate.toFixed(0)} seeds/s; ${total.ticks} ticks, ${total.opsCompleted} client ops, ${total.crashes} crashes, ` +
      `${total.snapshotsInstalled} snapshots installed, ${total.confChanges} conf changes, max recovery ${total.maxRecoveryTicks} ticks, ${total.undecided} undecided histories; violations: ${total.failed}`,
  );
  const first = total.failures.sort((a, b) => a.seed - b.seed)[0];
  if (first !== undefined) {
    printFailure(first, o.traceLines);
    console.log(`\nfailing seeds: ${total.failures.map((f) => f.seed).join(', ')}${total.failed > total.failures.length ? ', …' : ''}`);
    console.log(`reproduce: npm run sim -- --seed ${first.seed} ${reproduceFlags(o)}`);
  }
  const file = o.out ?? join(resultsDir(), 'sim-sweep.json');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    JSON.stringify(
      {
        startSeed: o.startSeed,
        seeds: total.seeds,
        seconds: secs,
        seedsPerSecond: rate,
        workers,
        options,
        violations: total.failed,
        failingSeeds: total.failures.map((f) => ({ seed: f.seed, kind: f.failure.kind, message: f.failure.message })),
        opsCompleted: total.opsCompleted,
        crashes: total.crashes,
        snapshotsInstalled: total.snapshotsInstalled,
        confChanges: total.confChanges,
        maxRecoveryTicks: total.maxRecoveryTicks,
        undecidedHistories: total.undecided,
      },
      null,
      2,
    ),
  );
  console.log(`wrote ${file}`);
  return total.failed > 0 ? 1 : 0;
}

function reproduceFlags(o: Cli): string {
  const parts = [`--nodes ${o.nodes}`, `--faults ${o.faults.join(',') || "''"}`];
  if (o.faultTicks !== 300) parts.push(`--fault-ticks ${o.faultTicks}`);
  if (o.electionTick !== 10) parts.push(`--election-tick ${o.electionTick}`);
  if (o.heartbeatTick !== 2) parts.push(`--heartbeat-tick ${o.heartbeatTick}`);
  if (o.clients !== 3) parts.push(`--clients ${o.clients}`);
  if (o.keys !== 2) parts.push(`--keys ${o.keys}`);
  if (o.readOnly !== 'safe') parts.push(`--read-only ${o.readOnly}`);
  if (o.crashAfterVote !== 0) parts.push(`--crash-after-vote ${o.crashAfterVote}`);
  if (o.joinerConf !== 'empty') parts.push(`--joiner-conf ${o.joinerConf}`);
  if (o.quiesce) parts.push('--quiesce');
  if (!o.quiesceWake) parts.push('--no-quiesce-wake');
  if (o.bug !== undefined) parts.push(`--bug ${o.bug}`);
  return parts.join(' ');
}

function single(o: Cli, seed: number): number {
  const sim = new Simulation({ ...simOptions(o), seed });
  const r = sim.run();
  if (o.showTrace && r.failure === undefined) console.log(sim.traceLines().slice(-o.traceLines).join('\n'));
  console.log(`seed ${seed}: ${r.failure === undefined ? 'ok' : `VIOLATION ${r.failure.kind}`}`);
  console.log(JSON.stringify(r.stats));
  if (r.failure !== undefined) {
    printFailure({ seed, failure: r.failure }, o.traceLines);
    return 1;
  }
  return 0;
}

function electionExperiment(o: Cli): number {
  // Figure 16, top: more randomness on a 150 ms base; bottom: shorter timeouts with 2x randomness.
  const configs = [
    ...[1, 5, 25, 50, 150].map((j) => ({ label: `150-${150 + j}ms`, electionTick: 150, electionJitterTick: j })),
    ...[12, 25, 50, 100].map((b) => ({ label: `${b}-${2 * b}ms`, electionTick: b, electionJitterTick: b })),
  ];
  const baseHeartbeat = o.heartbeatTick === 2 ? 15 : o.heartbeatTick;
  console.log(
    `leader election after leader crash: ${o.trials} trials per timeout range, 5 members, 1 tick = 1 ms, heartbeat ${baseHeartbeat} ms (at most half the base timeout), delay 1-5 ms, pre-vote ${o.preVote ? 'on' : 'off'}`,
  );
  console.log('timeouts     trials  min   p50   p90   p99   max    mean   >1 candidate');
  const results = [];
  for (const c of configs) {
    // The heartbeat must stay well below the election timeout.
    const heartbeatTick = Math.max(1, Math.min(baseHeartbeat, Math.floor(c.electionTick / 2)));
    const started = performance.now();
    const d = runElectionExperiment({
      seed: o.startSeed,
      electionTick: c.electionTick,
      electionJitterTick: c.electionJitterTick,
      heartbeatTick,
      trials: o.trials,
      preVote: o.preVote,
    });
    const secs = (performance.now() - started) / 1000;
    const pad = (x: number, w: number): string => (Number.isFinite(x) ? x.toFixed(0) : '-').padStart(w);
    console.log(
      `${c.label.padEnd(12)} ${String(d.trials).padStart(6)} ${pad(d.min, 4)} ${pad(d.p50, 5)} ${pad(d.p90, 5)} ${pad(d.p99, 5)} ${pad(d.max, 5)} ${pad(d.mean, 7)}   ${(100 * d.splitShare).toFixed(1)}%${d.timedOut > 0 ? `  (${d.timedOut} timed out)` : ''}`,
    );
    results.push({ ...c, heartbeatTick, preVote: o.preVote, seed: o.startSeed, seconds: secs, ...d });
  }
  const file = o.out ?? join(resultsDir(), `election-experiment${o.preVote ? '' : '-no-prevote'}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ unit: 'ms (1 tick = 1 ms)', members: 5, delayMs: [1, 5], results }, null, 2));
  console.log(`wrote ${file}`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('sim')
    .description('Deterministic Raft simulation: seed sweeps, single-seed reproduction, election experiment.')
    .addOption(new Option('--seeds <n>', 'number of seeds to run').argParser(int('--seeds', 1)).default(1000))
    .addOption(new Option('--start-seed <n>', 'first seed').argParser(int('--start-seed', 0)).default(1))
    .addOption(new Option('--seed <n>', 'run this one seed and print its trace on failure').argParser(int('--seed', 0)))
    .addOption(new Option('--nodes <n>', 'initial voters').argParser(int('--nodes', 1)).default(3))
    .addOption(new Option('--faults <list>', `comma-separated: ${FAULT_KINDS.join(',')} or all`).argParser(faultList).default([...FAULT_KINDS], 'all'))
    .addOption(new Option('--workers <n>', 'worker threads').argParser(int('--workers', 1)).default(availableParallelism()))
    .addOption(new Option('--chunk <n>', 'seeds per work unit').argParser(int('--chunk', 1)).default(200))
    .addOption(new Option('--fault-ticks <n>', 'ticks of faults per run').argParser(int('--fault-ticks', 1)).default(300))
    .addOption(new Option('--election-tick <n>', 'election timeout base (ticks)').argParser(int('--election-tick', 2)).default(10))
    .addOption(new Option('--heartbeat-tick <n>', 'heartbeat interval (ticks)').argParser(int('--heartbeat-tick', 1)).default(2))
    .addOption(new Option('--clients <n>', 'concurrent clients').argParser(int('--clients', 1)).default(3))
    .addOption(new Option('--keys <n>', 'distinct keys').argParser(int('--keys', 1)).default(2))
    .addOption(new Option('--read-only <mode>', 'read-index mode').choices(['safe', 'lease']).default('safe'))
    .addOption(
      new Option('--crash-after-vote <p>', 'probability of crashing right after granting a vote')
        .argParser((v) => {
          const p = Number(v);
          if (!(p >= 0 && p <= 1)) throw new InvalidArgumentError('--crash-after-vote must be in [0, 1]');
          return p;
        })
        .default(0),
    )
    .addOption(new Option('--joiner-conf <conf>', 'membership a member added during the run starts with').choices(['empty', 'bootstrap']).default('empty'))
    .addOption(new Option('--quiesce', 'leave idle members unticked, as a multi-raft runtime does').default(false))
    .addOption(new Option('--no-quiesce-wake', 'with --quiesce: do not wake idle members on (pre)votes or messages from non-leaders'))
    .addOption(new Option('--bug <bug>', 'inject a deliberate bug (the checkers must catch it)').choices(['forgetVote', 'loseTail', 'localRead']))
    .addOption(new Option('--show-trace', 'with --seed: print the trace even when the run passes').default(false))
    .addOption(new Option('--trace-lines <n>', 'trace lines printed for a failure').argParser(int('--trace-lines', 1)).default(200))
    .addOption(new Option('--election-experiment', 'run the Raft paper Figure 16 experiment instead of a sweep').default(false))
    .addOption(new Option('--trials <n>', 'leader crashes per timeout range in the election experiment').argParser(int('--trials', 1)).default(1000))
    .addOption(new Option('--no-pre-vote', 'election experiment without pre-vote (as in the paper)'))
    .addOption(new Option('--out <file>', 'where to write the JSON results (default: results/ at the repository root)'))
    .exitOverride();
  try {
    program.parse(argv);
  } catch (e) {
    const code = (e as { exitCode?: number }).exitCode;
    return code ?? 2;
  }
  const o = program.opts<Cli>();
  if (o.electionExperiment) return electionExperiment(o);
  if (o.seed !== undefined) return single(o, o.seed);
  return sweep(o);
}

try {
  process.exitCode = await main(process.argv);
} catch (e) {
  console.error(`sim: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exitCode = 2;
}
