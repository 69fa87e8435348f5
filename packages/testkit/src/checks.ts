// Raft's safety properties checked incrementally while a simulation runs: election safety, log
// matching, leader completeness and state machine safety, using hash chains over each member's log.
import type { Entry, MemberId } from '@raftfleet/protocol';

/** Which property a violation breaks. */
export type ViolationKind =
  | 'electionSafety'
  | 'logMatching'
  | 'leaderCompleteness'
  | 'committedChanged'
  | 'stateMachineSafety'
  | 'applyOrder'
  | 'linearizability'
  | 'liveness'
  | 'coreError';

/** A broken safety or liveness property, with the member and index involved when there is one. */
export class SafetyViolation extends Error {
  /** Machine-readable error code. */
  readonly code = 'SAFETY_VIOLATION';
  /** The property broken. */
  readonly kind: ViolationKind;
  /** Member involved, or '' when the violation is global. */
  readonly node: MemberId;

  /** Creates a violation of `kind` observed at `node`. */
  constructor(kind: ViolationKind, node: MemberId, message: string) {
    super(`${kind}: ${message}`);
    this.name = 'SafetyViolation';
    this.kind = kind;
    this.node = node;
  }
}

const entryHashes = new WeakMap<Entry, number>();

/** 32-bit hash of an entry's term, type and data (cached per entry object). */
function entryHash(e: Entry): number {
  let h = entryHashes.get(e);
  if (h !== undefined) return h;
  h = 0x811c9dc5 ^ e.term;
  h = Math.imul(h, 0x01000193) ^ e.type;
  h = Math.imul(h, 0x01000193);
  const d = e.data;
  for (let i = 0; i < d.length; i++) {
    h ^= d[i]!;
    h = Math.imul(h, 0x01000193);
  }
  h >>>= 0;
  entryHashes.set(e, h);
  return h;
}

/** Extends a 53-bit hash chain by one entry: equal chains at an index mean equal prefixes (up to collisions). */
function chainNext(prev: number, e: Entry): number {
  const eh = entryHash(e);
  const hi = Math.floor(prev / 2097152) >>> 0;
  const lo = prev % 2097152;
  let a = Math.imul(hi ^ eh, 0x9e3779b1) ^ e.index;
  a = Math.imul(a ^ (a >>> 15), 0x85ebca6b) >>> 0;
  let b = Math.imul(lo ^ Math.imul(eh, 0xc2b2ae35), 0x27d4eb2f) ^ e.term;
  b = (Math.imul(b ^ (b >>> 13), 0x165667b1) >>> 0) & 0x1fffff;
  return a * 2097152 + b;
}

interface MemberView {
  /** Chain hash of the persisted log by absolute index (holes below the snapshot). */
  chain: number[];
  /** Index of the latest snapshot (chain[snapIndex] may be unknown = NaN). */
  snapIndex: number;
  lastApplied: number;
}

/**
 * Incremental checker of Raft's safety properties. The simulator reports what each member
 * persists, commits, applies and when it becomes leader; the checker throws
 * {@link SafetyViolation} at the first contradiction.
 */
export class SafetyChecker {
  private readonly members = new Map<MemberId, MemberView>();
  private readonly leaders = new Map<number, MemberId>();
  /** Chain hash seen for `${index}/${term}` on any member: log matching across members. */
  private readonly chainAt = new Map<string, number>();
  private readonly committedChain: number[] = [];
  private readonly committedTerm: number[] = [];
  private maxCommitted = 0;
  private readonly applied: number[] = [];

  /** Leaders seen so far by term. */
  leadersByTerm(): ReadonlyMap<number, MemberId> {
    return this.leaders;
  }

  /** Highest index known to be committed. */
  get committedIndex(): number {
    return this.maxCommitted;
  }

  private view(node: MemberId): MemberView {
    let v = this.members.get(node);
    if (v === undefined) {
      v = { chain: [0], snapIndex: 0, lastApplied: 0 };
      this.members.set(node, v);
    }
    return v;
  }

  /** A member (re)starts from a persisted snapshot position and log: its chain is rebuilt from them. */
  restarted(node: MemberId, snapIndex: number, snapTerm: number, entries: readonly Entry[]): void {
    const v = this.view(node);
    v.chain = [];
    v.snapIndex = snapIndex;
    v.chain[snapIndex] = snapIndex === 0 ? 0 : (this.chainAt.get(`${snapIndex}/${snapTerm}`) ?? Number.NaN);
    v.lastApplied = snapIndex;
    this.persisted(node, entries);
  }

