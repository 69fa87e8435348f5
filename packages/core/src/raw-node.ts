// The Raft state machine (etcd's raft.go + rawnode.go in one class): it consumes ticks, messages
// and proposals, and produces Ready batches; it performs no IO of its own.
import type {
  AppendMessage,
  AppendResponseMessage,
  ConfChange,
  ConfState,
  Entry,
  HardState,
  HeartbeatMessage,
  HeartbeatResponseMessage,
  MemberId,
  Message,
  ReadIndexMessage,
  SnapshotMessage,
  VoteMessage,
} from '@raftfleet/protocol';
import type {
  BasicStatus,
  ConfChangeProposeResult,
  ProposeResult,
  RaftConfig,
  RaftNode,
  ReadState,
  Ready,
  Role,
  SoftState,
  Status,
  Progress,
} from './api.js';
import {
  applyConfChange,
  checkConfChange,
  decodeConfChange,
  decodeConfState,
  encodeConfChange,
  encodeConfState,
  isMember,
  sameConf,
} from './confchange.js';
import { validateConfig, type ResolvedConfig } from './config.js';
import {
  CompactedError,
  ConfChangeInProgressError,
  ConfChangeRejectedError,
  ConfigError,
  ProposalDroppedError,
  UnavailableError,
} from './errors.js';
import { MemberProgress } from './progress.js';
import { RaftLog } from './raft-log.js';

/** The empty list of a Ready that has nothing of a kind (shared: a Ready's lists are read-only). */
const NONE: readonly never[] = Object.freeze([]);
const ENTRY_NORMAL = 0;
const ENTRY_CONF_CHANGE = 1;
const ENTRY_NOOP = 2;

type CampaignKind = 'preElection' | 'election' | 'transfer';

/** A read-index request waiting for its heartbeat round to be acknowledged by a quorum. */
interface PendingRead {
  readonly context: string;
  readonly from: MemberId;
  readonly index: number;
  readonly acks: Set<MemberId>;
}

/**
 * One Raft member, driven by the runtime through tick / step / propose / ready / advance.
 *
 * Membership changes take effect as soon as their entry is in the log (appended), as in the Raft
 * dissertation (§4.1), and are reverted if a new leader truncates that entry. A leader accepts a
 * new change only after the previous one was applied, so at most one change is ever uncommitted
 * and any two consecutive memberships have overlapping majorities. The runtime does nothing
 * special: `Ready.confState` only tells it the membership as of the applied index, to persist.
 * A leader that removes itself keeps replicating (without counting itself) until the removal
 * commits, then hands leadership to an up-to-date voter and steps down.
 */
export class RawNode implements RaftNode {
  private readonly cfg: ResolvedConfig;
  private readonly id: MemberId;
  private readonly log: RaftLog;
  private term = 0;
  private vote: MemberId = '';
  private lead: MemberId = '';
  private role: Role = 'follower';
  /** Membership in effect: the latest in the log. */
  private conf: ConfState;
  /** Membership as of the last committed entry handed out (what the runtime persists). */
  private appliedConf: ConfState;
  /** Uncommitted membership changes in the log, with the membership before each (for reverts). */
  private confStack: { index: number; prev: ConfState }[] = [];

  private readonly prs = new Map<MemberId, MemberProgress>();
  private readonly votes = new Map<MemberId, boolean>();
  private msgs: Message[] = [];
  private readStates: ReadState[] = [];

  private clock = 0;
  private electionElapsed = 0;
  private heartbeatElapsed = 0;
  private randomizedElectionTimeout = 0;
  private leadTransferee: MemberId = '';
  private transferElapsed = 0;
  /** Whether this transfer already sent TimeoutNow (its timeout then restarted once; see sendTimeoutNow). */
  private transferTimeoutNowSent = false;
  private leaseInvalidUntil = 0;
  /**
   * Follower only: it ignored a (pre-)vote within its leader's lease since it last heard from that
   * leader. It is then not idle (see isIdle): the lease has to run out on ticks, or a leader that
   * is gone could never be replaced while the members that would elect its successor sleep.
   */
  private campaignSeen = false;
  private pendingConfIndex = 0;
  private uncommittedSize = 0;
  /** Leader only: appends are due to every follower (new entries or a new commit index). */
  private bcastPending = false;

  private readonly pendingReads = new Map<string, PendingRead>();
  private readQueue: PendingRead[] = [];
  /** Reads received before the leader committed an entry of its term. */
  private deferredReads: { context: string; from: MemberId }[] = [];

  private prevSoft: SoftState;
  private prevHard: HardState;
  private confChanged = false;
  /** Last entry handed out in a Ready's `entries` and not yet advanced past (index 0: none). */
  private readyEntriesIndex = 0;
  private readyEntriesTerm = 0;
  private readySnapshot = 0;
  private readonly matchScratch: number[] = [];

