// The scripted tour: load through the client SDK, a node killed with SIGKILL, a node added and the
// rebalancing watched, a node deactivated and drained, then every acknowledged write read back.
import type { Demo } from './demo.js';
import { Workload, type Verification } from './workload.js';

/** Reports progress: a fraction in [0, 1] and the step's name. */
export type Progress = (fraction: number, step: string) => void;

/** What the tour measured. */
export interface TourSummary {
  acknowledged: number;
  unknownOutcome: number;
  verification: Verification;
  killed: string;
  failovers: Array<{ group: string; ms: number }>;
  added: string;
  movesDuringRebalance: number;
  rebalanceMs: number | undefined;
  drained: string;
  drainedCleanly: boolean;
  drainMs: number;
  elections: number;
  moves: number;
  seconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(everyMs);
  }
  return false;
}

/** Runs the tour on a started demo. */
export async function runTour(demo: Demo, progress: Progress): Promise<TourSummary> {
  const started = Date.now();
  const { cluster, client, monitor } = demo;
  const step = (fraction: number, name: string) => {
    monitor.step = name;
    monitor.log('tour', name);
    progress(fraction, name);
  };
  const workload = new Workload(client, demo.groups, 24);
  const firstAckAfter = new Map<string, number>();
  let watchFrom = Number.POSITIVE_INFINITY;
  workload.onAck = (group, at) => {
    monitor.acknowledged = workload.acknowledged;
    if (at >= watchFrom && !firstAckAfter.has(group)) firstAckAfter.set(group, at);
  };

  step(0.05, 'load from the client SDK');
  workload.start();
  for (let i = 0; i < 8; i++) {
    await sleep(1000);
    monitor.failed = workload.failed;
    progress(0.05 + (0.2 * (i + 1)) / 8, 'load from the client SDK');
  }

  // Kill the node that leads the most groups: the worst case for failover.
  await monitor.poll();
  const status = monitor.lastStatus();
  const leads = new Map<string, string[]>();
  for (const g of status?.groups ?? []) if (g.leader !== undefined) leads.set(g.leader, [...(leads.get(g.leader) ?? []), g.name]);
  const live = [...cluster.nodes.values()].filter((n) => n.state === 'up').map((n) => n.id);
  const victim = [...live].sort((a, b) => (leads.get(b)?.length ?? 0) - (leads.get(a)?.length ?? 0))[0]!;
  const led = (leads.get(victim) ?? []).filter((g) => demo.groups.some((d) => d.name === g));
  step(0.27, `SIGKILL ${victim} (leader of ${led.length} groups)`);
  watchFrom = Date.now();
  const killedAt = watchFrom;
  cluster.kill(victim);
  const answering = await waitFor(() => led.every((g) => firstAckAfter.has(g)), 20_000);
  const failovers = led.map((g) => ({ group: g, ms: (firstAckAfter.get(g) ?? Number.NaN) - killedAt }));
  progress(0.4, answering ? `the ${led.length} groups ${victim} led answer again` : `some groups ${victim} led still do not answer`);
  // Let the fleet purge the dead node and replace its members (purge after 6 s in the demo).
  await waitFor(async () => {
    await monitor.poll();
    const s = monitor.lastStatus();
    return s !== undefined && !s.nodes.some((n) => n.id === victim) && s.rebalancing === 0;
  }, 15_000, 500);
  progress(0.5, `${victim} purged, members replaced`);

  // Add a node in the zone that lost one, and watch members move onto it.
  const zone = cluster.nodes.get(victim)!.zone;
  const added = 'n6';
  step(0.52, `adding ${added} in ${zone}: rebalancing`);
  const movesBefore = monitor.moves;
  const [fresh] = await cluster.plan([{ id: added, zone }]);
  const addStarted = Date.now();
  await cluster.start([fresh!]);
  let rebalanceMs: number | undefined;
  await waitFor(async () => {
    await monitor.poll();
    const s = monitor.lastStatus();
    const onNew = s?.groups.filter((g) => g.members.includes(added)).length ?? 0;
    progress(0.52 + Math.min(0.18, onNew * 0.03), `adding ${added}: ${onNew} members moved onto it`);
    const settled = s !== undefined && onNew > 0 && s.rebalancing === 0 && s.groups.every((g) => g.learners.length === 0 && g.leader !== undefined);
    if (settled) rebalanceMs = Date.now() - addStarted;
    return settled;
  }, 25_000, 500);
  const movesDuringRebalance = monitor.moves - movesBefore;

  // Deactivate a node: it hands its members off, then stops.
  const drained = [...cluster.nodes.values()].find((n) => n.state === 'up' && n.id !== added && n.id !== victim)!.id;
  step(0.72, `deactivating ${drained}: draining its members`);
  const drainStarted = Date.now();
  const drainedCleanly = await cluster.drain(drained, 45_000);
  const drainMs = Date.now() - drainStarted;
  progress(0.88, `${drained} ${drainedCleanly ? 'drained and stopped' : 'did not drain in time'}`);

  step(0.9, 'verifying every acknowledged write');
  await workload.stop();
  monitor.acknowledged = workload.acknowledged;
  monitor.failed = workload.failed;
  const verification = await workload.verify();
  await monitor.poll();
  step(1, 'done');
  return {
    acknowledged: workload.acknowledged,
    unknownOutcome: workload.failed,
    verification,
    killed: victim,
    failovers,
    added,
    movesDuringRebalance,
    rebalanceMs,
    drained,
    drainedCleanly,
    drainMs,
    elections: monitor.elections,
    moves: monitor.moves,
    seconds: (Date.now() - started) / 1000,
  };
}
