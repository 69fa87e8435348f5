// TcpTransport: one long-lived connection per node pair carrying every group's messages, over TCP or TLS.
// Length-delimited protobuf frames, HMAC handshake, coalesced writes, bounded queues, reconnect with backoff.
import net from 'node:net';
import tls from 'node:tls';
import { pino, type Logger } from 'pino';
import {
  BatchFrameWriter,
  DecodeError,
  WIRE_VERSION,
  decodeFrame,
  encodeDelimitedFrame,
  type Envelope,
  type Frame,
} from '@raftfleet/protocol';
import {
  PeerEvents,
  PeerUnavailableError,
  FrameTooLargeError,
  FRAME_TOO_LARGE_CODE,
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
import { FrameDecoder, FramingError } from './decoder.js';
import { nonce, proof, proofMatches, type Transcript } from './handshake.js';
import { emptyMetrics, type CloseReason, type TcpMetrics } from './metrics.js';

/** TLS material; with `mutual`, both sides present certificates signed by `ca`. */
export interface TcpTlsOptions {
  /** This node's private key (PEM). */
  key: string | Buffer;
  /** This node's certificate (PEM). */
  cert: string | Buffer;
  /** CA certificate(s) that sign the peers' certificates (PEM). */
  ca?: string | Buffer | (string | Buffer)[];
  /** Require and verify client certificates on inbound connections (mutual TLS). Default false. */
  mutual?: boolean;
  /** Check that the peer's certificate names the host dialled. Default true. */
  verifyHostname?: boolean;
}

/** Options of a {@link TcpTransport}. */
export interface TcpTransportOptions {
  /** This node's id. */
  nodeId: NodeId;
  /** Cluster id: peers of another cluster are refused in the handshake. */
  clusterId: string;
  /** Shared secret proven (never sent) in the handshake. */
  secret: string | Uint8Array;
  /** Where to listen (default 127.0.0.1, port 0 = any free port); `false` for a client that only dials. */
  listen?: { host?: string; port?: number } | false;
  /** Address announced to peers (default: the listening host:port). */
  advertiseAddress?: string;
  /** Use TLS on every connection. */
  tls?: TcpTlsOptions;
  /** Largest frame body sent or accepted (default 4 MiB); batches are split to fit. */
  maxFrameBytes?: number;
  /** Bound on bytes queued for one peer, in the transport and the socket (default 32 MiB); excess is dropped. */
  maxQueuedBytes?: number;
  /** A connection that does not finish its handshake in time is closed (default 5000 ms). */
  handshakeTimeoutMs?: number;
  /** At most this many inbound connections may be in the handshake at once; more are closed (default 64). */
  maxPendingHandshakes?: number;
  /** Reconnect backoff: initial delay (default 50 ms), cap (default 5000 ms), jitter source (default Math.random). */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number; random?: () => number };
  /** Default request timeout (default 5000 ms). */
  requestTimeoutMs?: number;
  /** Liveness: ping an idle connection every `intervalMs` (default 1000); close it after `idleTimeoutMs` of silence (default 10000). */
  keepalive?: { intervalMs?: number; idleTimeoutMs?: number };
  /** Structured logger (default: silent). */
  logger?: Logger;
}

type ConnState = 'handshake' | 'open' | 'closed';

/** One socket and its handshake / framing state. */
class Conn {
  state: ConnState = 'handshake';
  peerId = '';
  peerAddress = '';
  readonly localNonce = nonce();
  remoteNonce: Uint8Array | undefined;
  expectedPeer = '';
  helloReceived = false;
  challengeReceived = false;
  handshakeTimer: NodeJS.Timeout | undefined;
  lastReceived = Date.now();
  lastSent = Date.now();
  readonly decoder: FrameDecoder;

  constructor(
    readonly socket: net.Socket,
    readonly role: 'dialer' | 'listener',
    maxFrameBytes: number,
  ) {
    this.decoder = new FrameDecoder(maxFrameBytes);
  }
}

interface PeerState {
  id: NodeId;
  address: string;
  /** Added with addPeer (dialled and redialled) rather than only accepted inbound. */
  known: boolean;
  conn: Conn | undefined;
  dialing: Conn | undefined;
  writer: BatchFrameWriter;
  frames: Uint8Array[];
  framesBytes: number;
  /** Envelopes in `frames` and `writer`, not yet handed to the socket. */
  queuedEnvelopes: number;
  flushScheduled: boolean;
  attempt: number;
  reconnectTimer: NodeJS.Timeout | undefined;
}

interface PendingRequest {
  peer: NodeId;
  method: string;
  resolve: (body: Uint8Array) => void;
  reject: (error: Error) => void;
  /** performance.now() after which the request fails with TransportTimeoutError. */
  deadline: number;
  timeoutMs: number;
}

