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

/** Whether a decoded body is a msgpack map (an object, not an array or binary). */
export function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/**
 * Decodes a request body that must be a msgpack map; anything else (not msgpack, or another value)
 * throws an Error with code ERR_INVALID, which the transport answers as a refusal.
 */
export function decodeRequest(bytes: Uint8Array): Record<string, unknown> {
  let v: unknown;
  try {
    v = decodeBody(bytes);
  } catch (e) {
    throw Object.assign(new Error(`body is not msgpack: ${e instanceof Error ? e.message : String(e)}`), { code: 'ERR_INVALID' });
  }
  if (!isMap(v)) throw Object.assign(new Error('body must be a msgpack map'), { code: 'ERR_INVALID' });
  return v;
}
