// Codecs turn commands, results, queries, answers and states into bytes for the log, the
// wire and snapshots. msgpack is the default; JSON and user codecs (e.g. protobuf) plug in.
import { Packr } from 'msgpackr';

/** Encodes values of type T to bytes and back. Must be deterministic enough that decode(encode(v)) equals v. */
export interface Codec<T = unknown> {
  /** A short name, recorded in logs. */
  readonly name: string;
  /** Serializes a value. */
  encode(value: T): Uint8Array;
  /** Deserializes bytes produced by `encode`. */
  decode(bytes: Uint8Array): T;
}

// Standard msgpack (no records, no extension types beyond the timestamp): commands, results,
// queries and answers cross to clients that decode with any msgpack library, and the bytes never
// depend on what was encoded before, so every member decodes them alike.
const standard = new Packr({ useRecords: false, int64AsType: 'number', variableMapSize: true });

/**
 * Standard msgpack via msgpackr, the default: objects, arrays, strings, numbers, booleans, null,
 * Uint8Array and Date. A Map arrives as a plain object; use a codec of your own (or the state
 * machine's snapshot/restore) for richer types.
 */
export const msgpackCodec: Codec<any> = {
  name: 'msgpack',
  encode: (value) => standard.pack(value),
  decode: (bytes) => standard.unpack(bytes),
};

// The runtime's own records (entries, snapshots, node-to-node RPC) may use msgpackr's richer types:
// only raftfleet nodes read them. No shared structures, so bytes never depend on earlier encodes.
const rich = new Packr({ moreTypes: true, int64AsType: 'number', variableMapSize: true });

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

/** JSON as UTF-8: readable bytes; only JSON-representable values survive (no Map, no undefined in arrays). */
export const jsonCodec: Codec<any> = {
  name: 'json',
  encode: (value) => textEncoder.encode(JSON.stringify(value === undefined ? null : value)),
  decode: (bytes) => JSON.parse(textDecoder.decode(bytes)) as unknown,
};

/** The runtime's own framing (entries, snapshots, RPC bodies). */
export const internalCodec: Codec<any> = {
  name: 'msgpack-internal',
  encode: (value) => rich.pack(value),
  decode: (bytes) => rich.unpack(bytes),
};
