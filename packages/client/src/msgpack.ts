// One msgpack encoder and decoder for the whole client: @msgpack/msgpack's encode() and decode()
// functions build a new Encoder or Decoder (with its buffers) on every call.
import { Decoder, Encoder } from '@msgpack/msgpack';

const encoder = new Encoder({ ignoreUndefined: true });
const decoder = new Decoder();

/** Standard msgpack bytes of `value` (undefined properties left out); the result is the caller's own. */
export function pack(value: unknown): Uint8Array {
  return encoder.encode(value);
}

/** The value encoded in `bytes`; throws on malformed input. */
export function unpack(bytes: Uint8Array): unknown {
  return decoder.decode(bytes);
}
