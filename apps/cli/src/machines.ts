// State machines every `raftfleet node` registers out of the box: the replica examples (counter,
// queue) plus a key-value map and a lock table with leases. Deterministic: time comes in commands.
import { Decoder, Encoder } from '@msgpack/msgpack';
import { counterMachine, queueMachine, type Codec, type StateMachine } from '@raftfleet/replica';

/**
 * Standard msgpack (no extension types, maps as plain objects): what the client SDK speaks, so
 * commands and results of these machines cross the client protocol unchanged.
 */
export const standardMsgpack: Codec<any> = standardMsgpackCodec();

// One encoder and decoder: @msgpack/msgpack's encode() and decode() functions build a new one
// (with its buffers) on every call. Encoder.encode returns a copy the caller owns.
function standardMsgpackCodec(): Codec<any> {
  const encoder = new Encoder({ ignoreUndefined: true });
  const decoder = new Decoder();
  return { name: 'msgpack', encode: (value) => encoder.encode(value), decode: (bytes) => decoder.decode(bytes) };
}

/** Commands of {@link kvMachine}. */
export type KvCommand =
  | { op: 'set'; key: string; value: unknown }
  | { op: 'delete'; key: string }
  | { op: 'cas'; key: string; expected: unknown; value: unknown };
/** Queries of {@link kvMachine}. */
export type KvQuery = { op: 'get'; key: string } | { op: 'keys' } | { op: 'size' } | { op: 'all' };

type KvState = Readonly<Record<string, unknown>>;

function key(k: unknown): string {
  if (typeof k !== 'string' || k === '') throw new TypeError('key must be a non-empty string');
  return k;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * A replicated key-value map. `set` returns the previous value (or null), `delete` whether the key
 * existed, `cas` whether the value matched `expected` (null for "absent") and was replaced.
 */
export const kvMachine: StateMachine<KvState, KvCommand, unknown, KvQuery, unknown> = {
  name: 'kv',
  codec: standardMsgpack,
  init: () => ({}),
  command(state, cmd) {
    switch (cmd.op) {
      case 'set': {
        const k = key(cmd.key);
        return { result: state[k] ?? null, state: { ...state, [k]: cmd.value ?? null } };
      }
      case 'delete': {
        const k = key(cmd.key);
        if (!Object.hasOwn(state, k)) return { result: false, state };
        const { [k]: _gone, ...rest } = state;
        return { result: true, state: rest };
      }
      case 'cas': {
        const k = key(cmd.key);
        if (!sameValue(state[k], cmd.expected)) return { result: false, state };
        return { result: true, state: { ...state, [k]: cmd.value ?? null } };
      }
      default: {
        const never: never = cmd;
        throw new TypeError(`unknown kv command ${JSON.stringify(never)}`);
      }
    }
  },
  query(state, q) {
    switch (q.op) {
      case 'get':
        return state[key(q.key)] ?? null;
      case 'keys':
        return Object.keys(state).sort();
      case 'size':
        return Object.keys(state).length;
      case 'all':
        return { ...state };
      default: {
        const never: never = q;
        throw new TypeError(`unknown kv query ${JSON.stringify(never)}`);
      }
    }
  },
};

/** One held lock: who holds it and until when (ms since the epoch, as the callers' clocks say). */
export interface Lease {
  owner: string;
  expiresAt: number;
  /** Increases every time the lock changes hands: a fencing token. */
  token: number;
}

/** Commands of {@link lockMachine}; `now` is the caller's clock, so every member decides alike. */
export type LockCommand =
  | { op: 'acquire'; lock: string; owner: string; ttlMs: number; now: number }
  | { op: 'renew'; lock: string; owner: string; ttlMs: number; now: number }
  | { op: 'release'; lock: string; owner: string };
/** Result of a lock command. */
export type LockResult = { ok: true; lease: Lease } | { ok: false; holder: Lease | null };
/** Queries of {@link lockMachine}. */
export type LockQuery = { op: 'holder'; lock: string; now: number } | { op: 'held'; now: number };

interface LockState {
  leases: Readonly<Record<string, Lease>>;
  tokens: number;
}

function positive(n: unknown, what: string): number {
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) throw new TypeError(`${what} must be a positive number`);
  return n;
}

function live(lease: Lease | undefined, now: number): Lease | undefined {
  return lease !== undefined && lease.expiresAt > now ? lease : undefined;
}

/**
 * A lock table with leases: a lock is free once its lease expired, so a crashed holder cannot keep
 * it forever; each new holder gets a larger fencing token.
 */
export const lockMachine: StateMachine<LockState, LockCommand, LockResult, LockQuery, unknown> = {
  name: 'locks',
  codec: standardMsgpack,
  init: () => ({ leases: {}, tokens: 0 }),
  command(state, cmd) {
    const lock = key(cmd.lock);
    const owner = key(cmd.owner);
    switch (cmd.op) {
      case 'acquire': {
        const now = positive(cmd.now, 'now');
        const current = live(state.leases[lock], now);
        if (current !== undefined && current.owner !== owner) return { result: { ok: false, holder: current }, state };
        const token = current?.token ?? state.tokens + 1;
        const lease: Lease = { owner, expiresAt: now + positive(cmd.ttlMs, 'ttlMs'), token };
        return { result: { ok: true, lease }, state: { leases: { ...state.leases, [lock]: lease }, tokens: Math.max(state.tokens, token) } };
      }
      case 'renew': {
        const now = positive(cmd.now, 'now');
        const current = live(state.leases[lock], now);
        if (current === undefined || current.owner !== owner) return { result: { ok: false, holder: current ?? null }, state };
        const lease: Lease = { ...current, expiresAt: now + positive(cmd.ttlMs, 'ttlMs') };
        return { result: { ok: true, lease }, state: { ...state, leases: { ...state.leases, [lock]: lease } } };
      }
      case 'release': {
        const current = state.leases[lock];
        if (current === undefined || current.owner !== owner) return { result: { ok: false, holder: current ?? null }, state };
        const { [lock]: _gone, ...rest } = state.leases;
        return { result: { ok: true, lease: current }, state: { ...state, leases: rest } };
      }
      default: {
        const never: never = cmd;
        throw new TypeError(`unknown lock command ${JSON.stringify(never)}`);
      }
    }
  },
  query(state, q) {
    switch (q.op) {
      case 'holder':
        return live(state.leases[key(q.lock)], positive(q.now, 'now')) ?? null;
      case 'held': {
        const now = positive(q.now, 'now');
        return Object.entries(state.leases)
          .filter(([, l]) => l.expiresAt > now)
          .map(([lock, l]) => ({ lock, ...l }));
      }
      default: {
        const never: never = q;
        throw new TypeError(`unknown lock query ${JSON.stringify(never)}`);
      }
    }
  },
};

/** Machines registered by every `raftfleet node`, by name. */
export const builtinMachines: Readonly<Record<string, StateMachine<any, any, any, any, any>>> = {
  counter: { ...counterMachine, codec: standardMsgpack },
  queue: { ...queueMachine, codec: standardMsgpack },
  kv: kvMachine,
  locks: lockMachine,
};
