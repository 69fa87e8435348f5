// Client histories: what each client asked, what it was told, and when (call and return times).
// The recorder is what the simulator's clients write to and what the linearizability checker reads.

/**
 * One client operation as observed from outside the system. An operation without `return`
 * never completed (the client crashed or gave up): it may have taken effect at any time after
 * `call`, or never.
 */
export interface Operation<Input, Output> {
  /** Identifies the client; operations of one client never overlap in time. */
  clientId: number;
  /** What the client asked for. */
  input: Input;
  /** What the client was told; absent when the operation never returned. */
  output?: Output;
  /** Time the client issued the operation (any monotonic clock; ties count as concurrent). */
  call: number;
  /** Time the client received the answer; absent when the operation never returned. */
  return?: number;
}

/** Thrown when a history is recorded inconsistently (unknown id, completed twice, time going backwards). */
export class HistoryError extends Error {
  /** Machine-readable error code. */
  readonly code = 'HISTORY_INVALID';
  /** The operation id concerned. */
  readonly opId: number;

  /** Creates the error for operation `opId`. */
  constructor(opId: number, message: string) {
    super(message);
    this.name = 'HistoryError';
    this.opId = opId;
  }
}

/**
 * Records a concurrent history. `invoke` returns an id that `complete` closes; operations
 * never completed stay pending, which the checker treats as "maybe applied any time after call".
 */
export class HistoryRecorder<Input, Output> {
  private readonly operations: Operation<Input, Output>[] = [];

  /** Records that `clientId` issued `input` at `time`; returns the operation's id. */
  invoke(clientId: number, input: Input, time: number): number {
    this.operations.push({ clientId, input, call: time });
    return this.operations.length - 1;
  }

  /** Records the answer to operation `id` at `time`. Throws {@link HistoryError} on misuse. */
  complete(id: number, output: Output, time: number): void {
    const op = this.operations[id];
    if (op === undefined) throw new HistoryError(id, `unknown operation ${id}`);
    if (op.return !== undefined) throw new HistoryError(id, `operation ${id} completed twice`);
    if (time < op.call) throw new HistoryError(id, `operation ${id} returns at ${time} before its call at ${op.call}`);
    op.output = output;
    op.return = time;
  }

  /** Number of operations recorded so far. */
  get size(): number {
    return this.operations.length;
  }

  /** A copy of the history (pending operations have no `output`/`return`). */
  history(): Operation<Input, Output>[] {
    return this.operations.map((op) => ({ ...op }));
  }
}
