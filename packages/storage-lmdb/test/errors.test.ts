import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { open } from 'lmdb';
import { EntryType, type Entry } from '@raftfleet/protocol';
import { isStorageError, type AnyStorageError } from '@raftfleet/storage';
import { FORMAT_VERSION, openLmdbStorage } from '../src/index.js';
import { logKey } from '../src/codec.js';
import { entryData } from './fixtures/data.mjs';
import { tempDir } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const child = path.join(here, 'fixtures', 'child.mjs');

function entries(from: number, count: number, size = 100, group = 'g'): Entry[] {
  return Array.from({ length: count }, (_, i) => ({ index: from + i, term: 1, type: EntryType.Normal, data: entryData(group, from + i, size) }));
}

async function openError(p: Promise<unknown>): Promise<AnyStorageError> {
  try {
    const s = await p;
    await (s as { close(): Promise<void> }).close();
  } catch (error) {
    if (isStorageError(error)) return error;
    throw error;
  }
  throw new Error('expected the open to fail');
}

interface ChildResult {
  lines: Array<Record<string, unknown>>;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function runChild(args: string[], options: { uid?: number; gid?: number; shell?: string } = {}): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const cmd = options.shell !== undefined ? 'bash' : process.execPath;
    const argv = options.shell !== undefined ? ['-c', `${options.shell}; exec "${process.execPath}" "${child}" ${args.map((a) => `"${a}"`).join(' ')}`] : [child, ...args];
    const p = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid ?? options.uid }) });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', (code, signal) =>
      resolve({ lines: out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>), code, signal, stderr: err }),
    );
  });
}

/** A store holding entries 1..3 of group g, closed; returns its directory. */
async function storeWithThreeEntries(): Promise<string> {
  const dir = tempDir();
  const s = await openLmdbStorage({ path: dir });
  await s.write({ writes: [{ group: 'g', entries: entries(1, 3) }] });
  await s.close();
  return dir;
}

/** The format version recorded in the store at `dir`; replaced by `next` when given. */
async function formatVersion(dir: string, next?: number): Promise<unknown> {
  const raw = open({ path: dir, maxDbs: 4 });
  const meta = raw.openDB('meta', {});
  const found = meta.get('format');
  if (next !== undefined) await meta.put('format', next);
  await raw.close();
  return found;
}

test('a new store records the format version; a newer version is refused with FormatVersionError', async (t) => {
  const dir = await storeWithThreeEntries();
  t.is(await formatVersion(dir, FORMAT_VERSION + 1), FORMAT_VERSION);
  const err = await openError(openLmdbStorage({ path: dir }));
  t.is(err.code, 'ERR_STORAGE_FORMAT_VERSION');
  t.true(err.code === 'ERR_STORAGE_FORMAT_VERSION' && err.path === dir && err.found === FORMAT_VERSION + 1 && err.supported === FORMAT_VERSION);
  t.regex(err.message, new RegExp(dir));
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a store of format 1 (before the write-ahead log) opens with its data and is recorded as the current format', async (t) => {
  const dir = await storeWithThreeEntries();
  await formatVersion(dir, 1);
  const again = await openLmdbStorage({ path: dir });
  t.is(again.lastIndex('g'), 3);
  await again.close();
  t.is(await formatVersion(dir), FORMAT_VERSION);
  t.is(FORMAT_VERSION, 2);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a garbage data.mdb is a CorruptStoreError naming the file, not a crash', async (t) => {
  const dir = tempDir();
  const rand = new Uint8Array(100_000);
  for (let i = 0; i < rand.length; i++) rand[i] = (i * 7919 + 13) & 0xff;
  fs.writeFileSync(path.join(dir, 'data.mdb'), rand);
  const err = await openError(openLmdbStorage({ path: dir }));
  t.is(err.code, 'ERR_STORAGE_CORRUPT');
  t.true(err.code === 'ERR_STORAGE_CORRUPT' && err.path === path.join(dir, 'data.mdb'));
  // A real store cut short after its first page is refused too.
  const good = tempDir();
  const s = await openLmdbStorage({ path: good });
  await s.write({ writes: [{ group: 'g', entries: entries(1, 3) }] });
  await s.close();
  const bytes = fs.readFileSync(path.join(good, 'data.mdb'));
  fs.writeFileSync(path.join(dir, 'data.mdb'), bytes.subarray(0, 4096));
  const cut = await openError(openLmdbStorage({ path: dir }));
  t.is(cut.code, 'ERR_STORAGE_CORRUPT');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(good, { recursive: true, force: true });
});

