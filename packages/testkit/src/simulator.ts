// The deterministic Raft simulator: RawNodes on MemoryLogs with a durable/volatile split, a virtual
// network, fault schedules and KV clients, all driven in virtual ticks from a single seed.
import {
  ConfChangeInProgressError,
  ConfChangeRejectedError,
  MemoryLog,
  ProposalDroppedError,
  RawNode,
  decodeConfChange,
  describeMessage,
  type Ready,
} from '@raftfleet/core';
import type { ConfState, Entry, EntryType, HardState, MemberId, Message, Snapshot } from '@raftfleet/protocol';
import { SafetyChecker, SafetyViolation, type ViolationKind } from './checks.js';
import { FAULT_KINDS, describeFault, generateFaultSchedule, type FaultEvent, type FaultKind } from './faults.js';
import { HistoryRecorder, type Operation } from './history.js';
import { KvStateMachine, decodeKvCommand, encodeKvCommand, kvModel, type KvInput, type KvOutput } from './kv.js';
import { checkLinearizability } from './linearizability.js';
import { PERFECT_LINK, VirtualNetwork } from './network.js';
import { Prng, deriveSeed } from './rng.js';
import { TraceRing } from './trace.js';

/**
 * A deliberate bug that breaks Raft, to prove the checkers catch it:
 * 'forgetVote' – a restarted member forgets whom it voted for in its current term;
 * 'loseTail' – a crash loses the last few persisted entries, as if fsync had lied;
 * 'localRead' – a member answers reads from its own state machine without a read index.
 */
export type InjectedBug = 'forgetVote' | 'loseTail' | 'localRead';

/** Everything one simulated run depends on; the seed fixes the rest. */
export interface SimulationOptions {
  /** The seed: the same options and seed replay the same run. */
  seed: number;
  /** Initial voters. Default 3. */
  nodes?: number;
  /** Faults to draw from. Default: all of {@link FAULT_KINDS}. */
  faults?: readonly FaultKind[];
  /** Ticks during which faults happen; then the network heals and crashed members restart. Default 300. */
  faultTicks?: number;
  /** Election timeout base in ticks. Default 10. */
  electionTick?: number;
  /** Random part of the election timeout. Default electionTick. */
  electionJitterTick?: number;
  /** Leader heartbeat interval. Default 2. */
  heartbeatTick?: number;
  /** Concurrent clients. Default 3. */
  clients?: number;
  /** Number of distinct keys the clients use. Default 2. */
  keys?: number;
  /** Compact a member's log once it holds more entries than this past its snapshot. Default 1000, or 12 with the 'snapshot' fault. */
  snapshotThreshold?: number;
  /** Read-index mode of every member. Default 'safe'. */
  readOnly?: 'safe' | 'lease';
  /** A deliberate bug to inject. */
  bug?: InjectedBug;
  /** Expected crashes per election timeout while faults last (with the 'crash' fault). Default 0.25. */
  crashRate?: number;
  /** Longest down time of a crashed member in ticks. Default 3 × electionTick. */
  maxDown?: number;
  /**
   * Probability that a member crashes right after granting a vote, restarting one tick later.
   * Aims crashes at the moment a lost vote would matter. Default 0.
   */
  crashAfterVote?: number;
  /**
   * Probability that a member misses a tick, so members' clocks drift apart (each member's
   * election timer runs at its own pace). Default 0.05 with 'safe' reads, 0 with 'lease' reads,
   * whose safety rests on bounded clock drift.
   */
  tickSkew?: number;
  /**
   * How a member added during the run starts: with an empty membership (what a runtime naturally
   * does; the member learns the membership from the log) or with the group's bootstrap membership.
   * Default 'empty'.
   */
  joinerConf?: 'empty' | 'bootstrap';
  /**
   * Quiescence as a multi-raft runtime does it: a member whose `isIdle()` is true is not ticked,
   * unless a (perfect) node-level failure detector suspects its leader (its process down,
   * restarted, or a link between them cut), or a message from a member other than its leader
   * arrived within the last election timeout. Default false.
   */
  quiesce?: boolean;
  /**
   * With `quiesce`: whether a (pre)vote or a message from a non-leader wakes an idle member for
   * one election timeout. False leaves waking to `isIdle()` and the failure detector alone.
   * Default true.
   */
  quiesceWake?: boolean;
  /** Events kept for the failure trace. Default 200. */
  traceSize?: number;
  /** Maximum ticks from the end of faults to a committed write; default derived from the election timeout (see README). */
  livenessBound?: number;
}

/** A safety, linearizability or liveness failure, with what is needed to reproduce and read it. */
export interface SimulationFailure {
  /** The property broken. */
  kind: ViolationKind;
  /** What was observed. */
  message: string;
  /** Tick at which it was detected. */
  tick: number;
  /** The last events before the failure, formatted (messages via core's describeMessage). */
  trace: string[];
}

/** Counters describing one run. */
export interface SimulationStats {
  /** Ticks simulated. */
  ticks: number;
  /** Messages delivered. */
  delivered: number;
  /** Messages lost (randomly or to a partition or a crashed member). */
  dropped: number;
  /** Client operations completed / left pending. */
  opsCompleted: number;
  /** Client operations that never returned. */
  opsPending: number;
  /** Distinct terms with a leader. */
  leaderTerms: number;
  /** Crashes injected. */
  crashes: number;
  /** Snapshots installed on followers. */
  snapshotsInstalled: number;
  /** Membership changes applied by a leader. */
  confChanges: number;
  /** Leadership transfers requested. */
  transfers: number;
  /** Transfers whose target became leader within two election timeouts. */
  transfersCompleted: number;
  /** Member-ticks skipped because the member was idle (with `quiesce`). */
  quietTicks: number;
  /** Ticks from the end of faults to the first committed write (liveness). */
  recoveryTicks: number;
  /** True when the linearizability search ran out of budget (no verdict; counted, not failed). */
  linearizabilityUndecided: boolean;
}