const EMPTY = new Uint8Array(0);
/** Queued bytes at which frames leave at once rather than at the end of the event-loop turn. */
const EARLY_FLUSH_BYTES = 32 * 1024;
/** Up to this many queued bytes, a flush copies its frames into one buffer and makes one socket write. */
/** How long a gracefully ended socket may take to close before it is destroyed. */
const CLOSE_GRACE_MS = 200;
const MAX_MERGED_WRITE_BYTES = 256 * 1024;
const BAD_INPUT: ReadonlySet<CloseReason> = new Set([
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
  'tls_error',
]);

function parseAddress(address: string): { host: string; port: number } | undefined {
  const i = address.lastIndexOf(':');
  if (i <= 0) return undefined;
  const port = Number(address.slice(i + 1));
  if (!Number.isInteger(port) || port <= 0 || port > 65535) return undefined;
  let host = address.slice(0, i);
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return { host, port };
}

/** A {@link Transport} over TCP (optionally TLS) with one connection per node pair. */
export class TcpTransport implements Transport {
  /** This node's id. */
  readonly nodeId: NodeId;
  private listenAddress = '';
  private readonly clusterId: string;
  private readonly secret: string | Uint8Array;
  private readonly maxFrameBytes: number;
  private readonly maxQueuedBytes: number;
  private readonly handshakeTimeoutMs: number;
  private readonly maxPendingHandshakes: number;
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly random: () => number;
  private readonly requestTimeoutMs: number;
  private readonly pingIntervalMs: number;
  private readonly idleTimeoutMs: number;
  private readonly log: Logger;
  private readonly events: PeerEvents;
  private readonly peers = new Map<NodeId, PeerState>();
  private readonly conns = new Set<Conn>();
  private readonly handlers = new Map<string, RequestHandler>();
  private readonly pending = new Map<number, PendingRequest>();
  /**
   * One timer for every pending request, armed for the earliest deadline (a timer per request costs
   * more than the request itself at high rates, and each distinct duration gets its own timer list).
   */
  private expiryTimer: NodeJS.Timeout | undefined;
  private expiryAt = Infinity;
  private readonly counters = emptyMetrics();
  private maxQueuedSeen = 0;
  private inboundPending = 0;
  private batchHandler: BatchHandler = () => {};
  private server: net.Server | undefined;
  private keepaliveTimer: NodeJS.Timeout | undefined;
  private nextRequestId = 1;
  private started = false;
  private closed = false;
  private readingPaused = false;

  /** @param options - Identity, secret, listening address and limits. */
  constructor(private readonly options: TcpTransportOptions) {
    this.nodeId = options.nodeId;
    this.clusterId = options.clusterId;
    this.secret = options.secret;
    this.maxFrameBytes = options.maxFrameBytes ?? 4 * 1024 * 1024;
    this.maxQueuedBytes = options.maxQueuedBytes ?? 32 * 1024 * 1024;
    this.handshakeTimeoutMs = options.handshakeTimeoutMs ?? 5000;
    this.maxPendingHandshakes = options.maxPendingHandshakes ?? 64;
    this.initialDelayMs = options.reconnect?.initialDelayMs ?? 50;
    this.maxDelayMs = options.reconnect?.maxDelayMs ?? 5000;
    this.random = options.reconnect?.random ?? Math.random;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 5000;
    this.pingIntervalMs = options.keepalive?.intervalMs ?? 1000;
    this.idleTimeoutMs = options.keepalive?.idleTimeoutMs ?? 10_000;
    this.log = (options.logger ?? pino({ level: 'silent' })).child({ node: options.nodeId });
    this.events = new PeerEvents((error) => this.log.error({ err: error }, 'peer event listener threw'));
  }

  /** host:port peers dial to reach this node; '' for a client that does not listen. */
  get address(): string {
    return this.listenAddress;
  }

