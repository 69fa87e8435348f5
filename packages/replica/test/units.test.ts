import test from 'ava';
import { decode as standardDecode, encode as standardEncode } from '@msgpack/msgpack';
import fc from 'fast-check';
import { ClientTable } from '../src/client-table.js';
import { decodeBatch, decodeCommand, encodeBatch, encodeCommand, isBatch } from '../src/envelope.js';
import { jsonCodec, msgpackCodec } from '../src/index.js';
import { internalCodec } from '../src/codec.js';

test('command records round-trip (property)', (t) => {
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), fc.nat({ max: Number.MAX_SAFE_INTEGER }), fc.uint8Array({ maxLength: 200 }), (clientId, seq, payload) => {
      const back = decodeCommand(encodeCommand({ clientId, seq, payload }));
      return back.clientId === clientId && back.seq === seq && Buffer.from(back.payload).equals(Buffer.from(payload));
    }),
    { seed: 42, numRuns: 500 },
  );
  t.throws(() => decodeCommand(new Uint8Array([9, 0, 0])));
  t.throws(() => decodeCommand(new Uint8Array([1, 0, 50, 0, 0, 0, 0, 0, 0, 0, 0])));
});

test('codecs round-trip their values', (t) => {
  const v = { a: [1, 'x', null], o: { k: 2 }, n: 2 ** 40, t: true };
  t.deepEqual(msgpackCodec.decode(msgpackCodec.encode(v)), v);
  t.deepEqual([...msgpackCodec.decode(msgpackCodec.encode(new Uint8Array([1, 2])))], [1, 2]);
  // Objects with more keys than a 16-bit map header holds still encode (a large state or answer).
  const wide = Object.fromEntries(Array.from({ length: 70_000 }, (_, i) => [`k${i}`, i]));
  for (const codec of [msgpackCodec, internalCodec]) t.deepEqual(codec.decode(codec.encode(wide)), wide);
  // Standard msgpack: any other msgpack library (the client SDK's) reads the bytes alike.
  t.deepEqual(standardDecode(msgpackCodec.encode(v)), v);
  t.deepEqual(msgpackCodec.decode(standardEncode(v)), v);
  // Encoding is independent of what was encoded before (members must agree on bytes).
  const first = msgpackCodec.encode({ q: 1 });
  for (let i = 0; i < 50; i++) msgpackCodec.encode({ [`k${i}`]: i });
  t.deepEqual(msgpackCodec.encode({ q: 1 }), first);
  t.deepEqual(jsonCodec.decode(jsonCodec.encode({ a: [1, 'x', null] })), { a: [1, 'x', null] });
  t.is(jsonCodec.decode(jsonCodec.encode(undefined)), null);
});

test('retained results: lookup, eviction raises the floor, image round-trips', (t) => {
  const table = new ClientTable(3);
  table.record('a', 1, { ok: true, result: 10 });
  table.record('a', 2, { ok: true, result: 20 });
  table.record('b', 1, { ok: false, errorName: 'E', message: 'm' });
  t.deepEqual(table.lookup('a', 1), { ok: true, result: 10 });
  t.is(table.lookup('a', 3), undefined);
  table.record('a', 3, { ok: true, result: 30 }); // evicts a#1
  t.is(table.size, 3);
  t.is(table.lookup('a', 1), 'stale');
  t.deepEqual(table.lookup('a', 3), { ok: true, result: 30 });
  const copy = ClientTable.fromImage(table.toImage(), 3);
  t.deepEqual(copy.toImage(), table.toImage());
  t.is(copy.lookup('a', 1), 'stale');
  t.deepEqual(copy.lookup('b', 1), { ok: false, errorName: 'E', message: 'm' });
});

test('retained results agree with a simple model (property)', (t) => {
  t.notThrows(() =>
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 1, max: 40 })), { maxLength: 200 }), fc.integer({ min: 1, max: 12 }), (ops, cap) => {
        const table = new ClientTable(cap);
        // Model: the last `cap` recorded (client, seq) pairs are retained; an evicted seq raises its client's floor.
        const retained: Array<[string, number]> = [];
        const floors = new Map<string, number>();
        for (const [c, s] of ops) {
          const inModel = retained.some(([rc, rs]) => rc === c && rs === s);
          const expected = inModel ? 'hit' : s <= (floors.get(c) ?? 0) ? 'stale' : 'miss';
          const got = table.lookup(c, s);
          const actual = got === undefined ? 'miss' : got === 'stale' ? 'stale' : 'hit';
          if (expected !== actual) return false;
          if (actual === 'miss') {
            table.record(c, s, { ok: true, result: s });
            retained.push([c, s]);
            if (retained.length > cap) {
              const [ec, es] = retained.shift()!;
              floors.set(ec, Math.max(floors.get(ec) ?? 0, es));
            }
          }
        }
        return table.size === retained.length;
      }),
      { seed: 7, numRuns: 300 },
    ),
  );
});

test('command batches round-trip and reject truncation (property)', (t) => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 30 }), (records) => {
      const back = decodeBatch(encodeBatch(records));
      return back.length === records.length && back.every((r, i) => Buffer.from(r).equals(Buffer.from(records[i]!)));
    }),
    { seed: 11, numRuns: 300 },
  );
  const full = encodeBatch([new Uint8Array([1, 2, 3]), new Uint8Array([4])]);
  t.true(isBatch(full));
  t.throws(() => decodeBatch(full.subarray(0, full.length - 1)));
  t.false(isBatch(encodeCommand({ clientId: 'c', seq: 1, payload: new Uint8Array([2]) })));
});
