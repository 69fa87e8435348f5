// Validation and planning shared by adapters: what an append, a compaction or a snapshot does to a
// group's log bounds, decided once here so every backend enforces the same invariants.
import { EntryType, type Entry, type SnapshotMeta } from '@raftfleet/protocol';
import { InvalidArgumentError, StaleSnapshotError, UnavailableError } from './errors.js';

/** Where a group's log starts and ends. */
export interface LogBounds {
  /** Index of the last entry dropped by compaction or covered by a snapshot (0 when none). */
  compactedIndex: number;
  /** Term of the entry at `compactedIndex` (0 when none). */
  compactedTerm: number;
  /** Index of the last entry (equals `compactedIndex` when the log is empty). */
  lastIndex: number;
}

/** The bounds of a group that has no log. */
export function emptyBounds(): LogBounds {
  return { compactedIndex: 0, compactedTerm: 0, lastIndex: 0 };
}

/** What appending a run of entries does to a log. */
export interface AppendPlan {
  /** The entries to store (those at or below the compacted index removed). */
  entries: readonly Entry[];
  /** First index whose stored entry is replaced; entries from here to the old last index go. Undefined when nothing is replaced. */
  truncateFrom: number | undefined;
  /** The old last index. */
  oldLastIndex: number;
  /** The last index afterwards. */
  newLastIndex: number;
}

const ENTRY_TYPES: ReadonlySet<number> = new Set(Object.values(EntryType));

function isIndex(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

const utf8 = new TextEncoder();

/** Checks that a group name is usable: a non-empty string without NUL, at most 1024 bytes of UTF-8 (it is part of keys). */
export function checkGroupName(group: unknown): asserts group is string {
  if (
    typeof group !== 'string' ||
    group.length === 0 ||
    group.includes('\u0000') ||
    (group.length > 341 && utf8.encode(group).byteLength > 1024)
  ) {
    throw new InvalidArgumentError(
      typeof group === 'string' ? group.slice(0, 64) : String(group),
      'group name must be a non-empty string of at most 1024 bytes of UTF-8 without NUL',
    );
  }
}

/**
 * Validates `entries` against a group's bounds and says what appending them does.
 * `termAt` answers the term of a stored index in [compactedIndex, lastIndex].
 * Throws {@link InvalidArgumentError} for malformed entries, a gap, or a term that goes backwards.
 */
export function planAppend(
  group: string,
  bounds: LogBounds,
  entries: readonly Entry[],
  termAt: (index: number) => number,
): AppendPlan {
  const none: AppendPlan = { entries: [], truncateFrom: undefined, oldLastIndex: bounds.lastIndex, newLastIndex: bounds.lastIndex };
  if (entries.length === 0) return none;
  let skip = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as Entry | undefined;
    if (e === null || typeof e !== 'object') throw new InvalidArgumentError(group, `entry ${i} is not an object`);
    if (!isIndex(e.index) || e.index === 0) throw new InvalidArgumentError(group, `entry ${i} has invalid index ${String(e.index)}`);
    if (!isIndex(e.term)) throw new InvalidArgumentError(group, `entry ${e.index} has invalid term ${String(e.term)}`);
    if (!ENTRY_TYPES.has(e.type)) throw new InvalidArgumentError(group, `entry ${e.index} has unknown type ${String(e.type)}`);
    if (!(e.data instanceof Uint8Array)) throw new InvalidArgumentError(group, `entry ${e.index} data is not a Uint8Array`);
    if (i > 0) {
      const prev = entries[i - 1] as Entry;
      if (e.index !== prev.index + 1) {
        throw new InvalidArgumentError(group, `entries are not contiguous: ${prev.index} then ${e.index}`);
      }
      if (e.term < prev.term) throw new InvalidArgumentError(group, `term goes backwards at ${e.index}: ${prev.term} then ${e.term}`);
    }
    if (e.index <= bounds.compactedIndex) skip = i + 1;
  }
  const kept = skip === 0 ? entries : entries.slice(skip);
  const first = kept[0];
  if (first === undefined) return none;
  if (first.index > bounds.lastIndex + 1) {
    throw new InvalidArgumentError(group, `gap: appending at ${first.index} after last index ${bounds.lastIndex}`);
  }
  const prevTerm = termAt(first.index - 1);
  if (first.term < prevTerm) {
    throw new InvalidArgumentError(group, `term goes backwards at ${first.index}: stored ${prevTerm}, appended ${first.term}`);
  }
  const last = kept[kept.length - 1] as Entry;
  return {
    entries: kept,
    truncateFrom: first.index <= bounds.lastIndex ? first.index : undefined,
    oldLastIndex: bounds.lastIndex,
    newLastIndex: last.index,
  };
}

/**
 * Says which entries a compaction drops: [from, to], or undefined when it is a no-op.
 * Throws {@link UnavailableError} when `index` is beyond the last index and {@link InvalidArgumentError} for a bad number.
 */
export function planCompact(group: string, bounds: LogBounds, index: number): { from: number; to: number } | undefined {
  if (!isIndex(index)) throw new InvalidArgumentError(group, `invalid compaction index ${String(index)}`);
  if (index > bounds.lastIndex) throw new UnavailableError(group, index, bounds.lastIndex);
  if (index <= bounds.compactedIndex) return undefined;
  return { from: bounds.compactedIndex + 1, to: index };
}

