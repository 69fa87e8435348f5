import test from 'ava';
import { Cluster } from './harness.js';
import type { Message } from '@raftfleet/protocol';
import { ProposalDroppedError } from '../src/index.js';

test('leadership transfer to an up-to-date follower sends TimeoutNow and the target wins', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.propose('1', 'a');
  c.stabilize();
  c.node('1').transferLeadership('2');
  const rd = c.handleReady('1')!;
  t.deepEqual(rd.messages.map((m) => [m.type, m.to]), [['timeoutNow', '2']]);
  c.stabilize();
  t.deepEqual(c.leaders(), ['2']);
  t.is(c.node('2').status().term, 2);
  t.is(c.node('1').status().leader, '2');
  t.is(c.node('1').status().leadTransferee, '');
});

test('a lagging target is first brought up to date, then gets TimeoutNow', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.cut.add('1|3');
  for (let i = 0; i < 5; i++) c.propose('1', `x${i}`);
  c.stabilize();
  c.heal();
  c.node('1').transferLeadership('3');
  t.is(c.node('1').status().leadTransferee, '3');
  const rd = c.handleReady('1')!;
  t.false(rd.messages.some((m) => m.type === 'timeoutNow'));
  t.true(rd.messages.some((m) => m.type === 'append' && m.to === '3'));
  c.stabilize();
  t.deepEqual(c.leaders(), ['3']);
  t.deepEqual([...c.get('3').applied.values()], ['x0', 'x1', 'x2', 'x3', 'x4']);
});

/** Leader '1', follower '2' cut off and one entry behind, a transfer to '2' under way (timeout 5 ticks). */
function transferToLaggard(): Cluster {
  const c = new Cluster(['1', '2', '3'], { config: { transferTimeoutTick: 5, electionTick: 10 } });
  c.elect('1');
  c.isolate('2');
  c.propose('1', 'a');
  c.stabilize();
  c.node('1').transferLeadership('2');
  return c;
}

test('proposals are refused while a transfer is in progress, and the transfer is abandoned after its timeout', (t) => {
  const c = transferToLaggard();
  const err = t.throws(() => c.propose('1', 'b'), { instanceOf: ProposalDroppedError });
  t.is(err?.reason, 'transferring');
  t.is(err?.leader, '2');
  t.throws(() => c.node('1').proposeConfChange({ type: 'addLearner', member: '9', context: new Uint8Array() }), {
    instanceOf: ProposalDroppedError,
  });
  c.tickAll(4, ['1']);
  t.is(c.node('1').status().leadTransferee, '2');
  c.tickAll(1, ['1']);
  t.is(c.node('1').status().leadTransferee, '');
  t.is(c.node('1').status().role, 'leader');
  t.notThrows(() => c.propose('1', 'c'));
});

/** A transfer to '2', which catches up only when the transfer is 4 of its 5 ticks old; TimeoutNow is held back. */
function lateCatchUp(t: { is(a: unknown, b: unknown): void }): { c: Cluster; held: Message[] } {
  const c = transferToLaggard();
  c.tickAll(3, ['1']);
  c.heal();
  const held: Message[] = [];
  c.filter = (m) => {
    if (m.type !== 'timeoutNow') return true;
    held.push(m);
    return false;
  };
  // The fourth tick's heartbeat finds '2' again; it catches up and the leader sends TimeoutNow.
  c.tickAll(1, ['1']);
  c.filter = undefined;
  t.is(held.length, 1);
  return { c, held };
}

test('a TimeoutNow sent just before the transfer times out gives the target a whole timeout to win', (t) => {
  const { c, held } = lateCatchUp(t);
  // The transfer's first timeout falls due: the leader keeps refusing proposals, so the target's
  // log stays as long as the leader's and its campaign can win.
  c.tickAll(1, ['1']);
  t.is(c.node('1').status().leadTransferee, '2');
  t.throws(() => c.propose('1', 'b'), { instanceOf: ProposalDroppedError });
  c.queue.push(...held);
  c.stabilize();
  t.deepEqual(c.leaders(), ['2']);
  t.is(c.node('2').status().term, 2);
});

test('a transfer whose TimeoutNow was lost is abandoned a whole timeout after it was sent', (t) => {
  const { c } = lateCatchUp(t);
  c.tickAll(4, ['1']);
  t.is(c.node('1').status().leadTransferee, '2');
  c.tickAll(1, ['1']);
  t.is(c.node('1').status().leadTransferee, '');
  t.deepEqual(c.leaders(), ['1']);
  t.notThrows(() => c.propose('1', 'c'));
});

test('transfer to itself, to a learner or to a stranger is ignored; a second target supersedes the first', (t) => {
  const c = new Cluster(['1', '2', '3'], { learners: ['4'] });
  c.elect('1');
  c.isolate('2');
  c.isolate('3');
  c.propose('1', 'a');
  c.stabilize();
  c.node('1').transferLeadership('1');
  c.node('1').transferLeadership('4');
  c.node('1').transferLeadership('9');
  t.is(c.node('1').status().leadTransferee, '');
  c.node('1').transferLeadership('2');
  c.node('1').transferLeadership('3');
  t.is(c.node('1').status().leadTransferee, '3');
  c.node('1').transferLeadership('1');
  t.is(c.node('1').status().leadTransferee, '', 'asking for the leader itself cancels');
});

test('a TimeoutNow campaign overrides leader stickiness on the other followers', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.tickAll(1); // every follower heard from 1 just now
  c.node('1').transferLeadership('3');
  c.stabilize();
  t.deepEqual(c.leaders(), ['3']);
});
