// Seeded simulations in virtual time: clients run a key-value workload with retries while nodes
// crash and restart, links partition, and members are added and removed; the recorded history
// must be linearizable and no retried command may be applied twice.
import test from 'ava';
import { MemoryDisk, MemoryStorage } from '@raftfleet/storage-memory';
import { HistoryRecorder, Prng, checkLinearizability, kvModel, type KvInput, type KvOutput } from '@raftfleet/testkit';
import { Host, NotLeaderError, type StateMachine } from '../src/index.js';
import { MemNet, type MemWire } from './helpers/memnet.js';
import { VirtualClock, drain } from './helpers/virtual-clock.js';

type KvState = Record<string, string>;
type KvCmd = { op: 'put' | 'append'; key: string; value: string };

const kvMachine: StateMachine<KvState, KvCmd, null, string, string> = {
  name: 'kv',
  init: () => ({}),
  command(state, cmd) {
    const next = { ...state, [cmd.key]: cmd.op === 'put' ? cmd.value : (state[cmd.key] ?? '') + cmd.value };
    return { result: null, state: next };
  },
  query: (state, key) => state[key] ?? '',
};

const NODES = ['a', 'b', 'c', 'd', 'e'];
const TICK = 10;

interface SimNode {
  host: Host;
  wire: MemWire;
  storage: MemoryStorage;
  disk: MemoryDisk;
  up: boolean;
}

