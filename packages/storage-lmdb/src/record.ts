// The payload of a write-ahead log record: a sequence number and the ops of one write.
//
// Binary form (first byte 1), written by this version:
//   u8 1 | f64 seq | u32 op count | ops
//   putLog:  u8 1 | f64 group id | f64 first index | u32 count | count × (u32 length, bytes)
//   delLog:  u8 2 | f64 group id | f64 from | f64 to
//   delSnap: u8 3 | f64 group id | f64 generation | f64 chunk count
//   other:   u8 0 | u32 length | msgpack of the op (puts and deletes of records, rare)
// Integers are safe integers stored as little-endian doubles (exact). The log entries, nearly
// every byte of a record, are copied once; msgpack would walk every op object and array.
//
// Older versions wrote msgpack of [seq, ops] (first byte 0x92, a two-element array); such records
// are still read, so a log left by an older version replays.
import { Packr } from 'msgpackr';

const packr = new Packr({ useRecords: false, moreTypes: false });

const BINARY = 1;
const OP_OTHER = 0;
const OP_PUT_LOG = 1;

/** Ops made of three integers: their kind byte and the names of their fields, in record order. */
const TRIPLES = new Map<string, { kind: number; fields: readonly [string, string, string] }>([
  ['delLog', { kind: 2, fields: ['id', 'from', 'to'] }],
  ['delSnap', { kind: 3, fields: ['id', 'gen', 'chunks'] }],
]);
/** The same, by kind byte. */
const TRIPLE_KINDS = new Map([...TRIPLES].map(([k, t]) => [t.kind, { k, fields: t.fields }]));

/** An op as the log carries it: a plain object whose `k` names it (see the store's Op type). */
export interface RecordOp {
  readonly k: string;
  readonly [field: string]: unknown;
}

/** A decoded record: its sequence number and its ops, unchecked (the store validates them). */
export interface DecodedRecord {
  seq: unknown;
  ops: unknown;
}

/**
 * Encodes the record of `ops` under `seq` into one buffer, leaving `headerBytes` free at its start
 * for the caller's length and checksum.
 */
export function encodeRecord(seq: number, ops: readonly RecordOp[], headerBytes: number): Buffer {
  let size = headerBytes + 1 + 8 + 4;
  let others: Array<Uint8Array | undefined> | undefined;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    switch (op.k) {
      case 'putLog': {
        const values = op['values'] as readonly Uint8Array[];
        size += 1 + 8 + 8 + 4 + 4 * values.length;
        for (const v of values) size += v.length;
        break;
      }
      default: {
        if (TRIPLES.has(op.k)) {
          size += 1 + 3 * 8;
          break;
        }
        const packed = packr.pack(op);
        (others ??= new Array<Uint8Array | undefined>(ops.length))[i] = packed;
        size += 1 + 4 + packed.length;
      }
    }
  }
  const buf = Buffer.allocUnsafe(size);
  let at = headerBytes;
  buf[at++] = BINARY;
  at = buf.writeDoubleLE(seq, at);
  at = buf.writeUInt32LE(ops.length, at);
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    switch (op.k) {
      case 'putLog': {
        const values = op['values'] as readonly Uint8Array[];
        buf[at++] = OP_PUT_LOG;
        at = buf.writeDoubleLE(op['id'] as number, at);
        at = buf.writeDoubleLE(op['from'] as number, at);
        at = buf.writeUInt32LE(values.length, at);
        for (const v of values) {
          at = buf.writeUInt32LE(v.length, at);
          buf.set(v, at);
          at += v.length;
        }
        break;
      }
      default: {
        const triple = TRIPLES.get(op.k);
        if (triple !== undefined) {
          buf[at++] = triple.kind;
          for (const f of triple.fields) at = buf.writeDoubleLE(op[f] as number, at);
          break;
        }
        const packed = others![i]!;
        buf[at++] = OP_OTHER;
        at = buf.writeUInt32LE(packed.length, at);
        buf.set(packed, at);
        at += packed.length;
      }
    }
  }
  return buf;
}

/**
 * Decodes a record payload (binary or the older msgpack form). Log values are views into
 * `payload`. Throws on a payload that does not parse; the fields are not checked here.
 */
export function decodeRecord(payload: Buffer): DecodedRecord {
  if (payload[0] !== BINARY) {
    const decoded = packr.unpack(payload) as unknown;
    if (!Array.isArray(decoded)) throw new Error('record is not an array');
    return { seq: decoded[0], ops: decoded[1] };
  }
  let at = 1;
  const need = (n: number): void => {
    if (at + n > payload.length) throw new Error(`record cut short at byte ${at}`);
  };
  const f64 = (): number => {
    need(8);
    const v = payload.readDoubleLE(at);
    at += 8;
    return v;
  };
  const u32 = (): number => {
    need(4);
    const v = payload.readUInt32LE(at);
    at += 4;
    return v;
  };
  const seq = f64();
  const count = u32();
  const ops: unknown[] = [];
  for (let i = 0; i < count; i++) {
    need(1);
    const kind = payload[at++];
    switch (kind) {
      case OP_PUT_LOG: {
        const id = f64();
        const from = f64();
        const n = u32();
        const values: Buffer[] = [];
        for (let j = 0; j < n; j++) {
          const len = u32();
          need(len);
          values.push(payload.subarray(at, at + len));
          at += len;
        }
        ops.push({ k: 'putLog', id, from, values });
        break;
      }
      case OP_OTHER: {
        const len = u32();
        need(len);
        ops.push(packr.unpack(payload.subarray(at, at + len)));
        at += len;
        break;
      }
      default: {
        const triple = TRIPLE_KINDS.get(kind!);
        if (triple === undefined) throw new Error(`unknown op kind ${String(kind)}`);
        const op: Record<string, unknown> = { k: triple.k };
        for (const f of triple.fields) op[f] = f64();
        ops.push(op);
      }
    }
  }
  if (at !== payload.length) throw new Error(`${payload.length - at} bytes after the last op`);
  return { seq, ops };
}
