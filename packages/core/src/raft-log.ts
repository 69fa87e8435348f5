// The member's view of its log: the runtime's stable LogReader plus the unstable tail (entries
// and a snapshot not yet persisted), the commit index and the apply cursors.
import type { Entry, Snapshot } from '@raftfleet/protocol';
import type { LogReader } from './api.js';
import { CompactedError, UnavailableError } from './errors.js';

const EMPTY_ENTRIES: Entry[] = [];
/** Most entries, and bytes of entry data, kept in memory after they were persisted (see Unstable.recent). */
const MAX_RECENT_ENTRIES = 1024;
const MAX_RECENT_BYTES = 4 * 1024 * 1024;

/**
 * Entries and snapshot not yet persisted. `offset` is the index of entries[0]; entries before
 * `offsetInProgress` have been handed out in a Ready and are being persisted.
 *
 * Entries leave for `recent` once persisted, and stay there until applied: the commit of an entry
 * follows its persistence by a round trip, and applying it (or sending the next append, which
 * names its term) would otherwise read it straight back from storage. `recent[0]` has index
 * `recentOffset`; the entries are contiguous and end at `offset - 1` when there are any. A bounded
 * copy: what it drops is still in storage.
 */
class Unstable {
  snapshot: Snapshot | undefined = undefined;
  snapshotInProgress = false;
  entries: Entry[] = [];
  offset: number;
  offsetInProgress: number;
  recent: Entry[] = EMPTY_ENTRIES;
  recentOffset = 0;
  private recentBytes = 0;

  constructor(offset: number) {
    this.offset = offset;
    this.offsetInProgress = offset;
  }

  maybeLastIndex(): number | undefined {
    if (this.entries.length > 0) return this.offset + this.entries.length - 1;
    if (this.snapshot !== undefined) return this.snapshot.meta.index;
    return undefined;
  }

  maybeTerm(i: number): number | undefined {
    if (i < this.offset) {
      if (this.snapshot !== undefined && this.snapshot.meta.index === i) return this.snapshot.meta.term;
      return this.recent[i - this.recentOffset]?.term;
    }
    const e = this.entries[i - this.offset];
    return e?.term;
  }

  truncateAndAppend(ents: Entry[]): void {
    const from = (ents[0] as Entry).index;
    const after = this.offset + this.entries.length;
    if (from === after) {
      for (const e of ents) this.entries.push(e);
    } else if (from <= this.offset) {
      // Replace everything: the stable log's suffix from `from` on is superseded too.
      this.offset = from;
      this.entries = ents.slice();
    } else {
      this.entries.length = from - this.offset;
      for (const e of ents) this.entries.push(e);
    }
    if (from < this.offsetInProgress) this.offsetInProgress = from;
    // Persisted entries from `from` on are superseded.
    if (from < this.recentOffset + this.recent.length) this.dropRecentFrom(from);
  }

  stableTo(i: number, t: number): void {
    if (i < this.offset || this.maybeTerm(i) !== t) return;
    const n = i + 1 - this.offset;
    const persisted = this.entries;
    this.entries = n >= persisted.length ? [] : persisted.slice(n);
    this.keepRecent(persisted, n);
    this.offset = i + 1;
    if (this.offsetInProgress < this.offset) this.offsetInProgress = this.offset;
  }

  /** Moves the first `n` of `persisted` (which start at `offset`) to the recent entries. */
  private keepRecent(persisted: Entry[], n: number): void {
    if (this.recentOffset + this.recent.length !== this.offset) this.dropRecentFrom(0);
    if (this.recent.length === 0) {
      this.recentOffset = this.offset;
      // Handed over whole: the unstable part moved on to a fresh array.
      this.recent = n >= persisted.length ? persisted : persisted.slice(0, n);
      for (const e of this.recent) this.recentBytes += e.data.length;
    } else {
      for (let k = 0; k < n; k++) {
        const e = persisted[k] as Entry;
        this.recent.push(e);
        this.recentBytes += e.data.length;
      }
    }
    if (this.recent.length > MAX_RECENT_ENTRIES || this.recentBytes > MAX_RECENT_BYTES) this.dropRecentBelow(this.recentOffset + this.recent.length - MAX_RECENT_ENTRIES / 2);
  }

