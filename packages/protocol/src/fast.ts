// Hand-written protobuf codec for the hot types (Entry, Message, Envelope, Batch), byte-compatible with raft.proto.
// The generated code allocates an intermediate object graph per message; this path reads and writes plain values directly.
import { DecodeError } from './errors.js';
import type { AppendMessage, Batch, ConfState, Entry, EntryType, Envelope, Message, Snapshot, SnapshotMeta } from './types.js';

const EMPTY: Uint8Array = new Uint8Array(0);
const TWO_32 = 0x100000000;
const textDecoder = new TextDecoder('utf-8', { fatal: false });
const textEncoder = new TextEncoder();

// ---------------------------------------------------------------- sizes

/** Bytes taken by `n` (a non-negative safe integer) as a varint. */
export function varintSize(n: number): number {
  if (n < 0x80) return 1;
  if (n < 0x4000) return 2;
  if (n < 0x200000) return 3;
  if (n < 0x10000000) return 4;
  if (n < 0x800000000) return 5;
  if (n < 0x40000000000) return 6;
  if (n < 0x2000000000000) return 7;
  return 8;
}

// Group names and member ids repeat in every message: their UTF-8 bytes are kept in a bounded cache,
// which sizes and writes them without walking the characters each time.
const ENCODED_MAX_CHARS = 64;
const ENCODED_MAX_ENTRIES = 8192;
const encodedStrings = new Map<string, Uint8Array>();

function encodedString(s: string): Uint8Array {
  let bytes = encodedStrings.get(s);
  if (bytes === undefined) {
    bytes = textEncoder.encode(s);
    if (encodedStrings.size >= ENCODED_MAX_ENTRIES) encodedStrings.clear();
    encodedStrings.set(s, bytes);
  }
  return bytes;
}

function utf8Length(s: string): number {
  if (s.length <= ENCODED_MAX_CHARS) return encodedString(s).length;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    if (s.charCodeAt(i) >= 0x80) return Buffer.byteLength(s, 'utf8');
  }
  return n;
}

/** Size of an optional uint64 field with a one-byte tag: proto3 omits zeros. */
function u64Field(n: number): number {
  if (n === 0) return 0;
  // Every integer is sized before it is written, so this one check keeps NaN, negatives and
  // fractions from producing bytes that disagree with the computed lengths.
  if (!(n > 0 && n <= Number.MAX_SAFE_INTEGER && Math.floor(n) === n)) {
    throw new RangeError(`cannot encode ${n}: integers must be safe and non-negative`);
  }
  return 1 + varintSize(n);
}
function lenField(len: number): number {
  return 1 + varintSize(len) + len;
}
function strField(s: string): number {
  return s.length === 0 ? 0 : lenField(utf8Length(s));
}
function bytesField(b: Uint8Array): number {
  return b.length === 0 ? 0 : lenField(b.length);
}

function entrySize(e: Entry): number {
  return u64Field(e.term) + u64Field(e.index) + u64Field(e.type) + bytesField(e.data);
}

function confStateSize(c: ConfState): number {
  let n = 0;
  for (const v of c.voters) n += lenField(utf8Length(v));
  for (const l of c.learners) n += lenField(utf8Length(l));
  return n;
}

function metaSize(m: SnapshotMeta): number {
  return u64Field(m.index) + u64Field(m.term) + lenField(confStateSize(m.conf));
}

function snapshotSize(s: Snapshot): number {
  return lenField(metaSize(s.meta)) + bytesField(s.data);
}

