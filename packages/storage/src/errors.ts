// Typed errors every storage adapter throws, so callers can react by `code` whatever the backend.
// Each carries the context needed to act on it: the group, the index, the path on disk.

/** Every error code a storage adapter may use. */
export type StorageErrorCode =
  | 'ERR_STORAGE_CLOSED'
  | 'ERR_STORAGE_COMPACTED'
  | 'ERR_STORAGE_UNAVAILABLE'
  | 'ERR_STORAGE_INVALID_ARGUMENT'
  | 'ERR_STORAGE_STALE_SNAPSHOT'
  | 'ERR_STORAGE_CORRUPT'
  | 'ERR_STORAGE_FORMAT_VERSION'
  | 'ERR_STORAGE_FULL'
  | 'ERR_STORAGE_ACCESS'
  | 'ERR_STORAGE_IN_USE'
  | 'ERR_STORAGE_FAILED';

/** Base class of all storage errors; `code` tells them apart. */
export abstract class StorageError extends Error {
  /** Stable machine-readable code. */
  abstract readonly code: StorageErrorCode;
}

/** The storage was closed (or, in a simulation, crashed); nothing can be read or written through it. */
export class StorageClosedError extends StorageError {
  /** Stable error code. */
  readonly code = 'ERR_STORAGE_CLOSED' as const;
  /** Where the storage lives, when it has a path. */
  readonly path: string | undefined;
  /** Creates the error; `path` names the store when there is one. */
  constructor(path?: string) {
    super(path === undefined ? 'storage is closed' : `storage at ${path} is closed`);
    this.name = 'StorageClosedError';
    this.path = path;
  }
}

/** An index below the group's first index was asked for: it was compacted away. */
export class CompactedError extends StorageError {
  /** Stable error code. */
  readonly code = 'ERR_STORAGE_COMPACTED' as const;
  /** The group. */
  readonly group: string;
  /** The index asked for. */
  readonly index: number;
  /** The group's first index at the time. */
  readonly firstIndex: number;
  /** Creates the error. */
  constructor(group: string, index: number, firstIndex: number) {
    super(`group ${group}: index ${index} is compacted (first index ${firstIndex})`);
    this.name = 'CompactedError';
    this.group = group;
    this.index = index;
    this.firstIndex = firstIndex;
  }
}

/** An index above the group's last index was asked for: it is not in the log (yet). */
export class UnavailableError extends StorageError {
  /** Stable error code. */
  readonly code = 'ERR_STORAGE_UNAVAILABLE' as const;
  /** The group. */
  readonly group: string;
  /** The index asked for. */
  readonly index: number;
  /** The group's last index at the time. */
  readonly lastIndex: number;
  /** Creates the error. */
  constructor(group: string, index: number, lastIndex: number) {
    super(`group ${group}: index ${index} is unavailable (last index ${lastIndex})`);
    this.name = 'UnavailableError';
    this.group = group;
    this.index = index;
    this.lastIndex = lastIndex;
  }
}

/** A write or an argument that would break the log's invariants (a gap, non-contiguous entries, a bad number or range). Nothing of the batch was applied. */
export class InvalidArgumentError extends StorageError {
  /** Stable error code. */
  readonly code = 'ERR_STORAGE_INVALID_ARGUMENT' as const;
  /** The group concerned. */
  readonly group: string;
  /** What is wrong. */
  readonly reason: string;
  /** Creates the error. */
  constructor(group: string, reason: string) {
    super(`group ${group}: invalid argument: ${reason}`);
    this.name = 'InvalidArgumentError';
    this.group = group;
    this.reason = reason;
  }
}

/** A snapshot older than the group's current one (or whose group was deleted while it was being saved). */
export class StaleSnapshotError extends StorageError {
  /** Stable error code. */
  readonly code = 'ERR_STORAGE_STALE_SNAPSHOT' as const;
  /** The group. */
  readonly group: string;
  /** Index of the snapshot that was refused. */
  readonly index: number;
  /** Index of the snapshot in place (0 if none). */
  readonly currentIndex: number;
  /** Creates the error. */
  constructor(group: string, index: number, currentIndex: number, why?: string) {
    super(
      `group ${group}: snapshot at ${index} refused: ${why ?? `a snapshot at ${currentIndex} is already in place`}`,
    );
    this.name = 'StaleSnapshotError';
    this.group = group;
    this.index = index;
    this.currentIndex = currentIndex;
  }
}

