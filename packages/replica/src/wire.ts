// Fits a @raftfleet/transport Transport to the runtime's small Wire port, so the Host can take
// either a real transport (tcp, memory) or a test double that implements Wire directly.
import type { Transport } from '@raftfleet/transport';
import type { Wire } from './ports.js';

/** Whether `t` is a full {@link Transport} (rather than a bare {@link Wire}). */
export function isTransport(t: Transport | Wire): t is Transport {
  return typeof (t as Transport).on === 'function' && typeof (t as Transport).isConnected === 'function';
}

/** Adapts a Transport to the Wire port. */
export function wireFromTransport(t: Transport): Wire {
  return {
    send: (to, envelopes) => t.send(to, envelopes),
    onBatch: (handler) => t.onBatch(handler),
    onPeerChange: (handler) => {
      t.on('peerUp', (peer) => handler(peer, true));
      t.on('peerDown', (peer) => handler(peer, false));
    },
    request: (to, method, body, timeoutMs) => t.request(to, method, body, { timeoutMs }),
    onRequest: (method, handler) => t.onRequest(method, handler),
  };
}
