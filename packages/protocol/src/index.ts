/**
 * Raft wire types and their protobuf encoding, shared by every package that touches the wire or the disk.
 * @packageDocumentation
 */
export * from './types.js';
export { DecodeError } from './errors.js';
export {
  encodeEntry,
  decodeEntry,
  encodeHardState,
  decodeHardState,
  encodeConfState,
  decodeConfState,
  encodeConfChange,
  decodeConfChange,
  encodeSnapshotMeta,
  decodeSnapshotMeta,
  encodeSnapshot,
  decodeSnapshot,
  encodeMessage,
  decodeMessage,
  encodeEnvelope,
  decodeEnvelope,
  encodeBatch,
  decodeBatch,
} from './codec.js';
export { BatchFrameWriter, decodeInterned } from './fast.js';
export { CommandSequence } from './sequence.js';
export {
  WIRE_VERSION,
  FRAME_BATCH_FIELD,
  BATCH_ENVELOPES_FIELD,
  encodeFrame,
  encodeDelimitedFrame,
  decodeFrame,
} from './frame.js';
export type {
  Frame,
  HelloFrame,
  ChallengeFrame,
  ProofFrame,
  WelcomeFrame,
  RejectFrame,
  BatchFrame,
  RequestFrame,
  ResponseFrame,
  RpcErrorInfo,
  PingFrame,
  PongFrame,
} from './frame.js';
