import test from 'ava';
import type { ConfChange } from '@raftfleet/protocol';
import { Cluster } from './harness.js';
import {
  ConfChangeInProgressError,
  ConfChangeRejectedError,
  MemoryLog,
  ProposalDroppedError,
  applyConfChange,
  checkConfChange,
  decodeConfChange,
  decodeConfState,
  encodeConfChange,
  encodeConfState,
} from '../src/index.js';

const cc = (type: ConfChange['type'], member: string): ConfChange => ({ type, member, context: new Uint8Array([7]) });

function clusterWithLearner(): Cluster {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.propose('1', 'a', 'b');
  c.stabilize();
  c.addMember('4', MemoryLog.withVoters(['1', '2', '3']));
  c.node('1').proposeConfChange(cc('addLearner', '4'));
  c.stabilize();
  return c;
}

test('a learner is added, receives the whole log and shows in the conf and progress', (t) => {
  const c = clusterWithLearner();
  const s = c.node('1').status();
  t.deepEqual(s.conf, { voters: ['1', '2', '3'], learners: ['4'] });
  t.is(s.progress['4']?.learner, true);
  t.is(s.progress['4']?.match, s.lastIndex);
  t.deepEqual([...c.get('4').applied.values()], ['a', 'b']);
  t.deepEqual(c.node('4').status().conf, { voters: ['1', '2', '3'], learners: ['4'] });
  t.deepEqual(c.node('2').status().conf, { voters: ['1', '2', '3'], learners: ['4'] });
  // the runtime was handed the new conf to persist
  t.deepEqual(c.get('1').log.initialState().conf, { voters: ['1', '2', '3'], learners: ['4'] });
});

test('a learner does not count toward the commit quorum', (t) => {
  const c = clusterWithLearner();
  c.cut.add('1|2');
  c.cut.add('1|3');
  const { lastIndex } = c.propose('1', 'c');
  c.stabilize();
  t.is(c.get('4').log.lastIndex(), lastIndex, 'the learner has the entry');
  t.true(c.node('1').status().commit < lastIndex, 'but it is not committed');
  c.heal();
  // The lost append went out this round, so its heartbeat is skipped; the next round, with
  // nothing sent and nothing heard, heartbeats, and the answer makes the leader resend.
  c.tickAll(1);
  t.true(c.node('1').status().commit < lastIndex);
  c.tickAll(1);
  t.is(c.node('1').status().commit, lastIndex);
});

test('a learner is promoted after catching up and then counts as a voter', (t) => {
  const c = clusterWithLearner();
  c.node('1').proposeConfChange(cc('promote', '4'));
  c.stabilize();
  t.deepEqual(c.node('1').status().conf, { voters: ['1', '2', '3', '4'], learners: [] });
  t.deepEqual(c.node('4').status().conf.voters, ['1', '2', '3', '4']);
  // with 4 voters, the leader and one follower are not a quorum any more
  c.cut.add('1|3');
  c.cut.add('1|4');
  const { lastIndex } = c.propose('1', 'z');
  c.stabilize();
  t.true(c.node('1').status().commit < lastIndex);
  c.heal();
  c.cut.add('1|3');
  c.stabilize();
  c.tickAll(2); // the second heartbeat round reaches 4, whose append was lost (see above)
  t.is(c.node('1').status().commit, lastIndex, '1, 2 and 4 are a quorum of 4');
});

test('a second membership change while one is pending is refused', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.node('1').proposeConfChange(cc('addLearner', '4'));
  const err = t.throws(() => c.node('1').proposeConfChange(cc('addLearner', '5')), { instanceOf: ConfChangeInProgressError });
  t.is(err?.code, 'ERR_RAFT_CONF_CHANGE_IN_PROGRESS');
  // committed but not yet applied (no advance): still refused
  c.handleReady('1');
  c.deliverRound();
  c.handleReady('2');
  c.handleReady('3');
  c.deliverRound();
  t.is(c.node('1').status().commit, 2);
  t.throws(() => c.node('1').proposeConfChange(cc('addLearner', '5')), { instanceOf: ConfChangeInProgressError });
  c.stabilize();
  t.notThrows(() => c.node('1').proposeConfChange(cc('addLearner', '5')));
});

