// Fault schedules: a seeded, timed list of what goes wrong in one simulated run (lossy links,
// partitions, crashes, membership churn, leadership transfers), resolved against live members at run time.
import type { LinkConditions } from './network.js';
import type { Prng } from './rng.js';

/** The kinds of trouble a schedule may contain. */
export const FAULT_KINDS = ['drop', 'delay', 'duplicate', 'reorder', 'partition', 'oneway', 'crash', 'membership', 'transfer', 'snapshot'] as const;

/** One of {@link FAULT_KINDS}: 'snapshot' lowers the compaction threshold so InstallSnapshot happens often. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Thrown for an unknown fault name (from the command line, say). */
export class FaultKindError extends Error {
  /** Machine-readable error code. */
  readonly code = 'FAULT_KIND_UNKNOWN';
  /** The name that was not recognised. */
  readonly kind: string;

  /** Creates the error for `kind`. */
  constructor(kind: string) {
    super(`unknown fault kind '${kind}' (known: ${FAULT_KINDS.join(', ')})`);
    this.name = 'FaultKindError';
    this.kind = kind;
  }
}

/** Parses a comma-separated list of fault kinds ('all' for every kind); throws {@link FaultKindError}. */
export function parseFaultKinds(list: string): FaultKind[] {
  const out = new Set<FaultKind>();
  for (const raw of list.split(',')) {
    const k = raw.trim();
    if (k === '') continue;
    if (k === 'all') {
      for (const f of FAULT_KINDS) out.add(f);
      continue;
    }
    if (!(FAULT_KINDS as readonly string[]).includes(k)) throw new FaultKindError(k);
    out.add(k as FaultKind);
  }
  return [...out];
}

/** One timed intent. Targets (which member crashes, how the partition splits) are drawn when it fires. */
export type FaultEvent =
  | {
      /** Tick at which the event fires. */
      tick: number;
      /** Discriminant: new link conditions from now on. */
      kind: 'link';
      /** The conditions. */
      link: LinkConditions;
    }
  | {
      /** Tick at which the event fires. */
      tick: number;
      /** Discriminant: cut the network (symmetric split, one-way links, or the leader alone). */
      kind: 'partition';
      /** How to cut. */
      mode: 'split' | 'oneWay' | 'isolateLeader';
    }
  | {
      /** Tick at which the event fires. */
      tick: number;
      /** Discriminant: remove every partition. */
      kind: 'heal';
    }
  | {
      /** Tick at which the event fires. */
      tick: number;
      /** Discriminant: crash a running member (the leader, when `leader` is set), restarting it after `downFor` ticks. */
      kind: 'crash';
      /** Prefer the current leader. */
      leader: boolean;
      /** Ticks until restart. */
      downFor: number;
    }
  | {
      /** Tick at which the event fires. */
      tick: number;
      /** Discriminant: one membership step (add a learner, promote it, or remove a voter). */
      kind: 'membership';
    }
  | {
      /** Tick at which the event fires. */
      tick: number;
      /** Discriminant: ask the leader to hand leadership to another voter. */
      kind: 'transfer';
    };

/** Parameters of {@link generateFaultSchedule}. */
export interface ScheduleOptions {
  /** Kinds of fault to draw from. */
  kinds: readonly FaultKind[];
  /** Faults happen in [0, duration); afterwards the network is healed by the simulator. */
  duration: number;
  /** The members' election timeout, which scales fault periods and down times. */
  electionTick: number;
  /** Expected crashes per election timeout while faults last. Default 0.25. */
  crashRate?: number;
  /** Longest down time of a crashed member, in ticks. Default 3 × electionTick. */
  maxDown?: number;
}

/** Draws a fault schedule: periods of a few election timeouts, each with its own troubles. */
export function generateFaultSchedule(rng: Prng, opts: ScheduleOptions): FaultEvent[] {
  const has = (k: FaultKind): boolean => opts.kinds.includes(k);
  const et = opts.electionTick;
  const events: FaultEvent[] = [];
  let t = rng.int(0, et);
  while (t < opts.duration) {
    const period = rng.int(et, 4 * et);
    const link: LinkConditions = {
      dropRate: has('drop') && rng.chance(0.6) ? rng.pick([0.02, 0.05, 0.1, 0.2, 0.4]) : 0,
      duplicateRate: has('duplicate') && rng.chance(0.5) ? rng.pick([0.02, 0.05, 0.1]) : 0,
      minDelay: 1,
      maxDelay: has('delay') && rng.chance(0.6) ? rng.int(1, Math.max(2, Math.floor(et / 2))) : 1,
      reorderRate: has('reorder') && rng.chance(0.5) ? rng.pick([0.05, 0.2, 0.5]) : 0,
      reorderDelay: has('reorder') ? Math.max(1, Math.floor(et / 2)) : 0,
    };
    events.push({ tick: t, kind: 'link', link });
    const cuts: ('split' | 'oneWay' | 'isolateLeader')[] = [];
    if (has('partition')) cuts.push('split', 'isolateLeader');
    if (has('oneway')) cuts.push('oneWay');
    if (cuts.length > 0 && rng.chance(0.5)) {
      const at = t + rng.int(0, Math.floor(period / 2));
      events.push({ tick: at, kind: 'partition', mode: rng.pick(cuts) });
      events.push({ tick: at + rng.int(et, 3 * et), kind: 'heal' });
    }
    if (has('crash')) {
      // Poisson-like: each tick of the period crashes someone with probability crashRate / et.
      const p = (opts.crashRate ?? 0.25) / et;
      const maxDown = opts.maxDown ?? 3 * et;
      for (let k = 0; k < period; k++) {
        if (rng.chance(p)) events.push({ tick: t + k, kind: 'crash', leader: rng.chance(0.5), downFor: rng.int(1, maxDown) });
      }
    }
    if (has('membership') && rng.chance(0.5)) events.push({ tick: t + rng.int(0, period - 1), kind: 'membership' });
    if (has('transfer') && rng.chance(0.3)) events.push({ tick: t + rng.int(0, period - 1), kind: 'transfer' });
    t += period;
  }
  return events.filter((e) => e.tick < opts.duration).sort((a, b) => a.tick - b.tick);
}

/** One line describing a fault event, for traces. */
export function describeFault(e: FaultEvent): string {
  switch (e.kind) {
    case 'link': {
      const l = e.link;
      return `link drop=${l.dropRate} dup=${l.duplicateRate} delay=${l.minDelay}..${l.maxDelay} reorder=${l.reorderRate}/${l.reorderDelay}`;
    }
    case 'partition':
      return `partition ${e.mode}`;
    case 'heal':
      return 'heal';
    case 'crash':
      return `crash ${e.leader ? 'leader' : 'random member'} for ${e.downFor} ticks`;
    case 'membership':
      return 'membership step';
    case 'transfer':
      return 'leadership transfer';
    default: {
      const never: never = e;
      return String(never);
    }
  }
}
