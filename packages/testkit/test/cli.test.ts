import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../src/cli/sim.ts', import.meta.url));
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, '--workers', '1', ...args], { encoding: 'utf8' });

test('a clean sweep exits 0 and writes its summary', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
  try {
    const out = join(dir, 'sweep.json');
    const r = run(['--seeds', '6', '--start-seed', '40', '--out', out]);
    t.is(r.status, 0, r.stderr);
    t.regex(r.stdout, /done: 6 seeds .* seeds\/s/);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { seeds: number; violations: number; startSeed: number };
    t.deepEqual([json.seeds, json.violations, json.startSeed], [6, 0, 40]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a violation exits non-zero and prints the seed, the trace and how to reproduce it', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
  try {
    const r = run(['--seeds', '10', '--bug', 'loseTail', '--faults', 'drop,delay,partition,crash', '--trace-lines', '20', '--out', join(dir, 's.json')]);
    t.is(r.status, 1);
    const m = /VIOLATION seed=(\d+) kind=(\w+)/.exec(r.stdout);
    t.truthy(m, r.stdout);
    t.regex(r.stdout, /reproduce: npm run sim -- --seed \d+ .*--bug loseTail/);
    t.regex(r.stdout, /t=\s+\d+ {3}(recv|DROP) n\d+->n\d+/);
    // Reproducing that one seed fails the same way.
    const one = run(['--seed', m![1]!, '--bug', 'loseTail', '--faults', 'drop,delay,partition,crash']);
    t.is(one.status, 1);
    t.true(one.stdout.includes(`VIOLATION seed=${m![1]} kind=${m![2]}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad arguments are refused with a message, not a crash', (t) => {
  const r = run(['--faults', 'drop,meteor']);
  t.not(r.status, 0);
  t.regex(r.stderr, /unknown fault kind 'meteor'/);
});