/** Size of the body sub-message of `m` (without its tag and length). */
function bodySize(m: Message): number {
  switch (m.type) {
    case 'append': {
      let n = u64Field(m.prevIndex) + u64Field(m.prevTerm) + u64Field(m.commit) + (m.quiet === true ? 2 : 0);
      for (const e of m.entries) n += lenField(entrySize(e));
      return n;
    }
    case 'appendResponse':
      return (m.reject ? 2 : 0) + u64Field(m.index) + u64Field(m.hintIndex) + u64Field(m.hintTerm);
    case 'vote':
    case 'preVote':
      return u64Field(m.lastIndex) + u64Field(m.lastTerm) + (m.transfer ? 2 : 0);
    case 'voteResponse':
    case 'preVoteResponse':
      return m.granted ? 2 : 0;
    case 'heartbeat':
      return u64Field(m.commit) + strField(m.context);
    case 'heartbeatResponse':
    case 'readIndex':
      return strField(m.context);
    case 'snapshot':
      return lenField(snapshotSize(m.snapshot));
    case 'snapshotChunk':
      return lenField(metaSize(m.meta)) + u64Field(m.offset) + bytesField(m.data) + (m.last ? 2 : 0);
    case 'timeoutNow':
      return 0;
    case 'readIndexResponse':
      return strField(m.context) + u64Field(m.index);
    default: {
      const unknown: never = m;
      throw new TypeError(`unknown message type ${(unknown as { type: string }).type}`);
    }
  }
}

/** Field numbers of the Message oneof cases (raft.proto). Body fields >= 16 take a two-byte tag. */
const BODY_FIELD = {
  append: 10,
  appendResponse: 11,
  vote: 12,
  preVote: 13,
  voteResponse: 14,
  preVoteResponse: 15,
  heartbeat: 16,
  heartbeatResponse: 17,
  snapshot: 18,
  snapshotChunk: 19,
  timeoutNow: 20,
  readIndex: 21,
  readIndexResponse: 22,
} as const satisfies Record<Message['type'], number>;

// Sizes of the message measured last: a writer measures a message and then writes it straight away,
// so remembering the last one saves walking every nested level twice.
let sizedMessage: Message | undefined;
let sizedMessageBytes = 0;
let sizedBodyBytes = 0;

/** Size of an encoded Message (without an enclosing tag and length). */
export function messageSize(m: Message): number {
  const body = bodySize(m);
  const tagSize = BODY_FIELD[m.type] < 16 ? 1 : 2;
  const size = u64Field(m.term) + strField(m.from) + strField(m.to) + tagSize + varintSize(body) + body;
  sizedMessage = m;
  sizedMessageBytes = size;
  sizedBodyBytes = body;
  return size;
}

/** Size of an encoded Envelope (without an enclosing tag and length). */
export function envelopeSize(e: Envelope): number {
  return strField(e.group) + lenField(messageSize(e.message));
}

// ---------------------------------------------------------------- writer

/** A growable byte buffer with the protobuf primitives the hot path needs. */
export class ProtoWriter {
  /** Underlying storage; only `[0, pos)` is meaningful. */
  buf: Uint8Array;
  /** Write position. */
  pos = 0;

