// A state machine for verifying failover: it counts how many times each write id was applied,
// so the benchmark can prove that no acknowledged write was lost or applied twice.
// Plain JavaScript so `raftfleet node --machines` can load it without a build step.

/** Counts applications per id. Mutates only on success (a Map insert cannot fail half-way). */
export const ledgerMachine = {
  name: 'bench-ledger',
  init: () => new Map(),
  command(state, cmd) {
    if (cmd === null || typeof cmd !== 'object' || typeof cmd.id !== 'string') throw new TypeError('ledger command needs an id');
    const count = (state.get(cmd.id) ?? 0) + 1;
    state.set(cmd.id, count);
    return { result: count, state };
  },
  query(state, q) {
    if (q === 'size') return state.size;
    if (q === 'all') return Object.fromEntries(state);
    // A page of the ids in insertion order: 'all' of a long run does not fit in one transport frame.
    if (q !== null && typeof q === 'object' && Number.isSafeInteger(q.from) && Number.isSafeInteger(q.count)) {
      return Object.fromEntries([...state].slice(q.from, q.from + q.count));
    }
    throw new TypeError(`unknown ledger query ${String(q)}`);
  },
  snapshot: (state) => new TextEncoder().encode(JSON.stringify([...state])),
  restore: (bytes) => new Map(JSON.parse(new TextDecoder().decode(bytes))),
};
