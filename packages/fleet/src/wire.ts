// Fits a @raftfleet/transport Transport to the replica runtime's small Wire port, so the Host
// and the fleet share one transport (one connection per node pair) and one set of RPC methods.
import type { Envelope } from '@raftfleet/protocol';
import type { Wire } from '@raftfleet/replica';
import type { Transport } from '@raftfleet/transport';

/** The Wire view of a Transport. */
export function transportWire(transport: Transport): Wire {
  return {
    send: (to: string, envelopes: Envelope[]) => transport.send(to, envelopes),
    onBatch: (handler) => transport.onBatch(handler),
    onPeerChange: (handler) => {
      transport.on('peerUp', (node) => handler(node, true));
      transport.on('peerDown', (node) => handler(node, false));
    },
    request: (to, method, body, timeoutMs) => transport.request(to, method, body, { timeoutMs }),
    onRequest: (method, handler) => transport.onRequest(method, handler),
  };
}
