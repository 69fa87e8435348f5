// RaftStorage on one LMDB environment: a log database keyed by (group id, index), a meta database of
// per-group records, snapshot chunks keyed by (group id, generation, chunk); writes go through group commit.
// By default every write is first appended to a write-ahead log (wal.ts) and is durable once that
// record is synced; the LMDB commit follows in the background, and reads see the write meanwhile.
import path from 'node:path';
import { open, type Database, type Key, type RootDatabase } from 'lmdb';
import type { ConfState, Entry, HardState, SnapshotMeta } from '@raftfleet/protocol';
import {
  CompactedError,
  CorruptStoreError,
  FormatVersionError,
  InvalidArgumentError,
  StaleSnapshotError,
  StorageClosedError,
  StorageError,
  StorageFailedError,
  StorageFullError,
  UnavailableError,
  checkGroupName,
  checkGroupWrite,
  checkRange,
  checkSnapshotMeta,
  emptyConfState,
  emptyHardState,
  planAppend,
  planCompact,
  planSnapshot,
  snapshotChunks,
  type GroupWrite,
  type LogBounds,
  type RaftStorage,
  type SaveSnapshotOptions,
  type SnapshotReader,
  type WriteBatch,
} from '@raftfleet/storage';
import {
  BadValueError,
  FORMAT_VERSION,
  LOG_KEY_BYTES,
  decodeEntry,
  decodeSnapKey,
  decodeTerm,
  encodeEntry,
  logKey,
  logKeyGroup,
  logKeyIndex,
  snapKey,
  writeLogKey,
} from './codec.js';
import { checkDataFile, claimDirectory, commitCause, commitFailure, prepareDirectory } from './guard.js';
import { WAL_DIR, WriteAheadLog, readWal } from './wal.js';

/** Options of {@link openLmdbStorage}. */
export interface LmdbStorageOptions {
  /** Directory of the LMDB environment (created if absent). One open storage per directory. */
  path: string;
  /**
   * Upper bound in bytes of the data file. LMDB grows its map by itself, so without this the store grows
   * until the disk is full; with it, a write that would pass the bound fails with {@link StorageFullError}
   * and changes nothing. Default: no bound.
   */
  maxSize?: number;
  /** Size of the chunks snapshot data is stored in. Default 1 MiB. */
  snapshotChunkSize?: number;
  /**
   * Make writes durable through a write-ahead log in `<path>/wal` (default true): one synchronous
   * (O_DSYNC) append to a single file per group commit, with the LMDB commit (two syncs and the
   * pages of every B-tree touched) off the write's path. With false, a durable write waits for its LMDB
   * commit and sync.
   */
  writeAheadLog?: boolean;
}

/** Counters of the write path since the storage was opened. */
export interface LmdbStorageStats {
  /** LMDB write transactions committed (each one commit, each durable one fsync). */
  commits: number;
  /** Calls that queued work (write, compact, deleteGroup, snapshot steps). */
  writes: number;
  /** Log entries stored. */
  entries: number;
  /** Write-ahead log records replayed into LMDB when the storage was opened (writes LMDB had not committed durably). */
  replayed: number;
}

/** Snapshot metadata as stored in a group record. */
interface SnapRecord {
  index: number;
  term: number;
  conf: ConfState;
  /** Generation: chunks live under (group id, gen, n). */
  gen: number;
  chunks: number;
  size: number;
}

/** A group as stored in the meta database under ['g', name]. */
interface GroupRecord {
  id: number;
  ci: number;
  ct: number;
  hs: HardState | null;
  conf: ConfState | null;
  meta: Uint8Array | null;
  snap: SnapRecord | null;
}

/** The encoded entries of one write not yet committed, for one group. */
interface OverlayRun {
  from: number;
  values: Buffer[];
  /** The group whose overlay holds the run (it leaves once its work is committed). */
  state: GroupState;
}

const EMPTY_ENTRIES: readonly Entry[] = [];

/** A group in memory: its record plus the log bounds and the entries not yet committed. */
interface GroupState {
  name: string;
  id: number;
  ci: number;
  ct: number;
  last: number;
  /** Term of the entry at `last` (kept because every append checks it). */
  lt: number;
  hs: HardState | undefined;
  conf: ConfState | undefined;
  meta: Uint8Array | undefined;
  snap: SnapRecord | undefined;
  /**
   * Entries written but not yet committed, oldest write first; reads look here first. The newest run
   * holding an index wins (a later write that truncated and rewrote it is newer); indexes a run holds
   * past the log's current end are never asked for. Runs leave when their commit is done.
   */
  overlay: OverlayRun[] | undefined;
  /** The planAppends() call that last took a write of this group (see there; 0: none). */
  planned: number;
}

type DbName = 'log' | 'meta' | 'snap';

/** One instruction executed inside the commit transaction, in issue order. */
type Op =
  | { k: 'put'; db: DbName; key: Buffer | unknown[]; value: unknown }
  | { k: 'putLog'; id: number; from: number; values: Buffer[] }
  | { k: 'del'; db: DbName; key: Buffer | unknown[] }
  | { k: 'delLog'; id: number; from: number; to: number }
  | { k: 'delSnap'; id: number; gen: number; chunks: number };

interface Work {
  seq: number;
  ops: Op[];
  /** Overlay runs this work added (one per group), to drop once it is committed. */
  overlay: OverlayRun[];
  bytes: number;
}

interface Txn {
  works: Work[];
  /** Starts a delayed transaction now (with the log on, until it has started). */
  startNow: (() => void) | undefined;
  /** Sequence number of the last work executed in it (set when it runs). */
  lastSeq: number;
  committed: Promise<void>;
  durable: Promise<void>;
}

const GROUP_PREFIX = 'g';
const FORMAT_KEY = 'format';
/** Bytes of entries written ahead of LMDB past which a write also waits for its LMDB commit. */
const MAX_PENDING_BYTES = 64 * 1024 * 1024;
/**
 * With the log on, an LMDB transaction starts this long after its first write, or once it holds
 * LOGGED_COMMIT_WORKS writes: they share one commit (and its syncs, which would otherwise compete
 * with the log's), and reads of entries not committed yet look through a bounded overlay. A commit
 * copies every B-tree page it touches, and with many groups each group's entries sit on a page of
 * their own: the longer the interval, the more entries share each copied page (a node of a
 * thousand busy groups spent 12-23% less CPU per entry at 1 s than at 100 ms in paired runs). A crash leaves
 * about this much of the log to replay at the next open.
 */
