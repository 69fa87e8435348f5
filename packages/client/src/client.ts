// The client: finds a group's leader through any fleet node, caches it, follows redirects and retries
// with jittered backoff inside the caller's deadline. Commands carry (clientId, seq) so retries apply once.
import { CommandSequence } from '@raftfleet/protocol';
import {
  FRAME_TOO_LARGE_CODE,
  FrameTooLargeError,
  NoHandlerError,
  PeerUnavailableError,
  RemoteError,
  TransportClosedError,
  TransportTimeoutError,
  type Transport,
} from '@raftfleet/transport';
import { msgpackCodec, type Codec } from './codec.js';
import {
  ClientClosedError,
  ClientError,
  CommandFailedError,
  GroupExistsError,
  RecoveryRefusedError,
  GroupNotFoundError,
  InvalidRequestError,
  NotLeaderError,
  TimeoutError,
  TooLargeError,
  UnauthorizedError,
  UnavailableError,
} from './errors.js';
import {
  MAX_BATCH_ITEMS,
  METHODS,
  ProtocolViolation,
  binField,
  decodeBatchResponse,
  decodeResponse,
  encodeBatchRequest,
  encodeRequest,
  parseResponse,
  leaderHint,
  parseGroup,
  parseList,
  parseNode,
  parseStray,
  type Consistency,
  type FleetStatus,
  type GroupInfo,
  type Method,
  type NodeInfo,
  type StrayReport,
  type WireError,
} from './wire.js';

/** A command or query request waiting to leave in the next batch request to its node. */
interface QueuedRequest {
  method: Method;
  body: Record<string, unknown>;
  /** About how many bytes the body encodes to. */
  size: number;
  timeoutMs: number;
  resolve: (answer: unknown) => void;
  reject: (error: unknown) => void;
}

/** Requests to one node: how many are out, and those queued behind them for the next batch. */
interface NodeRequests {
  outstanding: number;
  queued: QueuedRequest[];
  flushScheduled: boolean;
  /** The node answered a batch request with "no handler": it gets single requests only. */
  noBatch: boolean;
}

/** A seed: "host:port", "nodeId@host:port", or an explicit id and address. */
export type Seed = string | { id: string; address: string };

/** Retry policy: full-jitter exponential backoff between attempts, always inside the call's deadline. */
export interface RetryOptions {
  /** First backoff ceiling in milliseconds (default 20). */
  baseMs?: number;
  /** Largest backoff ceiling in milliseconds (default 500). */
  maxMs?: number;
  /** Redirects followed without backoff in a row before backing off (default 3). */
  maxRedirects?: number;
}

/** What a transport adapter can tell the client about connections it made. */
export interface TransportHooks {
  /** A seed dialled under a placeholder id turned out to be node `nodeId`. */
  identified(placeholderId: string, nodeId: string): void;
  /** A node refused the handshake (wrong cluster id, secret, certificate). */
  refused(node: string, reason: string): void;
}

/** Options of {@link RaftfleetClient.connect}. */
export interface ClientOptions {
  /** Fleet nodes to contact first; any node serves any group. At least one. */
  seeds: Seed[];
  /**
   * Builds the transport the client talks over, given the client's own node id (`client-<random>`).
   * The `@raftfleet/client` entry point's {@link connect} supplies TCP; pass your own for tests or other adapters.
   */
  transport: (clientNodeId: string, hooks: TransportHooks) => Transport;
  /** Default deadline of each call, in milliseconds (default 5000). */
  timeoutMs?: number;
  /** Deadline of the first contact with the fleet in `connect` (default: `timeoutMs`). */
  connectTimeoutMs?: number;
  /** Backoff between retries. */
  retry?: RetryOptions;
  /** Source of jitter in [0, 1); pass a seeded PRNG for reproducible tests (default Math.random). */
  random?: () => number;
  /** The id that makes commands exactly-once across retries (default `client-<random>`). */
  clientId?: string;
}

/**
 * How long a command is retried at most, whatever its `timeoutMs` (10 minutes): the fleet forgets
 * a client silent for an hour, and a retry must reach it while it still recognises the command.
 */
export const MAX_COMMAND_RETRY_MS = 10 * 60_000;

/** Per-call options. */
export interface CallOptions {
  /**
   * Deadline of this call in milliseconds, retries included (default: the client's `timeoutMs`). A
   * command's is cut to {@link MAX_COMMAND_RETRY_MS}.
   */
  timeoutMs?: number;
  /** Aborts the call (rejects with the signal's reason). */
  signal?: AbortSignal;
}

