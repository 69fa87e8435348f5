// An in-process network of Wire endpoints for the runtime's tests: asynchronous delivery,
// partitions, node kills, message counters per node.
import type { Envelope } from '@raftfleet/protocol';
import type { Wire } from '../../src/index.js';

type Handler = (from: string, body: Uint8Array) => Promise<Uint8Array>;

export class MemNet {
  readonly endpoints = new Map<string, MemWire>();
  private readonly cut = new Set<string>();
  /** Envelopes sent per node (counted at send). */
  readonly sent = new Map<string, number>();
  /** Raft message types sent per node. */
  readonly sentTypes: Array<{ from: string; to: string; group: string; type: string }> = [];
  record = false;
  /** Requests made, by "from>to method". */
  readonly requests = new Map<string, number>();
  /** Whether a request to a killed node fails at once (as to a peer without a connection) instead of timing out. */
  failFast = false;
  /** Envelopes for which this returns true are dropped at send. */
  dropIf: ((from: string, to: string, envelope: Envelope) => boolean) | undefined;

  wire(node: string): MemWire {
    const w = new MemWire(this, node);
    this.endpoints.set(node, w);
    return w;
  }

  /** Makes `node` unreachable and tells its peers it is down. */
  kill(node: string): void {
    const w = this.endpoints.get(node);
    if (w) w.alive = false;
    for (const [id, other] of this.endpoints) if (id !== node && other.alive) other.peerChange(node, false);
  }

  revive(node: string, w: MemWire): void {
    this.endpoints.set(node, w);
    w.alive = true;
  }

  partition(a: string, b: string): void {
    this.cut.add(`${a}|${b}`);
    this.cut.add(`${b}|${a}`);
  }

  heal(): void {
    this.cut.clear();
  }

  reachable(from: string, to: string): boolean {
    const a = this.endpoints.get(from);
    const b = this.endpoints.get(to);
    return a !== undefined && b !== undefined && a.alive && b.alive && !this.cut.has(`${from}|${to}`);
  }
}

export class MemWire implements Wire {
  alive = true;
  private batchHandler: ((from: string, envelopes: Envelope[]) => void) | undefined;
  private peerHandler: ((node: string, up: boolean) => void) | undefined;
  readonly handlers = new Map<string, Handler>();

  constructor(
    private readonly net: MemNet,
    readonly node: string,
  ) {}

  send(to: string, envelopes: Envelope[]): boolean {
    this.net.sent.set(this.node, (this.net.sent.get(this.node) ?? 0) + envelopes.length);
    if (this.net.record) for (const e of envelopes) this.net.sentTypes.push({ from: this.node, to, group: e.group, type: e.message.type === 'append' && e.message.quiet === true ? 'append(quiet)' : e.message.type });
    if (!this.net.reachable(this.node, to)) return true; // dropped silently, like a lossy network
    const drop = this.net.dropIf;
    if (drop !== undefined) envelopes = envelopes.filter((e) => !drop(this.node, to, e));
    const target = this.net.endpoints.get(to)!;
    setImmediate(() => {
      if (this.net.reachable(this.node, to)) target.batchHandler?.(this.node, envelopes);
    });
    return true;
  }

  onBatch(handler: (from: string, envelopes: Envelope[]) => void): void {
    this.batchHandler = handler;
  }

  onPeerChange(handler: (node: string, up: boolean) => void): void {
    this.peerHandler = handler;
  }

  peerChange(node: string, up: boolean): void {
    this.peerHandler?.(node, up);
  }

  request(to: string, method: string, body: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ERR_TRANSPORT_TIMEOUT' })), timeoutMs);
      timer.unref();
      const key = `${this.node}>${to} ${method}`;
      this.net.requests.set(key, (this.net.requests.get(key) ?? 0) + 1);
      if (this.net.failFast && this.net.endpoints.get(to)?.alive !== true) {
        clearTimeout(timer);
        reject(Object.assign(new Error(`${to} is not connected`), { code: 'ERR_TRANSPORT_UNREACHABLE' }));
        return;
      }
      if (!this.net.reachable(this.node, to)) return; // times out
      const h = this.net.endpoints.get(to)!.handlers.get(method);
      if (h === undefined) {
        clearTimeout(timer);
        reject(Object.assign(new Error(`no handler ${method}`), { code: 'ERR_NO_HANDLER' }));
        return;
      }
      setImmediate(() => {
        h(this.node, body).then(
          (resp) => {
            if (!this.net.reachable(to, this.node)) return;
            clearTimeout(timer);
            resolve(resp);
          },
          (e: unknown) => {
            clearTimeout(timer);
            reject(e as Error);
          },
        );
      });
    });
  }

  onRequest(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }
}
