// An in-process network hub with seeded faults: drop, delay, duplicate, reorder, partitions.
// Runs on real timers for runtime tests, or is stepped by hand (virtual time) by a simulator.
import { BatchFrameWriter, type Envelope } from '@raftfleet/protocol';
import type { NodeId } from '@raftfleet/transport';
import { MemoryTransport, type MemoryTransportOptions } from './transport.js';

/** Fault rates and delays applied to every envelope and request crossing the network. */
export interface FaultOptions {
  /** Probability in [0, 1] that an item is lost. */
  dropRate?: number;
  /** Probability in [0, 1] that an item is delivered twice. */
  duplicateRate?: number;
  /** Probability in [0, 1] that an item is held back by up to `reorderWindowMs`, letting later ones pass it. */
  reorderRate?: number;
  /** Extra delay of a reordered item is drawn from [1, reorderWindowMs] (default 10). */
  reorderWindowMs?: number;
  /** Base one-way delay: uniform in [min, max] milliseconds (default [0, 0]). */
  delayMs?: [number, number];
}

/** Options of a {@link MemoryNetwork}. */
export interface MemoryNetworkOptions {
  /** Seed of the PRNG behind every fault decision (default 1). */
  seed?: number;
  /** `timers`: deliveries happen on real timers. `manual`: nothing moves until `deliver()` or `advance()`. */
  mode?: 'timers' | 'manual';
  /** Initial fault configuration (default: none). */
  faults?: FaultOptions;
}

/** One thing in flight. */
export type InFlight =
  | { kind: 'batch'; from: NodeId; to: NodeId; envelopes: Envelope[]; bytes: number }
  | { kind: 'request'; from: NodeId; to: NodeId; id: number; method: string; body: Uint8Array; bytes: number }
  | {
      kind: 'response';
      from: NodeId;
      to: NodeId;
      id: number;
      body: Uint8Array;
      error: { code: string; message: string } | undefined;
      bytes: number;
    };

interface Scheduled {
  at: number;
  seq: number;
  item: InFlight;
  /** Owning transport instance at enqueue time; items addressed to a closed incarnation are discarded. */
  target: MemoryTransport;
  source: MemoryTransport;
}

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/** mulberry32, a small fast seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Counters of the network as a whole. */
export interface NetworkStats {
  /** Items (single envelopes, batches or request/response) delivered. */
  delivered: number;
  /** Items lost to random drops. */
  dropped: number;
  /** Items lost to a partition. */
  partitioned: number;
  /** Extra copies created by duplication. */
  duplicated: number;
}

/**
 * The hub every {@link MemoryTransport} of one simulated cluster attaches to.
 * Delivery is FIFO per node pair unless delays, reordering or duplication are configured.
 */
export class MemoryNetwork {
  /** `timers` or `manual`. */
  readonly mode: 'timers' | 'manual';
  private readonly random: () => number;
  private faults: Required<FaultOptions>;
  private readonly byAddress = new Map<string, MemoryTransport>();
  private queue: Scheduled[] = [];
  private timers: Timer[] = [];
  private seq = 0;
  private virtualNow = 0;
  private readonly blocked = new Set<string>();
  private readonly stalled = new Set<MemoryTransport>();
  private pumpTimer: NodeJS.Timeout | undefined;
  private pumpImmediate: NodeJS.Immediate | undefined;
  private pumpAt = Infinity;
  private readonly counters: NetworkStats = { delivered: 0, dropped: 0, partitioned: 0, duplicated: 0 };

  /** @param options - Seed, mode and faults. */
  constructor(options: MemoryNetworkOptions = {}) {
    this.mode = options.mode ?? 'timers';
    this.random = prng(options.seed ?? 1);
    this.faults = MemoryNetwork.withDefaults(options.faults ?? {});
  }

  private static withDefaults(f: FaultOptions): Required<FaultOptions> {
    return {
      dropRate: f.dropRate ?? 0,
      duplicateRate: f.duplicateRate ?? 0,
      reorderRate: f.reorderRate ?? 0,
      reorderWindowMs: f.reorderWindowMs ?? 10,
      delayMs: f.delayMs ?? [0, 0],
    };
  }

  /** Replaces the fault configuration (items already in flight keep their schedule). */
  setFaults(faults: FaultOptions): void {
    this.faults = MemoryNetwork.withDefaults(faults);
  }