/** Options of a query. */
export interface QueryOptions extends CallOptions {
  /** 'linearizable' (default: read index), 'lease' (leader lease, no round trip) or 'stale' (any member). */
  consistency?: Consistency;
}

/** Options of {@link RaftfleetClient.addGroup}. */
export interface AddGroupOptions extends CallOptions {
  /** Number of voting members (default 3). */
  replicas?: number;
  /** Name of a state machine registered on every node. */
  machine: string;
  /** Machine- or group-specific options, passed through to the fleet as is. */
  options?: Record<string, unknown>;
}

/** Options of a {@link GroupHandle}. */
export interface GroupHandleOptions<C, R, Q, A> {
  /** Codec of commands (default msgpack, the fleet's default machine codec). */
  commandCodec?: Codec<C>;
  /** Codec of results (default msgpack). */
  resultCodec?: Codec<R>;
  /** Codec of queries (default msgpack). */
  queryCodec?: Codec<Q>;
  /** Codec of answers (default msgpack). */
  answerCodec?: Codec<A>;
}

/** A typed view of one group: commands of type C give results R, queries Q give answers A. */
export interface GroupHandle<C, R, Q, A> {
  /** The group's name. */
  readonly name: string;
  /** Applies a command exactly once and resolves with its result. */
  command(command: C, options?: CallOptions): Promise<R>;
  /** Answers a query at the requested consistency. */
  query(query: Q, options?: QueryOptions): Promise<A>;
}

/** Counters the client keeps; all counts since connect. */
export interface ClientStats {
  /** Requests sent to nodes (attempts, not calls). */
  attempts: number;
  /** Redirects followed after ERR_NOT_LEADER. */
  redirects: number;
  /** Retries after a failure (unreachable node, no leader, timeout). */
  retries: number;
  /** Responses that named a leader. */
  leaderHints: number;
  /** Requests that left inside batch requests (queued behind others to the same node, sent together). */
  batched: number;
}

interface KnownNode {
  address: string;
  /** Placeholder ids stand for a seed whose real id is not known yet. */
  placeholder: boolean;
  /** Time of the last transport failure, 0 when healthy. */
  failedAt: number;
}

interface CallContext {
  method: Method;
  group: string | undefined;
  timeoutMs: number;
  signal: AbortSignal | undefined;
}

const PLACEHOLDER_PREFIX = 'seed@';
/** How long after creating a group its ERR_GROUP_NOT_FOUND answers count as a lagging view, not a fact. */
const RECENT_GROUP_MS = 10_000;

/** Parses a seed into an id and address; a bare address gets a placeholder id. */
export function parseSeed(seed: Seed): { id: string; address: string; placeholder: boolean } {
  if (typeof seed !== 'string') {
    if (typeof seed?.id !== 'string' || seed.id === '' || typeof seed.address !== 'string' || seed.address === '') {
      throw new InvalidRequestError('a seed object needs a non-empty id and address');
    }
    return { id: seed.id, address: seed.address, placeholder: false };
  }
  const s = seed.trim();
  if (s === '') throw new InvalidRequestError('empty seed');
  const at = s.lastIndexOf('@');
  if (at > 0) return { id: s.slice(0, at), address: s.slice(at + 1), placeholder: false };
  return { id: `${PLACEHOLDER_PREFIX}${s}`, address: s, placeholder: true };
}

function randomId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Queued requests that leave at once as a batch, without waiting for the end of the turn. */
const EARLY_BATCH_ITEMS = 32;
/** Bytes of requests one batch request carries at most (a batch is cut before it grows past this). */
const MAX_BATCH_BYTES = 1024 * 1024;

/** Roughly how many bytes a request map encodes to (a batch is cut by this estimate; the transport enforces the real limit). */
function approxSize(body: Record<string, unknown>): number {
  let bytes = 1;
  for (const key in body) {
    const v = body[key];
    bytes += key.length + 1 + (v instanceof Uint8Array ? v.length + 5 : typeof v === 'string' ? 3 * v.length + 5 : 9);
  }
  return bytes;
}

/** A request or its answer was larger than the transport's frame limit. */
function isFrameTooLarge(error: unknown): boolean {
  return error instanceof FrameTooLargeError || (error instanceof RemoteError && error.remoteCode === FRAME_TOO_LARGE_CODE);
}

