/**
 * The storage interface for Raft logs of many groups, and its compliance suite
 * (`@raftfleet/storage/compliance`).
 * @packageDocumentation
 */
export type { GroupWrite, WriteBatch, RaftStorage, SnapshotReader, SaveSnapshotOptions } from './types.js';
export { emptyHardState, emptyConfState } from './types.js';
export {
  StorageError,
  StorageClosedError,
  CompactedError,
  UnavailableError,
  InvalidArgumentError,
  StaleSnapshotError,
  CorruptStoreError,
  FormatVersionError,
  StorageFullError,
  StorageAccessError,
  StorageInUseError,
  StorageFailedError,
  isStorageError,
} from './errors.js';
export type { StorageErrorCode, AnyStorageError } from './errors.js';
export {
  emptyBounds,
  planAppend,
  planCompact,
  planSnapshot,
  checkGroupName,
  checkGroupWrite,
  checkSnapshotMeta,
  checkRange,
  snapshotChunks,
} from './plan.js';
export type { LogBounds, AppendPlan, SnapshotPlan } from './plan.js';
