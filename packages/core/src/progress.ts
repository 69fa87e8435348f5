// The leader's view of each follower's replication (etcd's tracker.Progress and Inflights):
// probe / replicate / snapshot states and the bounded window of append messages in flight.
import type { MemberId } from '@raftfleet/protocol';

/**
 * A ring buffer of in-flight append messages (their last index and byte size), bounded by a
 * count and optionally by bytes. Freed from the front as acknowledgements arrive.
 */
export class Inflights {
  private start = 0;
  private count = 0;
  private bytes = 0;
  private indices: number[] = [];
  private sizes: number[] = [];
  private readonly capacity: number;
  private readonly maxBytes: number;

  constructor(capacity: number, maxBytes: number) {
    this.capacity = capacity;
    this.maxBytes = maxBytes;
  }

  add(index: number, bytes: number): void {
    let slot = this.start + this.count;
    if (slot >= this.capacity) slot -= this.capacity;
    if (slot >= this.indices.length) {
      // Grow lazily: most followers never use the whole window.
      this.indices.push(index);
      this.sizes.push(bytes);
    } else {
      this.indices[slot] = index;
      this.sizes[slot] = bytes;
    }
    this.count++;
    this.bytes += bytes;
  }

  /** Frees every in-flight message whose last index is <= `to`. */
  freeLE(to: number): void {
    while (this.count > 0) {
      const idx = this.indices[this.start] as number;
      if (idx > to) break;
      this.bytes -= this.sizes[this.start] as number;
      this.count--;
      this.start++;
      if (this.start >= this.capacity) this.start = 0;
    }
    if (this.count === 0) this.start = 0;
  }

  freeFirstOne(): void {
    if (this.count > 0) this.freeLE(this.indices[this.start] as number);
  }

  full(): boolean {
    return this.count >= this.capacity || (this.maxBytes > 0 && this.bytes >= this.maxBytes);
  }

  size(): number {
    return this.count;
  }

  reset(): void {
    this.start = 0;
    this.count = 0;
    this.bytes = 0;
  }
}

/** Replication state of one follower. */
export type ProgressState = 'probe' | 'replicate' | 'snapshot';

/** What the leader tracks about one member (itself included). */
export class MemberProgress {
  readonly id: MemberId;
  match = 0;
  next: number;
  state: ProgressState = 'probe';
  /** Index of the snapshot being installed (snapshot state). */
  pendingSnapshot = 0;
  /** Set by any message from the member; cleared every check-quorum round. */
  recentActive = false;
  /** Tick (of the leader's clock) at which the member last answered; for lease reads. */
  lastHeardTick = -Infinity;
  /** In probe state: one append sent, wait for its answer (or a heartbeat answer). */
  msgAppFlowPaused = false;
  learner: boolean;
  /** Highest commit index sent to the member that it can apply (bounded by what the message covered). */
  commitSent = 0;
  /** Whether an append that asks for an answer (not a quiet one) went to the member since the last heartbeat round. */
  appendedSinceHeartbeat = false;
  /** Whether any append went to the member since the last heartbeat round (also one that is not answered). */
  sentSinceHeartbeat = false;
  /** Whether the member answered anything since the last heartbeat round. */
  heardSinceHeartbeat = false;
  /** Index of the entry removing this member, still replicated to it until that commits; 0 if none. */
  removedAt = 0;
  readonly inflights: Inflights;

  constructor(id: MemberId, next: number, learner: boolean, maxInflight: number, maxInflightBytes: number) {
    this.id = id;
    this.next = next;
    this.learner = learner;
    this.inflights = new Inflights(maxInflight, maxInflightBytes);
  }

  private resetState(state: ProgressState): void {
    this.msgAppFlowPaused = false;
    this.pendingSnapshot = 0;
    this.state = state;
    this.inflights.reset();
  }

  becomeProbe(): void {
    if (this.state === 'snapshot') {
      const pending = this.pendingSnapshot;
      this.resetState('probe');
      this.next = Math.max(this.match + 1, pending + 1);
    } else {
      this.resetState('probe');
      this.next = this.match + 1;
    }
  }

  becomeReplicate(): void {
    this.resetState('replicate');
    this.next = this.match + 1;
  }

  becomeSnapshot(snapshotIndex: number): void {
    this.resetState('snapshot');
    this.pendingSnapshot = snapshotIndex;
  }

  /** Records an acknowledgement up to `n`; true when match advanced. */
  maybeUpdate(n: number): boolean {
    let updated = false;
    if (this.match < n) {
      this.match = n;
      updated = true;
      this.msgAppFlowPaused = false;
    }
    if (this.next < n + 1) this.next = n + 1;
    return updated;
  }

  /**
   * Handles a rejection of the append at `rejected`; `matchHint` is the leader's estimate of the
   * highest index that may match. Returns false when the rejection is stale.
   */
  maybeDecrTo(rejected: number, matchHint: number): boolean {
    if (this.state === 'replicate') {
      if (rejected <= this.match) return false;
      this.next = this.match + 1;
      return true;
    }
    if (this.next - 1 !== rejected) return false;
    this.next = Math.max(Math.min(rejected, matchHint + 1), this.match + 1);
    this.msgAppFlowPaused = false;
    return true;
  }

  /** Records that entries up to `last` (of `bytes` total) were sent. */
  sentEntries(count: number, last: number, bytes: number): void {
    switch (this.state) {
      case 'replicate':
        if (count > 0) {
          this.next = last + 1;
          this.inflights.add(last, bytes);
        }
        break;
      case 'probe':
        if (count > 0) this.msgAppFlowPaused = true;
        break;
      case 'snapshot':
        break;
      default: {
        const never: never = this.state;
        throw new Error(`unknown progress state ${String(never)}`);
      }
    }
  }

  isPaused(): boolean {
    switch (this.state) {
      case 'probe':
        return this.msgAppFlowPaused;
      case 'replicate':
        return this.inflights.full();
      case 'snapshot':
        return true;
      default: {
        const never: never = this.state;
        throw new Error(`unknown progress state ${String(never)}`);
      }
    }
  }
}
