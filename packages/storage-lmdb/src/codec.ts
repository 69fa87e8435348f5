// On-disk layout of the LMDB store: fixed-width binary keys that sort by (group id, index) and a
// compact checksummed entry value, encoded and decoded without intermediate objects.
import { crc32 } from 'node:zlib';
import type { Entry, EntryType } from '@raftfleet/protocol';

/**
 * Version of the on-disk format; recorded in the store when it is created. 2 added the write-ahead
 * log: a store of version 1 is upgraded when opened, and a build that knows only version 1 refuses
 * a version 2 store instead of opening it without replaying its log.
 */
export const FORMAT_VERSION = 2;

/** Bytes of a log key: group id (u32 BE) + index (u64 BE as two u32). Big-endian so byte order is numeric order. */
export const LOG_KEY_BYTES = 12;
/** Bytes of the entry value header: crc32 (u32 BE) of everything after it, type (u8), term (u64 BE). */
export const ENTRY_HEADER_BYTES = 13;

const TWO_32 = 4294967296;

/** The key of one log entry. */
export function logKey(groupId: number, index: number): Buffer {
  const k = Buffer.allocUnsafe(LOG_KEY_BYTES);
  writeLogKey(k, groupId, index);
  return k;
}

/** Writes a log key into `k` (12 bytes), for callers that reuse one buffer. */
export function writeLogKey(k: Buffer, groupId: number, index: number): Buffer {
  k.writeUInt32BE(groupId, 0);
  k.writeUInt32BE(Math.floor(index / TWO_32), 4);
  k.writeUInt32BE(index >>> 0, 8);
  return k;
}

/** Group id of a log key. */
export function logKeyGroup(key: Uint8Array): number {
  return ((key[0] as number) * 0x1000000 + (((key[1] as number) << 16) | ((key[2] as number) << 8) | (key[3] as number))) >>> 0;
}

/** Index of a log key. */
export function logKeyIndex(key: Uint8Array): number {
  const b = key as Buffer;
  return b.readUInt32BE(4) * TWO_32 + b.readUInt32BE(8);
}

/** The key of one snapshot chunk: group id, generation, chunk number (u32 BE each). */
export function snapKey(groupId: number, gen: number, chunk: number): Buffer {
  const k = Buffer.allocUnsafe(12);
  k.writeUInt32BE(groupId, 0);
  k.writeUInt32BE(gen, 4);
  k.writeUInt32BE(chunk, 8);
  return k;
}

/** Decodes a snapshot chunk key. */
export function decodeSnapKey(key: Uint8Array): { groupId: number; gen: number; chunk: number } {
  const b = Buffer.from(key.buffer, key.byteOffset, key.byteLength);
  return { groupId: b.readUInt32BE(0), gen: b.readUInt32BE(4), chunk: b.readUInt32BE(8) };
}

function seedOf(index: number): number {
  // Mixing the index into the checksum catches an entry stored under the wrong key.
  return Math.imul(index >>> 0, 0x9e3779b1) >>> 0;
}

/** Encodes an entry value: header then data, one allocation, one checksum call. */
export function encodeEntry(index: number, term: number, type: number, data: Uint8Array): Buffer {
  const v = Buffer.allocUnsafe(ENTRY_HEADER_BYTES + data.byteLength);
  v[4] = type;
  v.writeUInt32BE(Math.floor(term / TWO_32), 5);
  v.writeUInt32BE(term >>> 0, 9);
  v.set(data, ENTRY_HEADER_BYTES);
  v.writeUInt32BE(crc32(v.subarray(4), seedOf(index)), 0);
  return v;
}

/** Thrown by the decoders when a value is damaged; the store turns it into a CorruptStoreError. */
export class BadValueError extends Error {
  /** Creates the error. */
  constructor(message: string) {
    super(message);
    this.name = 'BadValueError';
  }
}

function check(b: Buffer, index: number): void {
  if (b.byteLength < ENTRY_HEADER_BYTES) throw new BadValueError(`entry ${index}: value of ${b.byteLength} bytes is too short`);
  if (b.readUInt32BE(0) !== crc32(b.subarray(4), seedOf(index))) throw new BadValueError(`entry ${index}: checksum mismatch`);
  if ((b[4] as number) > 2) throw new BadValueError(`entry ${index}: unknown type ${b[4]}`);
}

/**
 * Decodes an entry value, verifying its checksum unless `verify` is false (a value this process
 * encoded and has not stored yet). The entry's data is a view of `v` (which must then be a buffer the
 * caller owns, like LMDB's range values), or a copy when `copy` is set.
 */
export function decodeEntry(v: Buffer, index: number, copy = false, verify = true): Entry {
  if (verify) check(v, index);
  const data = copy ? Uint8Array.prototype.slice.call(v, ENTRY_HEADER_BYTES) : v.subarray(ENTRY_HEADER_BYTES);
  return { index, term: v.readUInt32BE(5) * TWO_32 + v.readUInt32BE(9), type: v[4] as EntryType, data };
}

/** Decodes only the term of an entry value (verifying its checksum unless `verify` is false, as for decodeEntry). */
export function decodeTerm(v: Buffer, index: number, verify = true): number {
  if (verify) check(v, index);
  return v.readUInt32BE(5) * TWO_32 + v.readUInt32BE(9);
}

/** Size of the data of an encoded entry. */
export function encodedDataBytes(v: Uint8Array): number {
  return v.byteLength - ENTRY_HEADER_BYTES;
}