/** Does a transport failure look like a refused handshake (wrong cluster id, secret or certificate)? */
function isAuthFailure(error: unknown): boolean {
  const text = `${(error as { code?: unknown })?.code ?? ''} ${(error as Error)?.message ?? ''}`.toLowerCase();
  return /unauthori[sz]ed|handshake|secret|cluster id|clusterid|certificate|hmac|proof/.test(text);
}

/**
 * A connection to a raftfleet cluster from outside it. Create it with {@link RaftfleetClient.connect}
 * (or the package's `connect`, which supplies the TCP transport).
 */
export class RaftfleetClient {
  /** The id this client uses for exactly-once commands and as its transport node id. */
  readonly clientId: string;
  private readonly transport: Transport;
  private readonly known = new Map<string, KnownNode>();
  private readonly leaders = new Map<string, string>();
  private readonly timeoutMs: number;
  private readonly baseMs: number;
  private readonly maxMs: number;
  private readonly maxRedirects: number;
  private readonly random: () => number;
  private readonly counters: ClientStats = { attempts: 0, redirects: 0, retries: 0, leaderHints: 0, batched: 0 };
  private readonly unsubscribe: Array<() => void> = [];
  private cursor = 0;
  private readonly sequence = new CommandSequence();
  private closed = false;
  private lastAuthFailure: { node: string; error: unknown } | undefined;
  /** Groups this client created recently: nodes whose registry view lags may not know them yet. */
  private readonly recentlyAdded = new Map<string, number>();
  private readonly requests = new Map<string, NodeRequests>();

  private constructor(options: ClientOptions) {
    this.clientId = options.clientId ?? `client-${randomId()}`;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.baseMs = options.retry?.baseMs ?? 20;
    this.maxMs = options.retry?.maxMs ?? 500;
    this.maxRedirects = options.retry?.maxRedirects ?? 3;
    this.random = options.random ?? Math.random;
    this.transport = options.transport(this.clientId, {
      identified: (placeholderId, nodeId) => {
        // Deferred: the transport is still inside its own bookkeeping for the failed dial.
        setImmediate(() => this.identified(placeholderId, nodeId));
      },
      refused: (node, reason) => {
        this.lastAuthFailure = { node: this.known.get(node)?.address ?? node, error: new Error(reason) };
      },
    });
  }

  /**
   * Connects to the fleet: starts the transport, dials the seeds and learns every node from the first
   * that answers. Rejects with UnauthorizedError when the seeds refuse the handshake, UnavailableError
   * when none answers in time.
   */
  static async connect(options: ClientOptions): Promise<RaftfleetClient> {
    if (!Array.isArray(options.seeds) || options.seeds.length === 0) throw new InvalidRequestError('connect needs at least one seed');
    for (const [name, v] of [['timeoutMs', options.timeoutMs], ['connectTimeoutMs', options.connectTimeoutMs]] as const) {
      if (v !== undefined && (!Number.isFinite(v) || v <= 0)) throw new InvalidRequestError(`${name} must be a positive number`);
    }
    const seeds = options.seeds.map(parseSeed);
    const client = new RaftfleetClient(options);
    try {
      await client.start(seeds, options.connectTimeoutMs ?? client.timeoutMs);
    } catch (error) {
      await client.close();
      throw error;
    }
    return client;
  }

  private async start(seeds: Array<{ id: string; address: string; placeholder: boolean }>, timeoutMs: number): Promise<void> {
    this.unsubscribe.push(
      this.transport.on('peerDown', (peer) => {
        const n = this.known.get(peer);
        if (n !== undefined) n.failedAt = Date.now();
        for (const [group, leader] of this.leaders) if (leader === peer) this.leaders.delete(group);
      }),
      this.transport.on('peerUp', (peer) => {
        const n = this.known.get(peer);
        if (n !== undefined) n.failedAt = 0;
      }),
    );
    await this.transport.start();
    for (const s of seeds) this.learn(s.id, s.address, s.placeholder);
    try {
      await this.nodes({ timeoutMs });
    } catch (error) {
      if (this.lastAuthFailure !== undefined && !(error instanceof UnauthorizedError)) {
        const { node, error: cause } = this.lastAuthFailure;
        throw new UnauthorizedError(node, (cause as Error)?.message ?? String(cause), { cause });
      }
      throw error;
    }
  }

  /** Counters since connect. */
  stats(): ClientStats {
    return { ...this.counters };
  }

  /** The node currently believed to lead `group`, if any. */
  cachedLeader(group: string): string | undefined {
    return this.leaders.get(group);
  }