  /** Forgets recent entries below index `i` (applied, or over the bound). */
  dropRecentBelow(i: number): void {
    const k = i - this.recentOffset;
    if (k <= 0) return;
    if (k >= this.recent.length) {
      this.dropRecentFrom(0);
      return;
    }
    for (let j = 0; j < k; j++) this.recentBytes -= (this.recent[j] as Entry).data.length;
    this.recent = this.recent.slice(k);
    this.recentOffset = i;
  }

  /** Forgets recent entries from index `i` on (every one when `i` is at or below the first). */
  private dropRecentFrom(i: number): void {
    const k = i - this.recentOffset;
    if (k <= 0) {
      this.recent = EMPTY_ENTRIES;
      this.recentBytes = 0;
      return;
    }
    for (let j = k; j < this.recent.length; j++) this.recentBytes -= (this.recent[j] as Entry).data.length;
    this.recent = this.recent.slice(0, k);
  }

  stableSnapTo(i: number): void {
    if (this.snapshot !== undefined && this.snapshot.meta.index === i) {
      this.snapshot = undefined;
      this.snapshotInProgress = false;
    }
  }

  restore(s: Snapshot): void {
    this.offset = s.meta.index + 1;
    this.offsetInProgress = this.offset;
    this.entries = [];
    this.dropRecentFrom(0);
    this.snapshot = s;
    this.snapshotInProgress = false;
  }
}

/** Entries [lo, hi) of `recent` (positions), bounded by maxBytes (at least one). */
function recentSlice(recent: Entry[], lo: number, hi: number, maxBytes: number): Entry[] {
  const out: Entry[] = [];
  let size = 0;
  for (let i = lo; i < hi; i++) {
    const e = recent[i] as Entry;
    size += e.data.length;
    if (out.length > 0 && size > maxBytes) break;
    out.push(e);
  }
  return out;
}

/** The log as the Raft state machine sees it. */
export class RaftLog {
  readonly stable: LogReader;
  readonly unstable: Unstable;
  /** Highest index known committed. */
  committed: number;
  /** Highest index handed out for applying (in a Ready not yet advanced). */
  applying: number;
  /** Highest index applied (acknowledged by advance). */
  applied: number;
  /** The entries the last successful maybeAppend actually wrote (a suffix of what it was given). */
  lastAppended: Entry[] = EMPTY_ENTRIES;

  constructor(stable: LogReader, committed: number, applied: number) {
    this.stable = stable;
    this.unstable = new Unstable(stable.lastIndex() + 1);
    this.committed = committed;
    this.applied = applied;
    this.applying = applied;
  }

  firstIndex(): number {
    const s = this.unstable.snapshot;
    return s !== undefined ? s.meta.index + 1 : this.stable.firstIndex();
  }

  lastIndex(): number {
    return this.unstable.maybeLastIndex() ?? this.stable.lastIndex();
  }

  lastTerm(): number {
    return this.term(this.lastIndex());
  }

  /** Term at `i`; throws CompactedError / UnavailableError like a LogReader. */
  term(i: number): number {
    const t = this.unstable.maybeTerm(i);
    if (t !== undefined) return t;
    if (i >= this.unstable.offset) throw new UnavailableError(i, this.lastIndex());
    const s = this.unstable.snapshot;
    if (s !== undefined && i < s.meta.index) throw new CompactedError(i, s.meta.index + 1);
    return this.stable.term(i);
  }

  /** Term at `i` or 0 when it is not available (compacted or beyond the end). */
  termOrZero(i: number): number {
    try {
      return this.term(i);
    } catch (err) {
      if (err instanceof CompactedError || err instanceof UnavailableError) return 0;
      throw err;
    }
  }

  matchTerm(i: number, t: number): boolean {
    if (i > this.lastIndex()) return false;
    return this.termOrZero(i) === t;
  }

  isUpToDate(lastIndex: number, lastTerm: number): boolean {
    const ourTerm = this.lastTerm();
    return lastTerm > ourTerm || (lastTerm === ourTerm && lastIndex >= this.lastIndex());
  }

