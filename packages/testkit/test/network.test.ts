import test from 'ava';
import type { Message } from '@raftfleet/protocol';
import { Prng, VirtualNetwork, PERFECT_LINK, NetworkConfigError } from '../src/index.js';

const hb = (from: string, to: string, commit = 0): Message => ({ type: 'heartbeat', from, to, term: 1, commit, context: '' });

test('a perfect link delivers after one tick in send order', (t) => {
  const net = new VirtualNetwork(new Prng(1));
  net.send(hb('a', 'b', 1), 0);
  net.send(hb('a', 'b', 2), 0);
  t.deepEqual(net.deliverDue(0), []);
  t.deepEqual(
    net.deliverDue(1).map((m) => (m.type === 'heartbeat' ? m.commit : -1)),
    [1, 2],
  );
  t.is(net.inFlight, 0);
});

test('drop rate 1 loses everything and tells the observer', (t) => {
  const dropped: string[] = [];
  const net = new VirtualNetwork(new Prng(1), { ...PERFECT_LINK, dropRate: 1 }, { dropped: (m, why) => dropped.push(`${m.from}>${m.to}:${why}`) });
  t.is(net.send(hb('a', 'b'), 0), 'dropped');
  t.deepEqual(net.deliverDue(10), []);
  t.deepEqual(dropped, ['a>b:random']);
});

test('duplication delivers twice; delays spread messages over the range', (t) => {
  const net = new VirtualNetwork(new Prng(2), { ...PERFECT_LINK, duplicateRate: 1 });
  t.is(net.send(hb('a', 'b'), 0), 'duplicated');
  t.is(net.deliverDue(1).length, 2);
  net.setLink({ ...PERFECT_LINK, minDelay: 2, maxDelay: 6 });
  for (let i = 0; i < 200; i++) net.send(hb('a', 'b', i), 0);
  t.is(net.deliverDue(1).length, 0);
  const at = new Map<number, number>();
  for (let tick = 2; tick <= 6; tick++) at.set(tick, net.deliverDue(tick).length);
  t.is([...at.values()].reduce((x, y) => x + y, 0), 200);
  for (const n of at.values()) t.true(n > 10);
});

test('reordering lets later messages overtake earlier ones', (t) => {
  const net = new VirtualNetwork(new Prng(3), { ...PERFECT_LINK, reorderRate: 0.5, reorderDelay: 5 });
  for (let i = 0; i < 50; i++) net.send(hb('a', 'b', i), 0);
  const order: number[] = [];
  for (let tick = 1; tick <= 10; tick++) for (const m of net.deliverDue(tick)) if (m.type === 'heartbeat') order.push(m.commit);
  t.is(order.length, 50);
  t.notDeepEqual(order, [...order].sort((a, b) => a - b));
});

test('symmetric partitions block both ways, one-way blocks one, heal restores; in-flight messages are cut too', (t) => {
  const dropped: string[] = [];
  const net = new VirtualNetwork(new Prng(4), PERFECT_LINK, { dropped: (m, why) => dropped.push(`${m.from}>${m.to}:${why}`) });
  net.send(hb('a', 'c'), 0); // in flight when the partition starts
  net.partition(['a'], ['b', 'c']);
  t.true(net.isBlocked('a', 'b') && net.isBlocked('b', 'a') && net.isBlocked('c', 'a'));
  t.false(net.isBlocked('b', 'c'));
  net.send(hb('b', 'c'), 0);
  t.deepEqual(net.deliverDue(1).map((m) => `${m.from}>${m.to}`), ['b>c']);
  t.deepEqual(dropped, ['a>c:partition']);
  net.heal();
  net.blockOneWay('a', 'b');
  net.send(hb('a', 'b'), 1);
  net.send(hb('b', 'a'), 1);
  t.deepEqual(net.deliverDue(2).map((m) => `${m.from}>${m.to}`), ['b>a']);
  t.deepEqual(net.blockedLinks(), ['a>b']);
  net.heal();
  t.deepEqual(net.blockedLinks(), []);
});

test('invalid link conditions are refused with a typed error', (t) => {
  const net = new VirtualNetwork(new Prng(5));
  t.throws(() => net.setLink({ ...PERFECT_LINK, dropRate: 2 }), { instanceOf: NetworkConfigError });
  t.throws(() => net.setLink({ ...PERFECT_LINK, minDelay: 3, maxDelay: 1 }), { instanceOf: NetworkConfigError });
  t.throws(() => net.setLink({ ...PERFECT_LINK, minDelay: -1 }), { instanceOf: NetworkConfigError });
});
