import test from 'ava';
import { MemoryLog, RawNode } from '../src/index.js';
import { Cluster, enc, seededRng } from './harness.js';

test('a follower acknowledges entries only in the Ready that persists them', (t) => {
  const n = new RawNode({ id: '2', log: MemoryLog.withVoters(['1', '2']), rng: seededRng(1) });
  n.step({ type: 'append', term: 1, from: '1', to: '2', prevIndex: 0, prevTerm: 0, commit: 0, entries: [{ term: 1, index: 1, type: 0, data: enc('a') }] });
  const rd = n.ready();
  t.deepEqual(rd.entries.map((e) => e.index), [1]);
  t.true(rd.mustSync);
  t.deepEqual(rd.messages.map((m) => [m.type, (m as { index: number }).index]), [['appendResponse', 1]]);
  t.deepEqual(rd.softState, { leader: '1', role: 'follower' });
  n.advance();
  t.false(n.hasReady());
});

test('a commit-only change does not require a sync', (t) => {
  const log = MemoryLog.withVoters(['1', '2']);
  const n = new RawNode({ id: '2', log, rng: seededRng(1) });
  n.step({ type: 'append', term: 1, from: '1', to: '2', prevIndex: 0, prevTerm: 0, commit: 0, entries: [{ term: 1, index: 1, type: 0, data: enc('a') }] });
  const rd = n.ready();
  log.append(rd.entries);
  log.setHardState(rd.hardState!);
  n.advance();
  n.step({ type: 'heartbeat', term: 1, from: '1', to: '2', commit: 1, context: '' });
  const rd2 = n.ready();
  t.deepEqual(rd2.hardState, { term: 1, vote: '', commit: 1 });
  t.false(rd2.mustSync);
  t.deepEqual(rd2.committedEntries.map((e) => e.index), [1]);
});

test('a leader counts its own entries only once they are persisted (advance)', (t) => {
  const c = new Cluster(['1']);
  c.elect('1');
  const n = c.node('1');
  const r = n.propose([enc('a'), enc('b')]);
  t.deepEqual(r, { firstIndex: 2, lastIndex: 3, term: 1 });
  const rd1 = n.ready();
  t.deepEqual(rd1.entries.map((e) => e.index), [2, 3]);
  t.deepEqual(rd1.committedEntries, []);
  c.get('1').log.append(rd1.entries);
  n.advance();
  const rd2 = n.ready();
  t.deepEqual(rd2.committedEntries.map((e) => e.index), [2, 3]);
  t.is(rd2.hardState?.commit, 3);
  n.advance();
  t.is(n.status().applied, 3);
});

test('proposals made between ready() and advance() go into the next Ready', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  const n = c.node('1');
  c.propose('1', 'a');
  const rd1 = n.ready();
  c.propose('1', 'b');
  c.get('1').log.append(rd1.entries);
  for (const m of rd1.messages) c.queue.push(m);
  n.advance();
  const rd2 = n.ready();
  t.deepEqual(rd2.entries.map((e) => e.index), [3]);
  c.get('1').log.append(rd2.entries);
  for (const m of rd2.messages) c.queue.push(m);
  n.advance();
  c.stabilize();
  t.deepEqual([...c.get('2').applied.values()], ['a', 'b']);
});

test('an empty proposal list assigns nothing', (t) => {
  const c = new Cluster(['1']);
  c.elect('1');
  const r = c.node('1').propose([]);
  t.is(r.lastIndex, r.firstIndex - 1);
  t.false(c.node('1').hasReady());
});

test('basicStatus(into) fills the object it is given and returns it', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.propose('1', 'a');
  c.stabilize();
  const into = { term: -1, role: 'candidate' as const, leader: 'x', commit: -1, applied: -1, lastIndex: -1, leadTransferee: 'x', replicated: false };
  for (const id of ['1', '2']) {
    const got = c.node(id).basicStatus(into);
    t.is(got, into);
    t.deepEqual({ ...got }, c.node(id).basicStatus());
  }
  t.like(into, { role: 'follower', leader: '1', replicated: false });
});