  /** True when any per-item fault (drop, duplicate, reorder, delay) is configured. */
  get faulty(): boolean {
    const f = this.faults;
    return f.dropRate > 0 || f.duplicateRate > 0 || f.reorderRate > 0 || f.delayMs[1] > 0;
  }

  /** Creates a transport attached to this network; call `start()` on it to make it reachable. */
  transport(nodeId: NodeId, options: MemoryTransportOptions = {}): MemoryTransport {
    return new MemoryTransport(this, nodeId, options);
  }

  /** Current time: virtual in manual mode, `Date.now()` with timers. */
  now(): number {
    return this.mode === 'manual' ? this.virtualNow : Date.now();
  }

  /** Cuts traffic between the two sets of nodes in both directions. */
  partition(a: NodeId[], b: NodeId[]): void {
    this.partitionOneWay(a, b);
    this.partitionOneWay(b, a);
  }

  /** Cuts traffic from every node of `from` to every node of `to` (the reverse direction still flows). */
  partitionOneWay(from: NodeId[], to: NodeId[]): void {
    for (const f of from) for (const t of to) if (f !== t) this.blocked.add(`${f}\u0000${t}`);
  }

  /** Removes every partition. */
  heal(): void {
    this.blocked.clear();
  }

  /** True when traffic from `from` to `to` is cut. */
  isBlocked(from: NodeId, to: NodeId): boolean {
    return this.blocked.size > 0 && this.blocked.has(`${from}\u0000${to}`);
  }

  /** Items waiting for delivery. */
  get pending(): number {
    return this.queue.length;
  }

  /** Network-wide counters. */
  stats(): NetworkStats {
    return { ...this.counters };
  }

  /**
   * Manual mode: delivers the earliest item whose time has come (advancing virtual time to it if `jump`).
   * Returns false when nothing was deliverable.
   */
  deliver(jump = true): boolean {
    this.sortQueue();
    const index = this.queue.findIndex((s) => !this.stalled.has(s.target));
    if (index < 0) return false;
    const next = this.queue[index]!;
    if (next.at > this.virtualNow) {
      if (!jump) return false;
      this.runTimersUntil(next.at);
      this.virtualNow = Math.max(this.virtualNow, next.at);
    }
    this.queue.splice(index, 1);
    this.dispatch(next);
    return true;
  }

  /** Manual mode: advances virtual time by `ms`, delivering items and firing timers that fall due; returns items delivered. */
  advance(ms: number): number {
    const until = this.virtualNow + ms;
    let count = 0;
    for (;;) {
      this.sortQueue();
      const next = this.queue.find((s) => !this.stalled.has(s.target));
      const timer = this.nextTimer();
      const nextAt = Math.min(next?.at ?? Infinity, timer?.at ?? Infinity);
      if (nextAt > until) break;
      this.virtualNow = Math.max(this.virtualNow, nextAt);
      if (timer !== undefined && timer.at <= (next?.at ?? Infinity)) {
        this.fireTimer(timer);
      } else if (next !== undefined) {
        this.queue.splice(this.queue.indexOf(next), 1);
        this.dispatch(next);
        count++;
      }
    }
    this.virtualNow = until;
    return count;
  }

  /** Manual mode: delivers until nothing is deliverable now (virtual time does not move). */
  deliverAll(): number {
    let n = 0;
    while (this.deliver(false)) n++;
    return n;
  }

  /** Makes `transport` stop (or resume) taking deliveries: items addressed to it stay queued. */
  stall(transport: MemoryTransport, stalled = true): void {
    if (stalled) this.stalled.add(transport);
    else {
      this.stalled.delete(transport);
      this.schedulePump();
    }
  }

  // ------------------------------------------------------------ used by MemoryTransport

  /** @internal */
  register(transport: MemoryTransport): void {
    const current = this.byAddress.get(transport.address);
    if (current !== undefined && current !== transport) throw new Error(`address ${transport.address} is in use`);
    this.byAddress.set(transport.address, transport);
    for (const other of this.byAddress.values()) if (other !== transport) other._peerRegistered(transport);
  }

  /** @internal */
  unregister(transport: MemoryTransport): void {
    if (this.byAddress.get(transport.address) === transport) this.byAddress.delete(transport.address);
    this.stalled.delete(transport);
    this.queue = this.queue.filter((s) => {
      if (s.target !== transport && s.source !== transport) return true;
      s.source._released(s);
      return false;
    });
    for (const other of this.byAddress.values()) other._peerGone(transport);
  }

