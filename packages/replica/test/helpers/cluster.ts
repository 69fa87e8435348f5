// Test clusters: N hosts over a MemNet with MemoryStorage, fast ticks, and helpers to wait for a leader.
import { MemoryDisk, MemoryStorage } from '@raftfleet/storage-memory';
import { Host, type HostOptions, type StateMachine } from '../../src/index.js';
import { MemNet, type MemWire } from './memnet.js';

export interface Node {
  id: string;
  host: Host;
  wire: MemWire;
  storage: MemoryStorage;
  disk: MemoryDisk;
}

export class Cluster {
  readonly net = new MemNet();
  readonly nodes = new Map<string, Node>();
  constructor(
    readonly machines: StateMachine<any, any, any, any, any>[],
    readonly extra: Partial<HostOptions> = {},
    readonly seed = 1,
  ) {}

  async add(id: string, disk = new MemoryDisk()): Promise<Node> {
    const wire = this.net.wire(id);
    const storage = MemoryStorage.open(disk);
    const host = new Host({
      nodeId: id,
      storage,
      transport: wire,
      tickMs: 10,
      electionTicks: 10,
      heartbeatTicks: 1,
      machines: this.machines,
      seed: this.seed,
      defaultTimeoutMs: 3000,
      ...this.extra,
    });
    await host.start();
    const n = { id, host, wire, storage, disk };
    this.nodes.set(id, n);
    return n;
  }

  /** Stops a host and loses what its storage had not synced (a crash). */
  async crash(id: string): Promise<MemoryDisk> {
    const n = this.nodes.get(id)!;
    this.net.kill(id);
    await n.host.stop();
    n.storage.crash();
    this.nodes.delete(id);
    return n.disk;
  }

  async restart(id: string, disk: MemoryDisk): Promise<Node> {
    return this.add(id, disk);
  }

  async stopAll(): Promise<void> {
    for (const n of this.nodes.values()) {
      await n.host.stop();
      await n.storage.close();
    }
  }

  host(id: string): Host {
    return this.nodes.get(id)!.host;
  }

  /** Waits until exactly one live node reports itself leader of `group`; returns it. */
  async leader(group: string, timeoutMs = 5000): Promise<Node> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      const leaders = [...this.nodes.values()].filter((n) => {
        try {
          return n.host.status(group).role === 'leader';
        } catch {
          return false;
        }
      });
      if (leaders.length === 1) return leaders[0]!;
      await sleep(5);
    }
    throw new Error(`no single leader for ${group} within ${timeoutMs} ms`);
  }

  async until(cond: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (cond()) return;
      await sleep(5);
    }
    throw new Error(`timed out waiting for ${what}`);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
