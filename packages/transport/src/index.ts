/**
 * The node-to-node transport interface, and its compliance suite (`@raftfleet/transport/compliance`).
 * @packageDocumentation
 */
export type {
  NodeId,
  BatchHandler,
  RequestHandler,
  TransportEvents,
  RequestOptions,
  TransportStats,
  Transport,
} from './types.js';
export {
  TransportError,
  TransportTimeoutError,
  PeerUnavailableError,
  FrameTooLargeError,
  FRAME_TOO_LARGE_CODE,
  RemoteError,
  NoHandlerError,
  TransportClosedError,
  NO_HANDLER_CODE,
  remoteErrorInfo,
  errorFromRemote,
} from './errors.js';
export { PeerEvents } from './emitter.js';
