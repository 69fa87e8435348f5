// Fleet options, their defaults and their validation: checked once, in the constructor, so a bad
// value fails loudly with the option's name instead of misbehaving minutes later.
import type { HostOptions, StateMachine } from '@raftfleet/replica';
import type { RaftStorage } from '@raftfleet/storage';
import type { Transport } from '@raftfleet/transport';
import type { Logger as PinoLogger } from 'pino';
import { FleetConfigError } from './errors.js';

/** A seed node: another fleet node to ask for the cluster registry when joining. */
export interface Seed {
  /** The seed's node id. */
  readonly id: string;
  /** The seed's transport address (host:port, or mem://id for the in-memory transport). */
  readonly address: string;
}

/** Options of a {@link Fleet} node. */
export interface FleetOptions {
  /** This node's id, unique in the cluster; no '/' (it prefixes member ids). */
  nodeId: string;
  /** Failure domain of this node (used by `activate()` when no zone is given). */
  zone: string;
  /** The node's transport (already created; the fleet starts it when it is not listening yet). */
  transport: Transport;
  /** The node's Raft storage, shared by every member on this node. */
  storage: RaftStorage;
  /** Other nodes to find the cluster through: `{ id, address }` or `"id@address"`. */
  seeds?: ReadonlyArray<Seed | string>;
  /** State machines by name, as {@link Fleet.registerMachine} would register them. */
  machines?: Readonly<Record<string, StateMachine<any, any, any, any, any>>>;
  /** Settings passed to the replica Host (tickMs, electionTicks, snapshotEntries, clock, ...). */
  host?: Partial<Omit<HostOptions, 'nodeId' | 'storage' | 'transport' | 'machines' | 'logger'>>;
  /** Interval of the per-node heartbeats, in ms. Default 500. */
  heartbeatMs?: number;
  /** A node not heard from for this long counts as unreachable, in ms. Default 4 × heartbeatMs. */
  unreachableAfterMs?: number;
  /** Grace period after which an unreachable node is purged from the registry, in ms. Default 30,000. */
  purgeAfterMs?: number;
  /** Interval of registry refreshes on every node, in ms. Default 500. */
  refreshMs?: number;
  /** Interval of the full rebalancing sweep, in ms. Default 2,000. */
  sweepMs?: number;
  /** Membership changes this node runs at once as leader (the rebalancing rate limit). Default 4. */
  maxConcurrentChanges?: number;
  /** Replica count of the registry's own group. Default 3. */
  registryReplicas?: number;
  /** Deadline of commands, queries and registry calls without an explicit one, in ms. Default 5,000. */
  defaultTimeoutMs?: number;
  /** How long `activate()` keeps looking for (or waiting to create) the registry, in ms. Default 30,000. */
  joinTimeoutMs?: number;
  /** A pino logger; default a silent one (`logLevel` sets the level of the default). */
  logger?: PinoLogger;
  /** Level of the default logger. Default 'silent'. */
  logLevel?: 'silent' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
}

/** Options after defaults. */
export interface ResolvedFleetOptions {
  nodeId: string;
  zone: string;
  transport: Transport;
  storage: RaftStorage;
  seeds: Seed[];
  machines: Record<string, StateMachine<any, any, any, any, any>>;
  host: NonNullable<FleetOptions['host']>;
  heartbeatMs: number;
  unreachableAfterMs: number;
  purgeAfterMs: number;
  refreshMs: number;
  sweepMs: number;
  maxConcurrentChanges: number;
  registryReplicas: number;
  defaultTimeoutMs: number;
  joinTimeoutMs: number;
  logger: PinoLogger | undefined;
  logLevel: NonNullable<FleetOptions['logLevel']>;
}

const LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

function positiveInt(name: string, value: unknown, fallback: number): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) throw new FleetConfigError(name, `must be a positive integer, got ${String(v)}`);
  return v;
}

function name(option: string, value: unknown): string {
  if (typeof value !== 'string' || value === '' || value.length > 256 || /[\u0000-\u001f/]/.test(value)) {
    throw new FleetConfigError(option, 'must be a non-empty printable string of at most 256 characters without "/"');
  }
  return value;
}