/** The stored bytes are not what this adapter wrote: not a store of this kind, or damaged. */
export class CorruptStoreError extends StorageError {
  /** Stable error code. */
  readonly code = 'ERR_STORAGE_CORRUPT' as const;
  /** The store's location. */
  readonly path: string;
  /** The group whose data is damaged, when known. */
  readonly group: string | undefined;
  /** What was found. */
  readonly detail: string;
  /** Creates the error; `cause` is the backend's own error, if any. */
  constructor(path: string, detail: string, options?: { group?: string; cause?: unknown }) {
    super(
      `corrupt store at ${path}${options?.group === undefined ? '' : ` (group ${options.group})`}: ${detail}`,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'CorruptStoreError';
    this.path = path;
    this.group = options?.group;
    this.detail = detail;
  }
}

/** The store was written by a newer (or unknown) version of the format. */
export class FormatVersionError extends StorageError {
  /** Stable error code. */
  readonly code = 'ERR_STORAGE_FORMAT_VERSION' as const;
  /** The store's location. */
  readonly path: string;
  /** Version recorded in the store. */
  readonly found: number;
  /** Highest version this adapter reads. */
  readonly supported: number;
  /** Creates the error. */
  constructor(path: string, found: number, supported: number) {
    super(`store at ${path} has format version ${found}; this adapter reads up to ${supported}`);
    this.name = 'FormatVersionError';
    this.path = path;
    this.found = found;
    this.supported = supported;
  }
}

/** The disk (or the configured size limit) is full; the write was not applied. */
export class StorageFullError extends StorageError {
  /** Stable error code. */
  readonly code = 'ERR_STORAGE_FULL' as const;
  /** The store's location. */
  readonly path: string;
  /** Creates the error. */
  constructor(path: string, detail: string, options?: { cause?: unknown }) {
    super(`storage at ${path} is full: ${detail}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StorageFullError';
    this.path = path;
  }
}

/** The store's location cannot be opened as asked (read-only, no permission, not a directory). */
export class StorageAccessError extends StorageError {
  /** Stable error code. */
  readonly code = 'ERR_STORAGE_ACCESS' as const;
  /** The location. */
  readonly path: string;
  /** Creates the error. */
  constructor(path: string, detail: string, options?: { cause?: unknown }) {
    super(`cannot use storage at ${path}: ${detail}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StorageAccessError';
    this.path = path;
  }
}

/** The store is already open (in this process or another one). */
export class StorageInUseError extends StorageError {
  /** Stable error code. */
  readonly code = 'ERR_STORAGE_IN_USE' as const;
  /** The location. */
  readonly path: string;
  /** Process that holds it, when known. */
  readonly pid: number | undefined;
  /** Creates the error. */
  constructor(path: string, pid?: number) {
    super(
      `storage at ${path} is already open${pid === undefined ? '' : pid === process.pid ? ' in this process' : ` by process ${pid}`}`,
    );
    this.name = 'StorageInUseError';
    this.path = path;
    this.pid = pid;
  }
}

/**
 * A commit failed (an I/O error, the disk filled up mid-way): the in-memory view can no longer be trusted,
 * so every later call fails with this error until the storage is closed and opened again.
 */
export class StorageFailedError extends StorageError {
  /** Stable error code. */
  readonly code = 'ERR_STORAGE_FAILED' as const;
  /** The store's location, when it has one. */
  readonly path: string | undefined;
  /** Creates the error; `cause` is the first failure. */
  constructor(path: string | undefined, cause: unknown) {
    super(
      `storage${path === undefined ? '' : ` at ${path}`} failed and must be reopened: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'StorageFailedError';
    this.path = path;
  }
}

/** Every concrete storage error. */
export type AnyStorageError =
  | StorageClosedError
  | CompactedError
  | UnavailableError
  | InvalidArgumentError
  | StaleSnapshotError
  | CorruptStoreError
  | FormatVersionError
  | StorageFullError
  | StorageAccessError
  | StorageInUseError
  | StorageFailedError;

/** True when `error` is one of the storage errors (by class, or by code across package copies). */
export function isStorageError(error: unknown): error is AnyStorageError {
  if (error instanceof StorageError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_STORAGE_');
}
