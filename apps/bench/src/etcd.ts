// A 3-member etcd cluster on loopback, started from Debian's etcd-server binary, as the
// reference the raftfleet numbers are compared with.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Etcd3 } from 'etcd3';
import { sleep } from './load.js';

const BASE_CLIENT_PORT = 23790;
const BASE_PEER_PORT = 23800;

/** Whether an etcd binary is on the PATH (and which version). */
export function etcdVersion(): string | undefined {
  const probe = spawnSync('etcd', ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) return undefined;
  return /etcd Version: (\S+)/.exec(probe.stdout)?.[1];
}

/** A running 3-member etcd cluster. */
export class EtcdCluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'raftfleet-bench-etcd-'));
  readonly names = ['e0', 'e1', 'e2'];
  private readonly processes = new Map<string, ChildProcess>();

  /** Process ids of the running servers. */
  pids(): number[] {
    return [...this.processes.values()].flatMap((child) => (child.pid === undefined ? [] : [child.pid]));
  }
  /** A client that knows every member. */
  readonly client = new Etcd3({ hosts: this.names.map((_, i) => `http://127.0.0.1:${BASE_CLIENT_PORT + i}`) });

  private start(index: number, state: 'new' | 'existing'): void {
    const name = this.names[index]!;
    const cluster = this.names.map((n, i) => `${n}=http://127.0.0.1:${BASE_PEER_PORT + i}`).join(',');
    const child = spawn(
      'etcd',
      [
        '--name', name,
        '--data-dir', join(this.dir, name),
        '--listen-client-urls', `http://127.0.0.1:${BASE_CLIENT_PORT + index}`,
        '--advertise-client-urls', `http://127.0.0.1:${BASE_CLIENT_PORT + index}`,
        '--listen-peer-urls', `http://127.0.0.1:${BASE_PEER_PORT + index}`,
        '--initial-advertise-peer-urls', `http://127.0.0.1:${BASE_PEER_PORT + index}`,
        '--initial-cluster', cluster,
        '--initial-cluster-state', state,
        '--initial-cluster-token', 'raftfleet-bench',
        '--log-level', 'error',
      ],
      { stdio: 'ignore' },
    );
    this.processes.set(name, child);
  }

  /** Starts all three members and waits until a put succeeds. */
  async startAll(): Promise<void> {
    this.names.forEach((_, i) => this.start(i, 'new'));
    await this.waitWritable();
  }

  private async waitWritable(): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        await this.client.put('bench-ready').value('1');
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(100);
      }
    }
  }

  /** Index of the current leader. */
  async leaderIndex(): Promise<number> {
    for (let i = 0; i < this.names.length; i++) {
      if (!this.processes.has(this.names[i]!)) continue;
      const single = new Etcd3({ hosts: `http://127.0.0.1:${BASE_CLIENT_PORT + i}` });
      try {
        const status = await single.maintenance.status();
        if (status.leader === status.header.member_id) return i;
      } catch {
        // a member that is down or starting does not answer
      } finally {
        single.close();
      }
    }
    throw new Error('no etcd leader');
  }

  /** SIGKILLs member `index`. */
  kill(index: number): void {
    const name = this.names[index]!;
    this.processes.get(name)?.kill('SIGKILL');
    this.processes.delete(name);
  }

  /** Restarts member `index` on its data and waits until the cluster takes writes. */
  async restart(index: number): Promise<void> {
    this.start(index, 'existing');
    await this.waitWritable();
    await sleep(500);
  }

  /** Stops everything and removes the data. */
  async stop(): Promise<void> {
    this.client.close();
    for (const child of this.processes.values()) child.kill('SIGKILL');
    this.processes.clear();
    await sleep(200);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
