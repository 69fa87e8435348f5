// The admin commands (status, group add/remove/list, command, query): each opens a client to any
// node, does one thing, prints a table or JSON, and closes.
import { connect, type RaftfleetClient, type Consistency, type FleetStatus, type GroupInfo } from '@raftfleet/client';
import { UsageError } from './exit-codes.js';

/** Connection settings shared by the admin commands. */
export interface ConnectionSettings {
  seeds: string[];
  clusterId: string;
  secret: string;
  timeoutMs: number;
}

/** Where output goes (stdout in the CLI; a buffer in tests). */
export type Print = (line: string) => void;

/** Opens a client, runs `fn`, always closes. */
export async function withClient<T>(c: ConnectionSettings, fn: (client: RaftfleetClient) => Promise<T>): Promise<T> {
  const client = await connect({ seeds: c.seeds, clusterId: c.clusterId, secret: c.secret, timeoutMs: c.timeoutMs });
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

/** Renders rows as an aligned text table. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function groupRows(groups: GroupInfo[]): string[][] {
  return groups.map((g) => [g.name, g.machine, String(g.replicas), g.leader ?? '(none)', g.members.join(','), g.learners.join(',')]);
}

/** `raftfleet status`. */
export async function status(c: ConnectionSettings, json: boolean, print: Print): Promise<FleetStatus> {
  const s = await withClient(c, (client) => client.status());
  if (json) {
    print(JSON.stringify(s, null, 2));
    return s;
  }
  const zones = [...new Set(s.nodes.map((n) => n.zone))].sort();
  print(`${s.nodes.length} nodes in ${zones.length} zones, ${s.groups.length} groups, ${s.leaderless.length} without a leader, ${s.rebalancing} membership changes in progress\n`);
  const leads = (id: string) => s.groups.filter((g) => g.leader === id).length;
  const hosts = (id: string) => s.groups.filter((g) => g.members.includes(id) || g.learners.includes(id)).length;
  print(
    table(
      ['ZONE', 'NODE', 'ADDRESS', 'STATE', 'MEMBERS', 'LEADS', 'LOG FORMAT'],
      [...s.nodes]
        .sort((a, b) => a.zone.localeCompare(b.zone) || a.id.localeCompare(b.id))
        .map((n) => [
          n.zone,
          n.id,
          n.address,
          !n.reachable ? 'down' : n.active ? 'active' : 'draining',
          String(hosts(n.id)),
          String(leads(n.id)),
          n.logFormat === undefined || n.logFormat === 0 ? '-' : String(n.logFormat),
        ]),
    ),
  );
  print('');
  print(table(['GROUP', 'MACHINE', 'REPLICAS', 'LEADER', 'MEMBERS', 'LEARNERS'], groupRows(s.groups)));
  return s;
}

/** `raftfleet group list`. */
export async function listGroups(c: ConnectionSettings, json: boolean, print: Print): Promise<void> {
  const groups = await withClient(c, (client) => client.groups());
  print(json ? JSON.stringify(groups, null, 2) : table(['GROUP', 'MACHINE', 'REPLICAS', 'LEADER', 'MEMBERS', 'LEARNERS'], groupRows(groups)));
}

/** `raftfleet group add`. */
export async function addGroup(c: ConnectionSettings, name: string, machine: string, replicas: number, json: boolean, print: Print): Promise<void> {
  await withClient(c, (client) => client.addGroup(name, { machine, replicas }));
  print(json ? JSON.stringify({ added: name, machine, replicas }) : `added group ${name} (${machine}, ${replicas} replicas)`);
}

/** `raftfleet group remove`. */
export async function removeGroup(c: ConnectionSettings, name: string, json: boolean, print: Print): Promise<boolean> {
  const existed = await withClient(c, (client) => client.removeGroup(name));
  print(json ? JSON.stringify({ removed: name, existed }) : existed ? `removed group ${name}` : `group ${name} did not exist`);
  return existed;
}

/** `raftfleet group recover`: prints the members the fleet force-removed. */
export async function recoverGroup(c: ConnectionSettings, name: string, json: boolean, print: Print): Promise<string[]> {
  const removed = await withClient(c, (client) => client.recoverGroup(name));
  print(json ? JSON.stringify({ recovered: name, removed }) : `recovered group ${name}: removed ${removed.join(', ')}`);
  return removed;
}

/** `raftfleet stray list`: the stray members of every node that answered. */
export async function listStrays(c: ConnectionSettings, json: boolean, print: Print): Promise<void> {
  const report = await withClient(c, (client) => client.strays());
  if (json) {
    print(JSON.stringify(report, null, 2));
    return;
  }
  print(report.strays.length === 0 ? 'no stray members' : table(['NODE', 'GROUP', 'MEMBER'], report.strays.map((s) => [s.node, s.group, s.member])));
  if (report.unanswered.length > 0) print(`not answered (their strays are not listed): ${report.unanswered.join(', ')}`);
}

/** `raftfleet stray delete NODE GROUP`. */
export async function deleteStray(c: ConnectionSettings, node: string, group: string, json: boolean, print: Print): Promise<void> {
  await withClient(c, (client) => client.deleteStray(node, group));
  print(json ? JSON.stringify({ deleted: { node, group } }) : `deleted the stray member of ${group} on ${node}`);
}

/** `raftfleet command GROUP JSON`: prints the result as JSON. */
export async function command(c: ConnectionSettings, group: string, cmd: unknown, print: Print): Promise<void> {
  const result = await withClient(c, (client) => client.command(group, cmd));
  print(JSON.stringify(result ?? null));
}

/** `raftfleet query GROUP JSON`: prints the answer as JSON. */
export async function query(c: ConnectionSettings, group: string, q: unknown, consistency: string, print: Print): Promise<void> {
  if (consistency !== 'linearizable' && consistency !== 'lease' && consistency !== 'stale') {
    throw new UsageError('--consistency', `"${consistency}" must be linearizable, lease or stale`);
  }
  const answer = await withClient(c, (client) => client.query(group, q, { consistency: consistency as Consistency }));
  print(JSON.stringify(answer ?? null));
}