/** Parses a seed given as `{ id, address }` or `"id@address"`. */
export function parseSeed(seed: Seed | string, option = 'seeds'): Seed {
  if (typeof seed === 'string') {
    const at = seed.indexOf('@');
    if (at <= 0 || at === seed.length - 1) throw new FleetConfigError(option, `seed "${seed}" must look like id@address`);
    return { id: name(option, seed.slice(0, at)), address: seed.slice(at + 1) };
  }
  if (typeof seed !== 'object' || seed === null) throw new FleetConfigError(option, 'every seed must be { id, address } or "id@address"');
  if (typeof seed.address !== 'string' || seed.address === '') throw new FleetConfigError(option, `seed ${String(seed.id)} needs an address`);
  return { id: name(option, seed.id), address: seed.address };
}

/** Applies defaults and validates; throws {@link FleetConfigError}. */
export function resolveFleetOptions(o: FleetOptions): ResolvedFleetOptions {
  if (typeof o !== 'object' || o === null) throw new FleetConfigError('options', 'must be an object');
  const nodeId = name('nodeId', o.nodeId);
  if (nodeId.startsWith('client-')) throw new FleetConfigError('nodeId', 'ids starting with "client-" are reserved for clients');
  const zone = name('zone', o.zone);
  const t = o.transport as Partial<Transport> | undefined;
  if (t === undefined || t === null || typeof t.request !== 'function' || typeof t.onRequest !== 'function' || typeof t.send !== 'function') {
    throw new FleetConfigError('transport', 'must be a @raftfleet/transport Transport');
  }
  if (t.nodeId !== nodeId) throw new FleetConfigError('transport', `belongs to node ${String(t.nodeId)}, not ${nodeId}`);
  const s = o.storage as Partial<RaftStorage> | undefined;
  if (s === undefined || s === null || typeof s.write !== 'function' || typeof s.groups !== 'function') {
    throw new FleetConfigError('storage', 'must be a @raftfleet/storage RaftStorage');
  }
  if (o.seeds !== undefined && !Array.isArray(o.seeds)) throw new FleetConfigError('seeds', 'must be an array');
  const seeds = (o.seeds ?? []).map((seed) => parseSeed(seed)).filter((seed) => seed.id !== nodeId);
  const machines: Record<string, StateMachine<any, any, any, any, any>> = {};
  for (const [key, m] of Object.entries(o.machines ?? {})) {
    if (typeof m?.init !== 'function' || typeof m.command !== 'function' || typeof m.query !== 'function') {
      throw new FleetConfigError(`machines.${key}`, 'must be a state machine (init, command, query)');
    }
    machines[name(`machines.${key}`, key)] = m;
  }
  const heartbeatMs = positiveInt('heartbeatMs', o.heartbeatMs, 500);
  const unreachableAfterMs = positiveInt('unreachableAfterMs', o.unreachableAfterMs, 4 * heartbeatMs);
  if (unreachableAfterMs <= heartbeatMs) throw new FleetConfigError('unreachableAfterMs', `must be above heartbeatMs (${heartbeatMs})`);
  const purgeAfterMs = positiveInt('purgeAfterMs', o.purgeAfterMs, 30_000);
  if (purgeAfterMs < unreachableAfterMs) throw new FleetConfigError('purgeAfterMs', `must be at least unreachableAfterMs (${unreachableAfterMs})`);
  const logLevel = o.logLevel ?? 'silent';
  if (!LEVELS.includes(logLevel)) throw new FleetConfigError('logLevel', `must be one of ${LEVELS.join(', ')}`);
  const registryReplicas = positiveInt('registryReplicas', o.registryReplicas, 3);
  if (registryReplicas > 15) throw new FleetConfigError('registryReplicas', 'must be at most 15');
  if (o.host !== undefined && (typeof o.host !== 'object' || o.host === null)) throw new FleetConfigError('host', 'must be an object');
  return {
    nodeId,
    zone,
    transport: o.transport,
    storage: o.storage,
    seeds,
    machines,
    host: o.host ?? {},
    heartbeatMs,
    unreachableAfterMs,
    purgeAfterMs,
    refreshMs: positiveInt('refreshMs', o.refreshMs, 500),
    sweepMs: positiveInt('sweepMs', o.sweepMs, 2_000),
    maxConcurrentChanges: positiveInt('maxConcurrentChanges', o.maxConcurrentChanges, 4),
    registryReplicas,
    defaultTimeoutMs: positiveInt('defaultTimeoutMs', o.defaultTimeoutMs, 5_000),
    joinTimeoutMs: positiveInt('joinTimeoutMs', o.joinTimeoutMs, 30_000),
    logger: o.logger,
    logLevel,
  };
}
