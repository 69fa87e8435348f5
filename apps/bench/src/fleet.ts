// The fleet scenario: many groups over the same three `raftfleet node` processes, driven through
// the client SDK (which batches the requests it sends to one node while others are out): creation
// time, then aggregate commands/s with the load spread over every group.
import { closedLoop, median, processCpuMs, sleep, type LoadResult } from './load.js';
import { RaftfleetCluster } from './raftfleet.js';

/** What the fleet scenario measured. */
export interface FleetResult {
  groups: number;
  inFlight: number;
  createSeconds: number;
  /** Seconds from the last addGroup until every group had a leader and three members. */
  settleSeconds: number;
  /** The median window by commands/s (the one printed and compared). */
  commands: LoadResult;
  /** Every measurement window, in the order they ran on the same cluster. */
  windows: LoadResult[];
  /** Median over the windows of commands/s, of each process's CPU µs per command and of each node's member visits per command. */
  median: { opsPerSec: number; cpuUsPerOp?: number[]; visitsPerOp?: number[] };
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
export async function benchFleet(options: { groups: number; inFlight: number; seconds: number; windows: number; createConcurrency?: number }): Promise<FleetResult> {
  const cluster = new RaftfleetCluster();
  try {
    await cluster.startAll([]);
    const names = groupNames(options.groups);
    const createSeconds = await createGroups(cluster, names, options.createConcurrency ?? 64);
    const settleSeconds = await settle(cluster, options.groups);
    // Learn every leader once, as a long-lived client would have.
    await cluster.client.groups();
    // Several windows on the same cluster: on a shared machine one window can move by 30% from the
    // next, so the median window is what gets reported.
    const windows: LoadResult[] = [];
    for (let w = 0; w < options.windows; w++) {
      windows.push(
        await closedLoop(
          (worker, seq) => cluster.client.command(names[(worker + seq * options.inFlight) % names.length]!, { op: 'inc' }),
          options.inFlight,
          options.seconds,
          w === 0 ? 2 : 1,
          () => processCpuMs(cluster.pids()),
          () => cluster.memberVisits(),
        ),
      );
    }
    const byRate = [...windows].sort((a, b) => a.opsPerSec - b.opsPerSec);
    const commands = byRate[(byRate.length - 1) >> 1]!;
    const medianOf = (pick: (w: LoadResult) => number[] | undefined): number[] | undefined =>
      windows.every((w) => pick(w) !== undefined) ? pick(windows[0]!)!.map((_, i) => median(windows.map((w) => pick(w)![i]!))) : undefined;
    const cpus = medianOf((w) => w.cpuUsPerOp);
    const visits = medianOf((w) => w.visitsPerOp);
    const mid = { opsPerSec: median(windows.map((w) => w.opsPerSec)), ...(cpus === undefined ? {} : { cpuUsPerOp: cpus }), ...(visits === undefined ? {} : { visitsPerOp: visits }) };
    return { groups: options.groups, inFlight: options.inFlight, createSeconds, settleSeconds, commands, windows, median: mid };
  } finally {
    await cluster.stop();
  }
}
