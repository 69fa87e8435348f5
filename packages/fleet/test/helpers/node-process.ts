// A fleet node in its own process, over TCP and LMDB, for the multi-process tests and benchmarks.
// Arguments come as one JSON object in argv[2]; it prints one JSON line per event on stdout and
// deactivates on SIGTERM, reports its resource usage on SIGUSR2.
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
  ...(process.env['FLEET_LOG'] ? { logLevel: process.env['FLEET_LOG'] as 'info' } : {}),
});
say({ event: 'ready', address: transport.address, pid: process.pid });

// SIGUSR2: report CPU time, live memory (after a full collection when gc is exposed) and member
// counts (benchmarks sample these).
process.on('SIGUSR2', () => {
  const cpu = process.cpuUsage(); // before the collection, which is not the node's own work
  const at = Date.now();
  (globalThis as { gc?: () => void }).gc?.();
  say({ event: 'usage', cpu, memory: process.memoryUsage(), members: fleet.host.groups().length, at });
});

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
