// A local fleet of `raftfleet node` child processes on 127.0.0.1, each with its own LMDB directory
// under one temp folder: start, SIGKILL, SIGTERM (deactivate and drain), and their lifecycle events.
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** Path of the `raftfleet` command's entry point (apps/cli/dist/main.js). */
export const cliPath = fileURLToPath(new URL('./main.js', import.meta.resolve('@raftfleet/cli')));

/** Lifecycle state of a node process as the demo sees it. */
export type NodeState = 'starting' | 'up' | 'draining' | 'stopped' | 'killed' | 'crashed';

/** One node process. */
export interface LocalNode {
  id: string;
  zone: string;
  address: string;
  dataDir: string;
  state: NodeState;
  pid: number | undefined;
  child: ChildProcess | undefined;
  /** The last lines it wrote to stderr (for error reports). */
  stderr: string[];
}

/** Options of a {@link LocalCluster}. */
export interface LocalClusterOptions {
  clusterId?: string;
  secret?: string;
  /** Fleet timings passed to every node (the demo shortens them so the tour is quick). */
  nodeFlags?: string[];
  /** Where the data directories go (default: a new temp folder, removed by `destroy`). */
  baseDir?: string;
}

/** Finds a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Events: 'node' (LocalNode) whenever a node's state changes. */
export class LocalCluster extends EventEmitter {
  readonly clusterId: string;
  readonly secret: string;
  readonly baseDir: string;
  readonly nodes = new Map<string, LocalNode>();
  private readonly ownsBaseDir: boolean;
  private readonly nodeFlags: string[];

  constructor(options: LocalClusterOptions = {}) {
    super();
    this.clusterId = options.clusterId ?? 'demo';
    this.secret = options.secret ?? `demo-secret-${process.pid}-${Date.now()}`;
    this.ownsBaseDir = options.baseDir === undefined;
    this.baseDir = options.baseDir ?? mkdtempSync(join(tmpdir(), 'raftfleet-demo-'));
    this.nodeFlags = options.nodeFlags ?? [];
  }

  /** Addresses of the nodes that are up, for clients. */
  seeds(): string[] {
    return [...this.nodes.values()].filter((n) => n.state === 'up' || n.state === 'starting').map((n) => n.address);
  }

  /** Reserves ports for nodes that will start together, so each can name the others in --join. */
  async plan(specs: Array<{ id: string; zone: string }>): Promise<LocalNode[]> {
    const planned: LocalNode[] = [];
    for (const s of specs) {
      const node: LocalNode = { id: s.id, zone: s.zone, address: `127.0.0.1:${await freePort()}`, dataDir: join(this.baseDir, s.id), state: 'starting', pid: undefined, child: undefined, stderr: [] };
      this.nodes.set(s.id, node);
      planned.push(node);
    }
    return planned;
  }

  /** Starts planned nodes; each joins through every other known node. Resolves when all are ready. */
  async start(nodes: LocalNode[], timeoutMs = 30_000): Promise<void> {
    await Promise.all(nodes.map((n) => this.spawnNode(n, timeoutMs)));
  }

  private spawnNode(node: LocalNode, timeoutMs: number): Promise<void> {
    const join = [...this.nodes.values()].filter((n) => n.id !== node.id && n.state !== 'killed' && n.state !== 'stopped').map((n) => `${n.id}@${n.address}`);
    const args = [
      cliPath,
      'node',
      '--id', node.id,
      '--zone', node.zone,
      '--listen', node.address,
      '--data-dir', node.dataDir,
      '--cluster-id', this.clusterId,
      ...(join.length > 0 ? ['--join', join.join(',')] : []),
      ...this.nodeFlags,
    ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RAFTFLEET_SECRET: this.secret } });
    node.child = child;
    node.pid = child.pid;
    node.state = 'starting';
    this.emit('node', node);
    createInterface({ input: child.stderr! }).on('line', (line) => {
      node.stderr.push(line);
      if (node.stderr.length > 50) node.stderr.shift();
    });
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`node ${node.id} not ready after ${timeoutMs} ms: ${node.stderr.slice(-5).join(' | ')}`)), timeoutMs);
      createInterface({ input: child.stdout! }).on('line', (line) => {
        let event: { event?: string };
        try {
          event = JSON.parse(line) as { event?: string };
        } catch {
          return;
        }
        if (event.event === 'ready') {
          clearTimeout(timer);
          node.state = 'up';
          this.emit('node', node);
          resolve();
        } else if (event.event === 'deactivating' && node.state !== 'draining') {
          node.state = 'draining';
          this.emit('node', node);
        } else if (event.event === 'stopped') {
          node.state = 'stopped';
          this.emit('node', node);
        }
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (node.state !== 'killed' && node.state !== 'stopped') {
          node.state = code === 0 ? 'stopped' : 'crashed';
          this.emit('node', node);
        }
        node.child = undefined;
        if (node.state === 'crashed' || (node.state !== 'stopped' && node.state !== 'killed')) {
          reject(new Error(`node ${node.id} exited (code ${String(code)}, signal ${String(signal)}): ${node.stderr.slice(-5).join(' | ')}`));
        }
      });
    });
  }

  /** SIGKILL: the node vanishes without a word, as a crashed machine would. */
  kill(id: string): void {
    const node = this.nodes.get(id);
    if (node?.child === undefined) return;
    node.state = 'killed';
    node.child.kill('SIGKILL');
    this.emit('node', node);
  }

  /** SIGTERM: the node deactivates (hands off its members), then stops; resolves when it exited. */
  async drain(id: string, timeoutMs = 60_000): Promise<boolean> {
    const node = this.nodes.get(id);
    const child = node?.child;
    if (node === undefined || child === undefined) return false;
    const exited = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code === 0);
      });
    });
    node.state = 'draining';
    this.emit('node', node);
    child.kill('SIGTERM');
    return exited;
  }

  /** Kills every node still running and removes the data directories (when the cluster made them). */
  async destroy(): Promise<void> {
    const running = [...this.nodes.values()].filter((n) => n.child !== undefined);
    await Promise.all(
      running.map(
        (n) =>
          new Promise<void>((resolve) => {
            n.child!.once('exit', () => resolve());
            n.child!.kill('SIGKILL');
          }),
      ),
    );
    if (this.ownsBaseDir) rmSync(this.baseDir, { recursive: true, force: true });
  }
}
