/**
 * Client SDK: talk to a raftfleet cluster from outside, by group name, with leader caching, redirects,
 * retries inside deadlines and exactly-once commands. Pure JavaScript: no server code, no native modules.
 * @packageDocumentation
 */
export { RaftfleetClient, parseSeed, MAX_COMMAND_RETRY_MS } from './client.js';
export type {
  Seed,
  TransportHooks,
  RetryOptions,
  ClientOptions,
  CallOptions,
  QueryOptions,
  AddGroupOptions,
  GroupHandle,
  GroupHandleOptions,
  ClientStats,
} from './client.js';
export { connect } from './connect.js';
export type { ConnectOptions } from './connect.js';
export { tcpClientTransport } from './tcp.js';
export type { TlsClientOptions, TcpClientTransportOptions } from './tcp.js';
export { msgpackCodec, jsonCodec } from './codec.js';
export type { Codec } from './codec.js';
export { METHODS } from './wire.js';
export type { Consistency, NodeInfo, GroupInfo, FleetStatus, Method, StrayMember, StrayReport } from './wire.js';
export {
  ClientError,
  NotLeaderError,
  TimeoutError,
  GroupNotFoundError,
  GroupExistsError,
  RecoveryRefusedError,
  UnavailableError,
  UnauthorizedError,
  TooLargeError,
  CommandFailedError,
  InvalidRequestError,
  ClientClosedError,
} from './errors.js';
