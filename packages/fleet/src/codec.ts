// Standard msgpack (no extension types, no records) for the fleet's own RPC bodies and the client
// protocol: any msgpack implementation, such as the client SDK's @msgpack/msgpack, reads them.
import { Packr } from 'msgpackr';

const packr = new Packr({ useRecords: false, moreTypes: false, int64AsType: 'number', mapsAsObjects: true, variableMapSize: true });

/** Encodes a plain value as standard msgpack. */
export function encodeBody(value: unknown): Uint8Array {
  return packr.pack(value);
}

/** Decodes standard msgpack; throws on malformed input. */
export function decodeBody(bytes: Uint8Array): unknown {
  return packr.unpack(bytes);
}
