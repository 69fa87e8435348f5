import test from 'ava';
import { checkLinearizability, kvModel, HistoryRecorder, HistoryError, type KvInput, type KvOutput, type Operation, type Model } from '../src/index.js';

type Op = Operation<KvInput, KvOutput>;
const put = (clientId: number, key: string, value: string, call: number, ret?: number): Op =>
  ret === undefined ? { clientId, input: { op: 'put', key, value }, call } : { clientId, input: { op: 'put', key, value }, output: null, call, return: ret };
const append = (clientId: number, key: string, value: string, call: number, ret?: number): Op =>
  ret === undefined ? { clientId, input: { op: 'append', key, value }, call } : { clientId, input: { op: 'append', key, value }, output: null, call, return: ret };
const get = (clientId: number, key: string, value: string, call: number, ret: number): Op => ({ clientId, input: { op: 'get', key }, output: value, call, return: ret });

test('empty history is linearizable', (t) => {
  t.is(checkLinearizability(kvModel, []).verdict, 'ok');
});

test('sequential history with the right reads is linearizable', (t) => {
  const h = [put(1, 'x', 'a', 0, 1), get(2, 'x', 'a', 2, 3), append(1, 'x', 'b', 4, 5), get(2, 'x', 'ab', 6, 7)];
  t.is(checkLinearizability(kvModel, h).verdict, 'ok');
});

test('sequential history with a wrong read is not', (t) => {
  const h = [put(1, 'x', 'a', 0, 1), get(2, 'x', 'b', 2, 3)];
  const r = checkLinearizability(kvModel, h);
  t.is(r.verdict, 'illegal');
});

test('stale read: a read that starts after a write completed must see it', (t) => {
  const h = [put(1, 'x', '1', 0, 10), get(2, 'x', '', 11, 12)];
  const r = checkLinearizability(kvModel, h);
  t.is(r.verdict, 'illegal');
  if (r.verdict === 'illegal') {
    t.is(r.partition, 'x');
    t.regex(r.explanation, /get\(x\) -> ""/);
    t.regex(r.explanation, /longest valid linearization/);
  }
});

test('a read concurrent with a write may see either value', (t) => {
  t.is(checkLinearizability(kvModel, [put(1, 'x', '1', 0, 10), get(2, 'x', '', 5, 12)]).verdict, 'ok');
  t.is(checkLinearizability(kvModel, [put(1, 'x', '1', 0, 10), get(2, 'x', '1', 5, 12)]).verdict, 'ok');
});

test('reads may not go back in time (new-old inversion)', (t) => {
  // Write of 1 overlaps both reads, but once a reader saw 1 a later read cannot see the old value.
  const h = [put(1, 'x', '1', 0, 100), get(2, 'x', '1', 10, 20), get(3, 'x', '', 30, 40)];
  t.is(checkLinearizability(kvModel, h).verdict, 'illegal');
  const ok = [put(1, 'x', '1', 0, 100), get(2, 'x', '', 10, 20), get(3, 'x', '1', 30, 40)];
  t.is(checkLinearizability(kvModel, ok).verdict, 'ok');
});

test('lost update: two concurrent appends must both survive', (t) => {
  const lost = [append(1, 'x', 'a', 0, 10), append(2, 'x', 'b', 0, 10), get(3, 'x', 'b', 11, 12)];
  t.is(checkLinearizability(kvModel, lost).verdict, 'illegal');
  t.is(checkLinearizability(kvModel, [append(1, 'x', 'a', 0, 10), append(2, 'x', 'b', 0, 10), get(3, 'x', 'ba', 11, 12)]).verdict, 'ok');
  t.is(checkLinearizability(kvModel, [append(1, 'x', 'a', 0, 10), append(2, 'x', 'b', 0, 10), get(3, 'x', 'ab', 11, 12)]).verdict, 'ok');
});

test('an appended value may not appear twice (a retried command applied twice)', (t) => {
  const h = [append(1, 'x', 'a', 0, 10), get(2, 'x', 'aa', 11, 12)];
  t.is(checkLinearizability(kvModel, h).verdict, 'illegal');
});

test('a pending write may take effect later, or never', (t) => {
  // Never returned, yet seen: fine.
  t.is(checkLinearizability(kvModel, [put(1, 'x', '1', 0), get(2, 'x', '1', 50, 60)]).verdict, 'ok');
  // Never returned, never seen: fine too.
  t.is(checkLinearizability(kvModel, [put(1, 'x', '1', 0), get(2, 'x', '', 50, 60)]).verdict, 'ok');
  // Seen, then unseen: not fine, whatever time the pending write is placed at.
  t.is(checkLinearizability(kvModel, [put(1, 'x', '1', 0), get(2, 'x', '1', 50, 60), get(2, 'x', '', 70, 80)]).verdict, 'illegal');
});

test('a pending write cannot take effect before its call', (t) => {
  t.is(checkLinearizability(kvModel, [get(2, 'x', '1', 0, 5), put(1, 'x', '1', 10)]).verdict, 'illegal');
});

