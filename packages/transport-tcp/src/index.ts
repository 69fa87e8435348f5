/**
 * TCP transport: one connection per node pair, length-delimited protobuf frames, HMAC handshake, optional TLS.
 * @packageDocumentation
 */
export {};
