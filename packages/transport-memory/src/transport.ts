// A Transport whose wire is a MemoryNetwork: links, events, batches and requests without sockets.
// Same contract as the TCP transport, so runtime tests and simulations exercise the same code paths.
import type { Envelope } from '@raftfleet/protocol';
import {
  PeerEvents,
  PeerUnavailableError,
  TransportClosedError,
  TransportTimeoutError,
  NO_HANDLER_CODE,
  errorFromRemote,
  remoteErrorInfo,
  type BatchHandler,
  type NodeId,
  type RequestHandler,
  type RequestOptions,
  type Transport,
  type TransportEvents,
  type TransportStats,
} from '@raftfleet/transport';
import { MemoryNetwork, type InFlight } from './network.js';

/** Delay before a known peer whose link the other side took down is dialled again (a TCP dialler's first backoff). */
const RELINK_DELAY_MS = 50;

/** Options of a {@link MemoryTransport}. */
export interface MemoryTransportOptions {
  /** Address to be reachable at (default `mem://<nodeId>`); ignored when `listen` is false. */
  address?: string;
  /** False for a client that connects out but cannot be dialled (its address is ''). Default true. */
  listen?: boolean;
  /** Bound on bytes in flight to one peer; sends beyond it are dropped and counted (default 32 MiB). */
  maxQueuedBytes?: number;
  /** Default request timeout in milliseconds (default 5000). */
  requestTimeoutMs?: number;
}

interface PendingRequest {
  peer: NodeId;
  method: string;
  resolve: (body: Uint8Array) => void;
  reject: (error: Error) => void;
  cancelTimer: () => void;
}

interface Peer {
  address: string;
  /** Whether this side called addPeer (a dialled link) or only accepted the other's. */
  known: boolean;
  /** The remote transport while the link is up. */
  link: MemoryTransport | undefined;
  queuedBytes: number;
}

/** An in-process {@link Transport} attached to a {@link MemoryNetwork}. */
export class MemoryTransport implements Transport {
  /** This node's id. */
  readonly nodeId: NodeId;
  private readonly listenAddress: string;
  private readonly maxQueuedBytes: number;
  private readonly requestTimeoutMs: number;
  private readonly events = new PeerEvents();
  private readonly peers = new Map<NodeId, Peer>();
  private readonly handlers = new Map<string, RequestHandler>();
  private readonly pending = new Map<number, PendingRequest>();
  private batchHandler: BatchHandler = () => {};
  private nextRequestId = 1;
  private started = false;
  private closed = false;
  private readonly counters: Required<TransportStats> = {
    sentEnvelopes: 0,
    droppedEnvelopes: 0,
    receivedEnvelopes: 0,
    queuedBytes: 0,
    maxQueuedBytesSeen: 0,
    // Sizes as the network accounts them (estimated encodings; see MemoryNetwork.sizeOf).
    sentBytes: 0,
    receivedBytes: 0,
  };

  /**
   * @param network - The hub to attach to.
   * @param nodeId - This node's id.
   * @param options - Address, client mode, bounds.
   */
  constructor(
    readonly network: MemoryNetwork,
    nodeId: NodeId,
    options: MemoryTransportOptions = {},
  ) {
    this.nodeId = nodeId;
    this.listenAddress = options.listen === false ? '' : (options.address ?? `mem://${nodeId}`);
    this.maxQueuedBytes = options.maxQueuedBytes ?? 32 * 1024 * 1024;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 5000;
  }

  /** The address peers use to reach this node; '' for a client. */
  get address(): string {
    return this.listenAddress;
  }

  /** Attaches to the network: listening nodes become reachable, known peers get linked. */
  async start(): Promise<void> {
    if (this.closed) throw new TransportClosedError(this.nodeId);
    if (this.started) return;
    this.started = true;
    if (this.listenAddress !== '') this.network.register(this);
    for (const [id, peer] of this.peers) if (peer.known) this.tryLink(id, peer);
  }

  /** Makes a peer known and links to it when it is reachable. */
  addPeer(nodeId: NodeId, address: string): void {
    if (this.closed || nodeId === this.nodeId) return;
    const peer = this.peers.get(nodeId);
    if (peer !== undefined) {
      const moved = peer.address !== address && peer.known;
      peer.address = address;
      peer.known = true;
      if (moved && peer.link !== undefined) this.unlink(nodeId, true);
      if (peer.link === undefined && this.started) this.tryLink(nodeId, peer);
      return;
    }
    const fresh: Peer = { address, known: true, link: undefined, queuedBytes: 0 };
    this.peers.set(nodeId, fresh);
    if (this.started) this.tryLink(nodeId, fresh);
  }

