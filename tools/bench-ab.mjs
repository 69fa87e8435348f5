#!/usr/bin/env node
// Compares the working tree with an earlier revision on the replica runtime's many-groups benchmark
// (3 Hosts in one process, 1,000 groups, 512 commands in flight), running both at the same time,
// round after round. On a shared machine whose speed moves by a third from one minute to the
// next, runs taken one after the other compare the machine as much as the code; two runs side by
// side share whatever the machine does, so their CPU per command can be compared round by round.
// Usage: node tools/bench-ab.mjs <revision> [--rounds 5] [--storage lmdb|memory] [--seconds 5] [--keep] [--no-build]
// (--no-build: use the working tree as built, and a kept worktree as built; an unbuilt one is built anyway)
// The revision is checked out in a worktree under the system's temp folder (reused with --keep),
// with this tree's node_modules copied in, and built. Writes results/bench-ab.json.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '5' },
    storage: { type: 'string', default: 'lmdb' },
    seconds: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});
const rounds = Number(args.rounds);
if (positionals.length !== 1 || !Number.isSafeInteger(rounds) || rounds < 1 || !['lmdb', 'memory'].includes(args.storage)) {
  console.error('usage: node tools/bench-ab.mjs <revision> [--rounds N] [--storage lmdb|memory] [--seconds S] [--keep] [--no-build]');
  process.exit(2);
}

function run(cmd, argv, cwd) {
  const r = spawnSync(cmd, argv, { cwd, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed in ${cwd}`);
}

const revParse = spawnSync('git', ['rev-parse', '--short', positionals[0]], { cwd: root, encoding: 'utf8' });
if (revParse.status !== 0) throw new Error(`unknown revision ${positionals[0]}`);
const rev = revParse.stdout.trim();
const before = join(tmpdir(), `raftfleet-ab-${rev}`);
if (!existsSync(before)) {
  run('git', ['worktree', 'add', '--detach', before, rev], root);
  // Workspace links in node_modules are relative, so the copies point at the worktree's packages.
  const copyModules = (rel) => cpSync(join(root, rel), join(before, rel), { recursive: true, verbatimSymlinks: true });
  copyModules('node_modules');
  for (const dir of ['packages', 'apps']) {
    for (const name of readdirSync(join(root, dir))) {
      if (existsSync(join(root, dir, name, 'node_modules')) && existsSync(join(before, dir, name))) copyModules(join(dir, name, 'node_modules'));
    }
  }
}
// --no-build keeps the working tree's build and that of a kept worktree; an unbuilt worktree is built.
const built = existsSync(join(before, 'packages', 'core', 'dist', 'index.js'));
if (!built || !args['no-build']) run('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], before);
if (!args['no-build']) run('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], root);

const children = new Set();

/** One run of the benchmark in `tree`; resolves with its result row. */
function bench(tree) {
  return new Promise((resolveRow, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/many-groups.ts'], {
      cwd: join(tree, 'packages', 'replica'),
      env: { ...process.env, BENCH_STORAGE: args.storage, BENCH_SECONDS: args.seconds },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    children.add(child);
    child.on('exit', (code) => {
      children.delete(child);
      const line = out.split('\n').find((l) => l.startsWith('{"storage"'));
      if (code !== 0 || line === undefined) reject(new Error(`benchmark in ${tree} exited with ${code}:\n${out}`));
      else resolveRow(JSON.parse(line));
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const rows = [];
for (let i = 0; i < rounds; i++) {
  // Alternate which one starts first, in case starting first is an advantage.
  const started = {};
  for (const side of i % 2 === 0 ? ['before', 'after'] : ['after', 'before']) started[side] = bench(side === 'before' ? before : root);
  const [was, now] = await Promise.all([started.before, started.after]).catch((error) => {
    // The other run measures nothing useful alone.
    for (const child of children) child.kill();
    console.error(error.message);
    process.exit(1);
  });
  const row = {
    round: i + 1,
    beforeCpuMicros: was.cpuMicrosPerCommand,
    afterCpuMicros: now.cpuMicrosPerCommand,
    ratio: Number((now.cpuMicrosPerCommand / was.cpuMicrosPerCommand).toFixed(3)),
    beforeCommandsPerSec: was.commandsPerSec,
    afterCommandsPerSec: now.commandsPerSec,
  };
  rows.push(row);
  console.log(JSON.stringify(row));
}
console.table(rows);
const ratio = median(rows.map((r) => r.ratio));
const lower = rows.filter((r) => r.afterCpuMicros < r.beforeCpuMicros).length;
console.log(`CPU per command, working tree / ${rev}: median ratio ${ratio.toFixed(3)}; lower in ${lower} of ${rows.length} rounds`);
mkdirSync(join(root, 'results'), { recursive: true });
writeFileSync(
  join(root, 'results', 'bench-ab.json'),
  JSON.stringify({ date: new Date().toISOString(), revision: rev, storage: args.storage, seconds: Number(args.seconds), rows, medianRatio: ratio, lowerRounds: lower }, null, 2) + '\n',
);
if (!args.keep) run('git', ['worktree', 'remove', '--force', before], root);
