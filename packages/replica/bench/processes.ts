// Durable throughput of one group across 3 real processes (TCP transport, LMDB with fsync):
// the leader process runs closed-loop local commands with N in flight.
// Run: node --import tsx bench/processes.ts  (writes <repo>/results/replica-processes.json)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const fixture = fileURLToPath(new URL('../test/fixtures/member.ts', import.meta.url));
const IDS = ['a', 'b', 'c'];
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const inFlights = (process.env.BENCH_INFLIGHT ?? '1,64,512').split(',').map(Number);

interface Proc {
  child: ChildProcess;
  addr: string;
  waiters: Array<(line: string) => void>;
}

let finished = false;

function boot(id: string, dir: string): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, id, join(dir, id), '3'], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.once('exit', (code, signal) => {
    if (finished) return;
    console.error(`node ${id} exited (${code ?? signal}); aborting the benchmark`);
    process.exit(1);
  });
  return new Promise((resolve) => {
    const p: Proc = { child, addr: '', waiters: [] };
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('ADDR ')) {
        p.addr = line.slice(5);
        resolve(p);
      } else for (const w of p.waiters.splice(0)) w(line);
    });
  });
}

function next(p: Proc, prefix: string): Promise<string> {
  return new Promise((resolve) => {
    const wait = (line: string) => (line.startsWith(prefix) ? resolve(line.slice(prefix.length)) : p.waiters.push(wait));
    p.waiters.push(wait);
  });
}

const dir = mkdtempSync(join(tmpdir(), 'replica-bench-proc-'));
const procs = new Map<string, Proc>();
for (const id of IDS) procs.set(id, await boot(id, dir));
const peers = Object.fromEntries([...procs].map(([id, p]) => [id, p.addr]));
for (const p of procs.values()) p.child.stdin!.write(JSON.stringify({ peers }) + '\n');
await Promise.all([...procs.values()].map((p) => {
  const created = next(p, 'CREATED');
  p.child.stdin!.write(JSON.stringify({ create: IDS }) + '\n');
  return created;
}));
const rows = [];
for (const inFlight of inFlights) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const answers = await Promise.all(
      [...procs.values()].map((p) => {
        const a = next(p, 'LOAD ');
        p.child.stdin!.write(JSON.stringify({ load: { group: 'counter', inFlight, seconds } }) + '\n');
        return a.then((s) => JSON.parse(s) as Record<string, unknown>);
      }),
    );
    const led = answers.find((a) => a['leader'] === true);
    if (led !== undefined) {
      const row = { inFlight, ...led };
      delete (row as Record<string, unknown>)['leader'];
      rows.push(row);
      console.log(JSON.stringify(row));
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
finished = true;
for (const p of procs.values()) p.child.kill('SIGKILL');
rmSync(dir, { recursive: true, force: true });
console.table(rows);
const root = fileURLToPath(new URL('../../../', import.meta.url));
mkdirSync(join(root, 'results'), { recursive: true });
writeFileSync(join(root, 'results', 'replica-processes.json'), JSON.stringify({ bench: 'replica-processes', date: new Date().toISOString(), seconds, rows }, null, 2));
