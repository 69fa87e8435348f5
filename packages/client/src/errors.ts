// Typed errors of the client SDK: one class per failure a caller may want to handle differently.
// Each carries a stable `code` and the group, node or method involved.

/** Base class of every error the client raises. */
export class ClientError extends Error {
  /** Stable error code. */
  readonly code: string;
  /** The group involved, when there is one. */
  readonly group: string | undefined;
  /** The node involved (the last one tried), when there is one. */
  readonly node: string | undefined;

  /**
   * @param code - Stable error code.
   * @param message - Human-readable description.
   * @param context - Group and node involved.
   * @param options - Standard error options (`cause`).
   */
  constructor(code: string, message: string, context: { group?: string | undefined; node?: string | undefined } = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ClientError';
    this.code = code;
    this.group = context.group;
    this.node = context.node;
  }
}

/** A node answered that it is not the group's leader and no retry could reach the leader in time. */
export class NotLeaderError extends ClientError {
  /** The leader the node pointed at, when it knew one. */
  readonly leader: string | undefined;
  /** The leader's address, when known. */
  readonly leaderAddress: string | undefined;

  /**
   * @param group - The group.
   * @param node - The node that answered.
   * @param leader - The leader it pointed at.
   * @param leaderAddress - That leader's address.
   */
  constructor(group: string | undefined, node: string | undefined, leader?: string, leaderAddress?: string) {
    super('ERR_NOT_LEADER', `node ${node ?? '?'} is not the leader of ${group ?? '?'}${leader !== undefined ? ` (leader: ${leader})` : ''}`, { group, node });
    this.name = 'NotLeaderError';
    this.leader = leader;
    this.leaderAddress = leaderAddress;
  }
}

/** The caller's deadline passed before an answer arrived. A command may or may not have been applied. */
export class TimeoutError extends ClientError {
  /** The operation that timed out. */
  readonly method: string;
  /** The deadline that expired, in milliseconds. */
  readonly timeoutMs: number;

  /**
   * @param method - The operation.
   * @param timeoutMs - The deadline.
   * @param context - Group and node involved.
   * @param options - Standard error options (`cause`: the last failure seen).
   */
  constructor(method: string, timeoutMs: number, context: { group?: string | undefined; node?: string | undefined } = {}, options?: ErrorOptions) {
    super('ERR_TIMEOUT', `${method}${context.group !== undefined ? ` on ${context.group}` : ''} timed out after ${timeoutMs} ms`, context, options);
    this.name = 'TimeoutError';
    this.method = method;
    this.timeoutMs = timeoutMs;
  }
}

/** The group does not exist in the fleet's registry. */
export class GroupNotFoundError extends ClientError {
  /**
   * @param group - The group asked for.
   * @param node - The node that answered.
   */
  constructor(group: string, node?: string) {
    super('ERR_GROUP_NOT_FOUND', `group ${group} does not exist`, { group, node });
    this.name = 'GroupNotFoundError';
  }
}

/** A group of that name already exists. */
export class GroupExistsError extends ClientError {
  /**
   * @param group - The group.
   * @param node - The node that answered.
   */
  constructor(group: string, node?: string) {
    super('ERR_GROUP_EXISTS', `group ${group} already exists`, { group, node });
    this.name = 'GroupExistsError';
  }
}

/**
 * The fleet refused an operator recovery (`recoverGroup`): the group still has a quorum of reachable
 * voters, so nothing needs recovering, or no surviving member of it answers.
 */
export class RecoveryRefusedError extends ClientError {
  /**
   * @param group - The group.
   * @param message - Why the fleet refused.
   * @param node - The node that answered.
   */
  constructor(group: string, message: string, node?: string) {
    super('ERR_NOT_RECOVERABLE', message, { group, node });
    this.name = 'RecoveryRefusedError';
  }
}

/** No node could serve the request: none reachable, or the group has no leader / lost its quorum. */
export class UnavailableError extends ClientError {
  /**
   * @param message - What was unavailable.
   * @param context - Group and node involved.
   * @param options - Standard error options (`cause`).
   */
  constructor(message: string, context: { group?: string | undefined; node?: string | undefined } = {}, options?: ErrorOptions) {
    super('ERR_UNAVAILABLE', message, context, options);
    this.name = 'UnavailableError';
  }
}

/** The fleet refused this client at the handshake: wrong cluster id, wrong secret or TLS identity. */
export class UnauthorizedError extends ClientError {
  /**
   * @param node - The node (or seed address) that refused.
   * @param reason - Why, as the transport reported it.
   * @param options - Standard error options (`cause`).
   */
  constructor(node: string, reason: string, options?: ErrorOptions) {
    super('ERR_UNAUTHORIZED', `${node} refused the handshake: ${reason}`, { node }, options);
    this.name = 'UnauthorizedError';
  }
}

/** The command, query or a response exceeds a size limit. */
export class TooLargeError extends ClientError {
  /**
   * @param message - What was too large.
   * @param context - Group and node involved.
   */
  constructor(message: string, context: { group?: string | undefined; node?: string | undefined } = {}) {
    super('ERR_TOO_LARGE', message, context);
    this.name = 'TooLargeError';
  }
}

/** The group's state machine threw while applying the command (or answering the query). */
export class CommandFailedError extends ClientError {
  /** The `name` of the error the state machine threw. */
  readonly errorName: string;

  /**
   * @param group - The group.
   * @param errorName - Name of the state machine's error.
   * @param message - Its message.
   * @param node - The node that answered.
   */
  constructor(group: string, errorName: string, message: string, node?: string) {
    super('ERR_COMMAND_FAILED', `${group}: ${errorName}: ${message}`, { group, node });
    this.name = 'CommandFailedError';
    this.errorName = errorName;
  }
}

/** The node rejected the request as malformed (`ERR_INVALID`), or answered with something this client cannot read. */
export class InvalidRequestError extends ClientError {
  /**
   * @param message - What was wrong.
   * @param context - Group and node involved.
   */
  constructor(message: string, context: { group?: string | undefined; node?: string | undefined } = {}) {
    super('ERR_INVALID', message, context);
    this.name = 'InvalidRequestError';
  }
}

/** The client was closed before or during the call. */
export class ClientClosedError extends ClientError {
  constructor() {
    super('ERR_CLIENT_CLOSED', 'the client is closed');
    this.name = 'ClientClosedError';
  }
}