  /** Starts listening (unless `listen: false`) and dials peers added before. */
  async start(): Promise<void> {
    if (this.closed) throw new TransportClosedError(this.nodeId);
    if (this.started) return;
    this.started = true;
    const listen = this.options.listen ?? {};
    if (listen !== false) {
      const server = this.options.tls
        ? tls.createServer({
            key: this.options.tls.key,
            cert: this.options.tls.cert,
            ...(this.options.tls.ca !== undefined ? { ca: this.options.tls.ca } : {}),
            requestCert: this.options.tls.mutual === true,
            rejectUnauthorized: this.options.tls.mutual === true,
            handshakeTimeout: this.handshakeTimeoutMs,
          })
        : net.createServer();
      server.on(this.options.tls ? 'secureConnection' : 'connection', (socket: net.Socket) => this.accept(socket));
      server.on('tlsClientError', (error: Error, socket: net.Socket) => {
        this.counters.closed.tls_error++;
        this.log.warn({ reason: 'tls_error', remote: socket.remoteAddress, detail: error.message }, 'connection closed');
        socket.destroy();
      });
      server.on('error', (error) => this.log.error({ err: error }, 'listener error'));
      const host = listen.host ?? '127.0.0.1';
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(listen.port ?? 0, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      this.server = server;
      const bound = server.address() as net.AddressInfo;
      this.listenAddress = this.options.advertiseAddress ?? `${bound.family === 'IPv6' ? `[${host}]` : host}:${bound.port}`;
    }
    this.keepaliveTimer = setInterval(() => this.keepalive(), Math.max(10, this.pingIntervalMs));
    this.keepaliveTimer.unref();
    for (const peer of this.peers.values()) this.dial(peer);
  }

  /** Makes a peer known and connects to it (replacing the address of a known peer). */
  addPeer(nodeId: NodeId, address: string): void {
    if (this.closed || nodeId === this.nodeId) return;
    let peer = this.peers.get(nodeId);
    if (peer === undefined) {
      peer = this.newPeer(nodeId, address, true);
      this.peers.set(nodeId, peer);
    } else {
      const moved = peer.known && peer.address !== address;
      peer.known = true;
      peer.address = address;
      if (moved && peer.conn !== undefined) this.closeConn(peer.conn, 'replaced');
    }
    if (this.started) this.dial(peer);
  }

  /** Forgets a peer and closes its connection. */
  removePeer(nodeId: NodeId): void {
    const peer = this.peers.get(nodeId);
    if (peer === undefined) return;
    peer.known = false;
    if (peer.reconnectTimer !== undefined) clearTimeout(peer.reconnectTimer);
    peer.reconnectTimer = undefined;
    if (peer.dialing !== undefined) this.closeConn(peer.dialing, 'removed');
    if (peer.conn !== undefined) this.closeConn(peer.conn, 'removed');
    this.peers.delete(nodeId);
  }

  /** Queues envelopes for `to`, coalesced into the next frame; false when nothing could be queued. */
  send(to: NodeId, envelopes: Envelope[]): boolean {
    const peer = this.closed ? undefined : this.peers.get(to);
    if (peer === undefined || (peer.conn === undefined && peer.dialing === undefined)) {
      this.counters.envelopesDropped += envelopes.length;
      return false;
    }
    if (envelopes.length === 0) return true;
    let accepted = 0;
    let queued = this.queuedBytes(peer);
    const frameRoom = this.maxFrameBytes;
    for (const e of envelopes) {
      let cost: number;
      try {
        cost = BatchFrameWriter.envelopeCost(e);
      } catch (error) {
        // An envelope the codec refuses (a NaN index, an unknown type) is a caller bug: drop it, keep the rest.
        this.counters.envelopesDropped++;
        this.log.error({ err: error, peer: to, group: e.group }, 'envelope cannot be encoded');
        continue;
      }
      if (cost > frameRoom || queued + cost > this.maxQueuedBytes) {
        this.counters.envelopesDropped++;
        continue;
      }
      // writer.size counts the header room of the frame, so cutting here keeps every frame body within the limit.
      if (peer.writer.envelopes > 0 && peer.writer.size + cost > frameRoom) this.cutFrame(peer);
      peer.writer.append(e, cost);
      queued += cost;
      accepted++;
    }
    if (accepted === 0) return false;
    peer.queuedEnvelopes += accepted;
    this.counters.envelopesSent += accepted;
    if (queued > this.maxQueuedSeen) this.maxQueuedSeen = queued;
    this.scheduleFlush(peer);
    return true;
  }

  /** Sets the handler of incoming batches. */
  onBatch(handler: BatchHandler): void {
    this.batchHandler = handler;
  }

  /** Subscribes to peerUp / peerDown. */
  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): () => void {
    return this.events.on(event, listener);
  }

  /** True while a connection to `peer` is established. */
  isConnected(peer: NodeId): boolean {
    return this.peers.get(peer)?.conn !== undefined;
  }

