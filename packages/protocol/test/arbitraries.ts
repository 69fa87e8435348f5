// fast-check arbitraries for every plain type of the protocol, shared by the round-trip and fuzz tests.
// Integers stay within 2^53 as the codec requires; strings include non-ASCII to exercise UTF-8 paths.
import fc from 'fast-check';
import type {
  ConfChange,
  ConfState,
  Entry,
  EntryType,
  Envelope,
  Message,
  Snapshot,
  SnapshotMeta,
  HardState,
  Batch,
} from '../src/index.js';

/** Seed for every randomized test in this package; override with SEED=… to reproduce a failure. */
export const SEED = Number(process.env['SEED'] ?? 20261123);

const u64 = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.integer({ min: 0, max: 0xffffffff }),
  fc.maxSafeNat(),
);
const id = fc.oneof(fc.constantFrom('', 'n1', 'n2', 'node-42'), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
const bytes = fc.uint8Array({ maxLength: 64 });

export const entryArb: fc.Arbitrary<Entry> = fc.record({
  term: u64,
  index: fc.oneof(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
  type: fc.constantFrom<EntryType>(0, 1, 2),
  data: bytes,
});

export const hardStateArb: fc.Arbitrary<HardState> = fc.record({ term: u64, vote: id, commit: u64 });
export const confStateArb: fc.Arbitrary<ConfState> = fc.record({
  voters: fc.array(id, { maxLength: 5 }),
  learners: fc.array(id, { maxLength: 3 }),
});
export const confChangeArb: fc.Arbitrary<ConfChange> = fc.record({
  type: fc.constantFrom('addLearner', 'promote', 'addVoter', 'remove'),
  member: id.filter((s) => s.length > 0),
  context: bytes,
});
export const metaArb: fc.Arbitrary<SnapshotMeta> = fc.record({ index: u64, term: u64, conf: confStateArb });
export const snapshotArb: fc.Arbitrary<Snapshot> = fc.record({ meta: metaArb, data: fc.uint8Array({ maxLength: 256 }) });

const head = { term: u64, from: id, to: id };

/** One arbitrary per message variant, so each is exercised on its own. */
export const messageArbs: Record<Message['type'], fc.Arbitrary<Message>> = {
  append: fc.record(
    {
      type: fc.constant('append' as const),
      ...head,
      prevIndex: u64,
      prevTerm: u64,
      entries: fc.array(entryArb, { maxLength: 4 }),
      commit: u64,
      quiet: fc.constant(true),
    },
    { requiredKeys: ['type', 'term', 'from', 'to', 'prevIndex', 'prevTerm', 'entries', 'commit'] },
  ),
  appendResponse: fc.record({
    type: fc.constant('appendResponse' as const),
    ...head,
    reject: fc.boolean(),
    index: u64,
    hintIndex: u64,
    hintTerm: u64,
  }),
  vote: fc.record({ type: fc.constant('vote' as const), ...head, lastIndex: u64, lastTerm: u64, transfer: fc.boolean() }),
  preVote: fc.record({ type: fc.constant('preVote' as const), ...head, lastIndex: u64, lastTerm: u64, transfer: fc.boolean() }),
  voteResponse: fc.record({ type: fc.constant('voteResponse' as const), ...head, granted: fc.boolean() }),
  preVoteResponse: fc.record({ type: fc.constant('preVoteResponse' as const), ...head, granted: fc.boolean() }),
  heartbeat: fc.record({ type: fc.constant('heartbeat' as const), ...head, commit: u64, context: id }),
  heartbeatResponse: fc.record({ type: fc.constant('heartbeatResponse' as const), ...head, context: id }),
  snapshot: fc.record({ type: fc.constant('snapshot' as const), ...head, snapshot: snapshotArb }),
  snapshotChunk: fc.record({
    type: fc.constant('snapshotChunk' as const),
    ...head,
    meta: metaArb,
    offset: u64,
    data: bytes,
    last: fc.boolean(),
  }),
  timeoutNow: fc.record({ type: fc.constant('timeoutNow' as const), ...head }),
  readIndex: fc.record({ type: fc.constant('readIndex' as const), ...head, context: id }),
  readIndexResponse: fc.record({ type: fc.constant('readIndexResponse' as const), ...head, context: id, index: u64 }),
};

export const messageArb: fc.Arbitrary<Message> = fc.oneof(...Object.values(messageArbs));
export const envelopeArb: fc.Arbitrary<Envelope> = fc.record({ group: id, message: messageArb });
export const batchArb: fc.Arbitrary<Batch> = fc.record({
  from: id,
  to: id,
  envelopes: fc.array(envelopeArb, { maxLength: 6 }),
});