  /** @internal */
  lookup(address: string): MemoryTransport | undefined {
    return this.byAddress.get(address);
  }

  /** @internal Estimated wire size of envelopes, as a framing transport would send them. */
  static sizeOf(envelopes: Envelope[]): number {
    let n = 0;
    for (const e of envelopes) n += BatchFrameWriter.envelopeCost(e);
    return n;
  }

  /**
   * @internal Puts `item` on the wire from `source` to `target`, applying partitions and faults.
   * Returns the number of copies scheduled (0 when lost).
   */
  enqueue(source: MemoryTransport, target: MemoryTransport, item: InFlight): number {
    if (this.isBlocked(item.from, item.to)) {
      this.counters.partitioned++;
      return 0;
    }
    const f = this.faults;
    if (f.dropRate > 0 && this.random() < f.dropRate) {
      this.counters.dropped++;
      return 0;
    }
    let copies = 1;
    if (f.duplicateRate > 0 && this.random() < f.duplicateRate) {
      copies = 2;
      this.counters.duplicated++;
    }
    for (let c = 0; c < copies; c++) {
      let delay = f.delayMs[0] + (f.delayMs[1] - f.delayMs[0]) * this.random();
      if (f.reorderRate > 0 && this.random() < f.reorderRate) delay += 1 + this.random() * (f.reorderWindowMs - 1);
      this.queue.push({ at: this.now() + delay, seq: this.seq++, item, target, source });
    }
    this.sorted = false;
    this.schedulePump();
    return copies;
  }

  /** @internal Schedules `fn` after `ms` (virtual time in manual mode). Returns a canceller. */
  setTimer(ms: number, fn: () => void): () => void {
    if (this.mode === 'timers') {
      const handle = setTimeout(fn, ms);
      return () => clearTimeout(handle);
    }
    const timer: Timer = { at: this.virtualNow + ms, seq: this.seq++, fn, cancelled: false };
    this.timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  private sorted = true;

  private sortQueue(): void {
    if (this.sorted) return;
    this.queue.sort((x, y) => x.at - y.at || x.seq - y.seq);
    this.sorted = true;
  }

  private nextTimer(): Timer | undefined {
    this.timers = this.timers.filter((t) => !t.cancelled);
    let best: Timer | undefined;
    for (const t of this.timers) if (best === undefined || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    return best;
  }

  private fireTimer(timer: Timer): void {
    timer.cancelled = true;
    timer.fn();
  }

  private runTimersUntil(at: number): void {
    for (let t = this.nextTimer(); t !== undefined && t.at <= at; t = this.nextTimer()) {
      this.virtualNow = Math.max(this.virtualNow, t.at);
      this.fireTimer(t);
    }
  }

  private dispatch(s: Scheduled): void {
    s.source._released(s);
    this.counters.delivered++;
    s.target._receive(s.source, s.item);
  }

  /** Timers mode: delivers everything due, then re-arms for the next due item. */
  private schedulePump(): void {
    if (this.mode === 'manual' || this.queue.length === 0) return;
    this.sortQueue();
    const first = this.queue.find((s) => !this.stalled.has(s.target));
    if (first === undefined) return;
    const at = first.at;
    if (this.pumpAt <= at) return;
    if (this.pumpTimer !== undefined) clearTimeout(this.pumpTimer);
    if (this.pumpImmediate !== undefined) clearImmediate(this.pumpImmediate);
    this.pumpTimer = undefined;
    this.pumpImmediate = undefined;
    this.pumpAt = at;
    const run = () => {
      this.pumpTimer = undefined;
      this.pumpImmediate = undefined;
      this.pumpAt = Infinity;
      const now = Date.now();
      this.sortQueue();
      const due: Scheduled[] = [];
      const rest: Scheduled[] = [];
      for (const s of this.queue) (s.at <= now && !this.stalled.has(s.target) ? due : rest).push(s);
      this.queue = rest;
      for (const s of due) this.dispatch(s);
      this.schedulePump();
    };
    const wait = at - Date.now();
    if (wait <= 0) this.pumpImmediate = setImmediate(run);
    else this.pumpTimer = setTimeout(run, wait);
  }
}
