import test from 'ava';
import { Inflights, MemberProgress } from '../src/progress.js';

test('inflights: full at capacity, freed up to an index, wraps around', (t) => {
  const f = new Inflights(3, 0);
  f.add(1, 1);
  f.add(2, 1);
  f.add(3, 1);
  t.true(f.full());
  f.freeLE(2);
  t.is(f.size(), 1);
  t.false(f.full());
  f.add(4, 1);
  f.add(5, 1); // wraps
  t.true(f.full());
  f.freeLE(4);
  t.is(f.size(), 1);
  f.freeFirstOne();
  t.is(f.size(), 0);
});

test('inflights: the byte budget fills before the count budget', (t) => {
  const f = new Inflights(100, 10);
  f.add(1, 6);
  t.false(f.full());
  f.add(2, 6);
  t.true(f.full());
  f.freeLE(1);
  t.false(f.full());
});

test('progress: a stale rejection is ignored; a fresh one moves next back using the hint', (t) => {
  const p = new MemberProgress('2', 11, false, 4, 0);
  p.match = 5;
  t.false(p.maybeDecrTo(7, 7), 'probe expects a rejection of next-1 = 10');
  t.true(p.maybeDecrTo(10, 7));
  t.is(p.next, 8);
  p.becomeReplicate();
  t.is(p.next, 6);
  t.false(p.maybeDecrTo(5, 0), 'at or below match: stale');
  t.true(p.maybeDecrTo(9, 0));
  t.is(p.next, 6);
});

test('progress: snapshot state is paused and resumes probing after the snapshot', (t) => {
  const p = new MemberProgress('2', 3, false, 4, 0);
  p.becomeSnapshot(50);
  t.true(p.isPaused());
  p.becomeProbe();
  t.is(p.next, 51);
  t.false(p.isPaused());
  p.sentEntries(1, 51, 10);
  t.true(p.isPaused(), 'one probe at a time');
});
