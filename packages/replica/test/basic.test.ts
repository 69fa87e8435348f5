import test from 'ava';
import { CommandFailedError, ConfigError, NotLeaderError, counterMachine, queueMachine, type StateMachine } from '../src/index.js';
import { Cluster } from './helpers/cluster.js';

const thrower: StateMachine<number, { fail: boolean; add: number }, number, 'get', number> = {
  name: 'thrower',
  init: () => 0,
  command(state, cmd) {
    if (cmd.fail) throw new RangeError(`refused ${cmd.add}`);
    return { result: state + cmd.add, state: state + cmd.add };
  },
  query: (s) => s,
};

async function threeNodes(t: { teardown(fn: () => Promise<void>): void }, extra = {}) {
  const c = new Cluster([counterMachine, queueMachine, thrower], extra);
  for (const id of ['a', 'b', 'c']) await c.add(id);
  t.teardown(() => c.stopAll());
  return c;
}

test('a 3-member group elects one leader and applies commands on every member', async (t) => {
  const c = await threeNodes(t);
  for (const n of c.nodes.values()) await n.host.createGroup('g', 'counter', { members: ['a', 'b', 'c'] });
  const leader = await c.leader('g');
  t.is(await leader.host.command('g', { op: 'inc', by: 5 }), 5);
  t.is(await leader.host.command('g', { op: 'inc' }), 6);
  t.is(await leader.host.query('g', 'get'), 6);
  const applied = leader.host.status('g').applied;
  await c.until(() => [...c.nodes.values()].every((n) => n.host.status('g').applied >= applied), 3000, 'followers applied');
  for (const n of c.nodes.values()) t.is(await n.host.query('g', 'get', { consistency: 'stale' }), 6);
});

test('a follower refuses commands with a leader hint', async (t) => {
  const c = await threeNodes(t);
  for (const n of c.nodes.values()) await n.host.createGroup('g', 'counter', { members: ['a', 'b', 'c'] });
  const leader = await c.leader('g');
  await leader.host.command('g', { op: 'inc' });
  const follower = [...c.nodes.values()].find((n) => n !== leader)!;
  await c.until(() => follower.host.status('g').leader !== '', 3000, 'follower knows leader');
  const err = await t.throwsAsync(follower.host.command('g', { op: 'inc' }), { instanceOf: NotLeaderError });
  t.is(err?.leaderNode, leader.id);
  t.is(err?.leader, leader.host.status('g').member);
});

test('retried commands with the same clientId and seq are applied once', async (t) => {
  const c = await threeNodes(t);
  for (const n of c.nodes.values()) await n.host.createGroup('q', 'queue', { members: ['a', 'b', 'c'] });
  const leader = await c.leader('q');
  const first = await leader.host.command('q', { op: 'enqueue', item: 'x' }, { clientId: 'cli', seq: 1 });
  const again = await leader.host.command('q', { op: 'enqueue', item: 'x' }, { clientId: 'cli', seq: 1 });
  const both = await Promise.all([
    leader.host.command('q', { op: 'enqueue', item: 'y' }, { clientId: 'cli', seq: 2 }),
    leader.host.command('q', { op: 'enqueue', item: 'y' }, { clientId: 'cli', seq: 2 }),
  ]);
  t.is(first, 1);
  t.is(again, 1);
  t.deepEqual(both, [2, 2]);
  t.deepEqual(await leader.host.query('q', 'all'), ['x', 'y']);
});

test('acknowledged results are dropped on every member; a late copy of one is refused, not applied', async (t) => {
  const c = await threeNodes(t);
  for (const n of c.nodes.values()) await n.host.createGroup('k', 'counter', { members: ['a', 'b', 'c'] });
  const leader = await c.leader('k');
  // 200 commands, 8 in flight at a time, each acknowledging every seq below the oldest still waiting.
  const waiting = new Set<number>();
  let next = 1;
  const worker = async (): Promise<void> => {
    while (next <= 200) {
      const seq = next++;
      waiting.add(seq);
      await leader.host.command('k', { op: 'inc' }, { clientId: 'cli', seq, acked: Math.min(...waiting) });
      waiting.delete(seq);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  await leader.host.command('k', { op: 'inc' }, { clientId: 'cli', seq: 201, acked: 201 });
  for (const n of c.nodes.values()) await c.until(() => n.host.status('k').applied === leader.host.status('k').commit, 3000, `${n.id} applies`);
  for (const n of c.nodes.values()) t.is(n.host.status('k').retainedResults, 1, `${n.id} keeps only the newest result`);
  // A late copy of an acknowledged command: refused as stale, the counter unchanged.
  const stale = await t.throwsAsync(leader.host.command('k', { op: 'inc' }, { clientId: 'cli', seq: 17 }), { instanceOf: CommandFailedError });
  t.is(stale?.errorName, 'StaleCommandError');
  t.is(await leader.host.query('k', null), 201);
  // The newest is still deduplicated, and an acknowledgement above the command's own seq is refused.
  t.is(await leader.host.command('k', { op: 'inc' }, { clientId: 'cli', seq: 201 }), 201);
  await t.throwsAsync(leader.host.command('k', { op: 'inc' }, { clientId: 'cli', seq: 202, acked: 203 }), { instanceOf: ConfigError });
});

test('a throwing state machine yields CommandFailedError and leaves the state unchanged everywhere', async (t) => {
  const c = await threeNodes(t);
  for (const n of c.nodes.values()) await n.host.createGroup('t', 'thrower', { members: ['a', 'b', 'c'] });
  const leader = await c.leader('t');
  await leader.host.command('t', { fail: false, add: 2 });
  const err = await t.throwsAsync(leader.host.command('t', { fail: true, add: 40 }), { instanceOf: CommandFailedError });
  t.is(err?.errorName, 'RangeError');
  t.is(err?.message, 'refused 40');
  t.is(await leader.host.command('t', { fail: false, add: 1 }), 3);
  const applied = leader.host.status('t').applied;
  await c.until(() => [...c.nodes.values()].every((n) => n.host.status('t').applied >= applied), 3000, 'applied');
  for (const n of c.nodes.values()) t.is(await n.host.query('t', 'get', { consistency: 'stale' }), 3);
});
