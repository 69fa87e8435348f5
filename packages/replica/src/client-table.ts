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
  /** The log time of this client's last command (see {@link ClientTable.advance}). */
  lastActive: number;
}

/**
 * How long a client may stay silent, in log time, before its record (floor and results) is
 * forgotten: one hour. Far longer than a command is retried (at most 10 minutes by the client SDK
 * and the fleet; a node proposes what it receives at once), so no copy of a forgotten client's
 * command can still be proposed. A constant, not an option: every member must forget at the same
 * point of the log.
 */
export const CLIENT_EXPIRY_MS = 60 * 60 * 1000;

/**
 * How long a command may be retried at most, whatever its caller's timeout (10 minutes): well
 * inside the hour after which a group forgets a silent client, so a retry reaches a group while it
 * still recognises the command. The fleet's routing keeps to it; the client SDK, which depends on no server package,
 * keeps the same value.
 */
export const MAX_COMMAND_RETRY_MS = 10 * 60_000;

/** The table image of builds before clients expired: floors only, no activity, no clock. */
export interface LegacyClientTableImage {
  /** Results in retention order (oldest first). */
  order: Array<[clientId: string, seq: number, outcome: Outcome]>;
  /** Per-client floors. */
  floors: Array<[clientId: string, floor: number]>;
}

/** Serialized form of the table, carried in snapshots. */
export interface ClientTableImage {
  /** Results in retention order (oldest first). */
  order: Array<[clientId: string, seq: number, outcome: Outcome]>;
  /** Every client with a record, least recently active first: its floor and its last activity. */
  clients: Array<[clientId: string, floor: number, lastActive: number]>;
  /** The log time (see {@link ClientTable.advance}). */
  clock: number;
}

/**
 * Bounded table of retained command results. A client that says which of its commands it has the
 * answers of ({@link ClientTable.acknowledge}) keeps only the results of those still in flight;
 * beyond that, eviction is oldest-first across all clients. A client silent for
 * {@link CLIENT_EXPIRY_MS} of log time is forgotten altogether. All of it depends only on the
 * applied commands and their order, so every member keeps the same entries.
 */
export class ClientTable {
  /** Client records, least recently active first (a command moves its client to the end). */
  private readonly clients = new Map<string, ClientRecord>();
  /** The client at the end of `clients` (moving it there again is a no-op). */
  private newest: string | undefined;
  /** The log time: the latest clock record applied. */
  private clock = 0;
  /** No client can have been silent for the expiry before this log time (a lower bound). */
  private checkAt = Infinity;
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

  /**
   * @param capacity - maximum number of retained results across all clients.
   * @param expiryMs - log time after which a silent client is forgotten (tests shorten it).
   */
  constructor(
    private readonly capacity: number,
    private readonly expiryMs = CLIENT_EXPIRY_MS,
  ) {}

  /** The log time: the latest clock record's time applied (0 before any). */
  get logTime(): number {
    return this.clock;
  }

  /**
   * Moves the log time to `at`, a clock record's time, when that is later, and forgets every
   * client silent for the expiry since. A leader's clock records carry the log time it took over at
   * plus how long it has led (see Replica.clockDue), so log time runs no faster than real time.
   */
  advance(at: number): void {
    if (at <= this.clock) return;
    this.clock = at;
    if (at < this.checkAt) return;
    const horizon = at - this.expiryMs;
    let dropped = false;
    for (const [clientId, rec] of this.clients) {
      if (rec.lastActive > horizon) {
        this.checkAt = rec.lastActive + this.expiryMs;
        break;
      }
      this.retained -= rec.results.size;
      this.forget(clientId);
      dropped = true;
    }
    if (this.clients.size === 0) this.checkAt = Infinity;
    // Their results' places in `order` are dead now: skipped, and given back like acknowledged ones.
    if (dropped) this.skipGone();
  }

  /** A command of `clientId` is being applied: it counts as active now (nothing if it has no record). */
  touch(clientId: string): void {
    const rec = this.client(clientId);
    if (rec === undefined) return;
    rec.lastActive = this.clock;
    if (this.newest === clientId) return;
    this.clients.delete(clientId);
    this.clients.set(clientId, rec);
    this.newest = clientId;
  }

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
    const rec = this.client(clientId) ?? this.create(clientId, this.clock);
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

  /** A new record for `clientId`, at the end of `clients` (the most recently active). */
  private create(clientId: string, lastActive: number): ClientRecord {
    const rec: ClientRecord = { floor: 0, results: new Map(), lastActive };
    this.clients.set(clientId, rec);
    this.newest = clientId;
    this.lastId = clientId;
    this.lastRec = rec;
    if (lastActive + this.expiryMs < this.checkAt) this.checkAt = lastActive + this.expiryMs;
    return rec;
  }

  private forget(clientId: string): void {
    this.clients.delete(clientId);
    if (this.newest === clientId) this.newest = undefined;
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
    const clients: ClientTableImage['clients'] = [];
    for (const [clientId, rec] of this.clients) clients.push([clientId, rec.floor, rec.lastActive]);
    return { order, clients, clock: this.clock };
  }

  /**
   * Rebuilds a table from an image, in the same order (so it forgets clients when the original
   * would). An image of a build before expiry has `floors` instead of `clients` and no clock: its
   * clients count as active at log time 0.
   */
  static fromImage(image: ClientTableImage | LegacyClientTableImage, capacity: number, expiryMs = CLIENT_EXPIRY_MS): ClientTable {
    const table = new ClientTable(capacity, expiryMs);
    if ('clients' in image) {
      table.clock = image.clock;
      for (const [clientId, floor, lastActive] of image.clients) table.create(clientId, lastActive).floor = floor;
    } else {
      for (const [clientId, floor] of image.floors) table.create(clientId, 0).floor = floor;
    }
    for (const [clientId, seq, outcome] of image.order) {
      (table.client(clientId) ?? table.create(clientId, table.clock)).results.set(seq, outcome);
      table.order.push(clientId, seq);
      table.tail += 2;
      table.retained++;
    }
    while (table.retained > capacity) table.evictOne();
    table.compactOrder();
    return table;
  }
}
