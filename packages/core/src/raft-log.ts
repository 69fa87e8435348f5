// The member's view of its log: the runtime's stable LogReader plus the unstable tail (entries
// and a snapshot not yet persisted), the commit index and the apply cursors.
import type { Entry, Snapshot } from '@raftfleet/protocol';
import type { LogReader } from './api.js';
import { CompactedError, UnavailableError } from './errors.js';

const EMPTY_ENTRIES: Entry[] = [];

/**
 * Entries and snapshot not yet persisted. `offset` is the index of entries[0]; entries before
 * `offsetInProgress` have been handed out in a Ready and are being persisted.
 */
class Unstable {
  snapshot: Snapshot | undefined = undefined;
  snapshotInProgress = false;
  entries: Entry[] = [];
  offset: number;
  offsetInProgress: number;

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
      return undefined;
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
  }

  stableTo(i: number, t: number): void {
    const gt = this.maybeTerm(i);
    if (gt === undefined || gt !== t || i < this.offset) return;
    const n = i + 1 - this.offset;
    this.entries = n >= this.entries.length ? [] : this.entries.slice(n);
    this.offset = i + 1;
    if (this.offsetInProgress < this.offset) this.offsetInProgress = this.offset;
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
    this.snapshot = s;
    this.snapshotInProgress = false;
  }
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
    // With nothing unstable, the stable log ends just before the unstable part would begin: the
    // runtime persists only what a Ready hands it, so the stable reader need not be asked.
    return this.unstable.maybeLastIndex() ?? this.unstable.offset - 1;
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
      out = this.stable.entries(lo, Math.min(hi, off), maxBytes);
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
