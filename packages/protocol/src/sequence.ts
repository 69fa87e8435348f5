// Numbering a client's commands for exactly-once retries, and telling the group which answers the
// client already has.

/**
 * Numbers the commands of one client id and knows the lowest one still waiting for its answer.
 * Every command request carries that number as `acked`: the group's members then drop the results
 * of the client's older commands, which they would otherwise keep (up to `maxRetainedResults` per
 * group) in case one is retried. Used by the client SDK and by fleet nodes for their own commands.
 */
export class CommandSequence {
  private last = 0;
  private lowest = 1;
  private readonly waiting = new Set<number>();

  /** Takes the next seq (1, 2, …); it counts as waiting until {@link CommandSequence.done}. */
  next(): number {
    const seq = ++this.last;
    this.waiting.add(seq);
    return seq;
  }

  /** Command `seq` got its answer, or its caller gave up on it and will never send it again. */
  done(seq: number): void {
    this.waiting.delete(seq);
    while (this.lowest <= this.last && !this.waiting.has(this.lowest)) this.lowest++;
  }

  /** Every seq below this one is done: the value a request carries as `acked`. */
  get acked(): number {
    return this.lowest;
  }
}
