import test from 'ava';
import { Cluster } from './harness.js';

const allIdle = (c: Cluster): boolean => [...c.members.values()].every((m) => m.node.isIdle());

test('a settled group is idle on every member; work makes it busy until it settles again', (t) => {
  const c = new Cluster(['1', '2', '3']);
  t.false(c.node('1').isIdle(), 'no leader yet');
  c.elect('1');
  c.tickAll(1);
  t.true(allIdle(c));
  t.true(c.node('1').status().idle);
  c.propose('1', 'x');
  t.false(c.node('1').isIdle());
  c.handleReady('1');
  t.false(c.node('1').isIdle(), 'followers do not have the entry yet');
  c.stabilize();
  t.true(c.node('1').isIdle());
  c.cut.add('1|3');
  c.propose('1', 'y');
  c.stabilize();
  t.false(c.node('1').isIdle(), 'a follower lags behind');
  c.heal();
  c.tickAll(1);
  t.false(c.node('1').isIdle(), 'its lost append went out this round: no heartbeat yet');
  c.tickAll(1);
  t.true(allIdle(c));
});

test('pending reads and transfers keep the leader busy', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.isolate('1');
  c.node('1').readIndex('r');
  c.stabilize();
  t.false(c.node('1').isIdle());
  c.heal();
  c.tickAll(1);
  t.true(c.node('1').isIdle());
  c.isolate('2');
  c.node('1').transferLeadership('2');
  c.stabilize();
  t.false(c.node('1').isIdle());
});

test('lease mode is never idle (its lease is measured in ticks)', (t) => {
  const c = new Cluster(['1', '2', '3'], { config: { readOnly: 'lease' } });
  c.elect('1');
  c.tickAll(1);
  t.false(c.node('1').isIdle());
  t.true(c.node('2').isIdle());
});

test('not ticking an idle group is safe: it resumes on the next proposal and after a leader failure', (t) => {
  const c = new Cluster(['1', '2', '3'], { seed: 9 });
  c.elect('1');
  c.tickAll(1);
  t.true(allIdle(c));
  // A long quiet period: no ticks at all. Nothing happens and nothing is owed.
  for (const m of c.members.values()) t.false(m.node.hasReady());
  // New work on the leader: the runtime resumes ticking, the group carries on in the same term.
  const { lastIndex } = c.propose('1', 'after-quiet');
  c.stabilize();
  c.tickAll(3);
  t.is(c.get('3').applied.get(lastIndex), 'after-quiet');
  t.is(c.node('1').status().term, 1);
  // The leader's node dies while idle; the runtime (node-level liveness) wakes the followers.
  c.tickAll(1);
  t.true(allIdle(c));
  c.isolate('1');
  for (let i = 0; i < 100 && c.leaders().every((l) => l === '1'); i++) c.tickAll(1, ['2', '3']);
  const l = c.leaders().find((x) => x !== '1');
  t.truthy(l);
});

test('a member that campaigns while its group sleeps is told who leads by the leader it cannot depose', (t) => {
  const c = new Cluster(['1', '2', '3'], { config: { electionTick: 10, electionJitterTick: 0 } });
  c.elect('1');
  c.tickAll(1);
  t.true(allIdle(c));
  // The group sleeps, only member 3 ticks (as after a partition that healed while the others slept):
  // it times out and pre-votes.
  c.tick('3', 10);
  const campaign = c.handleReady('3');
  t.deepEqual(campaign?.messages.map((m) => [m.type, m.to]).sort(), [['preVote', '1'], ['preVote', '2']]);
  t.is(c.node('3').status().role, 'preCandidate');
  c.deliverRound();
  // Member 2 still follows the leader within its lease: it does not help, but it is no longer idle
  // (it must keep ticking until it hears from the leader or the lease runs out).
  const follower = c.handleReady('2');
  t.deepEqual(follower?.messages ?? [], [], 'a follower in lease says nothing');
  t.false(c.node('2').isIdle(), 'a follower that saw a campaign is not idle');
  // The leader answers with a heartbeat round.
  const leader = c.handleReady('1');
  t.deepEqual(leader?.messages.map((m) => [m.type, m.to]).sort(), [['heartbeat', '2'], ['heartbeat', '3']]);
  c.stabilize();
  const s = c.node('3').status();
  t.is(s.role, 'follower');
  t.is(s.leader, '1');
  t.is(s.term, 1, 'no term was spent');
  t.true(allIdle(c), 'the group can sleep again');
});

test("members that sleep within a gone leader's lease let its successor be elected", (t) => {
  const c = new Cluster(['1', '2', '3'], { config: { electionTick: 10, electionJitterTick: 0 } });
  c.elect('1');
  c.tickAll(1);
  t.true(allIdle(c));
  // The leader is gone without its node being reported down; member 3 alone ticks and campaigns.
  // Member 2 sleeps (is not ticked) except when it has work: without campaignSeen its lease would
  // never run out and it would ignore every pre-vote.
  c.isolate('1');
  let rounds = 0;
  while (c.leaders().filter((id) => id !== '1').length === 0 && rounds++ < 100) {
    c.tick('3');
    if (!c.node('2').isIdle()) c.tick('2');
    c.stabilize();
  }
  t.true(rounds < 100, 'a new leader was elected');
  t.true(['2', '3'].includes(c.leaders().find((id) => id !== '1') ?? ''), `leaders ${c.leaders().join()}`);
});
