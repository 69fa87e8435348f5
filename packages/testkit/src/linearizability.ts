// Linearizability checking of concurrent histories: Wing & Gong's search with Lowe's memoization
// on (linearized set, state), as in Porcupine, applied to each independent partition (P-compositionality).
import type { Operation } from './history.js';

/** Result of applying one operation to a model state. */
export interface StepResult<State> {
  /** False when the operation's output is impossible in the state it was applied to. */
  ok: boolean;
  /** The state after the operation. */
  state: State;
}

/** An independent part of a history (for example all operations on one key). */
export interface HistoryPartition<Input, Output> {
  /** Name used in explanations (for example the key). */
  name: string;
  /** The operations of this part. */
  operations: Operation<Input, Output>[];
}

/**
 * A sequential specification. `step` says whether `input` may return `output` in `state` and
 * what the state becomes; for a pending operation `output` is undefined and any output is allowed.
 */
export interface Model<State, Input, Output> {
  /** The initial state. */
  init(): State;
  /** Applies one operation; `ok: false` means the output is impossible in this state. */
  step(state: State, input: Input, output: Output | undefined): StepResult<State>;
  /** A string that is equal for equal states (memoization key). */
  stateKey(state: State): string;
  /**
   * Splits a history into independent parts (for example one per key) that are checked separately.
   * It may also drop operations that cannot affect the verdict (a read that never returned).
   * Default: one partition holding everything.
   */
  partition?(history: readonly Operation<Input, Output>[]): HistoryPartition<Input, Output>[];
  /** Human-readable operation for explanations. */
  describeOperation(input: Input, output: Output | undefined): string;
  /** Human-readable state for explanations. */
  describeState(state: State): string;
}

/** Options of {@link checkLinearizability}. */
export interface CheckOptions {
  /** Search steps allowed per partition before giving up with verdict 'unknown'. Default 2,000,000. */
  maxSteps?: number;
}

/** Outcome of {@link checkLinearizability}. */
export type LinearizabilityResult =
  | {
      /** Every partition has a valid linearization. */
      verdict: 'ok';
      /** Operations checked (after pruning). */
      operations: number;
    }
  | {
      /** Some partition has no valid linearization. */
      verdict: 'illegal';
      /** Name of the first failing partition. */
      partition: string;
      /** Readable account: the longest valid prefix found and the operation that could not follow it. */
      explanation: string;
    }
  | {
      /** The search budget ran out before a verdict. */
      verdict: 'unknown';
      /** Partition that exhausted the budget. */
      partition: string;
    };

interface Node {
  /** Index of the operation in the partition. */
  op: number;
  isCall: boolean;
  time: number;
  /** For a call: its return node. */
  match: Node | null;
  prev: Node | null;
  next: Node | null;
}

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Fixed-size bit set with an incrementally maintained 64-bit Zobrist hash, so the memoization
 * key costs O(1) per step; equal hashes are confirmed by comparing the words.
 */
class BitSet {
  readonly words: Uint32Array;
  h1 = 0;
  h2 = 0;
  constructor(size: number) {
    this.words = new Uint32Array(Math.ceil(size / 32) || 1);
  }
  set(i: number): void {
    this.words[i >>> 5]! |= 1 << (i & 31);
    this.h1 = (this.h1 ^ mix32(i + 1)) >>> 0;
    this.h2 = (this.h2 ^ mix32((i + 1) ^ 0x5bd1e995)) >>> 0;
  }
  clear(i: number): void {
    this.words[i >>> 5]! &= ~(1 << (i & 31));
    this.h1 = (this.h1 ^ mix32(i + 1)) >>> 0;
    this.h2 = (this.h2 ^ mix32((i + 1) ^ 0x5bd1e995)) >>> 0;
  }
  equals(words: Uint32Array): boolean {
    for (let i = 0; i < words.length; i++) if (words[i] !== this.words[i]) return false;
    return true;
  }
}

/** Visited (linearized set, state) pairs. */
class Cache {
  private readonly seen = new Map<string, Uint32Array[]>();
  /** Adds the pair; false when it was already there. */
  add(bits: BitSet, stateKey: string): boolean {
    const key = `${bits.h1.toString(36)}:${bits.h2.toString(36)}|${stateKey}`;
    const list = this.seen.get(key);
    if (list === undefined) {
      this.seen.set(key, [bits.words.slice()]);
      return true;
    }
    for (const w of list) if (bits.equals(w)) return false;
    list.push(bits.words.slice());
    return true;
  }
}

type PartitionOutcome = { kind: 'ok' } | { kind: 'illegal'; explanation: string } | { kind: 'unknown' };

function buildList<I, O>(ops: readonly Operation<I, O>[]): Node {
  const events: Node[] = [];
  ops.forEach((op, i) => {
    const ret: Node = { op: i, isCall: false, time: op.return ?? Number.POSITIVE_INFINITY, match: null, prev: null, next: null };
    const call: Node = { op: i, isCall: true, time: op.call, match: ret, prev: null, next: null };
    events.push(call, ret);
  });
  // At equal times calls come first, so touching intervals count as concurrent (never a false alarm).
  events.sort((x, y) => x.time - y.time || (x.isCall === y.isCall ? x.op - y.op : x.isCall ? -1 : 1));
  const head: Node = { op: -1, isCall: false, time: Number.NEGATIVE_INFINITY, match: null, prev: null, next: null };
  let last = head;
  for (const e of events) {
    last.next = e;
    e.prev = last;
    last = e;
  }
  return head;
}

