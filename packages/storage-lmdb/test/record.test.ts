// Write-ahead log record payloads: every op kind round-trips in the binary form, the older msgpack
// form still decodes, and a damaged payload throws instead of yielding wrong ops.
import test from 'ava';
import fc from 'fast-check';
import { Packr } from 'msgpackr';
import { decodeRecord, encodeRecord, type RecordOp } from '../src/record.js';

const int = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const op: fc.Arbitrary<RecordOp> = fc.oneof(
  fc.record({ k: fc.constant('putLog'), id: int, from: int, values: fc.array(fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)), { maxLength: 5 }) }),
  fc.record({ k: fc.constant('delLog'), id: int, from: int, to: int }),
  fc.record({ k: fc.constant('delSnap'), id: int, gen: int, chunks: int }),
  fc.record({ k: fc.constant('put'), db: fc.constant('meta'), key: fc.tuple(fc.constant('g'), fc.string()), value: fc.record({ id: int, ci: int, hs: fc.constant(null) }) }),
  fc.record({ k: fc.constant('del'), db: fc.constant('snap'), key: fc.uint8Array({ minLength: 1, maxLength: 16 }).map((b) => Buffer.from(b)) }),
);

/** Buffers as plain byte arrays, so that views and copies compare equal. */
function plain(v: unknown): unknown {
  if (v instanceof Uint8Array) return [...v];
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

test('every op kind round-trips, after the space left for the header', (t) => {
  fc.assert(
    fc.property(int, fc.array(op, { maxLength: 8 }), fc.nat({ max: 16 }), (seq, ops, header) => {
      const buf = encodeRecord(seq, ops, header);
      t.is(buf[header], 1, 'binary form');
      const decoded = decodeRecord(buf.subarray(header));
      t.is(decoded.seq, seq);
      t.deepEqual(plain(decoded.ops), plain(ops));
    }),
  );
});

test('a record in the msgpack form of older versions decodes', (t) => {
  const packr = new Packr({ useRecords: false, moreTypes: false });
  const ops = [{ k: 'putLog', id: 3, from: 7, values: [Buffer.from([1, 2, 3])] }, { k: 'delLog', id: 3, from: 9, to: 12 }];
  const decoded = decodeRecord(packr.pack([42, ops]));
  t.is(decoded.seq, 42);
  t.deepEqual(plain(decoded.ops), plain(ops));
});

test('a damaged payload throws: cut short, bytes left over, or an unknown op kind', (t) => {
  const buf = encodeRecord(5, [{ k: 'putLog', id: 1, from: 1, values: [Buffer.alloc(10, 7)] }, { k: 'delSnap', id: 1, gen: 2, chunks: 3 }], 0);
  for (let cut = 1; cut < buf.length; cut++) t.throws(() => decodeRecord(buf.subarray(0, cut)), undefined, `cut at ${cut}`);
  t.throws(() => decodeRecord(Buffer.concat([buf, Buffer.from([0])])), { message: /after the last op/ });
  const unknown = Buffer.from(buf);
  unknown[1 + 8 + 4] = 9;
  t.throws(() => decodeRecord(unknown), { message: /unknown op kind 9/ });
});
