// The fleet scenario: many groups over the same three `raftfleet node` processes, driven through
// the client SDK (which batches the requests it sends to one node while others are out): creation
// time, then aggregate commands/s with the load spread over every group.
import { closedLoop, processCpuMs, sleep, type LoadResult } from './load.js';
import { RaftfleetCluster } from './raftfleet.js';

/** What the fleet scenario measured. */
export interface FleetResult {
  groups: number;
  inFlight: number;
  createSeconds: number;
  /** Seconds from the last addGroup until every group had a leader and three members. */
  settleSeconds: number;
  commands: LoadResult;
}

/** Names of the scenario's groups. */
function groupNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `fleet-${i}`);
}

/** Creates `names` with `concurrency` addGroup calls at a time; returns the seconds it took. */
async function createGroups(cluster: RaftfleetCluster, names: string[], concurrency: number): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < names.length) {
        const name = names[next++]!;
        await cluster.client.addGroup(name, { machine: 'counter', replicas: 3, timeoutMs: 60_000 });
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

/** Waits until every group has a leader and three voting members; returns the seconds it took. */
async function settle(cluster: RaftfleetCluster, count: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const status = await cluster.client.status({ timeoutMs: 30_000 }).catch(() => undefined);
    const ready = status?.groups.filter((g) => g.name.startsWith('fleet-') && g.leader !== undefined && g.members.length === 3).length ?? 0;
    if (ready === count && status?.leaderless.length === 0) return (performance.now() - started) / 1000;
    if (performance.now() - started > 180_000) throw new Error(`only ${ready} of ${count} groups have a leader and 3 members after 180 s`);
    await sleep(500);
  }
}

/**
 * Three node processes, `groups` counter groups of three replicas, then `inFlight` closed-loop
 * writers through one client: writer k increments groups k, k + inFlight, k + 2·inFlight, … in turn,
 * so the load covers every group evenly.
 */
export async function benchFleet(options: { groups: number; inFlight: number; seconds: number; createConcurrency?: number }): Promise<FleetResult> {
  const cluster = new RaftfleetCluster();
  try {
    await cluster.startAll([]);
    const names = groupNames(options.groups);
    const createSeconds = await createGroups(cluster, names, options.createConcurrency ?? 64);
    const settleSeconds = await settle(cluster, options.groups);
    // Learn every leader once, as a long-lived client would have.
    await cluster.client.groups();
    const commands = await closedLoop(
      (worker, seq) => cluster.client.command(names[(worker + seq * options.inFlight) % names.length]!, { op: 'inc' }),
      options.inFlight,
      options.seconds,
      2,
      () => processCpuMs(cluster.pids()),
    );
    return { groups: options.groups, inFlight: options.inFlight, createSeconds, settleSeconds, commands };
  } finally {
    await cluster.stop();
  }
}
