// Builds the client's TCP transport (transport-tcp in dial-only mode) and reads its connection log
// to learn the real id behind a seed given by address alone, and why a handshake was refused.
import { pino } from 'pino';
import { TcpTransport, type TcpTransportOptions } from '@raftfleet/transport-tcp';
import type { Transport } from '@raftfleet/transport';
import type { TransportHooks } from './client.js';

/** TLS settings of a client (PEM strings or buffers). */
export interface TlsClientOptions {
  /** CA certificate(s) that sign the nodes' certificates. */
  ca?: string | Uint8Array | Array<string | Uint8Array>;
  /** Client certificate (transport-tcp presents one on every TLS connection). */
  cert: string | Uint8Array;
  /** Client private key. */
  key: string | Uint8Array;
  /** Check that a node's certificate names the host dialled (default true). */
  verifyHostname?: boolean;
}

/** Options of {@link tcpClientTransport}. */
export interface TcpClientTransportOptions {
  /** The client's node id. */
  nodeId: string;
  /** The fleet's cluster id. */
  clusterId: string;
  /** The shared secret ('' when the fleet relies on TLS alone and runs with an empty secret). */
  secret?: string | Uint8Array;
  /** TLS material. */
  tls?: TlsClientOptions;
  /** Hooks into the client. */
  hooks: TransportHooks;
}

/** Close reasons that mean "this fleet does not accept us", as opposed to "nobody is there". */
const REFUSALS = new Set(['wrong_cluster', 'bad_proof', 'rejected_by_peer', 'wrong_version', 'tls_error']);
const FOUND = /expected (.+), found (.+)$/;

function buf(v: string | Uint8Array): string | Buffer {
  return typeof v === 'string' ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

/** A transport-tcp transport in client mode (dials, never listens). */
export function tcpClientTransport(options: TcpClientTransportOptions): Transport {
  // transport-tcp logs every close with its reason; the client reads them instead of printing them.
  const sink = {
    write(line: string): void {
      let rec: { reason?: unknown; detail?: unknown; peer?: unknown };
      try {
        rec = JSON.parse(line) as typeof rec;
      } catch {
        return;
      }
      const reason = typeof rec.reason === 'string' ? rec.reason : '';
      const detail = typeof rec.detail === 'string' ? rec.detail : '';
      if (reason === 'unexpected_node') {
        const m = FOUND.exec(detail);
        if (m !== null) options.hooks.identified(m[1]!, m[2]!);
      } else if (REFUSALS.has(reason)) {
        options.hooks.refused(typeof rec.peer === 'string' ? rec.peer : '?', `${reason}${detail !== '' ? `: ${detail}` : ''}`);
      }
    },
  };
  const tcp: TcpTransportOptions = {
    nodeId: options.nodeId,
    clusterId: options.clusterId,
    secret: options.secret ?? '',
    listen: false,
    reconnect: { initialDelayMs: 50, maxDelayMs: 1000 },
    logger: pino({ level: 'debug' }, sink),
  };
  if (options.tls !== undefined) {
    const t = options.tls;
    tcp.tls = {
      key: buf(t.key),
      cert: buf(t.cert),
      ...(t.ca !== undefined ? { ca: Array.isArray(t.ca) ? t.ca.map(buf) : buf(t.ca) } : {}),
      ...(t.verifyHostname !== undefined ? { verifyHostname: t.verifyHostname } : {}),
    };
  }
  return new TcpTransport(tcp);
}