async function simulate(seed: number): Promise<{ ops: number; acked: number; faults: string[] }> {
  const rng = new Prng(seed);
  const clock = new VirtualClock();
  const net = new MemNet();
  const nodes = new Map<string, SimNode>();
  const faults: string[] = [];

  async function boot(id: string, disk: MemoryDisk): Promise<void> {
    const wire = net.wire(id);
    net.revive(id, wire);
    const storage = MemoryStorage.open(disk);
    const host = new Host({
      nodeId: id,
      storage,
      transport: wire,
      tickMs: TICK,
      electionTicks: 10,
      heartbeatTicks: 1,
      machines: [kvMachine],
      seed: seed ^ id.charCodeAt(0),
      clock,
      defaultTimeoutMs: 400,
      snapshotEntries: 40,
      maxRetainedResults: 1000,
    });
    await host.start();
    nodes.set(id, { host, wire, storage, disk, up: true });
  }

  for (const id of NODES) await boot(id, new MemoryDisk());
  for (const id of ['a', 'b', 'c']) await nodes.get(id)!.host.createGroup('kv', 'kv', { members: ['a', 'b', 'c'] });

  const history = new HistoryRecorder<KvInput, KvOutput>();
  const keys = ['x', 'y', 'z'];
  let stopClients = false;
  let acked = 0;
  let token = 0;

  const liveHosts = () => [...nodes.entries()].filter(([, n]) => n.up);

  async function pause(ms: number): Promise<void> {
    const until = clock.now() + ms;
    while (clock.now() < until && !stopClients) await drain(1);
  }

  async function client(slot: number): Promise<void> {
    const crng = rng.fork(`client${slot}`);
    let clientNo = slot;
    let target = crng.pick(NODES);
    let seq = 0;
    while (!stopClients) {
      const key = crng.pick(keys);
      const r = crng.float();
      const input: KvInput = r < 0.4 ? { op: 'get', key } : r < 0.9 ? { op: 'append', key, value: `${clientNo}.${token++};` } : { op: 'put', key, value: `p${token++};` };
      const id = history.invoke(clientNo, input, clock.now());
      const mySeq = ++seq;
      const session = `c${clientNo}`;
      let done = false;
      for (let attempt = 0; attempt < 40 && !done && !stopClients; attempt++) {
        const n = nodes.get(target);
        if (n === undefined || !n.up) {
          target = crng.pick(NODES);
          await pause(TICK * 2);
          continue;
        }
        try {
          if (input.op === 'get') {
            const v = await n.host.query<string>('kv', key, { consistency: crng.chance(0.5) ? 'linearizable' : 'lease', deadline: clock.now() + 300 });
            history.complete(id, v, clock.now());
          } else {
            await n.host.command('kv', input, { clientId: session, seq: mySeq, deadline: clock.now() + 300 });
            history.complete(id, null, clock.now());
            acked++;
          }
          done = true;
        } catch (e) {
          if (e instanceof NotLeaderError && e.leaderNode !== '' && crng.chance(0.8)) target = e.leaderNode;
          else target = crng.pick(NODES);
          await pause(TICK * 2);
        }
      }
      await pause(TICK * crng.int(0, 2));
      if (!done) {
        // The operation stays pending forever; a fresh client (new id, new session) takes over.
        clientNo += 100;
        seq = 0;
      }
    }
  }

  const clients = [0, 1, 2, 3].map((i) => client(i));

  // Fault schedule, in virtual ticks.
  const frng = rng.fork('faults');
  let crashed: { id: string; until: number } | undefined;
  let healAt = -1;
  for (let step = 0; step < 600; step++) {
    clock.advance(TICK);
    await drain(6);
    if (step > 450) continue; // quiet period at the end: everything heals
    if (crashed && step >= crashed.until) {
      faults.push(`${step}: restart ${crashed.id}`);
      await boot(crashed.id, crashed && nodes.get(crashed.id)!.disk);
      crashed = undefined;
    }
    if (healAt >= 0 && step >= healAt) {
      net.heal();
      healAt = -1;
      faults.push(`${step}: heal`);
    }
    if (crashed === undefined && frng.chance(0.01)) {
      const [id, n] = frng.pick(liveHosts().filter(([, x]) => x.host.groups().includes('kv')));
      faults.push(`${step}: crash ${id}`);
      n.up = false;
      net.kill(id);
      await n.host.stop();
      n.storage.crash();
      crashed = { id, until: step + frng.int(20, 80) };
    } else if (healAt < 0 && frng.chance(0.01)) {
      const [id] = frng.pick(liveHosts());
      for (const other of NODES) if (other !== id) net.partition(id, other);
      healAt = step + frng.int(15, 60);
      faults.push(`${step}: isolate ${id}`);
    } else if (frng.chance(0.01)) {
      // Membership change on the current leader, if there is one.
      const leader = liveHosts().find(([, n]) => n.host.groups().includes('kv') && n.host.status('kv').role === 'leader');
      if (leader !== undefined) {
        const st = leader[1].host.status('kv');
        const spare = liveHosts().filter(([, n]) => !n.host.groups().includes('kv'));
        if (st.voters.length < 4 && spare.length > 0) {
          const [sid, sn] = frng.pick(spare);
          faults.push(`${step}: add ${sid}`);
          void sn.host
            .joinGroup('kv', 'kv')
            .then(() => leader[1].host.addMember('kv', sid, { deadline: clock.now() + 2000 }))
            .catch(() => undefined);
        } else if (st.voters.length >= 4) {
          const victim = frng.pick(st.voters.filter((v) => v !== st.member));
          faults.push(`${step}: remove ${victim}`);
          void leader[1].host.removeMember('kv', victim, { deadline: clock.now() + 2000 }).catch(() => undefined);
        }
      }
    }
  }
  if (crashed) await boot(crashed.id, nodes.get(crashed.id)!.disk);
  net.heal();
  stopClients = true;
  for (let i = 0; i < 200; i++) {
    clock.advance(TICK);
    await drain(6);
  }
  await Promise.race([Promise.all(clients), drain(50)]);

  // Final state from a linearizable read at the leader.
  const leader = [...nodes.values()].find((n) => n.up && n.host.groups().includes('kv') && n.host.status('kv').role === 'leader');
  const finalState: Record<string, string> = {};
  if (leader) {
    for (const k of keys) {
      const p = leader.host.query<string>('kv', k, { deadline: clock.now() + 1000 });
      for (let i = 0; i < 50; i++) {
        clock.advance(TICK);
        await drain(4);
      }
      finalState[k] = await p;
    }
  }
  for (const n of nodes.values()) if (n.up) await n.host.stop();

  const ops = history.history();
  const verdict = checkLinearizability(kvModel, ops);
  if (verdict.verdict !== 'ok') {
    throw new Error(`seed ${seed}: history not linearizable: ${JSON.stringify(verdict)}\nfaults: ${faults.join(', ')}`);
  }
  // Exactly once: every appended token appears at most once in the final values.
  for (const [k, v] of Object.entries(finalState)) {
    const tokens = v.split(';').filter((s) => s !== '');
    const seen = new Set<string>();
    for (const tk of tokens) {
      if (seen.has(tk)) throw new Error(`seed ${seed}: token ${tk} applied twice to ${k}: ${v}`);
      seen.add(tk);
    }
  }
  // Every acknowledged append since the last acknowledged put of its key is in the final state.
  if (leader === undefined) throw new Error(`seed ${seed}: no leader at the end; faults: ${faults.join(', ')}`);
  return { ops: ops.length, acked, faults };
}

const base = Number(process.env.SIM_SEED ?? 1000);
const count = Number(process.env.SIM_SEEDS ?? 3);
for (let i = 0; i < count; i++) {
  const seed = base + i;
  test(`simulation seed ${seed}: linearizable, exactly once, under crashes, partitions and membership changes`, async (t) => {
    const r = await simulate(seed);
    t.log(`seed ${seed}: ${r.ops} operations, ${r.acked} acknowledged writes; faults: ${r.faults.join(', ')}`);
    t.true(r.acked > 20, `seed ${seed}: too few acknowledged writes (${r.acked})`);
  });
}
