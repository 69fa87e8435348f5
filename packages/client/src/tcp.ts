// Builds the client's TCP transport: a transport-tcp instance that dials out and never listens.
// Kept apart so the rest of the client depends only on the Transport interface.
import type { Transport } from '@raftfleet/transport';

/** TLS settings of a client (PEM strings or buffers). */
export interface TlsClientOptions {
  /** CA certificate(s) that sign the nodes' certificates. */
  ca?: string | Uint8Array | Array<string | Uint8Array>;
  /** Client certificate, for mutual TLS. */
  cert?: string | Uint8Array;
  /** Client private key, for mutual TLS. */
  key?: string | Uint8Array;
  /** Expected server name in the nodes' certificates. */
  servername?: string;
}

/** Options of {@link tcpClientTransport}. */
export interface TcpClientTransportOptions {
  nodeId: string;
  clusterId: string;
  secret?: string | Uint8Array;
  tls?: TlsClientOptions;
}

/** A transport-tcp transport in client mode (dials, does not listen). */
export function tcpClientTransport(options: TcpClientTransportOptions): Transport {
  void options;
  throw new Error('transport-tcp is not available yet');
}
