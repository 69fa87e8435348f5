// The write-ahead log: append-only segment files under <data dir>/wal. A write is durable once its
// record is in the log (one write to one file opened with O_DSYNC, in place); the LMDB commit
// that stores it for good follows off the caller's path. On open, every record still in the log is
// replayed into it; segments whose records LMDB holds durably are deleted.
//
// A record: u32 length, u32 CRC-32 of the payload, then the payload (see record.ts).
// Segments are named after their first sequence number and pre-sized (sparse) so that an append
// does not change the file's size: the synchronous write then has no metadata to flush. Zeros end a segment.
import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { CorruptStoreError } from '@raftfleet/storage';
import { decodeRecord, encodeRecord, type RecordOp } from './record.js';

/** Directory of the segments inside the data directory. */
export const WAL_DIR = 'wal';
/**
 * Size a segment is created with; a segment takes no new records once it is this full. Small
 * enough that an open after a crash replays little (the newest segment is replayed whole).
 */
const SEGMENT_BYTES = 4 * 1024 * 1024;
const HEADER_BYTES = 8;
const SEGMENT_RE = /^(\d{16})\.wal$/;

/** One replayed record. */
export interface WalRecord {
  seq: number;
  ops: unknown[];
}

interface Segment {
  file: string;
  /** Highest sequence number written into it (0: none yet). */
  last: number;
}

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function segmentName(first: number): string {
  return `${String(first).padStart(16, '0')}.wal`;
}

function syncDirectory(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function writeAll(fd: number, buf: Buffer, position: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = (off: number): void => {
      fs.write(fd, buf, off, buf.length - off, position + off, (error, written) => {
        if (error !== null) reject(error);
        else if (off + written < buf.length) step(off + written);
        else resolve();
      });
    };
    step(0);
  });
}

/**
 * Reads every record of the log in `dataDir`, oldest first. Sequence numbers only grow through the segments.
 * A damaged record ends the newest segment (a write cut short by a crash, never acknowledged); in
 * an older segment, or out of order, it is a {@link CorruptStoreError}.
 */
export function readWal(dataDir: string): WalRecord[] {
  const dir = path.join(dataDir, WAL_DIR);
  const names = listSegments(dir);
  const out: WalRecord[] = [];
  let prev = 0;
  names.forEach((name, i) => {
    const file = path.join(dir, name);
    const bytes = fs.readFileSync(file);
    const newest = i === names.length - 1;
    let off = 0;
    while (off + HEADER_BYTES <= bytes.length) {
      const len = bytes.readUInt32LE(off);
      const crc = bytes.readUInt32LE(off + 4);
      if (len === 0 && crc === 0) break;
      const end = off + HEADER_BYTES + len;
      const payload = end <= bytes.length ? bytes.subarray(off + HEADER_BYTES, end) : undefined;
      if (payload === undefined || crc32(payload) !== crc) {
        if (newest) break;
        throw new CorruptStoreError(file, `damaged record at offset ${off} of an older log segment`);
      }
      let seq: unknown;
      let ops: unknown;
      try {
        ({ seq, ops } = decodeRecord(payload));
      } catch (error) {
        throw new CorruptStoreError(file, `unreadable record at offset ${off}`, { cause: error });
      }
      if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || !Array.isArray(ops)) {
        throw new CorruptStoreError(file, `malformed record at offset ${off}`);
      }
      if (seq <= prev) throw new CorruptStoreError(file, `record ${seq} follows record ${prev}`);
      out.push({ seq, ops });
      prev = seq;
      off = end;
    }
  });
  return out;
}

function listSegments(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.filter((n) => SEGMENT_RE.test(n)).sort();
}

/**
 * The appending side of the log. Records are queued by {@link WriteAheadLog.append} and written
 * by one loop: everything queued while a write is under way goes out together in the next one
 * (group commit). The file is opened with O_DSYNC, so a write returns once its data is on disk.
 */
export class WriteAheadLog {
  private fd: number;
  private offset = 0;
  private readonly segments: Segment[] = [];
  private queue: Buffer[] = [];
  private queuedBytes = 0;
  private queuedSeq = 0;
  /** Highest record on disk. */
  private writtenSeq: number;
  private checkpointSeq: number;
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | undefined;
  private failure: unknown;