test('a damaged entry reads as CorruptStoreError with its group', async (t) => {
  const dir = tempDir();
  const s = await openLmdbStorage({ path: dir });
  await s.write({ writes: [{ group: 'victim', entries: entries(1, 20, 100, 'victim') }] });
  await s.close();
  const raw = open({ path: dir, maxDbs: 4 });
  const log = raw.openDB<Buffer, Buffer>('log', { encoding: 'binary', keyEncoding: 'binary' });
  const key = logKey(1, 5);
  const v = Buffer.from(log.getBinary(key) as Buffer);
  v[40] = (v[40] as number) ^ 0xff;
  await log.put(key, v);
  await raw.close();
  const s2 = await openLmdbStorage({ path: dir });
  t.deepEqual(s2.entries('victim', 1, 5).map((e) => e.index), [1, 2, 3, 4], 'intact entries still read');
  for (const read of [() => s2.entries('victim', 1, 21), () => s2.entries('victim', 5, 6), () => s2.term('victim', 5)]) {
    const err = t.throws(read);
    t.true(isStorageError(err) && err.code === 'ERR_STORAGE_CORRUPT' && err.group === 'victim' && err.path === dir, String(err));
  }
  await s2.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a path that is a file, or a directory this process may not write, is a StorageAccessError naming it', async (t) => {
  const base = tempDir();
  fs.chmodSync(base, 0o755);
  const file = path.join(base, 'plain-file');
  fs.writeFileSync(file, 'x');
  const notDir = await openError(openLmdbStorage({ path: file }));
  t.true(notDir.code === 'ERR_STORAGE_ACCESS' && notDir.path === file, notDir.message);

  const ro = path.join(base, 'read-only');
  fs.mkdirSync(ro);
  fs.chmodSync(ro, 0o555);
  const expectAccess = (err: { code: string; path?: unknown; message: string }): void => {
    t.is(err.code, 'ERR_STORAGE_ACCESS', err.message);
    t.is(err.path, ro);
    t.regex(err.message, /permission denied/);
  };
  if (process.getuid?.() !== 0) {
    expectAccess(await openError(openLmdbStorage({ path: ro })));
  } else if (spawnSync('chattr', ['+i', ro]).status === 0) {
    // root ignores permission bits, but not the immutable attribute.
    try {
      expectAccess(await openError(openLmdbStorage({ path: ro })));
    } finally {
      spawnSync('chattr', ['-i', ro]);
    }
  } else {
    // No immutable attribute here: open as an unprivileged user instead.
    const r = await runChild(['open', ro], { uid: 65534, gid: 65534 });
    const line = r.lines[0];
    t.true(line !== undefined, r.stderr);
    if (line !== undefined) expectAccess(line as { code: string; path?: unknown; message: string });
  }
  t.false(fs.existsSync(path.join(ro, 'data.mdb')), 'nothing was created');
  fs.chmodSync(ro, 0o755);
  fs.rmSync(base, { recursive: true, force: true });
});