  /**
   * @param capacity - Initial size, or a buffer to reuse (its contents are overwritten).
   * @param pooled - Allocate from Node's shared pool (cheap for one-shot small encodings). Frame writers
   *   pass false so that a finished buffer is theirs alone and can be reused.
   */
  constructor(capacity: number | Uint8Array = 1024, pooled = false) {
    if (typeof capacity !== 'number') this.buf = capacity;
    else this.buf = pooled ? Buffer.allocUnsafe(capacity) : Buffer.allocUnsafeSlow(capacity);
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    const need = this.pos + n;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const next = Buffer.allocUnsafeSlow(cap);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** Writes a varint; the caller has ensured room (10 bytes suffice). */
  varint(n: number): void {
    const buf = this.buf;
    let pos = this.pos;
    if (n < TWO_32) {
      while (n > 0x7f) {
        buf[pos++] = (n & 0x7f) | 0x80;
        n >>>= 7;
      }
    } else {
      while (n > 0x7f) {
        buf[pos++] = (n % 0x80) | 0x80;
        n = Math.floor(n / 0x80);
      }
    }
    buf[pos++] = n;
    this.pos = pos;
  }

  /** Writes a uint64 field (one-byte tag), omitted when zero as proto3 does. */
  u64(tag: number, n: number): void {
    if (n === 0) return;
    this.buf[this.pos++] = tag;
    this.varint(n);
  }

  /** Writes a bool field, omitted when false. */
  bool(tag: number, b: boolean): void {
    if (!b) return;
    this.buf[this.pos++] = tag;
    this.buf[this.pos++] = 1;
  }

  /** Writes the UTF-8 bytes of `s` (no tag, no length); `byteLength` is their count. */
  rawString(s: string, byteLength: number): void {
    if (byteLength === s.length) {
      const buf = this.buf;
      let pos = this.pos;
      for (let i = 0; i < byteLength; i++) buf[pos++] = s.charCodeAt(i);
      this.pos = pos;
    } else {
      this.pos += textEncoder.encodeInto(s, this.buf.subarray(this.pos)).written;
    }
  }

  /** Writes a string field, omitted when empty. */
  str(tag: number, s: string): void {
    if (s.length === 0) return;
    if (s.length <= ENCODED_MAX_CHARS) {
      const bytes = encodedString(s);
      const n = bytes.length;
      const buf = this.buf;
      buf[this.pos++] = tag;
      this.varint(n);
      let pos = this.pos;
      for (let i = 0; i < n; i++) buf[pos++] = bytes[i]!;
      this.pos = pos;
      return;
    }
    const len = utf8Length(s);
    this.buf[this.pos++] = tag;
    this.varint(len);
    this.rawString(s, len);
  }

  /** Writes a bytes field, omitted when empty. */
  bytes(tag: number, b: Uint8Array): void {
    if (b.length === 0) return;
    this.buf[this.pos++] = tag;
    this.varint(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Writes the tag (one or two bytes) and length of a length-delimited field whose body follows. */
  lenPrefix(tag: number, len: number): void {
    if (tag > 0x7f) {
      this.buf[this.pos++] = (tag & 0x7f) | 0x80;
      this.buf[this.pos++] = tag >>> 7;
    } else {
      this.buf[this.pos++] = tag;
    }
    this.varint(len);
  }
}

function writeEntry(w: ProtoWriter, e: Entry): void {
  w.u64(8, e.term);
  w.u64(16, e.index);
  w.u64(24, e.type);
  w.bytes(34, e.data);
}

function writeConfState(w: ProtoWriter, c: ConfState): void {
  for (const v of c.voters) {
    const len = utf8Length(v);
    w.lenPrefix(10, len);
    w.rawString(v, len);
  }
  for (const l of c.learners) {
    const len = utf8Length(l);
    w.lenPrefix(18, len);
    w.rawString(l, len);
  }
}

function writeMeta(w: ProtoWriter, m: SnapshotMeta): void {
  w.u64(8, m.index);
  w.u64(16, m.term);
  w.lenPrefix(26, confStateSize(m.conf));
  writeConfState(w, m.conf);
}

function writeBody(w: ProtoWriter, m: Message): void {
  switch (m.type) {
    case 'append':
      w.u64(8, m.prevIndex);
      w.u64(16, m.prevTerm);
      for (const e of m.entries) {
        w.lenPrefix(26, entrySize(e));
        writeEntry(w, e);
      }
      w.u64(32, m.commit);
      if (m.quiet === true) w.bool(40, true);
      return;
    case 'appendResponse':
      w.bool(8, m.reject);
      w.u64(16, m.index);
      w.u64(24, m.hintIndex);
      w.u64(32, m.hintTerm);
      return;
    case 'vote':
    case 'preVote':
      w.u64(8, m.lastIndex);
      w.u64(16, m.lastTerm);
      w.bool(24, m.transfer);
      return;
    case 'voteResponse':
    case 'preVoteResponse':
      w.bool(8, m.granted);
      return;
    case 'heartbeat':
      w.u64(8, m.commit);
      w.str(18, m.context);
      return;
    case 'heartbeatResponse':
    case 'readIndex':
      w.str(10, m.context);
      return;
    case 'snapshot':
      w.lenPrefix(10, snapshotSize(m.snapshot));
      w.lenPrefix(10, metaSize(m.snapshot.meta));
      writeMeta(w, m.snapshot.meta);
      w.bytes(18, m.snapshot.data);
      return;
    case 'snapshotChunk':
      w.lenPrefix(10, metaSize(m.meta));
      writeMeta(w, m.meta);
      w.u64(16, m.offset);
      w.bytes(26, m.data);
      w.bool(32, m.last);
      return;
    case 'timeoutNow':
      return;
    case 'readIndexResponse':
      w.str(10, m.context);
      w.u64(16, m.index);
      return;
    default: {
      const unknown: never = m;
      throw new TypeError(`unknown message type ${(unknown as { type: string }).type}`);
    }
  }
}

/** Writes a Message (no enclosing tag); the caller has ensured `messageSize(m)` bytes of room. */
export function writeMessage(w: ProtoWriter, m: Message): void {
  w.u64(8, m.term);
  w.str(18, m.from);
  w.str(26, m.to);
  w.lenPrefix((BODY_FIELD[m.type] << 3) | 2, sizedMessage === m ? sizedBodyBytes : bodySize(m));
  writeBody(w, m);
}

/** Writes an Envelope (no enclosing tag); the caller has ensured `envelopeSize(e)` bytes of room. */
export function writeEnvelope(w: ProtoWriter, e: Envelope): void {
  w.str(10, e.group);
  const m = e.message;
  w.lenPrefix(18, sizedMessage === m ? sizedMessageBytes : messageSize(m));
  writeMessage(w, m);
}

/** Encodes one entry into a fresh buffer of exactly its size. */
export function fastEncodeEntry(e: Entry): Uint8Array {
  const w = new ProtoWriter(entrySize(e), true);
  writeEntry(w, e);
  return w.buf.subarray(0, w.pos);
}

/** Encodes one message into a fresh buffer of exactly its size. */
export function fastEncodeMessage(m: Message): Uint8Array {
  const w = new ProtoWriter(Math.max(1, messageSize(m)), true);
  writeMessage(w, m);
  return w.buf.subarray(0, w.pos);
}

/** Encodes one envelope into a fresh buffer of exactly its size. */
export function fastEncodeEnvelope(e: Envelope): Uint8Array {
  const w = new ProtoWriter(Math.max(1, envelopeSize(e)), true);
  writeEnvelope(w, e);
  return w.buf.subarray(0, w.pos);
}

// ---------------------------------------------------------------- reader

// Group names and member ids repeat in every message: decoding them through a small direct-mapped
// cache returns the same string without building it again. The slot comes from a few bytes only, and a
// hit is confirmed by comparing every byte, so a collision costs a rebuild, never a wrong string.
const INTERN_MAX_BYTES = 64;
const INTERN_SLOTS = 4096;
const internSlots: (string | undefined)[] = new Array<string | undefined>(INTERN_SLOTS).fill(undefined);

function internAscii(buf: Uint8Array, start: number, end: number): string | undefined {
  const n = end - start;
  if (n === 0) return '';
  const slot =
    (n * 0x9e3779b1 + buf[start]! * 0x85eb + buf[end - 1]! * 0xc2b3 + buf[end - 2 < start ? start : end - 2]! * 0x27d5 +
      buf[start + (n >>> 1)]! * 0x165667) &
    (INTERN_SLOTS - 1);
  const hit = internSlots[slot];
  if (hit !== undefined && hit.length === n) {
    let i = 0;
    while (i < n && hit.charCodeAt(i) === buf[start + i]) i++;
    if (i === n) return hit;
  }
  let s = '';
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c >= 0x80) return undefined;
    s += String.fromCharCode(c);
  }
  internSlots[slot] = s;
  return s;
}

/**
 * Decodes the UTF-8 string in `buf[start, end)`. Short ASCII strings (names and ids, which repeat)
 * come from a small cache that returns the same string object without building it again; a hit is
 * confirmed byte by byte, so a later change to `buf` never changes a returned string.
 */
export function decodeInterned(buf: Uint8Array, start: number, end: number): string {
  if (end - start <= INTERN_MAX_BYTES) {
    const s = internAscii(buf, start, end);
    if (s !== undefined) return s;
  }
  return textDecoder.decode(buf.subarray(start, end));
}

/** A cursor over protobuf bytes; every read checks bounds and throws DecodeError. */
export class ProtoReader {
  /** Read position. */
  pos: number;

