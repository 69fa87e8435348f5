import test from 'ava';
import fc from 'fast-check';
import type { Entry } from '@raftfleet/protocol';
import { CompactedError, LogMutationError, MemoryLog, UnavailableError } from '../src/index.js';

const e = (index: number, term: number, data = ''): Entry => ({ index, term, type: 0, data: new TextEncoder().encode(data) });

test('an empty log answers term(0) and has first 1 / last 0', (t) => {
  const log = MemoryLog.withVoters(['1', '2'], ['3']);
  t.is(log.firstIndex(), 1);
  t.is(log.lastIndex(), 0);
  t.is(log.term(0), 0);
  t.deepEqual(log.initialState(), { hardState: { term: 0, vote: '', commit: 0 }, conf: { voters: ['1', '2'], learners: ['3'] } });
  t.throws(() => log.term(1), { instanceOf: UnavailableError });
});

test('append truncates a conflicting suffix', (t) => {
  const log = new MemoryLog();
  log.append([e(1, 1), e(2, 1), e(3, 1)]);
  log.append([e(2, 2)]);
  t.is(log.lastIndex(), 2);
  t.is(log.term(2), 2);
  t.throws(() => log.append([e(5, 2)]), { instanceOf: LogMutationError });
});

test('entries respect maxBytes but return at least one entry', (t) => {
  const log = new MemoryLog();
  log.append([e(1, 1, 'aaaa'), e(2, 1, 'bbbb'), e(3, 1, 'cccc')]);
  t.is(log.entries(1, 4, 0).length, 1);
  t.is(log.entries(1, 4, 8).length, 2);
  t.is(log.entries(1, 4, 100).length, 3);
  t.throws(() => log.entries(1, 5, 100), { instanceOf: UnavailableError });
});

test('createSnapshot + compact drop the prefix; the snapshot index still answers term()', (t) => {
  const log = new MemoryLog({ conf: { voters: ['1'], learners: [] } });
  log.append([e(1, 1), e(2, 1), e(3, 2), e(4, 2)]);
  const s = log.createSnapshot(3, { voters: ['1', '2'], learners: [] }, new Uint8Array([9]));
  t.deepEqual(s.meta, { index: 3, term: 2, conf: { voters: ['1', '2'], learners: [] } });
  t.throws(() => log.compact(4), { instanceOf: LogMutationError }, 'not beyond the snapshot');
  log.compact(3);
  t.is(log.firstIndex(), 4);
  t.is(log.term(3), 2);
  t.throws(() => log.term(2), { instanceOf: CompactedError });
  t.throws(() => log.entries(3, 5, 100), { instanceOf: CompactedError });
  t.deepEqual(log.entries(4, 5, 100).map((x) => x.index), [4]);
  t.deepEqual(log.snapshot().meta.conf, { voters: ['1', '2'], learners: [] });
  t.deepEqual(log.initialState().conf, { voters: ['1'], learners: [] }, 'the applied conf is what setConf recorded');
  t.throws(() => log.createSnapshot(2, { voters: [], learners: [] }, new Uint8Array()), { instanceOf: LogMutationError });
});

test('applySnapshot replaces the log and refuses older snapshots', (t) => {
  const log = new MemoryLog();
  log.append([e(1, 1), e(2, 1)]);
  log.applySnapshot({ meta: { index: 10, term: 3, conf: { voters: ['a'], learners: [] } }, data: new Uint8Array() });
  t.is(log.firstIndex(), 11);
  t.is(log.lastIndex(), 10);
  t.is(log.term(10), 3);
  t.is(log.hardState().commit, 10);
  log.append([e(9, 3), e(10, 3), e(11, 3)]); // overlapping prefix is skipped
  t.is(log.lastIndex(), 11);
  t.throws(() => log.applySnapshot({ meta: { index: 5, term: 1, conf: { voters: [], learners: [] } }, data: new Uint8Array() }), {
    instanceOf: LogMutationError,
  });
});

test('property: after any sequence of appends the log equals a reference model', (t) => {
  t.notThrows(() =>
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(20), n: fc.integer({ min: 1, max: 5 }), term: fc.integer({ min: 1, max: 9 }) }), { maxLength: 30 }),
        (ops) => {
          const log = new MemoryLog();
          let model: number[] = []; // model[i] = term of index i+1
          for (const op of ops) {
            const first = Math.min(op.at, model.length) + 1;
            const ents = Array.from({ length: op.n }, (_, k) => e(first + k, op.term));
            log.append(ents);
            model = [...model.slice(0, first - 1), ...ents.map((x) => x.term)];
          }
          if (log.lastIndex() !== model.length) return false;
          return model.every((term, i) => log.term(i + 1) === term);
        },
      ),
      { seed: 20261123 },
    ),
  );
});
