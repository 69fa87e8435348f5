// The public contract of the IO-free Raft core: its configuration, the read-only log view
// it is given, and the batch of work (Ready) it hands back to the runtime.
import type { ConfChange, ConfState, Entry, HardState, MemberId, Message, Snapshot } from '@raftfleet/protocol';

/** A seeded source of randomness: returns a uniformly distributed integer in [0, 2^32). */
export type Rng = () => number;

/** Structured logger; the core logs only through this, and only off the hot path. */
export interface Logger {
  /** Detailed protocol events. */
  debug(fields: Record<string, unknown>, msg: string): void;
  /** Role changes and other notable events. */
  info(fields: Record<string, unknown>, msg: string): void;
  /** Something unexpected that the core recovered from. */
  warn(fields: Record<string, unknown>, msg: string): void;
}

/** How a leader answers read-index requests. */
export type ReadOnlyMode = 'safe' | 'lease';

/** The role a member plays in its current term. */
export type Role = 'follower' | 'preCandidate' | 'candidate' | 'leader';

/** What a member restarts from (see {@link LogReader.initialState}). */
export interface InitialState {
  /** Term, vote and commit index as last persisted. */
  hardState: HardState;
  /** Membership as of the applied index the member restarts from. */
  conf: ConfState;
}

/** Where `propose` put the commands: they are applied when entries with these indices and this term commit. */
export interface ProposeResult {
  /** Index of the first command. */
  firstIndex: number;
  /** Index of the last command (firstIndex - 1 when nothing was proposed). */
  lastIndex: number;
  /** Term of the entries; a different term at these indices later means they were lost. */
  term: number;
}

/** Where `proposeConfChange` put the change. */
export interface ConfChangeProposeResult {
  /** Index of the ConfChange entry. */
  index: number;
  /** Term of the entry. */
  term: number;
}

/**
 * Read-only view of the member's stable (persisted) log, owned by the runtime.
 * All calls are synchronous. Entries handed out by {@link Ready.entries} become visible here
 * once the runtime has persisted them and before it calls `advance()`.
 */
export interface LogReader {
  /**
   * Hard state and membership as persisted (used once, at construction). `conf` is the membership
   * as of `RaftConfig.applied` (persist `Ready.confState` with the applied index). When `applied`
   * is the snapshot's index (the default), the member uses the snapshot's membership instead, so
   * this `conf` then only matters for a log without snapshot: the initial membership. Membership
   * changes after that point are replayed from the log, idempotently.
   */
  initialState(): InitialState;
  /** Entries in [lo, hi), at least one if any exist, stopping before `maxBytes` of data is exceeded. */
  entries(lo: number, hi: number, maxBytes: number): Entry[];
  /** Term of the entry at `index`; the snapshot's index also answers. Throws {@link CompactedError} / {@link UnavailableError}. */
  term(index: number): number;
  /** Index of the first entry still in the log (snapshot index + 1). */
  firstIndex(): number;
  /**
   * Index of the last persisted entry (the snapshot index if the log is empty). Asked once, at
   * construction: after that the log's end moves only by what the runtime persists from a Ready
   * (entries, a snapshot), which the core follows itself.
   */
  lastIndex(): number;
  /** The most recent snapshot (its data is what a lagging follower installs). */
  snapshot(): Snapshot;
}

