// `raftfleet node`: one fleet node process — LMDB storage, TCP transport, the built-in machines —
// that announces itself on stdout and, on SIGTERM, deactivates (hands its members off) before stopping.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pino, type Logger } from 'pino';
import { Fleet } from '@raftfleet/fleet';
import type { StateMachine } from '@raftfleet/replica';
import { openLmdbStorage } from '@raftfleet/storage-lmdb';
import { TcpTransport, type TcpTransportOptions } from '@raftfleet/transport-tcp';
import { CliError, EXIT, UsageError } from './exit-codes.js';
import { builtinMachines } from './machines.js';

/** Validated settings of one node process. */
export interface NodeSettings {
  id: string;
  zone: string;
  listen: { host: string; port: number };
  advertise: string | undefined;
  join: Array<{ id: string; address: string }>;
  dataDir: string;
  clusterId: string;
  secret: string;
  tls: { cert: string; key: string; ca: string | undefined } | undefined;
  logLevel: 'silent' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  machinesModule: string | undefined;
  heartbeatMs: number | undefined;
  purgeAfterMs: number | undefined;
  sweepMs: number | undefined;
  /** Membership changes the node runs at once as leader (the fleet's rebalancing rate limit); undefined: the fleet's default. */
  maxConcurrentChanges: number | undefined;
  tickMs: number | undefined;
  shutdownTimeoutMs: number;
  /** Where to serve Prometheus metrics (GET /metrics), if anywhere. */
  metrics: { host: string; port: number } | undefined;
}

async function loadMachines(module: string | undefined): Promise<Record<string, StateMachine<any, any, any, any, any>>> {
  const machines: Record<string, StateMachine<any, any, any, any, any>> = { ...builtinMachines };
  if (module === undefined) return machines;
  let exports: Record<string, unknown>;
  try {
    exports = (await import(pathToFileURL(resolve(module)).href)) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError('--machines', `cannot load ${module}: ${(error as Error).message}`);
  }
  const found = Object.values(exports).filter(
    (m): m is StateMachine<any, any, any, any, any> =>
      typeof m === 'object' && m !== null && typeof (m as StateMachine).name === 'string' && typeof (m as StateMachine).init === 'function' && typeof (m as StateMachine).command === 'function',
  );
  if (found.length === 0) throw new UsageError('--machines', `${module} exports no state machine (objects with name, init, command, query)`);
  for (const m of found) machines[m.name] = m;
  return machines;
}

