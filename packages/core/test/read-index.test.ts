import test from 'ava';
import type { HeartbeatMessage } from '@raftfleet/protocol';
import { Cluster } from './harness.js';
import { ProposalDroppedError } from '../src/index.js';

test('safe read index: the leader confirms leadership with a heartbeat round before answering', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.propose('1', 'a');
  c.stabilize();
  c.node('1').readIndex('r1');
  const rd = c.handleReady('1')!;
  t.deepEqual(rd.readStates, [], 'not before the heartbeat round');
  const hbs = rd.messages.filter((m): m is HeartbeatMessage => m.type === 'heartbeat');
  t.is(hbs.length, 2);
  t.true(hbs.every((h) => h.context === 'r1'));
  c.stabilize();
  t.deepEqual(c.get('1').readStates, [{ context: 'r1', index: 2 }]);
});

test('safe read index is not answered by a leader cut off from the quorum', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.isolate('1');
  c.node('1').readIndex('r1');
  c.stabilize();
  t.deepEqual(c.get('1').readStates, []);
  // one follower is enough for a quorum of 3
  c.heal();
  c.cut.add('1|3');
  c.tickAll(1);
  t.deepEqual(c.get('1').readStates.map((r) => r.context), ['r1']);
});

test('one acknowledged heartbeat round answers every earlier pending read', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.isolate('1');
  c.node('1').readIndex('a');
  c.node('1').readIndex('b');
  c.stabilize();
  c.heal();
  c.node('1').readIndex('c');
  c.stabilize();
  t.deepEqual(c.get('1').readStates.map((r) => r.context), ['a', 'b', 'c']);
});

test('a new leader defers reads until it has committed an entry of its term', (t) => {
  const c = new Cluster(['1', '2', '3'], { config: { preVote: false } });
  c.elect('1');
  c.propose('1', 'a');
  c.stabilize();
  // 2 becomes leader; its no-op is not committed until followers answer.
  c.node('2').step({ type: 'timeoutNow', term: 1, from: '1', to: '2' });
  c.handleReady('2');
  c.deliverRound(); // vote requests
  c.handleReady('1');
  c.handleReady('3');
  c.deliverRound(); // vote responses: 2 is leader
  t.is(c.node('2').status().role, 'leader');
  c.node('2').readIndex('early');
  c.handleReady('2');
  t.deepEqual(c.get('2').readStates, []);
  t.is(c.node('2').status().commit, 2, 'its no-op at 3 is not committed yet');
  c.stabilize();
  t.deepEqual(c.get('2').readStates, [{ context: 'early', index: 3 }]);
});

test('a follower forwards read index to the leader and gets a ReadState', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.propose('1', 'x', 'y');
  c.stabilize();
  c.node('3').readIndex('f1');
  const rd = c.handleReady('3')!;
  t.deepEqual(rd.messages.map((m) => [m.type, m.to]), [['readIndex', '1']]);
  c.stabilize();
  t.deepEqual(c.get('3').readStates, [{ context: 'f1', index: 3 }]);
  t.deepEqual(c.get('1').readStates, []);
});

test('a member that knows no leader refuses a read with noLeader', (t) => {
  const c = new Cluster(['1', '2', '3']);
  const err = t.throws(() => c.node('2').readIndex('x'), { instanceOf: ProposalDroppedError });
  t.is(err?.reason, 'noLeader');
});

test('a single-voter leader answers reads at once', (t) => {
  const c = new Cluster(['1']);
  c.elect('1');
  c.node('1').readIndex('solo');
  c.stabilize();
  t.deepEqual(c.get('1').readStates, [{ context: 'solo', index: 1 }]);
});

test('lease reads are served without a heartbeat round while the lease holds', (t) => {
  const c = new Cluster(['1', '2', '3'], { config: { readOnly: 'lease', electionTick: 10, electionJitterTick: 5 } });
  c.elect('1');
  c.tickAll(2); // a heartbeat round: followers answered recently
  c.node('1').readIndex('l1');
  const rd = c.handleReady('1')!;
  t.deepEqual(rd.readStates, [{ context: 'l1', index: 1 }]);
  t.false(rd.messages.some((m) => m.type === 'heartbeat'));
});

test('lease reads fall back to a heartbeat round once the followers went silent', (t) => {
  const c = new Cluster(['1', '2', '3'], { config: { readOnly: 'lease', electionTick: 10, electionJitterTick: 5 } });
  c.elect('1');
  c.tickAll(2);
  c.isolate('1');
  for (let i = 0; i < 9; i++) c.node('1').tick();
  c.stabilize();
  t.is(c.node('1').status().role, 'leader');
  c.node('1').readIndex('l2');
  c.stabilize();
  t.deepEqual(c.get('1').readStates, [], 'lease expired: needs a quorum answer');
  c.heal();
  c.tickAll(1);
  t.deepEqual(c.get('1').readStates.map((r) => r.context), ['l2']);
});

test('lease reads need check-quorum (invalid config otherwise)', async (t) => {
  t.throws(() => new Cluster(['1'], { config: { readOnly: 'lease', checkQuorum: false } }), { code: 'ERR_RAFT_CONFIG' });
});

test('no lease reads while a leadership transfer is under way', (t) => {
  const c = new Cluster(['1', '2', '3'], { config: { readOnly: 'lease', electionTick: 10, electionJitterTick: 5 } });
  c.elect('1');
  c.tickAll(2);
  c.isolate('2');
  c.node('1').transferLeadership('2');
  c.node('1').readIndex('t1');
  const rd = c.handleReady('1')!;
  t.deepEqual(rd.readStates, [], 'the target may win at any moment: confirm with a quorum instead');
  t.true(rd.messages.some((m) => m.type === 'heartbeat' && m.context === 't1'));
});
