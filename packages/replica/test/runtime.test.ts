import test, { type ExecutionContext } from 'ava';
import {
  ConfigError,
  GroupExistsError,
  GroupNotFoundError,
  Host,
  LOG_FORMAT,
  NotLeaderError,
  RPC,
  StoppedError,
  TimeoutError,
  TooLargeError,
  counterMachine,
  queueMachine,
  type Codec,
  type StateMachine,
} from '../src/index.js';
import { EntryType } from '@raftfleet/protocol';
import { MemoryDisk, MemoryStorage } from '@raftfleet/storage-memory';
import type { WriteBatch } from '@raftfleet/storage';
import { Cluster, sleep } from './helpers/cluster.js';
import { MemNet } from './helpers/memnet.js';
import { VirtualClock, drain } from './helpers/virtual-clock.js';
import { decodeBatch, decodeClock, isBatch } from '../src/envelope.js';

async function group(t: { teardown(fn: () => Promise<void>): void }, extra = {}, machines = [counterMachine, queueMachine]) {
  const c = new Cluster(machines, extra);
  for (const id of ['a', 'b', 'c']) await c.add(id);
  t.teardown(() => c.stopAll());
  for (const n of c.nodes.values()) await n.host.createGroup('g', 'counter', { members: ['a', 'b', 'c'] });
  return c;
}

