// Every plain type survives encode → decode unchanged, and the hand-written hot path agrees with the generated code.
import test from 'ava';
import fc from 'fast-check';
import {
  BatchFrameWriter,
  decodeBatch,
  decodeConfChange,
  decodeConfState,
  decodeEntry,
  decodeEnvelope,
  decodeFrame,
  decodeHardState,
  decodeMessage,
  decodeSnapshot,
  decodeSnapshotMeta,
  encodeBatch,
  encodeConfChange,
  encodeConfState,
  encodeEntry,
  encodeEnvelope,
  encodeFrame,
  encodeHardState,
  encodeMessage,
  encodeSnapshot,
  encodeSnapshotMeta,
  type Frame,
  type Message,
} from '../src/index.js';
import { raftfleet } from '../src/pb.js';
import {
  SEED,
  batchArb,
  confChangeArb,
  confStateArb,
  entryArb,
  envelopeArb,
  hardStateArb,
  messageArbs,
  metaArb,
  snapshotArb,
} from './arbitraries.js';

const params = { seed: SEED, numRuns: 300 };

/** Normalises Buffers and Uint8Arrays so deepEqual compares contents only. */
function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return Array.from(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

for (const [type, arb] of Object.entries(messageArbs)) {
  test(`message ${type} round-trips`, (t) => {
    fc.assert(
      fc.property(arb, (m) => {
        const decoded = decodeMessage(encodeMessage(m));
        t.deepEqual(plain(decoded), plain(m));
        t.is(decoded.type, type as Message['type']);
      }),
      params,
    );
  });
}

/** The generated code's view of a message, built independently of the hand-written encoder. */
function toGenerated(m: Message): raftfleet.raft.Message.$Properties {
  const head = { term: m.term, from: m.from, to: m.to };
  switch (m.type) {
    case 'append':
      return { ...head, append: { prevIndex: m.prevIndex, prevTerm: m.prevTerm, entries: m.entries, commit: m.commit, ...(m.quiet === true ? { quiet: true } : {}) } };
    case 'appendResponse':
      return { ...head, appendResponse: { reject: m.reject, index: m.index, hintIndex: m.hintIndex, hintTerm: m.hintTerm } };
    case 'vote':
    case 'preVote':
      return { ...head, [m.type]: { lastIndex: m.lastIndex, lastTerm: m.lastTerm, transfer: m.transfer } };
    case 'voteResponse':
    case 'preVoteResponse':
      return { ...head, [m.type]: { granted: m.granted } };
    case 'heartbeat':
      return { ...head, heartbeat: { commit: m.commit, context: m.context } };
    case 'heartbeatResponse':
      return { ...head, heartbeatResponse: { context: m.context } };
    case 'snapshot':
      return { ...head, snapshot: { snapshot: m.snapshot } };
    case 'snapshotChunk':
      return { ...head, snapshotChunk: { meta: m.meta, offset: m.offset, data: m.data, last: m.last } };
    case 'timeoutNow':
      return { ...head, timeoutNow: {} };
    case 'readIndex':
      return { ...head, readIndex: { context: m.context } };
    case 'readIndexResponse':
      return { ...head, readIndexResponse: { context: m.context, index: m.index } };
    default: {
      const unknown: never = m;
      throw new Error(`unexpected ${String(unknown)}`);
    }
  }
}

test('hand-written envelope encoding is byte-identical to the generated code, both ways', (t) => {
  fc.assert(
    fc.property(envelopeArb, (e) => {
      const fast = encodeEnvelope(e);
      const generated = raftfleet.raft.Envelope.encode({ group: e.group, message: toGenerated(e.message) }).finish();
      t.deepEqual(Array.from(fast), Array.from(generated));
      t.deepEqual(plain(decodeEnvelope(generated)), plain(e));
    }),
    params,
  );
});

const cases: [string, fc.Arbitrary<unknown>, (v: never) => Uint8Array, (b: Uint8Array) => unknown][] = [
  ['Entry', entryArb, encodeEntry, decodeEntry],
  ['HardState', hardStateArb, encodeHardState, decodeHardState],
  ['ConfState', confStateArb, encodeConfState, decodeConfState],
  ['ConfChange', confChangeArb, encodeConfChange, decodeConfChange],
  ['SnapshotMeta', metaArb, encodeSnapshotMeta, decodeSnapshotMeta],
  ['Snapshot', snapshotArb, encodeSnapshot, decodeSnapshot],
  ['Envelope', envelopeArb, encodeEnvelope, decodeEnvelope],
  ['Batch', batchArb, encodeBatch, decodeBatch],
];
for (const [name, arb, encode, decode] of cases) {
  test(`${name} round-trips`, (t) => {
    fc.assert(
      fc.property(arb, (v) => {
        t.deepEqual(plain(decode(encode(v as never))), plain(v));
      }),
      params,
    );
  });
}

test('entries decode identically through the generated code', (t) => {
  fc.assert(
    fc.property(entryArb, (e) => {
      const g = raftfleet.raft.Entry.decode(encodeEntry(e));
      t.deepEqual(plain({ term: g.term, index: g.index, type: g.type, data: g.data }), plain(e));
    }),
    params,
  );
});

const frameArb: fc.Arbitrary<Frame> = fc.oneof(
  fc.record({
    kind: fc.constant('hello' as const),
    version: fc.nat(),
    clusterId: fc.string(),
    nodeId: fc.string(),
    address: fc.string(),
    nonce: fc.uint8Array({ maxLength: 32 }),
  }),
  fc.record({
    kind: fc.constant('challenge' as const),
    version: fc.nat(),
    clusterId: fc.string(),
    nodeId: fc.string(),
    nonce: fc.uint8Array({ maxLength: 32 }),
    proof: fc.uint8Array({ maxLength: 32 }),
  }),
  fc.record({ kind: fc.constant('proof' as const), proof: fc.uint8Array({ maxLength: 32 }) }),
  fc.constant({ kind: 'welcome' as const }),
  fc.record({ kind: fc.constant('reject' as const), code: fc.string(), reason: fc.string() }),
  fc.record({ kind: fc.constant('batch' as const), batch: batchArb.map((b) => ({ ...b, from: '', to: '' })) }),
  fc.record({ kind: fc.constant('request' as const), id: fc.nat(), method: fc.string(), body: fc.uint8Array() }),
  fc.record(
    {
      kind: fc.constant('response' as const),
      id: fc.nat(),
      body: fc.uint8Array(),
      error: fc.record({ code: fc.string(), message: fc.string() }),
    },
    { requiredKeys: ['kind', 'id', 'body'] },
  ),
  fc.record({ kind: fc.constant('ping' as const), nonce: fc.maxSafeNat() }),
  fc.record({ kind: fc.constant('pong' as const), nonce: fc.maxSafeNat() }),
);

test('frames round-trip', (t) => {
  fc.assert(
    fc.property(frameArb, (f) => {
      t.deepEqual(plain(decodeFrame(encodeFrame(f))), plain(f));
    }),
    params,
  );
});

test('BatchFrameWriter produces a length-prefixed batch frame', (t) => {
  fc.assert(
    fc.property(fc.array(envelopeArb, { maxLength: 20 }), (envelopes) => {
      const w = new BatchFrameWriter(16);
      for (const e of envelopes) w.append(e);
      t.is(w.envelopes, envelopes.length);
      const frame = w.finish();
      // Read the varint length prefix by hand: it must cover exactly the rest of the buffer.
      let len = 0;
      let shift = 0;
      let i = 0;
      for (;;) {
        const b = frame[i++]!;
        len += (b & 0x7f) * 2 ** shift;
        shift += 7;
        if (b < 0x80) break;
      }
      t.is(frame.length - i, len);
      const decoded = decodeFrame(frame.subarray(i));
      t.deepEqual(plain(decoded), plain({ kind: 'batch', batch: { from: '', to: '', envelopes } }));
      t.is(w.envelopes, 0);
    }),
    { seed: SEED, numRuns: 100 },
  );
});

test('encoders refuse integers that would not survive the wire', (t) => {
  for (const bad of [Number.NaN, -1, 1.5, 2 ** 53, Number.POSITIVE_INFINITY]) {
    t.throws(() => encodeMessage({ type: 'heartbeat', term: bad, from: 'a', to: 'b', commit: 1, context: '' }), {
      instanceOf: RangeError,
    });
    t.throws(() => encodeEntry({ term: 1, index: bad, type: 0, data: new Uint8Array(0) }), { instanceOf: RangeError });
  }
});
