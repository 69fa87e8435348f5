// Host options, their defaults and their validation: everything a Host is configured with,
// checked once at construction so a bad value fails loudly rather than at the first election.
import type { Logger, RaftConfig, RaftNode } from '@raftfleet/core';
import { ConfigError } from './errors.js';
import type { RaftStorage } from '@raftfleet/storage';
import type { Transport } from '@raftfleet/transport';
import type { Wire } from './ports.js';
import { isTransport, wireFromTransport } from './wire.js';
import type { GroupHooks } from './replica.js';
import type { StateMachine } from './state-machine.js';

/** Time source and interval timer of a host; replaced by a virtual clock in simulations. */
export interface Clock {
  /** Milliseconds (epoch or virtual). */
  now(): number;
  /**
   * Milliseconds from an arbitrary origin that never jumps (the wall clock may be set back or
   * forward); the leader's stamps of log time run on it. Default: `now()`.
   */
  monotonic?(): number;
  /** Calls `fn` every `ms` milliseconds until cleared. */
  setInterval(fn: () => void, ms: number): unknown;
  /** Stops an interval. */
  clearInterval(handle: unknown): void;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setInterval: (fn, ms) => {
    const h = setInterval(fn, ms);
    h.unref?.();
    return h;
  },
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};

/** Options of a {@link Host}. */
export interface HostOptions {
  /** This node's id; must not contain '/'. */
  nodeId: string;
  /** The node's Raft storage (shared by all members on this node). */
  storage: RaftStorage;
  /** The node's transport (a @raftfleet/transport Transport, or anything implementing {@link Wire}). */
  transport: Transport | Wire;
  /** Milliseconds per Raft tick. Default 50. */
  tickMs?: number;
  /** Election timeout in ticks. Default 10. */
  electionTicks?: number;
  /** Leader heartbeat interval in ticks; must be below half the election timeout. Default 1. */
  heartbeatTicks?: number;
  /** Idle ticks after which a caught-up member stops ticking (a leader whose followers all have the commit index, and a follower that has applied everything, stop at once); below electionTicks. Default 2*heartbeatTicks+2. */
  quiesceTicks?: number;
  /** Ticks without a reply from a node after which it counts as down. Default electionTicks. */
  nodeDownTicks?: number;
  /** Maximum encoded size of one command. Default 1 MiB. */
  maxCommandBytes?: number;
  /** Retained command results per group (for exactly-once retries). Default 10,000. */
  maxRetainedResults?: number;
  /** Take a snapshot once this many entries were applied since the last one. Default 10,000. */
  snapshotEntries?: number;
  /** Take a snapshot once this many bytes of entries were applied since the last one. Default 64 MiB. */
  snapshotBytes?: number;
  /** Size of the chunks a snapshot is streamed in. Default 256 KiB. */
  snapshotChunkBytes?: number;
  /** Timeout of operations without an explicit deadline, in ms. Default 5,000. */
  defaultTimeoutMs?: number;
  /** State machines by name, used to restore groups found in storage at start. */
  machines?: StateMachine<any, any, any, any, any>[];
  /** Seed of the election-timeout randomness. Default: random. */
  seed?: number;
  /** Clock; default the system clock. */
  clock?: Clock;
  /**
   * Extra Raft settings passed to every member's core (maxSizePerMsg, maxInflightMsgs, ...). The host
   * sets `maxCommittedSizePerReady` to 64 KiB unless given here, so one pass applies a bounded amount.
   */
  raft?: Partial<Omit<RaftConfig, 'id' | 'log' | 'rng' | 'electionTick' | 'heartbeatTick' | 'applied' | 'logger'>>;
  /** Builds the Raft core of a member. Default: `new RawNode(config)` from @raftfleet/core. */
  createCore?: (config: RaftConfig) => RaftNode;
  /** Structured logger. Default: silent. */
  logger?: Logger;
  /** Hooks of groups that come back from storage at start (and of groups created without `hooks`). */
  groupHooks?: (group: string) => GroupHooks;
}

