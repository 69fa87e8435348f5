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

// No shared structures: every message carries its own record definitions, so bytes never depend
// on what was encoded before and any member can decode them. Records keep Maps apart from objects.
const packr = new Packr({ moreTypes: true, int64AsType: 'number' });

/** msgpack via msgpackr: fast, handles Maps, Sets, Dates, typed arrays, bigint. The default. */
export const msgpackCodec: Codec<any> = {
  name: 'msgpack',
  encode: (value) => packr.pack(value),
  decode: (bytes) => packr.unpack(bytes),
};

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

/** JSON as UTF-8: readable bytes; only JSON-representable values survive (no Map, no undefined in arrays). */
export const jsonCodec: Codec<any> = {
  name: 'json',
  encode: (value) => textEncoder.encode(JSON.stringify(value === undefined ? null : value)),
  decode: (bytes) => JSON.parse(textDecoder.decode(bytes)) as unknown,
};

/** The runtime's own framing (entries, snapshots, RPC bodies) always uses msgpack. */
export const internalCodec: Codec<any> = msgpackCodec;