/** Configuration of one Raft member. Tick counts are in calls to `tick()`. */
export interface RaftConfig {
  /** This member's id. */
  id: MemberId;
  /** The stable log. */
  log: LogReader;
  /** Seeded randomness (election timeout jitter). */
  rng: Rng;
  /** Base election timeout in ticks. Default 10. */
  electionTick?: number;
  /** Width of the random part of the election timeout: a follower times out after electionTick + rand[0, electionJitterTick). Default electionTick. */
  electionJitterTick?: number;
  /** Heartbeat interval of the leader; must be < electionTick. Default 1. */
  heartbeatTick?: number;
  /** Index already applied by the state machine when the member starts. Default: snapshot index. */
  applied?: number;
  /** Maximum bytes of entry data in one append message. Default 1 MiB. */
  maxSizePerMsg?: number;
  /**
   * Upper bound in bytes of the committed entries one Ready hands out to apply (at least one entry
   * is always handed out). Default: the larger of `maxSizePerMsg` and 1 MiB.
   */
  maxCommittedSizePerReady?: number;
  /** Maximum append messages in flight to one follower. Default 256. */
  maxInflightMsgs?: number;
  /** Maximum bytes of entry data in flight to one follower; 0 = unlimited. Default 0. */
  maxInflightBytes?: number;
  /** Maximum bytes of proposed but uncommitted entries on a leader; 0 = unlimited. Default 0. */
  maxUncommittedEntriesSize?: number;
  /** Pre-vote phase before real elections. Default true. */
  preVote?: boolean;
  /** Leader steps down when it has not heard a quorum within an election timeout. Default true. */
  checkQuorum?: boolean;
  /** Read-index mode; 'lease' requires checkQuorum. Default 'safe'. */
  readOnly?: ReadOnlyMode;
  /** Ticks a leadership transfer may take before it is abandoned. Default electionTick. */
  transferTimeoutTick?: number;
  /** Logger; default discards everything. */
  logger?: Logger;
}

/** Volatile state that changed: who leads and what this member is. */
export interface SoftState {
  /** Known leader of the current term, or '' when unknown. */
  leader: MemberId;
  /** This member's role. */
  role: Role;
}

/** A read that became safe: once `index` is applied, the request `context` may be served. */
export interface ReadState {
  /** Request id given to `readIndex`. */
  context: string;
  /** The commit index the read must wait for. */
  index: number;
}

/**
 * Work the runtime must do, in this order: persist `hardState`, `entries` and `snapshot`
 * (durably when `mustSync`), then send `messages`, then apply `committedEntries`, then call `advance()`.
 */
export interface Ready {
  /** Set when leader or role changed since the last Ready. */
  softState?: SoftState;
  /** Set when term, vote or commit changed. */
  hardState?: HardState;
  /** Entries to append to the stable log (they may replace a conflicting suffix). */
  entries: readonly Entry[];
  /** A snapshot to persist and restore the state machine from (follower catching up). */
  snapshot?: Snapshot;
  /** Entries that are committed and must be applied in order. */
  committedEntries: readonly Entry[];
  /** Messages to send after the persistence above is durable. */
  messages: readonly Message[];
  /** Reads that became safe. */
  readStates: readonly ReadState[];
  /** True when hardState or entries must be fsynced before messages are sent. */
  mustSync: boolean;
  /**
   * Set when the membership in effect changed (a ConfChange among `committedEntries` took effect,
   * or `snapshot` was restored): the runtime persists it with the applied index (it is what
   * `LogReader.initialState().conf` returns after a restart). The core has already applied it.
   */
  confState?: ConfState;
}

/** Replication progress of one follower as seen by the leader. */
export interface Progress {
  /** Highest index known to be replicated. */
  match: number;
  /** Next index to send. */
  next: number;
  /** Replication state. */
  state: 'probe' | 'replicate' | 'snapshot';
  /** Whether the follower answered recently (check-quorum window). */
  recentActive: boolean;
  /** Whether it is a learner. */
  learner: boolean;
}