/** Outcome of {@link runSimulation}. */
export interface SimulationResult {
  /** The seed of the run. */
  seed: number;
  /** Set when a property was violated. */
  failure?: SimulationFailure;
  /** Counters. */
  stats: SimulationStats;
}

/** What a member has made durable (survives a crash). */
interface Durable {
  hardState: HardState;
  conf: ConfState;
  snapshot: Snapshot;
  entries: Entry[];
}

type DurableOp =
  | { kind: 'entries'; entries: readonly Entry[] }
  | { kind: 'hardState'; hardState: HardState }
  | { kind: 'conf'; conf: ConfState };

interface PendingWrite {
  client: number;
  seq: number;
  opId: number;
}

interface PendingRead {
  client: number;
  opId: number;
  key: string;
  index: number;
}

interface Member {
  id: MemberId;
  up: boolean;
  removed: boolean;
  raft: RawNode | undefined;
  log: MemoryLog;
  durable: Durable;
  unsynced: DurableOp[];
  kv: KvStateMachine;
  applied: number;
  conf: ConfState;
  incarnation: number;
  restartAt: number;
  role: string;
  leader: MemberId;
  /** Incarnation of the leader's process when this member learned of it (for the failure detector). */
  leaderIncarnation: number;
  /** With quiescence: keep ticking until this tick (woken by a message from a non-leader). */
  awakeUntil: number;
  writes: Map<number, PendingWrite>;
  reads: Map<string, PendingRead>;
  waitingReads: PendingRead[];
}

interface ClientOp {
  opId: number;
  input: KvInput;
  seq: number;
  attempt: number;
  target: MemberId;
  deadline: number;
}

interface Client {
  id: number;
  seq: number;
  op: ClientOp | undefined;
  leaderHint: MemberId;
  nextIssueAt: number;
  probe: boolean;
}

type ClientEvent =
  | { at: number; kind: 'request'; client: number; opId: number; attempt: number; to: MemberId }
  | { at: number; kind: 'response'; client: number; opId: number; output: KvOutput }
  | { at: number; kind: 'retry'; client: number; opId: number; attempt: number; hint: MemberId };

const EMPTY = new Uint8Array(0);
// Entry kinds (protocol's EntryType values), kept local so the simulator needs protocol's types only.
const ENTRY_NORMAL = 0 satisfies EntryType;
const ENTRY_CONF_CHANGE = 1 satisfies EntryType;
const ENTRY_NOOP = 2 satisfies EntryType;

function cloneConf(c: ConfState): ConfState {
  return { voters: [...c.voters], learners: [...c.learners] };
}

/** Thrown by {@link Simulation} for options that cannot describe a run. */
export class SimulationConfigError extends Error {
  /** Machine-readable error code. */
  readonly code = 'SIMULATION_CONFIG';
  /** The offending option. */
  readonly field: string;

  /** Creates the error for option `field`. */
  constructor(field: string, message: string) {
    super(`invalid simulation option ${field}: ${message}`);
    this.name = 'SimulationConfigError';
    this.field = field;
  }
}

function validateOptions(o: SimulationOptions): void {
  const int = (field: keyof SimulationOptions, min: number): void => {
    const v = o[field];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < min)) throw new SimulationConfigError(field, `must be an integer ≥ ${min}, got ${String(v)}`);
  };
  const prob = (field: keyof SimulationOptions): void => {
    const v = o[field];
    if (v !== undefined && (typeof v !== 'number' || !(v >= 0 && v <= 1))) throw new SimulationConfigError(field, `must be in [0, 1], got ${String(v)}`);
  };
  if (!Number.isInteger(o.seed)) throw new SimulationConfigError('seed', `must be an integer, got ${String(o.seed)}`);
  int('nodes', 1);
  int('faultTicks', 0);
  int('electionTick', 2);
  int('electionJitterTick', 1);
  int('heartbeatTick', 1);
  int('clients', 0);
  int('keys', 1);
  int('snapshotThreshold', 1);
  int('traceSize', 1);
  int('livenessBound', 1);
  int('maxDown', 1);
  prob('crashAfterVote');
  prob('tickSkew');
  if (o.crashRate !== undefined && !(o.crashRate >= 0)) throw new SimulationConfigError('crashRate', `must be ≥ 0, got ${o.crashRate}`);
  const et = o.electionTick ?? 10;
  if ((o.heartbeatTick ?? 2) >= et) throw new SimulationConfigError('heartbeatTick', `must be below electionTick ${et}`);
}

/**
 * Runs one seeded simulation to completion and returns its verdict. Never throws for a Raft bug
 * (that is a failure in the result); throws {@link SimulationConfigError} for invalid options.
 */
export function runSimulation(options: SimulationOptions): SimulationResult {
  return new Simulation(options).run();
}

