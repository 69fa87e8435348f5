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
  /** Applied (clientId, seq) pairs, oldest first from `head`; pairs whose result is gone are skipped. */
  private readonly order: Array<[string, number]> = [];
  private head = 0;
  private retained = 0;

  /** @param capacity - maximum number of retained results across all clients. */
  constructor(private readonly capacity: number) {}

  /**
   * Looks a command up: its retained outcome, `'stale'` when it was applied but its result was
   * evicted, or undefined when it was never applied.
   */
  lookup(clientId: string, seq: number): Outcome | 'stale' | undefined {
    const rec = this.clients.get(clientId);
    if (rec === undefined) return undefined;
    const hit = rec.results.get(seq);
    if (hit !== undefined) return hit;
    return seq <= rec.floor ? 'stale' : undefined;
  }

  /** Records the outcome of a newly applied command, evicting the oldest results beyond capacity. */
  record(clientId: string, seq: number, outcome: Outcome): void {
    let rec = this.clients.get(clientId);
    if (rec === undefined) {
      rec = { floor: 0, results: new Map() };
      this.clients.set(clientId, rec);
    }
    rec.results.set(seq, outcome);
    this.retained++;
    this.order.push([clientId, seq]);
    while (this.retained > this.capacity) this.evictOne();
    this.compactOrder();
  }

  /**
   * The client has the answers of all its commands below `below` (or gave up on them, and will not
   * send them again): their results are dropped, and those seqs count as applied from now on, so a
   * late copy of one is refused as stale rather than applied.
   */
  acknowledge(clientId: string, below: number): void {
    const rec = this.clients.get(clientId);
    if (rec === undefined || below - 1 <= rec.floor) return;
    rec.floor = below - 1;
    // Results sit in the order they were applied, for one client nearly the order of its seqs: drop
    // from the oldest on. A straggler behind a newer one waits for a later acknowledgement.
    for (const seq of rec.results.keys()) {
      if (seq >= below) break;
      rec.results.delete(seq);
      this.retained--;
    }
    this.skipGone();
  }

  /** Moves `head` past pairs whose result was acknowledged away, so `order` shrinks with the table. */
  private skipGone(): void {
    const order = this.order;
    while (this.head < order.length) {
      const [clientId, seq] = order[this.head]!;
      if (this.clients.get(clientId)?.results.has(seq) === true) break;
      this.head++;
    }
    this.compactOrder();
  }

  private compactOrder(): void {
    const order = this.order;
    if (this.head === order.length) {
      order.length = 0;
      this.head = 0;
    } else if (order.length - this.head > 2 * this.retained + 1024) {
      // Mostly pairs acknowledged away behind an older result that stays: keep only the live ones.
      let to = 0;
      for (let i = this.head; i < order.length; i++) {
        const pair = order[i]!;
        if (this.clients.get(pair[0])?.results.has(pair[1]) === true) order[to++] = pair;
      }
      order.length = to;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > order.length) {
      order.splice(0, this.head);
      this.head = 0;
    }
  }

  private evictOne(): void {
    const oldest = this.order[this.head++];
    if (oldest === undefined) return;
    const [clientId, seq] = oldest;
    const rec = this.clients.get(clientId);
    if (rec === undefined) return;
    if (rec.results.delete(seq)) this.retained--;
    if (seq > rec.floor) rec.floor = seq;
    if (rec.results.size === 0) {
      // Keep the floor so evicted seqs still count as applied; drop only empty, floorless records.
      if (rec.floor === 0) this.clients.delete(clientId);
    }
  }

  /** Number of retained results. */
  get size(): number {
    return this.retained;
  }

  /** A plain image for snapshots. */
  toImage(): ClientTableImage {
    const order: ClientTableImage['order'] = [];
    for (let i = this.head; i < this.order.length; i++) {
      const [clientId, seq] = this.order[i]!;
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
