// Fleet benchmark over real node processes (TCP + LMDB): group creation time, aggregate command
// throughput, time for a new node to take its share, and CPU/memory of idle groups; and, in this
// process, what one registry change costs a node that reads the registry.
// Prints a table and writes <repo root>/results/fleet.json. Sizes can be lowered with env vars.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { msgpackCodec } from '@raftfleet/replica';
import { applyRegistryDelta, decodeBody, encodeBody, placeGroup, registryMachine, type RegistryDelta, type RegistryState } from '../src/index.js';
import { ProtocolClient, spawnNode, type NodeProc } from '../test/helpers/processes.js';

const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const GROUPS = env('BENCH_GROUPS', 1000);
const IN_FLIGHT = env('BENCH_IN_FLIGHT', 512);
const LOAD_SECONDS = env('BENCH_LOAD_SECONDS', 10);
const IDLE_GROUPS = env('BENCH_IDLE_GROUPS', 10_000);
const IDLE_SECONDS = env('BENCH_IDLE_SECONDS', 30);
// Creating 10,000 groups leaves the V8 heap reducer busy for a while: measure the steady state.
const IDLE_SETTLE_SECONDS = env('BENCH_IDLE_SETTLE_SECONDS', 60);
const CREATE_CONCURRENCY = env('BENCH_CREATE_CONCURRENCY', 64);
const IDLE_CREATE_CONCURRENCY = env('BENCH_IDLE_CREATE_CONCURRENCY', 64);
const REGISTRY_GROUPS = env('BENCH_REGISTRY_GROUPS', 10_000);
// cluster: creation and throughput; share: then a 6th node takes its share; idle: CPU and memory of
// idle groups; restart: then one of those nodes is killed and started again; registry: one registry
// change read whole ('since') and as a delta ('changes').
const PHASES = new Set((process.env['BENCH_PHASES'] ?? 'registry,cluster,share,idle,restart').split(','));

const here = dirname(fileURLToPath(import.meta.url));
const resultsDir = resolve(here, '../../../results');

interface Row {
  metric: string;
  value: number;
  unit: string;
  goal: string;
  note: string;
}
const rows: Row[] = [];

/** Writes what was measured so far: a phase that runs out of time still leaves the earlier ones. */
function save(): void {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'fleet.json'), `${JSON.stringify({ at: new Date().toISOString(), complete: false, rows }, null, 2)}\n`);
}
const zones = ['z1', 'z2', 'z3'];

// Registry reads: a registry of REGISTRY_GROUPS groups on 10 nodes, then one addGroup, read by a node
// whose view is one version behind. The answering member pays the query and its msgpack encoding
// (once per node that asks), the reader the decoding and its new view.
if (PHASES.has('registry')) {
  const state = registryMachine.init();
  for (let i = 0; i < 10; i++) registryMachine.command(state, { type: 'registerNode', id: `n${i}`, zone: zones[i % 3]!, address: `10.0.0.${i}:7400`, incarnation: 'i' });
  for (let i = 0; i < REGISTRY_GROUPS; i++) registryMachine.command(state, { type: 'addGroup', name: `group-${i}`, replicas: 3, machine: 'counter' });
  const view = registryMachine.query(state, { type: 'all' }) as RegistryState;
  registryMachine.command(state, { type: 'addGroup', name: 'one-more', replicas: 3, machine: 'counter' });
  const reads = 30;
  const read = (type: 'since' | 'changes') => {
    let bytes = 0;
    let member = 0;
    let reader = 0;
    for (let i = 0; i < reads; i++) {
      let t = performance.now();
      const body = encodeBody(registryMachine.query(state, { type, version: view.version }));
      member += performance.now() - t;
      bytes = body.length;
      t = performance.now();
      const answer = decodeBody(body) as RegistryState | RegistryDelta;
      if (type === 'changes') applyRegistryDelta(view, answer as RegistryDelta);
      reader += performance.now() - t;
    }
    return { bytes, member: member / reads, reader: reader / reads };
  };
  for (const type of ['since', 'changes'] as const) {
    const r = read(type);
    rows.push({
      metric: `one registry change among ${REGISTRY_GROUPS} groups, read with '${type}': answering member`,
      value: r.member,
      unit: 'ms',
      goal: '',
      note: `${r.bytes} bytes; the reader ${r.reader.toFixed(2)} ms (decode and new view); mean of ${reads} reads`,
    });
  }
  save();
}