/** One simulated cluster. Use {@link runSimulation} unless you need to drive it step by step. */
export class Simulation {
  private readonly seed: number;
  private readonly n: number;
  private readonly faults: readonly FaultKind[];
  private readonly faultTicks: number;
  private readonly electionTick: number;
  private readonly jitter: number;
  private readonly heartbeatTick: number;
  private readonly snapshotThreshold: number;
  private readonly readOnly: 'safe' | 'lease';
  private readonly bug: InjectedBug | undefined;
  private readonly livenessBound: number;
  private readonly keys: string[];
  private readonly crashAfterVote: number;
  private readonly tickSkew: number;
  private readonly joinerConf: 'empty' | 'bootstrap';
  private readonly quiesce: boolean;
  private readonly quiesceWake: boolean;

  private readonly trace: TraceRing;
  private readonly net: VirtualNetwork;
  private readonly faultRng: Prng;
  private readonly clientRng: Prng;
  private readonly schedule: FaultEvent[];
  private readonly members = new Map<MemberId, Member>();
  private readonly clients: Client[] = [];
  private clientEvents: ClientEvent[] = [];
  private readonly history = new HistoryRecorder<KvInput, KvOutput>();
  private readonly checker = new SafetyChecker();
  /** State machine digest after applying index i, recorded at snapshot points and compared across members. */
  private readonly digests = new Map<number, string>();
  private now = 0;
  private subTick = 0;
  private nextMemberNo: number;
  private transfer: { to: MemberId; until: number } | undefined;
  private reports: { kind: 'snapshot' | 'unreachable'; from: MemberId; to: MemberId; ok: boolean }[] = [];
  /** The group's bootstrap membership (the conf of the index-0 snapshot every member starts from). */
  private readonly initialConf: ConfState;
  private readonly stats: SimulationStats = {
    ticks: 0,
    delivered: 0,
    dropped: 0,
    opsCompleted: 0,
    opsPending: 0,
    leaderTerms: 0,
    crashes: 0,
    snapshotsInstalled: 0,
    confChanges: 0,
    transfers: 0,
    transfersCompleted: 0,
    recoveryTicks: -1,
    quietTicks: 0,
    linearizabilityUndecided: false,
  };

  /** Builds the cluster for `options` (nothing runs until {@link Simulation.run}). */
  constructor(options: SimulationOptions) {
    validateOptions(options);
    this.seed = options.seed >>> 0;
    this.n = options.nodes ?? 3;
    this.faults = options.faults ?? FAULT_KINDS;
    this.faultTicks = options.faultTicks ?? 300;
    this.electionTick = options.electionTick ?? 10;
    this.jitter = options.electionJitterTick ?? this.electionTick;
    this.heartbeatTick = options.heartbeatTick ?? 2;
    this.snapshotThreshold = options.snapshotThreshold ?? (this.faults.includes('snapshot') ? 12 : 1000);
    this.readOnly = options.readOnly ?? 'safe';
    this.bug = options.bug;
    this.livenessBound = options.livenessBound ?? defaultLivenessBound(this.electionTick, this.jitter);
    this.crashAfterVote = options.crashAfterVote ?? 0;
    this.joinerConf = options.joinerConf ?? 'empty';
    this.quiesce = options.quiesce ?? false;
    this.quiesceWake = options.quiesceWake ?? true;
    this.tickSkew = options.tickSkew ?? (this.readOnly === 'lease' ? 0 : 0.05);
    this.keys = Array.from({ length: options.keys ?? 2 }, (_, i) => `k${i}`);
    this.trace = new TraceRing(options.traceSize ?? 200);
    this.faultRng = new Prng(deriveSeed(this.seed, 'faults'));
    this.clientRng = new Prng(deriveSeed(this.seed, 'clients'));
    this.net = new VirtualNetwork(new Prng(deriveSeed(this.seed, 'network')), PERFECT_LINK, {
      dropped: (m, why) => this.onDropped(m, why),
    });
    this.schedule = generateFaultSchedule(new Prng(deriveSeed(this.seed, 'schedule')), {
      kinds: this.faults,
      duration: this.faultTicks,
      electionTick: this.electionTick,
      ...(options.crashRate === undefined ? {} : { crashRate: options.crashRate }),
      ...(options.maxDown === undefined ? {} : { maxDown: options.maxDown }),
    });
    const voters = Array.from({ length: this.n }, (_, i) => `n${i + 1}`);
    this.initialConf = { voters, learners: [] };
    this.nextMemberNo = this.n + 1;
    for (const id of voters) this.addMember(id, this.initialConf);
    for (let i = 0; i < (options.clients ?? 3); i++) {
      this.clients.push({ id: i + 1, seq: 0, op: undefined, leaderHint: '', nextIssueAt: this.clientRng.int(0, 5), probe: false });
    }
  }