/** `storage` with some of its methods replaced (each replacement may call the original on `storage`). */
function overriding(storage: MemoryStorage, methods: Partial<Pick<MemoryStorage, 'write' | 'readSnapshot'>>): MemoryStorage {
  return new Proxy(storage, {
    get(target, prop, receiver) {
      const own = (methods as Record<string | symbol, unknown>)[prop];
      if (own !== undefined) return own;
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** `storage` whose write() goes through `write`, which is handed the original. */
function withWrite(storage: MemoryStorage, write: (batch: WriteBatch, original: (b: WriteBatch) => Promise<void>) => Promise<void>): MemoryStorage {
  return overriding(storage, { write: (batch: WriteBatch) => write(batch, (b) => storage.write(b)) });
}

/** Waits (up to 2 s) until this host's member of `group` leads. */
async function untilLeader(host: Host, group: string): Promise<void> {
  for (let i = 0; i < 200 && host.status(group).role !== 'leader'; i++) await sleep(10);
}

test('queries at every consistency level see acknowledged writes', async (t) => {
  const c = await group(t);
  const leader = await c.leader('g');
  await leader.host.command('g', { op: 'set', value: 41 });
  await leader.host.command('g', { op: 'inc' });
  t.is(await leader.host.query('g', 'get', { consistency: 'linearizable' }), 42);
  t.is(await leader.host.query('g', 'get', { consistency: 'lease' }), 42);
  t.is(await leader.host.query('g', 'get', { consistency: 'stale' }), 42);
  // A linearizable read on a follower goes through the leader's read index and waits for apply.
  const follower = [...c.nodes.values()].find((n) => n !== leader)!;
  t.is(await follower.host.query('g', 'get', { consistency: 'linearizable' }), 42);
  // 'lease' on a follower falls back to a read index as well.
  t.is(await follower.host.query('g', 'get', { consistency: 'lease' }), 42);
});

test('typed errors: unknown group, existing group, too large, stopped, bad options, timeout', async (t) => {
  const c = await group(t, { maxCommandBytes: 256 });
  const leader = await c.leader('g');
  await t.throwsAsync(leader.host.command('nope', { op: 'inc' }), { instanceOf: GroupNotFoundError });
  await t.throwsAsync(leader.host.createGroup('g', 'counter', { members: ['a'] }), { instanceOf: GroupExistsError });
  const big = await t.throwsAsync(leader.host.command('g', { op: 'set', value: 1, pad: 'x'.repeat(1000) }), { instanceOf: TooLargeError });
  t.true(big!.size > 256);
  await t.throwsAsync(leader.host.command('g', { op: 'inc' }, { clientId: 'c1', seq: 0 }), { instanceOf: ConfigError });
  await t.throwsAsync(leader.host.createGroup('h', 'nosuch', { members: ['a'] }), { instanceOf: ConfigError });
  await t.throwsAsync(leader.host.createGroup('h', 'counter', { members: ['x', 'y'] }), { instanceOf: ConfigError });
  // Cut the leader off: its command cannot commit and times out.
  for (const n of c.nodes.keys()) if (n !== leader.id) c.net.partition(leader.id, n);
  await t.throwsAsync(leader.host.command('g', { op: 'inc' }, { deadline: Date.now() + 100 }), { instanceOf: TimeoutError });
  c.net.heal();
  await leader.host.stop();
  await t.throwsAsync(leader.host.command('g', { op: 'inc' }), { instanceOf: StoppedError });
});

test('options are validated', (t) => {
  const net = new MemNet();
  const base = { nodeId: 'x', storage: MemoryStorage.open(), transport: net.wire('x') };
  t.throws(() => new Host({ ...base, nodeId: 'a/b' }), { instanceOf: ConfigError });
  t.throws(() => new Host({ ...base, tickMs: 0 }), { instanceOf: ConfigError });
  t.throws(() => new Host({ ...base, electionTicks: 10, heartbeatTicks: 5 }), { instanceOf: ConfigError });
  t.throws(() => new Host({ ...base, electionTicks: 2.5 }), { instanceOf: ConfigError });
  t.throws(() => new Host({ ...base, quiesceTicks: 20 }), { instanceOf: ConfigError });
  const e = t.throws(() => new Host({ ...base, maxCommandBytes: -1 }), { instanceOf: ConfigError });
  t.is(e?.option, 'maxCommandBytes');
});

test('automatic snapshots compact the log; a lagging follower catches up through a streamed snapshot', async (t) => {
  const c = await group(t, { snapshotEntries: 20, snapshotChunkBytes: 64 }, [counterMachine, queueMachine]);
  const leader = await c.leader('g');
  const lagging = [...c.nodes.values()].find((n) => n !== leader)!;
  for (const n of c.nodes.keys()) if (n !== lagging.id) c.net.partition(lagging.id, n);
  for (let i = 0; i < 60; i++) await leader.host.command('g', { op: 'inc' }, { clientId: 'k', seq: i + 1 });
  const st = leader.host.status('g');
  t.true(st.snapshot.index >= 40, `snapshot at ${st.snapshot.index}`);
  t.true(st.firstIndex > 1);
  t.true(st.logSize < 30);
  c.net.heal();
  await c.until(() => lagging.host.status('g').applied >= st.applied, 5000, 'lagging follower caught up');
  t.true(lagging.host.status('g').snapshot.index > 0, 'installed a snapshot');
  t.is(await lagging.host.query('g', 'get', { consistency: 'stale' }), 60);
  // The retained results travelled in the snapshot: a retry on a new leader returns the cached result.
  await leader.host.transferLeader('g', lagging.host.status('g').member);
  await c.leader('g');
  t.is(await lagging.host.command('g', { op: 'inc' }, { clientId: 'k', seq: 60 }), 60);
  t.is(await lagging.host.query('g', 'get'), 60);
});

test('a restarted member comes back from storage with its snapshot and log', async (t) => {
  const c = await group(t, { snapshotEntries: 10 });
  let leader = await c.leader('g');
  for (let i = 0; i < 25; i++) await leader.host.command('g', { op: 'inc' });
  const victim = [...c.nodes.values()].find((n) => n !== leader)!;
  const member = victim.host.status('g').member;
  const applied = leader.host.status('g').applied;
  await c.until(() => victim.host.status('g').applied >= applied, 3000, 'victim applied');
  const restored: number[] = [];
  const disk = await c.crash(victim.id);
  (c as any).extra.groupHooks = () => ({ onRestored: (_g: string, state: number) => restored.push(state) });
  const back = await c.restart(victim.id, disk);
  t.deepEqual(back.host.groups(), ['g']);
  t.is(back.host.status('g').member, member);
  t.true(restored.length >= 1);
  leader = await c.leader('g');
  await leader.host.command('g', { op: 'inc' });
  const applied2 = leader.host.status('g').applied;
  await c.until(() => back.host.status('g').applied >= applied2, 3000, 'restarted member applied');
  t.is(await back.host.query('g', 'get', { consistency: 'stale' }), 26);
});

test('the whole group restarts from storage and keeps its value', async (t) => {
  const c = await group(t, { snapshotEntries: 7 });
  const leader = await c.leader('g');
  for (let i = 0; i < 15; i++) await leader.host.command('g', { op: 'inc' });
  const disks = new Map<string, any>();
  for (const id of [...c.nodes.keys()]) disks.set(id, await c.crash(id));
  for (const [id, disk] of disks) await c.restart(id, disk);
  const l2 = await c.leader('g');
  t.is(await l2.host.query('g', 'get'), 15);
  t.is(await l2.host.command('g', { op: 'inc' }), 16);
});

test('remote command and query reach the leader node through the transport', async (t) => {
  const c = await group(t);
  const leader = await c.leader('g');
  const other = [...c.nodes.values()].find((n) => n !== leader)!;
  t.is(await other.host.remoteCommand(leader.id, 'g', { op: 'inc', by: 7 }), 7);
  t.is(await other.host.remoteQuery(leader.id, 'g', 'get'), 7);
  const third = [...c.nodes.values()].find((n) => n !== leader && n !== other)!;
  const err = await t.throwsAsync(other.host.remoteCommand(third.id, 'g', { op: 'inc' }), { instanceOf: NotLeaderError });
  t.is(err?.leaderNode, leader.id);
  await t.throwsAsync(other.host.remoteCommand(leader.id, 'missing', { op: 'inc' }), { instanceOf: GroupNotFoundError });
});

test('quiescence: an idle leader sends nothing; killing its node still elects a new leader', async (t) => {
  const c = await group(t);
  const leader = await c.leader('g');
  await leader.host.command('g', { op: 'inc' });
  await c.until(() => [...c.nodes.values()].every((n) => n.host.status('g').quiescent), 8000, 'all members quiescent');
  c.net.record = true;
  const before = c.net.sentTypes.length;
  const ticks = leader.host.ticks;
  await c.until(() => leader.host.ticks >= ticks + 30, 3000, '30 ticks');
  t.is(c.net.sentTypes.slice(before).filter((m) => m.group === 'g').length, 0, 'no raft messages for the idle group');
  // Node pings continue (liveness is per node pair), but nothing per group.
  await c.crash(leader.id);
  const next = await c.leader('g', 5000);
  t.not(next.id, leader.id);
  t.is(await next.host.command('g', { op: 'inc' }), 2);
});

test('quiescence: a command on a sleeping group costs its appends, their answers and the commit index, no heartbeat', async (t) => {
  // Ticks far longer than a round trip here, so that a tick rarely falls between an append and its answer.
  const c = await group(t, { tickMs: 100 });
  const leader = await c.leader('g');
  await leader.host.command('g', { op: 'inc' });
  await c.until(() => [...c.nodes.values()].every((n) => n.host.status('g').quiescent), 8000, 'all members quiescent');
  c.net.record = true;
  const followers = [...c.nodes.values()].filter((n) => n !== leader);
  for (let i = 2; i <= 6; i++) {
    const before = c.net.sentTypes.length;
    t.is(await leader.host.command('g', { op: 'inc' }), i);
    const ticks = followers.map((n) => n.host.ticks);
    await c.until(() => [...c.nodes.values()].every((n) => n.host.status('g').quiescent), 8000, 'quiescent again');
    // A follower that has applied the commit index sleeps at its next tick, as the leader does,
    // not after quiesceTicks (4 here) idle ticks, which takes at least 5: a group that gets a
    // command every few ticks would otherwise keep its followers ticking between them. (One tick
    // of margin for a pass that runs two ticks late.)
    const slept = followers.map((n, k) => n.host.ticks - ticks[k]!);
    t.true(slept.every((d) => d <= 3), `follower ticks until asleep: ${slept.join()}`);
    const sent = c.net.sentTypes.slice(before).filter((m) => m.group === 'g').map((m) => m.type);
    // The entry to each follower and its answer, then the commit index in an append that needs
    // no answer. Appends reset the followers' election timers, so no heartbeat goes out, and the
    // leader goes quiet at its first tick after the followers were sent the commit.
    t.deepEqual(
      sent.filter((m) => m !== 'append(quiet)'),
      ['append', 'append', 'appendResponse', 'appendResponse'],
      sent.join(),
    );
    t.is(sent.filter((m) => m === 'append(quiet)').length, 2, sent.join());
  }
});

/**
 * Group 'g' on three hosts under virtual time (ticks happen only when the test advances the clock,
 * so a command runs and settles between two ticks), with a leader, one command applied and every
 * member asleep; undefined (the test failed) when that does not happen.
 */
async function sleepingGroup(t: ExecutionContext): Promise<{ clock: VirtualClock; net: MemNet; hosts: Host[]; stores: MemoryStorage[]; leader: Host; asleep: () => boolean } | undefined> {
  const clock = new VirtualClock();
  const net = new MemNet();
  const hosts: Host[] = [];
  const stores: MemoryStorage[] = [];
  for (const id of ['a', 'b', 'c']) {
    const storage = MemoryStorage.open();
    stores.push(storage);
    const host = new Host({ nodeId: id, storage, transport: net.wire(id), tickMs: 10, electionTicks: 10, heartbeatTicks: 1, quiesceTicks: 2, machines: [counterMachine], seed: 7, clock });
    await host.start();
    hosts.push(host);
    t.teardown(() => host.stop());
  }
  for (const h of hosts) await h.createGroup('g', 'counter', { members: ['a', 'b', 'c'] });
  const asleep = () => hosts.every((h) => h.status('g').quiescent);
  let leader: Host | undefined;
  for (let i = 0; i < 100 && leader === undefined; i++) {
    clock.advance(10);
    await drain(6);
    leader = hosts.find((h) => h.status('g').role === 'leader');
  }
  if (leader === undefined) {
    t.fail('no leader after 100 ticks');
    return undefined;
  }
  t.is(await leader.command('g', { op: 'inc' }), 1);
  for (let i = 0; i < 50 && !asleep(); i++) {
    clock.advance(10);
    await drain(6);
  }
  if (!asleep()) {
    t.fail('every member asleep after the first command');
    return undefined;
  }
  return { clock, net, hosts, stores, leader, asleep };
}

test('quiescence: members go to sleep in the pass after they settle, without waiting for a tick', async (t) => {
  const g = await sleepingGroup(t);
  if (g === undefined) return;
  const { clock, hosts, leader, asleep } = g;
  const ticks = clock.now();
  for (let i = 2; i <= 7; i++) {
    const result = leader.command('g', { op: 'inc' });
    t.is(await result, i);
    for (let k = 0; k < 40 && !asleep(); k++) await drain(1);
    // The leader sleeps once every follower has the final commit index, a follower once it has
    // applied it, in the pass that left each without work. Sleeping only at a tick, none would.
    t.true(asleep(), `command ${i}: every member asleep without a tick (${hosts.map((h) => `${h.nodeId} ${h.status('g').quiescent ? 'asleep' : 'awake'}`).join(', ')})`);
  }
  t.is(clock.now(), ticks, 'the clock did not move');
});

test('activity: a command on a sleeping group costs two visits on each member and no tick; a sleeping group costs nothing', async (t) => {
  const g = await sleepingGroup(t);
  if (g === undefined) return;
  const { clock, hosts, leader, asleep } = g;

  // The commit index kept back from the last command is written within LAZY_COMMIT_TICKS (10);
  // after that, ticks cost a sleeping group nothing: no visit, no core tick, no storage write.
  for (let i = 0; i < 12; i++) {
    clock.advance(10);
    await drain(2);
  }
  let before = hosts.map((h) => h.activity());
  for (let i = 0; i < 20; i++) {
    clock.advance(10);
    await drain(2);
  }
  t.deepEqual(
    hosts.map((h) => h.activity()),
    before,
    'nothing done in 20 ticks of a sleeping group',
  );

  const followers = hosts.filter((h) => h !== leader);
  for (let i = 2; i <= 5; i++) {
    before = hosts.map((h) => h.activity());
    t.is(await leader.command('g', { op: 'inc' }), i);
    for (let k = 0; k < 40 && !asleep(); k++) await drain(1);
    t.true(asleep(), `command ${i}: asleep again`);
    const d = hosts.map((h, k) => {
      const a = h.activity();
      const b = before[k]!;
      return { leader: a.leaderVisits - b.leaderVisits, other: a.otherVisits - b.otherVisits, ticks: a.memberTicks - b.memberTicks, writes: a.storageWrites - b.storageWrites };
    });
    const of = (h: Host) => d[hosts.indexOf(h)]!;
    const shown = JSON.stringify(d);
    // The leader: proposing (entries written, appends sent), then both answers (commit, apply,
    // reply, the commit index in quiet appends). A follower: the entry (written, answered), then
    // the commit index (applied). The two answers may come in two passes: one visit more.
    t.true(of(leader).leader === 2 || of(leader).leader === 3, `leader visits: ${shown}`);
    t.is(of(leader).other, 0, shown);
    for (const f of followers) {
      t.is(of(f).other, 2, `follower visits: ${shown}`);
      t.is(of(f).leader, 0, shown);
    }
    // Each member writes the entry once; the commit index alone is kept back (see keepBack).
    for (const h of hosts) t.is(of(h).writes, 1, `storage writes: ${shown}`);
    t.true(d.every((x) => x.ticks === 0), `no tick: ${shown}`);
  }
});

test('a node that is down is pinged less and less often, down to about once a second, and is heard again once it is back', async (t) => {
  const g = await sleepingGroup(t);
  if (g === undefined) return;
  const { clock, net, hosts, leader } = g;
  const down = hosts.find((h) => h !== leader)!;
  const pings = (): number => net.requests.get(`${leader.nodeId}>${down.nodeId} raftfleet.replica.ping`) ?? 0;
  // A ping to a node without a connection fails at once, as over TCP.
  net.failFast = true;
  const wire = net.endpoints.get(down.nodeId)!;
  net.kill(down.nodeId);
  const before = pings();
  const ticks = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i++) {
      clock.advance(10);
      await drain(2);
    }
  };
  // 3 s at 10 ms ticks: pinged every tick only until it counts as down (10 ticks of silence).
  await ticks(300);
  const first = pings() - before;
  t.true(first >= 5 && first <= 30, `pings in the first 300 ticks: ${first} (one every tick would be about 300)`);
  await ticks(300);
  const later = pings() - before - first;
  t.true(later >= 2 && later <= 4, `pings in the next 300 ticks: ${later} (one per 100 ticks)`);

  net.revive(down.nodeId, wire);
  t.is(await leader.command('g', { op: 'inc' }), 2);
  let value = 0;
  for (let i = 0; i < 200 && value !== 2; i++) {
    await ticks(1);
    value = await down.query<number>('g', 'get', { consistency: 'stale' });
  }
  t.is(value, 2, 'the node that came back caught up');
  const settled = pings();
  await ticks(100);
  t.true(pings() - settled <= 40, `pings once heard again: ${pings() - settled}`);
});

test('log time: a leader proposes clock records with the time it has led, one a minute while commands come, and a new leader goes on from the log time it took over at', async (t) => {
  const g = await sleepingGroup(t);
  if (g === undefined) return;
  const { clock, hosts, stores, asleep } = g;
  let leader = g.leader;
  /** The log times of the group's clock records, as member `i` stored them. */
  const times = (i: number): number[] => {
    const s = stores[i]!;
    return s
      .entries('g', s.firstIndex('g'), s.lastIndex('g') + 1)
      .filter((e) => e.type === EntryType.Normal)
      .map((e) => decodeClock(e.data))
      .filter((at): at is number => at !== undefined);
  };
  const settle = async (): Promise<void> => {
    for (let k = 0; k < 40 && !asleep(); k++) await drain(1);
  };
  const inc = async (): Promise<void> => {
    await leader.command('g', { op: 'inc' }, { clientId: 'c1', seq: ++seq });
    await settle();
  };
  let seq = 0;
  // The leadership's first commands came with a clock record.
  t.is(times(hosts.indexOf(leader)).length, 1);
  const [t0] = times(hosts.indexOf(leader)) as [number];
  // Time between two commands: less than a minute since the last clock record adds none.
  clock.advance(30_000);
  await drain(6);
  await inc();
  t.is(times(hosts.indexOf(leader)).length, 1);
  clock.advance(31_000);
  await drain(6);
  await inc();
  const [, t1] = times(hosts.indexOf(leader)) as [number, number];
  t.true(t1 - t0 >= 61_000 && t1 - t0 < 62_000, `${t0} -> ${t1}`);
  // Every member stored the same records: the time is in the log, not read from a member's clock.
  t.deepEqual(times(0), times(1));
  t.deepEqual(times(1), times(2));

  // A new leader starts its clock where the log time was when it took over, not at its own zero,
  // and its first commands come with a clock record.
  await settle();
  const next = hosts.find((h) => h !== leader)!;
  await leader.transferLeader('g', next.status('g').member);
  leader = next;
  t.is(leader.status('g').role, 'leader');
  clock.advance(100);
  await drain(6);
  await inc();
  const all = times(hosts.indexOf(leader));
  t.is(all.length, 3);
  t.true(all[2]! >= t1 && all[2]! < t1 + 1000, `${t1} -> ${all[2]} after the leader changed`);
});

test('log time: a follower that takes over before it learned that the last clock record committed goes on from that record', async (t) => {
  const g = await sleepingGroup(t);
  if (g === undefined) return;
  const { clock, net, hosts, stores, leader } = g;
  const next = hosts.find((h) => h !== leader)!;
  const times = (h: Host): number[] => {
    const s = stores[hosts.indexOf(h)]!;
    return s
      .entries('g', s.firstIndex('g'), s.lastIndex('g') + 1)
      .filter((e) => e.type === EntryType.Normal)
      .map((e) => decodeClock(e.data))
      .filter((at): at is number => at !== undefined);
  };
  // From here on `next` gets the entries but never an append that only moves the commit index.
  net.dropIf = (from, to, e) => from === leader.nodeId && to === next.nodeId && e.message.type === 'append' && e.message.quiet === true;
  clock.advance(61_000);
  await drain(6);
  await leader.command('g', { op: 'inc' }, { clientId: 'c1', seq: 1 });
  for (let k = 0; k < 20; k++) await drain(1);
  const [t0, t1] = times(leader) as [number, number];
  t.true(t1 - t0 >= 61_000, `${t0} -> ${t1}`);
  t.deepEqual(times(next), [t0, t1], 'the new clock record is in its log');
  t.true(next.status('g').applied < leader.status('g').applied, 'but not applied: it was not told it committed');

  await leader.transferLeader('g', next.status('g').member);
  t.is(next.status('g').role, 'leader');
  net.dropIf = undefined;
  clock.advance(100);
  await drain(6);
  await next.command('g', { op: 'inc' }, { clientId: 'c1', seq: 2 });
  const all = times(next);
  t.is(all.length, 3);
  t.true(all[2]! >= t1 && all[2]! < t1 + 1000, `${t1} -> ${all[2]}: the log time goes on from the newest record in the log, not from the applied state`);
});

test('clients expire: within the hour a retry returns its first result, a client silent for an hour of log time is forgotten by every member', async (t) => {
  const g = await sleepingGroup(t);
  if (g === undefined) return;
  const { clock, hosts, leader, asleep } = g;
  const settle = async (): Promise<void> => {
    for (let k = 0; k < 40 && !asleep(); k++) await drain(1);
  };
  const values = (): Promise<number[]> => Promise.all(hosts.map((h) => h.query<number>('g', 'get', { consistency: 'stale' })));
  t.is(await leader.command('g', { op: 'inc' }, { clientId: 'quiet', seq: 1 }), 2);
  await settle();
  // Another client keeps the group busy, a command a minute (each minute brings a clock record).
  let busySeq = 0;
  const busyMinutes = async (minutes: number): Promise<void> => {
    for (let minute = 1; minute <= minutes; minute++) {
      clock.advance(60_000);
      await drain(4);
      await leader.command('g', { op: 'inc' }, { clientId: 'busy', seq: ++busySeq });
      await settle();
    }
  };
  await busyMinutes(59);
  // 59 minutes on: a retry of the quiet client's command is recognised and not applied again.
  t.is(await leader.command('g', { op: 'inc' }, { clientId: 'quiet', seq: 1 }), 2, 'first result, within the hour');
  await settle();
  t.deepEqual(await values(), [61, 61, 61]);
  // The retry counted as activity: another 59 minutes, and it is still known.
  await busyMinutes(59);
  t.is(await leader.command('g', { op: 'inc' }, { clientId: 'quiet', seq: 1 }), 2, 'still known after the retry');
  await settle();
  // Silent for 62 minutes of log time: forgotten, everywhere at the same entry, so the same seq
  // is a new command now (the SDK never retries one for more than 10 minutes).
  await busyMinutes(62);
  const before = (await values())[0]!;
  t.is(await leader.command('g', { op: 'inc' }, { clientId: 'quiet', seq: 1 }), before + 1, 'forgotten after an hour');
  await settle();
  t.deepEqual(await values(), [before + 1, before + 1, before + 1]);
});

/** The format byte of every command and clock record in `storage`'s log of `group`, batches unpacked. */
function recordFormats(storage: MemoryStorage, group: string): number[] {
  const out: number[] = [];
  for (const e of storage.entries(group, storage.firstIndex(group), storage.lastIndex(group) + 1)) {
    if (e.type !== EntryType.Normal || e.data.length === 0) continue;
    for (const rec of isBatch(e.data) ? decodeBatch(e.data) : [e.data]) out.push(rec[0]!);
  }
  return out;
}

test('log formats: beside a node of a build from before log formats were asked, a leader writes only what that build reads; once it runs this build, acknowledgements and clock records come', async (t) => {
  const c = new Cluster([counterMachine]);
  t.teardown(() => c.stopAll());
  for (const id of ['a', 'b', 'c']) await c.add(id);
  // Node c runs an older build: it has no handler for the question (the transport answers
  // NoHandlerError), and reads command records and batches only.
  c.nodes.get('c')!.wire.handlers.delete(RPC.logFormat);
  for (const n of c.nodes.values()) await n.host.createGroup('g', 'counter', { members: ['a', 'b', 'c'] });
  let leader = await c.leader('g');
  // What a leader of this build writes is the question: c stands in for the older build only by
  // not answering, so it must not lead.
  if (leader.id === 'c') {
    await leader.host.transferLeader('g', c.host('a').status('g').member);
    leader = await c.leader('g');
  }
  let seq = 0;
  const commands = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i++) {
      seq++;
      await leader.host.command('g', { op: 'inc' }, { clientId: 'k', seq, acked: seq });
    }
  };
  await commands(5);
  const applied = leader.host.status('g').applied;
  await c.until(() => [...c.nodes.values()].every((n) => n.host.status('g').applied >= applied), 3000, 'all applied');
  for (const id of ['a', 'b']) t.is(c.host(id).status('g').logFormat, 1, `${id} takes the group's format to be 1`);
  for (const n of c.nodes.values()) {
    t.deepEqual(new Set(recordFormats(n.storage, 'g')), new Set([1]), `${n.id}: command records without acknowledgements, no clock record`);
  }
  t.is(leader.host.status('g').retainedResults, 5, 'without acknowledgements the results stay');

  // Node c is upgraded: stopped, and started again on this build with the same data.
  const disk = await c.crash('c');
  await c.restart('c', disk);
  await c.until(() => ['a', 'b'].every((id) => c.host(id).status('g').logFormat === 2), 3000, 'a and b learn that c reads format 2');
  leader = await c.leader('g');
  const before = recordFormats(leader.storage, 'g').length;
  await commands(5);
  const applied2 = leader.host.status('g').applied;
  await c.until(() => [...c.nodes.values()].every((n) => n.host.status('g').applied >= applied2), 3000, 'all applied');
  const since = recordFormats(leader.storage, 'g').slice(before);
  t.true(since.includes(5), `a clock record among the new records: ${since.join(',')}`);
  t.true(since.includes(3), `command records with acknowledgements: ${since.join(',')}`);
  t.true(leader.host.status('g').retainedResults <= 1, 'acknowledged results dropped');
  const values = await Promise.all([...c.nodes.values()].map((n) => n.host.query<number>('g', 'get', { consistency: 'stale' })));
  t.deepEqual(values, [10, 10, 10]);
});