/** Writes one JSON line to stdout: the machine-readable events a supervisor (the demo) reads. */
function announce(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ ...event, time: Date.now() })}\n`);
}

/**
 * Takes SIGTERM and SIGINT from now on: the first resolves `requested` with its name, a second exits
 * the process at once. `dispose` gives the signals back to their default handling.
 */
function takeStopSignals(log: Logger): { requested: Promise<string>; dispose: () => void } {
  let first: string | undefined;
  let resolveRequested: (signal: string) => void = () => {};
  const requested = new Promise<string>((resolveSignal) => (resolveRequested = resolveSignal));
  const onSignal = (signal: string): void => {
    if (first !== undefined) {
      // A second signal: stop now, without waiting for the hand-off.
      log.warn({ signal }, 'second signal: stopping without deactivating');
      process.exit(EXIT.failure);
    }
    first = signal;
    resolveRequested(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return {
    requested,
    dispose: () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    },
  };
}

/**
 * Runs a node until SIGTERM/SIGINT; resolves with the exit code. The signals are taken before
 * anything starts: one that comes while the node starts, or the moment it announces `ready`,
 * stops it with the hand-off once it is up, instead of killing it half-way.
 */
export async function runNode(s: NodeSettings): Promise<number> {
  const log: Logger = pino({ level: s.logLevel, base: { node: s.id } }, pino.destination(2));
  const signals = takeStopSignals(log);
  try {
    return await serveNode(s, log, signals.requested);
  } finally {
    signals.dispose();
  }
}

async function serveNode(s: NodeSettings, log: Logger, stopRequested: Promise<string>): Promise<number> {
  const machines = await loadMachines(s.machinesModule);
  try {
    mkdirSync(s.dataDir, { recursive: true });
  } catch (error) {
    throw new UsageError('--data-dir', `cannot create ${s.dataDir}: ${(error as Error).message}`);
  }
  const tcp: TcpTransportOptions = { nodeId: s.id, clusterId: s.clusterId, secret: s.secret, listen: s.listen, logger: log.child({ layer: 'transport' }) };
  if (s.advertise !== undefined) tcp.advertiseAddress = s.advertise;
  if (s.tls !== undefined) {
    const [cert, key, ca] = await Promise.all([readFile(s.tls.cert), readFile(s.tls.key), s.tls.ca !== undefined ? readFile(s.tls.ca) : undefined]);
    tcp.tls = { cert, key, ...(ca !== undefined ? { ca, mutual: true } : {}) };
  }
  const storage = await openLmdbStorage({ path: s.dataDir }).catch((error: Error) => {
    throw new CliError(`cannot open the data directory ${s.dataDir}: ${error.message}`, EXIT.failure, 'ERR_STORAGE');
  });
  const transport = new TcpTransport(tcp);
  let fleet: Fleet;
  try {
    fleet = await Fleet.start({
      nodeId: s.id,
      zone: s.zone,
      transport,
      storage,
      seeds: s.join,
      machines,
      logger: log.child({ layer: 'fleet' }),
      ...(s.heartbeatMs !== undefined ? { heartbeatMs: s.heartbeatMs } : {}),
      ...(s.purgeAfterMs !== undefined ? { purgeAfterMs: s.purgeAfterMs } : {}),
      ...(s.sweepMs !== undefined ? { sweepMs: s.sweepMs } : {}),
      ...(s.maxConcurrentChanges !== undefined ? { maxConcurrentChanges: s.maxConcurrentChanges } : {}),
      ...(s.tickMs !== undefined ? { host: { tickMs: s.tickMs } } : {}),
    });
  } catch (error) {
    await transport.close().catch(() => {});
    await storage.close().catch(() => {});
    throw new CliError(`node ${s.id} could not start: ${(error as Error).message}`, EXIT.unavailable, 'ERR_START');
  }
  let metricsServer: Server | undefined;
  if (s.metrics !== undefined) {
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      fleet.metrics().then(
        (text) => res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(text),
        (error: unknown) => res.writeHead(500).end(String(error)),
      );
    });
    await new Promise<void>((ok, fail) => {
      server.once('error', (error) => fail(new UsageError('--metrics', `cannot listen: ${error.message}`)));
      server.listen(s.metrics!.port, s.metrics!.host, () => ok());
    });
    metricsServer = server;
  }
  announce({ event: 'ready', id: s.id, zone: s.zone, address: transport.address, pid: process.pid, machines: Object.keys(machines) });
  log.info({ address: transport.address, zone: s.zone }, 'node ready');

  const signal = await stopRequested;
  announce({ event: 'deactivating', id: s.id, signal });
  let code: number = EXIT.ok;
  try {
    await fleet.deactivate({ timeoutMs: s.shutdownTimeoutMs });
    announce({ event: 'deactivated', id: s.id });
  } catch (error) {
    code = EXIT.unavailable;
    log.error({ err: error }, 'deactivation did not finish; stopping anyway');
    announce({ event: 'deactivate-failed', id: s.id, message: (error as Error).message });
  }
  metricsServer?.close();
  await fleet.stop().catch((error: unknown) => log.error({ err: error }, 'fleet stop failed'));
  await transport.close().catch(() => {});
  await storage.close().catch(() => {});
  announce({ event: 'stopped', id: s.id });
  return code;
}
