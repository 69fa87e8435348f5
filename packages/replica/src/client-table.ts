// The retained-results table: per client, the results of its recent commands, so a retried
// command (same clientId and seq) returns its first result and is applied only once.

/** What applying a command produced: a result, or the state machine's error. */
export type Outcome<Result = unknown> =
  | { ok: true; result: Result }
  | { ok: false; errorName: string; message: string };

interface ClientRecord {
  /** Every seq at or below this one that is not retained is known to have been applied. */
  floor: number;
  results: Map<number, Outcome>;
}

/** Serialized form of the table, carried in snapshots. */
export interface ClientTableImage {
  /** Results in retention order (oldest first). */
  order: Array<[clientId: string, seq: number, outcome: Outcome]>;
  /** Per-client floors. */
  floors: Array<[clientId: string, floor: number]>;
}

/**
 * Bounded table of retained command results. A client that says which of its commands it has the
 * answers of ({@link ClientTable.acknowledge}) keeps only the results of those still in flight;
 * beyond that, eviction is oldest-first across all clients. Both depend only on the order of
 * applied commands, so every member keeps the same entries.
 */
export class ClientTable {
  private readonly clients = new Map<string, ClientRecord>();
  /**
   * Applied (clientId, seq) pairs, oldest first, flattened: `order[i]` is a client id and
   * `order[i + 1]` its seq, for even i in `[head, tail)`. Pairs whose result is gone are skipped.
   * Slots past `tail` are stale and get overwritten, so that a table that keeps emptying and
   * filling (one result in flight) neither allocates a pair nor shrinks and regrows its array.
   */
  private readonly order: Array<string | number> = [];
  private head = 0;
  private tail = 0;
  private retained = 0;
  /** The record looked up last: a command's acknowledge, lookup and record ask for the same client. */
  private lastId: string | undefined;
  private lastRec: ClientRecord | undefined;

  /** @param capacity - maximum number of retained results across all clients. */
  constructor(private readonly capacity: number) {}

  private client(clientId: string): ClientRecord | undefined {
    if (clientId === this.lastId) return this.lastRec;
    const rec = this.clients.get(clientId);
    if (rec !== undefined) {
      this.lastId = clientId;
      this.lastRec = rec;
    }
    return rec;
  }

  /**
   * Looks a command up: its retained outcome, `'stale'` when it was applied but its result was
   * evicted, or undefined when it was never applied.
   */
  lookup(clientId: string, seq: number): Outcome | 'stale' | undefined {
    const rec = this.client(clientId);
    if (rec === undefined) return undefined;
    const hit = rec.results.get(seq);
    if (hit !== undefined) return hit;
    return seq <= rec.floor ? 'stale' : undefined;
  }

  /** Records the outcome of a newly applied command, evicting the oldest results beyond capacity. */
  record(clientId: string, seq: number, outcome: Outcome): void {
    let rec = this.client(clientId);
    if (rec === undefined) {
      rec = { floor: 0, results: new Map() };
      this.clients.set(clientId, rec);
      this.lastId = clientId;
      this.lastRec = rec;
    }
    rec.results.set(seq, outcome);
    this.retained++;
    const order = this.order;
    if (this.tail < order.length) {
      order[this.tail] = clientId;
      order[this.tail + 1] = seq;
    } else {
      order.push(clientId, seq);
    }
    this.tail += 2;
    while (this.retained > this.capacity) this.evictOne();
    this.compactOrder();
  }

  /**
   * The client has the answers of all its commands below `below` (or gave up on them, and will not
   * send them again): their results are dropped, and those seqs count as applied from now on, so a
   * late copy of one is refused as stale rather than applied.
   */
  acknowledge(clientId: string, below: number): void {
    const rec = this.client(clientId);
    if (rec === undefined || below - 1 <= rec.floor) return;
    rec.floor = below - 1;
    if (rec.results.size === 0) return;
    // Results sit in the order they were applied, for one client nearly the order of its seqs: drop
    // from the oldest on. A straggler behind a newer one waits for a later acknowledgement.
    for (const seq of rec.results.keys()) {
      if (seq >= below) break;
      rec.results.delete(seq);
      this.retained--;
    }
    this.skipGone();
  }

  /** Whether the pair at `i` of `order` still has its result. */
  private live(i: number): boolean {
    return this.client(this.order[i] as string)?.results.has(this.order[i + 1] as number) === true;
  }

  /** Moves `head` past pairs whose result was acknowledged away, so `order` shrinks with the table. */
  private skipGone(): void {
    while (this.head < this.tail && !this.live(this.head)) this.head += 2;
    this.compactOrder();
  }

  private compactOrder(): void {
    const order = this.order;
    if (this.head === this.tail) {
      this.head = 0;
      this.tail = 0;
      // A table that held many results gives the memory back; a small one keeps its slots.
      if (order.length > 64) order.length = 0;
    } else if ((this.tail - this.head) / 2 > 2 * this.retained + 1024) {
      // Mostly pairs acknowledged away behind an older result that stays: keep only the live ones.
      let to = 0;
      for (let i = this.head; i < this.tail; i += 2) {
        if (!this.live(i)) continue;
        order[to] = order[i]!;
        order[to + 1] = order[i + 1]!;
        to += 2;
      }
      order.length = to;
      this.head = 0;
      this.tail = to;
    } else if (this.head > 2048 && this.head > this.tail - this.head) {
      order.copyWithin(0, this.head, this.tail);
      this.tail -= this.head;
      this.head = 0;
      order.length = this.tail;
    }
  }

  private evictOne(): void {
    if (this.head >= this.tail) return;
    const clientId = this.order[this.head] as string;
    const seq = this.order[this.head + 1] as number;
    this.head += 2;
    const rec = this.client(clientId);
    if (rec === undefined) return;
    if (rec.results.delete(seq)) this.retained--;
    if (seq > rec.floor) rec.floor = seq;
    if (rec.results.size === 0) {
      // Keep the floor so evicted seqs still count as applied; drop only empty, floorless records.
      if (rec.floor === 0) this.forget(clientId);
    }
  }

  private forget(clientId: string): void {
    this.clients.delete(clientId);
    if (this.lastId === clientId) {
      this.lastId = undefined;
      this.lastRec = undefined;
    }
  }

  /** Number of retained results. */
  get size(): number {
    return this.retained;
  }

  /** A plain image for snapshots. */
  toImage(): ClientTableImage {
    const order: ClientTableImage['order'] = [];
    for (let i = this.head; i < this.tail; i += 2) {
      const clientId = this.order[i] as string;
      const seq = this.order[i + 1] as number;
      const outcome = this.clients.get(clientId)?.results.get(seq);
      if (outcome !== undefined) order.push([clientId, seq, outcome]);
    }
    const floors: ClientTableImage['floors'] = [];
    for (const [clientId, rec] of this.clients) if (rec.floor > 0) floors.push([clientId, rec.floor]);
    return { order, floors };
  }

  /** Rebuilds a table from an image. */
  static fromImage(image: ClientTableImage, capacity: number): ClientTable {
    const table = new ClientTable(capacity);
    for (const [clientId, floor] of image.floors) table.clients.set(clientId, { floor, results: new Map() });
    for (const [clientId, seq, outcome] of image.order) table.record(clientId, seq, outcome);
    return table;
  }
}