/** What saving a snapshot does to a log. */
export interface SnapshotPlan {
  /** True when entries after the snapshot's index stay (the log holds its index with its term). */
  keepSuffix: boolean;
  /** Entries [from, to] to drop (empty when from > to). */
  dropFrom: number;
  /** Last index dropped. */
  dropTo: number;
  /** Bounds afterwards. */
  bounds: LogBounds;
}

/** Validates snapshot metadata. Throws {@link InvalidArgumentError}. */
export function checkSnapshotMeta(group: string, meta: SnapshotMeta): void {
  if (meta === null || typeof meta !== 'object') throw new InvalidArgumentError(group, 'snapshot meta is not an object');
  if (!isIndex(meta.index)) throw new InvalidArgumentError(group, `invalid snapshot index ${String(meta.index)}`);
  if (!isIndex(meta.term)) throw new InvalidArgumentError(group, `invalid snapshot term ${String(meta.term)}`);
  if (meta.conf === null || typeof meta.conf !== 'object' || !Array.isArray(meta.conf.voters) || !Array.isArray(meta.conf.learners)) {
    throw new InvalidArgumentError(group, 'snapshot conf must have voters and learners arrays');
  }
}

/**
 * Decides what installing a snapshot does. `currentSnapshotIndex` is the index of the snapshot in place
 * (0 if none). Throws {@link StaleSnapshotError} when the snapshot is older than the one in place or
 * than the compacted part of the log.
 */
export function planSnapshot(
  group: string,
  bounds: LogBounds,
  meta: SnapshotMeta,
  currentSnapshotIndex: number,
  termAt: (index: number) => number,
): SnapshotPlan {
  checkSnapshotMeta(group, meta);
  if (meta.index < currentSnapshotIndex) throw new StaleSnapshotError(group, meta.index, currentSnapshotIndex);
  if (meta.index < bounds.compactedIndex) {
    throw new StaleSnapshotError(group, meta.index, currentSnapshotIndex, `the log is already compacted up to ${bounds.compactedIndex}`);
  }
  const keepSuffix = meta.index <= bounds.lastIndex && termAt(meta.index) === meta.term;
  if (keepSuffix) {
    return {
      keepSuffix,
      dropFrom: bounds.compactedIndex + 1,
      dropTo: meta.index,
      bounds: { compactedIndex: meta.index, compactedTerm: meta.term, lastIndex: bounds.lastIndex },
    };
  }
  return {
    keepSuffix,
    dropFrom: bounds.compactedIndex + 1,
    dropTo: bounds.lastIndex,
    bounds: { compactedIndex: meta.index, compactedTerm: meta.term, lastIndex: meta.index },
  };
}

/** Checks the arguments of a range read. Throws {@link InvalidArgumentError} for non-integers or lo > hi. */
export function checkRange(group: string, lo: number, hi: number): void {
  if (!isIndex(lo) || !isIndex(hi) || lo > hi) throw new InvalidArgumentError(group, `invalid range [${lo}, ${hi})`);
}

/**
 * Turns the `data` argument of `saveSnapshot` into an async iterable of chunks.
 * Throws {@link InvalidArgumentError} for data that is not bytes or an iterable of byte chunks.
 */
export async function* snapshotChunks(
  group: string,
  data: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | Uint8Array,
): AsyncGenerator<Uint8Array> {
  if (data instanceof Uint8Array) {
    yield data;
    return;
  }
  const iterable = data as Partial<AsyncIterable<Uint8Array> & Iterable<Uint8Array>> | null;
  if (iterable === null || typeof iterable !== 'object' || (typeof iterable[Symbol.asyncIterator] !== 'function' && typeof iterable[Symbol.iterator] !== 'function')) {
    throw new InvalidArgumentError(group, 'snapshot data must be a Uint8Array or an iterable of Uint8Array chunks');
  }
  for await (const chunk of data as AsyncIterable<Uint8Array>) {
    if (!(chunk instanceof Uint8Array)) throw new InvalidArgumentError(group, 'snapshot chunks must be Uint8Array');
    yield chunk;
  }
}

/** Validates the non-log parts of a group write (hard state, membership, metadata, compaction index). Throws {@link InvalidArgumentError}. */
export function checkGroupWrite(w: {
  group: string;
  hardState?: unknown;
  confState?: unknown;
  meta?: unknown;
  compact?: unknown;
}): void {
  checkGroupName(w.group);
  const group = w.group;
  if (w.hardState !== undefined) {
    const hs = w.hardState as { term?: unknown; vote?: unknown; commit?: unknown } | null;
    if (hs === null || typeof hs !== 'object' || !isIndex(hs.term) || !isIndex(hs.commit) || typeof hs.vote !== 'string') {
      throw new InvalidArgumentError(group, 'hard state needs integer term and commit >= 0 and a string vote');
    }
  }
  if (w.confState !== undefined) {
    const c = w.confState as { voters?: unknown; learners?: unknown } | null;
    const ok = (a: unknown): boolean => Array.isArray(a) && a.every((m) => typeof m === 'string');
    if (c === null || typeof c !== 'object' || !ok(c.voters) || !ok(c.learners)) {
      throw new InvalidArgumentError(group, 'membership needs voters and learners as arrays of strings');
    }
  }
  if (w.meta !== undefined && !(w.meta instanceof Uint8Array)) throw new InvalidArgumentError(group, 'meta must be a Uint8Array');
  if (w.compact !== undefined && !isIndex(w.compact)) throw new InvalidArgumentError(group, `invalid compaction index ${String(w.compact)}`);
}
