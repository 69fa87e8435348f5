// Typed errors of the replica runtime: every failure a caller of Host can see, each with a
// stable `code` and the context (group, member, node) needed to react to it.

/** Base class of every error the replica runtime throws or rejects with. */
export abstract class ReplicaError extends Error {
  /** Stable machine-readable code. */
  abstract readonly code: string;
}

/** Invalid host or group options. */
export class ConfigError extends ReplicaError {
  /** Stable error code. */
  readonly code = 'ERR_REPLICA_CONFIG' as const;
  /** The option that is wrong. */
  readonly option: string;
  /** @param option - offending option. @param message - what is wrong with it. */
  constructor(option: string, message: string) {
    super(`invalid option ${option}: ${message}`);
    this.name = 'ConfigError';
    this.option = option;
  }
}

/** The member asked is not the leader; retry at the hinted leader (when known). */
export class NotLeaderError extends ReplicaError {
  /** Stable error code. */
  readonly code = 'ERR_REPLICA_NOT_LEADER' as const;
  /** Group concerned. */
  readonly group: string;
  /** Member id of the known leader, or '' when unknown. */
  readonly leader: string;
  /** Node hosting the known leader, or '' when unknown. */
  readonly leaderNode: string;
  /** @param group - group. @param leader - leader member id or ''. */
  constructor(group: string, leader: string) {
    super(`not the leader of group ${group}${leader === '' ? ' (leader unknown)' : `; leader is ${leader}`}`);
    this.name = 'NotLeaderError';
    this.group = group;
    this.leader = leader;
    this.leaderNode = leader === '' ? '' : nodeOfMember(leader);
  }
}

/** The deadline passed before the operation completed (it may still take effect later). */
export class TimeoutError extends ReplicaError {
  /** Stable error code. */
  readonly code = 'ERR_REPLICA_TIMEOUT' as const;
  /** Group concerned. */
  readonly group: string;
  /** What timed out (command, query, addMember, ...). */
  readonly operation: string;
  /** @param group - group. @param operation - operation that timed out. */
  constructor(group: string, operation: string) {
    super(`${operation} on group ${group} timed out`);
    this.name = 'TimeoutError';
    this.group = group;
    this.operation = operation;
  }
}

/** No member of that group lives on this host. */
export class GroupNotFoundError extends ReplicaError {
  /** Stable error code. */
  readonly code = 'ERR_REPLICA_GROUP_NOT_FOUND' as const;
  /** Group asked for. */
  readonly group: string;
  /** Node that was asked. */
  readonly node: string;
  /** @param group - group. @param node - node asked. */
  constructor(group: string, node: string) {
    super(`group ${group} has no member on node ${node}`);
    this.name = 'GroupNotFoundError';
    this.group = group;
    this.node = node;
  }
}

/** A group with that name already has a member on this host. */
export class GroupExistsError extends ReplicaError {
  /** Stable error code. */
  readonly code = 'ERR_REPLICA_GROUP_EXISTS' as const;
  /** Group concerned. */
  readonly group: string;
  /** @param group - group. */
  constructor(group: string) {
    super(`group ${group} already has a member on this node`);
    this.name = 'GroupExistsError';
    this.group = group;
  }
}

/** An encoded command is larger than the configured maximum. */
export class TooLargeError extends ReplicaError {
  /** Stable error code. */
  readonly code = 'ERR_REPLICA_TOO_LARGE' as const;
  /** Group concerned. */
  readonly group: string;
  /** Encoded size in bytes. */
  readonly size: number;
  /** Maximum allowed. */
  readonly max: number;
  /** @param group - group. @param size - encoded size. @param max - limit. */
  constructor(group: string, size: number, max: number) {
    super(`command for group ${group} is ${size} bytes, above the maximum of ${max}`);
    this.name = 'TooLargeError';
    this.group = group;
    this.size = size;
    this.max = max;
  }
}

/** The host is stopped (or was never started). */
export class StoppedError extends ReplicaError {
  /** Stable error code. */
  readonly code = 'ERR_REPLICA_STOPPED' as const;
  /** Node of the stopped host. */
  readonly node: string;
  /** @param node - node id. */
  constructor(node: string) {
    super(`host ${node} is stopped`);
    this.name = 'StoppedError';
    this.node = node;
  }
}

/**
 * The state machine threw while applying the command. The state is unchanged, on every member
 * alike; `errorName` and `message` are those of the thrown error.
 */
export class CommandFailedError extends ReplicaError {
  /** Stable error code. */
  readonly code = 'ERR_REPLICA_COMMAND_FAILED' as const;
  /** Group concerned. */
  readonly group: string;
  /** `name` of the error the state machine threw. */
  readonly errorName: string;
  /** @param group - group. @param errorName - thrown error's name. @param message - thrown error's message. */
  constructor(group: string, errorName: string, message: string) {
    super(message);
    this.name = 'CommandFailedError';
    this.group = group;
    this.errorName = errorName;
  }
}

/** A membership change was refused (unsafe, concurrent with another, or rejected by Raft). */
export class MembershipChangeError extends ReplicaError {
  /** Stable error code. */
  readonly code = 'ERR_REPLICA_MEMBERSHIP_CHANGE' as const;
  /** Group concerned. */
  readonly group: string;
  /** Member the change was about ('' when not applicable). */
  readonly member: string;
  /** Why: 'inProgress' (another change runs), 'unsafe' (would lose quorum), 'unknownMember', 'rejected'. */
  readonly reason: 'inProgress' | 'unsafe' | 'unknownMember' | 'rejected';
  /** @param group - group. @param member - member. @param reason - why. @param message - details. */
  constructor(group: string, member: string, reason: MembershipChangeError['reason'], message: string) {
    super(message);
    this.name = 'MembershipChangeError';
    this.group = group;
    this.member = member;
    this.reason = reason;
  }
}

/** An error returned by another node's host over the transport, with its original code. */
export class RemoteReplicaError extends ReplicaError {
  /** Stable error code. */
  readonly code = 'ERR_REPLICA_REMOTE' as const;
  /** Node that answered with the error. */
  readonly node: string;
  /** Code of the remote error. */
  readonly remoteCode: string;
  /** @param node - remote node. @param remoteCode - remote error's code. @param message - remote message. */
  constructor(node: string, remoteCode: string, message: string) {
    super(`node ${node}: ${message}`);
    this.name = 'RemoteReplicaError';
    this.node = node;
    this.remoteCode = remoteCode;
  }
}

/** The node id part of a member id (`${nodeId}/${token}`). */
export function nodeOfMember(member: string): string {
  const slash = member.indexOf('/');
  return slash < 0 ? member : member.slice(0, slash);
}

/** The leader refused new proposals because too much is proposed but not yet committed; retry later. */
export class OverloadedError extends ReplicaError {
  /** Stable error code. */
  readonly code = 'ERR_REPLICA_OVERLOADED' as const;
  /** Group concerned. */
  readonly group: string;
  /** @param group - group. @param message - details. */
  constructor(group: string, message: string) {
    super(message);
    this.name = 'OverloadedError';
    this.group = group;
  }
}
