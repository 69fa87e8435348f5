// Brings up the demo: a local fleet of node processes, a client, the monitor and the dashboard;
// the tour and the dashboard test both start from here.
import { connect, type RaftfleetClient } from '@raftfleet/client';
import { LocalCluster, type LocalNode } from './cluster.js';
import { serveDashboard, type Dashboard } from './dashboard.js';
import { Monitor } from './monitor.js';
import type { WorkGroup } from './workload.js';

/** Options of {@link startDemo}. */
export interface DemoOptions {
  /** Nodes and their zones (default five nodes in three zones). */
  nodes?: Array<{ id: string; zone: string }>;
  /** Groups to create (default: counters, queues, key-value maps and a lock table). */
  groups?: WorkGroup[];
  /** Dashboard port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /** Called with progress lines while starting. */
  say?: (line: string) => void;
}

/** A running demo. */
export interface Demo {
  cluster: LocalCluster;
  client: RaftfleetClient;
  monitor: Monitor;
  dashboard: Dashboard;
  groups: WorkGroup[];
  /** Stops everything and removes the data folder. */
  stop(): Promise<void>;
}

/** The fleet timings of the demo: short, so failures are detected and repaired within the tour. */
export const DEMO_NODE_FLAGS = ['--heartbeat-ms', '250', '--purge-after-ms', '6000', '--sweep-ms', '1000', '--shutdown-timeout-ms', '40000', '--log-level', 'error'];

/** Default layout: n1..n5 over zones a, b, c. */
export const DEFAULT_NODES = [
  { id: 'n1', zone: 'zone-a' },
  { id: 'n2', zone: 'zone-b' },
  { id: 'n3', zone: 'zone-c' },
  { id: 'n4', zone: 'zone-a' },
  { id: 'n5', zone: 'zone-b' },
];

/** Default groups: two counters, two queues, two key-value maps, a lock table. */
export const DEFAULT_GROUPS: WorkGroup[] = [
  { name: 'counter-1', machine: 'counter' },
  { name: 'counter-2', machine: 'counter' },
  { name: 'queue-1', machine: 'queue' },
  { name: 'queue-2', machine: 'queue' },
  { name: 'kv-1', machine: 'kv' },
  { name: 'kv-2', machine: 'kv' },
  { name: 'locks', machine: 'locks' },
];

/** Starts the fleet, creates the groups, connects a client, serves the dashboard. */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const say = options.say ?? (() => {});
  const cluster = new LocalCluster({ nodeFlags: DEMO_NODE_FLAGS });
  const monitor = new Monitor(cluster, undefined);
  let client: RaftfleetClient | undefined;
  let dashboard: Dashboard | undefined;
  const stop = async () => {
    monitor.stop();
    await dashboard?.close();
    await client?.close();
    await cluster.destroy();
  };
  try {
    dashboard = await serveDashboard(monitor, options.port ?? 0);
    monitor.start();
    const layout = options.nodes ?? DEFAULT_NODES;
    monitor.step = `starting ${layout.length} nodes`;
    monitor.log('tour', monitor.step);
    const planned: LocalNode[] = await cluster.plan(layout);
    say(`data in ${cluster.baseDir}`);
    await cluster.start(planned);
    client = await connect({ seeds: cluster.seeds(), clusterId: cluster.clusterId, secret: cluster.secret, timeoutMs: 10_000 });
    monitor.attach(client);
    const groups = options.groups ?? DEFAULT_GROUPS;
    monitor.step = 'creating groups';
    monitor.log('tour', monitor.step);
    for (const g of groups) {
      await client.addGroup(g.name, { machine: g.machine, replicas: 3, timeoutMs: 20_000 });
      monitor.log('group', `added ${g.name} (${g.machine})`);
    }
    // A group is usable once it answers a query: wait for every leader.
    for (const g of groups) await client.query(g.name, g.machine === 'counter' ? 'get' : g.machine === 'queue' ? 'length' : g.machine === 'kv' ? { op: 'size' } : { op: 'held', now: Date.now() }, { timeoutMs: 20_000 });
    monitor.step = 'ready';
    await monitor.poll();
    return { cluster, client, monitor, dashboard, groups, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
