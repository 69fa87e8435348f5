// The write-ahead log: what a durable write left only in the log is replayed into LMDB on open;
// a record cut short at the end of the newest segment is dropped; damage anywhere else is refused.
import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import test, { type ExecutionContext } from 'ava';
import { Packr } from 'msgpackr';
import { EntryType, type Entry } from '@raftfleet/protocol';
import { CorruptStoreError } from '@raftfleet/storage';
import { openLmdbStorage } from '../src/index.js';
import { decodeRecord } from '../src/record.js';
import { entryData } from './fixtures/data.mjs';
import { tempDir } from './helpers.js';

function entries(group: string, from: number, count: number, size = 300): Entry[] {
  return Array.from({ length: count }, (_, i) => ({ index: from + i, term: 2, type: EntryType.Normal, data: entryData(group, from + i, size) }));
}

/** Runs `body` on a fresh directory, removed afterwards. */
async function inTempDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = tempDir();
  try {
    await body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A segment of `size` bytes whose first record header announces `announced` bytes, `written` of them there, under a wrong CRC. */
function damagedSegment(size: number, announced: number, written: number): Buffer {
  const bytes = Buffer.alloc(size);
  bytes.writeUInt32LE(announced, 0);
  bytes.writeUInt32LE(0xdeadbeef, 4);
  bytes.fill(7, 8, 8 + written);
  return bytes;
}

function copyDir(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const name of fs.readdirSync(from)) {
    const src = path.join(from, name);
    if (fs.statSync(src).isDirectory()) copyDir(src, path.join(to, name));
    else if (name !== 'lock') fs.copyFileSync(src, path.join(to, name));
  }
}

/**
 * Writes one of everything with the log on, gives a second directory only the log (rewritten by
 * `rewriteLog`, if given), and checks that opening it replays every write, in order.
 */
async function replayEverything(t: ExecutionContext, rewriteLog?: (walDir: string) => void): Promise<void> {
  const a = tempDir();
  const b = tempDir();
  try {
    // b: the state a had before any write (format recorded, nothing else).
    await (await openLmdbStorage({ path: a })).close();
    copyDir(a, b);
    t.deepEqual(fs.readdirSync(path.join(a, 'wal')), [], 'a clean close leaves nothing to replay');

    const s = await openLmdbStorage({ path: a });
    await s.write({ writes: [{ group: 'x', entries: entries('x', 1, 40), hardState: { term: 2, vote: 'n1', commit: 10 }, confState: { voters: ['n1', 'n2'], learners: [] }, meta: new Uint8Array([9, 9]) }] });
    await s.write({ writes: [{ group: 'y', entries: entries('y', 1, 5) }] });
    // A conflicting suffix replaced, a compaction, a group deleted and created again: order matters.
    await s.write({ writes: [{ group: 'x', entries: entries('x', 30, 20).map((e) => ({ ...e, term: 3 })), compact: 12 }] });
    await s.deleteGroup('y');
    await s.write({ writes: [{ group: 'y', entries: entries('y', 1, 2), hardState: { term: 5, vote: '', commit: 1 } }] });
    await s.saveSnapshot('z', { index: 7, term: 1, conf: { voters: ['n3'], learners: [] } }, entryData('snap', 7, 70_000));
    // Everything is durable in the log; b gets the log without any of a's LMDB commits.
    copyDir(path.join(a, 'wal'), path.join(b, 'wal'));
    await s.close();
    rewriteLog?.(path.join(b, 'wal'));

    const r = await openLmdbStorage({ path: b });
    try {
      t.true(r.stats().replayed >= 6, `replayed ${r.stats().replayed}`);
      t.deepEqual(r.groups().sort(), ['x', 'y', 'z']);
      t.is(r.firstIndex('x'), 13);
      t.is(r.lastIndex('x'), 49);
      t.is(r.term('x', 29), 2);
      t.is(r.term('x', 30), 3);
      t.deepEqual(r.hardState('x'), { term: 2, vote: 'n1', commit: 10 });
      t.deepEqual(r.confState('x'), { voters: ['n1', 'n2'], learners: [] });
      t.deepEqual([...(r.meta('x') ?? [])], [9, 9]);
      for (const e of r.entries('x', 13, 50)) t.true(Buffer.from(e.data).equals(Buffer.from(entryData('x', e.index, 300))), `x ${e.index}`);
      t.is(r.lastIndex('y'), 2, 'y as created again, not as deleted');
      t.deepEqual(r.hardState('y'), { term: 5, vote: '', commit: 1 });
      const snap = r.readSnapshot('z');
      t.is(snap?.meta.index, 7);
      const parts: Uint8Array[] = [];
      for await (const c of snap!.chunks()) parts.push(c);
      t.true(Buffer.concat(parts).equals(Buffer.from(entryData('snap', 7, 70_000))));
      // New writes carry on after the replayed ones, and survive another reopen.
      await r.write({ writes: [{ group: 'x', entries: entries('x', 50, 1).map((e) => ({ ...e, term: 3 })) }] });
    } finally {
      await r.close();
    }
    const again = await openLmdbStorage({ path: b });
    t.is(again.stats().replayed, 0);
    t.is(again.lastIndex('x'), 50);
    await again.close();
  } finally {
    fs.rmSync(a, { recursive: true, force: true });
    fs.rmSync(b, { recursive: true, force: true });
  }
}