  /** @param config - the member's configuration; throws {@link ConfigError} when it is invalid. */
  constructor(config: RaftConfig) {
    this.cfg = validateConfig(config);
    this.id = this.cfg.id;
    const reader = config.log;
    const { hardState, conf } = reader.initialState();
    const snapIndex = reader.snapshot().meta.index;
    const lastIndex = reader.lastIndex();
    const applied = config.applied ?? snapIndex;
    let commit = hardState.commit;
    if (commit > lastIndex) {
      this.cfg.logger.warn({ node: this.id, commit, lastIndex }, 'hard state commit beyond last index; clamped');
      commit = lastIndex;
    }
    if (commit < snapIndex) commit = snapIndex;
    if (applied > commit) throw new ConfigError('applied', this.id, `applied ${applied} is beyond commit ${commit}`);
    if (applied < snapIndex) throw new ConfigError('applied', this.id, `applied ${applied} is below the snapshot index ${snapIndex}`);
    this.log = new RaftLog(reader, commit, applied);
    // A state machine restarting from the snapshot starts from the snapshot's membership (what
    // the runtime persisted may be newer); changes after it are replayed from the log.
    const startConf = applied === snapIndex && snapIndex > 0 ? reader.snapshot().meta.conf : conf;
    this.conf = { voters: [...startConf.voters], learners: [...startConf.learners] };
    this.appliedConf = this.conf;
    this.recoverConf(applied + 1, lastIndex);
    this.becomeFollower(hardState.term, '');
    this.vote = hardState.vote;
    this.prevHard = { term: this.term, vote: this.vote, commit: this.log.committed };
    this.prevSoft = { leader: '', role: 'follower' };
    this.cfg.logger.info(
      { node: this.id, term: this.term, commit, applied, lastIndex, voters: this.conf.voters },
      'raft member started',
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Public API

  /** {@inheritDoc RaftNode.tick} */
  tick(): void {
    this.clock++;
    if (this.role === 'leader') this.tickLeader();
    else this.tickElection();
  }

  /** {@inheritDoc RaftNode.step} */
  step(m: Message): void {
    if (m === null || typeof m !== 'object' || typeof m.type !== 'string' || typeof m.from !== 'string') {
      this.cfg.logger.warn({ node: this.id }, 'dropped malformed message');
      return;
    }
    if (!wellFormed(m)) {
      this.cfg.logger.warn({ node: this.id, from: m.from, type: m.type }, 'dropped malformed message');
      return;
    }
    if (m.to !== this.id || m.from === '' || m.from === this.id) {
      this.cfg.logger.debug({ node: this.id, from: m.from, to: m.to, type: m.type }, 'dropped misaddressed message');
      return;
    }
    if (m.type === 'snapshotChunk') {
      this.cfg.logger.warn({ node: this.id, from: m.from }, 'snapshot chunks must be assembled by the runtime; dropped');
      return;
    }
    if (m.term > this.term) {
      if (m.type === 'vote' || m.type === 'preVote') {
        // Leader stickiness (with check-quorum, as in etcd): a member that heard from a live
        // leader within the election timeout does not help anyone depose it.
        const inLease = this.cfg.checkQuorum && this.lead !== '' && this.electionElapsed < this.cfg.electionTick;
        if (inLease && !m.transfer) {
          this.cfg.logger.debug(
            { node: this.id, term: this.term, from: m.from, type: m.type, leader: this.lead },
            'ignored vote request: a leader was heard from within the election timeout',
          );
          if (this.role === 'leader') {
            // The leader itself answers a member of its group that campaigns, with a heartbeat
            // round: a member that stopped hearing from it while the group slept (see isIdle)
            // follows it again, and so do the others that saw the campaign (campaignSeen).
            if (this.prs.has(m.from)) this.bcastHeartbeat('');
          } else if (this.role === 'follower') {
            this.campaignSeen = true;
          }
          return;
        }
      }
      if (m.type === 'preVote' || (m.type === 'preVoteResponse' && m.granted)) {
        // A pre-vote never changes terms; a granted pre-vote carries the term we would run for.
      } else {
        const lead = m.type === 'append' || m.type === 'heartbeat' || m.type === 'snapshot' ? m.from : '';
        this.cfg.logger.info(
          { node: this.id, term: this.term, newTerm: m.term, from: m.from, type: m.type },
          'saw a higher term; becoming follower',
        );
        this.becomeFollower(m.term, lead);
      }
    } else if (m.term < this.term) {
      if (m.type === 'append' || m.type === 'heartbeat') {
        // Tell the stale leader about the newer term so it steps down (it would otherwise keep
        // trying; with pre-vote or check-quorum nobody else would bump its term).
        this.send({ type: 'appendResponse', to: m.from, reject: false, index: 0, hintIndex: 0, hintTerm: 0 });
      } else if (m.type === 'preVote') {
        this.send({ type: 'preVoteResponse', to: m.from, granted: false });
      }
      return;
    }

    switch (m.type) {
      case 'vote':
      case 'preVote':
        this.handleVoteRequest(m);
        return;
      default:
        break;
    }
    switch (this.role) {
      case 'leader':
        this.stepLeader(m);
        return;
      case 'candidate':
      case 'preCandidate':
        this.stepCandidate(m);
        return;
      case 'follower':
        this.stepFollower(m);
        return;
      default: {
        const never: never = this.role;
        throw new Error(`unknown role ${String(never)}`);
      }
    }
  }

  /** {@inheritDoc RaftNode.propose} */
  propose(data: Uint8Array[]): ProposeResult {
    this.checkCanPropose();
    let size = 0;
    for (const d of data) size += d.length;
    if (
      this.cfg.maxUncommittedEntriesSize > 0 &&
      this.uncommittedSize > 0 &&
      this.uncommittedSize + size > this.cfg.maxUncommittedEntriesSize
    ) {
      throw new ProposalDroppedError('tooLarge', this.id, this.id, this.term);
    }
    const first = this.log.lastIndex() + 1;
    if (data.length === 0) return { firstIndex: first, lastIndex: first - 1, term: this.term };
    const ents: Entry[] = new Array<Entry>(data.length);
    for (let i = 0; i < data.length; i++) {
      ents[i] = { term: this.term, index: first + i, type: ENTRY_NORMAL, data: data[i] as Uint8Array };
    }
    this.log.append(ents);
    this.uncommittedSize += size;
    this.bcastPending = true;
    return { firstIndex: first, lastIndex: first + data.length - 1, term: this.term };
  }

  /** {@inheritDoc RaftNode.proposeConfChange} */
  proposeConfChange(change: ConfChange): ConfChangeProposeResult {
    this.checkCanPropose();
    if (this.pendingConfIndex > this.log.applied) {
      throw new ConfChangeInProgressError(this.id, this.pendingConfIndex, this.log.applied);
    }
    const why = checkConfChange(this.conf, change);
    if (why !== undefined) throw new ConfChangeRejectedError(this.id, change.type, change.member, why);
    const index = this.log.lastIndex() + 1;
    const data = encodeConfChange(change);
    this.log.append([{ term: this.term, index, type: ENTRY_CONF_CHANGE, data }]);
    this.uncommittedSize += data.length;
    this.pendingConfIndex = index;
    this.bcastPending = true;
    this.changeConf(change, index);
    this.cfg.logger.info({ node: this.id, term: this.term, index, change: change.type, member: change.member }, 'proposed membership change');
    return { index, term: this.term };
  }

  /** {@inheritDoc RaftNode.readIndex} */
  readIndex(context: string): void {
    if (this.role === 'leader') {
      this.leaderReadIndex(context, this.id);
      return;
    }
    if (this.lead === '' || this.role !== 'follower') {
      throw new ProposalDroppedError('noLeader', this.id, '', this.term);
    }
    this.send({ type: 'readIndex', to: this.lead, context });
  }

  /** {@inheritDoc RaftNode.transferLeadership} */
  transferLeadership(to: MemberId): void {
    if (this.role !== 'leader') {
      this.cfg.logger.debug({ node: this.id, to }, 'ignored leadership transfer: not leader');
      return;
    }
    if (to === this.id) {
      if (this.leadTransferee !== '') this.abortLeaderTransfer('leader asked to keep leadership');
      return;
    }
    const pr = this.prs.get(to);
    if (pr === undefined || !this.conf.voters.includes(to)) {
      this.cfg.logger.warn({ node: this.id, to }, 'ignored leadership transfer: target is not a voter');
      return;
    }
    if (this.leadTransferee === to) return;
    if (this.leadTransferee !== '') this.abortLeaderTransfer(`superseded by transfer to ${to}`);
    this.leadTransferee = to;
    this.transferElapsed = 0;
    this.transferTimeoutNowSent = false;
    this.cfg.logger.info({ node: this.id, term: this.term, to }, 'leadership transfer started');
    if (pr.match === this.log.lastIndex()) this.sendTimeoutNow(to);
    else this.maybeSendAppend(to, true);
  }

  /** {@inheritDoc RaftNode.campaign} */
  campaign(): void {
    if (this.role === 'leader') return;
    this.hup(this.cfg.preVote ? 'preElection' : 'election');
  }

  /** {@inheritDoc RaftNode.forgetLeader} */
  forgetLeader(): void {
    if (this.role === 'follower') this.lead = '';
  }

  /** {@inheritDoc RaftNode.hasReady} */
  hasReady(): boolean {
    this.flushBcast();
    return this.pendingWork();
  }

  /** Whether a Ready would carry anything (appends still to flush count as work). */
  private pendingWork(): boolean {
    if (this.bcastPending && this.role === 'leader') return true;
    if (this.msgs.length > 0 || this.readStates.length > 0) return true;
    if (this.lead !== this.prevSoft.leader || this.role !== this.prevSoft.role) return true;
    const h = this.prevHard;
    if (h.term !== this.term || h.vote !== this.vote || h.commit !== this.log.committed) return true;
    const u = this.log.unstable;
    if (u.snapshot !== undefined && !u.snapshotInProgress) return true;
    if (this.log.hasNextUnstableEntries()) return true;
    return this.log.hasNextCommittedEntries();
  }

  /** {@inheritDoc RaftNode.ready} */
  ready(): Ready {
    this.flushBcast();
    const log = this.log;
    const u = log.unstable;
    // Most Readys leave most lists empty: those share one frozen empty array instead of four new ones.
    const rd: Ready = { entries: NONE, committedEntries: NONE, messages: NONE, readStates: NONE, mustSync: false };

    if (u.snapshot !== undefined && !u.snapshotInProgress) {
      rd.snapshot = u.snapshot;
      u.snapshotInProgress = true;
      this.readySnapshot = u.snapshot.meta.index;
      if (log.applying < u.snapshot.meta.index) log.applying = u.snapshot.meta.index;
    }
    if (log.hasNextUnstableEntries()) {
      rd.entries = log.nextUnstableEntries();
      const last = rd.entries[rd.entries.length - 1] as Entry;
      u.offsetInProgress = last.index + 1;
      this.readyEntriesIndex = last.index;
      this.readyEntriesTerm = last.term;
    }
    if (log.hasNextCommittedEntries()) {
      const ents = log.nextCommittedEntries(this.cfg.maxCommittedSizePerReady);
      if (ents.length > 0) {
        rd.committedEntries = ents;
        log.applying = (ents[ents.length - 1] as Entry).index;
        this.applyCommitted(ents);
      }
    }
    if (this.confChanged) {
      rd.confState = { voters: [...this.appliedConf.voters], learners: [...this.appliedConf.learners] };
      this.confChanged = false;
    }
    // Conf changes above may have flushed appends to new members or made the leader step down.
    this.flushBcast();
    if (this.lead !== this.prevSoft.leader || this.role !== this.prevSoft.role) {
      this.prevSoft = { leader: this.lead, role: this.role };
      rd.softState = this.prevSoft;
    }
    const h = this.prevHard;
    if (h.term !== this.term || h.vote !== this.vote || h.commit !== log.committed) {
      rd.mustSync = h.term !== this.term || h.vote !== this.vote;
      this.prevHard = { term: this.term, vote: this.vote, commit: log.committed };
      rd.hardState = this.prevHard;
    }
    if (rd.entries.length > 0 || rd.snapshot !== undefined) rd.mustSync = true;
    if (this.msgs.length > 0) {
      rd.messages = this.msgs;
      this.msgs = [];
    }
    if (this.readStates.length > 0) {
      rd.readStates = this.readStates;
      this.readStates = [];
    }
    return rd;
  }

  /** {@inheritDoc RaftNode.advance} */
  advance(): void {
    const log = this.log;
    if (this.readySnapshot > 0) {
      log.unstable.stableSnapTo(this.readySnapshot);
      this.readySnapshot = 0;
    }
    if (this.readyEntriesIndex > 0) {
      log.unstable.stableTo(this.readyEntriesIndex, this.readyEntriesTerm);
      this.readyEntriesIndex = 0;
    }
    if (log.applying > log.applied) log.applied = log.applying;
    if (this.role === 'leader') {
      const self = this.prs.get(this.id);
      if (self !== undefined && self.maybeUpdate(this.persistedIndex())) {
        if (this.maybeCommit()) this.onCommitAdvanced();
      }
    }
  }

  /** {@inheritDoc RaftNode.reportUnreachable} */
  reportUnreachable(to: MemberId): void {
    if (this.role !== 'leader') return;
    const pr = this.prs.get(to);
    if (pr !== undefined && pr.state === 'replicate') pr.becomeProbe();
  }

  /** {@inheritDoc RaftNode.reportSnapshot} */
  reportSnapshot(to: MemberId, ok: boolean): void {
    if (this.role !== 'leader') return;
    const pr = this.prs.get(to);
    if (pr === undefined || pr.state !== 'snapshot') return;
    if (!ok) pr.pendingSnapshot = 0;
    // Probe from the snapshot index (or from match on failure); the answer confirms where it is.
    pr.becomeProbe();
    pr.msgAppFlowPaused = true;
  }

  /**
   * Whether the group is idle from this member's point of view, so that the runtime may stop
   * calling tick() until something happens (see the package README on quiescence). A leader is
   * idle when every member has the whole log, everything is committed and applied, and no read
   * or transfer is pending; a follower when it knows a leader and has applied everything.
   * Always false in 'lease' read mode, whose lease is measured in ticks.
   */
  isIdle(): boolean {
    if (this.pendingWork()) return false;
    const log = this.log;
    if (log.applied !== log.committed) return false;
    switch (this.role) {
      case 'leader': {
        if (this.cfg.readOnly === 'lease' || this.leadTransferee !== '') return false;
        if (this.readQueue.length > 0 || this.deferredReads.length > 0) return false;
        const last = log.lastIndex();
        if (log.committed !== last) return false;
        // Every member must have the whole log and have been sent the final commit index.
        for (const pr of this.prs.values()) if (pr.match !== last || (pr.id !== this.id && pr.commitSent < last)) return false;
        return true;
      }
      case 'follower':
        return this.lead !== '' && !this.campaignSeen;
      case 'candidate':
      case 'preCandidate':
        return false;
      default: {
        const never: never = this.role;
        throw new Error(`unknown role ${String(never)}`);
      }
    }
  }

  /** {@inheritDoc RaftNode.basicStatus} */
  basicStatus(into?: BasicStatus): BasicStatus {
    const log = this.log;
    const lastIndex = log.lastIndex();
    let replicated = this.role === 'leader';
    if (replicated) for (const pr of this.prs.values()) if (pr.match !== lastIndex) replicated = false;
    if (into === undefined) {
      return { term: this.term, role: this.role, leader: this.lead, commit: log.committed, applied: log.applied, lastIndex, leadTransferee: this.leadTransferee, replicated };
    }
    into.term = this.term;
    into.role = this.role;
    into.leader = this.lead;
    into.commit = log.committed;
    into.applied = log.applied;
    into.lastIndex = lastIndex;
    into.leadTransferee = this.leadTransferee;
    into.replicated = replicated;
    return into;
  }

  /** {@inheritDoc RaftNode.status} */
  status(): Status {
    const progress: Record<MemberId, Progress> = {};
    if (this.role === 'leader') {
      for (const [id, pr] of this.prs) {
        progress[id] = { match: pr.match, next: pr.next, state: pr.state, recentActive: pr.recentActive, learner: pr.learner };
      }
    }
    return {
      id: this.id,
      term: this.term,
      vote: this.vote,
      role: this.role,
      leader: this.lead,
      commit: this.log.committed,
      applied: this.log.applied,
      lastIndex: this.log.lastIndex(),
      conf: { voters: [...this.appliedConf.voters], learners: [...this.appliedConf.learners] },
      confInEffect: { voters: [...this.conf.voters], learners: [...this.conf.learners] },
      progress,
      leadTransferee: this.leadTransferee,
      idle: this.isIdle(),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Roles

  private reset(term: number): void {
    if (term !== this.term) {
      this.term = term;
      this.vote = '';
    }
    this.lead = '';
    this.electionElapsed = 0;
    this.campaignSeen = false;
    this.heartbeatElapsed = 0;
    this.resetRandomizedElectionTimeout();
    this.leadTransferee = '';
    this.transferElapsed = 0;
    this.transferTimeoutNowSent = false;
    this.votes.clear();
    this.prs.clear();
    this.pendingReads.clear();
    this.readQueue = [];
    this.deferredReads = [];
    this.uncommittedSize = 0;
    this.bcastPending = false;
  }

  private resetRandomizedElectionTimeout(): void {
    const jitter = this.cfg.electionJitterTick;
    const r = jitter > 0 ? Math.floor(((this.cfg.rng() >>> 0) / 0x1_0000_0000) * jitter) : 0;
    this.randomizedElectionTimeout = this.cfg.electionTick + r;
  }

  private becomeFollower(term: number, lead: MemberId): void {
    const wasRole = this.role;
    this.reset(term);
    this.lead = lead;
    this.role = 'follower';
    if (wasRole !== 'follower') this.cfg.logger.info({ node: this.id, term, leader: lead }, 'became follower');
  }

  private becomePreCandidate(): void {
    // Neither term nor vote change: a pre-election must not disturb anyone.
    this.votes.clear();
    this.lead = '';
    this.role = 'preCandidate';
    this.cfg.logger.info({ node: this.id, term: this.term }, 'became pre-candidate');
  }

  private becomeCandidate(): void {
    this.reset(this.term + 1);
    this.vote = this.id;
    this.role = 'candidate';
    this.cfg.logger.info({ node: this.id, term: this.term }, 'became candidate');
  }

  private becomeLeader(): void {
    this.reset(this.term);
    this.lead = this.id;
    this.role = 'leader';
    const last = this.log.lastIndex();
    for (const v of this.conf.voters) this.addProgress(v, last + 1, false);
    for (const l of this.conf.learners) this.addProgress(l, last + 1, true);
    const self = this.prs.get(this.id);
    if (self !== undefined) {
      self.becomeReplicate();
      self.maybeUpdate(this.persistedIndex());
      self.recentActive = true;
    }
    // Any uncommitted entry may hold a membership change: refuse new ones until it is applied.
    this.pendingConfIndex = last;
    // The no-op carries the membership in effect: a checkpoint for members replaying the log.
    this.log.append([{ term: this.term, index: last + 1, type: ENTRY_NOOP, data: encodeConfState(this.conf) }]);
    this.bcastPending = true;
    this.cfg.logger.info({ node: this.id, term: this.term, lastIndex: last }, 'became leader');
  }

  private addProgress(id: MemberId, next: number, learner: boolean): void {
    const pr = new MemberProgress(id, next, learner, this.cfg.maxInflightMsgs, this.cfg.maxInflightBytes);
    pr.recentActive = id === this.id;
    this.prs.set(id, pr);
  }

  /** The highest index known durable in the runtime's log. */
  private persistedIndex(): number {
    return this.log.unstable.offset - 1;
  }

  /**
   * Whether this member may start elections: a voter, or a member whose removal is not committed
   * yet (it may still be needed to elect a leader that commits or discards it; dissertation
   * §4.2.2). Votes are always counted in the latest membership only.
   */
  private promotable(): boolean {
    if (this.conf.voters.includes(this.id)) return true;
    const committed = this.log.committed;
    for (const e of this.confStack) if (e.index > committed && e.prev.voters.includes(this.id)) return true;
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Ticks and elections

  private tickElection(): void {
    this.electionElapsed++;
    if (this.electionElapsed >= this.randomizedElectionTimeout && this.promotable()) {
      this.electionElapsed = 0;
      this.hup(this.cfg.preVote ? 'preElection' : 'election');
    }
  }

  private tickLeader(): void {
    this.heartbeatElapsed++;
    this.electionElapsed++;
    if (this.electionElapsed >= this.cfg.electionTick) {
      this.electionElapsed = 0;
      if (this.cfg.checkQuorum) {
        if (!this.quorumActive()) {
          this.cfg.logger.warn({ node: this.id, term: this.term }, 'leader did not hear from a quorum; stepping down');
          this.becomeFollower(this.term, '');
          return;
        }
        for (const pr of this.prs.values()) if (pr.id !== this.id) pr.recentActive = false;
      }
    }
    if (this.leadTransferee !== '') {
      this.transferElapsed++;
      if (this.transferElapsed >= this.cfg.transferTimeoutTick) this.abortLeaderTransfer('timed out');
    }
    if (this.heartbeatElapsed >= this.cfg.heartbeatTick) {
      this.heartbeatElapsed = 0;
      // Appends already due go first: those that carry the commit index spare their heartbeat.
      this.flushBcast();
      const last = this.readQueue[this.readQueue.length - 1];
      this.bcastHeartbeat(last === undefined ? '' : last.context, true);
    }
  }

  private hup(kind: CampaignKind): void {
    if (this.role === 'leader') return;
    if (!this.promotable()) {
      this.cfg.logger.debug({ node: this.id }, 'not a voter; will not campaign');
      return;
    }
    this.runCampaign(kind);
  }

  private runCampaign(kind: CampaignKind): void {
    let voteTerm: number;
    let type: 'vote' | 'preVote';
    if (kind === 'preElection') {
      this.becomePreCandidate();
      voteTerm = this.term + 1;
      type = 'preVote';
    } else {
      this.becomeCandidate();
      voteTerm = this.term;
      type = 'vote';
    }
    if (this.poll(this.id, true) === 'won') {
      if (kind === 'preElection') this.runCampaign('election');
      else this.becomeLeader();
      return;
    }
    const lastIndex = this.log.lastIndex();
    const lastTerm = this.log.lastTerm();
    for (const v of this.conf.voters) {
      if (v === this.id) continue;
      const m: VoteMessage = { type, term: voteTerm, from: this.id, to: v, lastIndex, lastTerm, transfer: kind === 'transfer' };
      this.msgs.push(m);
    }
  }

  private poll(from: MemberId, granted: boolean): 'won' | 'lost' | 'pending' {
    if (!this.votes.has(from)) this.votes.set(from, granted);
    let yes = 0;
    let no = 0;
    for (const v of this.conf.voters) {
      const g = this.votes.get(v);
      if (g === true) yes++;
      else if (g === false) no++;
    }
    const q = quorum(this.conf.voters.length);
    if (yes >= q) return 'won';
    if (no > this.conf.voters.length - q) return 'lost';
    return 'pending';
  }

  private handleVoteRequest(m: VoteMessage): void {
    const pre = m.type === 'preVote';
    const canVote = this.vote === m.from || (this.vote === '' && this.lead === '') || (pre && m.term > this.term);
    const respType = pre ? 'preVoteResponse' : 'voteResponse';
    if (canVote && this.log.isUpToDate(m.lastIndex, m.lastTerm)) {
      this.msgs.push({ type: respType, term: m.term, from: this.id, to: m.from, granted: true });
      if (!pre) {
        this.electionElapsed = 0;
        this.vote = m.from;
      }
    } else {
      this.msgs.push({ type: respType, term: this.term, from: this.id, to: m.from, granted: false });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Per-role message handling

  /** A message only the leader sends arrived: `from` leads, and its lease starts again. */
  private heardFromLeader(from: MemberId): void {
    this.electionElapsed = 0;
    this.campaignSeen = false;
    this.lead = from;
  }

  private stepFollower(m: Message): void {
    switch (m.type) {
      case 'append':
        this.heardFromLeader(m.from);
        this.handleAppend(m);
        return;
      case 'heartbeat':
        this.heardFromLeader(m.from);
        this.handleHeartbeat(m);
        return;
      case 'snapshot':
        this.heardFromLeader(m.from);
        this.handleSnapshot(m);
        return;
      case 'timeoutNow':
        this.cfg.logger.info({ node: this.id, term: this.term, from: m.from }, 'received TimeoutNow; campaigning');
        this.hup('transfer');
        return;
      case 'readIndexResponse':
        if (m.index > 0) this.readStates.push({ context: m.context, index: m.index });
        return;
      case 'readIndex':
      case 'appendResponse':
      case 'heartbeatResponse':
      case 'voteResponse':
      case 'preVoteResponse':
      case 'vote':
      case 'preVote':
      case 'snapshotChunk':
        return;
      default: {
        const never: never = m;
        this.cfg.logger.warn({ node: this.id, message: String(never) }, 'dropped unknown message');
      }
    }
  }

  private stepCandidate(m: Message): void {
    switch (m.type) {
      case 'append':
        this.becomeFollower(m.term, m.from);
        this.handleAppend(m);
        return;
      case 'heartbeat':
        this.becomeFollower(m.term, m.from);
        this.handleHeartbeat(m);
        return;
      case 'snapshot':
        this.becomeFollower(m.term, m.from);
        this.handleSnapshot(m);
        return;
      case 'voteResponse':
      case 'preVoteResponse': {
        const expected = this.role === 'preCandidate' ? 'preVoteResponse' : 'voteResponse';
        if (m.type !== expected) return;
        const result = this.poll(m.from, m.granted);
        if (result === 'won') {
          if (this.role === 'preCandidate') this.runCampaign('election');
          else {
            this.becomeLeader();
          }
        } else if (result === 'lost') {
          this.becomeFollower(this.term, '');
        }
        return;
      }
      case 'timeoutNow':
      case 'readIndex':
      case 'readIndexResponse':
      case 'appendResponse':
      case 'heartbeatResponse':
      case 'vote':
      case 'preVote':
      case 'snapshotChunk':
        return;
      default: {
        const never: never = m;
        this.cfg.logger.warn({ node: this.id, message: String(never) }, 'dropped unknown message');
      }
    }
  }

  private stepLeader(m: Message): void {
    switch (m.type) {
      case 'appendResponse':
        this.handleAppendResponse(m);
        return;
      case 'heartbeatResponse':
        this.handleHeartbeatResponse(m);
        return;
      case 'readIndex':
        this.handleForwardedRead(m);
        return;
      case 'append':
      case 'heartbeat':
      case 'snapshot':
        // Two leaders in one term would be a safety violation; never expected.
        this.cfg.logger.warn({ node: this.id, term: this.term, from: m.from, type: m.type }, 'leader got a leader message of its own term');
        return;
      case 'voteResponse':
      case 'preVoteResponse':
      case 'timeoutNow':
      case 'readIndexResponse':
      case 'vote':
      case 'preVote':
      case 'snapshotChunk':
        return;
      default: {
        const never: never = m;
        this.cfg.logger.warn({ node: this.id, message: String(never) }, 'dropped unknown message');
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Follower side of replication

  private handleAppend(m: AppendMessage): void {
    const log = this.log;
    if (m.prevIndex < log.committed) {
      this.sendAppendResponse(m.from, log.committed);
      return;
    }
    let lastNew: number | undefined;
    try {
      lastNew = log.maybeAppend(m.prevIndex, m.prevTerm, m.commit, m.entries);
    } catch (err) {
      if (!(err instanceof CompactedError || err instanceof UnavailableError)) throw err;
      lastNew = undefined;
    }
    if (lastNew !== undefined) {
      const appended = log.lastAppended;
      if (appended.length > 0) this.onAppended(appended);
      // A quiet append only moved the commit index: the leader knows this log matches already.
      if (m.quiet !== true) this.sendAppendResponse(m.from, lastNew);
      return;
    }
    const hint = log.findConflictByTerm(Math.min(m.prevIndex, log.lastIndex()), m.prevTerm);
    this.send({ type: 'appendResponse', to: m.from, reject: true, index: m.prevIndex, hintIndex: hint.index, hintTerm: hint.term });
  }

  private sendAppendResponse(to: MemberId, index: number): void {
    this.send({ type: 'appendResponse', to, reject: false, index, hintIndex: 0, hintTerm: 0 });
  }

  private handleHeartbeat(m: HeartbeatMessage): void {
    this.log.commitTo(m.commit);
    this.send({ type: 'heartbeatResponse', to: m.from, context: m.context });
  }

  private handleSnapshot(m: SnapshotMessage): void {
    const s = m.snapshot;
    const log = this.log;
    if (s.meta.index <= log.committed) {
      this.sendAppendResponse(m.from, log.committed);
      return;
    }
    // A snapshot taken before this member was added does not list it; the entries after the
    // snapshot (which the leader sends next) hold the change that adds it, so it is installed.
    if (log.matchTerm(s.meta.index, s.meta.term)) {
      // Our log already has the snapshot's last entry: just move commit forward.
      log.commitTo(s.meta.index);
      this.sendAppendResponse(m.from, log.committed);
      return;
    }
    this.cfg.logger.info({ node: this.id, term: this.term, index: s.meta.index, snapTerm: s.meta.term }, 'restoring snapshot');
    log.restore(s);
    this.conf = { voters: [...s.meta.conf.voters], learners: [...s.meta.conf.learners] };
    this.appliedConf = this.conf;
    this.confStack = [];
    this.confChanged = true;
    this.sendAppendResponse(m.from, log.lastIndex());
  }

  // ---------------------------------------------------------------------------------------------
  // Leader side of replication

  private checkCanPropose(): void {
    if (this.role !== 'leader') {
      throw new ProposalDroppedError(this.lead === '' ? 'noLeader' : 'notLeader', this.id, this.lead, this.term);
    }
    if (!this.conf.voters.includes(this.id)) throw new ProposalDroppedError('notLeader', this.id, '', this.term);
    if (this.leadTransferee !== '') throw new ProposalDroppedError('transferring', this.id, this.leadTransferee, this.term);
  }

  private send(m: DistributiveOmit<Message, 'term' | 'from'>): void {
    (m as Message).term = this.term;
    (m as Message).from = this.id;
    this.msgs.push(m as Message);
  }

  private flushBcast(): void {
    if (!this.bcastPending) return;
    this.bcastPending = false;
    if (this.role !== 'leader') return;
    const last = this.log.lastIndex();
    for (const [id, pr] of this.prs) {
      if (id === this.id) continue;
      // Only the commit index is new to a follower whose appends are still in flight: the answer
      // to the last of them sends it along in a quiet append (see handleAppendResponse), instead
      // of an append of its own that would have to be answered too.
      if (pr.state === 'replicate' && pr.next > last && pr.match < pr.next - 1 && pr.removedAt === 0) continue;
      if (!this.maybeSendAppend(id, true)) continue;
      while (this.maybeSendAppend(id, false)) {
        // pipeline: fill the in-flight window of replicating followers
      }
    }
  }

  /** Sends the next append (or a snapshot) to `to`; false when nothing was sent. */
  private maybeSendAppend(to: MemberId, sendIfEmpty: boolean): boolean {
    const pr = this.prs.get(to);
    if (pr === undefined || pr.isPaused()) return false;
    const log = this.log;
    const last = log.lastIndex();
    const prevIndex = pr.next - 1;
    let prevTerm: number;
    let ents: Entry[];
    try {
      prevTerm = log.term(prevIndex);
      ents = pr.state === 'replicate' && pr.next > last ? [] : log.slice(pr.next, last + 1, this.cfg.maxSizePerMsg);
    } catch (err) {
      if (err instanceof CompactedError) return this.sendSnapshot(pr);
      if (err instanceof UnavailableError) {
        this.cfg.logger.warn({ node: this.id, to, next: pr.next, last }, 'follower progress beyond our log; probing');
        pr.becomeProbe();
        return false;
      }
      throw err;
    }
    if (ents.length === 0 && !sendIfEmpty) return false;
    let bytes = 0;
    for (const e of ents) bytes += e.data.length;
    const m: AppendMessage = {
      type: 'append',
      term: this.term,
      from: this.id,
      to,
      prevIndex,
      prevTerm,
      entries: ents,
      commit: log.committed,
    };
    // Nothing to append to a follower that acknowledged everything it was sent: the message only
    // carries the commit index, and needs no answer unless the follower's log turns out not to
    // match. With appends in flight an answer is still asked for: should theirs be lost, it is
    // what tells the leader how far the follower got. A probe is always answered: that answer is
    // what moves the follower on. A quiet append gets no answer, so it does not stand in for a
    // heartbeat either (the answer is what a heartbeat round is for).
    if (ents.length === 0 && pr.state === 'replicate' && prevIndex === pr.match) m.quiet = true;
    else pr.appendedSinceHeartbeat = true;
    pr.sentSinceHeartbeat = true;
    this.msgs.push(m);
    if (m.commit > pr.commitSent) pr.commitSent = Math.min(m.commit, prevIndex + ents.length);
    const lastSent = ents.length > 0 ? (ents[ents.length - 1] as Entry).index : prevIndex;
    pr.sentEntries(ents.length, lastSent, bytes);
    return true;
  }

  private sendSnapshot(pr: MemberProgress): boolean {
    if (!pr.recentActive) return false;
    const snapshot = this.log.snapshot();
    if (snapshot.meta.index === 0) {
      this.cfg.logger.warn({ node: this.id, to: pr.id }, 'entries compacted but no snapshot available');
      return false;
    }
    pr.becomeSnapshot(snapshot.meta.index);
    this.msgs.push({ type: 'snapshot', term: this.term, from: this.id, to: pr.id, snapshot });
    this.cfg.logger.info({ node: this.id, to: pr.id, index: snapshot.meta.index }, 'sent snapshot');
    return true;
  }

  /**
   * Sends a heartbeat to every other member. A periodic one (`periodic`, without a read context)
   * skips a member that was sent the commit index it can apply and either
   * - has the whole log, and since the last round was sent an answered append, or was sent any
   *   append and answered: the append reset its election timer as the heartbeat would, and the
   *   answer counts toward check-quorum and the lease; or
   * - is being replicated to with appends in flight, and was sent one or answered one since the
   *   last round: the answers are on their way. Should an append be lost, a later one is rejected,
   *   or a round passes with nothing sent and nothing heard, and the heartbeat goes.
   *
   * Busy groups then do not pay for heartbeats on top of their appends, even when the round trip
   * of an append takes longer than a heartbeat interval.
   */
  private bcastHeartbeat(context: string, periodic = false): void {
    const committed = this.log.committed;
    const last = this.log.lastIndex();
    for (const pr of this.prs.values()) {
      if (pr.id === this.id) continue;
      const asked = pr.appendedSinceHeartbeat;
      const sent = pr.sentSinceHeartbeat;
      const heard = pr.heardSinceHeartbeat;
      pr.appendedSinceHeartbeat = false;
      pr.sentSinceHeartbeat = false;
      pr.heardSinceHeartbeat = false;
      if (periodic && context === '' && pr.commitSent >= Math.min(pr.match, committed)) {
        // Caught up: an append this round reset its election timer, and its answer is on the way
        // or an answer came this round: the heartbeat has nothing left to do.
        if (pr.match === last && (asked || (sent && heard))) continue;
        // Appends in flight to a member that answers: their answers are on the way, and a lost
        // one shows as a round without an answer (or, with a later append, as its rejection).
        if (pr.match < last && pr.state === 'replicate' && (sent || heard)) continue;
      }
      const m: HeartbeatMessage = {
        type: 'heartbeat',
        term: this.term,
        from: this.id,
        to: pr.id,
        commit: Math.min(pr.match, this.log.committed),
        context,
      };
      if (m.commit > pr.commitSent) pr.commitSent = m.commit;
      this.msgs.push(m);
    }
  }

  private sendTimeoutNow(to: MemberId): void {
    this.send({ type: 'timeoutNow', to });
    // The target campaigns now, at a term that deposes this leader whatever comes of it. Giving up
    // the transfer right after (its timeout falls due) would take proposals again, leave the
    // target's log behind and its campaign lost: a group without a leader for an election timeout.
    // So the first TimeoutNow of a transfer gives the target a whole timeout to win.
    if (to === this.leadTransferee && !this.transferTimeoutNowSent) {
      this.transferTimeoutNowSent = true;
      this.transferElapsed = 0;
    }
    // The target campaigns past every follower's stickiness: no lease reads until it settles.
    this.leaseInvalidUntil = this.clock + 2 * this.cfg.electionTick;
  }

  private abortLeaderTransfer(why: string): void {
    this.cfg.logger.info({ node: this.id, term: this.term, to: this.leadTransferee, why }, 'leadership transfer abandoned');
    this.leadTransferee = '';
    this.transferElapsed = 0;
    this.transferTimeoutNowSent = false;
  }

  private handleAppendResponse(m: AppendResponseMessage): void {
    const pr = this.prs.get(m.from);
    if (pr === undefined) return;
    pr.recentActive = true;
    pr.lastHeardTick = this.clock;
    pr.heardSinceHeartbeat = true;
    const log = this.log;
    if (m.reject) {
      let hint = m.hintIndex;
      if (m.hintTerm > 0) hint = log.findConflictByTerm(m.hintIndex, m.hintTerm).index;
      if (pr.maybeDecrTo(m.index, hint)) {
        if (pr.state === 'replicate') pr.becomeProbe();
        this.maybeSendAppend(m.from, true);
      }
      return;
    }
    const wasPaused = pr.isPaused();
    if (!pr.maybeUpdate(m.index) && !(pr.match === m.index && pr.state === 'probe')) return;
    switch (pr.state) {
      case 'probe':
        pr.becomeReplicate();
        break;
      case 'snapshot':
        if (pr.match + 1 >= log.firstIndex()) {
          pr.becomeProbe();
          pr.becomeReplicate();
        }
        break;
      case 'replicate':
        pr.inflights.freeLE(m.index);
        break;
      default: {
        const never: never = pr.state;
        throw new Error(`unknown progress state ${String(never)}`);
      }
    }
    if (this.maybeCommit()) {
      this.onCommitAdvanced();
    } else if (wasPaused) {
      this.maybeSendAppend(m.from, false);
    }
    while (this.maybeSendAppend(m.from, false)) {
      // pipeline: keep filling the in-flight window
    }
    // Its last append answered, a follower that was not sent the commit index (flushBcast waits
    // for this answer) gets it now in a quiet append, unless a broadcast is due anyway.
    if (!this.bcastPending && pr.state === 'replicate' && pr.match === pr.next - 1 && pr.commitSent < Math.min(pr.match, log.committed)) {
      this.maybeSendAppend(m.from, true);
    }
    if (m.from === this.leadTransferee && pr.match === log.lastIndex()) {
      this.cfg.logger.info({ node: this.id, to: m.from }, 'transfer target caught up; sending TimeoutNow');
      this.sendTimeoutNow(m.from);
    }
  }

  private handleHeartbeatResponse(m: HeartbeatResponseMessage): void {
    const pr = this.prs.get(m.from);
    if (pr === undefined) return;
    pr.recentActive = true;
    pr.lastHeardTick = this.clock;
    pr.heardSinceHeartbeat = true;
    pr.msgAppFlowPaused = false;
    if (pr.state === 'replicate' && pr.inflights.full()) pr.inflights.freeFirstOne();
    if (pr.match < this.log.lastIndex() || pr.state === 'probe') this.maybeSendAppend(m.from, true);
    if (m.context === '') return;
    const req = this.pendingReads.get(m.context);
    if (req === undefined || pr.learner) return;
    req.acks.add(m.from);
    if (this.countVoters(req.acks) >= quorum(this.conf.voters.length)) this.releaseReadsUpTo(req);
  }

  private countVoters(set: Set<MemberId>): number {
    let n = 0;
    for (const v of this.conf.voters) if (set.has(v)) n++;
    return n;
  }

  /** Recomputes the commit index from the voters' match indices; true when it advanced. */
  private maybeCommit(): boolean {
    const voters = this.conf.voters;
    const n = voters.length;
    if (n === 0) return false;
    const matches = this.matchScratch;
    matches.length = n;
    for (let i = 0; i < n; i++) matches[i] = this.prs.get(voters[i] as MemberId)?.match ?? 0;
    // Insertion sort, descending: n is a handful of voters and this runs on every acknowledgement.
    for (let i = 1; i < n; i++) {
      const v = matches[i] as number;
      let j = i - 1;
      while (j >= 0 && (matches[j] as number) < v) {
        matches[j + 1] = matches[j] as number;
        j--;
      }
      matches[j + 1] = v;
    }
    const mci = matches[quorum(n) - 1] as number;
    const log = this.log;
    // Only entries of the current term are committed by counting (Raft §5.4.2); earlier ones follow.
    if (mci > log.committed && log.termOrZero(mci) === this.term) {
      log.commitTo(mci);
      return true;
    }
    return false;
  }

  private onCommitAdvanced(): void {
    this.bcastPending = true;
    const committed = this.log.committed;
    let removed = false;
    for (const pr of this.prs.values()) if (pr.removedAt !== 0 && pr.removedAt <= committed) removed = true;
    if (removed) {
      // Tell the removed members about the commit, then forget them.
      this.flushBcast();
      this.bcastPending = true;
      for (const [id, pr] of this.prs) if (pr.removedAt !== 0 && pr.removedAt <= committed && id !== this.id) this.prs.delete(id);
    }
    if (!this.conf.voters.includes(this.id) && this.log.committed >= this.pendingConfIndex) {
      this.stepDownAfterRemoval();
      return;
    }
    if (this.deferredReads.length > 0 && this.committedInTerm()) {
      const reads = this.deferredReads;
      this.deferredReads = [];
      for (const r of reads) this.leaderReadIndex(r.context, r.from);
    }
  }

  private quorumActive(): boolean {
    let active = 0;
    for (const v of this.conf.voters) {
      const pr = this.prs.get(v);
      if (pr !== undefined && (pr.recentActive || v === this.id)) active++;
    }
    return active >= quorum(this.conf.voters.length);
  }

  // ---------------------------------------------------------------------------------------------
  // Reads

  private committedInTerm(): boolean {
    return this.log.termOrZero(this.log.committed) === this.term;
  }

  private handleForwardedRead(m: ReadIndexMessage): void {
    if (!this.prs.has(m.from)) return;
    this.leaderReadIndex(m.context, m.from);
  }

  private leaderReadIndex(context: string, from: MemberId): void {
    if (!this.committedInTerm()) {
      this.deferredReads.push({ context, from });
      return;
    }
    const index = this.log.committed;
    if (this.conf.voters.length === 1 && this.conf.voters[0] === this.id) {
      this.respondRead(context, from, index);
      return;
    }
    if (this.cfg.readOnly === 'lease' && this.leaseValid()) {
      this.respondRead(context, from, index);
      return;
    }
    if (this.pendingReads.has(context)) return;
    const req: PendingRead = { context, from, index, acks: new Set([this.id]) };
    this.pendingReads.set(context, req);
    this.readQueue.push(req);
    this.bcastHeartbeat(context);
  }

  private leaseValid(): boolean {
    if (this.leadTransferee !== '' || this.clock < this.leaseInvalidUntil) return false;
    // A follower refuses votes for electionTick ticks after hearing from us; count only answers
    // recent enough that this window cannot have closed (allowing one heartbeat of delay).
    const horizon = this.clock - (this.cfg.electionTick - this.cfg.heartbeatTick);
    let n = 0;
    for (const v of this.conf.voters) {
      if (v === this.id) n++;
      else if ((this.prs.get(v)?.lastHeardTick ?? -Infinity) > horizon) n++;
    }
    return n >= quorum(this.conf.voters.length);
  }

  private releaseReadsUpTo(req: PendingRead): void {
    const i = this.readQueue.indexOf(req);
    if (i < 0) return;
    const done = this.readQueue.splice(0, i + 1);
    for (const r of done) {
      this.pendingReads.delete(r.context);
      this.respondRead(r.context, r.from, r.index);
    }
  }

  private respondRead(context: string, from: MemberId, index: number): void {
    if (from === this.id) this.readStates.push({ context, index });
    else this.send({ type: 'readIndexResponse', to: from, context, index });
  }

  // ---------------------------------------------------------------------------------------------
  // Applying committed entries

  private applyCommitted(ents: Entry[]): void {
    let size = 0;
    for (const e of ents) {
      size += e.data.length;
      if (e.type === ENTRY_NOOP) {
        const cs = this.decodeCheckpoint(e);
        if (cs !== undefined && !sameConf(cs, this.appliedConf)) {
          this.appliedConf = cs;
          this.confChanged = true;
        }
        continue;
      }
      if (e.type !== ENTRY_CONF_CHANGE) continue;
      const cc = this.decodeConf(e);
      if (cc === undefined) continue;
      this.appliedConf = applyConfChange(this.appliedConf, cc);
      this.confChanged = true;
    }
    if (this.role === 'leader') this.uncommittedSize = Math.max(0, this.uncommittedSize - size);
  }

  private decodeConf(e: Entry): ConfChange | undefined {
    try {
      return decodeConfChange(e.data);
    } catch (err) {
      this.cfg.logger.warn({ node: this.id, index: e.index, err: String(err) }, 'skipped undecodable membership change');
      return undefined;
    }
  }

  private decodeCheckpoint(e: Entry): ConfState | undefined {
    if (e.data.length === 0) return undefined;
    try {
      return decodeConfState(e.data);
    } catch (err) {
      this.cfg.logger.warn({ node: this.id, index: e.index, err: String(err) }, 'skipped undecodable membership checkpoint');
      return undefined;
    }
  }

  /** Handles a membership-bearing entry (ConfChange or leader no-op) that entered the log. */
  private onConfEntry(e: Entry): void {
    if (e.type === ENTRY_CONF_CHANGE) {
      const cc = this.decodeConf(e);
      if (cc !== undefined) this.changeConf(cc, e.index);
    } else if (e.type === ENTRY_NOOP) {
      const cs = this.decodeCheckpoint(e);
      if (cs !== undefined && !sameConf(cs, this.conf)) {
        this.cfg.logger.warn(
          { node: this.id, index: e.index, voters: cs.voters, learners: cs.learners, had: this.conf.voters },
          'membership taken from a leader checkpoint (this member did not know the bootstrap membership)',
        );
        this.setConf(cs, e.index);
      }
    }
  }

  /** Rebuilds the membership in effect from the log after a restart (entries lo..hi). */
  private recoverConf(lo: number, hi: number): void {
    const log = this.log;
    while (lo <= hi) {
      let ents: Entry[];
      try {
        ents = log.slice(lo, hi + 1, this.cfg.maxCommittedSizePerReady);
      } catch (err) {
        if (err instanceof CompactedError || err instanceof UnavailableError) return;
        throw err;
      }
      if (ents.length === 0) return;
      for (const e of ents) if (e.type !== ENTRY_NORMAL) this.onConfEntry(e);
      lo = (ents[ents.length - 1] as Entry).index + 1;
    }
  }

  /** Follower: entries were written to the log, possibly replacing a suffix. */
  private onAppended(ents: Entry[]): void {
    const from = (ents[0] as Entry).index;
    while (this.confStack.length > 0 && (this.confStack[this.confStack.length - 1] as { index: number }).index >= from) {
      const top = this.confStack.pop() as { index: number; prev: ConfState };
      this.conf = top.prev;
      this.cfg.logger.info({ node: this.id, term: this.term, index: top.index }, 'membership change truncated; reverted');
    }
    for (const e of ents) if (e.type !== ENTRY_NORMAL) this.onConfEntry(e);
  }

  /** A membership change entered the log at `index`: it takes effect now. */
  private changeConf(cc: ConfChange, index: number): void {
    const next = applyConfChange(this.conf, cc);
    if (next === this.conf) return;
    this.cfg.logger.info(
      { node: this.id, term: this.term, index, change: cc.type, member: cc.member, voters: next.voters, learners: next.learners },
      'membership changed',
    );
    this.setConf(next, index);
  }

  /** The membership in effect becomes `next` because of the entry at `index`. */
  private setConf(next: ConfState, index: number): void {
    const prev = this.conf;
    const committed = this.log.committed;
    while (this.confStack.length > 0 && (this.confStack[0] as { index: number }).index <= committed) this.confStack.shift();
    if (index > committed) this.confStack.push({ index, prev });
    this.conf = next;
    if (this.role !== 'leader') return;
    const last = this.log.lastIndex();
    for (const v of next.voters) {
      const pr = this.prs.get(v);
      if (pr === undefined) this.addProgress(v, last + 1, false);
      else pr.learner = false;
    }
    for (const l of next.learners) {
      const pr = this.prs.get(l);
      if (pr === undefined) this.addProgress(l, last + 1, true);
      else pr.learner = true;
    }
    // A removed member keeps getting the log until its removal commits, so that it learns it
    // was removed (and stays quiet) instead of timing out and campaigning.
    for (const pr of this.prs.values()) {
      if (isMember(next, pr.id)) pr.removedAt = 0;
      else if (pr.removedAt === 0) pr.removedAt = index;
    }
    if (this.leadTransferee !== '' && !next.voters.includes(this.leadTransferee)) this.abortLeaderTransfer('target removed');
    // The majority changed: the commit index may move (never for the entry itself: not committed yet).
    if (this.maybeCommit()) this.onCommitAdvanced();
    this.bcastPending = true;
  }

  private stepDownAfterRemoval(): void {
    // Hand over to an up-to-date voter so the group does not wait for an election timeout.
    this.flushBcast();
    const last = this.log.lastIndex();
    let target = '';
    for (const v of this.conf.voters) {
      const pr = this.prs.get(v);
      if (pr !== undefined && pr.match === last) {
        target = v;
        break;
      }
    }
    if (target !== '') this.sendTimeoutNow(target);
    this.cfg.logger.info({ node: this.id, term: this.term, handover: target }, 'removed from the group; stepping down');
    this.becomeFollower(this.term, '');
  }
}

const isIndex = (n: unknown): boolean => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** Cheap shape check of a message from the wire, so bad input is dropped rather than thrown on. */
function wellFormed(m: Message): boolean {
  if (!isIndex(m.term) || typeof m.to !== 'string') return false;
  switch (m.type) {
    case 'append':
      if (!isIndex(m.prevIndex) || !isIndex(m.prevTerm) || !isIndex(m.commit) || !Array.isArray(m.entries)) return false;
      for (let i = 0; i < m.entries.length; i++) {
        const e = m.entries[i];
        if (e === undefined || e.index !== m.prevIndex + 1 + i || !isIndex(e.term) || !(e.data instanceof Uint8Array)) return false;
      }
      return true;
    case 'appendResponse':
      return typeof m.reject === 'boolean' && isIndex(m.index) && isIndex(m.hintIndex) && isIndex(m.hintTerm);
    case 'vote':
    case 'preVote':
      return isIndex(m.lastIndex) && isIndex(m.lastTerm) && typeof m.transfer === 'boolean';
    case 'voteResponse':
    case 'preVoteResponse':
      return typeof m.granted === 'boolean';
    case 'heartbeat':
      return isIndex(m.commit) && typeof m.context === 'string';
    case 'heartbeatResponse':
    case 'readIndex':
      return typeof m.context === 'string';
    case 'readIndexResponse':
      return typeof m.context === 'string' && isIndex(m.index);
    case 'snapshot': {
      const s = m.snapshot as Message extends never ? never : typeof m.snapshot | undefined;
      return (
        s !== undefined && s !== null && isIndex(s.meta?.index) && isIndex(s.meta?.term) &&
        Array.isArray(s.meta?.conf?.voters) && Array.isArray(s.meta?.conf?.learners) && s.data instanceof Uint8Array
      );
    }
    case 'snapshotChunk':
    case 'timeoutNow':
      return true;
    default: {
      const never: never = m;
      void never;
      return false;
    }
  }
}

/** Size of a majority of `n` voters. */
function quorum(n: number): number {
  return Math.floor(n / 2) + 1;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
