// Random, truncated and bit-flipped inputs to every decoder: each returns a valid value or throws DecodeError.
// Deterministic per SEED; a failure names the seed and the offending bytes.
import test from 'ava';
import fc from 'fast-check';
import {
  DecodeError,
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
} from '../src/index.js';
import {
  SEED,
  batchArb,
  confChangeArb,
  confStateArb,
  entryArb,
  envelopeArb,
  hardStateArb,
  messageArb,
  metaArb,
  snapshotArb,
} from './arbitraries.js';

/** mulberry32: a tiny seeded PRNG so the byte streams are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Codec = {
  name: string;
  decode: (b: Uint8Array) => unknown;
  encode: (v: never) => Uint8Array;
  samples: unknown[];
};

const codecs: Codec[] = [
  { name: 'Entry', decode: decodeEntry, encode: encodeEntry, samples: fc.sample(entryArb, { seed: SEED, numRuns: 30 }) },
  { name: 'HardState', decode: decodeHardState, encode: encodeHardState, samples: fc.sample(hardStateArb, { seed: SEED, numRuns: 30 }) },
  { name: 'ConfState', decode: decodeConfState, encode: encodeConfState, samples: fc.sample(confStateArb, { seed: SEED, numRuns: 30 }) },
  { name: 'ConfChange', decode: decodeConfChange, encode: encodeConfChange, samples: fc.sample(confChangeArb, { seed: SEED, numRuns: 30 }) },
  { name: 'SnapshotMeta', decode: decodeSnapshotMeta, encode: encodeSnapshotMeta, samples: fc.sample(metaArb, { seed: SEED, numRuns: 30 }) },
  { name: 'Snapshot', decode: decodeSnapshot, encode: encodeSnapshot, samples: fc.sample(snapshotArb, { seed: SEED, numRuns: 30 }) },
  { name: 'Message', decode: decodeMessage, encode: encodeMessage, samples: fc.sample(messageArb, { seed: SEED, numRuns: 60 }) },
  { name: 'Envelope', decode: decodeEnvelope, encode: encodeEnvelope, samples: fc.sample(envelopeArb, { seed: SEED, numRuns: 30 }) },
  { name: 'Batch', decode: decodeBatch, encode: encodeBatch, samples: fc.sample(batchArb, { seed: SEED, numRuns: 20 }) },
  {
    name: 'Frame',
    decode: decodeFrame,
    encode: encodeFrame,
    samples: fc
      .sample(batchArb, { seed: SEED, numRuns: 20 })
      .map((batch): unknown => ({ kind: 'batch', batch: { ...batch, from: '', to: '' } }))
      .concat([
        { kind: 'hello', version: 1, clusterId: 'c', nodeId: 'n1', address: '127.0.0.1:1', nonce: new Uint8Array(32) },
        { kind: 'request', id: 7, method: 'ping', body: new Uint8Array([1, 2, 3]) },
        { kind: 'response', id: 7, body: new Uint8Array(0), error: { code: 'E', message: 'boom' } },
      ]),
  },
];

function hex(b: Uint8Array): string {
  return Buffer.from(b).toString('hex');
}

/** Decodes `bytes`: a returned value must re-encode and decode to itself; a throw must be a DecodeError. */
function check(codec: Codec, bytes: Uint8Array): 'ok' | 'rejected' {
  let value: unknown;
  try {
    value = codec.decode(bytes);
  } catch (error) {
    if (error instanceof DecodeError && error.code === 'ERR_DECODE') return 'rejected';
    throw new Error(`${codec.name}: non-DecodeError ${String(error)} for ${hex(bytes)} (SEED=${SEED})`);
  }
  let again: unknown;
  try {
    again = codec.decode(codec.encode(value as never));
  } catch (error) {
    throw new Error(`${codec.name}: decoded value does not re-encode (${String(error)}) for ${hex(bytes)} (SEED=${SEED})`);
  }
  if (JSON.stringify(normalise(again)) !== JSON.stringify(normalise(value))) {
    throw new Error(`${codec.name}: decoded value is not stable for ${hex(bytes)} (SEED=${SEED})`);
  }
  return 'ok';
}

function normalise(v: unknown): unknown {
  if (v instanceof Uint8Array) return hex(v);
  if (Array.isArray(v)) return v.map(normalise);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x)]));
  return v;
}

for (const [i, codec] of codecs.entries()) {
  test(`${codec.name}: random, truncated and mutated bytes yield a value or DecodeError`, (t) => {
    const random = prng(SEED + i);
    let rejected = 0;
    let runs = 0;
    // Pure noise, of lengths around typical encodings.
    for (let n = 0; n < 2000; n++) {
      const len = Math.floor(random() * 64);
      const bytes = new Uint8Array(len);
      for (let k = 0; k < len; k++) bytes[k] = Math.floor(random() * 256);
      if (check(codec, bytes) === 'rejected') rejected++;
      runs++;
    }
    for (const sample of codec.samples) {
      const valid = codec.encode(sample as never);
      // Every proper prefix.
      for (let cut = 0; cut < valid.length; cut++) {
        if (check(codec, valid.subarray(0, cut)) === 'rejected') rejected++;
        runs++;
      }
      // Random byte mutations of a valid encoding.
      for (let n = 0; n < 40 && valid.length > 0; n++) {
        const bytes = Uint8Array.from(valid);
        const flips = 1 + Math.floor(random() * 3);
        for (let f = 0; f < flips; f++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        if (check(codec, bytes) === 'rejected') rejected++;
        runs++;
      }
    }
    t.log(`${runs} inputs, ${rejected} rejected with DecodeError (SEED=${SEED})`);
    // Noise must not be accepted wholesale: a decoder that never rejects validates nothing.
    t.true(rejected > 0);
  });
}

test('DecodeError names the type and carries its code', (t) => {
  const error = t.throws(() => decodeMessage(new Uint8Array([0x08, 0x01])), { instanceOf: DecodeError });
  t.is(error?.code, 'ERR_DECODE');
  t.is(error?.type, 'Message');
  t.regex(error?.message ?? '', /message type is missing/);
});

test('integers above 2^53 are rejected rather than rounded', (t) => {
  // Entry { term: 2^60, index: 1 }
  const big = new Uint8Array([0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10, 0x10, 0x01]);
  t.throws(() => decodeEntry(big), { instanceOf: DecodeError });
  const bigHard = new Uint8Array([0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10]);
  t.throws(() => decodeHardState(bigHard), { instanceOf: DecodeError });
});

test('an entry type out of range is rejected', (t) => {
  t.throws(() => decodeEntry(new Uint8Array([0x10, 0x01, 0x18, 0x03])), { instanceOf: DecodeError, message: /entry type/ });
});