test('log formats: a malformed answer to the question counts as the first format, and a node not heard on it yet counts the same', async (t) => {
  const c = new Cluster([counterMachine]);
  t.teardown(() => c.stopAll());
  for (const id of ['a', 'b', 'c']) await c.add(id);
  // c answers with bytes that are not msgpack; b does not answer at all until it is let through.
  c.nodes.get('c')!.wire.handlers.set(RPC.logFormat, async () => new Uint8Array([0xc1]));
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const bAnswer = c.nodes.get('b')!.wire.handlers.get(RPC.logFormat)!;
  c.nodes.get('b')!.wire.handlers.set(RPC.logFormat, async (from, body) => {
    await held;
    return bAnswer(from, body);
  });
  for (const n of c.nodes.values()) await n.host.createGroup('g', 'counter', { members: ['a', 'b', 'c'] });
  await c.until(() => c.host('a').peerLogFormats()['c'] === 1, 3000, 'a takes c to read format 1');
  t.is(c.host('a').peerLogFormats()['b'], 0, 'b not heard on it yet');
  t.is(c.host('a').status('g').logFormat, 1);
  release();
  await c.until(() => c.host('a').peerLogFormats()['b'] === LOG_FORMAT, 3000, 'a hears b');
  t.is(c.host('a').status('g').logFormat, 1, 'c still holds the group at format 1');
  // The host keeps serving.
  const leader = await c.leader('g');
  t.is(await leader.host.command('g', { op: 'inc' }), 1);
});

