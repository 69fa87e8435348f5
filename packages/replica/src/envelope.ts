// Byte layouts the runtime owns: a command inside a log entry, a snapshot's payload, the
// per-member metadata record, and the bodies of the remote command/query RPCs.
import { decodeInterned } from '@raftfleet/protocol';
import type { ClientTableImage } from './client-table.js';
import { internalCodec } from './codec.js';

/** A command as stored in a log entry. */
export interface CommandRecord {
  /** Client id ('' = no deduplication). */
  clientId: string;
  /** Sequence number within the client. */
  seq: number;
  /**
   * The client has the answers of all its seqs below this one: members drop their results. Only a
   * value above 1 says something; only such a value is carried (in the format that has room for it).
   */
  acked?: number;
  /** The command, encoded by the machine's codec. */
  payload: Uint8Array;
}

const utf8 = new TextEncoder();
const COMMAND_FORMAT = 1;
/** Format 1 with an acknowledgement (a u64 after the seq). */
const COMMAND_FORMAT_ACKED = 3;

// The bytes of the last client id encoded: a client sends many commands in a row.
let lastClientId = '';
let lastClientIdBytes = new Uint8Array(0);

/** Writes `n` (a safe non-negative integer) as two big-endian u32 halves, without a DataView per call. */
function writeU64(out: Uint8Array, o: number, n: number): void {
  const hi = Math.floor(n / 0x100000000);
  const lo = n >>> 0;
  out[o] = 0;
  out[o + 1] = (hi >>> 16) & 0xff;
  out[o + 2] = (hi >>> 8) & 0xff;
  out[o + 3] = hi & 0xff;
  out[o + 4] = lo >>> 24;
  out[o + 5] = (lo >>> 16) & 0xff;
  out[o + 6] = (lo >>> 8) & 0xff;
  out[o + 7] = lo & 0xff;
}

function readU64(data: Uint8Array, o: number): number {
  const hi = ((data[o + 1]! << 16) | (data[o + 2]! << 8) | data[o + 3]!) >>> 0;
  const lo = ((data[o + 4]! << 24) | (data[o + 5]! << 16) | (data[o + 6]! << 8) | data[o + 7]!) >>> 0;
  return hi * 0x100000000 + lo;
}

/**
 * Encodes a command record for a log entry: a format byte, the client id (u16 length + UTF-8),
 * the seq (u64), with an acknowledgement (format 3) the acked seq (u64), then the payload.
 * Hand-rolled because it runs for every command on every member.
 */
export function encodeCommand(rec: CommandRecord): Uint8Array {
  if (rec.clientId !== lastClientId) {
    lastClientIdBytes = rec.clientId === '' ? EMPTY_BYTES : utf8.encode(rec.clientId);
    lastClientId = rec.clientId;
  }
  const id = lastClientIdBytes;
  if (id.length > 0xffff) throw new RangeError('client id too long');
  const acked = rec.acked ?? 0;
  const ackBytes = acked > 1 ? 8 : 0;
  const out = new Uint8Array(11 + ackBytes + id.length + rec.payload.length);
  out[0] = ackBytes > 0 ? COMMAND_FORMAT_ACKED : COMMAND_FORMAT;
  out[1] = id.length >>> 8;
  out[2] = id.length & 0xff;
  out.set(id, 3);
  let o = 3 + id.length;
  writeU64(out, o, rec.seq);
  o += 8;
  if (ackBytes > 0) {
    writeU64(out, o, acked);
    o += 8;
  }
  out.set(rec.payload, o);
  return out;
}

/** Decodes a log entry's command record; throws on malformed data. The payload is a view, not a copy. */
export function decodeCommand(data: Uint8Array): CommandRecord {
  const format = data[0];
  const ackBytes = format === COMMAND_FORMAT_ACKED ? 8 : 0;
  if (data.length < 11 + ackBytes || (format !== COMMAND_FORMAT && format !== COMMAND_FORMAT_ACKED)) throw new Error('malformed command entry');
  const idLen = (data[1]! << 8) | data[2]!;
  if (data.length < 11 + ackBytes + idLen) throw new Error('malformed command entry');
  // Interned: every member decodes every command, mostly from a few clients, and the table looks
  // the id up at once (a string seen before keeps its hash).
  const clientId = decodeInterned(data, 3, 3 + idLen);
  const o = 3 + idLen;
  const seq = readU64(data, o);
  if (ackBytes === 0) return { clientId, seq, payload: data.subarray(o + 8) };
  return { clientId, seq, acked: readU64(data, o + 8), payload: data.subarray(o + 16) };
}

