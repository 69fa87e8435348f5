// On-disk layout of the LMDB store: fixed-width binary keys that sort by (group id, index) and a
// compact checksummed entry value, encoded and decoded without intermediate objects.
import { crc32 } from 'node:zlib';
import type { Entry, EntryType } from '@raftfleet/protocol';

/** Version of the on-disk format; recorded in the store when it is created. */
export const FORMAT_VERSION = 1;

/** Bytes of a log key: group id (u32 BE) + index (u64 BE as two u32). Big-endian so byte order is numeric order. */
export const LOG_KEY_BYTES = 12;
/** Bytes of the entry value header: type (u8), term (u64 BE), crc32 (u32). */
export const ENTRY_HEADER_BYTES = 13;

const TWO_32 = 4294967296;

/** The key of one log entry. */
export function logKey(groupId: number, index: number): Buffer {
  const k = Buffer.allocUnsafe(LOG_KEY_BYTES);
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

/** Encodes an entry value: header then data, one allocation. */
export function encodeEntry(e: Entry): Buffer {
  const data = e.data;
  const v = Buffer.allocUnsafe(ENTRY_HEADER_BYTES + data.byteLength);
  v[0] = e.type;
  v.writeUInt32BE(Math.floor(e.term / TWO_32), 1);
  v.writeUInt32BE(e.term >>> 0, 5);
  v.set(data, ENTRY_HEADER_BYTES);
  v.writeUInt32BE(checksum(v, e.index), 9);
  return v;
}

function checksum(v: Buffer, index: number): number {
  const head = crc32(v.subarray(0, 9), seedOf(index));
  return crc32(v.subarray(ENTRY_HEADER_BYTES), head);
}

/** Thrown by the decoders when a value is damaged; the store turns it into a CorruptStoreError. */
export class BadValueError extends Error {
  /** Creates the error. */
  constructor(message: string) {
    super(message);
    this.name = 'BadValueError';
  }
}

function check(v: Uint8Array, index: number): Buffer {
  if (v.byteLength < ENTRY_HEADER_BYTES) throw new BadValueError(`entry ${index}: value of ${v.byteLength} bytes is too short`);
  const b = Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (b.readUInt32BE(9) !== checksum(b, index)) throw new BadValueError(`entry ${index}: checksum mismatch`);
  if ((b[0] as number) > 2) throw new BadValueError(`entry ${index}: unknown type ${b[0]}`);
  return b;
}

/** Decodes an entry value (verifying its checksum); the data is copied out of `v`. */
export function decodeEntry(v: Uint8Array, index: number): Entry {
  const b = check(v, index);
  const term = b.readUInt32BE(1) * TWO_32 + b.readUInt32BE(5);
  const data = new Uint8Array(b.byteLength - ENTRY_HEADER_BYTES);
  data.set(b.subarray(ENTRY_HEADER_BYTES));
  return { index, term, type: b[0] as EntryType, data };
}

/** Decodes only the term of an entry value (verifying its checksum). */
export function decodeTerm(v: Uint8Array, index: number): number {
  const b = check(v, index);
  return b.readUInt32BE(1) * TWO_32 + b.readUInt32BE(5);
}

/** Size of the data of an encoded entry. */
export function encodedDataBytes(v: Uint8Array): number {
  return v.byteLength - ENTRY_HEADER_BYTES;
}
