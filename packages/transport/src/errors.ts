// Typed errors of the transport layer, shared by every adapter so callers can handle them uniformly.
// Each carries a stable `code` and the peer (and method) involved.

/** Base class of every transport error. */
export class TransportError extends Error {
  /** Stable error code. */
  readonly code: string;
  /** The peer involved, when there is one. */
  readonly node: string | undefined;

  /**
   * @param code - Stable error code.
   * @param message - Human-readable description.
   * @param node - The peer involved.
   * @param options - Standard error options.
   */
  constructor(code: string, message: string, node?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TransportError';
    this.code = code;
    this.node = node;
  }
}

/** A request got no response in time. */
export class TransportTimeoutError extends TransportError {
  /** The method called. */
  readonly method: string;
  /** The timeout that expired. */
  readonly timeoutMs: number;

  /**
   * @param node - The peer called.
   * @param method - The method called.
   * @param timeoutMs - The timeout that expired.
   */
  constructor(node: string, method: string, timeoutMs: number) {
    super('ERR_TRANSPORT_TIMEOUT', `request ${method} to ${node} timed out after ${timeoutMs} ms`, node);
    this.name = 'TransportTimeoutError';
    this.method = method;
    this.timeoutMs = timeoutMs;
  }
}

/** The peer is unknown, unreachable, or the connection dropped before the response arrived. */
export class PeerUnavailableError extends TransportError {
  /**
   * @param node - The peer.
   * @param reason - Why it is unavailable.
   */
  constructor(node: string, reason: string) {
    super('ERR_PEER_UNAVAILABLE', `peer ${node} is unavailable: ${reason}`, node);
    this.name = 'PeerUnavailableError';
  }
}

/**
 * A request or response body does not fit in one frame (the transport's maximum frame size): it is
 * refused before anything is sent, so the connection stays up. A response refused this way reaches
 * the caller as a {@link RemoteError} with this code.
 */
export class FrameTooLargeError extends TransportError {
  /** Encoded size of the frame that was refused, in bytes. */
  readonly bytes: number;
  /** The maximum frame size, in bytes. */
  readonly maxBytes: number;
  /**
   * @param node - The peer the frame was for.
   * @param what - What was refused, for the message (for example "request echo").
   * @param bytes - Encoded size of the frame.
   * @param maxBytes - The maximum frame size.
   */
  constructor(node: string, what: string, bytes: number, maxBytes: number) {
    super(FRAME_TOO_LARGE_CODE, `${what} to ${node}: a frame of ${bytes} bytes exceeds the maximum of ${maxBytes}`, node);
    this.name = 'FrameTooLargeError';
    this.bytes = bytes;
    this.maxBytes = maxBytes;
  }
}

/** Error code of {@link FrameTooLargeError}, also sent back when a response is too large. */
export const FRAME_TOO_LARGE_CODE = 'ERR_FRAME_TOO_LARGE';

/** The remote handler failed; carries the remote error's code and message. */
export class RemoteError extends TransportError {
  /** The method called. */
  readonly method: string;
  /** The `code` of the error thrown by the remote handler (`ERR_REMOTE` when it had none). */
  readonly remoteCode: string;
  /** The message of the error thrown by the remote handler. */
  readonly remoteMessage: string;

  /**
   * @param node - The peer called.
   * @param method - The method called.
   * @param remoteCode - The remote error's code.
   * @param remoteMessage - The remote error's message.
   */
  constructor(node: string, method: string, remoteCode: string, remoteMessage: string) {
    super('ERR_REMOTE', `request ${method} to ${node} failed: ${remoteCode}: ${remoteMessage}`, node);
    this.name = 'RemoteError';
    this.method = method;
    this.remoteCode = remoteCode;
    this.remoteMessage = remoteMessage;
  }
}

/** The peer has no handler for the method. */
export class NoHandlerError extends TransportError {
  /** The method called. */
  readonly method: string;

  /**
   * @param node - The peer called.
   * @param method - The method that has no handler.
   */
  constructor(node: string, method: string) {
    super('ERR_NO_HANDLER', `peer ${node} has no handler for ${method}`, node);
    this.name = 'NoHandlerError';
    this.method = method;
  }
}

/** The transport was closed (before or during the call). */
export class TransportClosedError extends TransportError {
  /** @param node - This node's id. */
  constructor(node: string) {
    super('ERR_TRANSPORT_CLOSED', `transport of ${node} is closed`, node);
    this.name = 'TransportClosedError';
  }
}

/** Code a response carries when the remote side has no handler for the method. */
export const NO_HANDLER_CODE = 'ERR_NO_HANDLER';

/** Turns a handler's failure into the (code, message) pair sent back to the caller. */
export function remoteErrorInfo(error: unknown): { code: string; message: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === 'string' && code.length > 0 ? code : 'ERR_REMOTE', message: error.message };
  }
  return { code: 'ERR_REMOTE', message: String(error) };
}

/** Turns a received (code, message) pair back into the caller-side error. */
export function errorFromRemote(node: string, method: string, code: string, message: string): TransportError {
  return code === NO_HANDLER_CODE ? new NoHandlerError(node, method) : new RemoteError(node, method, code, message);
}