  /** Forgets a peer and takes the link down on both sides. */
  removePeer(nodeId: NodeId): void {
    const peer = this.peers.get(nodeId);
    if (peer === undefined) return;
    if (peer.link !== undefined) this.unlink(nodeId, true);
    this.peers.delete(nodeId);
  }

  /** Queues envelopes for `to`; false (and counted drops) when there is no link or the queue is full. */
  send(to: NodeId, envelopes: Envelope[]): boolean {
    const peer = this.peers.get(to);
    const link = peer?.link;
    if (this.closed || peer === undefined || link === undefined) {
      this.counters.droppedEnvelopes += envelopes.length;
      return false;
    }
    if (envelopes.length === 0) return true;
    if (this.network.faulty) {
      // Faults act per envelope so a simulation can lose or reorder single Raft messages.
      let any = false;
      for (const e of envelopes) any = this.put(peer, link, [e]) || any;
      return any;
    }
    return this.put(peer, link, envelopes);
  }

  private put(peer: Peer, link: MemoryTransport, envelopes: Envelope[]): boolean {
    let bytes: number;
    try {
      bytes = MemoryNetwork.sizeOf(envelopes);
    } catch {
      // Same contract as a framing transport: what the codec refuses is dropped, not thrown; the rest goes.
      if (envelopes.length > 1) {
        let any = false;
        for (const e of envelopes) any = this.put(peer, link, [e]) || any;
        return any;
      }
      this.counters.droppedEnvelopes += envelopes.length;
      return false;
    }
    if (peer.queuedBytes + bytes > this.maxQueuedBytes) {
      this.counters.droppedEnvelopes += envelopes.length;
      return false;
    }
    this.counters.sentEnvelopes += envelopes.length;
    this.counters.sentBytes += bytes;
    const copies = this.network.enqueue(this, link, { kind: 'batch', from: this.nodeId, to: link.nodeId, envelopes, bytes });
    this.account(peer, bytes * copies);
    return true;
  }

  private account(peer: Peer, bytes: number): void {
    peer.queuedBytes += bytes;
    this.counters.queuedBytes += bytes;
    if (peer.queuedBytes > this.counters.maxQueuedBytesSeen) this.counters.maxQueuedBytesSeen = peer.queuedBytes;
  }

  /** Sets the handler of incoming batches. */
  onBatch(handler: BatchHandler): void {
    this.batchHandler = handler;
  }