test('a node no group here has a member on any more is forgotten: no more pings to it', async (t) => {
  const c = new Cluster([counterMachine]);
  t.teardown(() => c.stopAll());
  for (const id of ['a', 'b', 'c', 'd']) await c.add(id);
  // Every ping a sends to d, answered or not.
  let pingsToD = 0;
  const wireA = c.nodes.get('a')!.wire;
  const request = wireA.request.bind(wireA);
  wireA.request = (to, method, body, timeoutMs) => {
    if (to === 'd' && method === RPC.ping) pingsToD++;
    return request(to, method, body, timeoutMs);
  };
  for (const id of ['a', 'b', 'c']) await c.host(id).createGroup('g1', 'counter', { members: ['a', 'b', 'c'] });
  for (const id of ['a', 'b', 'd']) await c.host(id).createGroup('g2', 'counter', { members: ['a', 'b', 'd'] });
  await c.until(() => c.host('a').peerLogFormats()['d'] === LOG_FORMAT, 3000, 'a tracks d');
  // d goes away and the only group a shares with it is deleted.
  await c.crash('d');
  for (const id of ['a', 'b']) await c.host(id).deleteGroup('g2');
  await c.until(() => pingsToD > 0, 3000, 'a pings the silent d');
  await c.until(() => !('d' in c.host('a').peerLogFormats()), 3000, 'a forgets d');
  t.deepEqual(Object.keys(c.host('a').peerLogFormats()).sort(), ['b', 'c']);
  const before = pingsToD;
  await sleep(500); // 50 ticks: pings to a silent node go every few ticks
  t.is(pingsToD, before, 'no ping to a forgotten node');
  t.is(await (await c.leader('g1')).host.command('g1', { op: 'inc' }), 1);
});

