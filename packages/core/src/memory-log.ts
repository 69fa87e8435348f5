// A pure in-memory stable log (etcd's MemoryStorage): what tests and the simulator persist into,
// and a reference for what any LogReader must answer.
import type { ConfState, Entry, HardState, MemberId, Snapshot } from '@raftfleet/protocol';
import type { InitialState, LogReader } from './api.js';
import { CompactedError, LogMutationError, UnavailableError } from './errors.js';

/** How to build a {@link MemoryLog}. */
export interface MemoryLogInit {
  /** Initial membership (ignored when `snapshot` is given). */
  conf?: ConfState;
  /** Start from this snapshot (as after a restore). */
  snapshot?: Snapshot;
  /** Initial hard state. */
  hardState?: HardState;
}

const EMPTY = new Uint8Array(0);

/**
 * In-memory `LogReader` with the mutators a runtime uses to persist a Ready: `append`,
 * `setHardState`, `setConf`, `applySnapshot`; and compaction with `createSnapshot` + `compact`.
 * Entries are kept in an array whose slot 0 stands for the snapshot (index and term only).
 */
export class MemoryLog implements LogReader {
  private ents: Entry[];
  private hard: HardState;
  private conf: ConfState;
  private snap: Snapshot;

  /** An empty log whose initial membership is `voters` (and optionally `learners`). */
  static withVoters(voters: MemberId[], learners: MemberId[] = []): MemoryLog {
    return new MemoryLog({ conf: { voters: [...voters], learners: [...learners] } });
  }

  /** @param init - initial membership, snapshot or hard state; default an empty log with no members. */
  constructor(init: MemoryLogInit = {}) {
    const snapshot: Snapshot = init.snapshot ?? {
      meta: { index: 0, term: 0, conf: init.conf ?? { voters: [], learners: [] } },
      data: EMPTY,
    };
    this.snap = snapshot;
    this.conf = cloneConf(snapshot.meta.conf);
    this.ents = [{ index: snapshot.meta.index, term: snapshot.meta.term, type: 0, data: EMPTY }];
    this.hard = init.hardState ?? { term: snapshot.meta.term, vote: '', commit: snapshot.meta.index };
  }

  /** {@inheritDoc LogReader.initialState} */
  initialState(): InitialState {
    return { hardState: { ...this.hard }, conf: cloneConf(this.conf) };
  }

  /** {@inheritDoc LogReader.entries} */
  entries(lo: number, hi: number, maxBytes: number): Entry[] {
    const offset = this.offset();
    if (lo <= offset) throw new CompactedError(lo, offset + 1);
    if (hi > this.lastIndex() + 1) throw new UnavailableError(hi - 1, this.lastIndex());
    const out: Entry[] = [];
    let size = 0;
    for (let i = lo; i < hi; i++) {
      const e = this.ents[i - offset] as Entry;
      size += e.data.length;
      if (out.length > 0 && size > maxBytes) break;
      out.push(e);
    }
    return out;
  }

  /** {@inheritDoc LogReader.term} */
  term(index: number): number {
    const offset = this.offset();
    if (index < offset) throw new CompactedError(index, offset + 1);
    const e = this.ents[index - offset];
    if (e === undefined) throw new UnavailableError(index, this.lastIndex());
    return e.term;
  }

  /** {@inheritDoc LogReader.firstIndex} */
  firstIndex(): number {
    return this.offset() + 1;
  }

  /** {@inheritDoc LogReader.lastIndex} */
  lastIndex(): number {
    return this.offset() + this.ents.length - 1;
  }

  /** {@inheritDoc LogReader.snapshot} */
  snapshot(): Snapshot {
    return this.snap;
  }

  /** The hard state as last persisted. */
  hardState(): HardState {
    return { ...this.hard };
  }

  /** Persists the hard state. */
  setHardState(hs: HardState): void {
    this.hard = { term: hs.term, vote: hs.vote, commit: hs.commit };
  }

  /** Persists the membership in effect (as of the applied index). */
  setConf(conf: ConfState): void {
    this.conf = cloneConf(conf);
  }

  /**
   * Appends entries, replacing any conflicting suffix from `entries[0].index` on. Entries at or
   * below the snapshot index are skipped; a gap after the last index throws `LogMutationError`.
   */
  append(entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    const offset = this.offset();
    const first = (entries[0] as Entry).index;
    const last = first + entries.length - 1;
    if (last <= offset) return;
    if (first > this.lastIndex() + 1) {
      throw new LogMutationError(first, `gap: last index is ${this.lastIndex()}`);
    }
    const skip = first <= offset ? offset + 1 - first : 0;
    const at = first + skip - offset;
    this.ents.length = at; // truncate the conflicting (or equal) suffix
    for (let i = skip; i < entries.length; i++) this.ents.push(entries[i] as Entry);
  }

  /**
   * Replaces the whole log by a snapshot received from the leader. A snapshot older than the
   * current one is refused with `LogMutationError`.
   */
  applySnapshot(snapshot: Snapshot): void {
    if (snapshot.meta.index < this.snap.meta.index) {
      throw new LogMutationError(snapshot.meta.index, `older than current snapshot ${this.snap.meta.index}`);
    }
    this.snap = snapshot;
    this.conf = cloneConf(snapshot.meta.conf);
    this.ents = [{ index: snapshot.meta.index, term: snapshot.meta.term, type: 0, data: EMPTY }];
    if (this.hard.commit < snapshot.meta.index) this.hard = { ...this.hard, commit: snapshot.meta.index };
  }

  /**
   * Records a snapshot of the state machine as of `index` (which must be in the log), with the
   * membership `conf` in effect at that index. Does not drop entries: call `compact` for that.
   */
  createSnapshot(index: number, conf: ConfState, data: Uint8Array): Snapshot {
    if (index <= this.snap.meta.index) {
      throw new LogMutationError(index, `not newer than current snapshot ${this.snap.meta.index}`);
    }
    if (index > this.lastIndex()) throw new LogMutationError(index, `beyond last index ${this.lastIndex()}`);
    this.snap = { meta: { index, term: this.term(index), conf: cloneConf(conf) }, data };
    return this.snap;
  }

  /**
   * Drops entries up to and including `index`, which must not exceed the latest snapshot's index
   * (so a lagging follower can always be caught up by that snapshot).
   */
  compact(index: number): void {
    const offset = this.offset();
    if (index <= offset) return;
    if (index > this.snap.meta.index) {
      throw new LogMutationError(index, `compaction beyond the snapshot index ${this.snap.meta.index}`);
    }
    const e = this.ents[index - offset] as Entry;
    const rest = this.ents.slice(index - offset + 1);
    this.ents = [{ index, term: e.term, type: 0, data: EMPTY }, ...rest];
  }

  private offset(): number {
    return (this.ents[0] as Entry).index;
  }
}

function cloneConf(c: ConfState): ConfState {
  return { voters: [...c.voters], learners: [...c.learners] };
}