const LOGGED_COMMIT_DELAY_MS = 1000;
/** How long close() still waits for lmdb once a commit failed (see unlessFailed). */
const FAILED_CLOSE_GRACE_MS = 200;
const LOGGED_COMMIT_WORKS = 2048;

/** The encoded value of a pending (not yet committed) entry, if a pending write holds it. */
function pendingValue(s: GroupState, index: number): Buffer | undefined {
  const runs = s.overlay;
  if (runs === undefined) return undefined;
  for (let r = runs.length - 1; r >= 0; r--) {
    const run = runs[r] as OverlayRun;
    const at = index - run.from;
    if (at >= 0 && at < run.values.length) return run.values[at];
  }
  return undefined;
}

function firstOf<T>(items: Iterable<T>): T | undefined {
  for (const item of items) return item;
  return undefined;
}

function copyConf(c: ConfState): ConfState {
  return { voters: [...c.voters], learners: [...c.learners] };
}

function recordOf(s: GroupState): GroupRecord {
  return {
    id: s.id,
    ci: s.ci,
    ct: s.ct,
    hs: s.hs ?? null,
    conf: s.conf ?? null,
    meta: s.meta ?? null,
    snap: s.snap ?? null,
  };
}

/** A group with nothing in it yet: no entries, no hard state, no record. */
function emptyGroup(name: string, id: number): GroupState {
  return { name, id, ci: 0, ct: 0, last: 0, lt: 0, hs: undefined, conf: undefined, meta: undefined, snap: undefined, overlay: undefined, planned: 0 };
}

/**
 * Adds to `work` the put of `entries` (contiguous) into `live`'s log, and the same encoded entries
 * to `live`'s overlay until the work is committed.
 */
function putEntries(work: Work, live: GroupState, entries: readonly Entry[]): void {
  const from = (entries[0] as Entry).index;
  const values = new Array<Buffer>(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as Entry;
    // The one copy of the caller's data, taken now; the overlay and the commit share it.
    values[i] = encodeEntry(e.index, e.term, e.type, e.data);
  }
  work.ops.push({ k: 'putLog', id: live.id, from, values });
  const run: OverlayRun = { from, values, state: live };
  (live.overlay ??= []).push(run);
  work.overlay.push(run);
}

const DB_NAMES: ReadonlySet<unknown> = new Set(['log', 'meta', 'snap']);

function asBuffer(v: unknown): Buffer | undefined {
  if (Buffer.isBuffer(v)) return v;
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  return undefined;
}

/** The ops of a replayed log record, checked and with binary keys and values as Buffers again. */
function reviveOps(dir: string, raw: unknown[]): Op[] {
  const bad = (why: string): CorruptStoreError => new CorruptStoreError(dir, `write-ahead log record: ${why}`);
  const int = (v: unknown, what: string): number => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw bad(`${what} is not an integer`);
    return v;
  };
  return raw.map((o): Op => {
    const op = o as Record<string, unknown>;
    if (op === null || typeof op !== 'object') throw bad('an op is not an object');
    switch (op['k']) {
      case 'put':
      case 'del': {
        if (!DB_NAMES.has(op['db'])) throw bad(`unknown database ${String(op['db'])}`);
        const key = Array.isArray(op['key']) ? op['key'] : asBuffer(op['key']);
        if (key === undefined) throw bad('a key is neither binary nor an array');
        if (op['k'] === 'del') return { k: 'del', db: op['db'] as DbName, key };
        const value = op['db'] === 'meta' ? op['value'] : asBuffer(op['value']);
        if (value === undefined) throw bad('a value is missing');
        return { k: 'put', db: op['db'] as DbName, key, value };
      }
      case 'putLog': {
        if (!Array.isArray(op['values'])) throw bad('putLog without values');
        const values: Buffer[] = [];
        for (const v of op['values'] as unknown[]) {
          const b = asBuffer(v);
          if (b === undefined) throw bad('a log value is not binary');
          values.push(b);
        }
        return { k: 'putLog', id: int(op['id'], 'group id'), from: int(op['from'], 'index'), values };
      }
      case 'delLog':
        return { k: 'delLog', id: int(op['id'], 'group id'), from: int(op['from'], 'index'), to: int(op['to'], 'index') };
      case 'delSnap':
        return { k: 'delSnap', id: int(op['id'], 'group id'), gen: int(op['gen'], 'generation'), chunks: int(op['chunks'], 'chunk count') };
      default:
        throw bad(`unknown op ${JSON.stringify(op['k'])}`);
    }
  });
}

/**
 * Opens (creating if needed) the LMDB storage in `options.path`.
 * Throws `StorageAccessError`, {@link CorruptStoreError}, {@link FormatVersionError} or
 * `StorageInUseError`, each naming the path.
 */
export async function openLmdbStorage(options: LmdbStorageOptions): Promise<LmdbStorage> {
  if (options === null || typeof options !== 'object' || typeof options.path !== 'string' || options.path === '') {
    throw new InvalidArgumentError('', 'options.path must be a non-empty string');
  }
  if (options.maxSize !== undefined && !(options.maxSize > 0)) throw new InvalidArgumentError('', 'maxSize must be a positive number');
  if (options.snapshotChunkSize !== undefined && !(Number.isSafeInteger(options.snapshotChunkSize) && options.snapshotChunkSize > 0)) {
    throw new InvalidArgumentError('', 'snapshotChunkSize must be a positive integer');
  }
  const dir = path.resolve(options.path);
  prepareDirectory(dir);
  const release = claimDirectory(dir);
  try {
    checkDataFile(dir);
    let root: RootDatabase;
    try {
      root = open({ path: dir, maxDbs: 4, compression: false, eventTurnBatching: false });
    } catch (error) {
      throw translateOpenError(dir, error);
    }
    try {
      const storage = new LmdbStorage(dir, root, options, release);
      if (options.writeAheadLog !== false) await storage.recover();
      await storage.load();
      return storage;
    } catch (error) {
      await root.close().catch(() => {});
      throw error;
    }
  } catch (error) {
    release();
    throw error;
  }
}

