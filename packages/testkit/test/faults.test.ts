import test from 'ava';
import { Prng, generateFaultSchedule, parseFaultKinds, FaultKindError, FAULT_KINDS, describeFault } from '../src/index.js';

test('parseFaultKinds accepts lists and all, refuses unknown names', (t) => {
  t.deepEqual(parseFaultKinds('drop, crash'), ['drop', 'crash']);
  t.deepEqual(parseFaultKinds('all'), [...FAULT_KINDS]);
  t.deepEqual(parseFaultKinds(''), []);
  const e = t.throws(() => parseFaultKinds('drop,meteor'), { instanceOf: FaultKindError });
  t.is(e?.kind, 'meteor');
});

test('schedules are reproducible from the seed, sorted, and use only the kinds asked for', (t) => {
  const opts = { kinds: ['drop', 'crash'] as const, duration: 500, electionTick: 10 };
  const a = generateFaultSchedule(new Prng(1), { ...opts, kinds: [...opts.kinds] });
  const b = generateFaultSchedule(new Prng(1), { ...opts, kinds: [...opts.kinds] });
  t.deepEqual(a, b);
  t.true(a.length > 0);
  for (let i = 1; i < a.length; i++) t.true(a[i]!.tick >= a[i - 1]!.tick);
  for (const e of a) {
    t.true(e.tick < 500);
    t.true(e.kind === 'link' || e.kind === 'crash', e.kind);
    if (e.kind === 'link') {
      t.is(e.link.duplicateRate, 0);
      t.is(e.link.maxDelay, 1);
    }
    t.true(describeFault(e).length > 0);
  }
  t.true(a.some((e) => e.kind === 'crash'));
});

test('no kinds, no trouble', (t) => {
  const s = generateFaultSchedule(new Prng(2), { kinds: [], duration: 300, electionTick: 10 });
  for (const e of s) {
    t.is(e.kind, 'link');
    if (e.kind === 'link') t.deepEqual([e.link.dropRate, e.link.duplicateRate, e.link.reorderRate, e.link.maxDelay], [0, 0, 0, 1]);
  }
});
