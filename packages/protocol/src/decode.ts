// Shared guard of every decoder: generated-code failures become DecodeError, trailing bytes are refused.
// Internal to the package.
import { $protobuf } from './pb.js';
import { DecodeError } from './errors.js';

/** Wraps anything the generated decoder throws (truncation, bad wire types, depth) into a DecodeError. */
export function decodeWith<T>(type: string, bytes: Uint8Array, decode: (reader: $protobuf.Reader) => T): T {
  if (!(bytes instanceof Uint8Array)) throw new DecodeError(type, 'input is not a Uint8Array');
  let value: T;
  try {
    const reader = $protobuf.Reader.create(bytes);
    value = decode(reader);
    if (reader.pos !== reader.len) throw new DecodeError(type, 'trailing bytes');
  } catch (error) {
    if (error instanceof DecodeError) throw error;
    throw new DecodeError(type, (error as Error).message ?? String(error), { cause: error });
  }
  return value;
}