  /** Runs faults, recovery, the liveness probe and the final linearizability check. */
  run(): SimulationResult {
    try {
      this.trace.note(0, `seed=${this.seed} nodes=${this.n} faults=${this.faults.join(',')}${this.bug ? ` bug=${this.bug}` : ''}`);
      let next = 0;
      while (this.now < this.faultTicks) {
        this.now++;
        while (next < this.schedule.length && this.schedule[next]!.tick <= this.now) this.fire(this.schedule[next++]!);
        this.step();
      }
      this.recover();
      const probe: Client = { id: 0, seq: 0, op: undefined, leaderHint: '', nextIssueAt: this.now, probe: true };
      this.clients.push(probe);
      const healedAt = this.now;
      const deadline = healedAt + this.livenessBound;
      while (this.stats.recoveryTicks < 0 && this.now < deadline) {
        this.now++;
        this.step();
        if (probe.seq > 0 && probe.op === undefined) this.stats.recoveryTicks = this.now - healedAt;
      }
      if (this.stats.recoveryTicks < 0) {
        throw new SafetyViolation('liveness', '', `no write committed within ${this.livenessBound} ticks after faults stopped (tick ${healedAt})`);
      }
      // Let outstanding operations finish so the history has few pending ones.
      const drainUntil = this.now + 4 * (this.electionTick + this.jitter);
      while (this.now < drainUntil && this.clients.some((c) => c.op !== undefined)) {
        this.now++;
        this.step();
      }
      const history = this.finishStats();
      const lin = checkLinearizability(kvModel, history, { maxSteps: 5_000_000 });
      if (lin.verdict === 'illegal') throw new SafetyViolation('linearizability', '', lin.explanation);
      if (lin.verdict === 'unknown') this.stats.linearizabilityUndecided = true;
      return { seed: this.seed, stats: this.stats };
    } catch (e) {
      this.finishStats();
      const failure: SimulationFailure =
        e instanceof SafetyViolation
          ? { kind: e.kind, message: e.message, tick: this.now, trace: this.trace.format(describeMessage) }
          : { kind: 'coreError', message: e instanceof Error ? (e.stack ?? e.message) : String(e), tick: this.now, trace: this.trace.format(describeMessage) };
      return { seed: this.seed, failure, stats: this.stats };
    }
  }

  private finishStats(): Operation<KvInput, KvOutput>[] {
    this.stats.ticks = this.now;
    const history = this.history.history();
    this.stats.opsCompleted = history.filter((o) => o.return !== undefined).length;
    this.stats.opsPending = history.length - this.stats.opsCompleted;
    this.stats.leaderTerms = this.checker.leadersByTerm().size;
    return history;
  }

  /** The retained trace (the last `traceSize` events), formatted, whether or not the run failed. */
  traceLines(): string[] {
    return this.trace.format(describeMessage);
  }

  /** Operations recorded so far (for inspection in tests). */
  recordedHistory(): Operation<KvInput, KvOutput>[] {
    return this.history.history();
  }

  // ---------------------------------------------------------------------------------------------
  // One tick

  private step(): void {
    this.subTick = 0;
    for (const m of this.members.values()) {
      if (!m.up && !m.removed && m.restartAt > 0 && m.restartAt <= this.now) this.restart(m);
    }
    for (const msg of this.net.deliverDue(this.now)) this.deliver(msg);
    this.flushReports();
    for (const m of this.members.values()) {
      if (!m.up || this.faultRng.chance(this.tickSkew)) continue;
      if (this.quiesce && this.quiet(m)) {
        this.stats.quietTicks++;
        continue;
      }
      m.raft!.tick();
    }
    this.runClients();
    this.processAll();
    // Background fsync: what was written without a sync becomes durable eventually.
    for (const m of this.members.values()) if (m.up && m.unsynced.length > 0 && this.faultRng.chance(0.5)) this.sync(m);
  }

  /** Whether a quiescing runtime would leave this member unticked now. */
  private quiet(m: Member): boolean {
    const raft = m.raft!;
    if (this.now < m.awakeUntil || raft.isIdle === undefined || !raft.isIdle()) return false;
    if (m.leader === '' || m.leader === m.id) return true;
    const leader = this.members.get(m.leader);
    // The failure detector wakes followers whose leader's node is down, cut off, or restarted
    // (node heartbeats carry the process incarnation) since they learned of that leader.
    return (
      leader !== undefined &&
      leader.up &&
      leader.incarnation === m.leaderIncarnation &&
      !this.net.isBlocked(m.leader, m.id) &&
      !this.net.isBlocked(m.id, m.leader)
    );
  }

  private processAll(): void {
    // Members handle their work in a different order every tick, as independent processes would.
    const order = this.faultRng.shuffle([...this.members.values()]);
    for (let round = 0; round < 4; round++) {
      let any = false;
      for (const m of order) {
        if (m.up && m.raft!.hasReady()) {
          any = true;
          this.handleReady(m);
          this.flushReports();
        }
      }
      if (!any) break;
    }
  }

  /** Delivery reports reach the sender after its Ready was handled, as from an asynchronous transport. */
  private flushReports(): void {
    const reports = this.reports;
    this.reports = [];
    for (const r of reports) {
      const from = this.members.get(r.from);
      if (!from?.up) continue;
      if (r.kind === 'snapshot') from.raft!.reportSnapshot(r.to, r.ok);
      else from.raft!.reportUnreachable(r.to);
    }
  }

  private deliver(msg: Message): void {
    const to = this.members.get(msg.to);
    if (to === undefined || !to.up) {
      this.onDropped(msg, to === undefined || to.removed ? 'no such member' : 'member down');
      return;
    }
    this.stats.delivered++;
    this.trace.push({ kind: 'deliver', tick: this.now, message: msg });
    // A quiescing runtime wakes a member for one election timeout when anything but its leader's
    // replication traffic arrives (from another member, or a (pre)vote from the old leader itself).
    if (this.quiesceWake && (msg.from !== to.leader || msg.type === 'preVote' || msg.type === 'vote')) to.awakeUntil = this.now + this.electionTick + this.jitter;
    to.raft!.step(msg);
    if (msg.type === 'snapshot') this.reports.push({ kind: 'snapshot', from: msg.from, to: msg.to, ok: true });
  }