function translateOpenError(dir: string, error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const msg = (error as Error).message ?? String(error);
  if (/MDB_INVALID|MDB_VERSION_MISMATCH|MDB_CORRUPTED|MDB_PAGE_NOTFOUND/.test(msg)) return new CorruptStoreError(dir, msg, { cause: error });
  if (/permission|EACCES|read-only|EROFS/i.test(msg)) return new CorruptStoreError(dir, msg, { cause: error });
  return new StorageFailedError(dir, error);
}

/** The LMDB {@link RaftStorage}. Create it with {@link openLmdbStorage}. */
export class LmdbStorage implements RaftStorage {
  /** The directory of the environment. */
  readonly path: string;
  private readonly root: RootDatabase;
  private readonly logDb: Database<Buffer, Buffer>;
  private readonly metaDb: Database<unknown, Key>;
  private readonly snapDb: Database<Buffer, Buffer>;
  private readonly release: () => void;
  private readonly maxSize: number;
  private readonly chunkSize: number;
  private readonly groupsByName = new Map<string, GroupState>();
  /** Calls of planAppends() so far: a group whose `planned` is the current one was written in this batch. */
  private plans = 0;
  /** Scratch of planAppends: each write's group and entries. */
  private readonly plannedGroups: GroupState[] = [];
  private readonly plannedAppends: Array<readonly Entry[]> = [];
  /** Ids handed to snapshots of groups that do not exist yet. */
  private readonly reservedIds = new Map<string, number>();
  private nextId = 1;
  private readonly scratchKey = Buffer.alloc(LOG_KEY_BYTES);
  private nextGen = 1;
  private seq = 0;
  private current: Txn | undefined;
  private last: Txn | undefined;
  private pendingBytes = 0;
  private readonly counters: LmdbStorageStats = { commits: 0, writes: 0, entries: 0, replayed: 0 };
  private failure: StorageError | undefined;
  private failureSeen!: () => void;
  /** Settles when a commit failure is recorded. */
  private readonly failed = new Promise<void>((resolve) => {
    this.failureSeen = resolve;
  });
  /** An LMDB commit failed: later commits must not let the log be checkpointed past it. */
  private commitFailed = false;
  /** A full disk met by a commit nobody waited on: the next call reports it, later ones `failure`. */
  private failureToReport: StorageError | undefined;
  private wal: WriteAheadLog | undefined;
  private closed = false;
  private closing: Promise<void> | undefined;
  /** Readers per snapshot generation ("id:gen"); their chunks are deleted only when the count drops to 0. */
  private readonly pins = new Map<string, number>();
  private readonly retired = new Map<string, { id: number; gen: number; chunks: number }>();

  /** @internal Use {@link openLmdbStorage}. */
  constructor(dir: string, root: RootDatabase, options: LmdbStorageOptions, release: () => void) {
    this.path = dir;
    this.root = root;
    this.release = release;
    this.maxSize = options.maxSize ?? Number.POSITIVE_INFINITY;
    this.chunkSize = options.snapshotChunkSize ?? 1024 * 1024;
    this.logDb = root.openDB<Buffer, Buffer>('log', { encoding: 'binary', keyEncoding: 'binary' });
    this.metaDb = root.openDB<unknown, Key>('meta', {});
    this.snapDb = root.openDB<Buffer, Buffer>('snap', { encoding: 'binary', keyEncoding: 'binary' });
  }

  /**
   * @internal Replays every record of the write-ahead log into LMDB, makes them durable there, and
   * starts a fresh log (sequence numbers go on after the replayed ones).
   */
  async recover(): Promise<void> {
    // A newer format's log may not be ours to replay: refuse before touching anything.
    const version = this.metaDb.get(FORMAT_KEY);
    if (typeof version === 'number' && version > FORMAT_VERSION) throw new FormatVersionError(this.path, version, FORMAT_VERSION);
    // Every record still in the log is replayed, also those LMDB already holds: every op writes a
    // key blindly (puts whole values, deletes), so replaying the log's records in order over any
    // state LMDB reached since the first of them ends in the same state (LMDB never commits a
    // record before the log has it, see enqueue). That also repairs a state
    // where one commit failed and a later one went through (the failed one's records are still in
    // the log: checkpoints stop at the first failure).
    let records: ReturnType<typeof readWal>;
    try {
      records = readWal(this.path);
    } catch (error) {
      if (error instanceof StorageError) throw error;
      // The log directory or a segment is not what it should be (a file, a directory, unreadable).
      throw new CorruptStoreError(path.join(this.path, WAL_DIR), `write-ahead log unreadable: ${(error as Error).message}`, { cause: error });
    }
    for (let i = 0; i < records.length; ) {
      // Replay in transactions of bounded size.
      let bytes = 0;
      const batch: Work[] = [];
      while (i < records.length && (batch.length === 0 || bytes < 8 * 1024 * 1024)) {
        const r = records[i++]!;
        const work: Work = { seq: r.seq, ops: reviveOps(this.path, r.ops), overlay: [], bytes: 0 };
        for (const op of work.ops) if (op.k === 'putLog') for (const v of op.values) bytes += v.byteLength;
        batch.push(work);
      }
      await this.root.transaction(() => {
        for (const w of batch) this.execute(w);
      });
    }
    this.counters.replayed = records.length;
    await this.root.flushed;
    this.seq = records.at(-1)?.seq ?? 0;
    try {
      this.wal = WriteAheadLog.start(this.path, this.seq + 1);
    } catch (error) {
      throw new CorruptStoreError(path.join(this.path, WAL_DIR), `write-ahead log cannot be started: ${(error as Error).message}`, { cause: error });
    }
  }

