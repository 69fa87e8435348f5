// Fast failover in virtual time: when the leader's node goes down, one member (the lowest voter id
// on a live node) campaigns at once and the others forget the leader, with staggered retries.
import test from 'ava';
import { MemoryStorage } from '@raftfleet/storage-memory';
import { Host, counterMachine } from '../src/index.js';
import { MemNet } from './helpers/memnet.js';
import { VirtualClock, drain } from './helpers/virtual-clock.js';

const TICK = 10;

async function cluster(t: { teardown(fn: () => Promise<void>): void }) {
  const clock = new VirtualClock();
  const net = new MemNet();
  const hosts = new Map<string, Host>();
  for (const id of ['a', 'b', 'c']) {
    const host = new Host({ nodeId: id, storage: MemoryStorage.open(), transport: net.wire(id), tickMs: TICK, electionTicks: 10, heartbeatTicks: 1, machines: [counterMachine], seed: 7, clock });
    await host.start();
    hosts.set(id, host);
    t.teardown(() => host.stop());
  }
  for (const h of hosts.values()) await h.createGroup('g', 'counter', { members: ['a', 'b', 'c'] });
  const step = async (ticks = 1) => {
    for (let i = 0; i < ticks; i++) {
      clock.advance(TICK);
      await drain(6);
    }
  };
  const role = (id: string) => hosts.get(id)!.status('g').role;
  return { clock, net, hosts, step, role };
}

test('a split vote between the chosen member and a late retry is settled by the chosen member within a few ticks', async (t) => {
  const { clock, net, hosts, step, role } = await cluster(t);
  hosts.get('c')!.campaign('g');
  for (let i = 0; i < 50 && role('c') !== 'leader'; i++) await step();
  t.is(role('c'), 'leader');
  await hosts.get('c')!.command('g', { op: 'inc' });
  await step(2);

  // c's node dies. b hears of it at once: it forgets c and would retry after 3 ticks. a, the chosen
  // member (lowest id), hears of it only as b's retry falls due, and campaigns in the same instant.
  net.endpoints.get('c')!.alive = false;
  net.endpoints.get('b')!.peerChange('c', false);
  await step(3);
  clock.advance(TICK);
  await drain(1); // b's retry: its pre-vote is on its way
  net.endpoints.get('a')!.peerChange('c', false);
  await drain(6);
  // Both ran pre-votes at once and granted each other's: a split vote.
  t.deepEqual([role('a'), role('b')], ['candidate', 'candidate']);

  let ticks = 0;
  while (role('a') !== 'leader' && role('b') !== 'leader' && ticks < 40) {
    await step();
    ticks++;
  }
  // Without a retry by the chosen member both wait out a randomized election timeout (10-20 ticks).
  t.true(ticks <= 6, `a leader after ${ticks} ticks`);
  t.is(role('a'), 'leader');
});

test('when the chosen member lags, a member that refuses its pre-vote campaigns at once instead of waiting for its retry', async (t) => {
  const { net, hosts, step, role } = await cluster(t);
  hosts.get('c')!.campaign('g');
  for (let i = 0; i < 50 && role('c') !== 'leader'; i++) await step();
  t.is(role('c'), 'leader');
  // a (the lowest id, so the member chosen to campaign) is cut off from the leader and falls behind.
  net.partition('a', 'c');
  for (let i = 0; i < 5; i++) await hosts.get('c')!.command('g', { op: 'inc' });
  await step(2);
  t.true(hosts.get('a')!.status('g').lastIndex < hosts.get('b')!.status('g').lastIndex, 'a lags');

  net.endpoints.get('c')!.alive = false;
  net.endpoints.get('a')!.peerChange('c', false);
  net.endpoints.get('b')!.peerChange('c', false);
  let ticks = 0;
  while (role('b') !== 'leader' && ticks < 40) {
    await step();
    ticks++;
  }
  t.is(role('b'), 'leader');
  // Waiting for its retry, b would campaign after 3 ticks at the earliest.
  t.true(ticks <= 2, `b leads after ${ticks} ticks`);
  t.is(await hosts.get('b')!.command('g', { op: 'inc' }), 6);
});
