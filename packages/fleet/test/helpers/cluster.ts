// An in-process fleet on transport-memory and storage-memory with small ticks: start, crash and
// restart nodes, partition them, and wait for conditions.
import { counterMachine, nodeOfMember } from '@raftfleet/replica';
import { MemoryDisk, MemoryStorage } from '@raftfleet/storage-memory';
import { MemoryNetwork } from '@raftfleet/transport-memory';
import { Fleet, REGISTRY_GROUP, type FleetOptions, type RegistryQuery, type RegistryState } from '../../src/index.js';

export interface NodeSpec {
  id: string;
  zone: string;
}

export class TestCluster {
  readonly net: MemoryNetwork;
  readonly fleets = new Map<string, Fleet>();
  readonly disks = new Map<string, MemoryDisk>();
  private readonly storages = new Map<string, MemoryStorage>();
  private readonly transports = new Map<string, ReturnType<MemoryNetwork['transport']>>();
  /** The peers each node's transport was told to forget (removePeer), in order. */
  readonly removedPeers = new Map<string, string[]>();

  /** The transport of a node that was started. */
  transportOf(id: string): ReturnType<MemoryNetwork['transport']> {
    return this.transports.get(id)!;
  }

  constructor(
    readonly seed: number,
    readonly overrides: Partial<FleetOptions> = {},
  ) {
    this.net = new MemoryNetwork({ seed });
  }

  options(spec: NodeSpec, seeds: string[]): FleetOptions {
    let disk = this.disks.get(spec.id);
    if (disk === undefined) this.disks.set(spec.id, (disk = new MemoryDisk()));
    const storage = MemoryStorage.open(disk);
    this.storages.set(spec.id, storage);
    const transport = this.net.transport(spec.id);
    this.transports.set(spec.id, transport);
    const removePeer = transport.removePeer.bind(transport);
    transport.removePeer = (peer: string): void => {
      this.removedPeers.set(spec.id, [...(this.removedPeers.get(spec.id) ?? []), peer]);
      removePeer(peer);
    };
    return {
      nodeId: spec.id,
      zone: spec.zone,
      transport,
      storage,
      seeds: seeds.filter((s) => s !== spec.id).map((s) => `${s}@mem://${s}`),
      machines: { counter: counterMachine },
      host: { tickMs: 10, electionTicks: 10, heartbeatTicks: 1, defaultTimeoutMs: 2000, seed: this.seed },
      heartbeatMs: 50,
      unreachableAfterMs: 300,
      purgeAfterMs: 1500,
      refreshMs: 50,
      sweepMs: 200,
      maxConcurrentChanges: 8,
      defaultTimeoutMs: 3000,
      joinTimeoutMs: 10_000,
      ...(process.env['FLEET_LOG'] ? { logLevel: process.env['FLEET_LOG'] as 'debug' } : {}),
      ...this.overrides,
    };
  }

  async start(spec: NodeSpec, seeds: string[]): Promise<Fleet> {
    const fleet = await Fleet.start(this.options(spec, seeds));
    this.fleets.set(spec.id, fleet);
    return fleet;
  }

  /**
   * Bootstraps a cluster: the first node alone, then the others with every id as seeds, and waits
   * until the registry lists them all.
   */
  async startAll(nodes: NodeSpec[]): Promise<void> {
    const ids = nodes.map((n) => n.id);
    await this.start(nodes[0]!, []);
    await Promise.all(nodes.slice(1).map((n) => this.start(n, ids)));
    await waitFor(`${nodes.length} nodes`, () => Object.keys(this.any().registry().nodes).length === nodes.length);
  }

  /** Stops a node abruptly: its host stops, its transport closes, unsynced writes are lost. */
  async crash(id: string): Promise<void> {
    const fleet = this.fleets.get(id);
    this.fleets.delete(id);
    await this.transports.get(id)?.close();
    await fleet?.stop();
    this.storages.get(id)?.crash();
  }

  /** Stops a node cleanly (after deactivate). */
  async shutdown(id: string): Promise<void> {
    const fleet = this.fleets.get(id);
    this.fleets.delete(id);
    await fleet?.stop();
    await this.transports.get(id)?.close();
    await this.storages.get(id)?.close();
  }

  async stopAll(): Promise<void> {
    for (const id of [...this.fleets.keys()]) await this.shutdown(id);
  }

  /** The registry as its leader has it now (a report of cleaned nodes leaves the version, so views may not show it yet). */
  registryNow(): Promise<RegistryState> {
    return this.any().query<RegistryState>(REGISTRY_GROUP, { type: 'all' } satisfies RegistryQuery, { consistency: 'linearizable' });
  }

  any(): Fleet {
    const f = this.fleets.values().next().value;
    if (f === undefined) throw new Error('no node running');
    return f;
  }

  /**
   * The nodes of `group`'s voters and learners as its leader sees them (sorted), or undefined
   * while no running node leads it. A group growing one member at a time (the registry grows
   * from its first node) has fewer voters than members for a while: a test that crashes nodes
   * waits for the voters it counts on, or a crash may take a quorum the test did not mean to.
   */
  configOf(group: string): { voters: string[]; learners: string[] } | undefined {
    for (const f of this.fleets.values()) {
      if (!f.host.hasGroup(group)) continue;
      const st = f.host.status(group);
      if (st.role !== 'leader') continue;
      const nodes = (members: string[]): string[] => members.map(nodeOfMember).sort();
      return { voters: nodes(st.voters), learners: nodes(st.learners) };
    }
    return undefined;
  }
}

export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
