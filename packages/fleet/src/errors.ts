// Typed errors of the fleet layer: what a caller of Fleet can see, each with a stable `code`
// and the context (group, node, option) needed to react to it.

/** Base class of every error the fleet layer throws or rejects with. */
export abstract class FleetError extends Error {
  /** Stable machine-readable code. */
  abstract readonly code: string;
}

/** An option of {@link Fleet} is missing or invalid. */
export class FleetConfigError extends FleetError {
  /** Stable error code. */
  readonly code = 'ERR_FLEET_CONFIG' as const;
  /** The option that is wrong. */
  readonly option: string;
  /** @param option - offending option. @param message - what is wrong with it. */
  constructor(option: string, message: string) {
    super(`invalid fleet option ${option}: ${message}`);
    this.name = 'FleetConfigError';
    this.option = option;
  }
}

/** The registry has no group of that name. */
export class FleetGroupNotFoundError extends FleetError {
  /** Stable error code. */
  readonly code = 'ERR_FLEET_GROUP_NOT_FOUND' as const;
  /** Group asked for. */
  readonly group: string;
  /** @param group - group. */
  constructor(group: string) {
    super(`group ${group} is not in the cluster registry`);
    this.name = 'FleetGroupNotFoundError';
    this.group = group;
  }
}

/** No leader could be reached before the deadline (election running, quorum lost, partition). */
export class FleetUnavailableError extends FleetError {
  /** Stable error code. */
  readonly code = 'ERR_FLEET_UNAVAILABLE' as const;
  /** Group concerned. */
  readonly group: string;
  /** Last underlying failure, for diagnostics. */
  readonly lastError: string;
  /** @param group - group. @param lastError - last failure seen while routing. */
  constructor(group: string, lastError: string) {
    super(`group ${group} has no reachable leader${lastError === '' ? '' : ` (last error: ${lastError})`}`);
    this.name = 'FleetUnavailableError';
    this.group = group;
    this.lastError = lastError;
  }
}

/** The fleet node is not running (not started, or stopped). */
export class FleetStoppedError extends FleetError {
  /** Stable error code. */
  readonly code = 'ERR_FLEET_STOPPED' as const;
  /** This node. */
  readonly node: string;
  /** @param node - node id. */
  constructor(node: string) {
    super(`fleet node ${node} is not running`);
    this.name = 'FleetStoppedError';
    this.node = node;
  }
}

/** Joining the cluster failed: no seed answered with a registry and this node may not create one. */
export class FleetJoinError extends FleetError {
  /** Stable error code. */
  readonly code = 'ERR_FLEET_JOIN' as const;
  /** This node. */
  readonly node: string;
  /** @param node - node id. @param message - why. */
  constructor(node: string, message: string) {
    super(message);
    this.name = 'FleetJoinError';
    this.node = node;
  }
}

/** A registry change was refused (group exists with other settings, invalid name, ...). */
export class FleetRegistryError extends FleetError {
  /** Stable error code. */
  readonly code = 'ERR_FLEET_REGISTRY' as const;
  /** The registry's own reason code (ERR_GROUP_EXISTS, ERR_INVALID_GROUP, ...). */
  readonly reason: string;
  /** Group or node concerned. */
  readonly subject: string;
  /** @param reason - registry code. @param subject - group or node. @param message - details. */
  constructor(reason: string, subject: string, message: string) {
    super(message);
    this.name = 'FleetRegistryError';
    this.reason = reason;
    this.subject = subject;
  }
}

/** A stray member could not be deleted: the group is known to the registry, or the node holds no member of it. */
export class FleetStrayError extends FleetError {
  /** Stable error code. */
  readonly code = 'ERR_FLEET_NOT_STRAY' as const;
  /** Group concerned. */
  readonly group: string;
  /** Node asked to delete its member. */
  readonly node: string;
  /** @param group - group. @param node - node. @param message - why. */
  constructor(group: string, node: string, message: string) {
    super(message);
    this.name = 'FleetStrayError';
    this.group = group;
    this.node = node;
  }
}

/** A recovery was refused: the group still has a quorum, or it is unknown. */
export class FleetRecoveryError extends FleetError {
  /** Stable error code. */
  readonly code = 'ERR_FLEET_RECOVERY' as const;
  /** Group concerned. */
  readonly group: string;
  /** @param group - group. @param message - why. */
  constructor(group: string, message: string) {
    super(message);
    this.name = 'FleetRecoveryError';
    this.group = group;
  }
}
