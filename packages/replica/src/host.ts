// The per-process runtime: one loop that ticks, steps, persists (one batch for all groups),
// sends (one frame per node), applies and answers for every member hosted on this node.
import type { BasicStatus, Progress, RaftConfig, RaftNode, Ready, Role } from '@raftfleet/core';
import { EntryType, type ConfChange, type ConfState, type Entry, type Envelope, type HardState, type Message, type SnapshotMessage, type SnapshotMeta } from '@raftfleet/protocol';
import type { Outcome } from './client-table.js';
import { internalCodec, msgpackCodec, type Codec } from './codec.js';
import { createDefaultCore } from './core-factory.js';
import { decodeClock, decodeMeta, encodeBatch, encodeCommand, encodeMeta } from './envelope.js';
import {
  CommandFailedError,
  ConfigError,
  GroupExistsError,
  GroupNotFoundError,
  MembershipChangeError,
  NotLeaderError,
  OverloadedError,
  RemoteReplicaError,
  StoppedError,
  TimeoutError,
  TooLargeError,
  nodeOfMember,
} from './errors.js';
import { resolveHostOptions, type HostOptions, type ResolvedHostOptions } from './options.js';
import type { GroupWrite, RaftStorage } from '@raftfleet/storage';
import { GroupLogReader, Replica, type Caller, type GroupHooks, type ReadWaiter } from './replica.js';
import type { StateMachine } from './state-machine.js';

/** Options of {@link Host.createGroup}. */
export interface CreateGroupOptions {
  /**
   * The initial voters: node ids (`"a"`, member id becomes `a/<incarnation>`) or full member ids
   * (`"a/x1"`). Every listed node calls createGroup with the same list; this node must be in it.
   */
  members: string[];
  /** Token of members given as bare node ids. Default `"0"`; change it when recreating a deleted group. */
  incarnation?: string;
  /** Hooks of this member. */
  hooks?: GroupHooks;
}

/** Options of {@link Host.joinGroup}. */
export interface JoinGroupOptions {
  /**
   * Leading part of the new member's token: its id becomes `<node>/<incarnation>.<random>` instead
   * of `<node>/<random>` (the fleet puts the group's generation there). No `/` in it.
   */
  incarnation?: string;
  /** Hooks of this member. */
  hooks?: GroupHooks;
}

/** Options of {@link Host.command}. */
export interface CommandOptions {
  /** Absolute deadline (clock ms). Default: now + defaultTimeoutMs. */
  deadline?: number;
  /**
   * Client id for exactly-once retries: a command retried with the same clientId and seq is applied
   * once and returns the first result. Without it the command is not deduplicated.
   */
  clientId?: string;
  /** Sequence number of the command within `clientId` (required with clientId, positive). */
  seq?: number;
  /**
   * With clientId: the client has the answers of all its commands below this seq, or gave up on
   * them and will not send them again (at most `seq`). Members then drop those results, which
   * otherwise stay until `maxRetainedResults` newer ones push them out; a late copy of one is refused
   * with a stale-command error. A client with many commands should send it: see the client SDK.
   */
  acked?: number;
}

/** How fresh a query's answer must be. */
export type Consistency = 'linearizable' | 'lease' | 'stale';

/** Options of {@link Host.query}. */
export interface QueryOptions {
  /** Default 'linearizable' (ReadIndex); 'lease' answers on a leader with a valid lease; 'stale' answers locally now. */
  consistency?: Consistency;
  /** Absolute deadline (clock ms). Default: now + defaultTimeoutMs. */
  deadline?: number;
}

/** Options of the membership operations. */
export interface MembershipOptions {
  /** Absolute deadline (clock ms). Default: now + 4 × defaultTimeoutMs. */
  deadline?: number;
}

/** What {@link Host.status} reports about a local member. */
export interface GroupStatus {
  /** Group name. */
  group: string;
  /** This member. */
  member: string;
  /** Role in the current term. */
  role: Role;
  /** Current term. */
  term: number;
  /** Known leader member id or ''. */
  leader: string;
  /** Node of the known leader or ''. */
  leaderNode: string;
  /** Voting members. */
  voters: string[];
  /** Non-voting members. */
  learners: string[];
  /** Commit index. */
  commit: number;
  /** Applied index. */
  applied: number;
  /** First index still in the log. */
  firstIndex: number;
  /** Last index in the log. */
  lastIndex: number;
  /** Entries in the log (after the last snapshot). */
  logSize: number;
  /** The last snapshot taken or installed. */
  snapshot: { index: number; term: number };
  /** Whether the member currently skips ticks. */
  quiescent: boolean;
  /** Command results kept for retries (see {@link CommandOptions.acked}). */
  retainedResults: number;
  /**
   * The log format this member writes as leader: the newest that every node of its group reads
   * ({@link LOG_FORMAT} once all of them run a build that has it; see the production guide on
   * rolling upgrades).
   */
  logFormat: number;
  /** Per-member replication progress (leader only). */
  progress: Record<string, Progress>;
}

/**
 * What a host's processing loop has done since it started: counts that only grow, read with
 * {@link Host.activity}. They say where a host's CPU goes: a command costs a few member visits on
 * each node, a sleeping (quiescent) member costs no visit and no tick.
 */
export interface HostActivity {
  /** Processing passes that handled at least one member's Ready. */
  passes: number;
  /** Members' Readys handled while the member led its group. */
  leaderVisits: number;
  /** Members' Readys handled while the member did not lead (followers, learners, candidates). */
  otherVisits: number;
  /** Batches written to storage by passes (one per pass that had something to persist). */
  storageWrites: number;
  /** Ticks given to members' cores (sleeping members are not ticked). */
  memberTicks: number;
  /** Leadership transfers asked for again after the core gave one up (see {@link Host.transferLeader}). */
  transfersRetried: number;
  /** Snapshot streams to a member being added that waited for the snapshot that lists it (see {@link Host.addMember}). */
  snapshotsHeld: number;
}

/**
 * The newest log format this build writes and reads. 1: command records and batches of them.
 * 2: also command records that carry an acknowledgement ({@link CommandOptions.acked}) and the
 * clock records that let a group forget idle clients. A leader writes the newest format that every
 * node of its group reads (they say so over {@link RPC}.logFormat), so members of different builds
 * apply the same entries during a rolling upgrade.
 */
export const LOG_FORMAT = 2;
/** The log format of a node that does not answer RPC.logFormat: a build from before the question. */
const LEGACY_LOG_FORMAT = 1;

/** RPC method names served by every host. */
export const RPC = {
  /** Node liveness probe. */
  ping: 'raftfleet.replica.ping',
  /** Run a command on this node's member (must be leader). */
  command: 'raftfleet.replica.command',
  /** Run a query on this node's member. */
  query: 'raftfleet.replica.query',
  /** Member id of this node's member of a group. */
  memberOf: 'raftfleet.replica.memberOf',
  /** Tells a node that its member of a group was removed by a change it never received. */
  removed: 'raftfleet.replica.removed',
  /** The newest log format this node reads ({@link LOG_FORMAT}). */
  logFormat: 'raftfleet.replica.logFormat',
} as const;

/** Removed members a replica remembers, to tell the ones that never learned it (see Host.tellRemoved). */
const REMEMBERED_REMOVALS = 8;
/**
 * Election timeouts between sweeps that forget nodes no group here has a member on (see
 * forgetUnusedNodes); a sweep runs only after a membership changed or a member was deleted.
 */
const NODE_SWEEP_ELECTIONS = 10;

interface NodeState {
  lastHeard: number;
  down: boolean;
  pinging: boolean;
  /** Down only: host tick before which it is not pinged again, and the ticks to wait after the next failure. */
  pingAt: number;
  pingBackoff: number;
  /** Times the node was marked down: a batch received before the latest of these is stale. */
  downs: number;
  /** The newest log format it reads (0: not known yet, taken as LEGACY_LOG_FORMAT meanwhile). */
  logFormat: number;
  /** Whether RPC.logFormat is on its way to it. */
  askingFormat: boolean;
}

type SerializedError = { code: string; name: string; message: string; group?: string; leader?: string; errorName?: string; reason?: string; member?: string };

const EMPTY = new Uint8Array(0);
/** Outcome of entries that carry no command (no-ops, membership changes). */
const NO_RESULT: Outcome[] = [{ ok: true, result: undefined }];
/** The longest wait between two pings to a node that is down (see Host.pingNodes). */
const MAX_DOWN_PING_MS = 1000;
/** Bounds of one batch entry: commands and bytes. */
const MAX_BATCH_COMMANDS = 1024;
const MAX_BATCH_BYTES = 256 * 1024;