test('many idle groups cost no per-group messages', async (t) => {
  const c = new Cluster([counterMachine]);
  for (const id of ['a', 'b', 'c']) await c.add(id);
  t.teardown(() => c.stopAll());
  for (let g = 0; g < 50; g++) for (const n of c.nodes.values()) await n.host.createGroup(`g${g}`, 'counter', { members: ['a', 'b', 'c'] });
  await c.until(() => [...c.nodes.values()].every((n) => n.host.groups().every((g) => n.host.status(g).quiescent)), 20000, 'all quiescent');
  c.net.record = true;
  const ticks = c.host('a').ticks;
  await c.until(() => c.host('a').ticks >= ticks + 20, 3000, '20 ticks');
  t.is(c.net.sentTypes.length, 0);
  await sleep(1);
});

test('quiescence: a leader cut off without any peer-down event is still replaced (node pings time out)', async (t) => {
  const c = await group(t);
  const leader = await c.leader('g');
  await leader.host.command('g', { op: 'inc' });
  await c.until(() => [...c.nodes.values()].every((n) => n.host.status('g').quiescent), 8000, 'all members quiescent');
  for (const n of c.nodes.keys()) if (n !== leader.id) c.net.partition(leader.id, n);
  const others = [...c.nodes.values()].filter((n) => n !== leader);
  await c.until(() => others.some((n) => n.host.status('g').role === 'leader'), 8000, 'new leader among the others');
  const next = others.find((n) => n.host.status('g').role === 'leader')!;
  t.is(await next.host.command('g', { op: 'inc' }), 2);
  // The old leader, once it hears again, follows the new term.
  c.net.heal();
  await c.until(() => leader.host.status('g').role === 'follower' && leader.host.status('g').leaderNode !== '', 8000, 'old leader follows');
  t.is(leader.host.status('g').leaderNode, next.id);
});