  /** Index of the first entry whose term differs from ours, or 0 when all match. */
  findConflict(ents: readonly Entry[]): number {
    for (const e of ents) {
      if (!this.matchTerm(e.index, e.term)) return e.index;
    }
    return 0;
  }

  /**
   * The largest index <= `index` whose term is <= `term` (etcd's findConflictByTerm), with that
   * term. Only used on the rejection path.
   */
  findConflictByTerm(index: number, term: number): { index: number; term: number } {
    for (; index > 0; index--) {
      let t: number;
      try {
        t = this.term(index);
      } catch {
        break;
      }
      if (t <= term) return { index, term: t };
    }
    return { index, term: 0 };
  }

  /**
   * Appends `ents` after (prevIndex, prevTerm) if the log matches there; returns the last new
   * index, or undefined on mismatch. Commit advances to min(commit, last new index).
   */
  maybeAppend(prevIndex: number, prevTerm: number, commit: number, ents: Entry[]): number | undefined {
    if (!this.matchTerm(prevIndex, prevTerm)) return undefined;
    const lastNew = prevIndex + ents.length;
    const ci = this.findConflict(ents);
    this.lastAppended = EMPTY_ENTRIES;
    if (ci !== 0 && ci > this.committed) {
      this.lastAppended = ents.slice(ci - (prevIndex + 1));
      this.append(this.lastAppended);
    }
    // ci <= committed would mean rewriting committed entries: impossible with a correct leader;
    // the caller has already refused appends below the commit index, so it is ignored here.
    this.commitTo(Math.min(commit, lastNew));
    return lastNew;
  }

  append(ents: Entry[]): number {
    if (ents.length > 0) this.unstable.truncateAndAppend(ents);
    return this.lastIndex();
  }

  commitTo(c: number): void {
    if (c > this.committed) {
      const last = this.lastIndex();
      this.committed = c > last ? last : c;
    }
  }

  /** Entries in [lo, hi) from stable and unstable parts, bounded by maxBytes (at least one). */
  slice(lo: number, hi: number, maxBytes: number): Entry[] {
    if (lo >= hi) return [];
    const first = this.firstIndex();
    if (lo < first) throw new CompactedError(lo, first);
    const off = this.unstable.offset;
    let out: Entry[] = [];
    let size = 0;
    if (lo < off) {
      const u = this.unstable;
      const stableHi = Math.min(hi, off);
      out = lo >= u.recentOffset && u.recent.length > 0 ? recentSlice(u.recent, lo - u.recentOffset, stableHi - u.recentOffset, maxBytes) : this.stable.entries(lo, stableHi, maxBytes);
      for (const e of out) size += e.data.length;
      if (out.length < Math.min(hi, off) - lo) return out; // size limit hit in the stable part
    }
    if (hi > off) {
      const ents = this.unstable.entries;
      const start = Math.max(lo, off) - off;
      const end = hi - off;
      for (let i = start; i < end && i < ents.length; i++) {
        const e = ents[i] as Entry;
        size += e.data.length;
        if (out.length > 0 && size > maxBytes) break;
        out.push(e);
      }
    }
    return out;
  }

  /** Whether committed entries are waiting to be handed out for applying. */
  hasNextCommittedEntries(): boolean {
    if (this.unstable.snapshot !== undefined) return false;
    return this.committed > this.applying && this.applying + 1 >= this.firstIndex();
  }

  nextCommittedEntries(maxBytes: number): Entry[] {
    if (!this.hasNextCommittedEntries()) return [];
    return this.slice(this.applying + 1, this.committed + 1, maxBytes);
  }

  hasNextUnstableEntries(): boolean {
    return this.unstable.offsetInProgress < this.unstable.offset + this.unstable.entries.length;
  }

  nextUnstableEntries(): Entry[] {
    const u = this.unstable;
    return u.entries.slice(u.offsetInProgress - u.offset);
  }

  restore(s: Snapshot): void {
    this.committed = s.meta.index;
    this.unstable.restore(s);
  }

  /** The snapshot to send to a lagging follower (pending unstable one first). */
  snapshot(): Snapshot {
    return this.unstable.snapshot ?? this.stable.snapshot();
  }
}