  private onDropped(msg: Message, why: string): void {
    this.stats.dropped++;
    this.trace.push({ kind: 'drop', tick: this.now, message: msg, why });
    // A real transport learns that a snapshot stream failed; a lost datagram goes unnoticed.
    if (msg.type === 'snapshot') this.reports.push({ kind: 'snapshot', from: msg.from, to: msg.to, ok: false });
    else if (why !== 'random') this.reports.push({ kind: 'unreachable', from: msg.from, to: msg.to, ok: false });
  }

  // ---------------------------------------------------------------------------------------------
  // The runtime loop of one member: persist, send, apply, advance.

  private handleReady(m: Member): void {
    const raft = m.raft!;
    const rd: Ready = raft.ready();
    if (rd.snapshot !== undefined) this.installSnapshot(m, rd.snapshot);
    if (rd.entries.length > 0) {
      m.log.append(rd.entries);
      this.checker.persisted(m.id, rd.entries);
      m.unsynced.push({ kind: 'entries', entries: rd.entries });
    }
    if (rd.hardState !== undefined) {
      m.log.setHardState(rd.hardState);
      m.unsynced.push({ kind: 'hardState', hardState: rd.hardState });
      this.checker.committed(m.id, rd.hardState.commit, rd.hardState.term);
    }
    if (rd.mustSync) this.sync(m);
    if (rd.softState !== undefined) {
      const { role, leader } = rd.softState;
      if (role !== m.role || leader !== m.leader) {
        const term = raft.status().term;
        this.trace.note(this.now, `${m.id} is ${role} term=${term} leader=${leader || '-'}`);
        if (role === 'leader') {
          this.checker.becameLeader(m.id, term);
          if (this.transfer !== undefined && this.transfer.to === m.id && this.now <= this.transfer.until) this.stats.transfersCompleted++;
          this.transfer = undefined;
        }
      }
      m.role = role;
      m.leader = leader;
      m.leaderIncarnation = this.members.get(leader)?.incarnation ?? 0;
    }
    const granted = rd.messages.find((msg) => msg.type === 'voteResponse' && msg.granted);
    if (granted !== undefined && this.now < this.faultTicks && this.faultRng.chance(this.crashAfterVote)) {
      // The vote is durable; the process dies before (or just after) its answer leaves.
      const sent = this.faultRng.chance(0.5);
      if (sent) for (const msg of rd.messages) this.net.send(msg, this.now);
      this.stats.crashes++;
      this.crash(m, `right after voting for ${granted.to}${sent ? '' : ', before sending'}`);
      m.restartAt = this.now + 1;
      return;
    }
    for (const msg of rd.messages) this.net.send(msg, this.now);
    for (const e of rd.committedEntries) this.apply(m, e);
    if (rd.confState !== undefined) {
      m.conf = cloneConf(rd.confState);
      m.log.setConf(rd.confState);
      m.unsynced.push({ kind: 'conf', conf: cloneConf(rd.confState) });
      this.trace.note(this.now, `${m.id} conf voters=[${rd.confState.voters.join(',')}] learners=[${rd.confState.learners.join(',')}]`);
    }
    for (const rs of rd.readStates) {
      const r = m.reads.get(rs.context);
      if (r === undefined) continue;
      m.reads.delete(rs.context);
      r.index = rs.index;
      m.waitingReads.push(r);
    }
    this.serveReads(m);
    raft.advance();
    this.maybeCompact(m);
  }

  private apply(m: Member, e: Entry): void {
    this.checker.appliedEntry(m.id, e);
    m.applied = e.index;
    this.applyEntry(m, e);
    const want = this.digests.get(e.index);
    if (want !== undefined) this.compareDigest(m, e.index, want);
  }

  private compareDigest(m: Member, index: number, want: string): void {
    const got = m.kv.digest();
    if (got !== want) {
      throw new SafetyViolation('stateMachineSafety', m.id, `${m.id} has state ${got} after applying index ${index}; another member had ${want}`);
    }
  }

  private recordDigest(m: Member, index: number): void {
    const want = this.digests.get(index);
    if (want === undefined) this.digests.set(index, m.kv.digest());
    else this.compareDigest(m, index, want);
  }

  private applyEntry(m: Member, e: Entry): void {
    switch (e.type) {
      case ENTRY_NORMAL: {
        if (e.data.length === 0) break;
        const cmd = decodeKvCommand(e.data);
        m.kv.apply(cmd);
        const w = m.writes.get(e.index);
        if (w !== undefined) {
          m.writes.delete(e.index);
          // Answer only if the entry at the proposed index is this client's command; otherwise it was lost.
          if (w.client === cmd.client && w.seq === cmd.seq) this.respond(w.client, w.opId, null);
        }
        break;
      }
      case ENTRY_CONF_CHANGE: {
        const cc = decodeConfChange(e.data);
        const byLeader = m.role === 'leader';
        if (byLeader) this.stats.confChanges++;
        // A removed member is shut down for good once the leader, or the member itself, applies
        // its removal (a leader removing itself has already stepped down in this Ready).
        if (cc.type === 'remove' && (byLeader || cc.member === m.id)) {
          const gone = this.members.get(cc.member);
          if (gone !== undefined && !gone.removed) {
            gone.removed = true;
            if (gone.up) this.crash(gone, 'removed from the group');
          }
        }
        break;
      }
      case ENTRY_NOOP:
        break;
      default: {
        const never: never = e.type;
        throw new Error(`unknown entry type ${String(never)}`);
      }
    }
  }

  private serveReads(m: Member): void {
    if (m.waitingReads.length === 0) return;
    const still: PendingRead[] = [];
    for (const r of m.waitingReads) {
      if (r.index <= m.applied) this.respond(r.client, r.opId, m.kv.get(r.key));
      else still.push(r);
    }
    m.waitingReads = still;
  }