test('a storage write failure crash-stops the host and fails waiting callers', async (t) => {
  const net = new MemNet();
  const storage = MemoryStorage.open();
  let broken = false;
  const failing = withWrite(storage, (batch, original) =>
    broken ? Promise.reject(Object.assign(new Error('disk on fire'), { code: 'ERR_STORAGE_FAILED' })) : original(batch),
  );
  const host = new Host({ nodeId: 'solo', storage: failing, transport: net.wire('solo'), tickMs: 10, machines: [counterMachine] });
  await host.start();
  t.teardown(() => host.stop());
  await host.createGroup('g', 'counter', { members: ['solo'] });
  await untilLeader(host, 'g');
  t.is(await host.command('g', { op: 'inc' }), 1);
  broken = true;
  const err = await t.throwsAsync(host.command('g', { op: 'inc' }));
  t.is(err?.message, 'disk on fire');
  t.is(host.failure?.message, 'disk on fire');
  await t.throwsAsync(host.command('g', { op: 'inc' }), { instanceOf: StoppedError });
});

test('malformed envelopes and RPC bodies from a peer are dropped, the host keeps serving', async (t) => {
  const c = await group(t);
  const leader = await c.leader('g');
  const bad = c.net.wire('mallory');
  // Garbage shaped like envelopes: unknown group, wrong member, missing fields, a chunk without data.
  const member = leader.host.status('g').member;
  bad.send(leader.id, [
    { group: 'nope', message: { type: 'append', term: 1, from: 'x/1', to: 'y/1' } } as never,
    { group: 'g', message: { type: 'snapshotChunk', term: 99, from: 'x/1', to: member, offset: 0 } } as never,
    { group: 'g', message: null } as never,
    null as never,
  ]);
  const answer = await bad.request(leader.id, 'raftfleet.replica.command', new Uint8Array([1, 2, 3]), 1000);
  t.true(answer.length > 0);
  await sleep(50);
  t.is(await leader.host.command('g', { op: 'inc' }), 1);
  t.is(leader.host.failure, undefined);
  // A half-sent snapshot stream does not pin the group awake forever.
  const follower = [...c.nodes.values()].find((n) => n !== leader)!;
  bad.send(follower.id, [
    { group: 'g', message: { type: 'snapshotChunk', term: 0, from: 'x/1', to: follower.host.status('g').member, offset: 0, last: false, data: new Uint8Array(4), meta: { index: 5, term: 1, conf: { voters: [], learners: [] } } } },
  ]);
  await c.until(() => [...c.nodes.values()].every((n) => n.host.status('g').quiescent), 8000, 'quiescent again');
});