  /** Subscribes to peerUp / peerDown. */
  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): () => void {
    return this.events.on(event, listener);
  }

  /** True while linked to `peer`. */
  isConnected(peer: NodeId): boolean {
    return this.peers.get(peer)?.link !== undefined;
  }

  /** Calls `method` on `to` over the network (subject to its faults and partitions). */
  request(to: NodeId, method: string, body: Uint8Array, options: RequestOptions = {}): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new TransportClosedError(this.nodeId));
    const peer = this.peers.get(to);
    const link = peer?.link;
    if (peer === undefined || link === undefined) {
      return Promise.reject(new PeerUnavailableError(to, peer === undefined ? 'unknown peer' : 'not connected'));
    }
    const timeoutMs = options.timeoutMs ?? this.requestTimeoutMs;
    const id = this.nextRequestId++;
    return new Promise<Uint8Array>((resolve, reject) => {
      const cancelTimer = this.network.setTimer(timeoutMs, () => {
        this.pending.delete(id);
        reject(new TransportTimeoutError(to, method, timeoutMs));
      });
      this.pending.set(id, { peer: to, method, resolve, reject, cancelTimer });
      const bytes = body.length + method.length + 16;
      this.counters.sentBytes += bytes;
      const copies = this.network.enqueue(this, link, { kind: 'request', from: this.nodeId, to, id, method, body, bytes });
      this.account(peer, bytes * copies);
    });
  }

  /** Registers the handler of `method`. */
  onRequest(method: string, handler: RequestHandler): void {
    this.handlers.set(method, handler);
  }

  /** Counters. */
  stats(): TransportStats {
    return { ...this.counters };
  }

  /** Detaches from the network: links go down, pending requests reject with TransportClosedError. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const [id, peer] of this.peers) if (peer.link !== undefined) this.unlink(id, false);
    this.network.unregister(this);
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.cancelTimer();
      p.reject(new TransportClosedError(this.nodeId));
    }
  }

  // ------------------------------------------------------------ called by the network and by linked peers

  /** @internal A node became reachable: link to it if it is a known peer. */
  _peerRegistered(other: MemoryTransport): void {
    const peer = this.peers.get(other.nodeId);
    if (peer !== undefined && peer.known && peer.link === undefined && this.started && !this.closed) {
      this.tryLink(other.nodeId, peer);
    }
  }

  /** @internal A node left the network: drop the link if it was ours. */
  _peerGone(other: MemoryTransport): void {
    const peer = this.peers.get(other.nodeId);
    if (peer?.link === other) this.unlink(other.nodeId, false);
  }

  /** @internal Item `s` left the queue (delivered or discarded). */
  _released(s: { item: InFlight; target: MemoryTransport }): void {
    const peer = this.peers.get(s.target.nodeId);
    const bytes = s.item.bytes;
    this.counters.queuedBytes -= bytes;
    if (peer !== undefined) peer.queuedBytes = Math.max(0, peer.queuedBytes - bytes);
  }

  /** @internal The other side linked to us (we may not know it: a client). */
  _accept(other: MemoryTransport): void {
    let peer = this.peers.get(other.nodeId);
    if (peer === undefined) {
      peer = { address: other.address, known: false, link: undefined, queuedBytes: 0 };
      this.peers.set(other.nodeId, peer);
    }
    if (peer.link === other) return;
    peer.link = other;
    this.deferEmit('peerUp', other.nodeId);
  }

  /** @internal The other side took the link down. */
  _drop(other: MemoryTransport): void {
    const peer = this.peers.get(other.nodeId);
    if (peer?.link !== other) return;
    peer.link = undefined;
    if (!peer.known) this.peers.delete(other.nodeId);
    this.failPending(other.nodeId);
    this.deferEmit('peerDown', other.nodeId);
    // A peer we know is dialled again, as a TCP dialler reconnects: the other side may only have
    // forgotten us (removePeer), and then takes us back as an inbound peer.
    if (peer.known) {
      this.network.setTimer(RELINK_DELAY_MS, () => {
        if (this.peers.get(other.nodeId) === peer && peer.link === undefined && this.started && !this.closed) this.tryLink(other.nodeId, peer);
      });
    }
  }

  /** @internal Delivery of one in-flight item. */
  _receive(source: MemoryTransport, item: InFlight): void {
    if (this.closed) return;
    this.counters.receivedBytes += item.bytes;
    switch (item.kind) {
      case 'batch':
        this.counters.receivedEnvelopes += item.envelopes.length;
        try {
          this.batchHandler(item.from, item.envelopes);
        } catch {
          // A throwing handler must not stop the network; the runtime owns its own error reporting.
        }
        return;
      case 'request': {
        const handler = this.handlers.get(item.method);
        const respond = (body: Uint8Array, error: { code: string; message: string } | undefined) => {
          if (this.closed || source.closed) return;
          const peer = this.peers.get(item.from);
          const bytes = body.length + 16;
          this.counters.sentBytes += bytes;
          const copies = this.network.enqueue(this, source, { kind: 'response', from: this.nodeId, to: item.from, id: item.id, body, error, bytes });
          if (peer !== undefined) this.account(peer, bytes * copies);
        };
        if (handler === undefined) {
          respond(new Uint8Array(0), { code: NO_HANDLER_CODE, message: `no handler for ${item.method}` });
          return;
        }
        let result: Promise<Uint8Array>;
        try {
          result = handler(item.from, item.body);
        } catch (error) {
          result = Promise.reject(error);
        }
        result.then(
          (body) => respond(body, undefined),
          (error: unknown) => respond(new Uint8Array(0), remoteErrorInfo(error)),
        );
        return;
      }
      case 'response': {
        const p = this.pending.get(item.id);
        if (p === undefined) return; // late or duplicated response
        this.pending.delete(item.id);
        p.cancelTimer();
        if (item.error === undefined) p.resolve(item.body);
        else p.reject(errorFromRemote(p.peer, p.method, item.error.code, item.error.message));
        return;
      }
      default: {
        const unknown: never = item;
        throw new Error(`unknown item ${(unknown as { kind: string }).kind}`);
      }
    }
  }

  private tryLink(nodeId: NodeId, peer: Peer): void {
    const other = this.network.lookup(peer.address);
    if (other === undefined || other.nodeId !== nodeId || other.closed || !other.started) return;
    peer.link = other;
    this.deferEmit('peerUp', nodeId);
    other._accept(this);
  }

  private unlink(nodeId: NodeId, notifyOther: boolean): void {
    const peer = this.peers.get(nodeId);
    const other = peer?.link;
    if (peer === undefined || other === undefined) return;
    peer.link = undefined;
    this.failPending(nodeId);
    this.deferEmit('peerDown', nodeId);
    if (notifyOther || !other.closed) other._drop(this);
  }

  private failPending(nodeId: NodeId): void {
    for (const [id, p] of this.pending) {
      if (p.peer !== nodeId) continue;
      this.pending.delete(id);
      p.cancelTimer();
      p.reject(this.closed ? new TransportClosedError(this.nodeId) : new PeerUnavailableError(nodeId, 'connection lost'));
    }
  }

  private deferEmit(event: keyof TransportEvents, peer: NodeId): void {
    queueMicrotask(() => this.events.emit(event, peer));
  }
}
