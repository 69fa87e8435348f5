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