  /** Applies a command to a group, exactly once even when retried, and resolves with the encoded result. */
  async commandRaw(group: string, command: Uint8Array, options: CallOptions = {}): Promise<Uint8Array> {
    checkName(group);
    const seq = this.sequence.next();
    try {
      // Every attempt tells the group which answers this client has by then, so it drops their results.
      const body = await this.call(
        { method: METHODS.command, group, timeoutMs: options.timeoutMs ?? this.timeoutMs, signal: options.signal },
        (timeoutMs) => ({ group, command, clientId: this.clientId, seq, acked: this.sequence.acked, timeoutMs }),
      );
      return binField(body, 'result');
    } finally {
      // Answered, or given up on: this seq is never sent again.
      this.sequence.done(seq);
    }
  }

  /** Answers a query on a group and resolves with the encoded answer. */
  async queryRaw(group: string, query: Uint8Array, options: QueryOptions = {}): Promise<Uint8Array> {
    checkName(group);
    const consistency = options.consistency ?? 'linearizable';
    if (consistency !== 'linearizable' && consistency !== 'lease' && consistency !== 'stale') {
      throw new InvalidRequestError(`unknown consistency ${String(consistency)}`, { group });
    }
    const body = await this.call(
      { method: METHODS.query, group, timeoutMs: options.timeoutMs ?? this.timeoutMs, signal: options.signal },
      (timeoutMs) => ({ group, query, consistency, timeoutMs }),
    );
    return binField(body, 'answer');
  }

  /** Applies a command encoded with the default msgpack codec. */
  async command<C = unknown, R = unknown>(group: string, command: C, options: CallOptions = {}): Promise<R> {
    return msgpackCodec.decode(await this.commandRaw(group, msgpackCodec.encode(command), options)) as R;
  }

  /** Answers a query encoded with the default msgpack codec. */
  async query<Q = unknown, A = unknown>(group: string, query: Q, options: QueryOptions = {}): Promise<A> {
    return msgpackCodec.decode(await this.queryRaw(group, msgpackCodec.encode(query), options)) as A;
  }

  /** A typed handle on one group. */
  group<C = unknown, R = unknown, Q = unknown, A = unknown>(name: string, options: GroupHandleOptions<C, R, Q, A> = {}): GroupHandle<C, R, Q, A> {
    checkName(name);
    const cc = (options.commandCodec ?? msgpackCodec) as Codec<C>;
    const rc = (options.resultCodec ?? msgpackCodec) as Codec<R>;
    const qc = (options.queryCodec ?? msgpackCodec) as Codec<Q>;
    const ac = (options.answerCodec ?? msgpackCodec) as Codec<A>;
    return {
      name,
      command: async (command, opts) => rc.decode(await this.commandRaw(name, cc.encode(command), opts)),
      query: async (query, opts) => ac.decode(await this.queryRaw(name, qc.encode(query), opts)),
    };
  }

  /** Creates a group placed by the fleet. Rejects with GroupExistsError when the name is taken. */
  async addGroup(name: string, options: AddGroupOptions): Promise<void> {
    checkName(name);
    const replicas = options.replicas ?? 3;
    if (!Number.isSafeInteger(replicas) || replicas < 1) throw new InvalidRequestError('replicas must be a positive integer', { group: name });
    if (typeof options.machine !== 'string' || options.machine === '') throw new InvalidRequestError('machine must be a non-empty string', { group: name });
    await this.call(
      { method: METHODS.addGroup, group: name, timeoutMs: options.timeoutMs ?? this.timeoutMs, signal: options.signal },
      () => ({ name, replicas, machine: options.machine, options: options.options }),
      false,
    );
    this.recentlyAdded.set(name, Date.now());
  }

  /** Removes a group; resolves with whether it existed. */
  async removeGroup(name: string, options: CallOptions = {}): Promise<boolean> {
    checkName(name);
    const body = await this.call(
      { method: METHODS.removeGroup, group: name, timeoutMs: options.timeoutMs ?? this.timeoutMs, signal: options.signal },
      () => ({ name }),
      false,
    );
    this.leaders.delete(name);
    this.recentlyAdded.delete(name);
    return body['existed'] === true;
  }

