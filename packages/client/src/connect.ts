// The everyday entry point: a client over the TCP transport, authenticated like a node
// (cluster id + shared secret HMAC, or TLS), without ever becoming a member.
import { RaftfleetClient, type ClientOptions } from './client.js';
import { InvalidRequestError } from './errors.js';
import { tcpClientTransport, type TlsClientOptions } from './tcp.js';

/** Options of {@link connect}. */
export interface ConnectOptions extends Omit<ClientOptions, 'transport'> {
  /** The fleet's cluster id; the handshake fails on a mismatch. */
  clusterId: string;
  /** The fleet's shared secret (never sent; proven by HMAC). Required unless `tls` is given (then it defaults to ''). */
  secret?: string | Uint8Array;
  /** TLS options (CA, client certificate and key for mutual TLS). */
  tls?: TlsClientOptions;
  /** Replaces the TCP transport (other adapters, tests). */
  transport?: ClientOptions['transport'];
}

/**
 * Connects to a fleet through any of its nodes.
 *
 * @example
 * ```ts
 * const client = await connect({ seeds: ['127.0.0.1:7001'], clusterId: 'demo', secret: 's3cret' });
 * const counter = client.group<{ add: number }, number, 'get', number>('counter-1');
 * await counter.command({ add: 1 });
 * ```
 */
export async function connect(options: ConnectOptions): Promise<RaftfleetClient> {
  if (typeof options !== 'object' || options === null) throw new InvalidRequestError('connect needs options');
  if (options.transport === undefined) {
    if (typeof options.clusterId !== 'string' || options.clusterId === '') throw new InvalidRequestError('clusterId must be a non-empty string');
    if (options.secret === undefined && options.tls === undefined) throw new InvalidRequestError('connect needs a secret or tls options');
  }
  const { clusterId, secret, tls, transport, ...rest } = options;
  const factory =
    transport ??
    ((nodeId, hooks) => tcpClientTransport({ nodeId, clusterId, hooks, ...(secret !== undefined ? { secret } : {}), ...(tls !== undefined ? { tls } : {}) }));
  return RaftfleetClient.connect({ ...rest, transport: factory });
}
