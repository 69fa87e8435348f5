// A fleet node in its own process, over TCP and LMDB, for the multi-process tests and benchmarks.
// Arguments come as one JSON object in argv[2]; it prints one JSON line per event on stdout and
// deactivates on SIGTERM, reports its resource usage on SIGUSR2.
import { pino } from 'pino';
import { counterMachine } from '@raftfleet/replica';
import { openLmdbStorage } from '@raftfleet/storage-lmdb';
import { TcpTransport } from '@raftfleet/transport-tcp';
import { Fleet } from '../../src/index.js';

interface Args {
  id: string;
  zone: string;
  dir: string;
  seeds: string[];
  port?: number;
  purgeAfterMs?: number;
  tickMs?: number;
  maxConcurrentChanges?: number;
  /** 'test' (default): short heartbeats and sweeps so tests run fast; 'default': the library's defaults. */
  timing?: 'test' | 'default';
}

const logLevel = process.env['FLEET_NODE_LOG'] ?? process.env['FLEET_LOG'];
const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const say = (event: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify({ ...event, id: args.id })}\n`);
};

const storage = await openLmdbStorage({ path: args.dir });
const transport = new TcpTransport({ nodeId: args.id, clusterId: 'fleet-test', secret: 'fleet-test-secret', listen: { host: '127.0.0.1', port: args.port ?? 0 } });
const fleet = await Fleet.start({
  nodeId: args.id,
  zone: args.zone,
  transport,
  storage,
  seeds: args.seeds,
  machines: { counter: counterMachine },
  host: { tickMs: args.tickMs ?? 20, electionTicks: 10, heartbeatTicks: 1 },
  ...(args.timing === 'default'
    ? {}
    : { heartbeatMs: 100, unreachableAfterMs: 600, purgeAfterMs: args.purgeAfterMs ?? 3000, refreshMs: 200, sweepMs: 500 }),
  maxConcurrentChanges: args.maxConcurrentChanges ?? 16,
  joinTimeoutMs: 20_000,
  // FLEET_NODE_LOG (or FLEET_LOG)=<level>: the node logs to stderr (stdout carries the events).
  ...(logLevel ? { logger: pino({ level: logLevel }, pino.destination(2)) } : {}),
});

// SIGUSR2: report CPU time, live memory (after a full collection when gc is exposed) and member
// counts (benchmarks sample these); SIGHUP below reports without collecting.
// FLEET_WINDOW_PROF=<dir>: profile the main thread from usage report number FLEET_WINDOW_PROF_FROM
// (default 2: the idle phase's start of window) to the next one.
const windowProf = process.env['FLEET_WINDOW_PROF'];
const windowFrom = Number(process.env['FLEET_WINDOW_PROF_FROM'] ?? 2);
let reports = 0;
let profiling: import('node:inspector').Session | undefined;
async function toggleWindowProfile(dir: string): Promise<void> {
  const inspector = await import('node:inspector');
  const { writeFileSync } = await import('node:fs');
  if (profiling === undefined) {
    const session = new inspector.Session();
    session.connect();
    profiling = session;
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start')));
    return;
  }
  const session = profiling;
  profiling = undefined;
  session.post('Profiler.stop', (err, res) => {
    if (err === null) writeFileSync(`${dir}/${args.id}-${Date.now()}.cpuprofile`, JSON.stringify(res.profile));
    session.disconnect();
  });
}
const report = (collect: boolean): void => {
  reports++;
  if (windowProf !== undefined && (reports === windowFrom || reports === windowFrom + 1)) void toggleWindowProfile(windowProf);
  const cpu = process.cpuUsage(); // before the collection, which is not the node's own work
  const at = Date.now();
  if (collect) (globalThis as { gc?: () => void }).gc?.();
  say({ event: 'usage', cpu, memory: process.memoryUsage(), members: fleet.host.groups().length, at });
};
process.on('SIGUSR2', () => report(true));
// SIGHUP: the same report without the collection (a forced full GC at the start of a CPU window
// would set off the heap reducer's own collections inside it).
process.on('SIGHUP', () => report(false));

// SIGINT: exit at once without handing anything over (benchmarks; lets --cpu-prof write its profile).
process.on('SIGINT', () => process.exit(0));

let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  void (async () => {
    try {
      await fleet.deactivate({ timeoutMs: 60_000 });
      say({ event: 'deactivated', members: fleet.host.groups().length });
    } catch (e) {
      say({ event: 'deactivate-failed', message: (e as Error).message });
    }
    await fleet.stop();
    await transport.close();
    await storage.close();
    say({ event: 'stopped' });
    process.exit(0);
  })();
});

// Ready once every signal above is handled: a parent that signals the moment it reads this line
// must not meet a signal's default action.
say({ event: 'ready', address: transport.address, pid: process.pid });