  /** A member persisted `entries` (replacing any suffix from the first one's index). */
  persisted(node: MemberId, entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    const v = this.view(node);
    if (entries[0]!.index <= v.snapIndex) {
      // The part at or below the snapshot is skipped by the log too.
      entries = entries.filter((e) => e.index > v.snapIndex);
      if (entries.length === 0) return;
    }
    const first = entries[0]!.index;
    const before = v.chain[first - 1];
    if (before === undefined) throw new SafetyViolation('logMatching', node, `append at ${first} leaves a gap (no entry at ${first - 1})`);
    let prev: number = before;
    v.chain.length = first;
    for (const e of entries) {
      const c: number = Number.isNaN(prev) ? Number.NaN : chainNext(prev, e);
      v.chain[e.index] = c;
      prev = c;
      if (Number.isNaN(c)) continue;
      const key = `${e.index}/${e.term}`;
      const seen = this.chainAt.get(key);
      if (seen === undefined) this.chainAt.set(key, c);
      else if (seen !== c) {
        throw new SafetyViolation('logMatching', node, `entry ${key} on ${node} follows a different log prefix than the same index/term on another member`);
      }
    }
  }

  /** A member installed a snapshot covering up to `index` (of `term`). */
  installedSnapshot(node: MemberId, index: number, term: number): void {
    const v = this.view(node);
    v.chain = [];
    v.chain[index] = this.chainAt.get(`${index}/${term}`) ?? Number.NaN;
    v.snapIndex = index;
    v.lastApplied = Math.max(v.lastApplied, index);
  }

  /** A member compacted its log up to `index` (its snapshot now ends there). */
  compacted(node: MemberId, index: number): void {
    const v = this.view(node);
    if (index > v.snapIndex) v.snapIndex = index;
  }

  /** A member persisted commit index `commit` while in `term`. */
  committed(node: MemberId, commit: number, term: number): void {
    if (commit === 0) return;
    const v = this.view(node);
    const c = v.chain[commit];
    if (c === undefined || Number.isNaN(c)) return;
    const known = this.committedChain[commit];
    if (known !== undefined && known !== c) {
      throw new SafetyViolation('committedChanged', node, `${node} committed a different entry at ${commit} than was committed before`);
    }
    for (let i = this.maxCommitted + 1; i <= commit; i++) {
      const ci = v.chain[i];
      if (ci === undefined || Number.isNaN(ci)) break;
      this.committedChain[i] = ci;
      this.committedTerm[i] = term;
      this.maxCommitted = i;
    }
  }

  /** A member became leader of `term`. */
  becameLeader(node: MemberId, term: number): void {
    const prior = this.leaders.get(term);
    if (prior !== undefined && prior !== node) {
      throw new SafetyViolation('electionSafety', node, `two leaders in term ${term}: ${prior} and ${node}`);
    }
    this.leaders.set(term, node);
    // Leader completeness: every entry committed in an earlier term is in the new leader's log.
    let i = this.maxCommitted;
    while (i > 0 && (this.committedTerm[i] ?? 0) >= term) i--;
    if (i === 0) return;
    const v = this.view(node);
    let at = i;
    if (v.chain[at] === undefined) {
      if (v.snapIndex < i) {
        throw new SafetyViolation('leaderCompleteness', node, `leader ${node} of term ${term} lacks committed entry ${i} (its log ends at ${v.chain.length - 1})`);
      }
      at = v.snapIndex; // compacted: the snapshot must cover a prefix of the committed log
    }
    const mine = v.chain[at];
    const want = this.committedChain[at];
    if (mine === undefined || want === undefined || Number.isNaN(mine)) return;
    if (mine !== want) {
      throw new SafetyViolation('leaderCompleteness', node, `leader ${node} of term ${term} has a different entry at committed index ${at}`);
    }
  }

  /** A member applied `entry` to its state machine. */
  appliedEntry(node: MemberId, entry: Entry): void {
    const v = this.view(node);
    if (entry.index !== v.lastApplied + 1) {
      throw new SafetyViolation('applyOrder', node, `${node} applied index ${entry.index} after ${v.lastApplied}`);
    }
    v.lastApplied = entry.index;
    const h = entryHash(entry);
    const seen = this.applied[entry.index];
    if (seen === undefined) this.applied[entry.index] = h;
    else if (seen !== h) {
      throw new SafetyViolation('stateMachineSafety', node, `${node} applied a different entry at index ${entry.index} (term ${entry.term}) than another member`);
    }
  }
}