test('nonsensical membership changes are rejected', (t) => {
  const single = new Cluster(['1']);
  single.elect('1');
  const err = t.throws(() => single.node('1').proposeConfChange(cc('remove', '1')), { instanceOf: ConfChangeRejectedError });
  t.regex(err?.message ?? '', /last voter/);
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  t.throws(() => c.node('1').proposeConfChange(cc('promote', '2')), { instanceOf: ConfChangeRejectedError });
  t.throws(() => c.node('1').proposeConfChange(cc('addVoter', '2')), { instanceOf: ConfChangeRejectedError });
  t.throws(() => c.node('1').proposeConfChange(cc('remove', '9')), { instanceOf: ConfChangeRejectedError });
  t.throws(() => c.node('1').proposeConfChange(cc('addLearner', '')), { instanceOf: ConfChangeRejectedError });
  t.throws(() => c.node('2').proposeConfChange(cc('addLearner', '4')), { instanceOf: ProposalDroppedError });
});

test('removing a follower: it stops receiving the log and the quorum shrinks', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.node('1').proposeConfChange(cc('remove', '3'));
  c.stabilize();
  t.deepEqual(c.node('1').status().conf.voters, ['1', '2']);
  t.false('3' in c.node('1').status().progress);
  // the removed member got the entry removing it, and its commit
  t.deepEqual(c.node('3').status().conf.voters, ['1', '2']);
  t.is(c.node('3').status().commit, 2);
  const before = c.get('3').log.lastIndex();
  const { lastIndex } = c.propose('1', 'after');
  c.stabilize();
  c.tickAll(3);
  t.is(c.get('3').log.lastIndex(), before);
  t.is(c.get('2').applied.get(lastIndex), 'after');
  // the removed member is not a voter any more and never campaigns
  c.isolate('3');
  c.tickAll(50, ['3']);
  t.is(c.node('3').status().role, 'follower');
});

test('removing the leader: it steps down after the change commits and the others elect a new leader', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.propose('1', 'a');
  c.stabilize();
  const { index } = c.node('1').proposeConfChange(cc('remove', '1'));
  c.stabilize();
  t.is(c.node('1').status().role, 'follower');
  t.is(c.leaders().length, 1, 'handed over at once with TimeoutNow, no election timeout needed');
  c.tickAll(30);
  const leaders = c.leaders();
  t.is(leaders.length, 1);
  const l = leaders[0] as string;
  t.not(l, '1');
  t.deepEqual(c.node(l).status().conf.voters, ['2', '3']);
  t.true(c.node(l).status().commit > index);
  const { lastIndex } = c.propose(l, 'b');
  c.stabilize();
  t.is(c.get(l === '2' ? '3' : '2').applied.get(lastIndex), 'b');
});

test('conf changes replay idempotently after a restart', (t) => {
  const c = clusterWithLearner();
  c.node('1').proposeConfChange(cc('promote', '4'));
  c.stabilize();
  c.node('1').proposeConfChange(cc('remove', '3'));
  c.stabilize();
  const m = c.restart('2');
  c.stabilize();
  t.deepEqual(m.node.status().conf, { voters: ['1', '2', '4'], learners: [] });
});

test('ConfChange encoding round-trips and refuses garbage', (t) => {
  const x: ConfChange = { type: 'promote', member: 'nøde-7', context: new Uint8Array([1, 2, 3]) };
  t.deepEqual(decodeConfChange(encodeConfChange(x)), x);
  t.throws(() => decodeConfChange(new Uint8Array([1])), { code: 'ERR_RAFT_CONF_CHANGE_DECODE' });
  t.throws(() => decodeConfChange(new Uint8Array([9, 1, 0, 0])), { code: 'ERR_RAFT_CONF_CHANGE_DECODE' });
  t.throws(() => decodeConfChange(new Uint8Array([1, 9, 0, 0])), { code: 'ERR_RAFT_CONF_CHANGE_DECODE' });
  t.throws(() => decodeConfChange(new Uint8Array([1, 1, 0, 5, 65])), { code: 'ERR_RAFT_CONF_CHANGE_DECODE' });
});

