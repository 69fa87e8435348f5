// The counter of rafted_value's README: set, inc, get. A tiny replicated value for examples and tests.
import type { StateMachine } from '../state-machine.js';

/** Commands of {@link counterMachine}. */
export type CounterCommand = { op: 'set'; value: number } | { op: 'inc'; by?: number };
/** Queries of {@link counterMachine}: the current value. */
export type CounterQuery = 'get';

/** A replicated integer. `set` returns the previous value, `inc` the new one. */
export const counterMachine: StateMachine<number, CounterCommand, number, CounterQuery, number> = {
  name: 'counter',
  init: () => 0,
  command(state, cmd) {
    switch (cmd.op) {
      case 'set':
        if (typeof cmd.value !== 'number' || !Number.isFinite(cmd.value)) throw new TypeError('set needs a finite number');
        return { result: state, state: cmd.value };
      case 'inc': {
        const next = state + (cmd.by ?? 1);
        return { result: next, state: next };
      }
      default: {
        const never: never = cmd;
        throw new TypeError(`unknown counter command ${JSON.stringify(never)}`);
      }
    }
  },
  query: (state) => state,
};
