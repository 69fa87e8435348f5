import test from 'ava';
import { EntryType, type Entry } from '@raftfleet/protocol';
import { isStorageError } from '@raftfleet/storage';
import { MemoryDisk, MemoryStorage } from '../src/index.js';

function entry(index: number, term = 1): Entry {
  return { index, term, type: EntryType.Normal, data: new Uint8Array([index & 0xff]) };
}

test('a crash loses exactly the writes that were not flushed', async (t) => {
  const disk = new MemoryDisk();
  const s = MemoryStorage.open(disk, { autoSync: false });
  const a = s.write({ writes: [{ group: 'g', entries: [entry(1)] }] });
  const b = s.write({ writes: [{ group: 'g', entries: [entry(2)], hardState: { term: 1, vote: 'x', commit: 1 } }] });
  const c = s.write({ writes: [{ group: 'h', entries: [entry(1)] }] });
  t.is(s.lastIndex('g'), 2, 'applied before durable');
  t.is(s.pendingWrites(), 3);
  s.flush(1);
  await a;
  s.crash();
  const lost = await Promise.allSettled([b, c]);
  for (const r of lost) {
    t.is(r.status, 'rejected');
    t.true(r.status === 'rejected' && isStorageError(r.reason) && r.reason.code === 'ERR_STORAGE_CLOSED');
  }
  const back = MemoryStorage.open(disk);
  t.is(back.lastIndex('g'), 1);
  t.deepEqual(back.hardState('g'), { term: 0, vote: '', commit: 0 });
  t.false(back.hasGroup('h'));
  await back.close();
});

test('a write that is not durable survives only once something is flushed after it', async (t) => {
  const disk = new MemoryDisk();
  const s = MemoryStorage.open(disk);
  await s.write({ writes: [{ group: 'g', entries: [entry(1)] }], durable: false });
  t.is(s.pendingWrites(), 1);
  s.crash();
  const s2 = MemoryStorage.open(disk);
  t.is(s2.lastIndex('g'), 0, 'lost');
  await s2.write({ writes: [{ group: 'g', entries: [entry(1)] }], durable: false });
  await s2.write({ writes: [{ group: 'g', entries: [entry(2)] }] });
  t.is(s2.pendingWrites(), 0);
  s2.crash();
  const s3 = MemoryStorage.open(disk);
  t.is(s3.lastIndex('g'), 2, 'the durable write carried the earlier one');
  await s3.close();
});

test('writes in one turn share one flush', async (t) => {
  const disk = new MemoryDisk();
  const s = MemoryStorage.open(disk);
  const before = disk.flushes;
  await Promise.all(Array.from({ length: 20 }, (_, i) => s.write({ writes: [{ group: `g${i}`, entries: [entry(1)] }] })));
  t.is(disk.flushes - before, 1);
  await s.close();
});

test('a disk holds one open storage at a time', async (t) => {
  const disk = new MemoryDisk();
  const s = MemoryStorage.open(disk);
  const err = t.throws(() => MemoryStorage.open(disk));
  t.true(isStorageError(err) && err.code === 'ERR_STORAGE_IN_USE');
  await s.close();
  const again = MemoryStorage.open(disk);
  await again.close();
});

test('a snapshot saved but not flushed is lost in a crash, with its compaction', async (t) => {
  const disk = new MemoryDisk();
  const s = MemoryStorage.open(disk, { autoSync: false });
  const w = s.write({ writes: [{ group: 'g', entries: [entry(1), entry(2), entry(3)] }] });
  s.flush();
  await w;
  const saved = s.saveSnapshot('g', { index: 2, term: 1, conf: { voters: ['a'], learners: [] } }, new Uint8Array([7]));
  // saveSnapshot reads its data asynchronously before it enqueues; let it get there.
  await new Promise((r) => setImmediate(r));
  t.is(s.firstIndex('g'), 3);
  s.crash();
  await t.throwsAsync(saved);
  const back = MemoryStorage.open(disk);
  t.is(back.firstIndex('g'), 1);
  t.is(back.snapshotMeta('g'), undefined);
  await back.close();
});