test('applyConfChange is idempotent and checkConfChange explains refusals', (t) => {
  const conf = { voters: ['1', '2'], learners: ['3'] };
  const promoted = applyConfChange(conf, cc('promote', '3'));
  t.deepEqual(promoted, { voters: ['1', '2', '3'], learners: [] });
  t.deepEqual(applyConfChange(promoted, cc('promote', '3')), promoted);
  t.deepEqual(applyConfChange(conf, cc('remove', '3')), { voters: ['1', '2'], learners: [] });
  t.deepEqual(applyConfChange({ voters: ['1'], learners: [] }, cc('remove', '1')), { voters: ['1'], learners: [] });
  t.is(checkConfChange(conf, cc('addLearner', '4')), undefined);
  t.regex(checkConfChange(conf, cc('addLearner', '1')) ?? '', /already a voter/);
});

test('an uncommitted membership change takes effect when appended and is reverted when truncated', (t) => {
  const c = new Cluster(['1', '2', '3'], { config: { preVote: false, checkQuorum: false } });
  c.elect('1');
  c.isolate('1');
  c.node('1').proposeConfChange(cc('addLearner', '4'));
  c.stabilize();
  t.deepEqual(c.node('1').status().confInEffect, { voters: ['1', '2', '3'], learners: ['4'] }, 'in effect once appended');
  t.deepEqual(c.node('1').status().conf, { voters: ['1', '2', '3'], learners: [] }, 'not applied');
  t.true('4' in c.node('1').status().progress, 'the leader replicates to the new learner at once');
  c.elect('2');
  t.is(c.node('2').status().role, 'leader');
  c.propose('2', 'x');
  c.stabilize();
  c.heal();
  c.tickAll(2);
  t.is(c.node('1').status().leader, '2');
  t.deepEqual(c.node('1').status().confInEffect, { voters: ['1', '2', '3'], learners: [] }, 'reverted with the truncated entry');
  t.is(c.get('1').log.term(2), 2);
});

test('a removed leader whose removal is not committed may still campaign, and completes it', (t) => {
  const c = new Cluster(['1', '2'], { config: { preVote: false } });
  c.elect('1');
  // 1 removes itself but 2 never gets the entry before 1 loses leadership.
  c.isolate('1');
  c.node('1').proposeConfChange(cc('remove', '1'));
  c.stabilize();
  t.deepEqual(c.node('1').status().confInEffect?.voters, ['2']);
  t.deepEqual(c.node('1').status().conf.voters, ['1', '2'], 'not applied: not committed');
  c.tickAll(40, ['1']); // check-quorum: 1 steps down (and then tries elections)
  t.not(c.node('1').status().role, 'leader');
  c.heal();
  // 2 needs 1's vote (2 still has {1, 2}) but its log is shorter; 1 must be able to campaign.
  c.tickAll(60);
  const leaders = c.leaders();
  t.deepEqual(leaders, ['2']);
  t.deepEqual(c.node('2').status().conf.voters, ['2']);
  t.deepEqual(c.node('1').status().conf.voters, ['2']);
});

test('a member that joins with an empty log and no membership learns the bootstrap membership from the log', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.propose('1', 'a');
  c.stabilize();
  c.addMember('4', MemoryLog.withVoters([]));
  c.node('1').proposeConfChange(cc('addLearner', '4'));
  c.stabilize();
  t.deepEqual(c.node('4').status().conf, { voters: ['1', '2', '3'], learners: ['4'] });
  c.node('1').proposeConfChange(cc('promote', '4'));
  c.stabilize();
  for (const id of ['1', '2', '3', '4']) {
    t.deepEqual(c.node(id).status().conf, { voters: ['1', '2', '3', '4'], learners: [] }, id);
  }
  t.deepEqual(c.get('4').log.initialState().conf, { voters: ['1', '2', '3', '4'], learners: [] }, 'persisted via Ready.confState');
  // and it stays right across a restart
  const m = c.restart('4');
  t.deepEqual(m.node.status().conf, { voters: ['1', '2', '3', '4'], learners: [] });
});

test('membership checkpoints encode and decode', (t) => {
  const conf = { voters: ['a', 'bé'], learners: ['c'] };
  t.deepEqual(decodeConfState(encodeConfState(conf)), conf);
  t.deepEqual(decodeConfState(encodeConfState({ voters: [], learners: [] })), { voters: [], learners: [] });
  t.throws(() => decodeConfState(new Uint8Array([2, 0, 1])), { code: 'ERR_RAFT_CONF_CHANGE_DECODE' });
  t.throws(() => decodeConfState(new Uint8Array([7])), { code: 'ERR_RAFT_CONF_CHANGE_DECODE' });
});
