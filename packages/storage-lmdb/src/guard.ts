// Checks done before LMDB touches a directory (LMDB itself crashes the process on a garbage data file),
// the one-opener-per-store lock, and the mapping of OS and LMDB failures to typed storage errors.
import fs from 'node:fs';
import path from 'node:path';
import {
  CorruptStoreError,
  StorageAccessError,
  StorageFailedError,
  StorageFullError,
  StorageInUseError,
  type StorageError,
} from '@raftfleet/storage';

const MDB_MAGIC = 0xbeefc0de;
const MDB_DATA_VERSION = 2;

/** Makes sure `dir` is a usable directory (creating it if absent). Throws {@link StorageAccessError}. */
export function prepareDirectory(dir: string): void {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw accessError(dir, error);
  }
  if (st === undefined) {
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw accessError(dir, error);
    }
  } else if (!st.isDirectory()) {
    throw new StorageAccessError(dir, 'not a directory');
  }
  try {
    fs.accessSync(dir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
  } catch (error) {
    throw accessError(dir, error);
  }
}

function accessError(dir: string, error: unknown): StorageAccessError {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EROFS'
        ? 'read-only file system'
        : code === 'ENOTDIR'
          ? 'not a directory'
          : `${code}: ${(error as Error).message}`;
  return new StorageAccessError(dir, why, { cause: error });
}

/**
 * Verifies that an existing data.mdb starts with two LMDB meta pages of the version this build reads.
 * An empty or absent file is fine (LMDB initialises it). Throws {@link CorruptStoreError} naming the file.
 */
export function checkDataFile(dir: string): void {
  const file = path.join(dir, 'data.mdb');
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'EISDIR') throw new CorruptStoreError(file, 'data.mdb is a directory');
    throw accessError(file, error);
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return;
    const head = Buffer.alloc(64);
    fs.readSync(fd, head, 0, 64, 0);
    const bad = (why: string): CorruptStoreError => new CorruptStoreError(file, `not an LMDB data file: ${why}`);
    if (size < 64 || head.readUInt32LE(24) !== MDB_MAGIC) throw bad('no LMDB magic in the first meta page');
    if (head.readUInt32LE(28) !== MDB_DATA_VERSION) throw bad(`LMDB data version ${head.readUInt32LE(28)}`);
    const pageSize = head.readUInt32LE(48);
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) throw bad(`page size ${pageSize}`);
    if (size < 2 * pageSize) throw bad(`file of ${size} bytes is shorter than two meta pages`);
    const second = Buffer.alloc(32);
    fs.readSync(fd, second, 0, 32, pageSize);
    if (second.readUInt32LE(24) !== MDB_MAGIC) throw bad('no LMDB magic in the second meta page');
    if (size % pageSize !== 0) throw bad(`size ${size} is not a multiple of the page size ${pageSize}`);
  } finally {
    fs.closeSync(fd);
  }
}

const openInProcess = new Set<string>();

/** State and start time (clock ticks since boot) of a process, from Linux's /proc; undefined elsewhere. */
function procStat(pid: number): { state: string; start: string } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and parentheses): state is field 3, start time field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', start: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

function startTime(pid: number): string | undefined {
  return procStat(pid)?.start;
}

function holderAlive(pid: number, started: string | undefined): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = procStat(pid);
  if (now === undefined) return true;
  // A zombie is dead; a process with the holder's pid but another start time is a reuse of the pid.
  if (now.state === 'Z' || now.state === 'X') return false;
  return started === undefined || now.start === started;
}

/**
 * Claims `dir` for this process: refuses a second opener in this process, and one in another live
 * process (by a pid file holding the holder's pid and start time, so a dead holder whose pid was reused
 * does not lock the store). Returns the function that releases the claim.
 */
export function claimDirectory(dir: string): () => void {
  const key = fs.realpathSync(dir);
  if (openInProcess.has(key)) throw new StorageInUseError(dir, process.pid);
  const lockFile = path.join(dir, 'raftfleet.pid');
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(lockFile, `${process.pid} ${startTime(process.pid) ?? ''}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw accessError(lockFile, error);
      let holder = Number.NaN;
      let started: string | undefined;
      try {
        const [pid, start] = fs.readFileSync(lockFile, 'utf8').trim().split(' ');
        holder = Number.parseInt(pid ?? '', 10);
        started = start === '' ? undefined : start;
      } catch {
        // Vanished or unreadable: treat as stale.
      }
      if (Number.isSafeInteger(holder) && holder !== process.pid && holderAlive(holder, started)) throw new StorageInUseError(dir, holder);
      if (attempt > 2) throw new StorageInUseError(dir);
      // Left behind by a process that died (a crash): take it over.
      fs.rmSync(lockFile, { force: true });
    }
  }
  openInProcess.add(key);
  return () => {
    openInProcess.delete(key);
    fs.rmSync(lockFile, { force: true });
  };
}

/** True when the file system holding `dir` (or this process's file size limit) leaves no room to grow `file`. */
export function looksFull(dir: string, file: string): boolean {
  try {
    const s = fs.statfsSync(dir);
    if (s.bavail * s.bsize < 16 * 1024 * 1024) return true;
  } catch {
    // statfs unsupported: fall through.
  }
  try {
    const limits = fs.readFileSync('/proc/self/limits', 'utf8');
    const m = /^Max file size\s+(\S+)/m.exec(limits);
    if (m !== null && m[1] !== 'unlimited') {
      const limit = Number(m[1]);
      const size = fs.statSync(file).size;
      if (Number.isFinite(limit) && size + 4 * 1024 * 1024 >= limit) return true;
    }
  } catch {
    // Not Linux, or no data file yet.
  }
  return false;
}

const FULL_CODES = new Set([5 /* EIO: LMDB's short write */, 27 /* EFBIG */, 28 /* ENOSPC */, 122 /* EDQUOT */]);

/**
 * What made a commit fail: lmdb rejects the failed commit's `commitError` later with the cause.
 * Call it for every failed commit, also one whose cause is not needed: an unobserved
 * `commitError` is an unhandled rejection, which ends the process.
 */
export function commitCause(error: unknown): Promise<unknown> {
  const detail = (error as { commitError?: Promise<unknown> } | null)?.commitError;
  if (detail === undefined) return Promise.resolve(error);
  return detail.then(
    () => error,
    (e: unknown) => e,
  );
}

/** Turns the cause of a failed commit into {@link StorageFullError} when the disk is full, otherwise {@link StorageFailedError}. */
export function commitFailure(dir: string, cause: unknown): StorageError {
  const code = (cause as { code?: unknown } | null)?.code;
  const errno = typeof code === 'number' ? code : code === 'ENOSPC' ? 28 : code === 'EFBIG' ? 27 : undefined;
  if (errno !== undefined && FULL_CODES.has(errno) && looksFull(dir, path.join(dir, 'data.mdb'))) {
    return new StorageFullError(dir, `commit failed: ${(cause as Error).message}`, { cause });
  }
  return new StorageFailedError(dir, cause);
}