  /**
   * @param buf - The input.
   * @param type - Name of the type being decoded, for error messages.
   * @param start - Where reading starts.
   * @param end - End of the readable region.
   */
  constructor(
    readonly buf: Uint8Array,
    readonly type: string,
    start = 0,
    public end = buf.length,
  ) {
    this.pos = start;
  }

  /** Throws a DecodeError naming the type being decoded. */
  fail(reason: string): never {
    throw new DecodeError(this.type, reason);
  }

  /** Reads a varint as a safe non-negative integer. */
  varint(): number {
    const buf = this.buf;
    let pos = this.pos;
    const end = this.end;
    let result = 0;
    let shift = 1;
    for (let i = 0; i < 10; i++) {
      if (pos >= end) this.fail('truncated varint');
      const b = buf[pos++]!;
      if (i < 4) result |= (b & 0x7f) << (7 * i);
      else {
        if (i === 4) result = result >>> 0;
        result += (b & 0x7f) * shift;
      }
      if (i === 3) shift = 0x10000000;
      else if (i > 3) shift *= 0x80;
      if (b < 0x80) {
        this.pos = pos;
        if (i < 4) return result >>> 0;
        if (result > Number.MAX_SAFE_INTEGER) this.fail('integer above 2^53');
        return result;
      }
    }
    return this.fail('varint longer than 10 bytes');
  }

