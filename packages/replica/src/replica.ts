// One member of one group on this node: its Raft core, state machine, retained-results
// table and the callers waiting on it. The Host drives every Replica from one loop.
import type { LogReader, RaftNode, Role } from '@raftfleet/core';
import type { ConfState, Entry, HardState, Snapshot } from '@raftfleet/protocol';
import { ClientTable, type ClientTableImage, type LegacyClientTableImage, type Outcome } from './client-table.js';
import { msgpackCodec, type Codec } from './codec.js';
import { decodeBatch, decodeClock, decodeCommand, decodeSnapshotPayload, encodeClock, encodeSnapshotPayload, isBatch } from './envelope.js';
import { CommandFailedError, NotLeaderError, nodeOfMember } from './errors.js';
import type { RaftStorage } from '@raftfleet/storage';
import { CompactedError, UnavailableError } from '@raftfleet/core';
import type { StateMachine } from './state-machine.js';

/** Callbacks a group's owner may install, like rafted_value's LeaderHook. Exceptions are logged and ignored. */
export interface GroupHooks<State = any, Command = any, Result = any, Query = any, Answer = any> {
  /** This member became leader. */
  onBecomeLeader?(group: string, state: State): void;
  /** This member stopped being leader. */
  onStopLeading?(group: string, state: State): void;
  /** A command was applied on this member while it leads (once per command, retries excluded). */
  onCommandCommitted?(group: string, command: Command, result: Outcome<Result>, state: State): void;
  /** A query was answered on this member. */
  onQueryAnswered?(group: string, query: Query, answer: Answer, state: State): void;
  /** A member joined the configuration (seen by the leader). */
  onFollowerAdded?(group: string, member: string): void;
  /** A member left the configuration (seen by the leader). */
  onFollowerRemoved?(group: string, member: string): void;
  /** The state was rebuilt from storage or from a snapshot received from the leader. */
  onRestored?(group: string, state: State, appliedIndex: number): void;
}

/** One caller waiting for its command's outcome. */
export interface Caller {
  deadline: number;
  resolve(o: Outcome): void;
  reject(e: Error): void;
}

/** The callers waiting on one log entry (several when the entry is a batch of commands). */
export interface CommandWaiter {
  index: number;
  term: number;
  callers: Caller[];
}

/** A caller waiting for a read to become safe and applied. */
export interface ReadWaiter {
  index: number;
  deadline: number;
  run(): void;
  reject(e: Error): void;
}

/** A caller waiting for a condition checked after each pass and tick. */
export interface Watcher {
  deadline: number;
  check(): boolean;
  timeout(): void;
}

/** A proposal queued until the next processing pass. */
export interface QueuedProposal {
  data: Uint8Array;
  waiter: Caller;
}

const EMPTY = new Uint8Array(0);
/**
 * Log time between a leader's clock records (one minute): a client is forgotten up to this much
 * later than the expiry says, never earlier.
 */
const CLOCK_STEP_MS = 60_000;
/** What applying a clock record yields (nobody waits for one). */
const CLOCK_OUTCOME: Outcome = { ok: true, result: undefined };

