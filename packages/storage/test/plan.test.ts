import test from 'ava';
import { EntryType, type Entry } from '@raftfleet/protocol';
import {
  CompactedError,
  InvalidArgumentError,
  StaleSnapshotError,
  UnavailableError,
  isStorageError,
  planAppend,
  planCompact,
  planSnapshot,
} from '../src/index.js';

const e = (index: number, term: number): Entry => ({ index, term, type: EntryType.Normal, data: new Uint8Array() });
const terms = (m: Record<number, number>) => (i: number): number => m[i] ?? 0;

test('planAppend: plain append, truncation, skipped compacted prefix', (t) => {
  const b = { compactedIndex: 3, compactedTerm: 1, lastIndex: 6 };
  const tm = terms({ 3: 1, 4: 1, 5: 2, 6: 2 });
  const plain = planAppend('g', b, [e(7, 2), e(8, 3)], tm);
  t.is(plain.truncateFrom, undefined);
  t.is(plain.newLastIndex, 8);
  const trunc = planAppend('g', b, [e(5, 3)], tm);
  t.is(trunc.truncateFrom, 5);
  t.is(trunc.newLastIndex, 5);
  t.is(trunc.oldLastIndex, 6);
  const skipped = planAppend('g', b, [e(2, 1), e(3, 1), e(4, 1)], tm);
  t.deepEqual(skipped.entries.map((x) => x.index), [4]);
  t.is(planAppend('g', b, [e(1, 1), e(2, 1)], tm).entries.length, 0);
});

test('planAppend refuses gaps, holes and terms that go backwards', (t) => {
  const b = { compactedIndex: 0, compactedTerm: 0, lastIndex: 2 };
  const tm = terms({ 1: 1, 2: 2 });
  t.throws(() => planAppend('g', b, [e(4, 2)], tm), { instanceOf: InvalidArgumentError, message: /gap/ });
  t.throws(() => planAppend('g', b, [e(3, 2), e(5, 2)], tm), { instanceOf: InvalidArgumentError, message: /contiguous/ });
  t.throws(() => planAppend('g', b, [e(3, 1)], tm), { instanceOf: InvalidArgumentError, message: /backwards/ });
  t.throws(() => planAppend('g', b, [e(3, 3), e(4, 2)], tm), { instanceOf: InvalidArgumentError, message: /backwards/ });
});

test('planCompact: no-op below, error beyond', (t) => {
  const b = { compactedIndex: 3, compactedTerm: 1, lastIndex: 6 };
  t.is(planCompact('g', b, 2), undefined);
  t.is(planCompact('g', b, 3), undefined);
  t.deepEqual(planCompact('g', b, 5), { from: 4, to: 5 });
  t.throws(() => planCompact('g', b, 7), { instanceOf: UnavailableError });
});

test('planSnapshot keeps a matching suffix and resets otherwise', (t) => {
  const b = { compactedIndex: 2, compactedTerm: 1, lastIndex: 8 };
  const tm = terms({ 2: 1, 3: 1, 4: 2, 5: 2, 6: 2, 7: 3, 8: 3 });
  const conf = { voters: ['a'], learners: [] };
  const keep = planSnapshot('g', b, { index: 5, term: 2, conf }, 2, tm);
  t.true(keep.keepSuffix);
  t.deepEqual(keep.bounds, { compactedIndex: 5, compactedTerm: 2, lastIndex: 8 });
  const reset = planSnapshot('g', b, { index: 5, term: 3, conf }, 2, tm);
  t.false(reset.keepSuffix);
  t.deepEqual(reset.bounds, { compactedIndex: 5, compactedTerm: 3, lastIndex: 5 });
  const beyond = planSnapshot('g', b, { index: 20, term: 4, conf }, 2, tm);
  t.deepEqual(beyond.bounds, { compactedIndex: 20, compactedTerm: 4, lastIndex: 20 });
  t.throws(() => planSnapshot('g', b, { index: 1, term: 1, conf }, 2, tm), { instanceOf: StaleSnapshotError });
  t.throws(() => planSnapshot('g', b, { index: 4, term: 2, conf }, 5, tm), { instanceOf: StaleSnapshotError });
});

test('errors carry their code and context', (t) => {
  const c = new CompactedError('g', 3, 5);
  t.true(isStorageError(c));
  t.is(c.code, 'ERR_STORAGE_COMPACTED');
  t.is(c.group, 'g');
  t.is(c.firstIndex, 5);
  t.false(isStorageError(new Error('x')));
  t.true(isStorageError(Object.assign(new Error('copy from another package instance'), { code: 'ERR_STORAGE_FULL' })));
});
