// A deliberately naive in-memory model of RaftStorage semantics (plain arrays, no cleverness),
// against which the property tests compare an adapter after random sequences of operations.
import type { ConfState, Entry, HardState, SnapshotMeta } from '@raftfleet/protocol';

/** One group in the model. */
export interface ModelGroup {
  /** Entries after the compacted index, in order. */
  log: Entry[];
  /** Index of the last compacted entry. */
  compactedIndex: number;
  /** Its term. */
  compactedTerm: number;
  /** Hard state, if written. */
  hardState: HardState | undefined;
  /** Membership, if written. */
  confState: ConfState | undefined;
  /** Runtime metadata, if written. */
  meta: Uint8Array | undefined;
  /** Snapshot, if saved. */
  snapshot: { meta: SnapshotMeta; data: Uint8Array } | undefined;
}

/** The model: a map of groups. */
export class StorageModel {
  /** Groups by name. */
  readonly groups = new Map<string, ModelGroup>();

  /** The group, created empty when absent. */
  group(name: string): ModelGroup {
    let g = this.groups.get(name);
    if (g === undefined) {
      g = {
        log: [],
        compactedIndex: 0,
        compactedTerm: 0,
        hardState: undefined,
        confState: undefined,
        meta: undefined,
        snapshot: undefined,
      };
      this.groups.set(name, g);
    }
    return g;
  }

  /** Last index of a group. */
  lastIndex(name: string): number {
    const g = this.groups.get(name);
    if (g === undefined) return 0;
    return g.compactedIndex + g.log.length;
  }

  /** Term at an index, or undefined outside [compacted, last]. */
  term(name: string, index: number): number | undefined {
    const g = this.groups.get(name);
    if (g === undefined) return index === 0 ? 0 : undefined;
    if (index === g.compactedIndex) return g.compactedTerm;
    return g.log[index - g.compactedIndex - 1]?.term;
  }

  /** Appends (entries already validated by the caller to be contiguous and without gap). */
  append(name: string, entries: Entry[]): void {
    const g = this.group(name);
    for (const e of entries) {
      if (e.index <= g.compactedIndex) continue;
      const pos = e.index - g.compactedIndex - 1;
      g.log.length = Math.min(g.log.length, pos);
      g.log.push(e);
    }
  }

  /** Drops entries up to `index` (which must be ≤ last). */
  compact(name: string, index: number): void {
    const g = this.group(name);
    if (index <= g.compactedIndex) return;
    const term = this.term(name, index) as number;
    g.log = g.log.slice(index - g.compactedIndex);
    g.compactedIndex = index;
    g.compactedTerm = term;
  }

  /** Installs a snapshot (already checked not to be stale). */
  snapshot(name: string, meta: SnapshotMeta, data: Uint8Array): void {
    const g = this.group(name);
    if (this.term(name, meta.index) === meta.term && meta.index <= this.lastIndex(name)) {
      this.compact(name, meta.index);
    } else {
      g.log = [];
      g.compactedIndex = meta.index;
      g.compactedTerm = meta.term;
    }
    g.snapshot = { meta, data };
  }
}
