#!/usr/bin/env node
// Runs the benchmark of every workspace that has a `bench` script, one after another (they
// measure the machine, so never in parallel), then prints where their JSON results went.
// Usage: npm run bench [-- <workspace-name-substring> ...]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { describeBudget, fleetBudget } from './fleet-budget.mjs';

const root = resolve(import.meta.dirname, '..');
const filters = process.argv.slice(2);
const workspaces = ['packages', 'apps']
  .flatMap((dir) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((name) => join(root, dir, name)) : []))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')))
  .filter((manifest) => manifest.scripts?.bench)
  .filter((manifest) => filters.length === 0 || filters.some((f) => manifest.name.includes(f)));

const results = join(root, 'results');
mkdirSync(results, { recursive: true });
const runs = [];
for (const manifest of workspaces) {
  console.log(`\n=== ${manifest.name} ===`);
  const started = Date.now();
  const run = spawnSync('npm', ['run', 'bench', '--silent', '-w', manifest.name], { cwd: root, stdio: 'inherit' });
  runs.push({ workspace: manifest.name, exitCode: run.status, seconds: (Date.now() - started) / 1000 });
}
// The fleet's throughput goal against the floor its parts set (tools/fleet-budget.mjs).
const budget = fleetBudget(results);
console.log('');
for (const line of describeBudget(budget)) console.log(line);
const summary = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  runs,
  fleetBudget: budget,
  results: readdirSync(results).filter((f) => f.endsWith('.json') && f !== 'summary.json'),
};
writeFileSync(join(results, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
console.table(runs);
console.log(`results in ${results}`);
process.exitCode = runs.some((r) => r.exitCode !== 0) ? 1 : 0;
