// What the runtime needs from the transport, as a small interface; wire.ts fits the
// @raftfleet/transport interface to it, tests and simulators implement it directly.
import type { Envelope } from '@raftfleet/protocol';

/** The runtime's view of the node-to-node transport. */
export interface Wire {
  /** Sends envelopes for many groups to one node; false when dropped. */
  send(to: string, envelopes: Envelope[]): boolean;
  /** Installs the handler of incoming batches. */
  onBatch(handler: (from: string, envelopes: Envelope[]) => void): void;
  /** Installs handlers of connection state changes. */
  onPeerChange(handler: (node: string, up: boolean) => void): void;
  /** Request/response to another node. */
  request(to: string, method: string, body: Uint8Array, timeoutMs: number): Promise<Uint8Array>;
  /** Serves a request method. */
  onRequest(method: string, handler: (from: string, body: Uint8Array) => Promise<Uint8Array>): void;
}