  /** Reads a length prefix and returns the end of the delimited region. */
  delimited(): number {
    const len = this.varint();
    const end = this.pos + len;
    if (end > this.end) this.fail('length beyond end of input');
    return end;
  }

  /** Reads a bytes field as a view of the input (no copy). */
  bytes(): Uint8Array {
    const end = this.delimited();
    const buf = this.buf;
    // A plain view: cheaper to create than Buffer#subarray, and still no copy.
    const b = new Uint8Array(buf.buffer, buf.byteOffset + this.pos, end - this.pos);
    this.pos = end;
    return b;
  }

  /** Reads a string field. */
  string(): string {
    const end = this.delimited();
    const start = this.pos;
    this.pos = end;
    return decodeInterned(this.buf, start, end);
  }

  /** Reads a bool field. */
  bool(): boolean {
    return this.varint() !== 0;
  }

  /** Skips a field of wire type `wireType` (unknown fields are ignored, as protobuf requires). */
  skip(wireType: number, depth = 0): void {
    switch (wireType) {
      case 0:
        this.varint();
        return;
      case 1:
        this.advance(8);
        return;
      case 2:
        this.pos = this.delimited();
        return;
      case 3: {
        if (depth > 32) this.fail('groups nested too deeply');
        for (;;) {
          const tag = this.varint();
          if ((tag & 7) === 4) return;
          this.skip(tag & 7, depth + 1);
        }
      }
      case 5:
        this.advance(4);
        return;
      default:
        this.fail(`invalid wire type ${wireType}`);
    }
  }

