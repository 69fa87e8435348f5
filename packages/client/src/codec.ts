// Codecs turn a group's commands, results, queries and answers into bytes. The default is standard
// msgpack through the pure-JS @msgpack/msgpack, which reads what a node's msgpackr writes without records.
import { pack, unpack } from './msgpack.js';

/** Encodes values of type T to bytes and back; must match the codec the group's machine uses on the nodes. */
export interface Codec<T = unknown> {
  /** A short name, for messages. */
  readonly name: string;
  /** Serializes a value. */
  encode(value: T): Uint8Array;
  /** Deserializes bytes produced by the peer's `encode`. */
  decode(bytes: Uint8Array): T;
}

/** Standard msgpack (no extension types): the fleet's default machine codec. */
export const msgpackCodec: Codec<any> = {
  name: 'msgpack',
  encode: (value) => pack(value),
  decode: (bytes) => unpack(bytes),
};

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

/** JSON as UTF-8, for machines registered with a JSON codec. */
export const jsonCodec: Codec<any> = {
  name: 'json',
  encode: (value) => textEncoder.encode(JSON.stringify(value === undefined ? null : value)),
  decode: (bytes) => JSON.parse(textDecoder.decode(bytes)) as unknown,
};
