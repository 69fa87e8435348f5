// Randomized schedules (seeded) over a five-member pool: message loss, duplication and reordering,
// partitions, restarts, compaction, membership changes, transfers and reads; safety checked after
// every step. A failure prints its seed and the last events.
import test from 'ava';
import type { Entry, Message } from '@raftfleet/protocol';
import { Cluster, enc, seededRng } from './harness.js';
import { MemoryLog, ProposalDroppedError, ConfChangeInProgressError, ConfChangeRejectedError, describeMessage } from '../src/index.js';

const POOL = ['1', '2', '3', '4', '5', '6', '7'];
// RAFT_VOTERS=5 sweeps five founding voters (default three).
const INITIAL = POOL.slice(0, Number(process.env['RAFT_VOTERS'] ?? 3));

interface Outcome {
  commits: number;
  reads: number;
  leaders: number;
}

function runSchedule(seed: number, steps: number): Outcome {
  const rnd = seededRng(seed * 7919 + 17);
  const pick = <T>(xs: readonly T[]): T => xs[rnd() % xs.length] as T;
  const chance = (p: number): boolean => rnd() / 0x1_0000_0000 < p;
  const c = new Cluster(INITIAL, { seed, config: { electionTick: 8, maxSizePerMsg: 64, maxInflightMsgs: 4 } });
  const events: string[] = [];
  const committed = new Map<number, string>();
  const leaderOfTerm = new Map<number, string>();
  const readFloor = new Map<string, number>();
  let payload = 0;
  let reads = 0;
  let readSeq = 0;

  const fail = (why: string): never => {
    const statuses = [...c.members.values()].map((m) => {
      const s = m.node.status();
      return `${s.id} ${s.role} term=${s.term} lead=${s.leader} commit=${s.commit} applied=${s.applied} last=${s.lastIndex} voters=${s.conf.voters.join(',')} learners=${s.conf.learners.join(',')}`;
    });
    throw new Error(`seed ${seed}: ${why}\n--- last events ---\n${events.slice(-60).join('\n')}\n--- members ---\n${statuses.join('\n')}`);
  };

  const checkReady = (id: string): void => {
    const m = c.get(id);
    for (let rd = c.handleReady(id); rd !== undefined; rd = c.handleReady(id)) {
      for (const msg of rd.messages) events.push(describeMessage(msg));
      for (const e of rd.committedEntries) record(id, e);
      for (const r of rd.readStates) {
        reads++;
        const floor = readFloor.get(r.context);
        if (floor !== undefined && r.index < floor) fail(`stale read ${r.context} at ${r.index} < ${floor} on ${id}`);
      }
      void m;
    }
  };
  const record = (id: string, e: Entry): void => {
    const v = `${e.term}:${e.type}:${Buffer.from(e.data).toString('hex')}`;
    const prev = committed.get(e.index);
    if (prev !== undefined && prev !== v) fail(`${id} applied ${v} at ${e.index}, another member applied ${prev}`);
    committed.set(e.index, v);
  };
  const processAll = (): void => {
    for (const id of [...c.members.keys()]) checkReady(id);
  };
  const checkLeaders = (): void => {
    for (const [id, m] of c.members) {
      const s = m.node.status();
      if (s.role !== 'leader') continue;
      const other = leaderOfTerm.get(s.term);
      if (other !== undefined && other !== id) fail(`two leaders in term ${s.term}: ${other} and ${id}`);
      leaderOfTerm.set(s.term, id);
    }
  };
  const deliver = (): void => {
    const q = c.queue;
    c.queue = [];
    // reorder a little: swap random neighbours
    for (let i = 0; i + 1 < q.length; i++) if (chance(0.2)) [q[i], q[i + 1]] = [q[i + 1] as Message, q[i] as Message];
    for (const msg of q) {
      const lost = c.dropped(msg) || chance(0.08);
      // Like a runtime: the sender learns whether a snapshot stream made it.
      if (msg.type === 'snapshot' && c.members.has(msg.from)) c.node(msg.from).reportSnapshot(msg.to, !lost);
      if (lost) continue;
      c.node(msg.to).step(msg);
      if (chance(0.03)) c.node(msg.to).step(msg); // duplicate
      checkLeaders();
    }
  };
  const maxCommit = (): number => Math.max(...[...c.members.values()].map((m) => m.node.status().commit));

  for (let step = 0; step < steps; step++) {
    const roll = rnd() % 100;
    const ids = [...c.members.keys()];
    const leaders = c.leaders();
    const leader = leaders.length > 0 ? c.leader() : undefined;
    if (roll < 35) {
      for (const id of ids) c.node(id).tick();
      events.push('tick');
    } else if (roll < 55) {
      if (leader !== undefined) {
        try {
          const n = 1 + (rnd() % 3);
          c.node(leader).propose(Array.from({ length: n }, () => enc(`p${payload++}`)));
        } catch (err) {
          if (!(err instanceof ProposalDroppedError)) throw err;
        }
      }
    } else if (roll < 62) {
      const id = pick(ids);
      const ctx = `r${readSeq++}`;
      readFloor.set(ctx, maxCommit());
      try {
        c.node(id).readIndex(ctx);
      } catch (err) {
        if (!(err instanceof ProposalDroppedError)) throw err;
      }
    } else if (roll < 68) {
      c.heal();
      if (chance(0.6)) {
        const a = pick(ids);
        c.isolate(a);
        events.push(`isolate ${a}`);
      } else events.push('heal');
    } else if (roll < 71) {
      const id = pick(ids);
      const n = c.node(id);
      if (chance(0.5) && n.hasReady()) {
        n.ready(); // crash after ready(), before anything was persisted or sent
        events.push(`crash ${id} before persisting`);
      } else events.push(`restart ${id}`);
      c.restart(id);
    } else if (roll < 75) {
      const id = pick(ids);
      const m = c.get(id);
      const s = m.node.status();
      if (s.applied > m.log.snapshot().meta.index) {
        m.log.createSnapshot(s.applied, s.conf, enc(`snap${s.applied}`));
        m.log.compact(s.applied);
        events.push(`compact ${id} to ${s.applied}`);
      }
    } else if (roll < 80) {
      if (leader !== undefined) {
        const conf = c.node(leader).status().confInEffect ?? c.node(leader).status().conf;
        const member = pick(POOL);
        const type = conf.learners.includes(member) ? 'promote' : conf.voters.includes(member) ? 'remove' : 'addLearner';
        if (type === 'addLearner' && !c.members.has(member)) c.addMember(member, MemoryLog.withVoters(chance(0.5) ? INITIAL : []));
        try {
          c.node(leader).proposeConfChange({ type, member, context: new Uint8Array() });
          events.push(`conf ${type} ${member}`);
        } catch (err) {
          if (!(err instanceof ProposalDroppedError || err instanceof ConfChangeInProgressError || err instanceof ConfChangeRejectedError)) throw err;
        }
      }
    } else if (roll < 83) {
      if (leader !== undefined) c.node(leader).transferLeadership(pick(ids));
    } else {
      deliver();
    }
    processAll();
    checkLeaders();
  }
  // Heal and settle: the group must converge.
  c.heal();
  for (let i = 0; i < 200; i++) {
    for (const id of c.members.keys()) c.node(id).tick();
    for (let r = 0; r < 5; r++) {
      processAll();
      const q = c.queue;
      c.queue = [];
      for (const msg of q) {
        const lost = c.dropped(msg);
        if (msg.type === 'snapshot' && c.members.has(msg.from)) c.node(msg.from).reportSnapshot(msg.to, !lost);
        if (!lost) c.node(msg.to).step(msg);
      }
      checkLeaders();
    }
    processAll();
  }
  const l = c.leaders();
  if (l.length === 0) fail('no leader after healing');
  // Leader completeness: every entry ever applied anywhere is in the final leader's log.
  const leaderLog = c.get(c.leader()).log;
  for (const [index, v] of committed) {
    if (index < leaderLog.firstIndex()) continue;
    const e = leaderLog.entries(index, index + 1, Number.MAX_SAFE_INTEGER)[0];
    const got = e === undefined ? 'missing' : `${e.term}:${e.type}:${Buffer.from(e.data).toString('hex')}`;
    if (got !== v) fail(`leader ${c.leader()} has ${got} at ${index}, applied was ${v}`);
  }
  // Log matching: where two logs hold an entry of the same term at an index, they agree up to it.
  const logs = [...c.members.values()].map((m) => m.log);
  for (let i = 0; i < logs.length; i++) {
    for (let j = i + 1; j < logs.length; j++) {
      const a = logs[i]!;
      const b = logs[j]!;
      const lo = Math.max(a.firstIndex(), b.firstIndex());
      const hi = Math.min(a.lastIndex(), b.lastIndex());
      let matched = false;
      for (let k = hi; k >= lo; k--) {
        const same = a.term(k) === b.term(k);
        if (same) {
          matched = true;
          const ea = a.entries(k, k + 1, Number.MAX_SAFE_INTEGER)[0]!;
          const eb = b.entries(k, k + 1, Number.MAX_SAFE_INTEGER)[0]!;
          if (Buffer.compare(Buffer.from(ea.data), Buffer.from(eb.data)) !== 0) fail(`log matching: same term, different entries at ${k}`);
        } else if (matched) fail(`log matching: logs agree on a later index but differ at ${k}`);
      }
    }
  }
  const lconf = c.node(c.leader()).status().confInEffect;
  if (lconf === undefined) fail('no confInEffect');
  for (const id of [...lconf!.voters, ...lconf!.learners]) {
    const conf = c.node(id).status().confInEffect;
    if (JSON.stringify(conf) !== JSON.stringify(lconf)) fail(`${id} has membership ${JSON.stringify(conf)}, the leader ${JSON.stringify(lconf)}`);
  }
  return { commits: committed.size, reads, leaders: leaderOfTerm.size };
}

test('random schedules keep Raft safety (one leader per term, one entry per index, log matching, leader completeness, no stale reads)', (t) => {
  const base = Number(process.env['RAFT_SEED'] ?? 1);
  const count = Number(process.env['RAFT_SCHEDULES'] ?? 40);
  let commits = 0;
  let reads = 0;
  for (let seed = base; seed < base + count; seed++) {
    const o = runSchedule(seed, Number(process.env['RAFT_STEPS'] ?? 400));
    commits += o.commits;
    reads += o.reads;
  }
  t.true(commits > count * 10, `progress was made (${commits} entries committed)`);
  t.true(reads > 0, `reads were served (${reads})`);
  t.log(`${count} schedules from seed ${base}: ${commits} entries committed, ${reads} reads`);
});
