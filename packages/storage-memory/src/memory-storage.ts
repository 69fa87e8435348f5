// RaftStorage in memory with an explicit line between what is applied and what is durable, so a
// simulator can crash a node and lose exactly the writes that were not yet synced.
import type { ConfState, Entry, HardState, SnapshotMeta } from '@raftfleet/protocol';
import {
  CompactedError,
  InvalidArgumentError,
  StorageClosedError,
  StorageInUseError,
  UnavailableError,
  checkGroupName,
  checkGroupWrite,
  checkRange,
  emptyConfState,
  emptyHardState,
  planAppend,
  planCompact,
  planSnapshot,
  snapshotChunks,
  type GroupWrite,
  type LogBounds,
  type RaftStorage,
  type SaveSnapshotOptions,
  type SnapshotReader,
  type WriteBatch,
} from '@raftfleet/storage';

interface StoredSnapshot {
  meta: SnapshotMeta;
  chunks: readonly Uint8Array[];
  size: number;
}

interface GroupState {
  /** Entries after the compacted index. */
  log: Entry[];
  compactedIndex: number;
  compactedTerm: number;
  hardState: HardState | undefined;
  confState: ConfState | undefined;
  meta: Uint8Array | undefined;
  snapshot: StoredSnapshot | undefined;
}

type State = Map<string, GroupState>;

/** A change applied first to the volatile view, later (on flush) to the durable one. */
type Op =
  | { kind: 'append'; group: string; entries: readonly Entry[] }
  | { kind: 'set'; group: string; hardState?: HardState; confState?: ConfState; meta?: Uint8Array }
  | { kind: 'compact'; group: string; index: number }
  | { kind: 'snapshot'; group: string; snapshot: StoredSnapshot; keepSuffix: boolean }
  | { kind: 'delete'; group: string };

function newGroup(): GroupState {
  return { log: [], compactedIndex: 0, compactedTerm: 0, hardState: undefined, confState: undefined, meta: undefined, snapshot: undefined };
}

function groupOf(state: State, group: string): GroupState {
  let g = state.get(group);
  if (g === undefined) {
    g = newGroup();
    state.set(group, g);
  }
  return g;
}

function lastIndexOf(g: GroupState): number {
  return g.compactedIndex + g.log.length;
}

function termIn(g: GroupState, index: number): number | undefined {
  if (index === g.compactedIndex) return g.compactedTerm;
  return g.log[index - g.compactedIndex - 1]?.term;
}

function applyOp(state: State, op: Op): void {
  switch (op.kind) {
    case 'append': {
      const g = groupOf(state, op.group);
      const first = op.entries[0];
      if (first === undefined) return;
      g.log.length = Math.min(g.log.length, first.index - g.compactedIndex - 1);
      for (const e of op.entries) g.log.push(e);
      return;
    }
    case 'set': {
      const g = groupOf(state, op.group);
      if (op.hardState !== undefined) g.hardState = op.hardState;
      if (op.confState !== undefined) g.confState = op.confState;
      if (op.meta !== undefined) g.meta = op.meta;
      return;
    }
    case 'compact': {
      const g = groupOf(state, op.group);
      if (op.index <= g.compactedIndex) return;
      const term = termIn(g, op.index) ?? 0;
      g.log = g.log.slice(op.index - g.compactedIndex);
      g.compactedIndex = op.index;
      g.compactedTerm = term;
      return;
    }
    case 'snapshot': {
      const g = groupOf(state, op.group);
      const { index, term } = op.snapshot.meta;
      if (op.keepSuffix) {
        g.log = g.log.slice(index - g.compactedIndex);
      } else {
        g.log = [];
      }
      g.compactedIndex = index;
      g.compactedTerm = term;
      g.snapshot = op.snapshot;
      return;
    }
    case 'delete':
      state.delete(op.group);
      return;
    default: {
      const never: never = op;
      throw new Error(`unknown op ${JSON.stringify(never)}`);
    }
  }
}

function cloneState(state: State): State {
  const out: State = new Map();
  for (const [name, g] of state) out.set(name, { ...g, log: g.log.slice() });
  return out;
}