  private advance(n: number): void {
    if (this.pos + n > this.end) this.fail('truncated fixed-width field');
    this.pos += n;
  }
}

function readEntry(r: ProtoReader, end: number): Entry {
  const outer = r.end;
  r.end = end;
  let term = 0;
  let index = 0;
  let type = 0;
  let data = EMPTY;
  while (r.pos < end) {
    const tag = r.varint();
    switch (tag) {
      case 8:
        term = r.varint();
        break;
      case 16:
        index = r.varint();
        break;
      case 24:
        type = r.varint();
        break;
      case 34:
        data = r.bytes();
        break;
      default:
        r.skip(tag & 7);
    }
  }
  r.end = outer;
  if (type > 2) r.fail(`unknown entry type ${type}`);
  if (index < 1) r.fail('entry index is missing');
  return { term, index, type: type as EntryType, data };
}

function readConfState(r: ProtoReader, end: number): ConfState {
  const outer = r.end;
  r.end = end;
  const voters: string[] = [];
  const learners: string[] = [];
  while (r.pos < end) {
    const tag = r.varint();
    if (tag === 10) voters.push(r.string());
    else if (tag === 18) learners.push(r.string());
    else r.skip(tag & 7);
  }
  r.end = outer;
  return { voters, learners };
}

function readMeta(r: ProtoReader, end: number): SnapshotMeta {
  const outer = r.end;
  r.end = end;
  let index = 0;
  let term = 0;
  let conf: ConfState | undefined;
  while (r.pos < end) {
    const tag = r.varint();
    if (tag === 8) index = r.varint();
    else if (tag === 16) term = r.varint();
    else if (tag === 26) conf = readConfState(r, r.delimited());
    else r.skip(tag & 7);
  }
  r.end = outer;
  if (conf === undefined) r.fail('snapshot conf is missing');
  return { index, term, conf };
}

function readSnapshot(r: ProtoReader, end: number): Snapshot {
  const outer = r.end;
  r.end = end;
  let meta: SnapshotMeta | undefined;
  let data = EMPTY;
  while (r.pos < end) {
    const tag = r.varint();
    if (tag === 10) meta = readMeta(r, r.delimited());
    else if (tag === 18) data = r.bytes();
    else r.skip(tag & 7);
  }
  r.end = outer;
  if (meta === undefined) r.fail('snapshot meta is missing');
  return { meta, data };
}

/** Reads the scalar fields of a body sub-message into a small record keyed by field number. */
function readBody(r: ProtoReader, end: number, field: number, term: number, from: string, to: string): Message {
  const outer = r.end;
  r.end = end;
  let a = 0; // field 1 (varint)
  let b = 0; // field 2 (varint)
  let c = 0; // field 3 (varint)
  let d = 0; // field 4 (varint)
  let e = 0; // field 5 (varint)
  let s = ''; // the string field
  let data = EMPTY;
  let entries: Entry[] | undefined;
  let meta: SnapshotMeta | undefined;
  let snapshot: Snapshot | undefined;
  while (r.pos < end) {
    const tag = r.varint();
    const f = tag >>> 3;
    const wt = tag & 7;
    if (wt === 0) {
      if (f === 1) a = r.varint();
      else if (f === 2) b = r.varint();
      else if (f === 3) c = r.varint();
      else if (f === 4) d = r.varint();
      else if (f === 5) e = r.varint();
      else r.skip(wt);
    } else if (wt === 2) {
      if (field === 10 && f === 3) (entries ??= []).push(readEntry(r, r.delimited()));
      else if (field === 18 && f === 1) snapshot = readSnapshot(r, r.delimited());
      else if (field === 19 && f === 1) meta = readMeta(r, r.delimited());
      else if (field === 19 && f === 3) data = r.bytes();
      else if ((field === 16 && f === 2) || ((field === 17 || field === 21 || field === 22) && f === 1)) s = r.string();
      else r.skip(wt);
    } else r.skip(wt);
  }
  r.end = outer;
  switch (field) {
    case 10: {
      const m: AppendMessage = { type: 'append', term, from, to, prevIndex: a, prevTerm: b, entries: entries ?? [], commit: d };
      if (e !== 0) m.quiet = true;
      return m;
    }
    case 11:
      return { type: 'appendResponse', term, from, to, reject: a !== 0, index: b, hintIndex: c, hintTerm: d };
    case 12:
      return { type: 'vote', term, from, to, lastIndex: a, lastTerm: b, transfer: c !== 0 };
    case 13:
      return { type: 'preVote', term, from, to, lastIndex: a, lastTerm: b, transfer: c !== 0 };
    case 14:
      return { type: 'voteResponse', term, from, to, granted: a !== 0 };
    case 15:
      return { type: 'preVoteResponse', term, from, to, granted: a !== 0 };
    case 16:
      return { type: 'heartbeat', term, from, to, commit: a, context: s };
    case 17:
      return { type: 'heartbeatResponse', term, from, to, context: s };
    case 18:
      if (snapshot === undefined) return r.fail('snapshot is missing');
      return { type: 'snapshot', term, from, to, snapshot };
    case 19:
      if (meta === undefined) return r.fail('snapshot chunk meta is missing');
      return { type: 'snapshotChunk', term, from, to, meta, offset: b, data, last: d !== 0 };
    case 20:
      return { type: 'timeoutNow', term, from, to };
    case 21:
      return { type: 'readIndex', term, from, to, context: s };
    case 22:
      return { type: 'readIndexResponse', term, from, to, context: s, index: b };
    default:
      return r.fail(`unknown message type field ${field}`);
  }
}

/** Reads a Message occupying `[r.pos, end)`. */
export function readMessage(r: ProtoReader, end: number): Message {
  const outer = r.end;
  r.end = end;
  let term = 0;
  let from = '';
  let to = '';
  let bodyField = 0;
  let bodyStart = 0;
  let bodyEnd = 0;
  while (r.pos < end) {
    const tag = r.varint();
    const f = tag >>> 3;
    if (tag === 8) term = r.varint();
    else if (tag === 18) from = r.string();
    else if (tag === 26) to = r.string();
    else if (f >= 10 && f <= 22 && (tag & 7) === 2) {
      if (bodyField !== 0) r.fail('several message types are set');
      bodyField = f;
      bodyEnd = r.delimited();
      bodyStart = r.pos;
      r.pos = bodyEnd;
    } else r.skip(tag & 7);
  }
  r.end = outer;
  if (bodyField === 0) r.fail('message type is missing');
  // Header fields may follow the body on the wire, so the body is read once the header is known.
  const after = r.pos;
  r.pos = bodyStart;
  const message = readBody(r, bodyEnd, bodyField, term, from, to);
  r.pos = after;
  return message;
}

/** Reads an Envelope occupying `[r.pos, end)`. */
export function readEnvelope(r: ProtoReader, end: number): Envelope {
  const outer = r.end;
  r.end = end;
  let group = '';
  let message: Message | undefined;
  while (r.pos < end) {
    const tag = r.varint();
    if (tag === 10) group = r.string();
    else if (tag === 18) {
      if (message !== undefined) r.fail('several messages in one envelope');
      message = readMessage(r, r.delimited());
    } else r.skip(tag & 7);
  }
  r.end = outer;
  if (message === undefined) r.fail('message is missing');
  return { group, message };
}

/** Decodes a whole buffer with `read`, refusing trailing garbage. */
export function readAll<T>(type: string, bytes: Uint8Array, read: (r: ProtoReader, end: number) => T): T {
  if (!(bytes instanceof Uint8Array)) throw new DecodeError(type, 'input is not a Uint8Array');
  const r = new ProtoReader(bytes, type);
  return read(r, bytes.length);
}

/** Decodes a whole buffer holding one entry. */
export function fastDecodeEntry(bytes: Uint8Array): Entry {
  return readAll('Entry', bytes, readEntry);
}

/** Reads a Batch occupying `[r.pos, end)`. */
export function readBatch(r: ProtoReader, end: number): Batch {
  const outer = r.end;
  r.end = end;
  let from = '';
  let to = '';
  const envelopes: Envelope[] = [];
  while (r.pos < end) {
    const tag = r.varint();
    if (tag === 26) envelopes.push(readEnvelope(r, r.delimited()));
    else if (tag === 10) from = r.string();
    else if (tag === 18) to = r.string();
    else r.skip(tag & 7);
  }
  r.end = outer;
  return { from, to, envelopes };
}

/** Encodes a batch into a fresh buffer of exactly its size. */
export function fastEncodeBatch(b: Batch): Uint8Array {
  let size = strField(b.from) + strField(b.to);
  const sizes = new Array<number>(b.envelopes.length);
  for (let i = 0; i < b.envelopes.length; i++) {
    const s = envelopeSize(b.envelopes[i]!);
    sizes[i] = s;
    size += lenField(s);
  }
  const w = new ProtoWriter(Math.max(1, size), true);
  w.str(10, b.from);
  w.str(18, b.to);
  for (let i = 0; i < b.envelopes.length; i++) {
    w.lenPrefix(26, sizes[i]!);
    writeEnvelope(w, b.envelopes[i]!);
  }
  return w.buf.subarray(0, w.pos);
}

const MAX_WRITER_CAPACITY = 8 * 1024 * 1024;
const MAX_SPARES = 4;
let costedEnvelope: Envelope | undefined;
let costedSize = 0;

/** Worst-case bytes before the envelopes of a batch frame: frame length, frame tag, batch length. */
const FRAME_HEADER_ROOM = 5 + 1 + 5;

/**
 * Builds one length-prefixed transport frame holding a batch of envelopes, envelope by envelope,
 * so that a sender knows the frame's size as it grows and can cut it at a maximum.
 * The bytes are the `batch` case of `Frame` in wire.proto, preceded by the frame's varint length.
 */
export class BatchFrameWriter {
  private w: ProtoWriter;
  private count = 0;
  private readonly spares: Uint8Array[] = [];

