import test from 'ava';
import type { SnapshotMessage } from '@raftfleet/protocol';
import { Cluster, enc, seededRng } from './harness.js';
import { MemoryLog, RawNode } from '../src/index.js';

function compact(c: Cluster, id: string): number {
  const m = c.get(id);
  const s = m.node.status();
  m.log.createSnapshot(s.applied, s.conf, enc(`state@${s.applied}`));
  m.log.compact(s.applied);
  return s.applied;
}

test('a follower that needs compacted entries gets a snapshot, installs it and catches up', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.isolate('3');
  for (let i = 0; i < 10; i++) c.propose('1', `v${i}`);
  c.stabilize();
  const snapIndex = compact(c, '1');
  t.is(c.get('1').log.firstIndex(), snapIndex + 1);
  for (let i = 10; i < 15; i++) c.propose('1', `v${i}`);
  c.stabilize();
  c.heal();
  c.tickAll(2); // the first round skips 3's heartbeat: an append went to it (and was lost)
  const snaps = c.trace.filter((l) => l.startsWith('1->3 snapshot'));
  t.is(snaps.length, 1);
  t.regex(snaps[0] as string, new RegExp(`snapshot=${snapIndex}/1`));
  c.tickAll(2);
  const m3 = c.get('3');
  t.is(m3.snapshotsRestored, 1);
  t.is(m3.log.snapshot().meta.index, snapIndex);
  t.is(m3.node.status().commit, c.node('1').status().commit);
  t.is(m3.node.status().applied, c.node('1').status().commit);
  t.deepEqual([...m3.applied.values()], ['v10', 'v11', 'v12', 'v13', 'v14']);
  t.is(c.node('1').status().progress['3']?.state, 'replicate');
});

test('the follower hands the snapshot out in Ready.snapshot with its conf and answers after persisting', (t) => {
  const log = MemoryLog.withVoters(['1', '2']);
  const n = new RawNode({ id: '2', log, rng: seededRng(1) });
  const snapshot = { meta: { index: 20, term: 3, conf: { voters: ['1', '2'], learners: ['5'] } }, data: enc('S') };
  const m: SnapshotMessage = { type: 'snapshot', term: 3, from: '1', to: '2', snapshot };
  n.step(m);
  const rd = n.ready();
  t.is(rd.snapshot, snapshot);
  t.true(rd.mustSync);
  t.deepEqual(rd.confState, snapshot.meta.conf);
  t.deepEqual(rd.committedEntries, []);
  t.deepEqual(rd.messages.map((x) => [x.type, (x as { index?: number }).index]), [['appendResponse', 20]]);
  log.applySnapshot(snapshot);
  n.advance();
  const s = n.status();
  t.is(s.commit, 20);
  t.is(s.applied, 20);
  t.is(s.lastIndex, 20);
  t.deepEqual(s.conf, snapshot.meta.conf);
  // an older snapshot is answered with the commit index and ignored
  n.step({ ...m, snapshot: { ...snapshot, meta: { ...snapshot.meta, index: 10 } } });
  const rd2 = n.ready();
  t.is(rd2.snapshot, undefined);
  t.deepEqual(rd2.messages.map((x) => (x as { index?: number }).index), [20]);
});

test('reportSnapshot(false) moves the follower back to probe', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.isolate('2');
  for (let i = 0; i < 3; i++) c.propose('1', `v${i}`);
  c.stabilize();
  compact(c, '1');
  c.heal();
  c.filter = (m) => m.type !== 'snapshot';
  c.tickAll(2); // the first round skips 2's heartbeat: an append went to it (and was lost)
  t.is(c.node('1').status().progress['2']?.state, 'snapshot');
  c.node('1').reportSnapshot('2', false);
  t.is(c.node('1').status().progress['2']?.state, 'probe');
  c.heal();
  c.tickAll(3);
  t.is(c.node('2').status().commit, c.node('1').status().commit);
});

test('a brand-new member joins through a snapshot after compaction', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  for (let i = 0; i < 5; i++) c.propose('1', `v${i}`);
  c.stabilize();
  compact(c, '1');
  c.addMember('4', MemoryLog.withVoters([]));
  c.node('1').proposeConfChange({ type: 'addLearner', member: '4', context: new Uint8Array() });
  c.stabilize();
  c.tickAll(3);
  const m4 = c.get('4');
  t.is(m4.snapshotsRestored, 1);
  t.deepEqual(m4.node.status().conf, { voters: ['1', '2', '3'], learners: ['4'] });
  t.is(m4.node.status().applied, c.node('1').status().commit);
});