/** Options after defaults. */
export type ResolvedHostOptions = Required<Omit<HostOptions, 'raft' | 'createCore' | 'machines' | 'seed' | 'logger' | 'transport' | 'groupHooks'>> & {
  transport: Wire;
  raft: HostOptions['raft'] | undefined;
  createCore: HostOptions['createCore'] | undefined;
  machines: Map<string, StateMachine<any, any, any, any, any>>; seed: number; logger: Logger };

const silent: Logger = { debug() {}, info() {}, warn() {} };

function positiveInt(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new ConfigError(name, `must be a positive integer, got ${String(value)}`);
  return value;
}

/** Applies defaults and validates; throws {@link ConfigError}. */
export function resolveHostOptions(o: HostOptions): ResolvedHostOptions {
  if (typeof o !== 'object' || o === null) throw new ConfigError('options', 'must be an object');
  if (typeof o.nodeId !== 'string' || o.nodeId === '' || o.nodeId.includes('/')) {
    throw new ConfigError('nodeId', 'must be a non-empty string without "/"');
  }
  if (o.storage === undefined || o.storage === null) throw new ConfigError('storage', 'is required');
  if (o.transport === undefined || o.transport === null) throw new ConfigError('transport', 'is required');
  const tickMs = positiveInt('tickMs', o.tickMs ?? 50);
  const electionTicks = positiveInt('electionTicks', o.electionTicks ?? 10);
  const heartbeatTicks = positiveInt('heartbeatTicks', o.heartbeatTicks ?? 1);
  if (heartbeatTicks * 2 >= electionTicks) {
    throw new ConfigError('heartbeatTicks', `must be below half of electionTicks (${electionTicks}), got ${heartbeatTicks}`);
  }
  const quiesceTicks = positiveInt('quiesceTicks', o.quiesceTicks ?? heartbeatTicks * 2 + 2);
  if (quiesceTicks >= electionTicks) throw new ConfigError('quiesceTicks', `must be below electionTicks (${electionTicks})`);
  if (quiesceTicks <= heartbeatTicks) throw new ConfigError('quiesceTicks', `must be above heartbeatTicks (${heartbeatTicks})`);
  const machines = new Map<string, StateMachine<any, any, any, any, any>>();
  for (const m of o.machines ?? []) {
    if (typeof m?.name !== 'string' || m.name === '') throw new ConfigError('machines', 'every state machine needs a name');
    machines.set(m.name, m);
  }
  const seed = o.seed ?? Math.floor(Math.random() * 2 ** 32);
  if (!Number.isSafeInteger(seed)) throw new ConfigError('seed', 'must be an integer');
  return {
    nodeId: o.nodeId,
    storage: o.storage,
    transport: isTransport(o.transport) ? wireFromTransport(o.transport) : o.transport,
    tickMs,
    electionTicks,
    heartbeatTicks,
    quiesceTicks,
    nodeDownTicks: positiveInt('nodeDownTicks', o.nodeDownTicks ?? electionTicks),
    maxCommandBytes: positiveInt('maxCommandBytes', o.maxCommandBytes ?? 1024 * 1024),
    maxRetainedResults: positiveInt('maxRetainedResults', o.maxRetainedResults ?? 10_000),
    snapshotEntries: positiveInt('snapshotEntries', o.snapshotEntries ?? 10_000),
    snapshotBytes: positiveInt('snapshotBytes', o.snapshotBytes ?? 64 * 1024 * 1024),
    snapshotChunkBytes: positiveInt('snapshotChunkBytes', o.snapshotChunkBytes ?? 256 * 1024),
    defaultTimeoutMs: positiveInt('defaultTimeoutMs', o.defaultTimeoutMs ?? 5_000),
    machines,
    seed,
    clock: o.clock ?? systemClock,
    raft: o.raft,
    createCore: o.createCore,
    logger: o.logger ?? silent,
  };
}
