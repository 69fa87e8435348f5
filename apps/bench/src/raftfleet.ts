// Three `raftfleet node` processes on loopback (TCP transport, durable LMDB storage) driven
// through the client SDK: the system under test, started and killed like a real deployment.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { connect, type RaftfleetClient } from '@raftfleet/client';
import { sleep } from './load.js';

const cliMain = fileURLToPath(new URL('./main.js', import.meta.resolve('@raftfleet/cli')));
const ledgerModule = fileURLToPath(new URL('./ledger.mjs', import.meta.url));
const BASE_PORT = 24790;
const CLUSTER = 'raftfleet-bench';
const SECRET = 'raftfleet-bench-secret';

/** A local 3-node raftfleet cluster. */
export class RaftfleetCluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'raftfleet-bench-'));
  readonly ids = ['n0', 'n1', 'n2'];
  private readonly processes = new Map<string, ChildProcess>();

  /** Process ids of the running servers. */
  pids(): number[] {
    return [...this.processes.values()].flatMap((child) => (child.pid === undefined ? [] : [child.pid]));
  }
  client!: RaftfleetClient;

  private address(i: number): string {
    return `127.0.0.1:${BASE_PORT + i}`;
  }

  private metricsAddress(i: number): string {
    return `127.0.0.1:${BASE_PORT + 50 + i}`;
  }

  /** Members' Readys each node's runtime has handled so far (`raftfleet_member_visits_total`, both roles), in `ids` order. */
  async memberVisits(): Promise<number[]> {
    return Promise.all(
      this.ids.map(async (_, i) => {
        const text = await (await fetch(`http://${this.metricsAddress(i)}/metrics`)).text();
        let visits = 0;
        for (const m of text.matchAll(/^raftfleet_member_visits_total\{[^}]*\} (\d+)/gm)) visits += Number(m[1]);
        return visits;
      }),
    );
  }

  private start(i: number): Promise<void> {
    const id = this.ids[i]!;
    const peers = this.ids.flatMap((other, j) => (j === i ? [] : [`${other}@${this.address(j)}`]));
    const child = spawn(
      process.execPath,
      // BENCH_NODE_FLAGS: node options for the node processes (for example --cpu-prof --cpu-prof-dir=DIR).
      [...(process.env['BENCH_NODE_FLAGS'] ?? '').split(' ').filter((f) => f !== ''), cliMain, 'node', '--id', id, '--zone', `zone-${i}`, '--listen', this.address(i), '--data-dir', join(this.dir, id), '--cluster-id', CLUSTER, '--join', peers.join(','), '--metrics', this.metricsAddress(i), '--machines', ledgerModule, ...(process.env['BENCH_NODE_LOG_LEVEL'] ? ['--log-level', process.env['BENCH_NODE_LOG_LEVEL']] : [])],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, RAFTFLEET_SECRET: SECRET } },
    );
    this.processes.set(id, child);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`node ${id} not ready in 30 s`)), 30_000);
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line.includes('"event":"ready"')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`node ${id} exited with ${String(code)}`));
      });
    });
  }

  /** Starts three nodes, connects the client and creates the benchmark groups. */
  async startAll(groups: Array<{ name: string; machine: string }>): Promise<void> {
    await Promise.all(this.ids.map((_, i) => this.start(i)));
    this.client = await connect({ seeds: this.ids.map((id, i) => `${id}@${this.address(i)}`), clusterId: CLUSTER, secret: SECRET, timeoutMs: 10_000 });
    for (const group of groups) await this.client.addGroup(group.name, { machine: group.machine, replicas: 3, timeoutMs: 30_000 });
    for (const group of groups) await this.waitForLeader(group.name);
  }

  /** Waits until `group` has a leader that answers a linearizable query. */
  async waitForLeader(group: string): Promise<string> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        const info = (await this.client.groups()).find((g) => g.name === group);
        if (info?.leader && info.members.length === 3) {
          await this.client.query(group, info.machine === 'bench-ledger' ? 'size' : 'get', { timeoutMs: 5_000 });
          return info.leader;
        }
      } catch {
        // not yet
      }
      if (Date.now() > deadline) throw new Error(`group ${group} has no leader with 3 members after 60 s`);
      await sleep(200);
    }
  }

  /** SIGKILLs the node that leads `group`; returns its index. */
  async killLeader(group: string): Promise<number> {
    const leader = await this.waitForLeader(group);
    const index = this.ids.indexOf(leader);
    this.processes.get(leader)?.kill('SIGKILL');
    this.processes.delete(leader);
    return index;
  }

  /** Restarts node `index` on its data directory. */
  async restart(index: number): Promise<void> {
    await this.start(index);
  }

  /** Stops everything and removes the data. */
  async stop(): Promise<void> {
    await this.client?.close().catch(() => undefined);
    if (process.env['BENCH_NODE_FLAGS']) {
      // Let profiled nodes exit on their own so they write their profiles (a second signal makes a
      // node exit at once, without handing its members off).
      const exits = [...this.processes.values()].map((child) => new Promise((resolve) => child.once('exit', resolve)));
      for (const child of this.processes.values()) child.kill('SIGINT');
      await sleep(100);
      for (const child of this.processes.values()) child.kill('SIGINT');
      await Promise.race([Promise.all(exits), sleep(5000)]);
    }
    for (const child of this.processes.values()) child.kill('SIGKILL');
    this.processes.clear();
    await sleep(200);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
