#!/usr/bin/env node
// `npm start`: a local five-node fleet in three zones, a live dashboard, and a scripted tour with a
// progress bar; prints a summary and exits 0 (or keeps the fleet running with --serve).
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { startDemo } from './demo.js';
import { runTour, type TourSummary } from './tour.js';

const HELP = `usage: npm start [-- --serve] [-- --port N]

Starts five raftfleet node processes (LMDB data in a temp folder) in three zones on 127.0.0.1,
creates counter, queue, key-value and lock groups, serves a live dashboard, then runs a tour:
load through the client SDK, a node SIGKILLed, a node added (rebalancing), a node drained.

  --serve     keep the fleet and the dashboard running after the tour (Ctrl-C to stop)
  --port N    dashboard port (default: any free port)
  --no-tour   skip the tour (with --serve: just a running fleet)
`;

function table(rows: Array<[string, string]>): string {
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`).join('\n');
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function summary(s: TourSummary): string {
  const fo = s.failovers.map((f) => f.ms).filter((ms) => Number.isFinite(ms));
  const missing = s.failovers.filter((f) => !Number.isFinite(f.ms)).map((f) => f.group);
  return table([
    ['commands acknowledged', String(s.acknowledged)],
    ['outcome unknown (timeouts)', `${s.unknownOutcome} (never counted as acknowledged; ${s.verification.unknownApplied} turned out applied)`],
    ['acknowledged writes read back', `${s.verification.checked} (counters, queues, key-value maps; lock leases expire by design)`],
    ['lost', String(s.verification.lost)],
    [`failover after SIGKILL ${s.killed}`, fo.length === 0 ? 'no group led there' : `${s.failovers.length} groups, median ${Math.round(median(fo))} ms, max ${Math.round(Math.max(...fo))} ms${missing.length > 0 ? `; no recovery seen for ${missing.join(', ')}` : ''}`],
    [`rebalancing onto ${s.added}`, `${s.movesDuringRebalance} member moves${s.rebalanceMs !== undefined ? `, settled in ${(s.rebalanceMs / 1000).toFixed(1)} s` : ', not settled within 25 s'}`],
    [`drain of ${s.drained}`, s.drainedCleanly ? `handed off and stopped in ${(s.drainMs / 1000).toFixed(1)} s` : `did not finish in ${(s.drainMs / 1000).toFixed(1)} s`],
    ['leader changes seen / member moves', `${s.elections} / ${s.moves}`],
    ['tour duration', `${s.seconds.toFixed(1)} s`],
  ]);
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { serve: { type: 'boolean', default: false }, port: { type: 'string' }, 'no-tour': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${HELP}`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = args.values.port === undefined ? 0 : Number(args.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port: "${args.values.port}" is not a port\n`);
    return 2;
  }
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say('raftfleet demo: starting 5 nodes in 3 zones on 127.0.0.1 …');
  const demo = await startDemo({ port, say });
  say(`dashboard: ${demo.dashboard.url}`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await demo.stop();
  };
  process.on('SIGINT', () => void shutdown().then(() => process.exit(130)));
  process.on('SIGTERM', () => void shutdown().then(() => process.exit(143)));

  let code = 0;
  if (!args.values['no-tour']) {
    const tty = process.stdout.isTTY === true;
    const bar = new cliProgress.SingleBar(
      { format: ' {bar} {percentage}% | {step}', barsize: 30, hideCursor: true, clearOnComplete: false, noTTYOutput: false },
      cliProgress.Presets.shades_classic,
    );
    if (tty) bar.start(100, 0, { step: 'starting' });
    let lastStep = '';
    const summaryResult = await runTour(demo, (fraction, step) => {
      if (tty) bar.update(Math.round(fraction * 100), { step });
      else if (step !== lastStep) say(`[${String(Math.round(fraction * 100)).padStart(3)}%] ${step}`);
      lastStep = step;
    }).finally(() => {
      if (tty) bar.stop();
    });
    say('\nsummary');
    say(summary(summaryResult));
    code = summaryResult.verification.lost === 0 ? 0 : 1;
    if (code !== 0) say('\nacknowledged writes were lost: this is a bug, please report it with the output above.');
  }
  if (args.values.serve) {
    say(`\nfleet still running; dashboard at ${demo.dashboard.url}. Ctrl-C to stop. To use the raftfleet command against it:`);
    say(`  export RAFTFLEET_SEEDS=${demo.cluster.seeds().join(',')} RAFTFLEET_CLUSTER_ID=${demo.cluster.clusterId} RAFTFLEET_SECRET=${demo.cluster.secret}`);
    say('  node apps/cli/dist/main.js status');
    await new Promise<void>(() => {});
  }
  await shutdown();
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