  private installSnapshot(m: Member, snap: Snapshot): void {
    m.log.applySnapshot(snap);
    this.sync(m);
    const d = m.durable;
    d.snapshot = snap;
    d.conf = cloneConf(snap.meta.conf);
    d.entries = [];
    if (d.hardState.commit < snap.meta.index) d.hardState = { ...d.hardState, commit: snap.meta.index };
    m.kv.restore(snap.data);
    m.applied = snap.meta.index;
    m.conf = cloneConf(snap.meta.conf);
    this.recordDigest(m, snap.meta.index);
    this.checker.installedSnapshot(m.id, snap.meta.index, snap.meta.term);
    this.stats.snapshotsInstalled++;
    this.trace.note(this.now, `${m.id} installed snapshot ${snap.meta.index}/${snap.meta.term}`);
    // Writes waiting at covered indices cannot be matched any more: their clients will retry.
    for (const idx of [...m.writes.keys()]) if (idx <= snap.meta.index) m.writes.delete(idx);
  }

  private maybeCompact(m: Member): void {
    const first = m.log.firstIndex();
    if (m.applied - first + 1 <= this.snapshotThreshold) return;
    const index = m.applied;
    this.recordDigest(m, index);
    // The membership as of the applied index, as the core sees it (m.conf is the persisted copy).
    const conf = m.raft?.status().conf ?? m.conf;
    const snap = m.log.createSnapshot(index, conf, m.kv.snapshot());
    m.log.compact(index);
    this.sync(m);
    const d = m.durable;
    if (d.entries.length > 0 && d.entries[d.entries.length - 1]!.index >= index) {
      d.snapshot = snap;
      d.entries = d.entries.filter((e) => e.index > index);
    }
    this.checker.compacted(m.id, index);
  }

  /** Makes everything written so far durable. */
  private sync(m: Member): void {
    const d = m.durable;
    for (const op of m.unsynced) {
      switch (op.kind) {
        case 'entries': {
          const first = op.entries[0]!.index;
          const keep = d.entries.filter((e) => e.index < first);
          for (const e of op.entries) if (e.index > d.snapshot.meta.index) keep.push(e);
          d.entries = keep;
          break;
        }
        case 'hardState':
          d.hardState = { ...op.hardState };
          break;
        case 'conf':
          d.conf = cloneConf(op.conf);
          break;
        default: {
          const never: never = op;
          throw new Error(`unknown durable op ${String(never)}`);
        }
      }
    }
    m.unsynced = [];
  }

  // ---------------------------------------------------------------------------------------------
  // Members: create, crash, restart

  private addMember(id: MemberId, conf: ConfState): Member {
    const durable: Durable = {
      hardState: { term: 0, vote: '', commit: 0 },
      conf: cloneConf(conf),
      snapshot: { meta: { index: 0, term: 0, conf: cloneConf(conf) }, data: EMPTY },
      entries: [],
    };
    const m: Member = {
      id,
      up: false,
      removed: false,
      raft: undefined,
      log: MemoryLog.withVoters([]),
      durable,
      unsynced: [],
      kv: new KvStateMachine(),
      applied: 0,
      conf: cloneConf(conf),
      incarnation: 0,
      restartAt: 0,
      role: 'follower',
      leader: '',
      leaderIncarnation: 0,
      awakeUntil: 0,
      writes: new Map(),
      reads: new Map(),
      waitingReads: [],
    };
    this.members.set(id, m);
    this.restart(m);
    return m;
  }

  private crash(m: Member, why: string): void {
    m.up = false;
    m.raft = undefined;
    m.unsynced = [];
    m.writes.clear();
    m.reads.clear();
    m.waitingReads = [];
    m.role = 'follower';
    m.leader = '';
    this.trace.note(this.now, `${m.id} CRASH (${why})`);
    if (this.bug === 'loseTail' && m.durable.entries.length > 0) {
      const lose = Math.min(m.durable.entries.length, 1 + this.faultRng.int(0, 2));
      m.durable.entries = m.durable.entries.slice(0, m.durable.entries.length - lose);
      this.trace.note(this.now, `${m.id} lost its last ${lose} persisted entries (injected bug)`);
    }
  }

  private restart(m: Member): void {
    const d = m.durable;
    m.incarnation++;
    m.restartAt = 0;
    const last = d.entries.length > 0 ? d.entries[d.entries.length - 1]!.index : d.snapshot.meta.index;
    let hardState = { ...d.hardState, commit: Math.min(d.hardState.commit, last) };
    if (this.bug === 'forgetVote' && hardState.vote !== '') {
      this.trace.note(this.now, `${m.id} forgot its vote for ${hardState.vote} in term ${hardState.term} (injected bug)`);
      hardState = { ...hardState, vote: '' };
    }
    const log = new MemoryLog({ snapshot: d.snapshot, hardState });
    log.setConf(d.conf);
    log.append(d.entries);
    m.log = log;
    m.kv = new KvStateMachine();
    m.kv.restore(d.snapshot.data);
    m.applied = d.snapshot.meta.index;
    if (m.applied > 0) this.recordDigest(m, m.applied);
    m.conf = cloneConf(d.snapshot.meta.conf);
    m.raft = new RawNode({
      id: m.id,
      log,
      rng: new Prng(deriveSeed(this.seed, `member:${m.id}:${m.incarnation}`)).asRng(),
      electionTick: this.electionTick,
      electionJitterTick: this.jitter,
      heartbeatTick: this.heartbeatTick,
      readOnly: this.readOnly,
      checkQuorum: true,
      preVote: true,
    });
    m.up = true;
    this.checker.restarted(m.id, d.snapshot.meta.index, d.snapshot.meta.term, d.entries);
    if (m.incarnation > 1) this.trace.note(this.now, `${m.id} RESTART term=${hardState.term} vote=${hardState.vote || '-'} commit=${hardState.commit} last=${last}`);
  }