  private constructor(
    private readonly dir: string,
    first: number,
  ) {
    this.writtenSeq = first - 1;
    this.checkpointSeq = first - 1;
    this.fd = this.createSegment(first);
  }

  /**
   * Starts a fresh log whose first record will be `first`, deleting every older segment: the caller
   * has made everything in them durable elsewhere.
   */
  static start(dataDir: string, first: number): WriteAheadLog {
    const dir = path.join(dataDir, WAL_DIR);
    fs.mkdirSync(dir, { recursive: true });
    const old = listSegments(dir);
    const wal = new WriteAheadLog(dir, first);
    for (const name of old) if (name !== segmentName(first)) fs.rmSync(path.join(dir, name), { force: true });
    syncDirectory(dir);
    return wal;
  }

  /** Queues the record of `ops` under `seq` (greater than any before). */
  append(seq: number, ops: readonly RecordOp[]): void {
    const record = encodeRecord(seq, ops, HEADER_BYTES);
    const payload = record.subarray(HEADER_BYTES);
    record.writeUInt32LE(payload.length, 0);
    record.writeUInt32LE(crc32(payload), 4);
    this.queue.push(record);
    this.queuedBytes += record.length;
    this.queuedSeq = seq;
  }

  /** Resolves once record `seq` is on disk. */
  durable(seq: number): Promise<void> {
    return this.wait(seq);
  }

  /** Makes every record appended so far durable. */
  sync(): Promise<void> {
    return this.wait(this.queuedSeq);
  }

  /** Records up to `seq` are durable elsewhere: segments holding nothing newer are deleted. */
  checkpoint(seq: number): void {
    if (seq <= this.checkpointSeq) return;
    this.checkpointSeq = seq;
    while (this.segments.length > 1 && (this.segments[0] as Segment).last <= seq) {
      const s = this.segments.shift() as Segment;
      fs.rm(s.file, { force: true }, () => {});
    }
  }

  /**
   * Writes and syncs what is queued and closes the file. With `drop` (everything checkpointed), the
   * segments are deleted too, so the next open has nothing to replay.
   */
  async close(drop: boolean): Promise<void> {
    if (this.failure === undefined) await this.sync().catch(() => {});
    await this.flushing?.catch(() => {});
    fs.closeSync(this.fd);
    if (drop && this.failure === undefined && this.checkpointSeq >= this.queuedSeq) {
      for (const s of this.segments) fs.rmSync(s.file, { force: true });
      this.segments.length = 0;
    }
  }

  private wait(seq: number): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (seq <= this.writtenSeq) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ seq, resolve, reject });
      this.flushing ??= this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.waiters.length > 0) {
        if (this.queue.length > 0) {
          if (this.offset >= SEGMENT_BYTES) this.rotate();
          const bufs = this.queue;
          const bytes = this.queuedBytes;
          const upto = this.queuedSeq;
          this.queue = [];
          this.queuedBytes = 0;
          await writeAll(this.fd, bufs.length === 1 ? (bufs[0] as Buffer) : Buffer.concat(bufs, bytes), this.offset);
          this.offset += bytes;
          this.writtenSeq = upto;
          (this.segments[this.segments.length - 1] as Segment).last = upto;
        }
        this.settle();
        // Waiters are only ever for appended records; should one wait for more, do not spin.
        if (this.queue.length === 0 && this.waiters.some((w) => w.seq > this.writtenSeq)) break;
      }
    } catch (error) {
      this.failure = error;
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w.reject(error);
    } finally {
      this.flushing = undefined;
    }
  }

  private settle(): void {
    const keep: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.seq <= this.writtenSeq) w.resolve();
      else keep.push(w);
    }
    this.waiters = keep;
  }

  /** Moves to a new segment (every write to the current one is already on disk). */
  private rotate(): void {
    fs.closeSync(this.fd);
    this.fd = this.createSegment(this.writtenSeq + 1);
    syncDirectory(this.dir);
  }

  private createSegment(first: number): number {
    const file = path.join(this.dir, segmentName(first));
    const { O_WRONLY, O_CREAT, O_TRUNC, O_DSYNC } = fs.constants;
    const fd = fs.openSync(file, O_WRONLY | O_CREAT | O_TRUNC | O_DSYNC);
    fs.ftruncateSync(fd, SEGMENT_BYTES);
    this.segments.push({ file, last: 0 });
    this.offset = 0;
    return fd;
  }
}
