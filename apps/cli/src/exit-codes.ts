// Exit codes of the raftfleet command, stable so scripts can branch on them, and the mapping
// from the client's typed errors to them.
import {
  ClientError,
  CommandFailedError,
  GroupExistsError,
  GroupNotFoundError,
  InvalidRequestError,
  RecoveryRefusedError,
  NotLeaderError,
  TimeoutError,
  TooLargeError,
  UnauthorizedError,
  UnavailableError,
} from '@raftfleet/client';

/** Exit codes; documented in the CLI's README and `--help`. */
export const EXIT = {
  /** Success. */
  ok: 0,
  /** An unexpected failure (a bug, an I/O error). */
  failure: 1,
  /** Bad usage: unknown command, missing or invalid flag or argument. */
  usage: 2,
  /** The cluster (or the group's leader) could not be reached in time. */
  unavailable: 3,
  /** The cluster refused the handshake: wrong cluster id, secret or certificate. */
  unauthorized: 4,
  /** The group does not exist. */
  notFound: 5,
  /** The state machine rejected the command or query. */
  commandFailed: 6,
  /** The group already exists (group add). */
  exists: 7,
  /** The node refused the request as invalid, or it was too large. */
  rejected: 8,
  /** The group still has a quorum, or none of its members answers (group recover). */
  notRecoverable: 9,
} as const;

/** A failure that ends the command with a given exit code and a one-line message. */
export class CliError extends Error {
  /** Stable error code. */
  readonly code: string;
  /** The process exit code. */
  readonly exitCode: number;

  /**
   * @param message - Printed to stderr.
   * @param exitCode - One of {@link EXIT}.
   * @param code - Stable error code (default ERR_CLI).
   */
  constructor(message: string, exitCode: number, code = 'ERR_CLI') {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.code = code;
  }
}

/** A flag or argument failed validation. */
export class UsageError extends CliError {
  /** The flag or argument at fault. */
  readonly flag: string;

  /**
   * @param flag - The flag or argument (e.g. "--listen").
   * @param message - What is wrong with it.
   */
  constructor(flag: string, message: string) {
    super(`${flag}: ${message}`, EXIT.usage, 'ERR_USAGE');
    this.name = 'UsageError';
    this.flag = flag;
  }
}

/** The exit code for any error a command raised. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof UnauthorizedError) return EXIT.unauthorized;
  if (error instanceof UnavailableError || error instanceof TimeoutError || error instanceof NotLeaderError) return EXIT.unavailable;
  if (error instanceof GroupNotFoundError) return EXIT.notFound;
  if (error instanceof CommandFailedError) return EXIT.commandFailed;
  if (error instanceof GroupExistsError) return EXIT.exists;
  if (error instanceof RecoveryRefusedError) return EXIT.notRecoverable;
  if (error instanceof InvalidRequestError || error instanceof TooLargeError) return EXIT.rejected;
  if (error instanceof ClientError) return EXIT.failure;
  return EXIT.failure;
}
