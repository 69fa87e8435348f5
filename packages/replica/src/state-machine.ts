// The user's replicated value: a pure state machine applied identically on every member,
// like rafted_value's Data behaviour.
import type { Codec } from './codec.js';

/**
 * A replicated value. `command` and `query` must be deterministic and must not mutate the state
 * they are given in place when they throw (return a new state or mutate only on success):
 * a throwing command leaves the state as it was and the caller gets a CommandFailedError.
 */
export interface StateMachine<State = unknown, Command = unknown, Result = unknown, Query = unknown, Answer = unknown> {
  /** Name under which hosts find this machine when they restore groups from storage. */
  readonly name: string;
  /** The initial state of a new group. */
  init(): State;
  /** Applies a command; returns its result and the next state. May throw (see above). */
  command(state: State, command: Command): { result: Result; state: State };
  /** Answers a read-only query. */
  query(state: State, query: Query): Answer;
  /** Serializes the state for a snapshot. Default: msgpack. */
  snapshot?(state: State): Uint8Array;
  /** Rebuilds a state from `snapshot` bytes. Default: msgpack. */
  restore?(bytes: Uint8Array): State;
  /** Codec for commands, results, queries and answers (the log and the wire). Default: msgpack; also jsonCodec or your own (e.g. protobuf). */
  codec?: Codec<any>;
}
