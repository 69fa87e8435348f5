// Three real node processes over TCP with LMDB: a counter and a queue under load, the counter's
// leader SIGKILLed mid-load and restarted on its data; every acknowledged command must be in the
// final state exactly once.
import test from 'ava';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { MemoryStorage } from '@raftfleet/storage-memory';
import { TcpTransport } from '@raftfleet/transport-tcp';
import { Prng } from '@raftfleet/testkit';
import { Host, NotLeaderError, counterMachine, queueMachine } from '../src/index.js';

const fixture = fileURLToPath(new URL('./fixtures/member.ts', import.meta.url));
const IDS = ['a', 'b', 'c'];

interface Proc {
  child: ChildProcess;
  addr: string;
  lines: string[];
}

function boot(id: string, dir: string, seed: number): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, id, join(dir, id), String(seed)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (line) => {
      lines.push(line);
      if (line.startsWith('ADDR ')) resolve({ child, addr: line.slice(5), lines });
    });
    child.once('exit', (code) => reject(new Error(`${id} exited early with ${code}`)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('SIGKILL of the leader under load loses no acknowledged command and applies none twice', async (t) => {
  const seed = Number(process.env.PROC_SEED ?? Date.now() % 100000);
  t.log(`seed ${seed}`);
  const rng = new Prng(seed);
  const dir = mkdtempSync(join(tmpdir(), 'replica-proc-'));
  const procs = new Map<string, Proc>();
  const client = new TcpTransport({ nodeId: 'client', clusterId: 'replica-test', secret: 's3cret', listen: false });
  const clientHost = new Host({ nodeId: 'client', storage: MemoryStorage.open(), transport: client, machines: [counterMachine, queueMachine] });
  t.teardown(async () => {
    for (const p of procs.values()) p.child.kill('SIGKILL');
    await clientHost.stop();
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const announce = () => {
    const peers = Object.fromEntries([...procs].map(([id, p]) => [id, p.addr]));
    for (const p of procs.values()) p.child.stdin!.write(JSON.stringify({ peers }) + '\n');
    for (const [id, addr] of Object.entries(peers)) client.addPeer(id, addr);
  };
  for (const id of IDS) procs.set(id, await boot(id, dir, seed));
  await client.start();
  await clientHost.start();
  announce();
  for (const p of procs.values()) p.child.stdin!.write(JSON.stringify({ create: IDS }) + '\n');

  const leaderOf = new Map<string, string>([['counter', 'a'], ['queue', 'a']]);
  const acked = { inc: 0, items: [] as string[] };
  let stop = false;

  async function run(group: 'counter' | 'queue', cmd: unknown, clientId: string, seq: number): Promise<unknown> {
    for (let attempt = 0; attempt < 400; attempt++) {
      const node = leaderOf.get(group)!;
      try {
        return await clientHost.remoteCommand(node, group, cmd, { clientId, seq, deadline: Date.now() + 1000 });
      } catch (e) {
        if (e instanceof NotLeaderError && e.leaderNode !== '') leaderOf.set(group, e.leaderNode);
        else leaderOf.set(group, rng.pick(IDS));
        await sleep(20);
      }
    }
    throw new Error(`seed ${seed}: ${group} command ${clientId}#${seq} never acknowledged`);
  }

  async function worker(w: number): Promise<void> {
    let seq = 0;
    while (!stop) {
      seq++;
      if (seq % 2 === 0) {
        await run('counter', { op: 'inc' }, `w${w}`, seq);
        acked.inc++;
      } else {
        const item = `w${w}-${seq}`;
        await run('queue', { op: 'enqueue', item }, `w${w}`, seq);
        acked.items.push(item);
      }
    }
  }

  const workers = [0, 1, 2, 3].map(worker);
  while (acked.inc + acked.items.length < 120) await sleep(20);
  const victim = leaderOf.get('counter')!;
  t.log(`SIGKILL ${victim} after ${acked.inc + acked.items.length} acknowledged commands`);
  procs.get(victim)!.child.kill('SIGKILL');
  procs.delete(victim);
  const before = acked.inc + acked.items.length;
  while (acked.inc + acked.items.length < before + 80) await sleep(20);
  procs.set(victim, await boot(victim, dir, seed));
  announce();
  const afterRestart = acked.inc + acked.items.length;
  while (acked.inc + acked.items.length < afterRestart + 80) await sleep(20);
  stop = true;
  await Promise.all(workers);

  const counter = await run('counter', { op: 'inc', by: 0 }, 'final', 1);
  t.is(counter, acked.inc, `seed ${seed}: counter holds every acknowledged inc exactly once`);
  let all: unknown;
  for (let i = 0; i < 100; i++) {
    try {
      all = await clientHost.remoteQuery(leaderOf.get('queue')!, 'queue', 'all', { deadline: Date.now() + 1000 });
      break;
    } catch (e) {
      if (e instanceof NotLeaderError && e.leaderNode !== '') leaderOf.set('queue', e.leaderNode);
      else leaderOf.set('queue', rng.pick(IDS));
      await sleep(20);
    }
  }
  const items = all as string[];
  t.is(new Set(items).size, items.length, `seed ${seed}: no item enqueued twice`);
  t.deepEqual([...items].sort(), [...acked.items].sort(), `seed ${seed}: queue holds exactly the acknowledged items`);
});
