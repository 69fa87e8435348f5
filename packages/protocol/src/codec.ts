// Protobuf encoding of the plain Raft types (entries, messages, batches, persistent state).
// Encoders go through the generated static code; decoders validate what it produced before returning plain values.
import { raftfleet } from './pb.js';
import { DecodeError } from './errors.js';
import { decodeWith } from './decode.js';
import {
  fastDecodeEntry,
  fastEncodeBatch,
  fastEncodeEntry,
  fastEncodeEnvelope,
  fastEncodeMessage,
  readAll,
  readBatch,
  readEnvelope,
  readMessage,
} from './fast.js';
import type {
  Batch,
  ConfChange,
  ConfChangeType,
  ConfState,
  Entry,
  Envelope,
  HardState,
  Message,
  Snapshot,
  SnapshotMeta,
} from './types.js';

const pb = raftfleet.raft;

const EMPTY = new Uint8Array(0);

// ---------------------------------------------------------------- helpers

function u64(type: string, field: string, value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new DecodeError(type, `${field} is not a safe unsigned integer`);
  }
  return value;
}

function str(value: string | null | undefined): string {
  return value ?? '';
}

function bytesOf(value: Uint8Array | null | undefined): Uint8Array {
  return value ?? EMPTY;
}

function bool(value: boolean | null | undefined): boolean {
  return value === true;
}

// ---------------------------------------------------------------- entries

/** Encodes one log entry. */
export function encodeEntry(entry: Entry): Uint8Array {
  return fastEncodeEntry(entry);
}

/** Decodes one log entry; throws {@link DecodeError} on invalid input. */
export function decodeEntry(bytes: Uint8Array): Entry {
  return fastDecodeEntry(bytes);
}

// ---------------------------------------------------------------- persistent state

/** Encodes the persistent hard state. */
export function encodeHardState(state: HardState): Uint8Array {
  return pb.HardState.encode(state as raftfleet.raft.HardState.$Properties).finish();
}

/** Decodes the persistent hard state; throws {@link DecodeError} on invalid input. */
export function decodeHardState(bytes: Uint8Array): HardState {
  return decodeWith('HardState', bytes, (r) => {
    const h = pb.HardState.decode(r);
    return { term: u64('HardState', 'term', h.term), vote: str(h.vote), commit: u64('HardState', 'commit', h.commit) };
  });
}

function toConfState(c: raftfleet.raft.ConfState.$Properties | null | undefined, type: string): ConfState {
  if (c === null || c === undefined) throw new DecodeError(type, 'conf is missing');
  return { voters: [...(c.voters ?? [])], learners: [...(c.learners ?? [])] };
}

/** Encodes a membership configuration. */
export function encodeConfState(conf: ConfState): Uint8Array {
  return pb.ConfState.encode(conf).finish();
}

/** Decodes a membership configuration; throws {@link DecodeError} on invalid input. */
export function decodeConfState(bytes: Uint8Array): ConfState {
  return decodeWith('ConfState', bytes, (r) => toConfState(pb.ConfState.decode(r), 'ConfState'));
}

const CONF_CHANGE_TO_WIRE: Record<ConfChangeType, raftfleet.raft.ConfChangeType> = {
  addLearner: pb.ConfChangeType.CONF_CHANGE_TYPE_ADD_LEARNER,
  promote: pb.ConfChangeType.CONF_CHANGE_TYPE_PROMOTE,
  addVoter: pb.ConfChangeType.CONF_CHANGE_TYPE_ADD_VOTER,
  remove: pb.ConfChangeType.CONF_CHANGE_TYPE_REMOVE,
};
const CONF_CHANGE_FROM_WIRE: readonly (ConfChangeType | undefined)[] = [
  undefined,
  'addLearner',
  'promote',
  'addVoter',
  'remove',
];

/** Encodes a membership change (the `data` of a conf-change entry). */
export function encodeConfChange(change: ConfChange): Uint8Array {
  return pb.ConfChange.encode({
    type: CONF_CHANGE_TO_WIRE[change.type],
    member: change.member,
    context: change.context,
  }).finish();
}

/** Decodes a membership change; throws {@link DecodeError} on invalid input. */
export function decodeConfChange(bytes: Uint8Array): ConfChange {
  return decodeWith('ConfChange', bytes, (r) => {
    const c = pb.ConfChange.decode(r);
    const type = CONF_CHANGE_FROM_WIRE[c.type as number];
    if (type === undefined) throw new DecodeError('ConfChange', `unknown or missing change type ${c.type}`);
    if (!c.member) throw new DecodeError('ConfChange', 'member is missing');
    return { type, member: c.member, context: bytesOf(c.context) };
  });
}

function toSnapshotMeta(m: raftfleet.raft.SnapshotMeta.$Properties | null | undefined, type: string): SnapshotMeta {
  if (m === null || m === undefined) throw new DecodeError(type, 'snapshot meta is missing');
  return { index: u64(type, 'meta.index', m.index), term: u64(type, 'meta.term', m.term), conf: toConfState(m.conf, type) };
}

/** Encodes snapshot metadata. */
export function encodeSnapshotMeta(meta: SnapshotMeta): Uint8Array {
  return pb.SnapshotMeta.encode(meta as raftfleet.raft.SnapshotMeta.$Properties).finish();
}

/** Decodes snapshot metadata; throws {@link DecodeError} on invalid input. */
export function decodeSnapshotMeta(bytes: Uint8Array): SnapshotMeta {
  return decodeWith('SnapshotMeta', bytes, (r) => toSnapshotMeta(pb.SnapshotMeta.decode(r), 'SnapshotMeta'));
}

function toSnapshot(s: raftfleet.raft.Snapshot.$Properties | null | undefined, type: string): Snapshot {
  if (s === null || s === undefined) throw new DecodeError(type, 'snapshot is missing');
  return { meta: toSnapshotMeta(s.meta, type), data: bytesOf(s.data) };
}

/** Encodes a snapshot (metadata and state bytes). */
export function encodeSnapshot(snapshot: Snapshot): Uint8Array {
  return pb.Snapshot.encode(snapshot as raftfleet.raft.Snapshot.$Properties).finish();
}

/** Decodes a snapshot; throws {@link DecodeError} on invalid input. */
export function decodeSnapshot(bytes: Uint8Array): Snapshot {
  return decodeWith('Snapshot', bytes, (r) => toSnapshot(pb.Snapshot.decode(r), 'Snapshot'));
}

// ---------------------------------------------------------------- messages (hand-written hot path, see fast.ts)

/** Encodes one Raft message. */
export function encodeMessage(message: Message): Uint8Array {
  return fastEncodeMessage(message);
}

/** Decodes one Raft message; throws {@link DecodeError} on invalid input (including a missing type). */
export function decodeMessage(bytes: Uint8Array): Message {
  return readAll('Message', bytes, readMessage);
}

/** Encodes one envelope (a message addressed to a group). */
export function encodeEnvelope(envelope: Envelope): Uint8Array {
  return fastEncodeEnvelope(envelope);
}

/** Decodes one envelope; throws {@link DecodeError} on invalid input. */
export function decodeEnvelope(bytes: Uint8Array): Envelope {
  return readAll('Envelope', bytes, readEnvelope);
}

/** Encodes a batch of envelopes sent from one node to another. */
export function encodeBatch(batch: Batch): Uint8Array {
  return fastEncodeBatch(batch);
}

/** Decodes a batch; throws {@link DecodeError} on invalid input. */
export function decodeBatch(bytes: Uint8Array): Batch {
  return readAll('Batch', bytes, readBatch);
}