function copyBytes(b: Uint8Array): Uint8Array {
  return new Uint8Array(b);
}

function copyEntry(e: Entry): Entry {
  return Object.freeze({ index: e.index, term: e.term, type: e.type, data: copyBytes(e.data) });
}

function copyConf(c: ConfState): ConfState {
  return { voters: [...c.voters], learners: [...c.learners] };
}

/**
 * The durable side of a {@link MemoryStorage}: what survives `crash()`. Keep it and pass it to
 * {@link MemoryStorage.open} to "restart the node".
 */
export class MemoryDisk {
  /** @internal The durable state. */
  state: State = new Map();
  /** @internal The storage currently open on this disk. */
  openedBy: MemoryStorage | undefined;
  /** Number of flushes so far (how many times something was made durable). */
  flushes = 0;
}

/** Options of {@link MemoryStorage.open}. */
export interface MemoryStorageOptions {
  /**
   * When true (the default) writes are made durable at the end of the current microtask turn, merged
   * with every other write of that turn. When false nothing becomes durable until `flush()` or `sync()`
   * is called: a simulator decides exactly what a crash loses.
   */
  autoSync?: boolean;
}

interface Pending {
  op: Op[];
  resolve: () => void;
  reject: (error: unknown) => void;
  /** Whether anyone waits for this one to be durable. */
  durable: boolean;
}

/** An in-memory {@link RaftStorage} that can simulate a crash. */
export class MemoryStorage implements RaftStorage {
  /** The durable side, to reopen from after a crash. */
  readonly disk: MemoryDisk;
  private readonly autoSync: boolean;
  private volatile: State;
  private pending: Pending[] = [];
  private flushScheduled = false;
  private closed = false;

  private constructor(disk: MemoryDisk, options: MemoryStorageOptions) {
    this.disk = disk;
    this.autoSync = options.autoSync ?? true;
    this.volatile = cloneState(disk.state);
  }

  /**
   * Opens a storage on `disk` (a new empty disk by default) with the disk's durable state.
   * Throws {@link StorageInUseError} when another storage is open on the same disk.
   */
  static open(disk: MemoryDisk = new MemoryDisk(), options: MemoryStorageOptions = {}): MemoryStorage {
    if (disk.openedBy !== undefined && !disk.openedBy.closed) throw new StorageInUseError('memory', process.pid);
    const s = new MemoryStorage(disk, options);
    disk.openedBy = s;
    return s;
  }

  /** Number of writes applied but not yet durable. */
  pendingWrites(): number {
    return this.pending.length;
  }

  /**
   * Makes the first `count` pending writes (all by default) durable and resolves their promises.
   * This is the simulator's fsync.
   */
  flush(count = this.pending.length): void {
    const done = this.pending.splice(0, Math.max(0, Math.min(count, this.pending.length)));
    if (done.length === 0) return;
    for (const p of done) for (const op of p.op) applyOp(this.disk.state, op);
    this.disk.flushes++;
    for (const p of done) p.resolve();
  }

  /**
   * Simulates a crash: every write not yet durable is lost, the storage is closed, and pending promises
   * reject with {@link StorageClosedError}. Reopen with `MemoryStorage.open(storage.disk)`.
   */
  crash(): void {
    if (this.closed) return;
    this.closed = true;
    const lost = this.pending;
    this.pending = [];
    this.volatile = new Map();
    if (this.disk.openedBy === this) this.disk.openedBy = undefined;
    for (const p of lost) p.reject(new StorageClosedError('memory'));
  }

  private check(): void {
    if (this.closed) throw new StorageClosedError('memory');
  }

