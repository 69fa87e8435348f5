/**
 * Raft wire types and their protobuf encoding, shared by every package that touches the wire or the disk.
 * @packageDocumentation
 */
export * from './types.js';
