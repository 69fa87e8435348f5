// The key-value workload: its sequential model for the linearizability checker, and the small
// replicated state machine (with per-client deduplication of retried commands) the simulator runs.
import type { Operation } from './history.js';
import type { Model } from './linearizability.js';

/** Reads a key. */
export interface KvGet {
  /** Discriminant: read. */
  op: 'get';
  /** Key read. */
  key: string;
}

/** Overwrites or appends to a key. */
export interface KvWrite {
  /** Discriminant: overwrite or append. */
  op: 'put' | 'append';
  /** Key written. */
  key: string;
  /** Value written or appended. */
  value: string;
}

/** A key-value operation: read a key, overwrite it, or append to it. */
export type KvInput = KvGet | KvWrite;

/** The answer to a {@link KvInput}: the value read for `get` ('' for a missing key), null for writes. */
export type KvOutput = string | null;

/** The sequential key-value specification, partitioned per key (P-compositionality). */
export const kvModel: Model<string, KvInput, KvOutput> = {
  init: () => '',
  step(state, input, output) {
    switch (input.op) {
      case 'get':
        return { ok: output === undefined || output === state, state };
      case 'put':
        return { ok: true, state: input.value };
      case 'append':
        return { ok: true, state: state + input.value };
      default: {
        const never: never = input;
        throw new Error(`unknown kv operation ${JSON.stringify(never)}`);
      }
    }
  },
  stateKey: (state) => state,
  partition(history: readonly Operation<KvInput, KvOutput>[]) {
    const byKey = new Map<string, Operation<KvInput, KvOutput>[]>();
    for (const op of history) {
      // A read that never returned constrains nothing.
      if (op.input.op === 'get' && op.return === undefined) continue;
      let list = byKey.get(op.input.key);
      if (list === undefined) byKey.set(op.input.key, (list = []));
      list.push(op);
    }
    return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, operations]) => ({ name, operations }));
  },
  describeOperation(input, output) {
    const out = output === undefined ? ' (no answer)' : '';
    switch (input.op) {
      case 'get':
        return `get(${input.key}) -> ${output === undefined ? '?' : JSON.stringify(output)}${output === undefined ? out : ''}`;
      case 'put':
      case 'append':
        return `${input.op}(${input.key}, ${JSON.stringify(input.value)})${out}`;
      default: {
        const never: never = input;
        throw new Error(`unknown kv operation ${JSON.stringify(never)}`);
      }
    }
  },
  describeState: (state) => JSON.stringify(state),
};

/** A write command as it travels through the Raft log: the client's session id and sequence number make retries idempotent. */
export interface KvCommand {
  /** Client session. */
  client: number;
  /** Per-client sequence number; a command with a sequence already applied returns the cached result. */
  seq: number;
  /** The write. */
  input: KvWrite;
}

/** Thrown when bytes in the log or in a snapshot are not a valid command or state. */
export class KvDecodeError extends Error {
  /** Machine-readable error code. */
  readonly code = 'KV_DECODE';
  /** Where the bytes came from ('command' or 'snapshot'). */
  readonly source: 'command' | 'snapshot';

  /** Creates the error for bytes from `source`. */
  constructor(source: 'command' | 'snapshot', message: string) {
    super(message);
    this.name = 'KvDecodeError';
    this.source = source;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Encodes a command for a log entry. */
export function encodeKvCommand(cmd: KvCommand): Uint8Array {
  return encoder.encode(JSON.stringify(cmd));
}

/** Decodes a command from a log entry; throws {@link KvDecodeError} on malformed bytes. */
export function decodeKvCommand(bytes: Uint8Array): KvCommand {
  let v: unknown;
  try {
    v = JSON.parse(decoder.decode(bytes));
  } catch (e) {
    throw new KvDecodeError('command', `not JSON: ${(e as Error).message}`);
  }
  const c = v as Partial<KvCommand> | null;
  if (
    c === null ||
    typeof c !== 'object' ||
    typeof c.client !== 'number' ||
    typeof c.seq !== 'number' ||
    typeof c.input !== 'object' ||
    c.input === null ||
    (c.input.op !== 'put' && c.input.op !== 'append') ||
    typeof c.input.key !== 'string' ||
    typeof c.input.value !== 'string'
  ) {
    throw new KvDecodeError('command', 'not a kv command');
  }
  return c as KvCommand;
}

/**
 * The replicated key-value map. Applying the same sequence of commands on every member yields
 * the same state; a retried command (same client and sequence) is applied once.
 */
export class KvStateMachine {
  private data = new Map<string, string>();
  private sessions = new Map<number, number>();

  /** Applies a write; returns false when it was a duplicate of an already applied command. */
  apply(cmd: KvCommand): boolean {
    const last = this.sessions.get(cmd.client) ?? -1;
    if (cmd.seq <= last) return false;
    this.sessions.set(cmd.client, cmd.seq);
    const { key, value } = cmd.input;
    this.data.set(key, cmd.input.op === 'put' ? value : (this.data.get(key) ?? '') + value);
    return true;
  }

  /** Reads a key ('' when absent). */
  get(key: string): string {
    return this.data.get(key) ?? '';
  }

  /** Serializes the whole state (data and sessions) for a snapshot. */
  snapshot(): Uint8Array {
    const data = [...this.data.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    const sessions = [...this.sessions.entries()].sort(([a], [b]) => a - b);
    return encoder.encode(JSON.stringify({ data, sessions }));
  }

  /** Replaces the state with a snapshot's; throws {@link KvDecodeError} on malformed bytes. */
  restore(bytes: Uint8Array): void {
    if (bytes.length === 0) {
      this.data = new Map();
      this.sessions = new Map();
      return;
    }
    let v: { data?: unknown; sessions?: unknown };
    try {
      v = JSON.parse(decoder.decode(bytes)) as typeof v;
    } catch (e) {
      throw new KvDecodeError('snapshot', `not JSON: ${(e as Error).message}`);
    }
    if (!Array.isArray(v.data) || !Array.isArray(v.sessions)) throw new KvDecodeError('snapshot', 'not a kv snapshot');
    this.data = new Map(v.data as [string, string][]);
    this.sessions = new Map(v.sessions as [number, number][]);
  }

  /** A digest of the state, to compare members cheaply. */
  digest(): string {
    return decoder.decode(this.snapshot());
  }
}