async function withNodes<T>(count: number, fn: (nodes: NodeProc[], client: ProtocolClient, root: string, seeds: string[]) => Promise<T>): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), 'raftfleet-bench-'));
  const nodes: NodeProc[] = [];
  const client = new ProtocolClient();
  await client.start();
  try {
    const first = await spawnNode({ id: 'n1', zone: 'z1', dir: join(root, 'n1'), seeds: [], tickMs: 50, maxConcurrentChanges: 32, timing: 'default' });
    nodes.push(first);
    const seeds = [`n1@${first.address}`];
    const rest = await Promise.all(
      Array.from({ length: count - 1 }, (_, i) => spawnNode({ id: `n${i + 2}`, zone: zones[(i + 1) % 3]!, dir: join(root, `n${i + 2}`), seeds, tickMs: 50, maxConcurrentChanges: 32, timing: 'default' })),
    );
    nodes.push(...rest);
    await until(async () => (await status(client, nodes[0]!)).nodes.length === count, 60_000);
    return await fn(nodes, client, root, seeds);
  } finally {
    for (const n of nodes) if (n.child.exitCode === null && n.child.signalCode === null) n.child.kill('SIGINT');
    await Promise.race([Promise.all(nodes.map((n) => n.exited)), new Promise((r) => setTimeout(r, 5000))]);
    for (const n of nodes) if (n.child.exitCode === null && n.child.signalCode === null) n.child.kill('SIGKILL');
    await Promise.all(nodes.map((n) => n.exited));
    await client.close();
    rmSync(root, { recursive: true, force: true });
  }
}

interface Status {
  nodes: Array<{ id: string; zone: string; active: boolean }>;
  leaderless: string[];
  groups: Array<{ name: string; replicas: number; leader: string | null; members: string[]; learners: string[] }>;
}

async function status(client: ProtocolClient, node: NodeProc): Promise<Status> {
  const r = await client.call(node, 'raftfleet.client.status', {}, 30_000);
  if (r['ok'] !== true) throw new Error(JSON.stringify(r['error']));
  return r as unknown as Status;
}

async function until(check: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

async function createGroups(client: ProtocolClient, nodes: NodeProc[], names: string[], replicas: number, concurrency = CREATE_CONCURRENCY): Promise<number> {
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, k) => {
      while (next < names.length) {
        const name = names[next++]!;
        for (let attempt = 0; ; attempt++) {
          const r = await client.call(nodes[k % nodes.length]!, 'raftfleet.client.addGroup', { name, replicas, machine: 'counter' }, 20_000).catch((e: Error) => ({ ok: false, error: e.message }));
          if (r['ok'] === true) break;
          if (attempt > 20) throw new Error(`addGroup ${name}: ${JSON.stringify(r['error'])}`);
          await new Promise((res) => setTimeout(res, 100));
        }
      }
    }),
  );
  return performance.now() - start;
}

function inPlan(s: Status): { ok: number; total: number } {
  const active = s.nodes.filter((n) => n.active).map((n) => ({ id: n.id, zone: n.zone }));
  let ok = 0;
  for (const g of s.groups) {
    const plan = placeGroup(g.name, active, g.replicas);
    if ([...g.members].sort().join() === [...plan].sort().join() && g.learners.length === 0 && g.leader === plan[0]) ok++;
  }
  return { ok, total: s.groups.length };
}