/** Adapts the node's LogStore to the read-only log view of one group's core. */
export class GroupLogReader implements LogReader {
  constructor(
    private readonly store: RaftStorage,
    private readonly group: string,
    private readonly initialConf: ConfState,
  ) {}
  initialState() {
    return {
      hardState: this.store.hardState(this.group),
      conf: this.store.hasGroup(this.group) ? this.store.confState(this.group) : this.initialConf,
    };
  }
  entries(lo: number, hi: number, maxBytes: number): Entry[] {
    try {
      return this.store.entries(this.group, lo, hi, maxBytes);
    } catch (e) {
      throw this.translate(e, lo);
    }
  }
  term(index: number): number {
    try {
      return this.store.term(this.group, index);
    } catch (e) {
      throw this.translate(e, index);
    }
  }
  /** The core recognises its own error classes; storage adapters throw theirs. */
  private translate(e: unknown, index: number): unknown {
    const code = (e as { code?: unknown })?.code;
    if (code === 'ERR_STORAGE_COMPACTED') return new CompactedError(index, this.store.firstIndex(this.group));
    if (code === 'ERR_STORAGE_UNAVAILABLE') return new UnavailableError(index, this.store.lastIndex(this.group));
    return e;
  }
  firstIndex(): number {
    return this.store.firstIndex(this.group);
  }
  lastIndex(): number {
    return this.store.lastIndex(this.group);
  }
  snapshot(): Snapshot {
    // The data is streamed from storage by the runtime when the snapshot is sent, so the
    // core never holds a state's bytes in memory.
    const meta = this.store.snapshotMeta(this.group) ?? { index: 0, term: 0, conf: this.initialState().conf };
    return { meta, data: EMPTY };
  }
}

/** State of one member. Fields are internal to the runtime. */
export class Replica {
  core!: RaftNode;
  state: unknown;
  applied = 0;
  snapshotIndex = 0;
  snapshotTerm = 0;
  /** The newest hard state handed to storage, or kept back to be written later (see Host.keepBack). */
  lastHardState: HardState | undefined;
  bytesSinceSnapshot = 0;
  /** The host's pass in which this member last had a Ready (its housekeeping ran with it). */
  workedInPass = 0;
  table: ClientTable;
  readonly codec: Codec<any>;
  /** Leader only: the log time when it took over, and its monotonic clock then (see stamp). */
  private ledFrom = 0;
  private ledSince = 0;
  /** The newest log format its group reads, as of the host's logFormatEpoch and this conf (see Host.logFormatOf). */
  logFormat = 0;
  logFormatEpoch = -1;
  logFormatConf: ConfState | undefined;
  /** Leader only: the log time of the last clock record it proposed (-1: none yet). */
  private clockProposed = -1;

  role: Role = 'follower';
  leader = '';
  term = 0;
  conf: ConfState = { voters: [], learners: [] };
  wasMember = false;
  removedAtTick = -1;
  /**
   * Members that an applied membership change removed, with the index it was applied at and the
   * host tick they were last told so (see Host.tellRemoved); created on the first removal.
   */
  removed: Map<string, { index: number; toldAt: number }> | undefined;
  /** Host tick at which this follower campaigns if no leader spoke since its leader's node went down (-1: none). */
  failoverAt = -1;
  /** Fast-failover campaigns this member may still start (see Host.nodeDown). */
  failoverTries = 0;
  /** Whether this member is the one chosen to campaign first in the fast failover under way. */
  failoverChosen = false;

  /** Whether this is the host's replica of its group (false once deleted, replaced or the host stopped). */
  attached = false;
  quiescent = false;
  /** Woken from quiescence since the last tick: the next tick does not tick the core. */
  skipTick = false;
  idleTicks = 0;
  /** What the idle ticks were counted against (term, last index, commit, role, leader): any change restarts the count. */
  idleTerm = -1;
  idleLast = -1;
  idleCommit = -1;
  idleRole = '';
  idleLeader = '';

  proposals: QueuedProposal[] = [];
  pendingReads: ReadWaiter[] = [];
  actions: Array<() => void> = [];
  forceSnapshot = false;
  /**
   * A member being added (see Host.addMember) until the snapshot that lists it is stored: a
   * snapshot stream to it waits for that one rather than send the older one, which does not list it
   * and would only be followed by the newer one.
   */
  joining: string | undefined = undefined;
  waiters = new Map<number, CommandWaiter>();
  readsByCtx = new Map<string, ReadWaiter[]>();
  readsWaitingApply: ReadWaiter[] = [];
  watchers: Watcher[] = [];
  /** Leader only: host tick at which each member last answered. */
  lastAck = new Map<string, number>();
  membershipBusy = false;
  confDirty = false;
  /** Incoming snapshot stream being assembled. */
  incoming: { from: string; index: number; parts: Uint8Array[]; size: number; at: number } | undefined;

