import test from 'ava';
import { Prng, deriveSeed } from '../src/index.js';

test('same seed, same sequence; different seeds differ', (t) => {
  const a = new Prng(1);
  const b = new Prng(1);
  const c = new Prng(2);
  const xs = Array.from({ length: 100 }, () => a.next());
  t.deepEqual(xs, Array.from({ length: 100 }, () => b.next()));
  t.notDeepEqual(xs, Array.from({ length: 100 }, () => c.next()));
  for (const x of xs) t.true(Number.isInteger(x) && x >= 0 && x < 2 ** 32);
});

test('the sequence is pinned (changing the generator changes every recorded seed)', (t) => {
  // Recorded failing seeds are only reproducible if the generator never changes silently.
  const p = new Prng(12345);
  const first = [p.next(), p.next(), p.next()];
  const q = new Prng(12345);
  t.deepEqual(first, [q.next(), q.next(), q.next()]);
  t.snapshot(first);
});

test('int stays in range and hits both ends; float in [0, 1)', (t) => {
  const p = new Prng(9);
  const seen = new Set<number>();
  for (let i = 0; i < 2000; i++) {
    const v = p.int(3, 7);
    t.true(v >= 3 && v <= 7);
    seen.add(v);
    const f = p.float();
    t.true(f >= 0 && f < 1);
  }
  t.deepEqual([...seen].sort(), [3, 4, 5, 6, 7]);
  t.throws(() => p.int(5, 4), { instanceOf: RangeError });
  t.throws(() => p.pick([]), { instanceOf: RangeError });
});

test('roughly uniform: each of 10 buckets gets 10% ± 2% of 50,000 draws', (t) => {
  const p = new Prng(77);
  const buckets = new Array<number>(10).fill(0);
  for (let i = 0; i < 50_000; i++) buckets[p.int(0, 9)]!++;
  for (const b of buckets) t.true(b > 4000 && b < 6000, String(b));
});

test('chance respects its extremes; shuffle is a permutation', (t) => {
  const p = new Prng(5);
  for (let i = 0; i < 100; i++) {
    t.false(p.chance(0));
    t.true(p.chance(1));
  }
  const xs = Array.from({ length: 50 }, (_, i) => i);
  const ys = p.shuffle([...xs]);
  t.notDeepEqual(ys, xs);
  t.deepEqual([...ys].sort((a, b) => a - b), xs);
});

test('fork and deriveSeed give independent, reproducible streams', (t) => {
  const a = new Prng(3);
  const fa = a.fork('network');
  const b = new Prng(3);
  const fb = b.fork('network');
  t.is(fa.next(), fb.next());
  t.is(a.next(), b.next(), 'forking does not advance the parent');
  t.not(new Prng(3).fork('network').next(), new Prng(3).fork('faults').next());
  t.is(deriveSeed(1, 'x'), deriveSeed(1, 'x'));
  t.not(deriveSeed(1, 'x'), deriveSeed(1, 'y'));
  t.not(deriveSeed(1, 'x'), deriveSeed(2, 'x'));
  const rng = new Prng(8).asRng();
  t.is(rng(), new Prng(8).next());
});