test('group commit: concurrent commands of many groups share storage batches', async (t) => {
  const net = new MemNet();
  const storage = MemoryStorage.open();
  const batches: number[] = [];
  const counting = withWrite(storage, (batch, original) => {
    batches.push(batch.writes.length);
    return original(batch);
  });
  const host = new Host({ nodeId: 'a', storage: counting, transport: net.wire('a'), tickMs: 10, machines: [counterMachine], seed: 9 });
  t.teardown(() => host.stop());
  await host.start();
  const G = 20;
  for (let g = 0; g < G; g++) await host.createGroup(`g${g}`, 'counter', { members: ['a'] });
  for (let g = 0; g < G; g++) await untilLeader(host, `g${g}`);
  await Promise.all(Array.from({ length: G }, (_, g) => host.command(`g${g}`, { op: 'inc' })));
  batches.length = 0;
  const results = await Promise.all(Array.from({ length: G }, (_, g) => host.command(`g${g}`, { op: 'inc', by: g })));
  t.deepEqual(results, Array.from({ length: G }, (_, g) => 1 + g));
  t.true(batches.length < G, `${G} commands in ${batches.length} storage batches`);
  t.true(Math.max(...batches) > 1, 'one batch carries several groups');
});

test('a hard state that only moves the commit index is kept back, also from the writes of later entries: written a few ticks later, or at stop', async (t) => {
  const net = new MemNet();
  const storage = MemoryStorage.open();
  const batches: Array<{ durable: boolean; commitOnly: boolean }> = [];
  const recording = withWrite(storage, (batch, original) => {
    const commitOnly = batch.writes.every((w) => w.hardState !== undefined && w.entries === undefined && w.confState === undefined && w.meta === undefined);
    batches.push({ durable: batch.durable !== false, commitOnly });
    return original(batch);
  });
  // Ticks of an hour: within the test only a durable write or stop() can write a kept-back commit index.
  const host = new Host({ nodeId: 'solo', storage: recording, transport: net.wire('solo'), tickMs: 3_600_000, machines: [counterMachine] });
  await host.start();
  let stopped = false;
  t.teardown(() => (stopped ? undefined : host.stop()));
  await host.createGroup('g', 'counter', { members: ['solo'] });
  host.campaign('g');
  await untilLeader(host, 'g');
  t.is(await host.command('g', { op: 'inc' }), 1);
  const first = host.status('g').applied;
  // Applied, yet the commit index that made it applicable is still only in memory.
  t.true(storage.hardState('g').commit < first, `stored commit ${storage.hardState('g').commit}, applied ${first}`);
  t.false(batches.some((b) => b.commitOnly), 'no batch was written for a commit index alone');
  // The next command's durable write of its entry does not carry it either.
  const stored = storage.hardState('g').commit;
  t.is(await host.command('g', { op: 'inc' }), 2);
  t.true(batches.some((b) => b.durable), 'the entry was written');
  t.is(storage.hardState('g').commit, stored);
  t.false(batches.some((b) => b.commitOnly));
  // Stopping writes what is still kept back.
  const applied = host.status('g').applied;
  await host.stop();
  stopped = true;
  t.is(storage.hardState('g').commit, applied);
});

test('a kept-back commit index is written after a few ticks when nothing else is written, and a crash before that loses nothing', async (t) => {
  const c = new Cluster([counterMachine]);
  for (const id of ['a', 'b', 'c']) await c.add(id);
  t.teardown(() => c.stopAll());
  for (const n of c.nodes.values()) await n.host.createGroup('g', 'counter', { members: ['a', 'b', 'c'] });
  const leader = await c.leader('g');
  for (let i = 0; i < 5; i++) await leader.host.command('g', { op: 'inc' });
  // Ticks are 10 ms: every member's stored commit catches up with what it applied without more writes.
  await c.until(() => [...c.nodes.values()].every((n) => n.storage.hardState('g').commit === n.host.status('g').applied && n.host.status('g').applied > 0), 5000, 'stored commit indexes');
  // A member that crashes with its commit index kept back restarts from its log and catches up.
  await leader.host.command('g', { op: 'inc' });
  const follower = [...c.nodes.values()].find((n) => n !== leader)!;
  const disk = await c.crash(follower.id);
  const back = await c.restart(follower.id, disk);
  await leader.host.command('g', { op: 'inc' });
  await c.until(() => back.host.status('g').applied === leader.host.status('g').applied, 5000, 'restarted member caught up');
  t.is(await back.host.query('g', 'get', { consistency: 'stale' }), 7);
});

