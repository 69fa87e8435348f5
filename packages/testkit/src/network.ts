// The simulator's in-memory network between Raft members: per-message drop, delay, duplication
// and reordering drawn from a seeded PRNG, plus symmetric and one-way partitions, in virtual ticks.
import type { MemberId, Message } from '@raftfleet/protocol';
import type { Prng } from './rng.js';

/** Per-message behaviour of the network. Probabilities are in [0, 1]; delays in ticks. */
export interface LinkConditions {
  /** Probability that a message is lost. */
  dropRate: number;
  /** Probability that a message is delivered twice. */
  duplicateRate: number;
  /** Minimum delivery delay (ticks, ≥ 0; 0 delivers within the same tick). */
  minDelay: number;
  /** Maximum delivery delay (ticks, ≥ minDelay). */
  maxDelay: number;
  /** Probability that a message is held back by up to `reorderDelay` extra ticks, overtaking order. */
  reorderRate: number;
  /** Extra delay of a reordered message. */
  reorderDelay: number;
}

/** A reliable, prompt network: no loss, no duplication, delay of one tick. */
export const PERFECT_LINK: LinkConditions = { dropRate: 0, duplicateRate: 0, minDelay: 1, maxDelay: 1, reorderRate: 0, reorderDelay: 0 };

/** Thrown for link conditions that make no sense (negative delay, probability above 1). */
export class NetworkConfigError extends Error {
  /** Machine-readable error code. */
  readonly code = 'NETWORK_CONFIG';
  /** The offending field. */
  readonly field: string;

  /** Creates the error for `field`. */
  constructor(field: string, message: string) {
    super(message);
    this.name = 'NetworkConfigError';
    this.field = field;
  }
}

function validate(c: LinkConditions): void {
  for (const f of ['dropRate', 'duplicateRate', 'reorderRate'] as const) {
    if (!(c[f] >= 0 && c[f] <= 1)) throw new NetworkConfigError(f, `${f} must be in [0, 1], got ${c[f]}`);
  }
  for (const f of ['minDelay', 'maxDelay', 'reorderDelay'] as const) {
    if (!Number.isInteger(c[f]) || c[f] < 0) throw new NetworkConfigError(f, `${f} must be a non-negative integer, got ${c[f]}`);
  }
  if (c.maxDelay < c.minDelay) throw new NetworkConfigError('maxDelay', `maxDelay ${c.maxDelay} < minDelay ${c.minDelay}`);
}

interface InFlight {
  at: number;
  seq: number;
  message: Message;
}

/** What happened to a message handed to {@link VirtualNetwork.send}. */
export type SendOutcome = 'queued' | 'duplicated' | 'dropped';

/** Observer of network events (the simulator's trace). */
export interface NetworkObserver {
  /** A message was lost (`why`: 'random' or 'partition'). */
  dropped(message: Message, why: 'random' | 'partition', tick: number): void;
}

/**
 * Messages in flight, ordered by delivery tick then by send order. A partition is checked when
 * a message is delivered, so messages in flight when it starts are lost too.
 */
export class VirtualNetwork {
  private heap: InFlight[] = [];
  private seq = 0;
  private conditions: LinkConditions;
  private readonly blocked = new Set<string>();

  /** Creates a network drawing its randomness from `rng`. */
  constructor(
    private readonly rng: Prng,
    conditions: LinkConditions = PERFECT_LINK,
    private readonly observer?: NetworkObserver,
  ) {
    validate(conditions);
    this.conditions = { ...conditions };
  }

  /** Current link conditions. */
  get link(): LinkConditions {
    return { ...this.conditions };
  }

  /** Changes the link conditions for messages sent from now on. Throws {@link NetworkConfigError}. */
  setLink(conditions: LinkConditions): void {
    validate(conditions);
    this.conditions = { ...conditions };
  }

  /** Number of messages in flight. */
  get inFlight(): number {
    return this.heap.length;
  }

  /** Hands a message to the network at tick `now`. */
  send(message: Message, now: number): SendOutcome {
    const c = this.conditions;
    if (this.rng.chance(c.dropRate)) {
      this.observer?.dropped(message, 'random', now);
      return 'dropped';
    }
    this.enqueue(message, now + this.delay());
    if (this.rng.chance(c.duplicateRate)) {
      this.enqueue(message, now + this.delay());
      return 'duplicated';
    }
    return 'queued';
  }

  /** Removes and returns the messages due at or before `now` whose link is not partitioned. */
  deliverDue(now: number): Message[] {
    const out: Message[] = [];
    while (this.heap.length > 0 && this.heap[0]!.at <= now) {
      const m = this.pop().message;
      if (this.isBlocked(m.from, m.to)) {
        this.observer?.dropped(m, 'partition', now);
        continue;
      }
      out.push(m);
    }
    return out;
  }

  /** Splits members into two sides that cannot talk to each other (both directions). */
  partition(sideA: readonly MemberId[], sideB: readonly MemberId[]): void {
    for (const a of sideA) {
      for (const b of sideB) {
        this.blocked.add(`${a}>${b}`);
        this.blocked.add(`${b}>${a}`);
      }
    }
  }

  /** Blocks messages from `from` to `to` only. */
  blockOneWay(from: MemberId, to: MemberId): void {
    this.blocked.add(`${from}>${to}`);
  }

  /** Removes every partition. */
  heal(): void {
    this.blocked.clear();
  }

  /** Whether messages from `from` to `to` are currently blocked. */
  isBlocked(from: MemberId, to: MemberId): boolean {
    return this.blocked.size > 0 && this.blocked.has(`${from}>${to}`);
  }

  /** Blocked directed links, as "from>to" strings (for traces). */
  blockedLinks(): string[] {
    return [...this.blocked].sort();
  }

  private delay(): number {
    const c = this.conditions;
    let d = c.minDelay === c.maxDelay ? c.minDelay : this.rng.int(c.minDelay, c.maxDelay);
    if (c.reorderDelay > 0 && this.rng.chance(c.reorderRate)) d += this.rng.int(1, c.reorderDelay);
    return d;
  }

  private enqueue(message: Message, at: number): void {
    const item: InFlight = { at, seq: this.seq++, message };
    const h = this.heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): InFlight {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: InFlight, b: InFlight): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