/** Resource usage of a node process; `collect` runs a full GC first, so heap figures count live memory. */
async function usage(node: NodeProc, collect = true): Promise<{ cpu: { user: number; system: number }; memory: { rss: number; heapUsed: number }; members: number; at: number }> {
  const seen = node.events.length;
  node.child.kill(collect ? 'SIGUSR2' : 'SIGHUP');
  for (;;) {
    const ev = node.events.slice(seen).find((e) => e['event'] === 'usage');
    if (ev !== undefined) return ev as never;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * The last of `nodes`, holding its share of the groups, is killed (SIGKILL) and started again on
 * its data directory and port: the time until it is ready (its store read and replayed, its members
 * started) and until every group has a leader and the placement's members and leaders again (the
 * restarted node leads again what it led), with the node's CPU over that time.
 */
async function restartOne(nodes: NodeProc[], client: ProtocolClient, root: string, seeds: string[]): Promise<void> {
  const k = nodes.length - 1;
  const victim = nodes[k]!;
  const led = (s: Status) => s.groups.filter((g) => g.leader === victim.id).length;
  const ledBefore = led(await status(client, nodes[0]!));
  const port = Number(victim.address.slice(victim.address.lastIndexOf(':') + 1));
  victim.child.kill('SIGKILL');
  await victim.exited;
  const start = performance.now();
  nodes[k] = await spawnNode({ id: victim.id, zone: victim.zone, dir: join(root, victim.id), seeds, port, tickMs: 50, maxConcurrentChanges: 32, timing: 'default' });
  const readyMs = performance.now() - start;
  let last: Status | undefined;
  await until(async () => {
    last = await status(client, nodes[0]!);
    const plan = inPlan(last);
    return last.leaderless.length === 0 && plan.ok === plan.total;
  }, 600_000);
  const settledMs = performance.now() - start;
  const u = await usage(nodes[k]!, false);
  rows.push({
    metric: `restart of a node holding ${u.members} members (SIGKILL, same data directory): ready`,
    value: readyMs / 1000,
    unit: 's',
    goal: '',
    note: 'from the new process to its ready event: store opened and replayed, members started',
  });
  rows.push({
    metric: 'restart: every group led and in its placement again',
    value: settledMs / 1000,
    unit: 's',
    goal: '',
    note: `it led ${ledBefore} groups before and ${led(last!)} after; ${((u.cpu.user + u.cpu.system) / 1e6).toFixed(1)} s of its CPU meanwhile`,
  });
  save();
}

// (c) creation, (a) throughput, (d) a 6th node taking its share.
if (PHASES.has('cluster')) await withNodes(3, async (nodes, client, root, seeds) => {
  const names = Array.from({ length: GROUPS }, (_, i) => `g${i}`);
  const createMs = await createGroups(client, nodes, names, 3);
  rows.push({ metric: `create ${GROUPS} groups (3 replicas, ${CREATE_CONCURRENCY} concurrent addGroup)`, value: createMs / 1000, unit: 's', goal: '', note: `${((GROUPS * 1000) / createMs).toFixed(0)} groups/s` });
  save();
  await until(async () => {
    const p = inPlan(await status(client, nodes[0]!));
    return p.ok === p.total;
  }, 120_000, 1000).catch(() => undefined);

  // Leaders from the status: send every command straight to its leader's node, as the SDK would.
  const s = await status(client, nodes[0]!);
  const leaderOf = new Map(s.groups.map((g) => [g.name, nodes.find((n) => n.id === g.leader) ?? nodes[0]!]));
  const cmd = msgpackCodec.encode({ op: 'inc' });
  let done = 0;
  let failed = 0;
  const latencies: number[] = [];
  let stop = false;
  const worker = async (k: number): Promise<void> => {
    let i = k;
    while (!stop) {
      const g = names[i % names.length]!;
      i += IN_FLIGHT;
      const t0 = performance.now();
      const r = await client.call(leaderOf.get(g)!, 'raftfleet.client.command', { group: g, command: cmd, timeoutMs: 5000 }).catch(() => ({ ok: false }));
      if (r['ok'] === true) {
        done++;
        if (latencies.length < 200_000) latencies.push(performance.now() - t0);
      } else failed++;
    }
  };
  const before = await Promise.all(nodes.map((n) => usage(n, false)));
  const t0 = performance.now();
  const workers = Array.from({ length: IN_FLIGHT }, (_, k) => worker(k));
  await new Promise((r) => setTimeout(r, LOAD_SECONDS * 1000));
  stop = true;
  await Promise.all(workers);
  const elapsed = (performance.now() - t0) / 1000;
  const after = await Promise.all(nodes.map((n) => usage(n, false)));
  latencies.sort((a, b) => a - b);
  const cpu = after.map((u, i) => ((u.cpu.user + u.cpu.system - before[i]!.cpu.user - before[i]!.cpu.system) / 1e6 / elapsed) * 100);
  rows.push({
    metric: `commands/s, ${GROUPS} groups x 3 replicas, 3 processes, ${IN_FLIGHT} in flight`,
    value: done / elapsed,
    unit: 'cmd/s',
    goal: '>= 100000',
    note: `p50 ${latencies[Math.floor(latencies.length / 2)]?.toFixed(1)} ms, p99 ${latencies[Math.floor(latencies.length * 0.99)]?.toFixed(1)} ms, ${failed} failed, node CPU ${cpu.map((c) => c.toFixed(0)).join('/')}%`,
  });
  save();

  if (!PHASES.has('share')) return;
  // Two more nodes (5 in all), then the 6th: time until every group is in plan again.
  nodes.push(await spawnNode({ id: 'n4', zone: 'z1', dir: join(root, 'n4'), seeds, tickMs: 50, maxConcurrentChanges: 32, timing: 'default' }));
  nodes.push(await spawnNode({ id: 'n5', zone: 'z2', dir: join(root, 'n5'), seeds, tickMs: 50, maxConcurrentChanges: 32, timing: 'default' }));
  await until(async () => {
    const st = await status(client, nodes[0]!);
    const p = inPlan(st);
    return st.nodes.length === 5 && p.ok === p.total;
  }, 300_000, 1000);
  const t6 = performance.now();
  nodes.push(await spawnNode({ id: 'n6', zone: 'z3', dir: join(root, 'n6'), seeds, tickMs: 50, maxConcurrentChanges: 32, timing: 'default' }));
  let share = 0;
  await until(async () => {
    const st = await status(client, nodes[0]!);
    const p = inPlan(st);
    share = st.groups.filter((g) => g.members.includes('n6')).length;
    return st.nodes.length === 6 && p.ok === p.total;
  }, 600_000, 500);
  rows.push({ metric: `6th node takes its share of ${GROUPS} groups`, value: (performance.now() - t6) / 1000, unit: 's', goal: '', note: `${share} groups moved a member to n6 (max 32 changes at once per leader node)` });
  save();
});

// (b) idle groups: CPU over IDLE_SECONDS after settling, memory per group.
if (PHASES.has('idle')) await withNodes(3, async (nodes, client, root, seeds) => {
  const base = await Promise.all(nodes.map((n) => usage(n)));
  const names = Array.from({ length: IDLE_GROUPS }, (_, i) => `idle${i}`);
  const createMs = await createGroups(client, nodes, names, 3, IDLE_CREATE_CONCURRENCY);
  await new Promise((r) => setTimeout(r, IDLE_SETTLE_SECONDS * 1000));
  const before = await Promise.all(nodes.map((n) => usage(n, false)));
  await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
  const after = await Promise.all(nodes.map((n) => usage(n)));
  const cpu = after.map((u, i) => ((u.cpu.user + u.cpu.system - before[i]!.cpu.user - before[i]!.cpu.system) / 1000 / (u.at - before[i]!.at)) * 100);
  const perGroup = after.map((u, i) => (u.memory.heapUsed - base[i]!.memory.heapUsed) / Math.max(1, u.members));
  const rss = after.map((u, i) => (u.memory.rss - base[i]!.memory.rss) / Math.max(1, u.members));
  rows.push({
    metric: `CPU of a node process holding ${after[0]!.members} idle members`,
    value: Math.max(...cpu),
    unit: '% of a core',
    goal: '< 3',
    note: `per node ${cpu.map((c) => c.toFixed(2)).join('/')}%, over ${IDLE_SECONDS}s after ${IDLE_SETTLE_SECONDS}s settling; created in ${(createMs / 1000).toFixed(1)}s`,
  });
  rows.push({
    metric: 'memory per idle member (live heap delta after a full GC / members)',
    value: Math.max(...perGroup) / 1024,
    unit: 'KB',
    goal: '< 10',
    note: `heap ${perGroup.map((b) => (b / 1024).toFixed(1)).join('/')} KB, rss ${rss.map((b) => (b / 1024).toFixed(1)).join('/')} KB per member`,
  });
  save();
  if (PHASES.has('restart')) await restartOne(nodes, client, root, seeds);
});

console.log('\n| metric | value | unit | goal | note |\n| --- | ---: | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.metric} | ${r.value.toFixed(2)} | ${r.unit} | ${r.goal} | ${r.note} |`);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'fleet.json'), `${JSON.stringify({ at: new Date().toISOString(), complete: true, rows }, null, 2)}\n`);
console.log(`\nwrote ${join(resultsDir, 'fleet.json')}`);
process.exit(0);
