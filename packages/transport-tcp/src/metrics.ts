// Counters of the TCP transport: traffic, connections, and every reason a connection was closed.
// Exposed as a plain snapshot by `metrics()` so any metrics system can scrape it.

/** Every reason the transport closes a connection; each has a counter. */
export const CLOSE_REASONS = [
  'bad_frame',
  'frame_too_large',
  'bad_length_prefix',
  'unexpected_frame',
  'wrong_version',
  'wrong_cluster',
  'bad_proof',
  'unexpected_node',
  'handshake_timeout',
  'handshake_cap',
  'duplicate',
  'rejected_by_peer',
  'idle_timeout',
  'socket_error',
  'tls_error',
  'peer_closed',
  'removed',
  'replaced',
  'transport_closed',
] as const;

/** One of {@link CLOSE_REASONS}. */
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** Snapshot of the transport's counters (monotonic since start, except the gauges noted). */
export interface TcpMetrics {
  /** Inbound TCP connections accepted by the listener. */
  connectionsAccepted: number;
  /** Outbound connection attempts. */
  dialsStarted: number;
  /** Outbound attempts that failed before the handshake completed. */
  dialsFailed: number;
  /** Handshakes completed (either direction). */
  handshakesCompleted: number;
  /** Gauge: connections currently in the handshake. */
  pendingHandshakes: number;
  /** Gauge: established connections. */
  openConnections: number;
  /** Frames written. */
  framesSent: number;
  /** Frames read. */
  framesReceived: number;
  /** Bytes written (frame bytes including length prefixes). */
  bytesSent: number;
  /** Bytes read. */
  bytesReceived: number;
  /** Envelopes sent. */
  envelopesSent: number;
  /** Envelopes received. */
  envelopesReceived: number;
  /** Envelopes dropped (unknown peer, full queue, too large for a frame, connection lost). */
  envelopesDropped: number;
  /** Connections closed, by reason. */
  closed: Record<CloseReason, number>;
}

/** A fresh, all-zero metrics record. */
export function emptyMetrics(): TcpMetrics {
  return {
    connectionsAccepted: 0,
    dialsStarted: 0,
    dialsFailed: 0,
    handshakesCompleted: 0,
    pendingHandshakes: 0,
    openConnections: 0,
    framesSent: 0,
    framesReceived: 0,
    bytesSent: 0,
    bytesReceived: 0,
    envelopesSent: 0,
    envelopesReceived: 0,
    envelopesDropped: 0,
    closed: Object.fromEntries(CLOSE_REASONS.map((r) => [r, 0])) as Record<CloseReason, number>,
  };
}
