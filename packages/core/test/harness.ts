// A small in-test network of RawNodes backed by MemoryLog: runs the Ready loop like a runtime
// (persist, send, apply, advance) and delivers messages in rounds, with partitions and drops.
import type { Entry, Message, MemberId } from '@raftfleet/protocol';
import { MemoryLog, RawNode, describeMessage, type RaftConfig, type ReadState, type Ready } from '../src/index.js';

/** mulberry32: a tiny seeded PRNG returning integers in [0, 2^32). */
export function seededRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
export const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

export type NodeOptions = Partial<Omit<RaftConfig, 'id' | 'log' | 'rng'>>;

export interface Member {
  id: MemberId;
  node: RawNode;
  log: MemoryLog;
  /** index -> applied normal entry payload (as a string) */
  applied: Map<number, string>;
  appliedIndex: number;
  readStates: ReadState[];
  readies: Ready[];
  snapshotsRestored: number;
}

export interface ClusterOptions {
  seed?: number;
  learners?: MemberId[];
  config?: NodeOptions;
  perNode?: Record<MemberId, NodeOptions>;
}

export class Cluster {
  readonly members = new Map<MemberId, Member>();
  queue: Message[] = [];
  readonly trace: string[] = [];
  /** Pairs "a|b" whose messages are dropped (both directions are added by `isolate`). */
  readonly cut = new Set<string>();
  /** Extra filter: return false to drop a message. */
  filter: ((m: Message) => boolean) | undefined = undefined;
  readonly seed: number;
  private readonly rng: () => number;
  private readonly opts: ClusterOptions;

  constructor(voters: MemberId[], opts: ClusterOptions = {}) {
    this.seed = opts.seed ?? 1;
    this.rng = seededRng(this.seed);
    this.opts = opts;
    const learners = opts.learners ?? [];
    for (const id of [...voters, ...learners]) {
      const log = MemoryLog.withVoters(voters, learners);
      this.addMember(id, log);
    }
  }

  addMember(id: MemberId, log: MemoryLog, applied?: number): Member {
    const config: RaftConfig = {
      id,
      log,
      rng: seededRng(this.rng()),
      ...this.opts.config,
      ...this.opts.perNode?.[id],
    };
    if (applied !== undefined) config.applied = applied;
    const m: Member = {
      id,
      node: new RawNode(config),
      log,
      applied: new Map(),
      appliedIndex: applied ?? log.snapshot().meta.index,
      readStates: [],
      readies: [],
      snapshotsRestored: 0,
    };
    this.members.set(id, m);
    return m;
  }

  /** A brand-new member with an empty log that knows nothing (joins via a snapshot or the log). */
  addEmptyMember(id: MemberId, voters: MemberId[]): Member {
    return this.addMember(id, MemoryLog.withVoters(voters));
  }

  get(id: MemberId): Member {
    const m = this.members.get(id);
    if (m === undefined) throw new Error(`no member ${id}`);
    return m;
  }

  node(id: MemberId): RawNode {
    return this.get(id).node;
  }

  /** Runs one member's Ready loop once; returns the Ready handled, if any. */
  handleReady(id: MemberId): Ready | undefined {
    const m = this.get(id);
    if (!m.node.hasReady()) return undefined;
    const rd = m.node.ready();
    m.readies.push(rd);
    if (rd.snapshot !== undefined) {
      m.log.applySnapshot(rd.snapshot);
      m.appliedIndex = rd.snapshot.meta.index;
      m.snapshotsRestored++;
    }
    m.log.append(rd.entries);
    if (rd.hardState !== undefined) m.log.setHardState(rd.hardState);
    for (const msg of rd.messages) {
      this.trace.push(describeMessage(msg));
      this.queue.push(msg);
    }
    for (const e of rd.committedEntries) {
      if (e.index !== m.appliedIndex + 1) throw new Error(`${id} applies ${e.index} after ${m.appliedIndex}`);
      m.appliedIndex = e.index;
      if (e.type === 0) m.applied.set(e.index, dec(e.data));
    }
    if (rd.confState !== undefined) m.log.setConf(rd.confState);
    m.readStates.push(...rd.readStates);
    m.node.advance();
    return rd;
  }

