// Benchmark of the linearizability checker: random linearizable key-value histories of growing
// size and concurrency; prints a table and writes results/linearizability-checker.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLinearizability, kvModel, Prng, type KvInput, type KvOutput, type Operation } from '../src/index.js';

/** A linearizable history: each operation takes effect at a random point inside its interval. */
function history(seed: number, ops: number, clients: number, keys: number): Operation<KvInput, KvOutput>[] {
  const rng = new Prng(seed);
  const free = new Array<number>(clients).fill(0);
  const planned: { op: Operation<KvInput, KvOutput>; at: number }[] = [];
  for (let i = 0; i < ops; i++) {
    const c = rng.int(0, clients - 1);
    const call = free[c]! + rng.int(0, 3);
    const ret = call + rng.int(1, 20);
    free[c] = ret + 1;
    const key = `k${rng.int(0, keys - 1)}`;
    const r = rng.int(0, 9);
    const input: KvInput = r < 4 ? { op: 'get', key } : r < 7 ? { op: 'append', key, value: `${i};` } : { op: 'put', key, value: `${i};` };
    planned.push({ op: { clientId: c, input, call, return: ret }, at: call + rng.float() * (ret - call) });
  }
  const state = new Map<string, string>();
  for (const p of [...planned].sort((a, b) => a.at - b.at)) {
    const input = p.op.input;
    const cur = state.get(input.key) ?? '';
    if (input.op === 'get') p.op.output = cur;
    else {
      p.op.output = null;
      state.set(input.key, input.op === 'put' ? input.value : cur + input.value);
    }
  }
  return planned.map((p) => p.op);
}

const rows: { ops: number; clients: number; keys: number; medianMs: number; opsPerSecond: number; verdict: string }[] = [];
for (const [ops, clients, keys] of [
  [200, 3, 2],
  [1000, 3, 2],
  [1000, 6, 1],
  [5000, 4, 4],
  [5000, 8, 8],
  [20000, 6, 8],
] as const) {
  const times: number[] = [];
  let verdict = '';
  for (let run = 0; run < 5; run++) {
    const h = history(run + 1, ops, clients, keys);
    const t0 = performance.now();
    verdict = checkLinearizability(kvModel, h).verdict;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[2]!;
  rows.push({ ops, clients, keys, medianMs, opsPerSecond: ops / (medianMs / 1000), verdict });
}
console.log('   ops  clients  keys   median ms     ops/s  verdict');
for (const r of rows) {
  console.log(
    `${String(r.ops).padStart(6)} ${String(r.clients).padStart(8)} ${String(r.keys).padStart(5)} ${r.medianMs.toFixed(1).padStart(11)} ${r.opsPerSecond.toFixed(0).padStart(9)}  ${r.verdict}`,
  );
}
const dir = join(process.cwd().replace(/\/packages\/testkit$/, ''), 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'linearizability-checker.json'), JSON.stringify({ runsPerRow: 5, rows }, null, 2));
console.log(`wrote ${join(dir, 'linearizability-checker.json')}`);