test('pending reads are ignored', (t) => {
  const h: Op[] = [put(1, 'x', '1', 0, 1), { clientId: 2, input: { op: 'get', key: 'x' }, call: 2 }];
  const r = checkLinearizability(kvModel, h);
  t.is(r.verdict, 'ok');
  if (r.verdict === 'ok') t.is(r.operations, 1);
});

test('keys are checked independently and the failing key is named', (t) => {
  const h = [put(1, 'x', '1', 0, 1), put(1, 'y', '2', 2, 3), get(2, 'x', '1', 4, 5), get(2, 'y', '1', 6, 7)];
  const r = checkLinearizability(kvModel, h);
  t.is(r.verdict, 'illegal');
  if (r.verdict === 'illegal') t.is(r.partition, 'y');
});

test('touching intervals count as concurrent', (t) => {
  // The read returns at the instant the write is called: they may be ordered either way.
  t.is(checkLinearizability(kvModel, [get(2, 'x', '1', 0, 10), put(1, 'x', '1', 10, 20)]).verdict, 'ok');
});

test('a tiny search budget yields unknown, not a wrong verdict', (t) => {
  const h: Op[] = [];
  for (let i = 0; i < 6; i++) h.push(append(i, 'x', String.fromCharCode(97 + i), 0, 100));
  h.push(get(99, 'x', 'fedcba', 101, 102));
  t.is(checkLinearizability(kvModel, h, { maxSteps: 50 }).verdict, 'unknown');
  t.is(checkLinearizability(kvModel, h).verdict, 'ok');
});

test('many concurrent reads resolve through memoization', (t) => {
  // 12 overlapping reads, one of a value never written: without memoization on
  // (linearized set, state) the search would try 12! orders before giving up.
  const h: Op[] = [put(1, 'x', '1', 0, 100)];
  for (let i = 0; i < 12; i++) h.push(get(10 + i, 'x', i % 2 === 0 ? '' : '1', 1, 99));
  t.is(checkLinearizability(kvModel, h).verdict, 'ok');
  h.push(get(99, 'x', 'z', 1, 99));
  t.is(checkLinearizability(kvModel, h).verdict, 'illegal');
});

test('a randomly generated sequential history with an injected fault is caught', (t) => {
  // Deterministic pseudo-random sequential runs: correct ones pass, one corrupted read fails.
  for (let seed = 1; seed <= 50; seed++) {
    let s = seed;
    const rnd = (n: number): number => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return (s >>> 8) % n;
    };
    const state = new Map<string, string>();
    const h: Op[] = [];
    let time = 0;
    for (let i = 0; i < 30; i++) {
      const key = ['a', 'b'][rnd(2)]!;
      const k = rnd(3);
      if (k === 0) h.push(get(rnd(3), key, state.get(key) ?? '', time, time + 1));
      else if (k === 1) {
        const v = String(i);
        state.set(key, v);
        h.push(put(rnd(3), key, v, time, time + 1));
      } else {
        const v = String(i);
        state.set(key, (state.get(key) ?? '') + v);
        h.push(append(rnd(3), key, v, time, time + 1));
      }
      time += 2;
    }
    t.is(checkLinearizability(kvModel, h).verdict, 'ok', `seed ${seed}`);
    const reads = h.filter((o) => o.input.op === 'get');
    if (reads.length > 0) {
      const victim = reads[rnd(reads.length)]!;
      victim.output = `${String(victim.output)}!`;
      t.is(checkLinearizability(kvModel, h).verdict, 'illegal', `seed ${seed}`);
    }
  }
});

test('a custom model without partitioning works (register with cas)', (t) => {
  type In = { op: 'cas'; from: number; to: number } | { op: 'read' };
  const register: Model<number, In, boolean | number> = {
    init: () => 0,
    step(state, input, output) {
      if (input.op === 'read') return { ok: output === undefined || output === state, state };
      const ok = state === input.from;
      return { ok: output === undefined || output === ok, state: ok ? input.to : state };
    },
    stateKey: String,
    describeOperation: (i, o) => `${JSON.stringify(i)} -> ${String(o)}`,
    describeState: String,
  };
  const h: Operation<In, boolean | number>[] = [
    { clientId: 1, input: { op: 'cas', from: 0, to: 1 }, output: true, call: 0, return: 5 },
    { clientId: 2, input: { op: 'cas', from: 0, to: 2 }, output: true, call: 0, return: 5 },
  ];
  t.is(checkLinearizability(register, h).verdict, 'illegal');
  h[1]!.output = false;
  t.is(checkLinearizability(register, h).verdict, 'ok');
});

test('the history recorder tracks pending operations and rejects misuse', (t) => {
  const rec = new HistoryRecorder<KvInput, KvOutput>();
  const a = rec.invoke(1, { op: 'put', key: 'x', value: '1' }, 0);
  const b = rec.invoke(2, { op: 'get', key: 'x' }, 1);
  rec.complete(a, null, 3);
  const h = rec.history();
  t.is(h.length, 2);
  t.is(h[0]!.return, 3);
  t.is(h[1]!.return, undefined);
  t.throws(() => rec.complete(a, null, 4), { instanceOf: HistoryError });
  t.throws(() => rec.complete(b, '1', 0), { instanceOf: HistoryError });
  t.throws(() => rec.complete(7, '1', 9), { instanceOf: HistoryError });
});