  private runningMembers(): Member[] {
    return [...this.members.values()].filter((m) => m.up);
  }

  private currentLeader(): Member | undefined {
    let best: Member | undefined;
    let bestTerm = -1;
    for (const m of this.members.values()) {
      if (m.up && m.role === 'leader') {
        const t = m.raft!.status().term;
        if (t > bestTerm) {
          best = m;
          bestTerm = t;
        }
      }
    }
    return best;
  }

  // ---------------------------------------------------------------------------------------------
  // Faults

  private fire(e: FaultEvent): void {
    this.trace.note(this.now, `FAULT ${describeFault(e)}`);
    const rng = this.faultRng;
    switch (e.kind) {
      case 'link':
        this.net.setLink(e.link);
        break;
      case 'heal':
        this.net.heal();
        break;
      case 'partition': {
        const ids = this.runningMembers().map((m) => m.id);
        if (ids.length < 2) break;
        if (e.mode === 'split') {
          rng.shuffle(ids);
          const k = rng.int(1, ids.length - 1);
          this.net.partition(ids.slice(0, k), ids.slice(k));
        } else if (e.mode === 'isolateLeader') {
          const l = this.currentLeader();
          if (l === undefined) break;
          this.net.partition([l.id], ids.filter((id) => id !== l.id));
        } else {
          for (let i = rng.int(1, 2); i > 0; i--) {
            const a = rng.pick(ids);
            const b = rng.pick(ids.filter((id) => id !== a));
            this.net.blockOneWay(a, b);
          }
        }
        this.trace.note(this.now, `blocked ${this.net.blockedLinks().join(' ')}`);
        break;
      }
      case 'crash': {
        const running = this.runningMembers();
        const down = [...this.members.values()].filter((m) => !m.up && !m.removed).length;
        // Keep a majority of the initial size running so the group can make progress.
        if (running.length === 0 || down + 1 > Math.floor((this.n - 1) / 2) + (this.bug ? 1 : 0)) break;
        const leader = this.currentLeader();
        const victim = e.leader && leader !== undefined ? leader : rng.pick(running);
        this.stats.crashes++;
        this.crash(victim, `down for ${e.downFor} ticks`);
        victim.restartAt = this.now + e.downFor;
        break;
      }
      case 'membership':
        this.membershipStep();
        break;
      case 'transfer': {
        const leader = this.currentLeader();
        if (leader === undefined) break;
        const voters = leader.raft!.status().conf.voters.filter((v) => v !== leader.id);
        if (voters.length === 0) break;
        const to = rng.pick(voters);
        this.trace.note(this.now, `${leader.id} transfer leadership to ${to}`);
        this.stats.transfers++;
        this.transfer = { to, until: this.now + 2 * (this.electionTick + this.jitter) };
        leader.raft!.transferLeadership(to);
        break;
      }
      default: {
        const never: never = e;
        throw new Error(`unknown fault ${String(never)}`);
      }
    }
  }

  private membershipStep(): void {
    const leader = this.currentLeader();
    if (leader === undefined) return;
    const conf = leader.raft!.status().conf;
    try {
      if (conf.learners.length > 0) {
        const l = conf.learners[0]!;
        this.trace.note(this.now, `${leader.id} propose promote ${l}`);
        leader.raft!.proposeConfChange({ type: 'promote', member: l, context: EMPTY });
      } else if (conf.voters.length > this.n || (conf.voters.length > 3 && this.faultRng.chance(0.5))) {
        const victim = this.faultRng.pick(conf.voters);
        this.trace.note(this.now, `${leader.id} propose remove ${victim}`);
        leader.raft!.proposeConfChange({ type: 'remove', member: victim, context: EMPTY });
      } else if (this.nextMemberNo <= this.n + 4) {
        const id = `n${this.nextMemberNo++}`;
        this.trace.note(this.now, `${leader.id} propose addLearner ${id}`);
        leader.raft!.proposeConfChange({ type: 'addLearner', member: id, context: EMPTY });
        // Either way, replaying the log from index 1 (or installing a snapshot) must yield the
        // current membership; with an empty one the core has to teach it through the log.
        this.addMember(id, this.joinerConf === 'bootstrap' ? this.initialConf : { voters: [], learners: [] });
      }
    } catch (e) {
      if (e instanceof ConfChangeInProgressError || e instanceof ConfChangeRejectedError || e instanceof ProposalDroppedError) {
        this.trace.note(this.now, `membership change refused: ${e.message}`);
        return;
      }
      throw e;
    }
  }

  /** End of the fault phase: heal the network, make links reliable, restart every crashed member. */
  private recover(): void {
    this.net.heal();
    this.net.setLink(PERFECT_LINK);
    for (const m of this.members.values()) if (!m.up && !m.removed) this.restart(m);
    this.trace.note(this.now, 'RECOVER: network healed, all members up');
  }

  // ---------------------------------------------------------------------------------------------
  // Clients

