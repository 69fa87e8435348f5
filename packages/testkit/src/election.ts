// The Raft paper's leader-election experiment (Figure 16): crash the leader of a five-member
// group again and again and measure, in virtual milliseconds, how long the group goes without one.
import { MemoryLog, RawNode } from '@raftfleet/core';
import type { MemberId, Message } from '@raftfleet/protocol';
import { VirtualNetwork } from './network.js';
import { Prng, deriveSeed } from './rng.js';

/** Parameters of {@link runElectionExperiment}; one tick stands for one millisecond. */
export interface ElectionExperimentOptions {
  /** Seed of the whole experiment. */
  seed: number;
  /** Members in the group. Default 5. */
  members?: number;
  /** Base election timeout in ticks (ms). */
  electionTick: number;
  /** Random part of the election timeout: timeouts fall in [electionTick, electionTick + electionJitterTick). */
  electionJitterTick: number;
  /** Leader heartbeat interval in ticks. Default 15. */
  heartbeatTick?: number;
  /** Network delay range in ticks. Default 1..5. */
  minDelay?: number;
  /** Upper end of the network delay. Default 5. */
  maxDelay?: number;
  /** Leader crashes to measure. Default 1000. */
  trials?: number;
  /** Pre-vote before elections (the core's default is on; the paper's Raft has none). Default true. */
  preVote?: boolean;
  /** Give up on one trial after this many ticks without a leader. Default 60,000. */
  maxTicksPerTrial?: number;
}

/** Distribution of the time without a leader, in ticks (ms). */
export interface ElectionDistribution {
  /** Number of trials. */
  trials: number;
  /** Trials that hit maxTicksPerTrial without electing anyone. */
  timedOut: number;
  /** Fastest election. */
  min: number;
  /** Median. */
  p50: number;
  /** 90th percentile. */
  p90: number;
  /** 99th percentile. */
  p99: number;
  /** Slowest election. */
  max: number;
  /** Mean. */
  mean: number;
  /** Share of trials in which more than one member stood as candidate (split votes, repeated elections). */
  splitShare: number;
  /** Sorted samples, for plotting a CDF like the paper's. */
  samples: number[];
}

interface Node {
  id: MemberId;
  raft: RawNode | undefined;
  log: MemoryLog;
  incarnation: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/**
 * Runs the experiment: wait for a leader that all members follow, let a random part of a
 * heartbeat interval pass, crash the leader, count ticks until another member becomes leader,
 * restart the crashed member, repeat. Persistence is synchronous and complete (nothing is lost).
 */
export function runElectionExperiment(opts: ElectionExperimentOptions): ElectionDistribution {
  const n = opts.members ?? 5;
  const heartbeatTick = opts.heartbeatTick ?? 15;
  const trials = opts.trials ?? 1000;
  const maxTicks = opts.maxTicksPerTrial ?? 60_000;
  const rng = new Prng(deriveSeed(opts.seed, 'election-experiment'));
  const net = new VirtualNetwork(new Prng(deriveSeed(opts.seed, 'network')), {
    dropRate: 0,
    duplicateRate: 0,
    minDelay: opts.minDelay ?? 1,
    maxDelay: opts.maxDelay ?? 5,
    reorderRate: 0,
    reorderDelay: 0,
  });
  const ids = Array.from({ length: n }, (_, i) => `n${i + 1}`);
  const nodes = new Map<MemberId, Node>();
  const start = (node: Node): void => {
    node.incarnation++;
    node.raft = new RawNode({
      id: node.id,
      log: node.log,
      rng: new Prng(deriveSeed(opts.seed, `${node.id}:${node.incarnation}`)).asRng(),
      electionTick: opts.electionTick,
      electionJitterTick: opts.electionJitterTick,
      heartbeatTick,
      preVote: opts.preVote ?? true,
      checkQuorum: true,
    });
  };
  for (const id of ids) {
    const node: Node = { id, raft: undefined, log: MemoryLog.withVoters(ids), incarnation: 0 };
    nodes.set(id, node);
    start(node);
  }
  let now = 0;
  let elections = 0;
  const leaders = new Map<MemberId, number>();
  const step = (): void => {
    now++;
    for (const m of net.deliverDue(now)) nodes.get(m.to)?.raft?.step(m);
    for (const node of nodes.values()) node.raft?.tick();
    for (const node of nodes.values()) {
      const raft = node.raft;
      if (raft === undefined) continue;
      while (raft.hasReady()) {
        const rd = raft.ready();
        if (rd.snapshot !== undefined) node.log.applySnapshot(rd.snapshot);
        if (rd.entries.length > 0) node.log.append(rd.entries);
        if (rd.hardState !== undefined) node.log.setHardState(rd.hardState);
        if (rd.confState !== undefined) node.log.setConf(rd.confState);
        if (rd.softState !== undefined) {
          if (rd.softState.role === 'leader') leaders.set(node.id, raft.status().term);
          else leaders.delete(node.id);
          if (rd.softState.role === 'candidate') elections++;
        }
        for (const m of rd.messages as Message[]) net.send(m, now);
        raft.advance();
      }
    }
  };
  const stableLeader = (): MemberId | undefined => {
    for (const [id] of leaders) {
      const term = nodes.get(id)!.raft!.status().term;
      let followers = 0;
      for (const node of nodes.values()) {
        const s = node.raft?.status();
        if (s !== undefined && s.term === term && s.leader === id) followers++;
      }
      if (followers === nodes.size) return id;
    }
    return undefined;
  };

  const samples: number[] = [];
  let timedOut = 0;
  let split = 0;
  for (let trial = 0; trial < trials; trial++) {
    // Wait for a leader everyone follows, then a random phase within a heartbeat interval.
    let leader = stableLeader();
    for (let guard = 0; leader === undefined && guard < maxTicks; guard++) {
      step();
      leader = stableLeader();
    }
    if (leader === undefined) {
      timedOut++;
      continue;
    }
    const phase = rng.int(0, heartbeatTick - 1);
    for (let i = 0; i < phase; i++) step();
    const victim = [...leaders.keys()][0] ?? leader;
    nodes.get(victim)!.raft = undefined;
    leaders.delete(victim);
    const crashedAt = now;
    const electionsBefore = elections;
    while (leaders.size === 0 && now - crashedAt < maxTicks) step();
    if (leaders.size === 0) timedOut++;
    else {
      samples.push(now - crashedAt);
      if (elections - electionsBefore > 1) split++;
    }
    start(nodes.get(victim)!);
  }
  samples.sort((a, b) => a - b);
  const mean = samples.length === 0 ? Number.NaN : samples.reduce((a, b) => a + b, 0) / samples.length;
  return {
    trials,
    timedOut,
    min: samples[0] ?? Number.NaN,
    p50: percentile(samples, 50),
    p90: percentile(samples, 90),
    p99: percentile(samples, 99),
    max: samples[samples.length - 1] ?? Number.NaN,
    mean,
    splitShare: samples.length === 0 ? 0 : split / samples.length,
    samples,
  };
}