function lift(call: Node): void {
  call.prev!.next = call.next;
  if (call.next) call.next.prev = call.prev;
  const ret = call.match!;
  ret.prev!.next = ret.next;
  if (ret.next) ret.next.prev = ret.prev;
}

function unlift(call: Node): void {
  const ret = call.match!;
  ret.prev!.next = ret;
  if (ret.next) ret.next.prev = ret;
  call.prev!.next = call;
  if (call.next) call.next.prev = call;
}

function fmtTime(t: number | undefined): string {
  return t === undefined ? '∞ (never returned)' : String(t);
}

function checkPartition<S, I, O>(model: Model<S, I, O>, ops: readonly Operation<I, O>[], maxSteps: number): PartitionOutcome {
  const head = buildList(ops);
  const linearized = new BitSet(ops.length);
  const cache = new Cache();
  const stack: { call: Node; state: S }[] = [];
  let state = model.init();
  let entry: Node | null = head.next;
  let steps = 0;
  // Deepest point reached, for the explanation of an illegal history.
  let best: { prefix: number[]; states: S[]; blocked: number } = { prefix: [], states: [], blocked: -1 };

  while (head.next !== null) {
    if (++steps > maxSteps) return { kind: 'unknown' };
    if (entry === null) throw new Error('linearizability search ran off the event list');
    if (entry.isCall) {
      const op = ops[entry.op]!;
      const r = model.step(state, op.input, op.output);
      let advanced = false;
      if (r.ok) {
        linearized.set(entry.op);
        if (cache.add(linearized, model.stateKey(r.state))) {
          stack.push({ call: entry, state });
          state = r.state;
          lift(entry);
          entry = head.next;
          advanced = true;
        } else {
          linearized.clear(entry.op);
        }
      }
      if (!advanced) entry = entry.next;
    } else {
      // A return is reached while its operation is still unlinearized: this branch is dead.
      if (stack.length >= best.prefix.length) {
        const prefix = stack.map((s) => s.call.op);
        const states = stack.map((s) => s.state);
        states.push(state);
        best = { prefix, states, blocked: entry.op };
      }
      const top = stack.pop();
      if (top === undefined) return { kind: 'illegal', explanation: explain(model, ops, best) };
      linearized.clear(top.call.op);
      state = top.state;
      unlift(top.call);
      entry = top.call.next;
    }
  }
  return { kind: 'ok' };
}

function explain<S, I, O>(model: Model<S, I, O>, ops: readonly Operation<I, O>[], best: { prefix: number[]; states: S[]; blocked: number }): string {
  const lines: string[] = [];
  const describe = (i: number): string => {
    const op = ops[i]!;
    return `#${i} client ${op.clientId}: ${model.describeOperation(op.input, op.output)} [call ${op.call}, return ${fmtTime(op.return)}]`;
  };
  lines.push(`longest valid linearization found (${best.prefix.length} of ${ops.length} operations):`);
  best.prefix.forEach((op, k) => {
    lines.push(`  ${k + 1}. ${describe(op)}  => state ${model.describeState(best.states[k + 1] as S)}`);
  });
  const finalState = best.states[best.states.length - 1];
  if (best.blocked >= 0) {
    lines.push(`then ${describe(best.blocked)} must take effect before it returns,`);
    lines.push(
      `but neither it nor any operation concurrent with it can follow state ${finalState === undefined ? model.describeState(model.init()) : model.describeState(finalState)} and lead to its output.`,
    );
  }
  lines.push('partition history (by call time):');
  const order = ops.map((_, i) => i).sort((a, b) => ops[a]!.call - ops[b]!.call || a - b);
  for (const i of order) lines.push(`  ${describe(i)}`);
  return lines.join('\n');
}

/**
 * Decides whether `history` is linearizable with respect to `model`. Operations without a
 * return may take effect at any point after their call, or not at all. Each partition given
 * by `model.partition` is searched separately.
 */
export function checkLinearizability<S, I, O>(model: Model<S, I, O>, history: readonly Operation<I, O>[], options: CheckOptions = {}): LinearizabilityResult {
  const maxSteps = options.maxSteps ?? 2_000_000;
  const parts = model.partition ? model.partition(history) : [{ name: 'all', operations: [...history] }];
  let operations = 0;
  for (const part of parts) {
    operations += part.operations.length;
    const r = checkPartition(model, part.operations, maxSteps);
    switch (r.kind) {
      case 'ok':
        break;
      case 'illegal':
        return { verdict: 'illegal', partition: part.name, explanation: `partition ${part.name}: ${r.explanation}` };
      case 'unknown':
        return { verdict: 'unknown', partition: part.name };
      default: {
        const never: never = r;
        throw new Error(`unexpected outcome ${String(never)}`);
      }
    }
  }
  return { verdict: 'ok', operations };
}
