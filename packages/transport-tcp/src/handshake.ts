// Proofs of the shared secret for the connection handshake: HMAC-SHA256 over the whole transcript, per role.
// The secret never crosses the wire; each side proves it over both nonces and both node ids.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Length of handshake nonces, in bytes. */
export const NONCE_BYTES = 32;

/** A fresh random nonce. */
export function nonce(): Uint8Array {
  return randomBytes(NONCE_BYTES);
}

/** What both sides agree on once Hello and Challenge have been exchanged. */
export interface Transcript {
  clusterId: string;
  dialerId: string;
  listenerId: string;
  dialerNonce: Uint8Array;
  listenerNonce: Uint8Array;
}

function field(h: ReturnType<typeof createHmac>, bytes: Uint8Array | string): void {
  const b = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const len = Buffer.allocUnsafe(4);
  len.writeUInt32BE(b.length);
  h.update(len);
  h.update(b);
}

/** The proof `role` sends: HMAC(secret, role ‖ transcript), every field length-prefixed so fields cannot be shifted. */
export function proof(secret: string | Uint8Array, role: 'dialer' | 'listener', t: Transcript): Uint8Array {
  const h = createHmac('sha256', secret);
  field(h, `raftfleet/1 ${role}`);
  field(h, t.clusterId);
  field(h, t.dialerId);
  field(h, t.listenerId);
  field(h, t.dialerNonce);
  field(h, t.listenerNonce);
  return h.digest();
}

/** Constant-time comparison of a received proof with the expected one. */
export function proofMatches(expected: Uint8Array, received: Uint8Array): boolean {
  return expected.length === received.length && timingSafeEqual(expected, received);
}
