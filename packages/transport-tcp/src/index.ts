/**
 * TCP transport: one connection per node pair, length-delimited protobuf frames, HMAC handshake, optional TLS.
 * @packageDocumentation
 */
export { TcpTransport } from './transport.js';
export type { TcpTransportOptions, TcpTlsOptions } from './transport.js';
export { FrameDecoder, FramingError } from './decoder.js';
export { CLOSE_REASONS } from './metrics.js';
export type { CloseReason, TcpMetrics } from './metrics.js';
