/**
 * IO-free Raft: tick, step, propose, ready, advance.
 * @packageDocumentation
 */
export type * from './api.js';
export { RawNode } from './raw-node.js';
export { MemoryLog, type MemoryLogInit } from './memory-log.js';
export { validateConfig, silentLogger, type ResolvedConfig } from './config.js';
export { describeMessage, describeEntry, describeEntries } from './describe.js';
export {
  encodeConfChange,
  decodeConfChange,
  checkConfChange,
  applyConfChange,
  encodeConfState,
  decodeConfState,
  sameConf,
} from './confchange.js';
export {
  CompactedError,
  UnavailableError,
  ProposalDroppedError,
  type ProposalDropReason,
  ConfChangeInProgressError,
  ConfChangeRejectedError,
  ConfigError,
  LogMutationError,
  ConfChangeDecodeError,
} from './errors.js';