  /**
   * Operator recovery of a group that lost its quorum: the fleet force-removes, on its surviving
   * members, the members on nodes that are unreachable or gone, so that the survivors elect a
   * leader again (the placement then adds members back). Only for a quorum that is gone for good:
   * whatever only the lost members had is lost with them. Resolves to the removed member ids;
   * rejects with RecoveryRefusedError while a quorum of the voters is reachable, or when no
   * surviving member answers. Not retried once a node has taken it.
   */
  async recoverGroup(name: string, options: CallOptions = {}): Promise<string[]> {
    checkName(name);
    const body = await this.call(
      { method: METHODS.recoverGroup, group: name, timeoutMs: options.timeoutMs ?? this.timeoutMs, signal: options.signal },
      () => ({ name }),
      false,
    );
    const removed = body['removed'];
    if (!Array.isArray(removed) || !removed.every((m) => typeof m === 'string')) {
      throw new InvalidRequestError(`recoverGroup answered without a list of removed members`, { group: name });
    }
    this.leaders.delete(name);
    return removed as string[];
  }

  /**
   * Stray members on every node that answers: members of groups the registry knows neither as live
   * nor as removed (a node purged while its group was removed, back with its disk, keeps them; the
   * fleet never deletes data for its absence from the registry).
   */
  async strays(options: CallOptions = {}): Promise<StrayReport> {
    const body = await this.call({ method: METHODS.strays, group: undefined, timeoutMs: options.timeoutMs ?? this.timeoutMs, signal: options.signal }, () => ({}));
    return { strays: parseList(body, 'strays', parseStray), unanswered: stringsOf(body['unanswered']) };
  }

  /**
   * Deletes the stray member of `group` on node `node` (see {@link RaftfleetClient.strays}).
   * InvalidRequestError when the group is known to the registry or the node holds no member of it.
   */
  async deleteStray(node: string, group: string, options: CallOptions = {}): Promise<void> {
    if (typeof node !== 'string' || node.length === 0) throw new InvalidRequestError('a node id must be a non-empty string');
    checkName(group);
    await this.call({ method: METHODS.deleteStray, group: undefined, timeoutMs: options.timeoutMs ?? this.timeoutMs, signal: options.signal }, () => ({ node, group }), false);
  }

  /** Lists the fleet's groups with their leaders and members. */
  async groups(options: CallOptions = {}): Promise<GroupInfo[]> {
    const body = await this.call({ method: METHODS.groups, group: undefined, timeoutMs: options.timeoutMs ?? this.timeoutMs, signal: options.signal }, () => ({}));
    const groups = parseList(body, 'groups', parseGroup);
    for (const g of groups) this.noteLeader(g.name, g.leader, undefined);
    return groups;
  }

  /** Lists the fleet's nodes; the client also learns their addresses. */
  async nodes(options: CallOptions = {}): Promise<NodeInfo[]> {
    const body = await this.call({ method: METHODS.nodes, group: undefined, timeoutMs: options.timeoutMs ?? this.timeoutMs, signal: options.signal }, () => ({}));
    const nodes = parseList(body, 'nodes', parseNode);
    this.learnNodes(nodes);
    return nodes;
  }

  /** Nodes, groups, leaderless groups and rebalancing in one call. */
  async status(options: CallOptions = {}): Promise<FleetStatus> {
    const body = await this.call({ method: METHODS.status, group: undefined, timeoutMs: options.timeoutMs ?? this.timeoutMs, signal: options.signal }, () => ({}));
    const nodes = parseList(body, 'nodes', parseNode);
    const groups = parseList(body, 'groups', parseGroup);
    const leaderless = stringsOf(body['leaderless']);
    const rebalancing = typeof body['rebalancing'] === 'number' ? body['rebalancing'] : 0;
    this.learnNodes(nodes);
    for (const g of groups) this.noteLeader(g.name, g.leader, undefined);
    return { nodes, groups, leaderless, rebalancing };
  }