/** Rewrites every record of the segments in `walDir` in the msgpack form older versions wrote. */
function toMsgpackRecords(walDir: string): void {
  let converted = 0;
  const packr = new Packr({ useRecords: false, moreTypes: false });
  for (const name of fs.readdirSync(walDir)) {
    const bytes = fs.readFileSync(path.join(walDir, name));
    const out = Buffer.alloc(bytes.length + 1024 * 1024);
    let off = 0;
    let to = 0;
    while (off + 8 <= bytes.length && bytes.readUInt32LE(off) !== 0) {
      const len = bytes.readUInt32LE(off);
      const { seq, ops } = decodeRecord(bytes.subarray(off + 8, off + 8 + len));
      const payload = packr.pack([seq, ops]);
      out.writeUInt32LE(payload.length, to);
      out.writeUInt32LE(crc32(payload), to + 4);
      payload.copy(out, to + 8);
      to += 8 + payload.length;
      off += 8 + len;
      converted++;
    }
    fs.writeFileSync(path.join(walDir, name), out);
  }
  if (converted === 0) throw new Error(`no record to rewrite in ${walDir}`);
}

test('writes held only by the log are replayed into LMDB on open, in order, and the log starts afresh', (t) => replayEverything(t));

test('a log written by an older version (msgpack records) replays the same', (t) => replayEverything(t, toMsgpackRecords));

test('a record cut short at the end of the newest segment is a write that never finished: dropped', (t) =>
  inTempDir(async (dir) => {
    const s = await openLmdbStorage({ path: dir });
    await s.write({ writes: [{ group: 'g', entries: entries('g', 1, 3) }] });
    await s.close();
    // A header announcing 1000 bytes followed by 20 of them.
    fs.writeFileSync(path.join(dir, 'wal', '0000000000000099.wal'), damagedSegment(4096, 1000, 20));
    const r = await openLmdbStorage({ path: dir });
    t.is(r.stats().replayed, 0);
    t.is(r.lastIndex('g'), 3);
    t.false(fs.readdirSync(path.join(dir, 'wal')).includes('0000000000000099.wal'), 'replaced by a fresh segment');
    await r.close();
  }));

test('a damaged record in an older segment is a CorruptStoreError naming the segment, not a crash or a silent loss', (t) =>
  inTempDir(async (dir) => {
    await (await openLmdbStorage({ path: dir })).close();
    const older = path.join(dir, 'wal', '0000000000000001.wal');
    // A whole record (16 bytes announced, 16 there) whose CRC does not match.
    fs.writeFileSync(older, damagedSegment(64, 16, 16));
    fs.writeFileSync(path.join(dir, 'wal', '0000000000000005.wal'), Buffer.alloc(64));
    const error = await t.throwsAsync(openLmdbStorage({ path: dir }), { instanceOf: CorruptStoreError });
    t.is(error?.path, older);
    // The directory is not left locked by the failed open.
    fs.rmSync(older);
    await (await openLmdbStorage({ path: dir })).close();
  }));

test('a log path that is a file, or a segment that is a directory, is a CorruptStoreError, not a crash', (t) =>
  inTempDir(async (dir) => {
    await (await openLmdbStorage({ path: dir })).close();
    fs.rmSync(path.join(dir, 'wal'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'wal'), 'not a directory');
    const first = await t.throwsAsync(openLmdbStorage({ path: dir }), { instanceOf: CorruptStoreError });
    t.is(first?.path, path.join(dir, 'wal'));
    fs.rmSync(path.join(dir, 'wal'));
    fs.mkdirSync(path.join(dir, 'wal', '0000000000000001.wal'), { recursive: true });
    await t.throwsAsync(openLmdbStorage({ path: dir }), { instanceOf: CorruptStoreError });
    fs.rmSync(path.join(dir, 'wal'), { recursive: true });
    await (await openLmdbStorage({ path: dir })).close();
  }));