/** FNV-1a over a string, mixed with a seed: per-member seeds for election jitter. */
function hash32(seed: number, s: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small seeded PRNG returning integers in [0, 2^32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function sameConf(a: ConfState, b: ConfState): boolean {
  const eq = (x: string[], y: string[]) => x.length === y.length && x.every((v) => y.includes(v));
  return eq(a.voters, b.voters) && eq(a.learners, b.learners);
}

function confMembers(c: ConfState): string[] {
  return [...c.voters, ...c.learners];
}

function errCode(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '';
}

/**
 * Ticks between the first fast-failover campaign and the retries after a leader's node went down
 * (see nodeDown): the chosen member retries after this many ticks, the others one tick later, each
 * then every twice as many ticks while no leader is known, FAILOVER_RETRIES times.
 */
const FAILOVER_STAGGER_TICKS = 2;
const FAILOVER_RETRIES = 3;

/**
 * How long, in ticks, a hard state whose only change is the commit index is kept back (see
 * keepBack) before it is written: with whatever else is written then, or by itself.
 */
const LAZY_COMMIT_TICKS = 10;

/**
 * Times Host.transferLeader asks the core for a transfer before giving up. The leader takes no
 * proposals while a transfer runs (up to an election timeout each time), so a target that does not
 * catch up must not keep the group from taking commands until the caller's deadline.
 */
const MAX_TRANSFER_ATTEMPTS = 3;

/** Default bound of the committed entries one member applies per pass (the core's maxCommittedSizePerReady). */
const APPLY_BYTES_PER_PASS = 64 * 1024;

/** Longest run of back-to-back passes, in ms, before the loop lets I/O and timers run (see runPasses). */
const PASS_YIELD_MS = 5;

/**
 * Runs every member hosted by one node process. Create one per process, `start()` it, then create,
 * join or restore groups and send them commands and queries.
 */
export class Host {
  private readonly o: ResolvedHostOptions;
  private readonly replicas = new Map<string, Replica>();
  private readonly awake = new Set<Replica>();
  private readonly dirty = new Set<Replica>();
  private readonly nodes = new Map<string, NodeState>();
  private readonly outgoing = new Set<string>();
  /** Received batches with the sender's down count at receipt (-1: a node we do not track). */
  private inbox: Array<[string, Envelope[], number]> = [];
  /** Hard states that only moved the commit index, not yet written (see keepBack); since `lazySince`. */
  private readonly lazyHardStates = new Map<Replica, HardState>();
  private lazySince = 0;
  private actions: Array<() => Promise<void>> = [];
  private pendingTicks = 0;
  private hostTick = 0;
  private timer: unknown;
  private running = false;
  private handlersInstalled = false;
  private passRunning = false;
  /** Whether start() has restored every group found in storage. */
  private restored = false;
  /** Passes that did work, counted (see Replica.workedInPass). */
  private passes = 0;
  /** See {@link Host.activity}; `passes` is kept in `passes` above. */
  private readonly counts = { leaderVisits: 0, otherVisits: 0, storageWrites: 0, memberTicks: 0, transfersRetried: 0, snapshotsHeld: 0 };
  /** Moves whenever a node's log format is learned or forgotten (see logFormatOf). */
  private logFormatEpoch = 0;
  /** A membership changed or a member was deleted since the last forgetUnusedNodes. */
  private membersChanged = false;
  /** Filled by the core on every quiescence check (read at once, never kept): no object per check. */
  private readonly statusScratch: BasicStatus = { term: 0, role: 'follower', leader: '', commit: 0, applied: 0, lastIndex: 0, leadTransferee: '', replicated: false };
  private passAgain = false;
  private passScheduled = false;
  private passDone: Promise<void> = Promise.resolve();
  private nextCtx = 1;
  private readonly rng: () => number;
  private readonly createCore: (config: RaftConfig) => RaftNode;
  private groupHooks: (group: string) => GroupHooks;
  private failedWith: Error | undefined;

  /** Validates options (throws {@link ConfigError}); nothing runs until {@link Host.start}. */
  constructor(options: HostOptions) {
    this.o = resolveHostOptions(options);
    this.rng = mulberry32(hash32(this.o.seed, this.o.nodeId));
    this.createCore = this.o.createCore ?? createDefaultCore;
    this.groupHooks = options.groupHooks ?? (() => ({}));
  }

  /** This node's id. */
  get nodeId(): string {
    return this.o.nodeId;
  }

  /** Logical ticks since start (the loop's clock). */
  get ticks(): number {
    return this.hostTick;
  }

  /** What the processing loop has done since start (a copy; the counts only grow). */
  activity(): HostActivity {
    return { passes: this.passes, ...this.counts };
  }

  /** Names of the groups with a member on this host. */
  groups(): string[] {
    return [...this.replicas.keys()];
  }

  /** Whether this host has a member of `group` (what `groups().includes(group)` says, without building the list). */
  hasGroup(group: string): boolean {
    return this.replicas.has(group);
  }

  /**
   * Installs transport handlers, restores every group found in storage whose state machine is
   * registered (same member id, its hard state, log and snapshot), and starts the tick timer.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    if (!this.handlersInstalled) {
      this.handlersInstalled = true;
      this.o.transport.onBatch((from, envelopes) => this.receive(from, envelopes));
      this.o.transport.onPeerChange((node, up) => (up ? this.nodeHeard(node) : this.nodeDown(node)));
      // A node that pings us is alive: that spares our own ping to it (see pingNodes).
      this.o.transport.onRequest(RPC.ping, async (from) => {
        this.nodeHeard(from);
        return EMPTY;
      });
      this.o.transport.onRequest(RPC.command, (_from, body) => this.serveCommand(body));
      this.o.transport.onRequest(RPC.query, (_from, body) => this.serveQuery(body));
      this.o.transport.onRequest(RPC.memberOf, async (_from, body) => {
        try {
          // "No member here" is what makes a fleet leader replace a member as lost with its node's
          // data: a group not restored yet must not be reported as missing.
          if (!this.restored) return internalCodec.encode({ ok: false, e: serializeError(new StoppedError(this.o.nodeId)) });
          const { g } = internalCodec.decode(body) as { g: string };
          const r = this.replicas.get(g);
          return internalCodec.encode(r ? { ok: true, m: r.memberId } : { ok: false, e: serializeError(new GroupNotFoundError(g, this.o.nodeId)) });
        } catch (e) {
          return internalCodec.encode({ ok: false, e: serializeError(e) });
        }
      });
      this.o.transport.onRequest(RPC.logFormat, async () => internalCodec.encode({ f: LOG_FORMAT }));
      this.o.transport.onRequest(RPC.removed, async (from, body) => {
        const { g, m, i } = internalCodec.decode(body) as { g: unknown; m: unknown; i: unknown };
        if (typeof g !== 'string' || typeof m !== 'string' || !Number.isSafeInteger(i)) {
          throw Object.assign(new Error('malformed removal notice'), { code: 'ERR_INVALID' });
        }
        this.removedByPeer(g, m, i as number, from);
        return EMPTY;
      });
    }
    this.restored = false;
    for (const group of this.o.storage.groups()) {
      if (this.replicas.has(group)) continue;
      const raw = this.o.storage.meta(group);
      const meta = raw === undefined ? undefined : decodeMeta(raw);
      if (meta === undefined) {
        this.o.logger.warn({ group, node: this.o.nodeId }, 'group in storage has no readable member metadata; skipped');
        continue;
      }
      const machine = this.o.machines.get(meta.machine);
      if (machine === undefined) {
        this.o.logger.warn({ group, machine: meta.machine, node: this.o.nodeId }, 'state machine not registered; group not restored');
        continue;
      }
      await this.restoreGroup(group, meta.member, machine);
    }
    this.restored = true;
    this.timer = this.o.clock.setInterval(() => {
      this.pendingTicks++;
      this.schedulePass();
    }, this.o.tickMs);
  }

  /** Stops the loop; waiting callers get {@link StoppedError}. Storage and transport stay open (the caller owns them). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.o.clock.clearInterval(this.timer);
    await this.passDone;
    if (this.lazyHardStates.size > 0 && this.failedWith === undefined) {
      await this.o.storage.write({ writes: this.takeLazyHardStates(new Map()), durable: false }).catch((e: unknown) => {
        this.o.logger.warn({ node: this.o.nodeId, err: String(e) }, 'commit indexes not written at stop');
      });
    }
    for (const r of this.replicas.values()) {
      r.attached = false;
      r.failAll(() => new StoppedError(this.o.nodeId));
    }
    this.replicas.clear();
    this.awake.clear();
    this.dirty.clear();
  }

  /** Why the host stopped by itself (a storage failure), if it did. */
  get failure(): Error | undefined {
    return this.failedWith;
  }

  private halt(cause: Error): void {
    if (!this.running) return;
    this.running = false;
    this.failedWith = cause;
    this.o.clock.clearInterval(this.timer);
    for (const r of this.replicas.values()) {
      r.attached = false;
      r.failAll(() => cause);
    }
    this.replicas.clear();
    this.awake.clear();
    this.dirty.clear();
  }

  // ---------------------------------------------------------------- groups

  /** Creates a new consensus group (like rafted_value's create_new); resolves to this member's id. */
  async createGroup(name: string, machine: StateMachine<any, any, any, any, any> | string, options: CreateGroupOptions): Promise<string> {
    this.ensureRunning();
    const sm = this.resolveMachine(machine);
    this.checkNewGroup(name);
    if (!Array.isArray(options?.members) || options.members.length === 0) throw new ConfigError('members', 'must list at least one node');
    const incarnation = options.incarnation ?? '0';
    const voters = options.members.map((m) => (m.includes('/') ? m : `${m}/${incarnation}`));
    const nodes = voters.map(nodeOfMember);
    if (new Set(nodes).size !== nodes.length) throw new ConfigError('members', 'a node may host only one member of a group');
    const me = voters.find((m) => nodeOfMember(m) === this.o.nodeId);
    if (me === undefined) throw new ConfigError('members', `must include this node (${this.o.nodeId})`);
    const conf: ConfState = { voters, learners: [] };
    await this.o.storage.write({ writes: [{ group: name, confState: conf, meta: encodeMeta({ member: me, machine: sm.name }) }] });
    const r = this.register(name, me, sm, options.hooks ?? this.groupHooks(name), conf, 0);
    if (voters.length === 1) this.enqueue(r, () => r.core.campaign());
    return me;
  }

  /**
   * Prepares a member that joins an existing group: it starts empty, outside the configuration,
   * until the leader adds it ({@link Host.addMember} on the leader's node). Resolves to its member id.
   */
  async joinGroup(name: string, machine: StateMachine<any, any, any, any, any> | string, options: JoinGroupOptions = {}): Promise<string> {
    this.ensureRunning();
    const sm = this.resolveMachine(machine);
    this.checkNewGroup(name);
    if (options.incarnation !== undefined && (typeof options.incarnation !== 'string' || options.incarnation === '' || options.incarnation.includes('/'))) {
      throw new ConfigError('incarnation', 'must be a non-empty string without "/"');
    }
    const token = this.rng().toString(36) + this.rng().toString(36);
    const me = `${this.o.nodeId}/${options.incarnation === undefined ? '' : `${options.incarnation}.`}${token}`;
    const conf: ConfState = { voters: [], learners: [] };
    await this.o.storage.write({ writes: [{ group: name, confState: conf, meta: encodeMeta({ member: me, machine: sm.name }) }] });
    this.register(name, me, sm, options.hooks ?? this.groupHooks(name), conf, 0);
    return me;
  }

  private resolveMachine(machine: StateMachine<any, any, any, any, any> | string): StateMachine<any, any, any, any, any> {
    const sm = typeof machine === 'string' ? this.o.machines.get(machine) : machine;
    if (sm === undefined) throw new ConfigError('machine', `no state machine registered as ${String(machine)}`);
    if (typeof sm.name !== 'string' || sm.name === '') throw new ConfigError('machine', 'state machines need a name');
    if (!this.o.machines.has(sm.name)) this.o.machines.set(sm.name, sm);
    return sm;
  }

  private checkNewGroup(name: string): void {
    if (typeof name !== 'string' || name === '') throw new ConfigError('name', 'group name must be a non-empty string');
    if (this.replicas.has(name) || this.o.storage.hasGroup(name)) throw new GroupExistsError(name);
  }

  private async restoreGroup(group: string, member: string, machine: StateMachine<any, any, any, any, any>): Promise<void> {
    const hooks = this.groupHooks(group);
    const r = new Replica(group, member, machine, hooks, this.o.maxRetainedResults);
    let restored = false;
    const snap = await readWholeSnapshot(this.o.storage, group);
    if (snap !== undefined && snap.meta.index > 0) {
      r.restoreFrom(snap.data, snap.meta.index, snap.meta.term, this.o.maxRetainedResults);
      restored = true;
    }
    const conf = this.o.storage.confState(group);
    this.install(r, conf);
    if (restored || this.o.storage.lastIndex(group) > 0) this.hook(r, 'onRestored', () => hooks.onRestored?.(group, r.state, r.applied));
  }

  private register(group: string, member: string, machine: StateMachine<any, any, any, any, any>, hooks: GroupHooks, conf: ConfState, applied: number): Replica {
    const r = new Replica(group, member, machine, hooks, this.o.maxRetainedResults);
    r.applied = applied;
    this.install(r, conf);
    return r;
  }

  private install(r: Replica, conf: ConfState): void {
    this.setConf(r, conf);
    r.wasMember = confMembers(conf).includes(r.memberId);
    r.core = this.buildCore(r, conf);
    const replaced = this.replicas.get(r.group);
    if (replaced !== undefined) replaced.attached = false;
    r.attached = true;
    this.replicas.set(r.group, r);
    this.wake(r);
    this.schedulePass();
  }

  private buildCore(r: Replica, conf: ConfState): RaftNode {
    return this.createCore({
      // One pass applies at most this much: a member catching up on a long backlog (after a restart)
      // keeps answering its peers in between, instead of applying a MiB of small commands at once.
      maxCommittedSizePerReady: APPLY_BYTES_PER_PASS,
      ...(this.o.raft ?? {}),
      id: r.memberId,
      log: new GroupLogReader(this.o.storage, r.group, conf),
      rng: mulberry32(hash32(this.o.seed, `${r.group}\u0000${r.memberId}`)),
      electionTick: this.o.electionTicks,
      heartbeatTick: this.o.heartbeatTicks,
      applied: r.applied,
      logger: this.o.logger,
    });
  }

  private monotonicNow(): number {
    const clock = this.o.clock;
    return clock.monotonic !== undefined ? clock.monotonic() : clock.now();
  }

  private get(group: string): Replica {
    this.ensureRunning();
    const r = this.replicas.get(group);
    if (r === undefined) throw new GroupNotFoundError(group, this.o.nodeId);
    return r;
  }

  private ensureRunning(): void {
    if (!this.running) throw new StoppedError(this.o.nodeId);
  }

  // ---------------------------------------------------------------- commands and queries

  /**
   * Runs a command through the group's log; resolves with the state machine's result once applied
   * on this member (the leader). Rejects with NotLeaderError (leader hint), TooLargeError,
   * CommandFailedError (the machine threw), TimeoutError, GroupNotFoundError or StoppedError.
   */
  command<Result = unknown>(group: string, command: unknown, options: CommandOptions = {}): Promise<Result> {
    try {
      const r = this.get(group);
      if (r.role !== 'leader') throw r.notLeader();
      const clientId = options.clientId ?? '';
      const seq = options.seq ?? 0;
      if (typeof clientId !== 'string') throw new ConfigError('clientId', 'must be a string');
      if (clientId !== '' && (!Number.isSafeInteger(seq) || seq <= 0)) throw new ConfigError('seq', 'must be a positive integer when clientId is set');
      const acked = clientId === '' ? 0 : (options.acked ?? 0);
      if (!Number.isSafeInteger(acked) || acked < 0 || acked > seq) throw new ConfigError('acked', 'must be an integer from 0 to seq');
      // Beside a build that cannot read an acknowledgement the record goes without one: its
      // members then keep those results a while longer, as that build does anyway.
      const data = encodeCommand({ clientId, seq, acked: this.logFormatOf(r) >= 2 ? acked : 0, payload: r.codec.encode(command) });
      if (data.length > this.o.maxCommandBytes) throw new TooLargeError(group, data.length, this.o.maxCommandBytes);
      const deadline = options.deadline ?? this.o.clock.now() + this.o.defaultTimeoutMs;
      return new Promise<Outcome>((resolve, reject) => {
        r.proposals.push({ data, waiter: { deadline, resolve, reject } });
        this.touch(r);
      }).then((o) => {
        if (o.ok) return o.result as Result;
        throw r.failure(o);
      });
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /**
   * Answers a query from the group's state. 'linearizable' (default) confirms leadership with a
   * ReadIndex round (works on followers too, through the leader); 'lease' answers at once on a
   * leader whose quorum answered within the lease window and falls back to ReadIndex otherwise;
   * 'stale' answers from this member's state as it is.
   */
  query<Answer = unknown>(group: string, query: unknown, options: QueryOptions = {}): Promise<Answer> {
    try {
      const r = this.get(group);
      const consistency = options.consistency ?? 'linearizable';
      const deadline = options.deadline ?? this.o.clock.now() + this.o.defaultTimeoutMs;
      switch (consistency) {
        case 'stale':
          return Promise.resolve(this.answer(r, query) as Answer);
        case 'lease':
          if (r.role === 'leader' && this.leaseValid(r)) {
            const index = r.core.basicStatus().commit;
            return this.afterApplied(r, index, deadline, () => this.answer(r, query) as Answer);
          }
          return this.readIndex(r, deadline, () => this.answer(r, query) as Answer);
        case 'linearizable':
          return this.readIndex(r, deadline, () => this.answer(r, query) as Answer);
        default: {
          const never: never = consistency;
          throw new ConfigError('consistency', `unknown consistency ${String(never)}`);
        }
      }
    } catch (e) {
      return Promise.reject(e);
    }
  }

  private answer(r: Replica, query: unknown): unknown {
    let a: unknown;
    try {
      a = r.machine.query(r.state, query);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      throw new CommandFailedError(r.group, err.name, err.message);
    }
    this.hook(r, 'onQueryAnswered', () => r.hooks.onQueryAnswered?.(r.group, query, a, r.state));
    return a;
  }

  private readIndex<T>(r: Replica, deadline: number, run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const w: ReadWaiter = { index: -1, deadline, run: () => settle(run, resolve, reject), reject };
      r.pendingReads.push(w);
      this.touch(r);
    });
  }

  private afterApplied<T>(r: Replica, index: number, deadline: number, run: () => T): Promise<T> {
    if (r.applied >= index) {
      try {
        return Promise.resolve(run());
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return new Promise<T>((resolve, reject) => {
      r.readsWaitingApply.push({ index, deadline, run: () => settle(run, resolve, reject), reject });
      this.touch(r);
    });
  }

  private leaseValid(r: Replica): boolean {
    const st = r.core.basicStatus();
    const window = this.o.electionTicks - this.o.heartbeatTicks;
    let acks = 0;
    const voters = r.conf.voters;
    for (const v of voters) {
      if (v === r.memberId) acks++;
      else {
        const at = r.lastAck.get(v);
        if (at !== undefined && this.hostTick - at < window) acks++;
      }
    }
    if (acks < Math.floor(voters.length / 2) + 1) return false;
    try {
      return this.o.storage.term(r.group, st.commit) === st.term;
    } catch {
      return false;
    }
  }

  // ---------------------------------------------------------------- remote access

  /** Runs a command on the member of `group` hosted by node `node` (its leader), through the transport. */
  async remoteCommand<Result = unknown>(
    node: string,
    group: string,
    command: unknown,
    options: CommandOptions & { codec?: Codec<any> } = {},
  ): Promise<Result> {
    const codec = options.codec ?? this.replicas.get(group)?.codec ?? msgpackCodec;
    const timeoutMs = Math.max(1, (options.deadline ?? this.o.clock.now() + this.o.defaultTimeoutMs) - this.o.clock.now());
    const body = internalCodec.encode({ g: group, c: codec.encode(command), i: options.clientId ?? '', s: options.seq ?? 0, a: options.acked ?? 0, t: timeoutMs });
    const resp = internalCodec.decode(await this.o.transport.request(node, RPC.command, body, timeoutMs + 100)) as { ok: boolean; r?: Uint8Array; e?: SerializedError };
    if (!resp.ok) throw reviveError(resp.e, node);
    return codec.decode(resp.r ?? EMPTY) as Result;
  }

  /** Runs a query on the member of `group` hosted by node `node`, through the transport. */
  async remoteQuery<Answer = unknown>(node: string, group: string, query: unknown, options: QueryOptions & { codec?: Codec<any> } = {}): Promise<Answer> {
    const codec = options.codec ?? this.replicas.get(group)?.codec ?? msgpackCodec;
    const timeoutMs = Math.max(1, (options.deadline ?? this.o.clock.now() + this.o.defaultTimeoutMs) - this.o.clock.now());
    const body = internalCodec.encode({ g: group, q: codec.encode(query), k: options.consistency ?? 'linearizable', t: timeoutMs });
    const resp = internalCodec.decode(await this.o.transport.request(node, RPC.query, body, timeoutMs + 100)) as { ok: boolean; r?: Uint8Array; e?: SerializedError };
    if (!resp.ok) throw reviveError(resp.e, node);
    return codec.decode(resp.r ?? EMPTY) as Answer;
  }

  private async serveCommand(body: Uint8Array): Promise<Uint8Array> {
    try {
      const req = internalCodec.decode(body) as { g: string; c: Uint8Array; i: string; s: number; a?: number; t: number };
      const r = this.get(req.g);
      const opts: CommandOptions = { deadline: this.o.clock.now() + Math.min(Math.max(1, req.t), 10 * this.o.defaultTimeoutMs) };
      if (req.i !== '') {
        opts.clientId = req.i;
        opts.seq = req.s;
        // Absent from older nodes' requests.
        if (req.a !== undefined) opts.acked = req.a;
      }
      const result = await this.command(req.g, r.codec.decode(req.c), opts);
      return internalCodec.encode({ ok: true, r: r.codec.encode(result) });
    } catch (e) {
      return internalCodec.encode({ ok: false, e: serializeError(e) });
    }
  }

  private async serveQuery(body: Uint8Array): Promise<Uint8Array> {
    try {
      const req = internalCodec.decode(body) as { g: string; q: Uint8Array; k: Consistency; t: number };
      const r = this.get(req.g);
      const answer = await this.query(req.g, r.codec.decode(req.q), {
        consistency: req.k,
        deadline: this.o.clock.now() + Math.min(Math.max(1, req.t), 10 * this.o.defaultTimeoutMs),
      });
      return internalCodec.encode({ ok: true, r: r.codec.encode(answer) });
    } catch (e) {
      return internalCodec.encode({ ok: false, e: serializeError(e) });
    }
  }

  // ---------------------------------------------------------------- membership

  /**
   * Adds the member of `group` that node `nodeId` prepared with {@link Host.joinGroup}: as a learner
   * first, promoted to voter once it caught up. Must run on the leader's node. Resolves to the new member id.
   */
  async addMember(group: string, nodeId: string, options: MembershipOptions = {}): Promise<string> {
    const r = this.leaderReplica(group);
    const deadline = options.deadline ?? this.changeDeadline();
    return this.exclusive(r, '', async () => {
      const resp = internalCodec.decode(
        await this.o.transport.request(nodeId, RPC.memberOf, internalCodec.encode({ g: group }), Math.max(1, deadline - this.o.clock.now())),
      ) as { ok: boolean; m?: string; e?: SerializedError };
      if (!resp.ok || resp.m === undefined) throw reviveError(resp.e, nodeId);
      const member = resp.m;
      if (r.conf.voters.includes(member)) return member;
      if (confMembers(r.conf).some((m) => nodeOfMember(m) === nodeId && m !== member)) {
        throw new MembershipChangeError(group, member, 'rejected', `node ${nodeId} already hosts another member of ${group}; remove it first`);
      }
      // A new member must learn the configuration from a snapshot that already lists it, never by
      // replaying the log from index 1 (the initial voters are not in the log). So: compact the log
      // first (no entry 1 left to replay), add the learner, then snapshot again so the snapshot it
      // is sent includes it.
      await this.snapshotNow(r, deadline);
      r.joining = member;
      try {
        if (!r.conf.learners.includes(member)) await this.changeConf(r, { type: 'addLearner', member, context: new TextEncoder().encode(nodeId) }, deadline);
        await this.snapshotNow(r, deadline);
      } finally {
        r.joining = undefined;
        this.runWatchers(r);
      }
      const target = r.core.status().commit;
      await this.waitFor(
        r,
        () => {
          if (r.role !== 'leader') throw r.notLeader();
          return (r.core.status().progress[member]?.match ?? 0) >= target;
        },
        deadline,
        'addMember',
      );
      await this.changeConf(r, { type: 'promote', member, context: EMPTY }, deadline);
      return member;
    });
  }

  /**
   * Removes a member through the log. Refused with MembershipChangeError('unsafe') when the voters
   * that remain healthy would be fewer than a quorum of the new configuration.
   */
  async removeMember(group: string, memberId: string, options: MembershipOptions = {}): Promise<void> {
    const r = this.leaderReplica(group);
    const deadline = options.deadline ?? this.changeDeadline();
    await this.exclusive(r, memberId, async () => {
      const st = r.core.status();
      if (!confMembers(st.conf).includes(memberId)) throw new MembershipChangeError(group, memberId, 'unknownMember', `${memberId} is not a member of ${group}`);
      if (st.conf.voters.includes(memberId)) {
        const remaining = st.conf.voters.filter((v) => v !== memberId);
        // Healthy: answered within an election timeout (our own record), or active by check-quorum's.
        const heardRecently = (v: string) => this.hostTick - (r.lastAck.get(v) ?? -Infinity) <= this.o.electionTicks;
        // A caught-up follower of a quiescent group answers nothing, so its node's liveness (the
        // shared per-node heartbeat) stands in for its own acknowledgements.
        const caughtUpOnLiveNode = (v: string) => (st.progress[v]?.match ?? -1) === st.lastIndex && this.nodes.get(nodeOfMember(v))?.down === false;
        const healthy = remaining.filter((v) => v === r.memberId || heardRecently(v) || st.progress[v]?.recentActive === true || caughtUpOnLiveNode(v));
        const quorum = Math.floor(remaining.length / 2) + 1;
        if (remaining.length === 0 || healthy.length < quorum) {
          throw new MembershipChangeError(
            group,
            memberId,
            'unsafe',
            `removing ${memberId} would leave ${healthy.length} healthy of ${remaining.length} voters, below a quorum of ${quorum}`,
          );
        }
      }
      await this.changeConf(r, { type: 'remove', member: memberId, context: EMPTY }, deadline);
    });
  }

  /**
   * Hands leadership to `memberId` (a voter); resolves once it leads. A transfer the core gives up
   * (its target did not catch up within an election timeout) is asked for again, up to
   * MAX_TRANSFER_ATTEMPTS times in all; then it rejects with MembershipChangeError ('rejected').
   */
  async transferLeader(group: string, memberId: string, options: MembershipOptions = {}): Promise<void> {
    const r = this.leaderReplica(group);
    const deadline = options.deadline ?? this.changeDeadline();
    if (memberId === r.memberId) return;
    if (!r.conf.voters.includes(memberId)) throw new MembershipChangeError(group, memberId, 'unknownMember', `${memberId} is not a voter of ${group}`);
    await this.exclusive(r, memberId, async () => {
      // The core gives a transfer up after an election timeout when the target has not caught up
      // by then (it may still be installing a snapshot or applying its promotion). Within the
      // caller's deadline the transfer is asked for again, rather than waited on after it ended.
      for (let attempt = 1; ; attempt++) {
        let asked = false;
        this.enqueue(r, () => {
          r.core.transferLeadership(memberId);
          asked = true;
        });
        const givenUp = (): boolean => asked && r.role === 'leader' && r.core.basicStatus(this.statusScratch).leadTransferee === '';
        await this.waitFor(r, () => r.leader === memberId || givenUp(), deadline, 'transferLeader');
        if (r.leader === memberId) return;
        if (!r.conf.voters.includes(memberId)) throw new MembershipChangeError(group, memberId, 'unknownMember', `${memberId} is no longer a voter of ${group}`);
        if (attempt >= MAX_TRANSFER_ATTEMPTS) {
          throw new MembershipChangeError(group, memberId, 'rejected', `${memberId} did not catch up for a leadership transfer (${attempt} attempts)`);
        }
        this.counts.transfersRetried++;
      }
    });
  }

  /**
   * Operator tool for a group that lost its quorum: rewrites THIS member's configuration without
   * `memberId`, bypassing consensus. Run it on every surviving member; unsafe while a quorum is alive.
   */
  async forceRemoveMember(group: string, memberId: string): Promise<void> {
    const r = this.get(group);
    if (!confMembers(r.conf).includes(memberId)) throw new MembershipChangeError(group, memberId, 'unknownMember', `${memberId} is not a member of ${group}`);
    const conf: ConfState = { voters: r.conf.voters.filter((v) => v !== memberId), learners: r.conf.learners.filter((v) => v !== memberId) };
    await new Promise<void>((resolve, reject) => {
      this.actions.push(async () => {
        try {
          // The rebuilt core reads its hard state back: commit indexes kept back go with the membership.
          await this.o.storage.write({ writes: this.takeLazyHardStates(new Map([[r, { group, confState: conf }]])) });
          r.failAll(() => r.notLeader());
          this.setConf(r, conf);
          r.core = this.buildCore(r, conf);
          r.role = 'follower';
          r.leader = '';
          this.wake(r);
          this.dirty.add(r);
          if (conf.voters.length === 1 && conf.voters[0] === r.memberId) r.core.campaign();
          resolve();
        } catch (e) {
          reject(e as Error);
        }
      });
      this.schedulePass();
    });
  }

  /** The deadline of a membership change the caller gave none: four times the default timeout from now. */
  private changeDeadline(): number {
    return this.o.clock.now() + 4 * this.o.defaultTimeoutMs;
  }

  private leaderReplica(group: string): Replica {
    const r = this.get(group);
    if (r.role !== 'leader') throw r.notLeader();
    return r;
  }

  private async exclusive<T>(r: Replica, member: string, fn: () => Promise<T>): Promise<T> {
    if (r.membershipBusy) throw new MembershipChangeError(r.group, member, 'inProgress', `a membership change of ${r.group} is already running`);
    r.membershipBusy = true;
    this.wake(r);
    try {
      return await fn();
    } finally {
      r.membershipBusy = false;
    }
  }

  private changeConf(r: Replica, change: ConfChange, deadline: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.enqueue(r, () => {
        try {
          const { index, term } = r.core.proposeConfChange(change);
          r.waiters.set(index, { index, term, callers: [{ deadline, resolve: () => resolve(), reject }] });
        } catch (e) {
          reject(mapCoreError(r, e, change.member));
        }
      });
    });
  }

  private async snapshotNow(r: Replica, deadline: number): Promise<void> {
    const index = r.applied;
    if (r.snapshotIndex >= index && index > 0) return;
    r.forceSnapshot = true;
    this.touch(r);
    await this.waitFor(r, () => r.snapshotIndex >= index && r.snapshotIndex > 0, deadline, 'snapshot');
  }

  private waitFor(r: Replica, check: () => boolean, deadline: number, operation: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      r.watchers.push({
        deadline,
        check: () => {
          try {
            if (!check()) return false;
            resolve();
          } catch (e) {
            reject(e as Error);
          }
          return true;
        },
        timeout: () => reject(new TimeoutError(r.group, operation)),
      });
      this.touch(r);
    });
  }

  /** This host's member id in `group`, or undefined when it hosts none (or is stopped). */
  memberId(group: string): string | undefined {
    return this.running ? this.replicas.get(group)?.memberId : undefined;
  }

  /**
   * Role of this node's member of `group` and the node of its known leader, read without building a
   * full {@link Host.status} (routing asks this on every command), and whether the member is still
   * in the group's configuration as it knows it; undefined when no member is here.
   */
  leadership(group: string): { role: GroupStatus['role']; leaderNode: string; inConfig: boolean } | undefined {
    const r = this.running ? this.replicas.get(group) : undefined;
    if (r === undefined) return undefined;
    const conf = r.conf;
    return { role: r.role, leaderNode: r.leaderNode, inConfig: conf.voters.includes(r.memberId) || conf.learners.includes(r.memberId) };
  }

  /**
   * The log format read by each node that hosts (or hosted) a member of one of this host's groups,
   * as this host last heard (0: not heard since it was tracked or last went down, taken as the
   * first meanwhile); see {@link LOG_FORMAT}. During a rolling upgrade it says which nodes still
   * run an older build.
   */
  peerLogFormats(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [node, ns] of this.nodes) out[node] = ns.logFormat;
    return out;
  }

  /** Diagnostics of this node's member of `group`. */
  status(group: string): GroupStatus {
    const r = this.get(group);
    const st = r.core.status();
    const first = this.o.storage.firstIndex(group);
    return {
      group,
      member: r.memberId,
      // The runtime's view (updated when a Ready is handled), the one command() acts on.
      role: r.role,
      term: st.term,
      leader: r.leader,
      leaderNode: r.leaderNode,
      voters: [...st.conf.voters],
      learners: [...st.conf.learners],
      commit: st.commit,
      applied: r.applied,
      firstIndex: first,
      lastIndex: st.lastIndex,
      logSize: Math.max(0, st.lastIndex - first + 1),
      snapshot: { index: r.snapshotIndex, term: r.snapshotTerm },
      quiescent: r.quiescent,
      retainedResults: r.table.size,
      logFormat: this.logFormatOf(r),
      progress: st.progress,
    };
  }

  // ---------------------------------------------------------------- the loop

  private touch(r: Replica): void {
    this.wake(r);
    this.dirty.add(r);
    this.schedulePass();
  }

  private enqueue(r: Replica, fn: () => void): void {
    r.actions.push(fn);
    this.touch(r);
  }

  private wake(r: Replica): void {
    if (r.quiescent) {
      r.quiescent = false;
      r.idleTicks = 0;
      // Its cores' timers stood still while it slept: the first tick after waking would find a
      // heartbeat due at once, sent before whatever woke the group has even been proposed.
      r.skipTick = true;
    }
    this.awake.add(r);
  }

  private receive(from: string, envelopes: Envelope[]): void {
    if (!this.running) return;
    // Heard now, not when the pass gets to it: a node-down event that comes between the two must
    // not be undone by a batch the node sent before it went away.
    this.nodeHeard(from);
    this.inbox.push([from, envelopes, this.nodes.get(from)?.downs ?? -1]);
    this.schedulePass();
  }

  private schedulePass(): void {
    if (!this.running) return;
    if (this.passRunning) {
      this.passAgain = true;
      return;
    }
    if (this.passScheduled) return;
    this.passScheduled = true;
    setImmediate(() => {
      this.passScheduled = false;
      this.passDone = this.runPasses();
    });
  }

  private async runPasses(): Promise<void> {
    if (this.passRunning) return;
    this.passRunning = true;
    let since = performance.now();
    try {
      for (;;) {
        this.passAgain = false;
        if (!this.running) break;
        const did = await this.passOnce();
        if (!did && !this.passAgain) break;
        // Passes without a storage write (applying a long backlog after a restart) follow each
        // other as microtasks: hand the event loop to sockets and timers every few ms, or peers'
        // pings go unanswered and this node counts as down while it is only busy.
        if (performance.now() - since >= PASS_YIELD_MS) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          since = performance.now();
        }
      }
    } catch (e) {
      // Storage failing under a Ready leaves cores that cannot be advanced safely: crash-stop the
      // host (like etcd panics) and let the operator restart it from what is durable.
      this.o.logger.warn({ node: this.o.nodeId, err: String((e as Error)?.stack ?? e) }, 'processing pass failed; host stops');
      this.halt(e instanceof Error ? e : new Error(String(e)));
    } finally {
      this.passRunning = false;
    }
    if (this.passAgain) this.schedulePass();
  }

  /** One pass of the loop; returns whether it did anything. */
  private async passOnce(): Promise<boolean> {
    let did = false;
    const inbox = this.inbox;
    this.inbox = [];
    for (const [from, envs, downs] of inbox) {
      // Sent before its node was marked down (a dead leader's last appends, read before the socket
      // closed): stepping it would bring that leader back to members that just forgot it.
      const ns = this.nodes.get(from);
      if (ns !== undefined && downs >= 0 && ns.downs !== downs) continue;
      for (const env of envs) {
        try {
          this.stepEnvelope(env);
        } catch (e) {
          // A malformed envelope from a peer must not stop the host.
          this.o.logger.warn({ node: this.o.nodeId, from, group: String(env?.group), err: String(e) }, 'envelope dropped');
        }
      }
    }

    // Ticks after the messages that came with them: an answer already here counts before a
    // timeout or a heartbeat round is decided on.
    const ticks = this.pendingTicks;
    this.pendingTicks = 0;
    for (let i = 0; i < ticks; i++) this.tickOnce();
    if (ticks > 0) did = true;

    const actions = this.actions;
    this.actions = [];
    for (const a of actions) await a();

    const work: Array<{ r: Replica; rd: Ready }> = [];
    const writes = new Map<Replica, GroupWrite>();
    const dirty = [...this.dirty];
    this.dirty.clear();
    for (const r of dirty) {
      if (!r.attached) continue;
      this.flush(r);
      let gw: GroupWrite | undefined;
      if (r.core.hasReady()) {
        const rd = r.core.ready();
        work.push({ r, rd });
        if (rd.entries.length > 0) (gw ??= { group: r.group }).entries = rd.entries;
        if (rd.hardState !== undefined && !this.keepBack(r, rd.hardState)) (gw ??= { group: r.group }).hardState = rd.hardState;
      }
      if (r.confDirty) {
        (gw ??= { group: r.group }).confState = { voters: [...r.conf.voters], learners: [...r.conf.learners] };
        r.confDirty = false;
      }
      if (gw !== undefined) writes.set(r, gw);
    }
    for (const { r, rd } of work) {
      this.applySoft(r, rd);
      if (r.role === 'leader') this.counts.leaderVisits++;
      else this.counts.otherVisits++;
    }
    if (work.length === 0 && writes.size === 0) {
      if (this.lazyCommitsDue()) {
        this.counts.storageWrites++;
        await this.o.storage.write({ writes: this.takeLazyHardStates(new Map()), durable: false });
      }
      for (const r of dirty) {
        const snapshot = this.housekeep(r);
        if (snapshot !== undefined) await snapshot;
        this.sleepIfSettled(r);
      }
      return did;
    }

    // Persist: snapshots received from a leader first (they reset the log), then one batch for all groups.
    for (const { r, rd } of work) {
      if (rd.snapshot !== undefined && rd.snapshot.meta.index > r.snapshotIndex) {
        try {
          await this.o.storage.saveSnapshot(r.group, rd.snapshot.meta, rd.snapshot.data, { confState: rd.snapshot.meta.conf });
        } catch (e) {
          // A newer snapshot already in place covers this one; anything else is a storage failure.
          if (errCode(e) !== 'ERR_STORAGE_STALE_SNAPSHOT') throw e;
          this.o.logger.warn({ group: r.group, index: rd.snapshot.meta.index }, 'received snapshot older than the stored one');
        }
      }
    }
    // A leader's messages (appends, heartbeats) do not depend on its own log being durable: the
    // leader counts its entries toward commitment only after advance(). Sending them before the
    // write lets followers persist in parallel with the leader (Raft dissertation 10.2.1).
    // A leader's term and vote were made durable before it campaigned, so its Ready changes only the commit index.
    const early: Array<{ r: Replica; rd: Ready }> = [];
    const late: Array<{ r: Replica; rd: Ready }> = [];
    for (const w of work) (w.r.role === 'leader' ? early : late).push(w);
    this.sendMessages(early);

    // Entries, votes, terms and membership must be durable before anything that depends on them is
    // sent or applied; hard states that only move the commit index were kept back (see keepBack).
    let durable = false;
    for (const w of work) if (w.rd.mustSync) durable = true;
    for (const gw of writes.values()) if (gw.confState !== undefined || gw.meta !== undefined) durable = true;
    const lazyDue = this.lazyCommitsDue();
    if (writes.size > 0 || lazyDue) {
      this.counts.storageWrites++;
      await this.o.storage.write({ writes: lazyDue ? this.takeLazyHardStates(writes) : [...writes.values()], durable });
    }

    // Send the rest (everything that depends on what was just made durable): one batch per node.
    this.sendMessages(late);

    // Apply, answer, advance.
    const pass = ++this.passes;
    for (const { r, rd } of work) {
      this.applyReady(r, rd);
      r.core.advance();
      r.workedInPass = pass;
      // The next pass visits it again only when advance() left it work: a leader's own entries,
      // durable now, may commit; more committed entries may wait than one Ready carries.
      if (r.core.hasReady()) this.dirty.add(r);
    }
    for (const { r, rd } of work) {
      const snapshot = this.afterApply(r, rd);
      if (snapshot !== undefined) await snapshot;
      if (!this.dirty.has(r)) this.sleepIfSettled(r);
    }
    for (const r of dirty) {
      if (r.workedInPass === pass) continue;
      const snapshot = this.housekeep(r);
      if (snapshot !== undefined) await snapshot;
      this.sleepIfSettled(r);
    }
    for (const r of dirty) if (r.confDirty) this.dirty.add(r);
    return true;
  }

  /**
   * Keeps back `hs`, the newest hard state of `r`, when it only moves the commit index; false when
   * it must be written now (a new term or vote). A commit index need not be written at all (etcd's
   * mustSync rule goes further than not syncing it): a lost one is relearned from the leader, and a
   * restarted member replays from its snapshot up to whatever commit index it finds. Kept-back hard
   * states, the newest per group, are written every LAZY_COMMIT_TICKS with whatever write comes
   * then: a busy group writes its commit index a few times a second instead of with every entry.
   */
  private keepBack(r: Replica, hs: HardState): boolean {
    const prev = r.lastHardState;
    r.lastHardState = hs;
    if (prev === undefined || prev.term !== hs.term || prev.vote !== hs.vote) {
      this.lazyHardStates.delete(r); // this one is newer
      return false;
    }
    if (this.lazyHardStates.size === 0) this.lazySince = this.hostTick;
    this.lazyHardStates.set(r, hs);
    return true;
  }

  /** Whether hard states kept back (see keepBack) have waited LAZY_COMMIT_TICKS. */
  private lazyCommitsDue(): boolean {
    return this.lazyHardStates.size > 0 && this.hostTick - this.lazySince >= LAZY_COMMIT_TICKS;
  }

  /** The group writes of `writes` plus the hard states kept back by lazy commit-index writes, which it clears. */
  private takeLazyHardStates(writes: Map<Replica, GroupWrite>): GroupWrite[] {
    for (const [r, hardState] of this.lazyHardStates) {
      if (!r.attached) continue;
      const gw = writes.get(r);
      if (gw === undefined) writes.set(r, { group: r.group, hardState });
      else gw.hardState ??= hardState;
    }
    this.lazyHardStates.clear();
    return [...writes.values()];
  }

  /** Sends the messages of `items`, coalesced into one batch per destination node. */
  private sendMessages(items: ReadonlyArray<{ r: Replica; rd: Ready }>): void {
    if (items.length === 0) return;
    const out = new Map<string, Envelope[]>();
    for (const { r, rd } of items) {
      for (const m of rd.messages) {
        if (m.type === 'preVoteResponse' && !m.granted && r.failoverAt >= 0) this.outrun(r);
        if (m.type === 'snapshot') {
          void this.streamSnapshot(r, m);
          continue;
        }
        const node = nodeOfMember(m.to);
        let list = out.get(node);
        if (list === undefined) out.set(node, (list = []));
        list.push({ group: r.group, message: m });
      }
    }
    for (const [node, envs] of out) {
      if (node === this.o.nodeId) {
        this.inbox.push([node, envs, -1]);
        this.passAgain = true;
        continue;
      }
      let sent = false;
      try {
        sent = this.o.transport.send(node, envs);
      } catch (e) {
        this.o.logger.warn({ node, err: String(e) }, 'transport send threw');
      }
      if (!sent) this.unreachable(envs);
    }
  }

  private unreachable(envs: Envelope[]): void {
    const seen = new Set<string>();
    for (const env of envs) {
      const key = `${env.group}\u0000${env.message.to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const r = this.replicas.get(env.group);
      if (r !== undefined) r.actions.push(() => r.core.reportUnreachable(env.message.to));
      if (r !== undefined) this.dirty.add(r);
    }
  }

  /** Moves queued proposals, reads and core calls of a replica into its core. */
  private flush(r: Replica): void {
    this.runActions(r);
    if (r.proposals.length > 0) {
      const batch = r.proposals;
      r.proposals = [];
      if (r.role !== 'leader') {
        for (const p of batch) p.waiter.reject(r.notLeader());
      } else {
        try {
          // Many commands per entry: pack the queue into batch entries of bounded size. A clock
          // record goes first when one is due, so the commands after it count as active then.
          const datas: Uint8Array[] = [];
          const clock = this.logFormatOf(r) >= 2 ? r.clockDue(this.monotonicNow()) : undefined;
          if (clock !== undefined) datas.push(clock);
          const first = datas.length;
          const callers: Caller[][] = [];
          for (let i = 0; i < batch.length; ) {
            let j = i;
            let bytes = 0;
            while (j < batch.length && j - i < MAX_BATCH_COMMANDS && (j === i || bytes + batch[j]!.data.length <= MAX_BATCH_BYTES)) bytes += batch[j++]!.data.length;
            const slice = batch.slice(i, j);
            datas.push(slice.length === 1 ? slice[0]!.data : encodeBatch(slice.map((p) => p.data)));
            callers.push(slice.map((p) => p.waiter));
            i = j;
          }
          const { firstIndex, term } = r.core.propose(datas);
          for (let k = 0; k < callers.length; k++) {
            const index = firstIndex + first + k;
            r.waiters.set(index, { index, term, callers: callers[k]! });
          }
        } catch (e) {
          const err = mapCoreError(r, e, '');
          for (const p of batch) p.waiter.reject(err);
        }
      }
    }
    if (r.pendingReads.length > 0) {
      const reads = r.pendingReads;
      r.pendingReads = [];
      const ctx = `${this.o.nodeId}:${this.nextCtx++}`;
      r.readsByCtx.set(ctx, reads);
      try {
        r.core.readIndex(ctx);
      } catch (e) {
        r.readsByCtx.delete(ctx);
        const err = mapCoreError(r, e, '');
        for (const w of reads) w.reject(err);
      }
    }
  }

  /** Runs the core calls queued for a replica (outside a core's Ready, inside a pass). */
  private runActions(r: Replica): void {
    if (r.actions.length === 0) return;
    const actions = r.actions;
    r.actions = [];
    for (const a of actions) {
      try {
        a();
      } catch (e) {
        this.o.logger.warn({ group: r.group, err: String(e) }, 'core call failed');
      }
    }
  }

  private stepEnvelope(env: Envelope): void {
    const r = this.replicas.get(env.group);
    const m = env.message;
    if (r === undefined || m.to !== r.memberId) return;
    if (r.removed?.has(m.from) === true) {
      // A removed member that missed its removal campaigns forever (its votes count nowhere): tell it.
      this.tellRemoved(r, m.from);
      return;
    }
    // Core calls queued before this message arrived come first (a failover's forgetLeader must
    // precede the pre-vote it is meant to let through).
    this.runActions(r);
    if (m.type === 'snapshotChunk') {
      if (!(m.data instanceof Uint8Array) || !Number.isSafeInteger(m.offset) || typeof m.meta?.index !== 'number') return;
      if (m.offset === 0) r.incoming = { from: m.from, index: m.meta.index, parts: [], size: 0, at: this.hostTick };
      const inc = r.incoming;
      if (inc === undefined || inc.from !== m.from || inc.index !== m.meta.index || inc.size !== m.offset) {
        r.incoming = undefined;
        return;
      }
      inc.parts.push(m.data);
      inc.size += m.data.length;
      inc.at = this.hostTick;
      if (!m.last) return;
      r.incoming = undefined;
      const data = new Uint8Array(inc.size);
      let off = 0;
      for (const p of inc.parts) {
        data.set(p, off);
        off += p.length;
      }
      this.stepCore(r, { type: 'snapshot', term: m.term, from: m.from, to: m.to, snapshot: { meta: m.meta, data } });
      return;
    }
    if (r.role === 'leader' && (m.type === 'appendResponse' || m.type === 'heartbeatResponse')) r.lastAck.set(m.from, this.hostTick);
    this.stepCore(r, m);
  }

  private stepCore(r: Replica, m: Message): void {
    try {
      r.core.step(m);
    } catch (e) {
      this.o.logger.warn({ group: r.group, from: m.from, type: m.type, err: String(e) }, 'message rejected by the core');
    }
    // Late answers to the last heartbeats of a leader that just went quiet change nothing; waking
    // for them would keep an idle group ticking forever. Anything that gives the core work wakes it.
    if (r.quiescent && (m.type === 'heartbeatResponse' || m.type === 'appendResponse') && !r.core.hasReady()) return;
    this.wake(r);
    this.dirty.add(r);
  }

  /** Role, leader and term of a Ready: in-memory only, handled as soon as the Ready is taken. */
  private applySoft(r: Replica, rd: Ready): void {
    if (rd.softState !== undefined) {
      const prev = r.role;
      r.role = rd.softState.role;
      r.leader = rd.softState.leader;
      if (prev !== 'leader' && r.role === 'leader') {
        r.lastAck.clear();
        r.startLeading(this.monotonicNow(), this.unappliedLogTime(r));
        this.hook(r, 'onBecomeLeader', () => r.hooks.onBecomeLeader?.(r.group, r.state));
      } else if (prev === 'leader' && r.role !== 'leader') {
        this.hook(r, 'onStopLeading', () => r.hooks.onStopLeading?.(r.group, r.state));
      }
    }
    if (rd.hardState !== undefined) r.term = rd.hardState.term;
  }

  /**
   * The newest log time among the clock records of `r`'s stored log past what it applied, read
   * APPLY_BYTES_PER_PASS (64 KiB) at a time (undefined when there is none, or the log cannot be read).
   */
  private unappliedLogTime(r: Replica): number | undefined {
    let newest: number | undefined;
    try {
      const last = this.o.storage.lastIndex(r.group);
      for (let lo = r.applied + 1; lo <= last; ) {
        const chunk = this.o.storage.entries(r.group, lo, last + 1, APPLY_BYTES_PER_PASS);
        if (chunk.length === 0) break;
        for (const e of chunk) {
          const at = e.type === EntryType.Normal ? decodeClock(e.data) : undefined;
          if (at !== undefined && (newest === undefined || at > newest)) newest = at;
        }
        lo = chunk[chunk.length - 1]!.index + 1;
      }
    } catch (e) {
      this.o.logger.warn({ group: r.group, err: String(e) }, 'unapplied entries unreadable; log time goes on from the applied state');
    }
    return newest;
  }

  private applyReady(r: Replica, rd: Ready): void {
    if (rd.snapshot !== undefined && rd.snapshot.meta.index > r.applied) {
      try {
        r.restoreFrom(rd.snapshot.data, rd.snapshot.meta.index, rd.snapshot.meta.term, this.o.maxRetainedResults);
      } catch (e) {
        this.o.logger.warn({ group: r.group, err: String(e) }, 'snapshot could not be restored');
      }
      for (const [index, w] of r.waiters) {
        if (index <= r.applied) {
          r.waiters.delete(index);
          for (const c of w.callers) c.reject(r.notLeader());
        }
      }
      this.hook(r, 'onRestored', () => r.hooks.onRestored?.(r.group, r.state, r.applied));
    }
    this.applyCommitted(r, rd.committedEntries);
    for (const rs of rd.readStates) {
      const ws = r.readsByCtx.get(rs.context);
      if (ws === undefined) continue;
      r.readsByCtx.delete(rs.context);
      for (const w of ws) {
        w.index = rs.index;
        r.readsWaitingApply.push(w);
      }
    }
    if (r.readsWaitingApply.length > 0) {
      const still: ReadWaiter[] = [];
      for (const w of r.readsWaitingApply) {
        if (w.index <= r.applied) w.run();
        else still.push(w);
      }
      r.readsWaitingApply = still;
    }
  }

  private applyCommitted(r: Replica, entries: readonly Entry[]): void {
    for (const e of entries) {
      if (e.index <= r.applied) continue;
      let outcomes: Outcome[] = NO_RESULT;
      if (e.type === EntryType.Normal && e.data.length > 0) {
        const results = r.applyEntry(e.data);
        outcomes = results.map((x) => x.outcome);
        r.bytesSinceSnapshot += e.data.length;
        if (r.role === 'leader' && r.hooks.onCommandCommitted !== undefined) {
          for (const res of results) {
            if (res.fresh) this.hook(r, 'onCommandCommitted', () => r.hooks.onCommandCommitted?.(r.group, res.command, res.outcome, r.state));
          }
        }
      }
      r.applied = e.index;
      const w = r.waiters.get(e.index);
      if (w !== undefined) {
        r.waiters.delete(e.index);
        if (w.term === e.term) {
          for (let i = 0; i < w.callers.length; i++) w.callers[i]!.resolve(outcomes[i] ?? outcomes[0]!);
        } else {
          for (const c of w.callers) c.reject(r.notLeader());
        }
      }
    }
  }

  /** Membership bookkeeping after a Ready; returns the snapshot being taken, if one is due. */
  private afterApply(r: Replica, rd: Ready): Promise<void> | undefined {
    // Role, leader and term came with the Ready's soft and hard state (applySoft); a membership
    // change that took effect comes as its confState.
    const conf = rd.confState;
    if (conf !== undefined && !sameConf(conf, r.conf)) {
      const before = confMembers(r.conf);
      const after = confMembers(conf);
      if (r.role === 'leader') {
        for (const m of after) if (!before.includes(m) && m !== r.memberId) this.hook(r, 'onFollowerAdded', () => r.hooks.onFollowerAdded?.(r.group, m));
        for (const m of before) if (!after.includes(m) && m !== r.memberId) this.hook(r, 'onFollowerRemoved', () => r.hooks.onFollowerRemoved?.(r.group, m));
      }
      this.setConf(r, conf);
      r.confDirty = true;
      this.dirty.add(r);
      if (after.includes(r.memberId)) r.wasMember = true;
      else if (r.wasMember && r.removedAtTick < 0) r.removedAtTick = this.hostTick;
      for (const m of after) r.removed?.delete(m);
      for (const m of before) {
        if (after.includes(m) || m === r.memberId) continue;
        r.removed ??= new Map();
        r.removed.set(m, { index: r.applied, toldAt: -Infinity });
        if (r.removed.size > REMEMBERED_REMOVALS) r.removed.delete(r.removed.keys().next().value!);
        // A member removed by a leader it stopped hearing from never learns it: tell its node now.
        if (r.role === 'leader') this.tellRemoved(r, m);
      }
    }
    return this.housekeep(r);
  }

  /** Watchers and snapshots, for members that had no Ready this pass too. */
  private housekeep(r: Replica): Promise<void> | undefined {
    if (!r.attached) return undefined;
    this.runWatchers(r);
    return this.snapshotDue(r) ? this.takeSnapshot(r) : undefined;
  }

  private snapshotDue(r: Replica): boolean {
    return r.applied > r.snapshotIndex && (r.forceSnapshot || r.applied - r.snapshotIndex >= this.o.snapshotEntries || r.bytesSinceSnapshot >= this.o.snapshotBytes);
  }

  private async takeSnapshot(r: Replica): Promise<void> {
    const index = r.applied;
    let term: number;
    try {
      term = this.o.storage.term(r.group, index);
    } catch (e) {
      this.o.logger.warn({ group: r.group, index, err: String(e) }, 'cannot snapshot: term unknown');
      return;
    }
    const data = r.snapshotBytes();
    try {
      await this.o.storage.saveSnapshot(r.group, { index, term, conf: { voters: [...r.conf.voters], learners: [...r.conf.learners] } }, data);
    } catch (e) {
      this.o.logger.warn({ group: r.group, index, err: String(e) }, 'snapshot not saved');
      r.forceSnapshot = false;
      return;
    }
    r.snapshotIndex = index;
    r.snapshotTerm = term;
    r.bytesSinceSnapshot = 0;
    r.forceSnapshot = false;
    this.runWatchers(r);
  }

  private runWatchers(r: Replica): void {
    if (r.watchers.length === 0) return;
    r.watchers = r.watchers.filter((w) => !w.check());
  }

  private async streamSnapshot(r: Replica, m: SnapshotMessage): Promise<void> {
    const key = `${r.group}\u0000${m.to}`;
    if (this.outgoing.has(key)) return;
    this.outgoing.add(key);
    let ok = false;
    try {
      // A member being added gets the snapshot taken after its addition (see addMember), not the
      // one stored before it, which it would install only to need the next one at once.
      if (r.joining === m.to) {
        this.counts.snapshotsHeld++;
        const deadline = this.changeDeadline();
        await this.waitFor(r, () => r.joining !== m.to || r.role !== 'leader', deadline, 'snapshot').catch(() => {});
      }
      // Streamed from storage chunk by chunk: the sender never holds the whole state in memory.
      // Only by a leader: one that stepped down while it waited sends nothing.
      const reader = r.role === 'leader' ? this.o.storage.readSnapshot(r.group) : undefined;
      if (reader !== undefined) {
        ok = true;
        const node = nodeOfMember(m.to);
        const size = this.o.snapshotChunkBytes;
        const total = reader.size;
        let offset = 0;
        const sendChunk = (data: Uint8Array): boolean => {
          const last = offset + data.length >= total;
          const env: Envelope = {
            group: r.group,
            message: { type: 'snapshotChunk', term: m.term, from: m.from, to: m.to, meta: reader.meta, offset, data, last },
          };
          offset += data.length;
          return this.o.transport.send(node, [env]);
        };
        if (total === 0) ok = sendChunk(EMPTY);
        for await (const stored of total === 0 ? [] : reader.chunks()) {
          for (let at = 0; at < stored.length && ok; at += size) {
            ok = sendChunk(stored.subarray(at, Math.min(at + size, stored.length)));
            // Yield between chunks so a large snapshot does not starve the loop.
            await new Promise<void>((res) => setImmediate(res));
          }
          if (!ok) break;
        }
        if (offset !== total) ok = false;
      }
    } catch (e) {
      this.o.logger.warn({ group: r.group, to: m.to, err: String(e) }, 'snapshot stream failed');
      ok = false;
    } finally {
      this.outgoing.delete(key);
    }
    if (r.attached) this.enqueue(r, () => r.core.reportSnapshot(m.to, ok));
  }

  private tickOnce(): void {
    this.hostTick++;
    const now = this.o.clock.now();
    for (const r of this.awake) {
      if (!r.attached) {
        this.awake.delete(r);
        continue;
      }
      // Decided before the tick: a member that goes quiet now is not ticked (a leader's tick would
      // send the heartbeats that quiescence is there to save).
      this.expire(r, now);
      this.maybeQuiesce(r);
      if (r.quiescent) continue;
      if (r.skipTick) r.skipTick = false;
      else {
        r.core.tick();
        this.counts.memberTicks++;
      }
      if (r.failoverAt >= 0 && this.hostTick >= r.failoverAt) {
        // No leader yet, and no election of our own under way past its pre-vote: (re)start one. A
        // pre-vote round stays open while a dead member never answers, so it is restarted too. The
        // chosen member also retries from a lost or split vote: the others are left waiting out
        // their election timeout, so only one candidate comes back.
        const stuck = (r.role === 'follower' || r.role === 'preCandidate' || (r.role === 'candidate' && r.failoverChosen)) && r.leader === '';
        if (stuck) r.core.campaign();
        r.failoverTries--;
        r.failoverAt = stuck && r.failoverTries > 0 ? this.hostTick + 2 * FAILOVER_STAGGER_TICKS : -1;
      }
      // Most ticks only move a timer: the pass visits a member only when the tick gave it something
      // to do (a heartbeat, a campaign) or it still has work (callers waiting, a snapshot to retry).
      if (r.hasWork() || this.snapshotDue(r) || r.core.hasReady()) this.dirty.add(r);
      if (r.removedAtTick >= 0 && this.hostTick - r.removedAtTick > this.o.electionTicks) {
        this.destroy(r).catch(() => undefined); // a failed delete halts the host in its pass
      }
    }
    if (this.membersChanged && this.hostTick % (NODE_SWEEP_ELECTIONS * this.o.electionTicks) === 0) this.forgetUnusedNodes();
    this.pingNodes();
  }

  private expire(r: Replica, now: number): void {
    // A snapshot stream whose sender went silent is abandoned (the leader will send a new one).
    if (r.incoming !== undefined && this.hostTick - r.incoming.at > 2 * this.o.electionTicks) r.incoming = undefined;
    if (r.waiters.size > 0) this.expireCommands(r, now);
    if (r.readsByCtx.size > 0) this.expireReads(r, now);
    if (r.readsWaitingApply.length > 0) {
      r.readsWaitingApply = r.readsWaitingApply.filter((w) => {
        if (w.deadline > now) return true;
        w.reject(new TimeoutError(r.group, 'query'));
        return false;
      });
    }
    if (r.watchers.length > 0) {
      this.runWatchers(r);
      r.watchers = r.watchers.filter((w) => {
        if (w.deadline > now) return true;
        w.timeout();
        return false;
      });
    }
  }

  private expireCommands(r: Replica, now: number): void {
    for (const [index, w] of r.waiters) {
      if (w.callers.every((c) => c.deadline > now)) continue;
      w.callers = w.callers.filter((c) => {
        if (c.deadline > now) return true;
        c.reject(new TimeoutError(r.group, 'command'));
        return false;
      });
      if (w.callers.length === 0) r.waiters.delete(index);
    }
  }

  private expireReads(r: Replica, now: number): void {
    for (const [ctx, ws] of r.readsByCtx) {
      const live = ws.filter((w) => {
        if (w.deadline > now) return true;
        w.reject(new TimeoutError(r.group, 'query'));
        return false;
      });
      if (live.length === 0) r.readsByCtx.delete(ctx);
      else r.readsByCtx.set(ctx, live);
    }
  }

  /**
   * The quiescence rule: a member stops ticking after `quiesceTicks` ticks in which nothing changed
   * (term, last index, commit, role, leader) and nobody waits on it, when it is either a leader whose
   * followers all match its last index and live on nodes that answer, or a follower of a known leader on a live node with
   * everything applied. A leader that has also sent every follower the final commit index (the
   * core says it is idle) has nothing left to tell them and stops at its next tick: its
   * heartbeats are what an awake group costs its peers. Any message, proposal, read, membership
   * call or a peer-down of a node hosting one of its members wakes it.
   */
  private maybeQuiesce(r: Replica): void {
    if (this.keptAwake(r)) {
      r.idleTicks = 0;
      return;
    }
    const st = r.core.basicStatus(this.statusScratch);
    const idle = this.settled(r, st);
    if (idle === 'now') {
      this.sleep(r);
      return;
    }
    const same = st.term === r.idleTerm && st.lastIndex === r.idleLast && st.commit === r.idleCommit && st.role === r.idleRole && st.leader === r.idleLeader;
    if (idle === 'after' && same) r.idleTicks++;
    else {
      r.idleTicks = 0;
      r.idleTerm = st.term;
      r.idleLast = st.lastIndex;
      r.idleCommit = st.commit;
      r.idleRole = st.role;
      r.idleLeader = st.leader;
    }
    if (r.idleTicks >= this.o.quiesceTicks) this.sleep(r);
  }

  /**
   * Whatever its core says, a member stays awake while callers or core calls wait on it, a snapshot
   * goes out from it, or (removed) until it is deleted an election timeout after its removal.
   */
  private keptAwake(r: Replica): boolean {
    return r.hasWork() || this.hasOutgoing(r) || r.removedAtTick >= 0;
  }

  /** Stops ticking `r` until something wakes it (see wake). */
  private sleep(r: Replica): void {
    r.quiescent = true;
    this.awake.delete(r);
  }

  /**
   * Whether `r` has settled: 'now' when it may sleep at once, 'after' when only after
   * quiesceTicks ticks in which nothing changed, false when not.
   * - A leader whose log is committed, applied and on every member, with its members' nodes up.
   *   When every follower was also sent the final commit index (the core says it is idle), nothing
   *   is left to tell anyone: 'now'. Otherwise (a core in 'lease' read mode is never idle) 'after'.
   * - A follower with everything committed and applied, under a leader on a node that answers: its
   *   election timer has nothing to watch that the node's liveness does not (a leader that goes
   *   down wakes it, a message from the leader wakes it). The core says no when, for one, the
   *   follower saw a member campaign within its leader's lease: the lease must run out on ticks,
   *   or a leader that is gone could never be replaced.
   */
  private settled(r: Replica, st: BasicStatus, coreIdle = r.core.isIdle?.()): 'now' | 'after' | false {
    if (st.role === 'leader') {
      if (st.commit !== st.lastIndex || r.applied !== st.commit || st.leadTransferee !== '' || !st.replicated) return false;
      for (const v of r.conf.voters) if (!this.memberNodeUp(r, v)) return false;
      for (const l of r.conf.learners) if (!this.memberNodeUp(r, l)) return false;
      return coreIdle === true ? 'now' : 'after';
    }
    if (st.role === 'follower' && st.leader !== '' && st.leader !== r.memberId) {
      const ns = this.nodes.get(nodeOfMember(st.leader));
      if (ns === undefined || ns.down || st.commit !== st.lastIndex || r.applied !== st.commit) return false;
      return coreIdle === true ? 'now' : coreIdle === false ? false : 'after';
    }
    return false;
  }

  /**
   * Puts a member to sleep in the pass that leaves it without work, when it has settled (see
   * settled): what its next tick's quiescence check would find, found while its state is at hand.
   * A group that gets a command every few ticks then costs its members no tick at all between
   * commands.
   */
  private sleepIfSettled(r: Replica): void {
    if (r.quiescent || !r.attached || this.keptAwake(r)) return;
    // 'now' needs an idle core: asking that first spares most calls the status object.
    if (r.core.isIdle?.() !== true) return;
    if (this.settled(r, r.core.basicStatus(this.statusScratch), true) === 'now') this.sleep(r);
  }

  /** Whether `member` is this replica or lives on a node that answers: a member on a down node keeps its leader ticking, so check-quorum still runs. */
  private memberNodeUp(r: Replica, member: string): boolean {
    return member === r.memberId || this.nodes.get(nodeOfMember(member))?.down === false;
  }

  private hasOutgoing(r: Replica): boolean {
    if (this.outgoing.size === 0) return false;
    for (const k of this.outgoing) if (k.startsWith(`${r.group}\u0000`)) return true;
    return false;
  }

  /**
   * Tells the node of `member`, which an applied change removed from `r`'s group, that it is gone
   * (at most once per election timeout): a member removed while it was behind (a leader stops
   * replicating to a member as soon as it proposes its removal) would otherwise never learn it, and
   * stay behind as an orphan that campaigns forever (etcd answers such a member's messages with
   * "member removed" the same way).
   */
  private tellRemoved(r: Replica, member: string): void {
    const gone = r.removed?.get(member);
    const node = nodeOfMember(member);
    if (gone === undefined || node === this.o.nodeId || this.hostTick - gone.toldAt < this.o.electionTicks) return;
    gone.toldAt = this.hostTick;
    const body = internalCodec.encode({ g: r.group, m: member, i: gone.index });
    this.o.transport.request(node, RPC.removed, body, this.o.electionTicks * this.o.tickMs).catch((e: unknown) => {
      this.o.logger.debug({ group: r.group, member, node, err: String(e) }, 'removal notice not delivered');
    });
  }

  /**
   * A peer says this node's `member` of `group` was removed by a change applied at `index`. Only an
   * orphan acts on it: a member that applied that far either saw its removal itself or was added
   * again since (a member added again is sent a snapshot taken after its addition).
   */
  private removedByPeer(group: string, member: string, index: number, from: string): void {
    const r = this.replicas.get(group);
    if (r === undefined || r.memberId !== member || r.applied >= index || r.removedAtTick >= 0) return;
    this.o.logger.info({ group, member, node: from, index, applied: r.applied }, 'told by a peer that this member was removed at an index it never reached');
    this.destroy(r).catch(() => undefined); // a failed delete halts the host in its pass
  }

  private destroy(r: Replica, reason = 'member removed from its group; deleting its data'): Promise<void> {
    if (!r.attached) return Promise.resolve();
    r.attached = false;
    this.replicas.delete(r.group);
    this.membersChanged = true;
    this.awake.delete(r);
    this.dirty.delete(r);
    r.failAll(() => new GroupNotFoundError(r.group, this.o.nodeId));
    this.o.logger.info({ group: r.group, member: r.memberId }, reason);
    const deleted = new Promise<void>((resolve, reject) => {
      this.actions.push(async () => {
        try {
          await this.o.storage.deleteGroup(r.group);
          resolve();
        } catch (e) {
          reject(e);
          throw e;
        }
      });
    });
    this.schedulePass();
    return deleted;
  }

  /**
   * Stops this node's member of `group` and deletes its data, without any membership change: for a
   * group that was removed as a whole, or a member that was replaced while its node was away and
   * will never learn it. Waiting callers get {@link GroupNotFoundError}. Resolves once the data is gone.
   */
  async deleteGroup(group: string): Promise<void> {
    this.ensureRunning();
    await this.destroy(this.get(group), 'member deleted by request');
  }

  /**
   * Makes this node's member of `group` start an election now, instead of after an election
   * timeout: used to put the first leader of a new group where placement prefers it.
   */
  campaign(group: string): void {
    this.ensureRunning();
    const r = this.get(group);
    this.enqueue(r, () => r.core.campaign());
  }

  // ---------------------------------------------------------------- node liveness

  /**
   * Gives `r` the membership `conf` (a copy): the one place a member's membership changes, so the
   * nodes it names are tracked, and one that lost its last member here is forgotten at the next
   * sweep (see forgetUnusedNodes). Its log format is recomputed on the new object (see logFormatOf).
   */
  private setConf(r: Replica, conf: ConfState): void {
    r.conf = { voters: [...conf.voters], learners: [...conf.learners] };
    this.membersChanged = true;
    this.trackNodes(r.conf);
  }

  private trackNodes(conf: ConfState): void {
    for (const m of confMembers(conf)) {
      const node = nodeOfMember(m);
      if (node === this.o.nodeId || this.nodes.has(node)) continue;
      const ns: NodeState = { lastHeard: this.hostTick, down: false, pinging: false, pingAt: 0, pingBackoff: 0, downs: 0, logFormat: 0, askingFormat: false };
      this.nodes.set(node, ns);
      this.askLogFormat(node, ns);
    }
  }

  /**
   * Forgets the nodes that no group here has a member on any more (a node purged from the cluster,
   * the last group shared with it deleted): otherwise they would be pinged for as long as this host
   * runs. A node that comes back into a group is tracked afresh.
   */
  private forgetUnusedNodes(): void {
    this.membersChanged = false;
    const unused = new Set(this.nodes.keys());
    const see = (members: readonly string[]): void => {
      for (const m of members) if (unused.size > 0) unused.delete(nodeOfMember(m));
    };
    for (const r of this.replicas.values()) {
      if (unused.size === 0) return;
      see(r.conf.voters);
      see(r.conf.learners);
    }
    for (const node of unused) this.nodes.delete(node);
  }

  /**
   * The newest log format every node of `r`'s group reads. A node not heard on it yet counts as
   * reading only the first: a leader writes nothing a member might refuse while others apply it.
   */
  private logFormatOf(r: Replica): number {
    if (r.logFormatEpoch === this.logFormatEpoch && r.logFormatConf === r.conf) return r.logFormat;
    let format = LOG_FORMAT;
    for (const m of confMembers(r.conf)) {
      const node = nodeOfMember(m);
      if (node === this.o.nodeId) continue;
      const known = this.nodes.get(node)?.logFormat ?? 0;
      format = Math.min(format, known === 0 ? LEGACY_LOG_FORMAT : known);
    }
    r.logFormat = format;
    r.logFormatEpoch = this.logFormatEpoch;
    r.logFormatConf = r.conf;
    return format;
  }

  /** Asks `node` which log format it reads, unless that is known or asked already (see logFormatOf). */
  private askLogFormat(node: string, ns: NodeState): void {
    if (ns.logFormat !== 0 || ns.askingFormat || !this.running) return;
    ns.askingFormat = true;
    const downs = ns.downs;
    const learn = (format: number): void => {
      // An answer from before the node last went down may come from the build it ran then.
      if (this.nodes.get(node) !== ns || ns.downs !== downs || ns.logFormat === format) return;
      ns.logFormat = format;
      this.logFormatEpoch++;
      this.o.logger.info({ node: this.o.nodeId, peer: node, logFormat: format }, 'peer log format');
    };
    this.o.transport.request(node, RPC.logFormat, EMPTY, this.o.nodeDownTicks * this.o.tickMs).then(
      (body) => {
        ns.askingFormat = false;
        let f: unknown;
        try {
          f = (internalCodec.decode(body) as { f?: unknown } | null)?.f;
        } catch {
          f = undefined;
        }
        if (Number.isSafeInteger(f) && (f as number) >= LEGACY_LOG_FORMAT) {
          learn(f as number);
        } else {
          this.o.logger.warn({ node: this.o.nodeId, peer: node }, 'malformed log format answer; taking the first format');
          learn(LEGACY_LOG_FORMAT);
        }
      },
      (e: unknown) => {
        ns.askingFormat = false;
        // A build from before the question has no handler for it; anything else is asked again.
        if (errCode(e) === 'ERR_NO_HANDLER') learn(LEGACY_LOG_FORMAT);
      },
    );
  }

  /**
   * Node-level liveness shared by all groups: ping every node hosting a member of one of ours that
   * was not heard from (batch, answer or its own ping) within the ping interval.
   */
  private pingNodes(): void {
    const interval = this.pingEveryTicks();
    for (const [node, ns] of this.nodes) {
      if (ns.pinging || this.hostTick - ns.lastHeard < interval || this.hostTick < ns.pingAt) continue;
      ns.pinging = true;
      this.o.transport.request(node, RPC.ping, EMPTY, this.o.nodeDownTicks * this.o.tickMs).then(
        () => {
          ns.pinging = false;
          this.nodeHeard(node);
        },
        (e: unknown) => {
          ns.pinging = false;
          this.o.logger.debug({ node: this.o.nodeId, peer: node, err: String(e), silentTicks: this.hostTick - ns.lastHeard }, 'ping failed');
          // A failed ping alone is not enough (a stalled event loop fails them too): the node must
          // also have been silent, no batch and no answer, for nodeDownTicks.
          if (this.hostTick - ns.lastHeard > this.o.nodeDownTicks) this.nodeDown(node);
          // A node that is down is asked less and less often (a ping to a node with no connection
          // fails at once, and would go again every tick): it is heard from anyway when it comes
          // back, as it pings or sends to this node itself.
          if (ns.down) {
            ns.pingBackoff = Math.min(Math.max(interval, ns.pingBackoff * 2), this.maxDownPingTicks());
            ns.pingAt = this.hostTick + ns.pingBackoff;
          }
        },
      );
    }
  }

  /** The longest wait between two pings to a node that is down: about a second, at least a ping interval. */
  private maxDownPingTicks(): number {
    return Math.max(this.pingEveryTicks(), Math.ceil(MAX_DOWN_PING_MS / this.o.tickMs));
  }

  /** Ticks between pings: about a third of nodeDownTicks, so a silent node misses several before it counts as down. */
  private pingEveryTicks(): number {
    return Math.max(this.o.heartbeatTicks, Math.floor(this.o.nodeDownTicks / 3));
  }

  private nodeHeard(node: string): void {
    const ns = this.nodes.get(node);
    if (ns === undefined) return;
    ns.lastHeard = this.hostTick;
    ns.pingAt = 0;
    ns.pingBackoff = 0;
    // Its log format is asked when it is tracked, and again once it is heard from after a failed
    // question or after it went down (it may be back on another build).
    this.askLogFormat(node, ns);
    if (ns.down) {
      ns.down = false;
      this.wakeGroupsOn(node);
    }
  }

  private nodeDown(node: string): void {
    const ns = this.nodes.get(node);
    if (ns === undefined || ns.down) return;
    ns.down = true;
    ns.downs++;
    // It may come back on another build: asked again once it is heard from (see nodeHeard).
    if (ns.logFormat !== 0) {
      ns.logFormat = 0;
      this.logFormatEpoch++;
    }
    this.o.logger.info({ node: this.o.nodeId, peer: node }, 'peer node down');
    this.wakeGroupsOn(node);
    // Fast failover for groups whose leader lived on that node, instead of everyone waiting out the
    // leader's lease: one follower campaigns at once (the first voter by id on a node that is up);
    // the others forget the leader, so they grant its (pre-)vote. Its pre-vote can still fail (a
    // member had not yet seen the node go, or has a longer log), so it tries again a few ticks later,
    // and the others a tick after it, each while no leader spoke meanwhile. Staggered, not
    // together: two candidates in the same tick would split the vote and cost a whole election
    // timeout. A false alarm costs a refused pre-vote.
    for (const r of this.replicas.values()) {
      if (r.role !== 'follower' || r.leaderNode !== node) continue;
      let campaigner: string | undefined;
      for (const v of r.conf.voters) if (nodeOfMember(v) !== node && this.memberNodeUp(r, v) && (campaigner === undefined || v < campaigner)) campaigner = v;
      this.enqueue(r, () => {
        const chosen = campaigner === r.memberId;
        r.failoverChosen = chosen;
        if (chosen) r.core.campaign();
        else r.core.forgetLeader();
        r.failoverAt = this.hostTick + FAILOVER_STAGGER_TICKS + (chosen ? 0 : 1);
        r.failoverTries = FAILOVER_RETRIES;
      });
    }
  }

  /**
   * During a fast failover, this member refused a pre-vote: the candidate's log is behind its own
   * (it forgot the dead leader, so no lease stands in the way). The chosen member was lagging (a
   * member restarted and still catching up): campaign now rather than wait for the retry.
   */
  private outrun(r: Replica): void {
    this.enqueue(r, () => {
      if (r.role === 'follower' && r.leader === '' && r.failoverAt >= 0) r.core.campaign();
    });
  }

  private wakeGroupsOn(node: string): void {
    for (const r of this.replicas.values()) {
      if (!r.quiescent) continue;
      if (confMembers(r.conf).some((m) => nodeOfMember(m) === node)) {
        this.wake(r);
        this.dirty.add(r);
      }
    }
    this.schedulePass();
  }

  private hook(r: Replica, name: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.o.logger.warn({ group: r.group, hook: name, err: String(e) }, 'hook threw');
    }
  }
}

function settle<T>(run: () => T, resolve: (v: T) => void, reject: (e: Error) => void): void {
  try {
    resolve(run());
  } catch (e) {
    reject(e as Error);
  }
}

function mapCoreError(r: Replica, e: unknown, member: string): Error {
  const code = errCode(e);
  switch (code) {
    case 'ERR_RAFT_PROPOSAL_DROPPED': {
      const pe = e as { reason?: string; leader?: string; message: string };
      if (pe.reason === 'tooLarge') return new OverloadedError(r.group, pe.message);
      return new NotLeaderError(r.group, pe.leader ?? r.leader);
    }
    case 'ERR_RAFT_CONF_CHANGE_IN_PROGRESS':
      return new MembershipChangeError(r.group, member, 'inProgress', (e as Error).message);
    case 'ERR_RAFT_CONF_CHANGE_REJECTED':
      return new MembershipChangeError(r.group, member, 'rejected', (e as Error).message);
    default:
      return e instanceof Error ? e : new Error(String(e));
  }
}

function serializeError(e: unknown): SerializedError {
  const err = e instanceof Error ? e : new Error(String(e));
  const out: SerializedError = { code: errCode(err) || 'ERR_UNKNOWN', name: err.name, message: err.message };
  const f = err as unknown as Record<string, unknown>;
  for (const k of ['group', 'leader', 'errorName', 'reason', 'member'] as const) if (typeof f[k] === 'string') out[k] = f[k];
  return out;
}

function reviveError(e: SerializedError | undefined, node: string): Error {
  if (e === undefined) return new RemoteReplicaError(node, 'ERR_UNKNOWN', 'malformed answer');
  const group = e.group ?? '';
  switch (e.code) {
    case 'ERR_REPLICA_NOT_LEADER':
      return new NotLeaderError(group, e.leader ?? '');
    case 'ERR_REPLICA_TIMEOUT':
      return new TimeoutError(group, 'remote');
    case 'ERR_REPLICA_GROUP_NOT_FOUND':
      return new GroupNotFoundError(group, node);
    case 'ERR_REPLICA_COMMAND_FAILED':
      return new CommandFailedError(group, e.errorName ?? 'Error', e.message);
    case 'ERR_REPLICA_STOPPED':
      return new StoppedError(node);
    case 'ERR_REPLICA_MEMBERSHIP_CHANGE':
      return new MembershipChangeError(group, e.member ?? '', (e.reason ?? 'rejected') as MembershipChangeError['reason'], e.message);
    default:
      return new RemoteReplicaError(node, e.code, e.message);
  }
}

/** Reads a group's latest snapshot into one buffer (a member needs the whole state to restore or send it). */
async function readWholeSnapshot(storage: RaftStorage, group: string): Promise<{ meta: SnapshotMeta; data: Uint8Array } | undefined> {
  const reader = storage.readSnapshot(group);
  if (reader === undefined) return undefined;
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const c of reader.chunks()) {
    parts.push(c);
    size += c.length;
  }
  if (parts.length === 1) return { meta: reader.meta, data: parts[0]! };
  const data = new Uint8Array(size);
  let off = 0;
  for (const p of parts) {
    data.set(p, off);
    off += p.length;
  }
  return { meta: reader.meta, data };
}