/** A snapshot of the member's state for diagnostics. */
export interface Status {
  /** This member. */
  id: MemberId;
  /** Current term. */
  term: number;
  /** Vote in this term. */
  vote: MemberId;
  /** Role. */
  role: Role;
  /** Known leader or ''. */
  leader: MemberId;
  /** Commit index. */
  commit: number;
  /** Applied index. */
  applied: number;
  /** Last log index (including unstable entries). */
  lastIndex: number;
  /**
   * Membership as of the applied index (the last `Ready.confState`): the one a runtime persists
   * and records in a snapshot taken at the applied index.
   */
  conf: ConfState;
  /**
   * Membership in effect for elections and commitment: the latest in the log, including a change
   * not yet committed (changes take effect when appended; see the README).
   */
  confInEffect?: ConfState;
  /** Per-member progress (leader only). */
  progress: Record<MemberId, Progress>;
  /** Target of a leadership transfer in progress, or ''. */
  leadTransferee: MemberId;
  /** Whether the group is idle from this member's view (see `RaftNode.isIdle`). */
  idle?: boolean;
}

/**
 * The scalar part of {@link Status}: no copies of the membership or of the followers' progress,
 * so a runtime can read it for every member on every tick.
 */
export interface BasicStatus {
  /** Current term. */
  term: number;
  /** Role. */
  role: Role;
  /** Known leader or ''. */
  leader: MemberId;
  /** Commit index. */
  commit: number;
  /** Applied index. */
  applied: number;
  /** Last log index (including unstable entries). */
  lastIndex: number;
  /** Target of a leadership transfer in progress, or ''. */
  leadTransferee: MemberId;
  /** Leader only: whether every member's match index is the last log index (false on other roles). */
  replicated: boolean;
}

/** The IO-free Raft member, driven by the runtime (the API of etcd's RawNode). */
export interface RaftNode {
  /** One logical clock tick. */
  tick(): void;
  /** Handle a message from a peer. Messages for other members or stale terms are dropped. */
  step(message: Message): void;
  /** Propose user commands; throws {@link ProposalDroppedError} (with a leader hint) when not leader or transferring. Returns the assigned indices' range. */
  propose(data: Uint8Array[]): ProposeResult;
  /** Propose one membership change; throws {@link ConfChangeInProgressError} when one is pending. */
  proposeConfChange(change: ConfChange): ConfChangeProposeResult;
  /**
   * Request a linearizable read; the answer arrives as a {@link ReadState} with the same context
   * (on a follower, once the leader answered). Throws `ProposalDroppedError` ('noLeader') when no
   * leader is known. Contexts must be unique among pending reads of the group.
   */
  readIndex(context: string): void;
  /** Hand leadership to voter `to` (TimeoutNow once it is caught up). Ignored unless leader. */
  transferLeadership(to: MemberId): void;
  /** Start an election now (campaign), as a follower. */
  campaign(): void;
  /**
   * Follower only: forget the current leader without campaigning (etcd's ForgetLeader). The member
   * stays a leaderless follower in its term, so it grants (pre-)votes at once instead of honouring
   * the leader's lease; for a runtime that knows the leader is gone. A message from the leader
   * restores it.
   */
  forgetLeader(): void;
  /** Whether `ready()` has anything to hand out. */
  hasReady(): boolean;
  /** The pending batch of work. Call at most once before `advance()`. */
  ready(): Ready;
  /** Acknowledge that the last Ready was fully handled. */
  advance(): void;
  /** Tell the core the last message to `to` could not be delivered. */
  reportUnreachable(to: MemberId): void;
  /** Tell the core whether a snapshot sent to `to` was installed. */
  reportSnapshot(to: MemberId, ok: boolean): void;
  /** Diagnostics. */
  status(): Status;
  /**
   * The scalar fields of {@link RaftNode.status}, without allocating copies of membership and
   * progress. With `into`, fills and returns that object instead of a new one (for a runtime that
   * asks on every visit of a member).
   */
  basicStatus(into?: BasicStatus): BasicStatus;
  /**
   * Whether the runtime may stop calling `tick()` until the next input (quiescence): a leader
   * whose followers all hold its whole log, with everything committed and applied and no read
   * or transfer pending; a follower that knows its leader and has applied everything.
   */
  isIdle?(): boolean;
}