test('a member applying a long backlog after a restart still answers requests between passes', async (t) => {
  const net = new MemNet();
  const disk = new MemoryDisk();
  let busyMs = 0;
  let applied = 0;
  const slow: StateMachine<number, { op: 'inc' }, number, 'get', number> = {
    name: 'slow',
    init: () => 0,
    command(state) {
      const end = performance.now() + busyMs;
      while (performance.now() < end) {
        // a state machine that takes its time over every command
      }
      applied++;
      return { result: state + 1, state: state + 1 };
    },
    query: (state) => state,
  };
  // One committed entry per Ready: the backlog is applied over many passes, none of which writes.
  const options = { nodeId: 'solo', tickMs: 10, machines: [slow], raft: { maxCommittedSizePerReady: 1 }, snapshotEntries: 100_000 };
  const firstStorage = MemoryStorage.open(disk);
  const first = new Host({ ...options, transport: net.wire('solo'), storage: firstStorage });
  await first.start();
  await first.createGroup('g', 'slow', { members: ['solo'] });
  first.campaign('g');
  await untilLeader(first, 'g');
  const N = 150;
  for (let i = 0; i < N; i++) await first.command('g', { op: 'inc' });
  await first.stop();
  await firstStorage.close();

  busyMs = 2;
  applied = 0;
  const second = new Host({ ...options, transport: net.wire('solo'), storage: MemoryStorage.open(disk) });
  t.teardown(() => second.stop());
  await second.start();
  for (let i = 0; i < 500 && applied === 0; i++) await sleep(1);
  t.true(applied > 0 && applied < N, `${applied} of ${N} entries applied when the test got the event loop back`);
  const answeredAfter = await net
    .wire('peer')
    .request('solo', RPC.ping, new Uint8Array(0), 5000)
    .then(() => applied);
  t.true(answeredAfter < N, `the ping was answered only after ${answeredAfter} of ${N} entries were applied`);
  for (let i = 0; i < 500 && applied < N; i++) await sleep(10);
  t.is(await second.query('g', 'get', { consistency: 'stale' }), N);
});

test('a user codec (not msgpack, not JSON) carries commands, results and retained results through snapshots', async (t) => {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  // A deliberately narrow codec: numbers and strings only, like a generated protobuf codec would be.
  const textCodec: Codec<number | string> = {
    name: 'text',
    encode: (v) => {
      if (typeof v === 'number') return enc.encode(`n${v}`);
      if (typeof v === 'string') return enc.encode(`s${v}`);
      throw new TypeError('text codec: numbers and strings only');
    },
    decode: (b) => {
      const s = dec.decode(b);
      return s[0] === 'n' ? Number(s.slice(1)) : s.slice(1);
    },
  };
  const adder: StateMachine<number, string, number, string, number> = {
    name: 'adder',
    codec: textCodec as Codec<any>,
    init: () => 0,
    command: (state, cmd) => ({ result: state + Number(cmd), state: state + Number(cmd) }),
    query: (state) => state,
  };
  const c = new Cluster([adder], { snapshotEntries: 5 });
  for (const id of ['a', 'b', 'c']) await c.add(id);
  t.teardown(() => c.stopAll());
  for (const n of c.nodes.values()) await n.host.createGroup('s', 'adder', { members: ['a', 'b', 'c'] });
  const leader = await c.leader('s');
  const lagging = [...c.nodes.values()].find((n) => n !== leader)!;
  for (const n of c.nodes.keys()) if (n !== lagging.id) c.net.partition(lagging.id, n);
  for (let i = 1; i <= 12; i++) await leader.host.command('s', String(i), { clientId: 'u', seq: i });
  c.net.heal();
  const applied = leader.host.status('s').applied;
  await c.until(() => lagging.host.status('s').applied >= applied, 5000, 'caught up');
  t.true(lagging.host.status('s').snapshot.index > 0);
  await leader.host.transferLeader('s', lagging.host.status('s').member);
  await c.leader('s');
  t.is(await lagging.host.command('s', '12', { clientId: 'u', seq: 12 }), 78);
  t.is(await lagging.host.remoteQuery(lagging.id, 's', 'sum'), 78);
  t.is(await lagging.host.query('s', 'sum'), 78);
});

test('a host that is still restoring its groups does not report a stored group as missing', async (t) => {
  const { internalCodec } = await import('../src/codec.js');
  const net = new MemNet();
  const disk = new MemoryDisk();
  const firstStorage = MemoryStorage.open(disk);
  const first = new Host({ nodeId: 'a', storage: firstStorage, transport: net.wire('a'), tickMs: 10, machines: [counterMachine], snapshotEntries: 1 });
  await first.start();
  await first.createGroup('g', 'counter', { members: ['a'] });
  await untilLeader(first, 'g');
  await first.command('g', { op: 'inc' });
  const member = first.status('g').member;
  await first.stop();
  await firstStorage.close();

  // The restart reads g's snapshot slowly: the restore waits for the gate.
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const storage = MemoryStorage.open(disk);
  const slow = overriding(storage, {
    readSnapshot: (group: string) => {
      const reader = storage.readSnapshot(group);
      if (reader === undefined) return undefined;
      return { meta: reader.meta, size: reader.size, chunks: async function* () { await gate; yield* reader.chunks(); } };
    },
  });
  const host = new Host({ nodeId: 'a', storage: slow, transport: net.wire('a'), tickMs: 10, machines: [counterMachine] });
  t.teardown(() => host.stop());
  const starting = host.start();
  const asker = net.wire('b');
  const ask = async (): Promise<{ ok: boolean; m?: string; e?: { code: string } }> =>
    internalCodec.decode(await asker.request('a', RPC.memberOf, internalCodec.encode({ g: 'g' }), 1000)) as { ok: boolean; m?: string; e?: { code: string } };
  const during = await ask();
  t.false(during.ok);
  t.is(during.e?.code, 'ERR_REPLICA_STOPPED', 'not yet serving, rather than "no member of g here"');
  open();
  await starting;
  t.deepEqual(await ask(), { ok: true, m: member });
  t.is(await host.query('g', 'get', { consistency: 'stale' }), 1);
});
