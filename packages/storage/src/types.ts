// The storage contract: one environment per node process holding the Raft state of many groups.
// Writes are batched across groups (group commit); reads are synchronous so the core can call them inline.
import type { ConfState, Entry, HardState, SnapshotMeta } from '@raftfleet/protocol';

/** Everything one batch changes for one group. Fields that are absent are left as they are. */
export interface GroupWrite {
  /** Name of the consensus group. */
  group: string;
  /**
   * Entries to append, contiguous and in index order. When the first one's index is at or below the
   * group's last index, the log from that index on is replaced (the conflicting suffix is truncated first).
   * Entries at or below the compacted index are skipped: they are already covered.
   */
  entries?: readonly Entry[];
  /** New hard state (term, vote, commit). */
  hardState?: HardState;
  /** New membership. */
  confState?: ConfState;
  /** Opaque bytes for the runtime (member id, node address...), replaced as a whole. */
  meta?: Uint8Array;
  /**
   * Drop entries up to and including this index, after `entries` were applied. The term of the index is
   * kept, so `term(compact)` still answers. Must not exceed the last index; at or below the first index is a no-op.
   */
  compact?: number;
}

/** One atomic unit of persistence, for many groups at once. */
export interface WriteBatch {
  /** Per-group changes, applied in order (a group may appear more than once). */
  writes: readonly GroupWrite[];
  /**
   * When true (the default) the promise of `write` resolves only once the batch is on stable storage
   * (fsync). When false it resolves once the batch is applied; it becomes durable with a later durable
   * write or `sync()`.
   */
  durable?: boolean;
}

/** A snapshot being read back: its metadata and its bytes, in chunks, never all in memory at once. */
export interface SnapshotReader {
  /** What the snapshot covers. */
  meta: SnapshotMeta;
  /** Total size of the data in bytes. */
  size: number;
  /** The data, in order; may be iterated once or several times. */
  chunks(): AsyncIterable<Uint8Array>;
}

/** Options of {@link RaftStorage.saveSnapshot}. */
export interface SaveSnapshotOptions {
  /** Hard state to persist atomically with the snapshot. */
  hardState?: HardState;
  /** Membership to persist atomically with the snapshot (typically `meta.conf`). */
  confState?: ConfState;
  /** Runtime metadata to persist atomically with the snapshot. */
  meta?: Uint8Array;
}

/**
 * The Raft state of many groups in one storage environment.
 *
 * A group that was never written reads as empty: first index 1, last index 0, term(0) = 0, a zero hard
 * state and an empty membership. Reads are synchronous and see every write whose promise has resolved;
 * the adapters of this project also show a write to reads as soon as `write` has been called.
 * After `close()` every call throws {@link StorageClosedError}.
 */
export interface RaftStorage {
  /**
   * Applies one batch atomically: either all of it survives a crash or none of it. Resolves when it is
   * durable (or applied, with `durable: false`). Batches issued while an earlier one commits may share its
   * successor's commit. Rejects with {@link InvalidArgumentError} (nothing applied) for a batch that breaks the
   * log's invariants, and with {@link StorageFullError} / {@link StorageFailedError} when the disk says no.
   */
  write(batch: WriteBatch): Promise<void>;
  /** Waits until every write issued so far is durable. */
  sync(): Promise<void>;
  /**
   * Entries in [lo, hi), stopping before the total size of their data would exceed `maxBytes`
   * (default: no limit), but always at least one entry when the range is not empty.
   * Throws {@link CompactedError} when lo < firstIndex and {@link UnavailableError} when hi > lastIndex + 1.
   */
  entries(group: string, lo: number, hi: number, maxBytes?: number): Entry[];
  /**
   * Term of the entry at `index`. The compacted index (firstIndex - 1) answers too, and index 0 answers 0
   * in a group never compacted. Throws {@link CompactedError} / {@link UnavailableError} outside that.
   */
  term(group: string, index: number): number;
  /** Index of the first entry still in the log (compacted index + 1). */
  firstIndex(group: string): number;
  /** Index of the last entry (the compacted index when the log is empty). */
  lastIndex(group: string): number;
  /** The persisted hard state. */
  hardState(group: string): HardState;
  /** The persisted membership. */
  confState(group: string): ConfState;
  /** The runtime's opaque metadata, if any was written. */
  meta(group: string): Uint8Array | undefined;
  /** Metadata of the group's latest snapshot, if it has one. */
  snapshotMeta(group: string): SnapshotMeta | undefined;
  /** Names of all groups that have any state, in no particular order. */
  groups(): string[];
  /** Whether the group has any state. */
  hasGroup(group: string): boolean;
  /**
   * Stores a snapshot of the group's state machine and compacts the log up to `meta.index`: entries
   * beyond it stay when the log holds `meta.index` with `meta.term`, otherwise the log is reset to the
   * snapshot. `data` may arrive in chunks. Resolves when durable. Rejects with {@link StaleSnapshotError}
   * when a newer snapshot is already in place.
   */
  saveSnapshot(
    group: string,
    meta: SnapshotMeta,
    data: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | Uint8Array,
    options?: SaveSnapshotOptions,
  ): Promise<void>;
  /** The group's latest snapshot, or undefined. Its chunks stay readable even if a newer snapshot is saved meanwhile. */
  readSnapshot(group: string): SnapshotReader | undefined;
  /** Drops entries up to `index` (see {@link GroupWrite.compact}); durable when it resolves. */
  compact(group: string, index: number): Promise<void>;
  /** Removes everything of a group; durable when it resolves. */
  deleteGroup(group: string): Promise<void>;
  /** Waits for outstanding writes, then releases the storage. Idempotent. */
  close(): Promise<void>;
}

/** The hard state of a group that never wrote one. */
export function emptyHardState(): HardState {
  return { term: 0, vote: '', commit: 0 };
}

/** The membership of a group that never wrote one. */
export function emptyConfState(): ConfState {
  return { voters: [], learners: [] };
}