  /** Handles Readies of every member until none has any. */
  processAll(): void {
    for (let progress = true; progress; ) {
      progress = false;
      for (const id of this.members.keys()) {
        if (this.handleReady(id) !== undefined) progress = true;
      }
    }
  }

  dropped(msg: Message): boolean {
    if (!this.members.has(msg.to)) return true;
    if (this.cut.has(`${msg.from}|${msg.to}`)) return true;
    return this.filter !== undefined && !this.filter(msg);
  }

  /** Delivers every queued message once (messages they cause wait for the next round). */
  deliverRound(): number {
    const q = this.queue;
    this.queue = [];
    let n = 0;
    for (const msg of q) {
      if (this.dropped(msg)) continue;
      this.get(msg.to).node.step(msg);
      n++;
    }
    return n;
  }

  /** Processes and delivers until nothing is left to do (or `maxRounds`). */
  stabilize(maxRounds = 200): void {
    for (let i = 0; i < maxRounds; i++) {
      this.processAll();
      if (this.queue.length === 0) return;
      this.deliverRound();
    }
    this.processAll();
  }

  tick(id: MemberId, n = 1): void {
    for (let i = 0; i < n; i++) this.node(id).tick();
  }

  /** Ticks every member (in id order) `n` times, stabilizing after each tick. */
  tickAll(n = 1, ids: MemberId[] = [...this.members.keys()]): void {
    for (let i = 0; i < n; i++) {
      for (const id of ids) this.node(id).tick();
      this.stabilize();
    }
  }

  isolate(id: MemberId): void {
    for (const other of this.members.keys()) {
      if (other === id) continue;
      this.cut.add(`${id}|${other}`);
      this.cut.add(`${other}|${id}`);
    }
  }

  partition(a: MemberId[], b: MemberId[]): void {
    for (const x of a) for (const y of b) {
      this.cut.add(`${x}|${y}`);
      this.cut.add(`${y}|${x}`);
    }
  }

  heal(): void {
    this.cut.clear();
    this.filter = undefined;
  }

  /** Makes `id` campaign and runs the cluster until quiet. */
  elect(id: MemberId): void {
    this.node(id).campaign();
    this.stabilize();
  }

  leaders(): MemberId[] {
    return [...this.members.values()].filter((m) => m.node.status().role === 'leader').map((m) => m.id);
  }

  leader(): MemberId {
    const ls = this.leaders();
    let best: MemberId | undefined;
    let bestTerm = -1;
    for (const l of ls) {
      const t = this.node(l).status().term;
      if (t > bestTerm) {
        bestTerm = t;
        best = l;
      }
    }
    if (best === undefined) throw new Error('no leader');
    return best;
  }

  propose(id: MemberId, ...payloads: string[]): { firstIndex: number; lastIndex: number; term: number } {
    return this.node(id).propose(payloads.map(enc));
  }

  /** Restarts `id` from its MemoryLog alone (volatile state lost; applied replays from the snapshot). */
  restart(id: MemberId): Member {
    const old = this.get(id);
    for (const m of this.queue) {
      // A runtime learns that a snapshot stream to a crashed member failed.
      if (m.to === id && m.type === 'snapshot' && this.members.has(m.from)) this.node(m.from).reportSnapshot(id, false);
    }
    this.queue = this.queue.filter((m) => m.to !== id);
    const m = this.addMember(id, old.log);
    return m;
  }

  /** All the log entries of a member, from its stable log (after stabilize, nothing is unstable). */
  entriesOf(id: MemberId): Entry[] {
    const log = this.get(id).log;
    const first = log.firstIndex();
    const last = log.lastIndex();
    return last >= first ? log.entries(first, last + 1, Number.MAX_SAFE_INTEGER) : [];
  }
}