  /** @internal Reads the format version and every group record; removes leftovers of interrupted snapshot saves. */
  async load(): Promise<void> {
    const version = this.metaDb.get(FORMAT_KEY);
    if (version === undefined) {
      const hasData = this.metaDb.getKeysCount({ limit: 1 }) > 0 || this.logDb.getKeysCount({ limit: 1 }) > 0;
      if (hasData) throw new CorruptStoreError(this.path, 'no format version recorded');
      await this.metaDb.put(FORMAT_KEY, FORMAT_VERSION);
      await this.root.flushed;
    } else if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
      throw new CorruptStoreError(this.path, `format version is ${JSON.stringify(version)}`);
    } else if (version > FORMAT_VERSION) {
      throw new FormatVersionError(this.path, version, FORMAT_VERSION);
    } else if (version < FORMAT_VERSION) {
      // Version 1 had no write-ahead log; from here on a crash may leave writes only in the log.
      await this.metaDb.put(FORMAT_KEY, FORMAT_VERSION);
      await this.root.flushed;
    }
    let maxId = 0;
    let maxGen = 0;
    const live = new Set<string>();
    for (const { key, value } of this.metaDb.getRange({ start: [GROUP_PREFIX], snapshot: false })) {
      if (!Array.isArray(key) || key[0] !== GROUP_PREFIX) break;
      const name = key[1];
      const r = value as GroupRecord;
      if (typeof name !== 'string' || r === null || typeof r !== 'object' || !Number.isSafeInteger(r.id)) {
        throw new CorruptStoreError(this.path, `bad group record ${JSON.stringify(key)}`);
      }
      const lastKey = firstOf(this.logDb.getKeys({ start: logKey(r.id, Number.MAX_SAFE_INTEGER), end: logKey(r.id, 0), reverse: true, limit: 1 }));
      const last = lastKey === undefined ? r.ci : Math.max(r.ci, logKeyIndex(lastKey));
      let lt = r.ct;
      if (last > r.ci) {
        const v = this.logDb.getBinary(logKey(r.id, last));
        try {
          lt = v === undefined ? Number.NaN : decodeTerm(v, last);
        } catch (error) {
          throw new CorruptStoreError(this.path, (error as Error).message, { group: name, cause: error });
        }
      }
      this.groupsByName.set(name, {
        name,
        id: r.id,
        ci: r.ci,
        ct: r.ct,
        last,
        lt,
        hs: r.hs ?? undefined,
        conf: r.conf ?? undefined,
        meta: r.meta === null || r.meta === undefined ? undefined : new Uint8Array(r.meta),
        snap: r.snap ?? undefined,
        overlay: undefined,
        planned: 0,
      });
      maxId = Math.max(maxId, r.id);
      if (r.snap !== null && r.snap !== undefined) {
        maxGen = Math.max(maxGen, r.snap.gen);
        live.add(`${r.id}:${r.snap.gen}`);
      }
    }
    const lastLog = firstOf(this.logDb.getKeys({ reverse: true, limit: 1 }));
    if (lastLog !== undefined) maxId = Math.max(maxId, logKeyGroup(lastLog));
    // Chunks of saves that never committed, or of snapshots replaced while a reader held them.
    const orphans: Buffer[] = [];
    for (const key of this.snapDb.getKeys({ snapshot: false })) {
      const k = decodeSnapKey(key);
      maxId = Math.max(maxId, k.groupId);
      maxGen = Math.max(maxGen, k.gen);
      if (!live.has(`${k.groupId}:${k.gen}`)) orphans.push(Buffer.from(key));
    }
    if (orphans.length > 0) {
      await this.root.transaction(() => {
        for (const k of orphans) this.snapDb.removeSync(k);
      });
    }
    this.nextId = maxId + 1;
    this.nextGen = maxGen + 1;
  }

  // ---------------------------------------------------------------- commit machinery

  private check(): void {
    if (this.closed || this.closing !== undefined) throw new StorageClosedError(this.path);
    const report = this.failureToReport;
    if (report !== undefined) {
      this.failureToReport = undefined;
      throw report;
    }
    if (this.failure !== undefined) throw this.failure instanceof StorageFailedError ? this.failure : new StorageFailedError(this.path, this.failure);
  }

  /**
   * Queues `work` for the next LMDB commit. Resolves once it is durable (in the log, or with the log
   * off committed and synced when `durable`, committed otherwise); with `visible`, also once LMDB
   * holds it (snapshot chunks are read from LMDB, not from the overlay).
   */
  private enqueue(work: Work, durable: boolean, visible = false): Promise<void> {
    let txn = this.current;
    if (txn === undefined) {
      const t: Txn = { works: [], startNow: undefined, lastSeq: 0, committed: undefined as unknown as Promise<void>, durable: undefined as unknown as Promise<void> };
      this.current = t;
      const run = async (): Promise<unknown> => {
        if (this.wal !== undefined) {
          // LMDB must never hold a record that the log does not: opening replays the log's records
          // over LMDB's state, which ends in the right state only if LMDB is not ahead of the log
          // (a replayed older record would undo part of a newer batch, a compaction's bounds for
          // one). So the transaction takes what is queued now, and waits for the log to have it.
          if (this.current === t) this.current = undefined;
          await this.wal.durable((t.works[t.works.length - 1] as Work).seq);
        }
        return this.root.transaction(() => {
          if (this.current === t) this.current = undefined;
          for (const w of t.works) this.execute(w);
          t.lastSeq = (t.works[t.works.length - 1] as Work).seq;
        });
      };
      const committed =
        this.wal === undefined
          ? run()
          : new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, LOGGED_COMMIT_DELAY_MS);
              t.startNow = () => {
                clearTimeout(timer);
                resolve();
              };
            }).then(() => {
              t.startNow = undefined;
              return run();
            });
      t.committed = committed.then(
        () => this.afterCommit(t),
        (error: unknown) => {
          this.commitFailed = true;
          return this.fail(error);
        },
      );
      t.durable = t.committed.then(() => this.root.flushed).then(() => undefined);
      // Nobody may wait on these; avoid unhandled rejections (callers get their own copy below).
      t.durable.then(
        () => {
          if (!this.commitFailed) this.wal?.checkpoint(t.lastSeq);
        },
        () => {},
      );
      this.last = t;
      txn = t;
    }
    txn.works.push(work);
    this.pendingBytes += work.bytes;
    if (visible || txn.works.length >= LOGGED_COMMIT_WORKS || this.pendingBytes > MAX_PENDING_BYTES / 2) txn.startNow?.();
    const wal = this.wal;
    if (wal === undefined) return durable ? txn.durable : txn.committed;
    wal.append(work.seq, work.ops);
    // Every record is written synchronously: a write that need not be durable is anyway.
    const logged = wal.durable(work.seq).catch((error: unknown) => this.fail(error));
    // LMDB falling behind the log: hold the writer back rather than let the overlay grow.
    return visible || this.pendingBytes > MAX_PENDING_BYTES ? Promise.all([logged, txn.committed]).then(() => undefined) : logged;
  }

  private execute(w: Work): void {
    // LMDB copies a key during the call, so one scratch key serves every log operation.
    const key = this.scratchKey;
    for (const op of w.ops) {
      switch (op.k) {
        case 'put':
          this.db(op.db).putSync(op.key as never, op.value as never);
          break;
        case 'putLog':
          this.counters.entries += op.values.length;
          for (let i = 0; i < op.values.length; i++) this.logDb.putSync(writeLogKey(key, op.id, op.from + i), op.values[i] as Buffer);
          break;
        case 'del':
          this.db(op.db).removeSync(op.key as never);
          break;
        case 'delLog':
          for (let i = op.from; i <= op.to; i++) this.logDb.removeSync(writeLogKey(key, op.id, i));
          break;
        case 'delSnap':
          for (let i = 0; i < op.chunks; i++) this.snapDb.removeSync(snapKey(op.id, op.gen, i));
          break;
        default: {
          const never: never = op;
          throw new Error(`unknown op ${JSON.stringify(never)}`);
        }
      }
    }
  }

  private db(name: DbName): Database<unknown, Key> {
    switch (name) {
      case 'log':
        return this.logDb as unknown as Database<unknown, Key>;
      case 'meta':
        return this.metaDb as unknown as Database<unknown, Key>;
      case 'snap':
        return this.snapDb as unknown as Database<unknown, Key>;
      default: {
        const never: never = name;
        throw new Error(`unknown database ${String(never)}`);
      }
    }
  }

  private afterCommit(t: Txn): void {
    this.counters.commits++;
    this.counters.writes += t.works.length;
    for (const w of t.works) {
      this.pendingBytes -= w.bytes;
      for (const run of w.overlay) {
        const state = run.state;
        const o = state.overlay;
        if (o === undefined) continue;
        // Commits complete in order, so this run is almost always the oldest.
        const at = o[0] === run ? 0 : o.indexOf(run);
        if (at >= 0) o.splice(at, 1);
        if (o.length === 0) state.overlay = undefined;
      }
    }
  }

  private async fail(error: unknown): Promise<never> {
    // Also after the first failure: a transaction queued behind it fails too (see commitCause).
    const cause = await commitCause(error);
    const typed = this.failure ?? commitFailure(this.path, cause);
    if (this.failure === undefined) {
      this.failure = typed instanceof StorageFullError ? new StorageFailedError(this.path, typed) : typed;
      // Writes already acknowledged through the log did not see this commit fail: tell the next caller.
      if (this.wal !== undefined && typed instanceof StorageFullError) this.failureToReport = typed;
      this.failureSeen();
    }
    throw typed;
  }

  private newWork(): Work {
    return { seq: ++this.seq, ops: [], overlay: [], bytes: 0 };
  }

  private usedBytes(): number {
    const stats = this.root.getStats() as { lastPageNumber?: number; pageSize?: number };
    return ((stats.lastPageNumber ?? 0) + 1) * (stats.pageSize ?? 4096);
  }

  private checkRoom(bytes: number): void {
    if (this.maxSize === Number.POSITIVE_INFINITY) return;
    // LMDB copies every touched page on write: count the entries twice, plus a page of slack.
    const need = this.usedBytes() + 2 * (this.pendingBytes + bytes) + 4096;
    if (need > this.maxSize) {
      throw new StorageFullError(this.path, `the data file would pass maxSize ${this.maxSize} bytes (in use ${this.usedBytes()})`);
    }
  }

  // ---------------------------------------------------------------- reads

  private bounds(s: GroupState | undefined): LogBounds {
    return s === undefined ? { compactedIndex: 0, compactedTerm: 0, lastIndex: 0 } : { compactedIndex: s.ci, compactedTerm: s.ct, lastIndex: s.last };
  }

  private corrupt(s: GroupState, detail: string, cause?: unknown): CorruptStoreError {
    return new CorruptStoreError(this.path, detail, cause === undefined ? { group: s.name } : { group: s.name, cause });
  }

  /** The stored value of an entry, as a view valid only until the next read (no allocation per get). */
  private peek(id: number, index: number): Buffer | undefined {
    const db = this.logDb as Database<Buffer, Buffer> & { lastSize: number };
    const fast = db.getBinaryFast(writeLogKey(this.scratchKey, id, index));
    if (fast === undefined) return undefined;
    const size = db.lastSize;
    return fast.byteLength === size ? fast : fast.subarray(0, size);
  }

  private storedTerm(s: GroupState, index: number): number {
    if (index === s.ci) return s.ct;
    if (index === s.last) return s.lt;
    const pending = pendingValue(s, index);
    const v = pending ?? this.peek(s.id, index);
    if (v === undefined) throw this.corrupt(s, `entry ${index} is missing (log ${s.ci + 1}..${s.last})`);
    try {
      // A pending value was encoded by this process and has not been to the disk: no checksum to verify.
      return decodeTerm(v, index, pending === undefined);
    } catch (error) {
      throw error instanceof BadValueError ? this.corrupt(s, error.message, error) : error;
    }
  }

  private storedEntry(s: GroupState, index: number): Entry {
    const pending = pendingValue(s, index);
    const v = pending ?? this.peek(s.id, index);
    if (v === undefined) throw this.corrupt(s, `entry ${index} is missing (log ${s.ci + 1}..${s.last})`);
    try {
      // LMDB's read buffer is reused by the next get: copy the data out of it. A pending value needs
      // neither the copy nor the checksum (see storedTerm).
      return decodeEntry(v, index, pending === undefined, pending === undefined);
    } catch (error) {
      throw error instanceof BadValueError ? this.corrupt(s, error.message, error) : error;
    }
  }

  entries(group: string, lo: number, hi: number, maxBytes = Number.POSITIVE_INFINITY): Entry[] {
    this.check();
    checkRange(group, lo, hi);
    const s = this.groupsByName.get(group);
    const b = this.bounds(s);
    if (lo <= b.compactedIndex) throw new CompactedError(group, lo, b.compactedIndex + 1);
    if (hi > b.lastIndex + 1) throw new UnavailableError(group, hi - 1, b.lastIndex);
    if (s === undefined || lo === hi) return [];
    const out: Entry[] = [];
    let size = 0;
    if (s.overlay === undefined && hi - lo > 8) {
      // A long range: one cursor walk, without pinning a read snapshot for its whole duration.
      let expect = lo;
      for (const { key, value } of this.logDb.getRange({ start: logKey(s.id, lo), end: logKey(s.id, hi), snapshot: false })) {
        const index = logKeyIndex(key);
        if (index !== expect || key.byteLength !== LOG_KEY_BYTES) throw this.corrupt(s, `entry ${expect} is missing (found ${index})`);
        let e: Entry;
        try {
          e = decodeEntry(value, index);
        } catch (error) {
          throw error instanceof BadValueError ? this.corrupt(s, error.message, error) : error;
        }
        size += e.data.byteLength;
        if (out.length > 0 && size > maxBytes) return out;
        out.push(e);
        expect++;
      }
      if (expect !== hi) throw this.corrupt(s, `entry ${expect} is missing (log ${s.ci + 1}..${s.last})`);
      return out;
    }
    for (let i = lo; i < hi; i++) {
      const e = this.storedEntry(s, i);
      size += e.data.byteLength;
      if (out.length > 0 && size > maxBytes) break;
      out.push(e);
    }
    return out;
  }

  term(group: string, index: number): number {
    this.check();
    checkRange(group, index, index);
    const s = this.groupsByName.get(group);
    // Asked for every append sent and received: read the bounds without building them.
    const compacted = s?.ci ?? 0;
    const last = s?.last ?? 0;
    if (index < compacted) throw new CompactedError(group, index, compacted + 1);
    if (index > last) throw new UnavailableError(group, index, last);
    return s === undefined ? 0 : this.storedTerm(s, index);
  }

  firstIndex(group: string): number {
    this.check();
    return (this.groupsByName.get(group)?.ci ?? 0) + 1;
  }

  lastIndex(group: string): number {
    this.check();
    return this.groupsByName.get(group)?.last ?? 0;
  }

  hardState(group: string): HardState {
    this.check();
    const hs = this.groupsByName.get(group)?.hs;
    return hs === undefined ? emptyHardState() : { term: hs.term, vote: hs.vote, commit: hs.commit };
  }

  confState(group: string): ConfState {
    this.check();
    const c = this.groupsByName.get(group)?.conf;
    return c === undefined ? emptyConfState() : copyConf(c);
  }

  meta(group: string): Uint8Array | undefined {
    this.check();
    const m = this.groupsByName.get(group)?.meta;
    return m === undefined ? undefined : new Uint8Array(m);
  }

  snapshotMeta(group: string): SnapshotMeta | undefined {
    this.check();
    const s = this.groupsByName.get(group)?.snap;
    return s === undefined ? undefined : { index: s.index, term: s.term, conf: copyConf(s.conf) };
  }

  groups(): string[] {
    this.check();
    return [...this.groupsByName.keys()];
  }

  hasGroup(group: string): boolean {
    this.check();
    return this.groupsByName.has(group);
  }

  // ---------------------------------------------------------------- writes

  write(batch: WriteBatch): Promise<void> {
    try {
      this.check();
      const work = this.plan(batch);
      return this.enqueue(work, batch.durable !== false);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Validates a batch on drafts of the touched groups; only a fully valid batch touches live state. */
  private plan(batch: WriteBatch): Work {
    if (batch === null || typeof batch !== 'object' || !Array.isArray(batch.writes)) {
      throw new InvalidArgumentError('', 'a batch needs a writes array');
    }
    const appends = this.planAppends(batch.writes);
    if (appends !== undefined) return appends;
    interface Draft {
      live: GroupState | undefined;
      next: GroupState;
      added: Map<number, Entry>;
      dirty: boolean;
    }
    const drafts = new Map<string, Draft>();
    const work = this.newWork();
    const ops = work.ops;
    const draftOf = (name: string): Draft => {
      let d = drafts.get(name);
      if (d === undefined) {
        const live = this.groupsByName.get(name);
        const next: GroupState = live === undefined ? emptyGroup(name, 0) : { ...live };
        d = { live, next, added: new Map(), dirty: false };
        drafts.set(name, d);
      }
      return d;
    };
    const termIn = (d: Draft, i: number): number => {
      if (i === d.next.ci) return d.next.ct;
      if (i === d.next.last) return d.next.lt;
      const a = d.added.get(i);
      if (a !== undefined) return a.term;
      if (d.live === undefined) return 0;
      return this.storedTerm(d.live, i);
    };
    for (const w of batch.writes as readonly GroupWrite[]) {
      checkGroupWrite(w);
      const d = draftOf(w.group);
      const n = d.next;
      if (w.entries !== undefined) {
        if (!Array.isArray(w.entries)) throw new InvalidArgumentError(w.group, 'entries must be an array');
        const p = planAppend(w.group, { compactedIndex: n.ci, compactedTerm: n.ct, lastIndex: n.last }, w.entries, (i) => termIn(d, i));
        if (p.entries.length > 0) {
          for (const e of p.entries) d.added.set(e.index, e);
          if (p.truncateFrom !== undefined) for (let i = p.newLastIndex + 1; i <= p.oldLastIndex; i++) d.added.delete(i);
          n.last = p.newLastIndex;
          n.lt = (p.entries[p.entries.length - 1] as Entry).term;
        }
      }
      if (w.hardState !== undefined) {
        n.hs = { term: w.hardState.term, vote: w.hardState.vote, commit: w.hardState.commit };
        d.dirty = true;
      }
      if (w.confState !== undefined) {
        n.conf = copyConf(w.confState);
        d.dirty = true;
      }
      if (w.meta !== undefined) {
        n.meta = new Uint8Array(w.meta);
        d.dirty = true;
      }
      if (w.compact !== undefined) {
        const c = planCompact(w.group, { compactedIndex: n.ci, compactedTerm: n.ct, lastIndex: n.last }, w.compact);
        if (c !== undefined) {
          n.ct = termIn(d, c.to);
          n.ci = c.to;
          for (const i of [...d.added.keys()]) if (i <= c.to) d.added.delete(i);
          d.dirty = true;
        }
      }
    }
    // Valid: turn drafts into instructions and live state.
    let bytes = 0;
    for (const d of drafts.values()) for (const e of d.added.values()) bytes += e.data.byteLength + 64;
    this.checkRoom(bytes);
    work.bytes = bytes;
    for (const d of drafts.values()) {
      const n = d.next;
      let live = d.live;
      const created = live === undefined;
      if (live === undefined) {
        if (!d.dirty && d.added.size === 0) continue;
        n.id = this.reservedIds.get(n.name) ?? this.nextId++;
        this.reservedIds.delete(n.name);
        live = n;
        this.groupsByName.set(n.name, live);
      } else {
        const oldCi = live.ci;
        const oldLast = live.last;
        // Entries past the new end (truncated, not rewritten) and below the new start (compacted) go;
        // rewritten ones are simply overwritten by their puts.
        if (oldLast >= n.last + 1) ops.push({ k: 'delLog', id: live.id, from: Math.max(n.last + 1, oldCi + 1), to: oldLast });
        if (n.ci > oldCi) ops.push({ k: 'delLog', id: live.id, from: oldCi + 1, to: Math.min(n.ci, oldLast) });
        live.ci = n.ci;
        live.ct = n.ct;
        live.last = n.last;
        live.lt = n.lt;
        live.hs = n.hs;
        live.conf = n.conf;
        live.meta = n.meta;
      }
      if (d.added.size > 0) {
        // The added entries are contiguous: [from, n.last].
        let from = Number.POSITIVE_INFINITY;
        for (const i of d.added.keys()) if (i < from) from = i;
        const entries: Entry[] = [];
        for (let i = from; i <= n.last; i++) entries.push(d.added.get(i) as Entry);
        putEntries(work, live, entries);
      }
      if (d.dirty || created) ops.push({ k: 'put', db: 'meta', key: [GROUP_PREFIX, live.name], value: recordOf(live) });
    }
    return work;
  }

  /**
   * The common batch without drafts: every write appends at the end of an existing group's log
   * and/or sets its hard state, one write per group. Undefined (nothing touched) for any other
   * batch, which plan() then validates on drafts; a batch that fails validation here fails there too.
   */
  private planAppends(writes: readonly GroupWrite[]): Work | undefined {
    const plan = ++this.plans;
    const lives = this.plannedGroups;
    const appends = this.plannedAppends;
    lives.length = 0;
    appends.length = 0;
    let bytes = 0;
    for (const w of writes) {
      checkGroupWrite(w);
      if (w.confState !== undefined || w.meta !== undefined || w.compact !== undefined) return undefined;
      const live = this.groupsByName.get(w.group);
      if (live === undefined || live.planned === plan) return undefined;
      live.planned = plan;
      let entries: readonly Entry[] = EMPTY_ENTRIES;
      if (w.entries !== undefined) {
        if (!Array.isArray(w.entries)) return undefined;
        const p = planAppend(w.group, { compactedIndex: live.ci, compactedTerm: live.ct, lastIndex: live.last }, w.entries, (i) => (i === live.ci ? live.ct : i === live.last ? live.lt : this.storedTerm(live, i)));
        if (p.truncateFrom !== undefined) return undefined;
        entries = p.entries;
        for (const e of entries) bytes += e.data.byteLength + 64;
      }
      lives.push(live);
      appends.push(entries);
    }
    // Valid: instructions and live state.
    this.checkRoom(bytes);
    const work = this.newWork();
    work.bytes = bytes;
    for (let k = 0; k < writes.length; k++) {
      const w = writes[k] as GroupWrite;
      const live = lives[k] as GroupState;
      const entries = appends[k] as readonly Entry[];
      if (entries.length > 0) {
        const last = entries[entries.length - 1] as Entry;
        live.last = last.index;
        live.lt = last.term;
        putEntries(work, live, entries);
      }
      const hs = w.hardState;
      if (hs !== undefined) {
        live.hs = { term: hs.term, vote: hs.vote, commit: hs.commit };
        work.ops.push({ k: 'put', db: 'meta', key: [GROUP_PREFIX, live.name], value: recordOf(live) });
      }
    }
    lives.length = 0;
    appends.length = 0;
    return work;
  }

  async sync(): Promise<void> {
    this.check();
    if (this.wal !== undefined) {
      await this.wal.sync().catch((error: unknown) => this.fail(error));
      return;
    }
    const t = this.last;
    if (t !== undefined) await t.durable;
    await this.root.flushed;
  }

  compact(group: string, index: number): Promise<void> {
    return this.write({ writes: [{ group, compact: index }] });
  }

  deleteGroup(group: string): Promise<void> {
    try {
      this.check();
      checkGroupName(group);
      const s = this.groupsByName.get(group);
      if (s === undefined) return Promise.resolve();
      this.groupsByName.delete(group);
      s.overlay = undefined;
      const work = this.newWork();
      // The log holds exactly [ci + 1, last] (pending writes included): remove that range.
      if (s.last > s.ci) work.ops.push({ k: 'delLog', id: s.id, from: s.ci + 1, to: s.last });
      work.ops.push({ k: 'del', db: 'meta', key: [GROUP_PREFIX, group] });
      if (s.snap !== undefined) this.retire(work, s.id, s.snap.gen, s.snap.chunks);
      return this.enqueue(work, true);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private retire(work: Work, id: number, gen: number, chunks: number): void {
    const key = `${id}:${gen}`;
    if ((this.pins.get(key) ?? 0) > 0) this.retired.set(key, { id, gen, chunks });
    else work.ops.push({ k: 'delSnap', id, gen, chunks });
  }

  private pin(id: number, gen: number): () => void {
    const key = `${id}:${gen}`;
    this.pins.set(key, (this.pins.get(key) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const n = (this.pins.get(key) ?? 1) - 1;
      if (n > 0) {
        this.pins.set(key, n);
        return;
      }
      this.pins.delete(key);
      const r = this.retired.get(key);
      if (r === undefined || this.closed || this.closing !== undefined || this.failure !== undefined) return;
      this.retired.delete(key);
      const work = this.newWork();
      work.ops.push({ k: 'delSnap', id: r.id, gen: r.gen, chunks: r.chunks });
      this.enqueue(work, false).catch(() => {});
    };
  }

  // ---------------------------------------------------------------- snapshots

  async saveSnapshot(
    group: string,
    meta: SnapshotMeta,
    data: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | Uint8Array,
    options: SaveSnapshotOptions = {},
  ): Promise<void> {
    this.check();
    checkGroupWrite({ group, ...options });
    checkSnapshotMeta(group, meta);
    const before = this.groupsByName.get(group);
    planSnapshot(group, this.bounds(before), meta, before?.snap?.index ?? 0, (i) => (before === undefined ? 0 : this.storedTerm(before, i)));
    let id = before?.id ?? this.reservedIds.get(group);
    if (id === undefined) {
      id = this.nextId++;
      this.reservedIds.set(group, id);
    }
    const gen = this.nextGen++;
    let chunks = 0;
    let size = 0;
    let buffer = Buffer.allocUnsafe(this.chunkSize);
    let filled = 0;
    const flushChunk = async (): Promise<void> => {
      const work = this.newWork();
      const value = Buffer.from(buffer.subarray(0, filled));
      work.ops.push({ k: 'put', db: 'snap', key: snapKey(id, gen, chunks), value });
      work.bytes = value.byteLength;
      this.check();
      this.checkRoom(value.byteLength);
      chunks++;
      filled = 0;
      // One chunk in flight at a time: a large snapshot is never all in memory.
      await this.enqueue(work, false, true);
    };
    try {
      for await (const c of snapshotChunks(group, data)) {
        size += c.byteLength;
        let o = 0;
        while (o < c.byteLength) {
          const n = Math.min(this.chunkSize - filled, c.byteLength - o);
          buffer.set(c.subarray(o, o + n), filled);
          filled += n;
          o += n;
          if (filled === this.chunkSize) {
            await flushChunk();
            buffer = Buffer.allocUnsafe(this.chunkSize);
          }
        }
      }
      if (filled > 0) await flushChunk();
      this.check();
      // Install: the group may have changed (or vanished) while the data streamed in.
      let s = this.groupsByName.get(group);
      if (s !== undefined ? s.id !== id : this.reservedIds.get(group) !== id) {
        throw new StaleSnapshotError(group, meta.index, s?.snap?.index ?? 0, 'the group was deleted while the snapshot was being saved');
      }
      const plan = planSnapshot(group, this.bounds(s), meta, s?.snap?.index ?? 0, (i) => (s === undefined ? 0 : this.storedTerm(s, i)));
      const work = this.newWork();
      if (s === undefined) {
        s = emptyGroup(group, id);
        this.reservedIds.delete(group);
        this.groupsByName.set(group, s);
      }
      if (plan.dropTo >= plan.dropFrom) work.ops.push({ k: 'delLog', id, from: plan.dropFrom, to: plan.dropTo });
      s.ci = plan.bounds.compactedIndex;
      s.ct = plan.bounds.compactedTerm;
      if (!plan.keepSuffix) s.lt = meta.term;
      s.last = plan.bounds.lastIndex;
      if (s.snap !== undefined) this.retire(work, id, s.snap.gen, s.snap.chunks);
      s.snap = { index: meta.index, term: meta.term, conf: copyConf(meta.conf), gen, chunks, size };
      if (options.hardState !== undefined) s.hs = { term: options.hardState.term, vote: options.hardState.vote, commit: options.hardState.commit };
      if (options.confState !== undefined) s.conf = copyConf(options.confState);
      if (options.meta !== undefined) s.meta = new Uint8Array(options.meta);
      work.ops.push({ k: 'put', db: 'meta', key: [GROUP_PREFIX, group], value: recordOf(s) });
      await this.enqueue(work, true, true);
    } catch (error) {
      // Whatever chunks were written belong to no record: remove them (or leave them to the next open).
      if (chunks > 0 && this.failure === undefined && !this.closed && this.closing === undefined) {
        const cleanup = this.newWork();
        cleanup.ops.push({ k: 'delSnap', id, gen, chunks });
        this.enqueue(cleanup, false).catch(() => {});
      }
      throw error;
    }
  }

  readSnapshot(group: string): SnapshotReader | undefined {
    this.check();
    const s = this.groupsByName.get(group);
    const snap = s?.snap;
    if (s === undefined || snap === undefined) return undefined;
    const { id } = s;
    const { gen, chunks, size } = snap;
    let unpinFirst: (() => void) | undefined = this.pin(id, gen);
    const read = async function* (this: LmdbStorage): AsyncGenerator<Uint8Array> {
      const unpin = unpinFirst ?? this.pin(id, gen);
      unpinFirst = undefined;
      try {
        for (let i = 0; i < chunks; i++) {
          if (this.closed) throw new StorageClosedError(this.path);
          const v = this.snapDb.getBinary(snapKey(id, gen, i));
          if (v === undefined) {
            throw new StaleSnapshotError(group, snap.index, this.groupsByName.get(group)?.snap?.index ?? 0, `chunk ${i} is gone (the snapshot was replaced)`);
          }
          yield new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
        }
      } finally {
        unpin();
      }
    }.bind(this);
    return {
      meta: { index: snap.index, term: snap.term, conf: copyConf(snap.conf) },
      size,
      chunks: () => read(),
    };
  }

  // ---------------------------------------------------------------- lifecycle

  /** Counters of the write path (how well group commit merges writes: `writes / commits`). */
  stats(): LmdbStorageStats {
    return { ...this.counters };
  }

  /**
   * Waits for `p` to settle, or, once a commit failed, at most FAILED_CLOSE_GRACE_MS more: after a
   * failed commit lmdb may never finish a transaction queued behind it nor report a flush, and
   * close() must still end.
   */
  private unlessFailed(p: Promise<unknown>): Promise<void> {
    const settled = p.then(
      () => undefined,
      () => undefined,
    );
    const givenUp = this.failed.then(() => new Promise<void>((resolve) => setTimeout(resolve, FAILED_CLOSE_GRACE_MS)));
    return Promise.race([settled, givenUp]);
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closing ??= (async () => {
      this.current?.startNow?.();
      const t = this.last;
      if (t !== undefined) {
        await this.unlessFailed(t.committed);
        if (this.failure === undefined) await this.unlessFailed(t.durable);
      }
      if (this.failure === undefined) {
        await this.unlessFailed(Promise.resolve(this.root.flushed));
        // Everything is in LMDB, durably: the log has nothing left to replay.
        await this.wal?.close(true);
        await this.root.close();
      } else {
        await this.wal?.close(false).catch(() => {});
        // After a failed commit lmdb's close waits for a flush that never comes: give it a moment, then let go.
        await this.unlessFailed(this.root.close());
      }
      this.closed = true;
      this.release();
    })();
    return this.closing;
  }
}