  private time(): number {
    // Strictly increasing within the run, so every recorded call and return is totally ordered.
    return this.now + this.subTick++ / 10000;
  }

  private runClients(): void {
    const due = this.clientEvents.filter((e) => e.at <= this.now);
    if (due.length > 0) this.clientEvents = this.clientEvents.filter((e) => e.at > this.now);
    for (const ev of due) this.clientEvent(ev);
    const issuing = this.now < this.faultTicks;
    for (const c of this.clients) {
      if (c.op === undefined) {
        if (c.probe ? c.seq === 0 : issuing && this.now >= c.nextIssueAt) this.issue(c);
      } else if (this.now >= c.op.deadline) {
        this.trace.note(this.now, `client ${c.id} timeout op #${c.op.opId} at ${c.op.target}`);
        this.retry(c, '');
      }
    }
  }

  private issue(c: Client): void {
    const rng = this.clientRng;
    c.seq++;
    const key = c.probe ? 'probe' : rng.pick(this.keys);
    const r = rng.int(0, 9);
    const value = `${c.id}.${c.seq};`;
    const input: KvInput = c.probe || r >= 6 ? { op: 'put', key, value } : r >= 3 ? { op: 'append', key, value } : { op: 'get', key };
    const opId = this.history.invoke(c.id, input, this.time());
    c.op = { opId, input, seq: c.seq, attempt: 0, target: '', deadline: 0 };
    this.trace.note(this.now, `client ${c.id} invoke #${opId} ${kvModel.describeOperation(input, undefined).replace(' (no answer)', '')}`);
    this.send(c);
  }

  private send(c: Client): void {
    const op = c.op!;
    const candidates = [...this.members.values()].filter((m) => !m.removed).map((m) => m.id);
    op.target = c.leaderHint !== '' && this.members.get(c.leaderHint)?.removed === false ? c.leaderHint : this.clientRng.pick(candidates);
    op.deadline = this.now + 2 * (this.electionTick + this.jitter);
    this.clientEvents.push({ at: this.now + 1, kind: 'request', client: c.id, opId: op.opId, attempt: op.attempt, to: op.target });
  }

  private retry(c: Client, hint: MemberId): void {
    const op = c.op!;
    op.attempt++;
    c.leaderHint = hint;
    this.send(c);
  }

  private clientById(id: number): Client {
    const c = this.clients.find((x) => x.id === id);
    if (c === undefined) throw new Error(`no client ${id}`);
    return c;
  }

  private clientEvent(ev: ClientEvent): void {
    const c = this.clientById(ev.client);
    const op = c.op;
    switch (ev.kind) {
      case 'request':
        if (op !== undefined && op.opId === ev.opId && op.attempt === ev.attempt) this.serve(c, op, ev.to);
        break;
      case 'response':
        if (op === undefined || op.opId !== ev.opId) break; // an answer to an operation already answered
        this.history.complete(op.opId, ev.output, this.time());
        this.trace.note(this.now, `client ${c.id} return #${op.opId} ${kvModel.describeOperation(op.input, ev.output)}`);
        c.op = undefined;
        c.nextIssueAt = this.now + this.clientRng.int(0, 4);
        break;
      case 'retry':
        if (op !== undefined && op.opId === ev.opId && op.attempt === ev.attempt) this.retry(c, ev.hint);
        break;
      default: {
        const never: never = ev;
        throw new Error(`unknown client event ${String(never)}`);
      }
    }
  }

  /** A request reaches member `to`: a write is proposed, a read asks for a read index. */
  private serve(c: Client, op: ClientOp, to: MemberId): void {
    const m = this.members.get(to);
    if (m === undefined || !m.up) return; // lost: the client times out
    const input = op.input;
    try {
      if (input.op === 'get' && this.bug === 'localRead') {
        this.respond(c.id, op.opId, m.kv.get(input.key));
      } else if (input.op === 'get') {
        const ctx = `c${c.id}:${op.seq}:${op.attempt}`;
        m.reads.set(ctx, { client: c.id, opId: op.opId, key: input.key, index: 0 });
        m.raft!.readIndex(ctx);
      } else {
        const data = encodeKvCommand({ client: c.id, seq: op.seq, input });
        const r = m.raft!.propose([data]);
        m.writes.set(r.firstIndex, { client: c.id, seq: op.seq, opId: op.opId });
      }
    } catch (e) {
      if (e instanceof ProposalDroppedError) {
        if (input.op === 'get') m.reads.delete(`c${c.id}:${op.seq}:${op.attempt}`);
        const hint = e.leader === to ? '' : e.leader;
        // Back off a little when nobody knows the leader, so clients do not spin during elections.
        const wait = hint === '' ? 1 + this.clientRng.int(0, this.electionTick) : 1;
        this.clientEvents.push({ at: this.now + wait, kind: 'retry', client: c.id, opId: op.opId, attempt: op.attempt, hint });
        return;
      }
      throw e;
    }
  }

  private respond(client: number, opId: number, output: KvOutput): void {
    this.clientEvents.push({ at: this.now + 1, kind: 'response', client, opId, output });
  }
}

/**
 * Ticks allowed from "faults stop" to "a new write is acknowledged": a stale leader steps down
 * within one election timeout, an election takes one randomized timeout plus round trips, and a
 * few elections may split; the client needs a couple of redirects. Derived from the maximum
 * election timeout E = electionTick + electionJitterTick as 8·E + 20.
 */
export function defaultLivenessBound(electionTick: number, electionJitterTick: number): number {
  return 8 * (electionTick + electionJitterTick) + 20;
}