  /** Calls `method` on a peer or on a client connected to this node. */
  request(to: NodeId, method: string, body: Uint8Array, options: RequestOptions = {}): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new TransportClosedError(this.nodeId));
    const peer = this.peers.get(to);
    if (peer === undefined) return Promise.reject(new PeerUnavailableError(to, 'unknown peer'));
    if (peer.conn === undefined && peer.dialing === undefined) {
      return Promise.reject(new PeerUnavailableError(to, 'not connected'));
    }
    const timeoutMs = options.timeoutMs ?? this.requestTimeoutMs;
    const id = this.nextRequestId++;
    if (this.nextRequestId > 0xffffffff) this.nextRequestId = 1;
    // Queued frames leave on the next flush, never synchronously: the answer cannot beat the pending entry.
    const refused = this.queueControl(peer, { kind: 'request', id, method, body });
    if (refused !== undefined) return Promise.reject(new FrameTooLargeError(to, `request ${method}`, refused, this.maxFrameBytes));
    return new Promise<Uint8Array>((resolve, reject) => {
      const deadline = performance.now() + timeoutMs;
      this.pending.set(id, { peer: to, method, resolve, reject, deadline, timeoutMs });
      if (deadline < this.expiryAt) this.armExpiry(deadline);
    });
  }

  private armExpiry(at: number): void {
    if (this.expiryTimer !== undefined) clearTimeout(this.expiryTimer);
    this.expiryAt = at;
    this.expiryTimer = setTimeout(() => this.expire(), Math.max(0, Math.ceil(at - performance.now())));
  }

  /** Fails the requests past their deadline and re-arms the timer for the earliest one left. */
  private expire(): void {
    this.expiryTimer = undefined;
    this.expiryAt = Infinity;
    const now = performance.now();
    let next = Infinity;
    for (const [id, p] of this.pending) {
      if (p.deadline <= now) {
        this.pending.delete(id);
        p.reject(new TransportTimeoutError(p.peer, p.method, p.timeoutMs));
      } else if (p.deadline < next) next = p.deadline;
    }
    if (next !== Infinity && !this.closed) this.armExpiry(next);
  }

  /** Registers the handler of `method`. */
  onRequest(method: string, handler: RequestHandler): void {
    this.handlers.set(method, handler);
  }

  /** Counters in the shape every transport reports. */
  stats(): TransportStats {
    let queued = 0;
    for (const peer of this.peers.values()) queued += this.queuedBytes(peer);
    return {
      sentEnvelopes: this.counters.envelopesSent,
      droppedEnvelopes: this.counters.envelopesDropped,
      receivedEnvelopes: this.counters.envelopesReceived,
      queuedBytes: queued,
      maxQueuedBytesSeen: this.maxQueuedSeen,
      sentBytes: this.counters.bytesSent,
      receivedBytes: this.counters.bytesReceived,
    };
  }

  /** Detailed counters: traffic, connections, and closes by reason. */
  metrics(): TcpMetrics {
    return { ...this.counters, closed: { ...this.counters.closed } };
  }

  /**
   * Stops (or resumes) reading from every connection, as a receiver that cannot keep up would.
   * Meant for tests and benchmarks of backpressure; peers' queues fill up and their excess is dropped.
   */
  pauseReading(paused = true): void {
    this.readingPaused = paused;
    for (const conn of this.conns) if (conn.state === 'open') (paused ? conn.socket.pause() : conn.socket.resume());
  }

  /** Closes every connection and the listener; pending requests reject with TransportClosedError. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.keepaliveTimer !== undefined) clearInterval(this.keepaliveTimer);
    for (const peer of this.peers.values()) {
      if (peer.reconnectTimer !== undefined) clearTimeout(peer.reconnectTimer);
      peer.reconnectTimer = undefined;
    }
    if (this.expiryTimer !== undefined) clearTimeout(this.expiryTimer);
    this.expiryTimer = undefined;
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new TransportClosedError(this.nodeId));
    }
    const closing = [...this.conns].map(
      (conn) =>
        new Promise<void>((resolve) => {
          if (conn.socket.destroyed) return resolve();
          // closeConn ends the socket gracefully and destroys it after a grace period, on a timer
          // that does not keep the process alive. A peer that neither reads nor closes (its reading
          // paused, its buffers full) leaves the ended socket idle: with nothing else to do, the
          // event loop would empty before that timer and this promise never settle. This timer is
          // referenced, so close() always completes.
          const destroy = setTimeout(() => conn.socket.destroy(), CLOSE_GRACE_MS);
          conn.socket.once('close', () => {
            clearTimeout(destroy);
            resolve();
          });
          this.closeConn(conn, 'transport_closed');
        }),
    );
    const server = this.server;
    const serverClosed = server
      ? new Promise<void>((resolve) => server.close(() => resolve()))
      : Promise.resolve();
    await Promise.all([...closing, serverClosed]);
  }

  // ------------------------------------------------------------------ connections

  private newPeer(id: NodeId, address: string, known: boolean): PeerState {
    return {
      id,
      address,
      known,
      conn: undefined,
      dialing: undefined,
      writer: new BatchFrameWriter(16 * 1024),
      frames: [],
      framesBytes: 0,
      queuedEnvelopes: 0,
      flushScheduled: false,
      attempt: 0,
      reconnectTimer: undefined,
    };
  }

  private dial(peer: PeerState): void {
    if (this.closed || !this.started || !peer.known || peer.conn !== undefined || peer.dialing !== undefined) return;
    if (peer.reconnectTimer !== undefined) {
      clearTimeout(peer.reconnectTimer);
      peer.reconnectTimer = undefined;
    }
    const target = parseAddress(peer.address);
    this.counters.dialsStarted++;
    if (target === undefined) {
      this.counters.dialsFailed++;
      this.log.warn({ peer: peer.id, address: peer.address }, 'invalid peer address');
      this.dialFailed(peer, false);
      return;
    }
    const t = this.options.tls;
    const socket = t
      ? tls.connect({
          host: target.host,
          port: target.port,
          key: t.key,
          cert: t.cert,
          ...(t.ca !== undefined ? { ca: t.ca } : {}),
          ...(t.verifyHostname === false ? { checkServerIdentity: () => undefined } : {}),
          ...(net.isIP(target.host) === 0 ? { servername: target.host } : {}),
        })
      : net.connect({ host: target.host, port: target.port });
    const conn = new Conn(socket, 'dialer', this.maxFrameBytes);
    conn.expectedPeer = peer.id;
    conn.peerId = peer.id;
    peer.dialing = conn;
    this.track(conn);
    socket.once(t ? 'secureConnect' : 'connect', () => {
      if (conn.state !== 'handshake') return;
      this.writeRaw(conn, {
        kind: 'hello',
        version: WIRE_VERSION,
        clusterId: this.clusterId,
        nodeId: this.nodeId,
        address: this.listenAddress,
        nonce: conn.localNonce,
      });
    });
  }

  private accept(socket: net.Socket): void {
    if (this.closed) {
      socket.destroy();
      return;
    }
    this.counters.connectionsAccepted++;
    if (this.inboundPending >= this.maxPendingHandshakes) {
      this.counters.closed.handshake_cap++;
      this.log.warn({ reason: 'handshake_cap', remote: socket.remoteAddress }, 'connection closed');
      socket.destroy();
      return;
    }
    this.inboundPending++;
    this.track(new Conn(socket, 'listener', this.maxFrameBytes));
  }

  private track(conn: Conn): void {
    const socket = conn.socket;
    socket.setNoDelay(true);
    this.conns.add(conn);
    this.counters.pendingHandshakes++;
    conn.handshakeTimer = setTimeout(() => this.closeConn(conn, 'handshake_timeout'), this.handshakeTimeoutMs);
    socket.on('data', (chunk: Buffer) => this.onData(conn, chunk));
    socket.on('error', (error: Error & { code?: string }) => {
      const isTls = typeof error.code === 'string' && (error.code.startsWith('ERR_SSL') || error.code.includes('CERT'));
      this.closeConn(conn, isTls ? 'tls_error' : 'socket_error', error.message);
    });
    socket.on('close', () => this.closeConn(conn, 'peer_closed'));
  }

  private onData(conn: Conn, chunk: Buffer): void {
    if (conn.state === 'closed') return;
    conn.lastReceived = Date.now();
    this.counters.bytesReceived += chunk.length;
    try {
      conn.decoder.push(chunk, (frame) => this.onFrame(conn, frame));
    } catch (error) {
      if (error instanceof FramingError) {
        this.closeConn(conn, error.code === 'ERR_FRAME_TOO_LARGE' ? 'frame_too_large' : 'bad_length_prefix', error.message);
      } else if (error instanceof DecodeError) {
        this.closeConn(conn, 'bad_frame', error.message);
      } else {
        this.log.error({ err: error, peer: conn.peerId }, 'error while handling a frame');
        this.closeConn(conn, 'bad_frame', String(error));
      }
    }
  }

  private onFrame(conn: Conn, bytes: Uint8Array): void {
    if (conn.state === 'closed') return;
    this.counters.framesReceived++;
    const frame = decodeFrame(bytes);
    if (conn.state === 'open') this.onOpenFrame(conn, frame);
    else if (conn.role === 'listener') this.onListenerHandshake(conn, frame);
    else this.onDialerHandshake(conn, frame);
  }

  private onListenerHandshake(conn: Conn, frame: Frame): void {
    if (!conn.helloReceived) {
      if (frame.kind !== 'hello') return this.closeConn(conn, 'unexpected_frame', `${frame.kind} before hello`);
      if (frame.version !== WIRE_VERSION) return this.refuse(conn, 'wrong_version', `version ${frame.version}`);
      if (frame.clusterId !== this.clusterId) return this.refuse(conn, 'wrong_cluster', `cluster ${frame.clusterId}`);
      if (frame.nodeId === '' || frame.nodeId === this.nodeId) {
        return this.refuse(conn, 'unexpected_node', `node id '${frame.nodeId}'`);
      }
      conn.helloReceived = true;
      conn.peerId = frame.nodeId;
      conn.peerAddress = frame.address;
      conn.remoteNonce = frame.nonce;
      this.writeRaw(conn, {
        kind: 'challenge',
        version: WIRE_VERSION,
        clusterId: this.clusterId,
        nodeId: this.nodeId,
        nonce: conn.localNonce,
        proof: proof(this.secret, 'listener', this.transcript(conn)),
      });
      return;
    }
    if (frame.kind !== 'proof') return this.closeConn(conn, 'unexpected_frame', `${frame.kind} instead of proof`);
    if (!proofMatches(proof(this.secret, 'dialer', this.transcript(conn)), frame.proof)) {
      return this.refuse(conn, 'bad_proof', 'dialer proof does not match the shared secret');
    }
    // Simultaneous dials: keep the connection dialled by the smaller node id, on both sides alike.
    const peer = this.peers.get(conn.peerId);
    if (peer?.dialing !== undefined && this.nodeId < conn.peerId) {
      return this.refuse(conn, 'duplicate', 'our own dial to this peer wins');
    }
    if (peer?.dialing !== undefined) {
      const ours = peer.dialing;
      peer.dialing = undefined;
      this.closeConn(ours, 'duplicate', 'the peer dial wins');
    }
    this.writeRaw(conn, { kind: 'welcome' });
    this.establish(conn);
  }

  private onDialerHandshake(conn: Conn, frame: Frame): void {
    if (frame.kind === 'reject') return this.closeConn(conn, 'rejected_by_peer', `${frame.code}: ${frame.reason}`, frame.code);
    if (!conn.challengeReceived) {
      if (frame.kind !== 'challenge') return this.closeConn(conn, 'unexpected_frame', `${frame.kind} instead of challenge`);
      if (frame.version !== WIRE_VERSION) return this.closeConn(conn, 'wrong_version', `version ${frame.version}`);
      if (frame.clusterId !== this.clusterId) return this.closeConn(conn, 'wrong_cluster', `cluster ${frame.clusterId}`);
      if (frame.nodeId !== conn.expectedPeer) {
        return this.closeConn(conn, 'unexpected_node', `expected ${conn.expectedPeer}, found ${frame.nodeId}`);
      }
      conn.challengeReceived = true;
      conn.remoteNonce = frame.nonce;
      if (!proofMatches(proof(this.secret, 'listener', this.transcript(conn)), frame.proof)) {
        return this.closeConn(conn, 'bad_proof', 'listener proof does not match the shared secret');
      }
      this.writeRaw(conn, { kind: 'proof', proof: proof(this.secret, 'dialer', this.transcript(conn)) });
      return;
    }
    if (frame.kind !== 'welcome') return this.closeConn(conn, 'unexpected_frame', `${frame.kind} instead of welcome`);
    this.establish(conn);
  }

  private transcript(conn: Conn): Transcript {
    const dialer = conn.role === 'dialer';
    return {
      clusterId: this.clusterId,
      dialerId: dialer ? this.nodeId : conn.peerId,
      listenerId: dialer ? conn.peerId : this.nodeId,
      dialerNonce: dialer ? conn.localNonce : (conn.remoteNonce ?? EMPTY),
      listenerNonce: dialer ? (conn.remoteNonce ?? EMPTY) : conn.localNonce,
    };
  }

  /** Sends a Reject frame, then closes with `reason`. */
  private refuse(conn: Conn, reason: CloseReason, detail: string): void {
    this.writeRaw(conn, { kind: 'reject', code: reason, reason: detail });
    this.closeConn(conn, reason, detail);
  }

  private establish(conn: Conn): void {
    conn.state = 'open';
    clearTimeout(conn.handshakeTimer);
    this.counters.pendingHandshakes--;
    if (conn.role === 'listener') this.inboundPending--;
    this.counters.handshakesCompleted++;
    this.counters.openConnections++;
    let peer = this.peers.get(conn.peerId);
    if (peer === undefined) {
      peer = this.newPeer(conn.peerId, conn.peerAddress, false);
      this.peers.set(conn.peerId, peer);
    }
    if (peer.dialing === conn) peer.dialing = undefined;
    peer.attempt = 0;
    const previous = peer.conn;
    peer.conn = conn;
    if (this.readingPaused) conn.socket.pause();
    if (previous !== undefined) {
      // A reconnect that overtook the old connection's close: the peer never went down.
      this.closeConn(previous, 'replaced');
    } else {
      this.log.debug({ peer: peer.id, role: conn.role }, 'peer up');
      this.events.emit('peerUp', peer.id);
    }
    this.flush(peer);
  }

  private closeConn(conn: Conn, reason: CloseReason, detail?: string, remoteCode?: string): void {
    if (conn.state === 'closed') return;
    const wasOpen = conn.state === 'open';
    conn.state = 'closed';
    clearTimeout(conn.handshakeTimer);
    this.conns.delete(conn);
    if (wasOpen) this.counters.openConnections--;
    else {
      this.counters.pendingHandshakes--;
      if (conn.role === 'listener') this.inboundPending--;
    }
    this.counters.closed[reason]++;
    const fields = { peer: conn.peerId || undefined, remote: conn.socket.remoteAddress, reason, detail };
    if (BAD_INPUT.has(reason)) this.log.warn(fields, 'connection closed');
    else this.log.debug(fields, 'connection closed');
    const graceful = reason === 'transport_closed' || reason === 'removed' || reason === 'replaced' || reason === 'duplicate';
    if (graceful || (!wasOpen && remoteCode === undefined && reason !== 'peer_closed' && reason !== 'socket_error')) {
      // Let queued bytes (a Reject, the last frames) leave before the socket goes away.
      conn.socket.end();
      setTimeout(() => conn.socket.destroy(), CLOSE_GRACE_MS).unref();
    } else {
      conn.socket.destroy();
    }

    const peer = this.peers.get(conn.peerId);
    if (peer === undefined) return;
    if (peer.conn === conn) {
      peer.conn = undefined;
      this.dropQueue(peer);
      this.failRequests(peer.id, 'connection lost');
      this.log.debug({ peer: peer.id, reason }, 'peer down');
      this.events.emit('peerDown', peer.id);
      if (!peer.known) this.peers.delete(peer.id);
      else this.scheduleReconnect(peer);
    } else if (peer.dialing === conn) {
      peer.dialing = undefined;
      this.counters.dialsFailed++;
      this.dialFailed(peer, remoteCode === 'duplicate');
    }
  }

  private dialFailed(peer: PeerState, superseded: boolean): void {
    if (peer.conn !== undefined) return;
    if (!superseded) {
      // Nothing will carry these: drop rather than let them age in the queue.
      this.dropQueue(peer);
      this.failRequests(peer.id, 'cannot connect');
    }
    this.scheduleReconnect(peer);
  }

  private scheduleReconnect(peer: PeerState): void {
    if (this.closed || !peer.known || peer.reconnectTimer !== undefined || this.peers.get(peer.id) !== peer) return;
    const base = Math.min(this.maxDelayMs, this.initialDelayMs * 2 ** Math.min(peer.attempt, 30));
    const delay = base * (0.5 + 0.5 * this.random());
    peer.attempt++;
    peer.reconnectTimer = setTimeout(() => {
      peer.reconnectTimer = undefined;
      this.dial(peer);
    }, delay);
    peer.reconnectTimer.unref();
  }

  private failRequests(peer: NodeId, reason: string): void {
    for (const [id, p] of this.pending) {
      if (p.peer !== peer) continue;
      this.pending.delete(id);
      p.reject(this.closed ? new TransportClosedError(this.nodeId) : new PeerUnavailableError(peer, reason));
    }
  }

  // ------------------------------------------------------------------ frames in

  private onOpenFrame(conn: Conn, frame: Frame): void {
    switch (frame.kind) {
      case 'batch': {
        const envelopes = frame.batch.envelopes;
        this.counters.envelopesReceived += envelopes.length;
        try {
          this.batchHandler(conn.peerId, envelopes);
        } catch (error) {
          this.log.error({ err: error, peer: conn.peerId }, 'batch handler threw');
        }
        return;
      }
      case 'request':
        this.serve(conn, frame.id, frame.method, frame.body);
        return;
      case 'response': {
        const p = this.pending.get(frame.id);
        if (p === undefined || p.peer !== conn.peerId) return; // timed out already
        this.pending.delete(frame.id);
        if (frame.error === undefined) p.resolve(frame.body);
        else p.reject(errorFromRemote(p.peer, p.method, frame.error.code, frame.error.message));
        return;
      }
      case 'ping': {
        const peer = this.peers.get(conn.peerId);
        if (peer?.conn === conn) this.queueControl(peer, { kind: 'pong', nonce: frame.nonce });
        return;
      }
      case 'pong':
        return;
      case 'hello':
      case 'challenge':
      case 'proof':
      case 'welcome':
      case 'reject':
        this.closeConn(conn, 'unexpected_frame', `${frame.kind} after the handshake`);
        return;
      default: {
        const unknown: never = frame;
        this.closeConn(conn, 'unexpected_frame', String((unknown as { kind: string }).kind));
      }
    }
  }

  private serve(conn: Conn, id: number, method: string, body: Uint8Array): void {
    const from = conn.peerId;
    const respond = (frame: Frame) => {
      const peer = this.peers.get(from);
      if (peer?.conn === undefined || this.closed) return;
      const refused = this.queueControl(peer, frame);
      if (refused === undefined) return;
      // Sent as is, the peer would close the connection on it: answer with the error instead.
      this.log.warn({ peer: from, method, bytes: refused, max: this.maxFrameBytes }, 'response too large for one frame; sent an error instead');
      const message = new FrameTooLargeError(from, `response to ${method}`, refused, this.maxFrameBytes).message;
      this.queueControl(peer, { kind: 'response', id, body: EMPTY, error: { code: FRAME_TOO_LARGE_CODE, message } });
    };
    const handler = this.handlers.get(method);
    if (handler === undefined) {
      respond({ kind: 'response', id, body: EMPTY, error: { code: NO_HANDLER_CODE, message: `no handler for ${method}` } });
      return;
    }
    let result: Promise<Uint8Array>;
    try {
      result = handler(from, body);
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then(
      (out) => respond({ kind: 'response', id, body: out }),
      (error: unknown) => respond({ kind: 'response', id, body: EMPTY, error: remoteErrorInfo(error) }),
    );
  }

  // ------------------------------------------------------------------ frames out

  private queuedBytes(peer: PeerState): number {
    return this.unflushedBytes(peer) + (peer.conn?.socket.writableLength ?? 0);
  }

  /** Bytes waiting for the next flush: cut frames plus the batch being written. */
  private unflushedBytes(peer: PeerState): number {
    return peer.framesBytes + (peer.writer.envelopes > 0 ? peer.writer.size : 0);
  }

  private cutFrame(peer: PeerState): void {
    if (peer.writer.envelopes === 0) return;
    const frame = peer.writer.finish();
    peer.frames.push(frame);
    peer.framesBytes += frame.length;
  }

  /**
   * Queues a control frame; returns its size instead when it exceeds the maximum frame size (the
   * receiving side would drop the connection on it), in which case nothing is queued.
   */
  private queueControl(peer: PeerState, frame: Frame): number | undefined {
    const bytes = encodeDelimitedFrame(frame);
    if (bytes.length > this.maxFrameBytes) return bytes.length;
    // Cut the batch in progress first so the control frame keeps its place in the send order.
    this.cutFrame(peer);
    peer.frames.push(bytes);
    peer.framesBytes += bytes.length;
    this.scheduleFlush(peer);
    return undefined;
  }

  private scheduleFlush(peer: PeerState): void {
    // Enough for a good write already: send it now, so the peer starts on it while this turn goes on
    // producing the rest (under load, a whole turn's output in one write leaves the peer idle meanwhile).
    if (this.unflushedBytes(peer) >= EARLY_FLUSH_BYTES) {
      this.flush(peer);
      return;
    }
    if (peer.flushScheduled) return;
    peer.flushScheduled = true;
    // One write per peer per event-loop turn: everything sent during this turn shares the frames.
    setImmediate(() => this.flush(peer));
  }

  private flush(peer: PeerState): void {
    peer.flushScheduled = false;
    const conn = peer.conn;
    if (conn === undefined || conn.state !== 'open') return;
    this.cutFrame(peer);
    const frames = peer.frames;
    if (frames.length === 0) return;
    const socket = conn.socket;
    const writer = peer.writer;
    if (frames.length === 1) {
      // Frames go back to the writer once the socket is done with them; it keeps only buffers it can reuse whole.
      const frame = frames[0]!;
      socket.write(frame, () => writer.recycle(frame));
    } else if (peer.framesBytes <= MAX_MERGED_WRITE_BYTES) {
      // Many small frames (RPC requests and answers are one frame each): one copy and one socket
      // write cost far less than a stream write per frame. The copied frames can be reused at once.
      socket.write(Buffer.concat(frames, peer.framesBytes));
      for (const f of frames) writer.recycle(f);
    } else {
      socket.cork();
      for (const f of frames) socket.write(f, () => writer.recycle(f));
      socket.uncork();
    }
    this.counters.framesSent += frames.length;
    this.counters.bytesSent += peer.framesBytes;
    conn.lastSent = Date.now();
    peer.frames = [];
    peer.framesBytes = 0;
    peer.queuedEnvelopes = 0;
  }

  private dropQueue(peer: PeerState): void {
    if (peer.writer.envelopes > 0) peer.writer.finish();
    this.counters.envelopesDropped += peer.queuedEnvelopes;
    peer.queuedEnvelopes = 0;
    peer.frames = [];
    peer.framesBytes = 0;
  }

  /** Writes a handshake frame straight to the socket (no peer queue exists before the handshake). */
  private writeRaw(conn: Conn, frame: Frame): void {
    const bytes = encodeDelimitedFrame(frame);
    this.counters.framesSent++;
    this.counters.bytesSent += bytes.length;
    conn.socket.write(bytes);
  }

  private keepalive(): void {
    const now = Date.now();
    for (const conn of this.conns) {
      if (conn.state !== 'open' || this.readingPaused) continue;
      if (now - conn.lastReceived > this.idleTimeoutMs) {
        this.closeConn(conn, 'idle_timeout', `silent for ${now - conn.lastReceived} ms`);
        continue;
      }
      if (now - conn.lastSent >= this.pingIntervalMs) {
        const peer = this.peers.get(conn.peerId);
        if (peer?.conn === conn) this.queueControl(peer, { kind: 'ping', nonce: now });
      }
    }
  }
}
