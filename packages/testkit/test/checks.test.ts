import test from 'ava';
import type { Entry } from '@raftfleet/protocol';
import { SafetyChecker, SafetyViolation } from '../src/index.js';

const enc = new TextEncoder();
const e = (index: number, term: number, data = `${index}@${term}`): Entry => ({ index, term, type: 0, data: enc.encode(data) });

test('two leaders in one term are an election safety violation', (t) => {
  const c = new SafetyChecker();
  c.becameLeader('a', 1);
  c.becameLeader('a', 1);
  c.becameLeader('b', 2);
  const v = t.throws(() => c.becameLeader('c', 2), { instanceOf: SafetyViolation });
  t.is(v?.kind, 'electionSafety');
});

test('same index and term over different prefixes breaks log matching', (t) => {
  const c = new SafetyChecker();
  c.persisted('a', [e(1, 1), e(2, 1), e(3, 2)]);
  c.persisted('b', [e(1, 1), e(2, 1)]);
  c.persisted('c', [e(1, 1), e(2, 2)]);
  // 3/2 exists on a after 2/1; on c it would follow 2/2.
  const v = t.throws(() => c.persisted('c', [e(3, 2)]), { instanceOf: SafetyViolation });
  t.is(v?.kind, 'logMatching');
  // Same index and term with different data is caught at once.
  const w = t.throws(() => c.persisted('b', [e(3, 2, 'forged')]), { instanceOf: SafetyViolation });
  t.is(w?.kind, 'logMatching');
});

test('a conflicting suffix may be replaced before it is committed', (t) => {
  const c = new SafetyChecker();
  c.persisted('a', [e(1, 1), e(2, 1)]);
  c.persisted('a', [e(2, 2)]);
  c.committed('a', 2, 2);
  t.is(c.committedIndex, 2);
});

test('a leader missing a committed entry breaks leader completeness', (t) => {
  const c = new SafetyChecker();
  c.persisted('a', [e(1, 1), e(2, 1)]);
  c.committed('a', 2, 1);
  c.persisted('b', [e(1, 1)]);
  const v = t.throws(() => c.becameLeader('b', 2), { instanceOf: SafetyViolation });
  t.is(v?.kind, 'leaderCompleteness');
  // An entry committed in a later term does not bind an earlier term's leader.
  const d = new SafetyChecker();
  d.persisted('a', [e(1, 1), e(2, 3)]);
  d.committed('a', 2, 3);
  d.persisted('b', [e(1, 1)]);
  t.notThrows(() => d.becameLeader('b', 2));
});

test('committing a different entry at a committed index is caught', (t) => {
  const c = new SafetyChecker();
  c.persisted('a', [e(1, 1), e(2, 1)]);
  c.committed('a', 2, 1);
  c.persisted('b', [e(1, 1), e(2, 2, 'x')]);
  const v = t.throws(() => c.committed('b', 2, 2), { instanceOf: SafetyViolation });
  t.is(v?.kind, 'committedChanged');
});

test('applying different entries at one index, or out of order, is caught', (t) => {
  const c = new SafetyChecker();
  c.appliedEntry('a', e(1, 1));
  c.appliedEntry('b', e(1, 1));
  const v = t.throws(() => c.appliedEntry('c', e(1, 2)), { instanceOf: SafetyViolation });
  t.is(v?.kind, 'stateMachineSafety');
  const w = t.throws(() => c.appliedEntry('a', e(3, 1)), { instanceOf: SafetyViolation });
  t.is(w?.kind, 'applyOrder');
});

test('snapshots and restarts keep the chain consistent', (t) => {
  const c = new SafetyChecker();
  c.persisted('a', [e(1, 1), e(2, 1), e(3, 1)]);
  c.committed('a', 3, 1);
  c.installedSnapshot('b', 2, 1);
  c.persisted('b', [e(3, 1)]);
  c.restarted('a', 0, 0, [e(1, 1), e(2, 1), e(3, 1)]);
  t.notThrows(() => c.becameLeader('b', 2));
  c.installedSnapshot('c', 2, 1);
  t.throws(() => c.persisted('c', [e(3, 1, 'forged')]), { instanceOf: SafetyViolation });
});
