// The tour's load: workers send commands to every group through the client SDK and remember each
// acknowledged write, so the end of the tour can read everything back and count what was lost.
import { TimeoutError, UnavailableError, NotLeaderError, type RaftfleetClient } from '@raftfleet/client';

/** A group the workload drives, by machine. */
export interface WorkGroup {
  name: string;
  machine: 'counter' | 'queue' | 'kv' | 'locks';
}

/** Outcome of reading every group back. */
export interface Verification {
  /** Acknowledged writes checked. */
  checked: number;
  /** Acknowledged writes missing from the read-back (must be 0). */
  lost: number;
  /** Writes whose outcome was unknown (deadline passed) and that turned out applied. */
  unknownApplied: number;
  /** Per group: what was expected and found. */
  details: Array<{ group: string; acknowledged: number; found: number; lost: number }>;
}

interface GroupBook {
  acked: number;
  unknown: number;
  items: Set<string>;
  unknownItems: Set<string>;
  keys: Map<string, number>;
  lastAckAt: number;
}

/** Runs commands with `concurrency` workers until stopped; counts acknowledgements. */
export class Workload {
  acknowledged = 0;
  failed = 0;
  /** Called on every acknowledgement (throughput on the dashboard). */
  onAck: (group: string, at: number) => void = () => {};
  private readonly books = new Map<string, GroupBook>();
  private running = false;
  private workers: Array<Promise<void>> = [];
  private nextId = 0;

  constructor(
    private readonly client: RaftfleetClient,
    private readonly groups: WorkGroup[],
    private readonly concurrency = 8,
    private readonly random: () => number = Math.random,
  ) {
    for (const g of groups) this.books.set(g.name, { acked: 0, unknown: 0, items: new Set(), unknownItems: new Set(), keys: new Map(), lastAckAt: 0 });
  }

  /** Starts the workers. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.workers = Array.from({ length: this.concurrency }, (_, w) => this.worker(w));
  }

  /** Stops the workers and waits for the commands in flight. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  private async worker(w: number): Promise<void> {
    while (this.running) {
      const g = this.groups[Math.floor(this.random() * this.groups.length)]!;
      await this.one(w, g);
    }
  }

  private async one(w: number, g: WorkGroup): Promise<void> {
    const book = this.books.get(g.name)!;
    const n = ++this.nextId;
    const item = `w${w}-${n}`;
    let cmd: unknown;
    switch (g.machine) {
      case 'counter':
        cmd = { op: 'inc', by: 1 };
        break;
      case 'queue':
        cmd = { op: 'enqueue', item };
        break;
      case 'kv':
        cmd = { op: 'set', key: item, value: n };
        break;
      case 'locks':
        cmd = { op: 'acquire', lock: `lock-${n % 8}`, owner: `w${w}`, ttlMs: 1500, now: Date.now() };
        break;
      default: {
        const never: never = g.machine;
        throw new Error(`unknown machine ${String(never)}`);
      }
    }
    try {
      await this.client.command(g.name, cmd, { timeoutMs: 4000 });
      book.acked++;
      book.lastAckAt = Date.now();
      if (g.machine === 'queue') book.items.add(item);
      if (g.machine === 'kv') book.keys.set(item, n);
      this.acknowledged++;
      this.onAck(g.name, book.lastAckAt);
    } catch (error) {
      // Unknown outcome: the command may or may not have been applied. Never counted as acknowledged.
      this.failed++;
      book.unknown++;
      if (g.machine === 'queue') book.unknownItems.add(item);
      if (!(error instanceof TimeoutError || error instanceof UnavailableError || error instanceof NotLeaderError)) {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  /** Acknowledged commands of one group. */
  ackedOf(group: string): number {
    return this.books.get(group)?.acked ?? 0;
  }

  /** Reads every group back (linearizable) and checks each acknowledged write is there. */
  async verify(): Promise<Verification> {
    const v: Verification = { checked: 0, lost: 0, unknownApplied: 0, details: [] };
    for (const g of this.groups) {
      const book = this.books.get(g.name)!;
      let found = 0;
      let lost = 0;
      switch (g.machine) {
        case 'counter': {
          const value = await this.client.query<string, number>(g.name, 'get', { timeoutMs: 10_000 });
          lost = Math.max(0, book.acked - value);
          found = Math.min(value, book.acked);
          v.unknownApplied += Math.max(0, value - book.acked);
          break;
        }
        case 'queue': {
          const all = new Set((await this.client.query<string, unknown[]>(g.name, 'all', { timeoutMs: 10_000 })).map(String));
          for (const item of book.items) (all.has(item) ? found++ : lost++);
          for (const item of book.unknownItems) if (all.has(item)) v.unknownApplied++;
          break;
        }
        case 'kv': {
          const all = await this.client.query<unknown, Record<string, unknown>>(g.name, { op: 'all' }, { timeoutMs: 10_000 });
          for (const [key, value] of book.keys) (all[key] === value ? found++ : lost++);
          break;
        }
        case 'locks':
          // Lock commands are not writes that stay: a lease expires. Check the table answers.
          await this.client.query(g.name, { op: 'held', now: Date.now() }, { timeoutMs: 10_000 });
          found = book.acked;
          break;
        default: {
          const never: never = g.machine;
          throw new Error(`unknown machine ${String(never)}`);
        }
      }
      v.checked += g.machine === 'locks' ? 0 : book.acked;
      v.lost += lost;
      v.details.push({ group: g.name, acknowledged: book.acked, found, lost });
    }
    return v;
  }
}