const EMPTY_BYTES = new Uint8Array(0);
const BATCH_FORMAT = 2;
/** A clock record: the format byte, then the group's log time (u64). */
const CLOCK_FORMAT = 5;
const CLOCK_BYTES = 9;

/**
 * Encodes a clock record: an entry of its own that moves the group's log time to `at` (ms; see
 * ClientTable.advance). Builds that do not know it refuse it like any malformed command, which
 * changes no state, so members of such builds stay in step with the others.
 */
export function encodeClock(at: number): Uint8Array {
  const out = new Uint8Array(CLOCK_BYTES);
  out[0] = CLOCK_FORMAT;
  writeU64(out, 1, at);
  return out;
}

/** The log time of a clock record, or undefined when `data` is not one. */
export function decodeClock(data: Uint8Array): number | undefined {
  return data.length === CLOCK_BYTES && data[0] === CLOCK_FORMAT ? readU64(data, 1) : undefined;
}

/** Whether an entry's data is a batch of command records (see {@link encodeBatch}). */
export function isBatch(data: Uint8Array): boolean {
  return data[0] === BATCH_FORMAT;
}

/**
 * Packs several encoded command records into one entry's data: a format byte, a u32 count, then
 * each record as u32 length + bytes. One entry per batch keeps per-entry costs (core, storage,
 * wire) independent of how many commands a busy group receives.
 */
export function encodeBatch(records: readonly Uint8Array[]): Uint8Array {
  let size = 5;
  for (const r of records) size += 4 + r.length;
  const out = new Uint8Array(size);
  out[0] = BATCH_FORMAT;
  writeU32(out, 1, records.length);
  let o = 5;
  for (const r of records) {
    writeU32(out, o, r.length);
    out.set(r, o + 4);
    o += 4 + r.length;
  }
  return out;
}

/** Unpacks a batch into views of its records; throws on malformed data. */
export function decodeBatch(data: Uint8Array): Uint8Array[] {
  if (data.length < 5 || data[0] !== BATCH_FORMAT) throw new Error('malformed command batch');
  const count = readU32(data, 1);
  const out: Uint8Array[] = [];
  let o = 5;
  for (let i = 0; i < count; i++) {
    if (o + 4 > data.length) throw new Error('malformed command batch');
    const len = readU32(data, o);
    if (o + 4 + len > data.length) throw new Error('malformed command batch');
    out.push(data.subarray(o + 4, o + 4 + len));
    o += 4 + len;
  }
  return out;
}

function writeU32(b: Uint8Array, o: number, v: number): void {
  b[o] = v >>> 24;
  b[o + 1] = (v >>> 16) & 0xff;
  b[o + 2] = (v >>> 8) & 0xff;
  b[o + 3] = v & 0xff;
}

function readU32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

/** The runtime's part of a snapshot: the machine state plus the retained-results table. */
export interface SnapshotPayload {
  /** The machine's state bytes. */
  state: Uint8Array;
  /** The retained-results table, encoded by the machine's codec. */
  table: Uint8Array;
}

/** Encodes a snapshot payload. */
export function encodeSnapshotPayload(p: SnapshotPayload): Uint8Array {
  return internalCodec.encode({ v: 1, s: p.state, t: p.table });
}

/** Decodes a snapshot payload; throws on malformed data. */
export function decodeSnapshotPayload(data: Uint8Array): SnapshotPayload {
  const v = internalCodec.decode(data) as { v?: unknown; s?: unknown; t?: unknown };
  if (v?.v !== 1 || !(v.s instanceof Uint8Array) || !(v.t instanceof Uint8Array)) throw new Error('malformed snapshot payload');
  return { state: v.s, table: v.t };
}

/** Per-member metadata persisted with the group. */
export interface MemberMeta {
  /** This member's id. */
  member: string;
  /** Name of the state machine. */
  machine: string;
}

/** Encodes member metadata. */
export function encodeMeta(m: MemberMeta): Uint8Array {
  return internalCodec.encode({ v: 1, m: m.member, s: m.machine });
}

/** Decodes member metadata; undefined when malformed. */
export function decodeMeta(data: Uint8Array): MemberMeta | undefined {
  try {
    const v = internalCodec.decode(data) as { v?: unknown; m?: unknown; s?: unknown };
    if (v?.v !== 1 || typeof v.m !== 'string' || typeof v.s !== 'string') return undefined;
    return { member: v.m, machine: v.s };
  } catch {
    return undefined;
  }
}

/** Re-export for the table image type used in snapshots. */
export type { ClientTableImage };