  /** @param capacity - Initial buffer size; the buffer grows as needed. */
  constructor(private readonly capacity = 64 * 1024) {
    this.w = new ProtoWriter(capacity);
    this.w.pos = FRAME_HEADER_ROOM;
  }

  /** Number of envelopes in the frame being built. */
  get envelopes(): number {
    return this.count;
  }

  /** Bytes the frame would take if finished now (an upper bound, within 11 bytes). */
  get size(): number {
    return this.w.pos;
  }

  /** Bytes `envelope` adds to the frame. */
  static envelopeCost(envelope: Envelope): number {
    const size = envelopeSize(envelope);
    costedEnvelope = envelope;
    costedSize = size;
    return lenField(size);
  }

  /** Appends one envelope; `cost` is its {@link BatchFrameWriter.envelopeCost} when the caller has it. */
  append(envelope: Envelope, cost?: number): void {
    const size = costedEnvelope === envelope && sizedMessage === envelope.message ? costedSize : envelopeSize(envelope);
    const w = this.w;
    w.ensure(cost ?? lenField(size));
    w.lenPrefix(26, size);
    writeEnvelope(w, envelope);
    this.count++;
  }

  /** Returns the finished frame (length prefix included) and starts a new one. */
  finish(): Uint8Array {
    const w = this.w;
    const batchLen = w.pos - FRAME_HEADER_ROOM;
    const frameLen = 1 + varintSize(batchLen) + batchLen;
    const start = FRAME_HEADER_ROOM - (varintSize(frameLen) + 1 + varintSize(batchLen));
    const end = w.pos;
    w.pos = start;
    w.varint(frameLen);
    w.buf[w.pos++] = (6 << 3) | 2;
    w.varint(batchLen);
    const frame = w.buf.subarray(start, end);
    // The finished buffer now belongs to the caller (typically a socket write) until it calls recycle(),
    // so the next frame takes a recycled buffer or a new one sized after this frame, so that steady
    // traffic does not regrow (and copy) it frame after frame.
    const want = Math.max(this.capacity, Math.min(end + (end >>> 2), MAX_WRITER_CAPACITY));
    const spare = this.spares.pop();
    this.w = new ProtoWriter(spare !== undefined && spare.length >= want ? spare : want);
    this.w.pos = FRAME_HEADER_ROOM;
    this.count = 0;
    return frame;
  }

  /**
   * Hands back a frame returned by {@link BatchFrameWriter.finish} once nothing reads it any more
   * (for a socket, in the write callback), so its buffer serves a later frame instead of a new allocation.
   */
  recycle(frame: Uint8Array): void {
    if (this.spares.length >= MAX_SPARES || frame.byteOffset > FRAME_HEADER_ROOM) return;
    // A Buffer view, like fresh allocations, so the writer's element accesses stay monomorphic.
    const whole = Buffer.from(frame.buffer, 0, frame.buffer.byteLength);
    if (whole.length >= this.capacity && whole.length <= MAX_WRITER_CAPACITY) this.spares.push(whole);
  }
}
