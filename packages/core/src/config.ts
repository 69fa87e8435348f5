// Validation and defaults of RaftConfig: every field resolved once at construction so the hot
// path never looks at an optional value.
import type { Logger, RaftConfig, ReadOnlyMode, Rng } from './api.js';
import { ConfigError } from './errors.js';

/** A RaftConfig with every default filled in. */
export interface ResolvedConfig {
  /** See RaftConfig. */
  readonly id: string;
  /** See RaftConfig. */
  readonly rng: Rng;
  /** See RaftConfig. */
  readonly electionTick: number;
  /** See RaftConfig. */
  readonly electionJitterTick: number;
  /** See RaftConfig. */
  readonly heartbeatTick: number;
  /** See RaftConfig. */
  readonly maxSizePerMsg: number;
  /** Bytes of committed entries handed out in one Ready (at least one entry). */
  readonly maxCommittedSizePerReady: number;
  /** See RaftConfig. */
  readonly maxInflightMsgs: number;
  /** See RaftConfig. */
  readonly maxInflightBytes: number;
  /** See RaftConfig. */
  readonly maxUncommittedEntriesSize: number;
  /** See RaftConfig. */
  readonly preVote: boolean;
  /** See RaftConfig. */
  readonly checkQuorum: boolean;
  /** See RaftConfig. */
  readonly readOnly: ReadOnlyMode;
  /** See RaftConfig. */
  readonly transferTimeoutTick: number;
  /** See RaftConfig. */
  readonly logger: Logger;
}

const noop = (): void => {};
/** A logger that discards everything (the default). */
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop };

function nonNegInt(field: string, id: string, v: number): number {
  if (!Number.isInteger(v) || v < 0) throw new ConfigError(field, id, `must be a non-negative integer, got ${v}`);
  return v;
}

function posInt(field: string, id: string, v: number): number {
  if (!Number.isInteger(v) || v < 1) throw new ConfigError(field, id, `must be a positive integer, got ${v}`);
  return v;
}

/**
 * Checks a RaftConfig and fills in its defaults; throws {@link ConfigError} when it is invalid
 * (empty id, heartbeatTick >= electionTick, 'lease' reads without checkQuorum, non-integer or
 * out-of-range numbers, missing log or rng).
 */
export function validateConfig(config: RaftConfig): ResolvedConfig {
  const id = config.id;
  if (typeof id !== 'string' || id === '') throw new ConfigError('id', '', 'must be a non-empty string');
  if (config.log === undefined || config.log === null) throw new ConfigError('log', id, 'is required');
  if (typeof config.rng !== 'function') throw new ConfigError('rng', id, 'must be a function');
  const electionTick = posInt('electionTick', id, config.electionTick ?? 10);
  const electionJitterTick = nonNegInt('electionJitterTick', id, config.electionJitterTick ?? electionTick);
  const heartbeatTick = posInt('heartbeatTick', id, config.heartbeatTick ?? 1);
  if (heartbeatTick >= electionTick) {
    throw new ConfigError('heartbeatTick', id, `must be < electionTick (${heartbeatTick} >= ${electionTick})`);
  }
  const maxSizePerMsg = nonNegInt('maxSizePerMsg', id, config.maxSizePerMsg ?? 1024 * 1024);
  const maxInflightMsgs = posInt('maxInflightMsgs', id, config.maxInflightMsgs ?? 256);
  const maxInflightBytes = nonNegInt('maxInflightBytes', id, config.maxInflightBytes ?? 0);
  if (maxInflightBytes > 0 && maxInflightBytes < maxSizePerMsg) {
    throw new ConfigError('maxInflightBytes', id, `must be >= maxSizePerMsg (${maxSizePerMsg}) or 0`);
  }
  const maxUncommittedEntriesSize = nonNegInt('maxUncommittedEntriesSize', id, config.maxUncommittedEntriesSize ?? 0);
  const preVote = config.preVote ?? true;
  const checkQuorum = config.checkQuorum ?? true;
  const readOnly = config.readOnly ?? 'safe';
  if (readOnly !== 'safe' && readOnly !== 'lease') throw new ConfigError('readOnly', id, `unknown mode ${String(readOnly)}`);
  if (readOnly === 'lease' && !checkQuorum) throw new ConfigError('readOnly', id, "'lease' requires checkQuorum");
  const transferTimeoutTick = posInt('transferTimeoutTick', id, config.transferTimeoutTick ?? electionTick);
  if (config.applied !== undefined) nonNegInt('applied', id, config.applied);
  return {
    id,
    rng: config.rng,
    electionTick,
    electionJitterTick,
    heartbeatTick,
    maxSizePerMsg,
    maxCommittedSizePerReady: posInt('maxCommittedSizePerReady', id, config.maxCommittedSizePerReady ?? Math.max(maxSizePerMsg, 1024 * 1024)),
    maxInflightMsgs,
    maxInflightBytes,
    maxUncommittedEntriesSize,
    preVote,
    checkQuorum,
    readOnly,
    transferTimeoutTick,
    logger: config.logger ?? silentLogger,
  };
}
