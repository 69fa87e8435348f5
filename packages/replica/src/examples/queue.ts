// The queue of rafted_value's README: enqueue, dequeue, length. State is an immutable array
// so a failed command can never leave half an update behind.
import type { StateMachine } from '../state-machine.js';

/** Commands of {@link queueMachine}. */
export type QueueCommand = { op: 'enqueue'; item: unknown } | { op: 'dequeue' };
/** Queries of {@link queueMachine}. */
export type QueueQuery = 'length' | 'peek' | 'all';

/** A replicated FIFO queue. `enqueue` returns the new length, `dequeue` the item or null when empty. */
export const queueMachine: StateMachine<readonly unknown[], QueueCommand, unknown, QueueQuery, unknown> = {
  name: 'queue',
  init: () => [],
  command(state, cmd) {
    switch (cmd.op) {
      case 'enqueue': {
        const next = [...state, cmd.item];
        return { result: next.length, state: next };
      }
      case 'dequeue':
        if (state.length === 0) return { result: null, state };
        return { result: state[0], state: state.slice(1) };
      default: {
        const never: never = cmd;
        throw new TypeError(`unknown queue command ${JSON.stringify(never)}`);
      }
    }
  },
  query(state, q) {
    switch (q) {
      case 'length':
        return state.length;
      case 'peek':
        return state.length === 0 ? null : state[0];
      case 'all':
        return [...state];
      default: {
        const never: never = q;
        throw new TypeError(`unknown queue query ${String(never)}`);
      }
    }
  },
};