  constructor(
    readonly group: string,
    readonly memberId: string,
    readonly machine: StateMachine<any, any, any, any, any>,
    readonly hooks: GroupHooks,
    retained: number,
  ) {
    this.codec = machine.codec ?? msgpackCodec;
    this.state = machine.init();
    this.table = new ClientTable(retained);
  }

  /**
   * This member has just become leader, at `now` on the host's monotonic clock. `unapplied` is the
   * newest log time among the clock records of its log it has not applied yet: as leader it
   * commits all of them, so the log time it takes over at is that one when newer than what it
   * applied (a follower may lag behind its leader's commit index, or not have learned it at all).
   */
  startLeading(now: number, unapplied?: number): void {
    this.ledFrom = Math.max(this.table.logTime, unapplied ?? 0);
    this.ledSince = now;
    this.clockProposed = -1;
  }

  /**
   * The clock record to propose ahead of commands proposed at `now` (leader only), if one is due:
   * with the first commands of a leadership, then after every CLOCK_STEP_MS of log time, so a busy
   * group's log time moves in steps and an idle group's log does not grow.
   */
  clockDue(now: number): Uint8Array | undefined {
    const at = this.stamp(now);
    if (this.clockProposed >= 0 && at - this.clockProposed < CLOCK_STEP_MS) return undefined;
    this.clockProposed = at;
    return encodeClock(at);
  }

  /**
   * The log time at `now` (leader only): the log time when this member took over plus how long it
   * has led. Log time so runs no faster than real time, whatever the wall clocks of the nodes say,
   * and stands still while no member leads.
   */
  private stamp(now: number): number {
    return this.ledFrom + Math.max(0, Math.floor(now - this.ledSince));
  }

  /** Node hosting the known leader, or ''. */
  get leaderNode(): string {
    return this.leader === '' ? '' : nodeOfMember(this.leader);
  }

  /** Whether anything is waiting on this member (it must keep ticking for deadlines). */
  hasWork(): boolean {
    return (
      this.proposals.length > 0 ||
      this.pendingReads.length > 0 ||
      this.actions.length > 0 ||
      this.forceSnapshot ||
      this.waiters.size > 0 ||
      this.readsByCtx.size > 0 ||
      this.readsWaitingApply.length > 0 ||
      this.watchers.length > 0 ||
      this.membershipBusy ||
      this.incoming !== undefined ||
      this.confDirty
    );
  }

  /** Serializes state and table for a snapshot. */
  snapshotBytes(): Uint8Array {
    const state = this.machine.snapshot ? this.machine.snapshot(this.state) : msgpackCodec.encode(this.state);
    // Results go through the machine's codec (they are its values); the table around them is ours.
    const image = this.table.toImage();
    const order = image.order.map(([c, s, o]) => [c, s, o.ok ? { ok: true, r: this.codec.encode(o.result) } : o] as const);
    // `floors` (the clients with one) too: builds before client expiry read only that and `order`.
    const floors = image.clients.filter(([, floor]) => floor > 0).map(([c, floor]) => [c, floor]);
    const table = msgpackCodec.encode({ order, clients: image.clients, clock: image.clock, floors });
    return encodeSnapshotPayload({ state, table });
  }