  /** Closes the connections; calls in flight reject with ClientClosedError. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const u of this.unsubscribe.splice(0)) u();
    await this.transport.close();
  }

  private learn(id: string, address: string, placeholder = false): void {
    if (address === '' || id === this.clientId) return;
    const existing = this.known.get(id);
    if (existing !== undefined && existing.address === address) return;
    this.known.set(id, { address, placeholder, failedAt: existing?.failedAt ?? 0 });
    this.transport.addPeer(id, address);
  }

  private identified(placeholderId: string, nodeId: string): void {
    const seed = this.known.get(placeholderId);
    if (this.closed || seed === undefined || !seed.placeholder) return;
    this.learn(nodeId, seed.address);
    this.known.delete(placeholderId);
    this.transport.removePeer(placeholderId);
  }

  private learnNodes(nodes: NodeInfo[]): void {
    for (const n of nodes) this.learn(n.id, n.address);
    // A seed given by address alone is now known under its real id: stop using the placeholder.
    const addresses = new Set(nodes.filter((n) => n.address !== '').map((n) => n.address));
    for (const [id, n] of this.known) {
      if (n.placeholder && addresses.has(n.address)) {
        this.known.delete(id);
        this.transport.removePeer(id);
      }
    }
  }

  private noteLeader(group: string, leader: string | undefined, leaderAddress: string | undefined): void {
    if (leader === undefined) return;
    if (leaderAddress !== undefined) this.learn(leader, leaderAddress);
    if (this.known.has(leader)) this.leaders.set(group, leader);
  }

  /** The next node to try: the cached leader first, then healthy nodes in rotation, then any. */
  private pick(group: string | undefined, tried: Set<string>): string | undefined {
    if (group !== undefined) {
      const leader = this.leaders.get(group);
      if (leader !== undefined && !tried.has(leader) && this.known.has(leader)) return leader;
    }
    const ids = [...this.known.keys()];
    if (ids.length === 0) return undefined;
    let fallback: string | undefined;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[(this.cursor + i) % ids.length]!;
      if (tried.has(id)) continue;
      if (this.known.get(id)!.failedAt === 0) {
        this.cursor = (this.cursor + i + 1) % ids.length;
        return id;
      }
      fallback ??= id;
    }
    return fallback;
  }

  private backoff(attempt: number, remaining: number): number {
    const ceiling = Math.min(this.maxMs, this.baseMs * 2 ** Math.min(attempt, 20));
    return Math.min(Math.max(0, remaining - 1), Math.floor(this.random() * ceiling));
  }

  /**
   * Sends a request to a node. Commands and queries sent while others to the same node are still
   * out are queued and leave together, at the end of this event-loop turn, as one batch request:
   * under load, many callers share one request and one answer (the server answers each item as if
   * it came alone). A lone request goes out at once, so latency at low load is unchanged.
   */
  private request(node: string, method: Method, body: Record<string, unknown>, timeoutMs: number): Promise<unknown> {
    let state = this.requests.get(node);
    if (state === undefined) {
      state = { outstanding: 0, queued: [], flushScheduled: false, noBatch: false };
      this.requests.set(node, state);
    }
    if ((method !== METHODS.command && method !== METHODS.query) || state.noBatch || state.outstanding === 0) {
      return this.sendOne(node, state, method, body, timeoutMs);
    }
    return new Promise<unknown>((resolve, reject) => {
      state.queued.push({ method, body, size: approxSize(body), timeoutMs, resolve, reject });
      if (state.queued.length >= EARLY_BATCH_ITEMS) {
        this.sendQueued(node, state);
        return;
      }
      if (!state.flushScheduled) {
        state.flushScheduled = true;
        setImmediate(() => this.sendQueued(node, state));
      }
    });
  }

  /** One transport request, counted as out to `node` until it settles. */
  private send(node: string, state: NodeRequests, method: Method, body: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    state.outstanding++;
    return this.transport.request(node, method, body, { timeoutMs }).finally(() => state.outstanding--);
  }

  /** One request alone; resolves with its decoded (not yet validated) answer. */
  private sendOne(node: string, state: NodeRequests, method: Method, body: Record<string, unknown>, timeoutMs: number): Promise<unknown> {
    return this.send(node, state, method, encodeRequest(body), timeoutMs).then(decodeResponse);
  }

  private sendAlone(node: string, state: NodeRequests, items: readonly QueuedRequest[]): void {
    for (const item of items) this.sendOne(node, state, item.method, item.body, item.timeoutMs).then(item.resolve, item.reject);
  }

  private sendQueued(node: string, state: NodeRequests): void {
    state.flushScheduled = false;
    while (state.queued.length > 0) {
      let take = 0;
      let bytes = 0;
      while (take < state.queued.length && take < MAX_BATCH_ITEMS && (take === 0 || bytes + state.queued[take]!.size <= MAX_BATCH_BYTES)) {
        bytes += state.queued[take++]!.size;
      }
      const items = state.queued.splice(0, take);
      if (items.length === 1 || state.noBatch) {
        this.sendAlone(node, state, items);
        continue;
      }
      this.counters.batched += items.length;
      const timeoutMs = Math.max(...items.map((i) => i.timeoutMs));
      this.send(node, state, METHODS.batch, encodeBatchRequest(items), timeoutMs).then(
        (raw) => {
          let answers: unknown[];
          try {
            answers = decodeBatchResponse(raw, items.length);
          } catch (error) {
            for (const item of items) item.reject(error);
            return;
          }
          items.forEach((item, i) => item.resolve(answers[i]));
        },
        (error: unknown) => {
          if (error instanceof NoHandlerError) {
            // A node that does not serve batches: send these again one by one, and every later one too.
            state.noBatch = true;
            this.sendAlone(node, state, items);
            return;
          }
          if (isFrameTooLarge(error)) {
            // Together the answers outgrew one frame, though each may fit alone.
            this.sendAlone(node, state, items);
            return;
          }
          for (const item of items) item.reject(error);
        },
      );
    }
  }

  /**
   * Sends one request until it succeeds, a final error comes back or the deadline passes.
   * `retryAfterTimeout` is false for registry changes, whose ERR_TIMEOUT leaves the outcome unknown.
   */
  private async call(
    ctx: CallContext,
    build: (serverTimeoutMs: number) => Record<string, unknown>,
    retryAfterTimeout = true,
  ): Promise<Record<string, unknown>> {
    if (this.closed) throw new ClientClosedError();
    if (!Number.isFinite(ctx.timeoutMs) || ctx.timeoutMs <= 0) throw new InvalidRequestError('timeoutMs must be a positive number', { group: ctx.group });
    // A command is retried only while the fleet still remembers its client (see MAX_COMMAND_RETRY_MS).
    const deadline = Date.now() + (ctx.method === METHODS.command ? Math.min(ctx.timeoutMs, MAX_COMMAND_RETRY_MS) : ctx.timeoutMs);
    let tried = new Set<string>();
    let attempt = 0;
    let redirectsInARow = 0;
    let lastError: ClientError | undefined;
    let lastAnswer: ClientError | undefined;
    let lastNode: string | undefined;
    for (;;) {
      if (this.closed) throw new ClientClosedError();
      if (ctx.signal?.aborted) throw ctx.signal.reason;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw this.expired(ctx, lastError, lastAnswer, lastNode);
      let node = this.pick(ctx.group, tried);
      if (node === undefined || tried.has(node)) {
        // Every known node was tried this round: wait, then start a new round.
        tried = new Set();
        this.counters.retries++;
        await sleep(this.backoff(attempt++, remaining), ctx.signal);
        continue;
      }
      tried.add(node);
      lastNode = node;
      // Leave the server a margin so its own ERR_TIMEOUT arrives before our transport gives up.
      const serverTimeout = Math.max(1, remaining - Math.min(200, Math.floor(remaining / 10)));
      this.counters.attempts++;
      let answer: unknown;
      try {
        answer = await this.request(node, ctx.method, build(serverTimeout), remaining);
      } catch (error) {
        const known = this.known.get(node);
        if (this.closed || error instanceof TransportClosedError) throw new ClientClosedError();
        if (error instanceof ProtocolViolation) throw this.outsideProtocol(ctx, node, error);
        if (error instanceof RemoteError) {
          // A node that throws instead of answering { ok: false } still speaks the error codes.
          const outcome = this.onWireError(ctx, node, { code: error.remoteCode, message: error.remoteMessage });
          lastError = outcome.error;
          if (outcome.final) throw outcome.error;
        } else if (error instanceof TransportTimeoutError) {
          lastError = new TimeoutError(ctx.method, ctx.timeoutMs, { group: ctx.group, node }, { cause: error });
          if (!retryAfterTimeout) throw lastError;
        } else {
          if (known !== undefined) known.failedAt = Date.now();
          if (ctx.group !== undefined && this.leaders.get(ctx.group) === node) this.leaders.delete(ctx.group);
          if (isAuthFailure(error)) this.lastAuthFailure = { node: known?.address ?? node, error };
          const reason = error instanceof NoHandlerError ? 'does not serve the client protocol' : error instanceof PeerUnavailableError ? 'unreachable' : 'failed';
          lastError = new UnavailableError(`node ${node} ${reason}`, { group: ctx.group, node }, { cause: error });
        }
        continue;
      }
      let response;
      try {
        response = parseResponse(answer);
      } catch (error) {
        if (error instanceof ProtocolViolation) throw this.outsideProtocol(ctx, node, error);
        throw error;
      }
      if (response.ok) {
        const known = this.known.get(node);
        if (known !== undefined) known.failedAt = 0;
        this.lastAuthFailure = undefined;
        if (ctx.group !== undefined && (ctx.method === METHODS.command || ctx.method === METHODS.query)) {
          const hint = leaderHint(response.body);
          if (hint.leader !== undefined) this.counters.leaderHints++;
          this.noteLeader(ctx.group, hint.leader, hint.leaderAddress);
        }
        return response.body;
      }
      const outcome = this.onWireError(ctx, node, response.error);
      lastError = outcome.error;
      lastAnswer = outcome.error;
      if (outcome.final) throw outcome.error;
      if (outcome.error instanceof TimeoutError && !retryAfterTimeout) throw outcome.error;
      if (outcome.redirect && redirectsInARow < this.maxRedirects) {
        redirectsInARow++;
        this.counters.redirects++;
        tried.delete(this.leaders.get(ctx.group ?? '') ?? '');
        continue;
      }
      redirectsInARow = 0;
      this.counters.retries++;
      await sleep(this.backoff(attempt++, deadline - Date.now()), ctx.signal);
    }
  }

  private outsideProtocol(ctx: CallContext, node: string, error: ProtocolViolation): InvalidRequestError {
    return new InvalidRequestError(`node ${node} answered ${ctx.method} outside the protocol: ${error.message}`, { group: ctx.group, node });
  }

  /** Classifies a wire error: final (thrown now), a redirect to follow at once, or retryable after backoff. */
  private onWireError(ctx: CallContext, node: string, e: WireError): { error: ClientError; final: boolean; redirect: boolean } {
    const group = ctx.group;
    switch (e.code) {
      case 'ERR_NOT_LEADER': {
        const error = new NotLeaderError(group, node, e.leader, e.leaderAddress);
        if (group === undefined) return { error, final: false, redirect: false };
        const before = this.leaders.get(group);
        this.leaders.delete(group);
        if (e.leader !== undefined) {
          this.counters.leaderHints++;
          this.noteLeader(group, e.leader, e.leaderAddress);
        }
        const after = this.leaders.get(group);
        const redirect = after !== undefined && after !== node && after !== before;
        return { error, final: false, redirect };
      }
      case 'ERR_UNAVAILABLE':
        if (group !== undefined) this.leaders.delete(group);
        return { error: new UnavailableError(e.message || `group ${group ?? '?'} is unavailable`, { group, node }), final: false, redirect: false };
      case 'ERR_TIMEOUT':
        return { error: new TimeoutError(ctx.method, ctx.timeoutMs, { group, node }), final: false, redirect: false };
      case 'ERR_GROUP_NOT_FOUND': {
        // A node's registry view can lag a group just created: keep looking for a while.
        const added = group === undefined ? undefined : this.recentlyAdded.get(group);
        const fresh = added !== undefined && Date.now() - added < RECENT_GROUP_MS;
        return { error: new GroupNotFoundError(group ?? '?', node), final: !fresh, redirect: false };
      }
      case 'ERR_GROUP_EXISTS':
        return { error: new GroupExistsError(group ?? '?', node), final: true, redirect: false };
      case 'ERR_NOT_RECOVERABLE':
        return { error: new RecoveryRefusedError(group ?? '?', e.message || 'not recoverable', node), final: true, redirect: false };
      case 'ERR_TOO_LARGE':
        return { error: new TooLargeError(e.message || 'request too large', { group, node }), final: true, redirect: false };
      case 'ERR_COMMAND_FAILED':
        return { error: new CommandFailedError(group ?? '?', e.errorName ?? 'Error', e.message, node), final: true, redirect: false };
      case 'ERR_INVALID':
        return { error: new InvalidRequestError(e.message || 'invalid request', { group, node }), final: true, redirect: false };
      default:
        return { error: new ClientError(e.code, e.message || e.code, { group, node }), final: true, redirect: false };
    }
  }

  private expired(ctx: CallContext, lastError: ClientError | undefined, lastAnswer: ClientError | undefined, lastNode: string | undefined): ClientError {
    // An answer the fleet gave (no leader, not leader) says more than "time is up". But when the last
    // attempt was still in flight the outcome is unknown: that is a TimeoutError, caused by the last answer.
    if (lastError instanceof UnavailableError || lastError instanceof NotLeaderError) return lastError;
    const cause = lastAnswer ?? lastError;
    return new TimeoutError(ctx.method, ctx.timeoutMs, { group: ctx.group, node: lastNode }, cause !== undefined ? { cause } : undefined);
  }
}

/** The strings of a response field that should list some (anything else in it is skipped). */
function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
}

function checkName(name: string): void {
  if (typeof name !== 'string' || name.length === 0) throw new InvalidRequestError('a group name must be a non-empty string');
}