test('bad options are typed errors', async (t) => {
  const dir = tempDir();
  for (const options of [{ path: '' }, { path: 42 }, null, { path: dir, maxSize: -1 }, { path: dir, snapshotChunkSize: 0.5 }]) {
    const err = await openError(openLmdbStorage(options as never));
    t.is(err.code, 'ERR_STORAGE_INVALID_ARGUMENT', JSON.stringify(options));
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test('one opener per directory: in this process, and in another live process', async (t) => {
  const dir = tempDir();
  const s = await openLmdbStorage({ path: dir });
  const twice = await openError(openLmdbStorage({ path: `${dir}/` }));
  t.true(twice.code === 'ERR_STORAGE_IN_USE' && twice.pid === process.pid, twice.message);
  await s.close();

  const holder = spawn(process.execPath, [child, 'hold', dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const ready = await new Promise<{ pid: number }>((resolve) => holder.stdout.once('data', (d: Buffer) => resolve(JSON.parse(d.toString()) as { pid: number })));
  const other = await openError(openLmdbStorage({ path: dir }));
  t.true(other.code === 'ERR_STORAGE_IN_USE' && other.pid === ready.pid, other.message);
  holder.stdin.end();
  await new Promise((r) => holder.on('close', r));

  // A pid file left by a process that died does not lock the store.
  const dead = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => dead.on('close', r));
  fs.writeFileSync(path.join(dir, 'raftfleet.pid'), `${dead.pid}\n`);
  const again = await openLmdbStorage({ path: dir });
  t.is(again.lastIndex('g'), 0);
  await again.close();
  // Nor does one whose pid now belongs to another live process (pid reuse): the start time differs.
  fs.writeFileSync(path.join(dir, 'raftfleet.pid'), `${process.ppid} 1\n`);
  const reused = await openLmdbStorage({ path: dir });
  await reused.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the map grows by itself past its initial (or a given) map size; nothing is truncated', async (t) => {
  const dir = tempDir();
  const s = await openLmdbStorage({ path: dir });
  // 24 MiB in 512 KiB entries, far beyond LMDB's initial 128 KiB map.
  for (let i = 0; i < 48; i += 4) await s.write({ writes: [{ group: 'g', entries: entries(i + 1, 4, 512 * 1024) }] });
  await s.close();
  t.true(fs.statSync(path.join(dir, 'data.mdb')).size > 24 * 1024 * 1024);
  const s2 = await openLmdbStorage({ path: dir });
  t.is(s2.lastIndex('g'), 48);
  for (let i = 1; i <= 48; i++) {
    const [e] = s2.entries('g', i, i + 1);
    t.true(e !== undefined && Buffer.from(e.data).equals(Buffer.from(entryData('g', i, 512 * 1024))), `entry ${i}`);
  }
  await s2.close();
  fs.rmSync(dir, { recursive: true, force: true });

  // Even an explicit mapSize is only where lmdb starts: 8 MiB into a 1 MiB map commits fine.
  const rawDir = tempDir();
  const raw = open({ path: rawDir, mapSize: 1024 * 1024 });
  const db = raw.openDB<Buffer, number>('x', { encoding: 'binary' });
  for (let i = 0; i < 8; i++) await db.put(i, Buffer.alloc(1024 * 1024, i));
  t.is(db.get(7)?.[0], 7);
  t.true((raw.getStats() as { mapSize: number }).mapSize > 8 * 1024 * 1024);
  await raw.close();
  fs.rmSync(rawDir, { recursive: true, force: true });
});

test('maxSize: a write that would pass it is a StorageFullError and changes nothing', async (t) => {
  const dir = tempDir();
  const s = await openLmdbStorage({ path: dir, maxSize: 4 * 1024 * 1024 });
  let acked = 0;
  let full: unknown;
  for (let i = 1; i <= 200 && full === undefined; i++) {
    try {
      await s.write({ writes: [{ group: 'g', entries: entries(i, 1, 64 * 1024) }, { group: 'h', hardState: { term: 1, vote: '', commit: i } }] });
      acked = i;
    } catch (error) {
      full = error;
    }
  }
  t.true(isStorageError(full) && full.code === 'ERR_STORAGE_FULL' && full.path === dir, String(full));
  t.true(acked > 10, `acked ${acked}`);
  t.is(s.lastIndex('g'), acked, 'the refused batch left no trace');
  t.deepEqual(s.hardState('h').commit, acked);
  t.is(s.entries('g', acked, acked + 1).length, 1, 'reads still work');
  await s.close();
  const s2 = await openLmdbStorage({ path: dir });
  t.is(s2.lastIndex('g'), acked);
  await s2.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a full disk (file size limit) is a StorageFullError; what was acknowledged survives', async (t) => {
  const dir = tempDir();
  // bash's ulimit -f counts 1 KiB blocks: a 24 MiB limit on the data file.
  const r = await runChild(['fill', dir], { shell: 'ulimit -f 24576' });
  const first = r.lines[0] ?? {};
  t.is(first['code'], 'ERR_STORAGE_FULL', r.stderr.slice(-2000));
  t.is(first['path'], dir);
  const acked = Number(first['acked']);
  t.true(acked > 10, `acked ${acked}`);
  t.deepEqual(r.lines[1], { after: 'ERR_STORAGE_FAILED' }, 'later writes are refused until the store is reopened');
  t.deepEqual(r.lines[2], { closed: true }, `child exited with ${r.code ?? r.signal}: ${r.stderr.slice(-2000)}`);
  const s = await openLmdbStorage({ path: dir });
  t.true(s.lastIndex('big') >= acked);
  const all = s.entries('big', 1, acked + 1);
  t.is(all.length, acked);
  t.true(all.every((e) => Buffer.from(e.data).equals(Buffer.from(entryData('big', e.index, 256 * 1024)))));
  await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