  /** Replaces state and table from snapshot bytes. */
  restoreFrom(data: Uint8Array, index: number, term: number, retained: number): void {
    const p = decodeSnapshotPayload(data);
    this.state = this.machine.restore ? this.machine.restore(p.state) : msgpackCodec.decode(p.state);
    const raw = msgpackCodec.decode(p.table) as {
      order: Array<[string, number, { ok: true; r: Uint8Array } | Extract<Outcome, { ok: false }>]>;
      clients?: ClientTableImage['clients'];
      clock?: number;
      floors?: LegacyClientTableImage['floors'];
    };
    const order: ClientTableImage['order'] = raw.order.map(([c, s, o]) => [c, s, o.ok ? { ok: true, result: this.codec.decode(o.r) } : o]);
    // Snapshots of builds before client expiry carry floors only.
    const image = raw.clients !== undefined ? { order, clients: raw.clients, clock: raw.clock ?? 0 } : { order, floors: raw.floors ?? [] };
    this.table = ClientTable.fromImage(image, retained);
    this.applied = index;
    this.snapshotIndex = index;
    this.snapshotTerm = term;
    this.bytesSinceSnapshot = 0;
  }

  /** Applies a committed normal entry (one command or a batch); one result per command, in order. */
  applyEntry(data: Uint8Array): Array<{ outcome: Outcome; fresh: boolean; command: unknown }> {
    const at = decodeClock(data);
    if (at !== undefined) {
      this.table.advance(at);
      return [{ outcome: CLOCK_OUTCOME, fresh: false, command: undefined }];
    }
    if (!isBatch(data)) return [this.applyCommand(data)];
    let records: Uint8Array[];
    try {
      records = decodeBatch(data);
    } catch (e) {
      return [{ outcome: { ok: false, errorName: 'DecodeError', message: (e as Error).message }, fresh: false, command: undefined }];
    }
    return records.map((r) => this.applyCommand(r));
  }

  /** Applies one command record; returns its outcome and whether it was newly applied. */
  applyCommand(data: Uint8Array): { outcome: Outcome; fresh: boolean; command: unknown } {
    let rec;
    let command: unknown;
    try {
      rec = decodeCommand(data);
      command = this.codec.decode(rec.payload);
    } catch (e) {
      // Malformed bytes are refused identically everywhere: deterministic, state unchanged.
      return { outcome: { ok: false, errorName: 'DecodeError', message: (e as Error).message }, fresh: false, command: undefined };
    }
    if (rec.clientId !== '') {
      this.table.touch(rec.clientId);
      if (rec.acked !== undefined) this.table.acknowledge(rec.clientId, rec.acked);
      const seen = this.table.lookup(rec.clientId, rec.seq);
      if (seen === 'stale') {
        return {
          outcome: { ok: false, errorName: 'StaleCommandError', message: `command ${rec.clientId}#${rec.seq} was applied and its result is no longer retained` },
          fresh: false,
          command,
        };
      }
      if (seen !== undefined) return { outcome: seen, fresh: false, command };
    }
    let outcome: Outcome;
    try {
      const out = this.machine.command(this.state, command);
      this.state = out.state;
      outcome = { ok: true, result: out.result };
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      outcome = { ok: false, errorName: err.name, message: err.message };
    }
    if (rec.clientId !== '') this.table.record(rec.clientId, rec.seq, outcome);
    return { outcome, fresh: true, command };
  }

  /** Fails every waiter (used when this member goes away). */
  failAll(err: () => Error): void {
    for (const w of this.waiters.values()) for (const c of w.callers) c.reject(err());
    this.waiters.clear();
    for (const p of this.proposals) p.waiter.reject(err());
    this.proposals = [];
    for (const ws of this.readsByCtx.values()) for (const w of ws) w.reject(err());
    this.readsByCtx.clear();
    for (const w of this.readsWaitingApply) w.reject(err());
    this.readsWaitingApply = [];
    for (const w of this.watchers) w.timeout();
    this.watchers = [];
    for (const w of this.pendingReads) w.reject(err());
    this.pendingReads = [];
    this.actions = [];
  }

  /** Error a caller sees when its proposal was lost to a leader change. */
  notLeader(): NotLeaderError {
    return new NotLeaderError(this.group, this.leader);
  }

  /** The caller-facing error of a failed outcome. */
  failure(o: Extract<Outcome, { ok: false }>): CommandFailedError {
    return new CommandFailedError(this.group, o.errorName, o.message);
  }
}
