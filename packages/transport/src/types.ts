// The contract between the Raft runtime and whatever carries bytes between nodes.
// A transport knows node ids and addresses, never groups: it moves batches of envelopes and small requests.
import type { Envelope } from '@raftfleet/protocol';

/** Identifier of a node process in the cluster (not a Raft member id). */
export type NodeId = string;

/** Receives every incoming batch: envelopes for any number of groups, in the order the peer sent them. */
export type BatchHandler = (from: NodeId, envelopes: Envelope[]) => void;

/** Answers one request method. A thrown error with a string `code` reaches the caller as a RemoteError with that code. */
export type RequestHandler = (from: NodeId, body: Uint8Array) => Promise<Uint8Array>;

/** Connection state events of a transport. */
export interface TransportEvents {
  /** A connection to the peer is established (messages can flow both ways). */
  peerUp: (peer: NodeId) => void;
  /** The connection to the peer was lost or closed; queued messages to it were dropped. */
  peerDown: (peer: NodeId) => void;
}

/** Options of {@link Transport.request}. */
export interface RequestOptions {
  /** Reject with TransportTimeoutError when no response arrives within this many milliseconds (default 5000). */
  timeoutMs?: number;
}

/** Counters a transport keeps; all counts since start. */
export interface TransportStats {
  /** Envelopes accepted by `send` for transmission. */
  sentEnvelopes: number;
  /** Envelopes dropped: unknown or unreachable peer, queue over its bound, too large for a frame, or lost on close. */
  droppedEnvelopes: number;
  /** Envelopes received and handed to the batch handler. */
  receivedEnvelopes: number;
  /** Bytes queued for sending right now, summed over all peers. */
  queuedBytes: number;
  /** The largest value `queuedBytes` reached for any single peer. */
  maxQueuedBytesSeen: number;
  /** Bytes handed to the network: batches, requests, answers and the transport's own frames (absent when a transport cannot tell). */
  sentBytes?: number;
  /** Bytes taken from the network, counted the same way (absent when a transport cannot tell). */
  receivedBytes?: number;
}

/** Moves batches of Raft envelopes and small request/response calls between nodes. */
export interface Transport {
  /** This node's id. */
  readonly nodeId: NodeId;
  /** The address peers reach this node at, once started; empty for a client that does not listen. */
  readonly address: string;
  /** Starts listening (when configured to); resolves once `address` is final. */
  start(): Promise<void>;
  /** Makes a peer known, and connects to it. Replaces the address of a known peer. */
  addPeer(nodeId: NodeId, address: string): void;
  /** Forgets a peer and closes the connection to it. */
  removePeer(nodeId: NodeId): void;
  /**
   * Queues envelopes (for any groups) for one peer, fire-and-forget. Never throws for an unreachable peer:
   * returns false and counts a drop when nothing could be queued.
   */
  send(to: NodeId, envelopes: Envelope[]): boolean;
  /** Sets the single handler of incoming batches (replacing any previous one). */
  onBatch(handler: BatchHandler): void;
  /** Subscribes to a connection state event; returns the unsubscribe function. */
  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): () => void;
  /** True while a connection to `peer` is established. */
  isConnected(peer: NodeId): boolean;
  /**
   * Calls `method` on a peer (or on a client connected to this node) and resolves with the response body.
   * Rejects with TransportTimeoutError, PeerUnavailableError, RemoteError, NoHandlerError or TransportClosedError.
   */
  request(to: NodeId, method: string, body: Uint8Array, options?: RequestOptions): Promise<Uint8Array>;
  /** Registers the handler of one request method (replacing any previous one). */
  onRequest(method: string, handler: RequestHandler): void;
  /** Counters, for metrics and tests. */
  stats(): TransportStats;
  /** Closes every connection and stops listening; pending requests reject with TransportClosedError. */
  close(): Promise<void>;
}