  private enqueue(ops: Op[], durable: boolean): Promise<void> {
    for (const op of ops) applyOp(this.volatile, op);
    if (!durable) {
      // Applied now; durable with the next flush.
      this.pending.push({ op: ops, resolve: () => {}, reject: () => {}, durable: false });
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ op: ops, resolve, reject, durable: true });
      if (this.autoSync && !this.flushScheduled) {
        this.flushScheduled = true;
        queueMicrotask(() => {
          this.flushScheduled = false;
          if (!this.closed) this.flush();
        });
      }
    });
  }

  private bounds(group: string): LogBounds {
    const g = this.volatile.get(group);
    if (g === undefined) return { compactedIndex: 0, compactedTerm: 0, lastIndex: 0 };
    return { compactedIndex: g.compactedIndex, compactedTerm: g.compactedTerm, lastIndex: lastIndexOf(g) };
  }

  write(batch: WriteBatch): Promise<void> {
    try {
      this.check();
      const ops = this.plan(batch);
      return this.enqueue(ops, batch.durable !== false);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Validates the whole batch against a scratch copy of the touched groups, so a bad batch changes nothing. */
  private plan(batch: WriteBatch): Op[] {
    if (batch === null || typeof batch !== 'object' || !Array.isArray(batch.writes)) {
      throw new InvalidArgumentError('', 'a batch needs a writes array');
    }
    const scratch: State = new Map();
    const view = (group: string): GroupState => {
      let g = scratch.get(group);
      if (g === undefined) {
        const cur = this.volatile.get(group);
        g = cur === undefined ? newGroup() : { ...cur, log: cur.log.slice() };
        scratch.set(group, g);
      }
      return g;
    };
    const ops: Op[] = [];
    for (const w of batch.writes as readonly GroupWrite[]) {
      checkGroupWrite(w);
      const g = view(w.group);
      const push = (op: Op): void => {
        applyOp(scratch, op);
        ops.push(op);
      };
      if (w.entries !== undefined) {
        if (!Array.isArray(w.entries)) throw new InvalidArgumentError(w.group, 'entries must be an array');
        const b = { compactedIndex: g.compactedIndex, compactedTerm: g.compactedTerm, lastIndex: lastIndexOf(g) };
        const plan = planAppend(w.group, b, w.entries, (i) => termIn(g, i) ?? 0);
        if (plan.entries.length > 0) push({ kind: 'append', group: w.group, entries: plan.entries.map(copyEntry) });
      }
      if (w.hardState !== undefined || w.confState !== undefined || w.meta !== undefined) {
        const op: Op = { kind: 'set', group: w.group };
        if (w.hardState !== undefined) op.hardState = { term: w.hardState.term, vote: w.hardState.vote, commit: w.hardState.commit };
        if (w.confState !== undefined) op.confState = copyConf(w.confState);
        if (w.meta !== undefined) op.meta = copyBytes(w.meta);
        push(op);
      }
      if (w.compact !== undefined) {
        const b = { compactedIndex: g.compactedIndex, compactedTerm: g.compactedTerm, lastIndex: lastIndexOf(g) };
        if (planCompact(w.group, b, w.compact) !== undefined) push({ kind: 'compact', group: w.group, index: w.compact });
      }
    }
    return ops;
  }

  sync(): Promise<void> {
    if (this.closed) return Promise.reject(new StorageClosedError('memory'));
    this.flush();
    return Promise.resolve();
  }

  entries(group: string, lo: number, hi: number, maxBytes = Number.POSITIVE_INFINITY): Entry[] {
    this.check();
    checkRange(group, lo, hi);
    const b = this.bounds(group);
    if (lo <= b.compactedIndex) throw new CompactedError(group, lo, b.compactedIndex + 1);
    if (hi > b.lastIndex + 1) throw new UnavailableError(group, hi - 1, b.lastIndex);
    const g = this.volatile.get(group);
    if (g === undefined || lo === hi) return [];
    const out: Entry[] = [];
    let size = 0;
    for (let i = lo; i < hi; i++) {
      const e = g.log[i - g.compactedIndex - 1] as Entry;
      size += e.data.byteLength;
      if (out.length > 0 && size > maxBytes) break;
      out.push(e);
    }
    return out;
  }

  term(group: string, index: number): number {
    this.check();
    checkRange(group, index, index);
    const b = this.bounds(group);
    if (index < b.compactedIndex) throw new CompactedError(group, index, b.compactedIndex + 1);
    if (index > b.lastIndex) throw new UnavailableError(group, index, b.lastIndex);
    const g = this.volatile.get(group);
    return g === undefined ? 0 : (termIn(g, index) ?? 0);
  }

  firstIndex(group: string): number {
    this.check();
    return this.bounds(group).compactedIndex + 1;
  }

  lastIndex(group: string): number {
    this.check();
    return this.bounds(group).lastIndex;
  }

  hardState(group: string): HardState {
    this.check();
    const hs = this.volatile.get(group)?.hardState;
    return hs === undefined ? emptyHardState() : { ...hs };
  }

  confState(group: string): ConfState {
    this.check();
    const c = this.volatile.get(group)?.confState;
    return c === undefined ? emptyConfState() : copyConf(c);
  }

  meta(group: string): Uint8Array | undefined {
    this.check();
    const m = this.volatile.get(group)?.meta;
    return m === undefined ? undefined : copyBytes(m);
  }

  snapshotMeta(group: string): SnapshotMeta | undefined {
    this.check();
    const s = this.volatile.get(group)?.snapshot;
    return s === undefined ? undefined : { index: s.meta.index, term: s.meta.term, conf: copyConf(s.meta.conf) };
  }

  groups(): string[] {
    this.check();
    return [...this.volatile.keys()];
  }

  hasGroup(group: string): boolean {
    this.check();
    return this.volatile.has(group);
  }

  async saveSnapshot(
    group: string,
    meta: SnapshotMeta,
    data: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | Uint8Array,
    options: SaveSnapshotOptions = {},
  ): Promise<void> {
    this.check();
    checkGroupWrite({ group, ...options });
    // Fail early for a stale snapshot, before reading the data.
    planSnapshot(group, this.bounds(group), meta, this.volatile.get(group)?.snapshot?.meta.index ?? 0, (i) => this.termOrZero(group, i));
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const c of snapshotChunks(group, data)) {
      chunks.push(copyBytes(c));
      size += c.byteLength;
    }
    this.check();
    const current = this.volatile.get(group)?.snapshot?.meta.index ?? 0;
    const plan = planSnapshot(group, this.bounds(group), meta, current, (i) => this.termOrZero(group, i));
    const snapshot: StoredSnapshot = { meta: { index: meta.index, term: meta.term, conf: copyConf(meta.conf) }, chunks, size };
    const ops: Op[] = [{ kind: 'snapshot', group, snapshot, keepSuffix: plan.keepSuffix }];
    if (options.hardState !== undefined || options.confState !== undefined || options.meta !== undefined) {
      const set: Op = { kind: 'set', group };
      if (options.hardState !== undefined) set.hardState = { ...options.hardState };
      if (options.confState !== undefined) set.confState = copyConf(options.confState);
      if (options.meta !== undefined) set.meta = copyBytes(options.meta);
      ops.push(set);
    }
    return this.enqueue(ops, true);
  }

  private termOrZero(group: string, index: number): number {
    const g = this.volatile.get(group);
    return g === undefined ? 0 : (termIn(g, index) ?? 0);
  }

  readSnapshot(group: string): SnapshotReader | undefined {
    this.check();
    const s = this.volatile.get(group)?.snapshot;
    if (s === undefined) return undefined;
    const chunks = s.chunks;
    return {
      meta: { index: s.meta.index, term: s.meta.term, conf: copyConf(s.meta.conf) },
      size: s.size,
      async *chunks() {
        for (const c of chunks) yield copyBytes(c);
      },
    };
  }

  compact(group: string, index: number): Promise<void> {
    return this.write({ writes: [{ group, compact: index }] });
  }

  deleteGroup(group: string): Promise<void> {
    try {
      this.check();
      checkGroupName(group);
      if (!this.volatile.has(group)) return Promise.resolve();
      return this.enqueue([{ kind: 'delete', group }], true);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Flushes everything pending (a clean shutdown), then closes. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    if (this.disk.openedBy === this) this.disk.openedBy = undefined;
  }
}
