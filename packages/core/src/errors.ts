// Typed errors of the Raft core: log-view failures, refused proposals and membership changes,
// and invalid configuration. Each carries a stable `code` and the context a caller needs.
import type { MemberId } from '@raftfleet/protocol';

/** Thrown by a `LogReader` when the requested index was compacted away (it is below firstIndex). */
export class CompactedError extends Error {
  /** Stable error code. */
  readonly code = 'ERR_RAFT_COMPACTED' as const;
  /** The index that was asked for. */
  readonly index: number;
  /** The first index still available. */
  readonly firstIndex: number;
  /** @param index - index asked for. @param firstIndex - first index still in the log. */
  constructor(index: number, firstIndex: number) {
    super(`index ${index} is compacted (first index is ${firstIndex})`);
    this.name = 'CompactedError';
    this.index = index;
    this.firstIndex = firstIndex;
  }
}

/** Thrown by a `LogReader` when the requested index is beyond the last entry. */
export class UnavailableError extends Error {
  /** Stable error code. */
  readonly code = 'ERR_RAFT_UNAVAILABLE' as const;
  /** The index that was asked for. */
  readonly index: number;
  /** The last index available. */
  readonly lastIndex: number;
  /** @param index - index asked for. @param lastIndex - last index in the log. */
  constructor(index: number, lastIndex: number) {
    super(`index ${index} is unavailable (last index is ${lastIndex})`);
    this.name = 'UnavailableError';
    this.index = index;
    this.lastIndex = lastIndex;
  }
}

/** Why a proposal (or read) was refused. */
export type ProposalDropReason = 'notLeader' | 'noLeader' | 'transferring' | 'tooLarge';

/** Thrown by `propose` / `proposeConfChange` / `readIndex` when this member cannot accept it. */
export class ProposalDroppedError extends Error {
  /** Stable error code. */
  readonly code = 'ERR_RAFT_PROPOSAL_DROPPED' as const;
  /** Why it was refused. */
  readonly reason: ProposalDropReason;
  /** The member refusing. */
  readonly node: MemberId;
  /** The leader to retry at, or '' when unknown. */
  readonly leader: MemberId;
  /** Current term of the refusing member. */
  readonly term: number;
  /** @param reason - why. @param node - refusing member. @param leader - leader hint. @param term - current term. */
  constructor(reason: ProposalDropReason, node: MemberId, leader: MemberId, term: number) {
    super(`proposal dropped by ${node} (${reason}${leader === '' ? '' : `, leader is ${leader}`}, term ${term})`);
    this.name = 'ProposalDroppedError';
    this.reason = reason;
    this.node = node;
    this.leader = leader;
    this.term = term;
  }
}

/** Thrown by `proposeConfChange` while an earlier membership change is not yet applied. */
export class ConfChangeInProgressError extends Error {
  /** Stable error code. */
  readonly code = 'ERR_RAFT_CONF_CHANGE_IN_PROGRESS' as const;
  /** The member refusing. */
  readonly node: MemberId;
  /** Log index of the pending change (or the last index when leadership began, which may hold one). */
  readonly pendingIndex: number;
  /** Index applied so far. */
  readonly applied: number;
  /** @param node - refusing member. @param pendingIndex - pending change's index. @param applied - applied index. */
  constructor(node: MemberId, pendingIndex: number, applied: number) {
    super(`membership change in progress at index ${pendingIndex} (applied ${applied})`);
    this.name = 'ConfChangeInProgressError';
    this.node = node;
    this.pendingIndex = pendingIndex;
    this.applied = applied;
  }
}

/** Thrown by `proposeConfChange` for a change that makes no sense against the current membership. */
export class ConfChangeRejectedError extends Error {
  /** Stable error code. */
  readonly code = 'ERR_RAFT_CONF_CHANGE_REJECTED' as const;
  /** The member refusing. */
  readonly node: MemberId;
  /** The member the change is about. */
  readonly member: MemberId;
  /** The kind of change. */
  readonly change: string;
  /** @param node - refusing member. @param change - kind of change. @param member - target. @param why - explanation. */
  constructor(node: MemberId, change: string, member: MemberId, why: string) {
    super(`membership change ${change} ${member} rejected: ${why}`);
    this.name = 'ConfChangeRejectedError';
    this.node = node;
    this.member = member;
    this.change = change;
  }
}

/** Thrown by the `RawNode` constructor / `validateConfig` for an invalid configuration. */
export class ConfigError extends Error {
  /** Stable error code. */
  readonly code = 'ERR_RAFT_CONFIG' as const;
  /** The offending field. */
  readonly field: string;
  /** The member being configured (may be empty when the id itself is wrong). */
  readonly node: MemberId;
  /** @param field - offending field. @param node - member id. @param why - explanation. */
  constructor(field: string, node: MemberId, why: string) {
    super(`invalid raft config ${field}: ${why}`);
    this.name = 'ConfigError';
    this.field = field;
    this.node = node;
  }
}

/** Thrown by `MemoryLog` mutators given entries or snapshots that do not fit the log. */
export class LogMutationError extends Error {
  /** Stable error code. */
  readonly code = 'ERR_RAFT_LOG_MUTATION' as const;
  /** The index involved. */
  readonly index: number;
  /** @param index - index involved. @param why - explanation. */
  constructor(index: number, why: string) {
    super(`log mutation at ${index}: ${why}`);
    this.name = 'LogMutationError';
    this.index = index;
  }
}

/** Thrown by `decodeConfChange` for bytes that are not an encoded `ConfChange`. */
export class ConfChangeDecodeError extends Error {
  /** Stable error code. */
  readonly code = 'ERR_RAFT_CONF_CHANGE_DECODE' as const;
  /** @param why - explanation. */
  constructor(why: string) {
    super(`cannot decode membership change: ${why}`);
    this.name = 'ConfChangeDecodeError';
  }
}
