// Watches the fleet for the dashboard and the summary: polls status, derives leader changes and
// member moves between polls, and keeps throughput and an event log.
import { EventEmitter } from 'node:events';
import type { FleetStatus, RaftfleetClient } from '@raftfleet/client';
import type { LocalCluster, NodeState } from './cluster.js';

/** One line of the event log. */
export interface FleetEvent {
  time: number;
  kind: 'node' | 'leader' | 'move' | 'tour' | 'group';
  text: string;
}

/** What the dashboard draws. */
export interface Snapshot {
  time: number;
  step: string;
  nodes: Array<{ id: string; zone: string; address: string; state: NodeState | 'down'; active: boolean; reachable: boolean }>;
  groups: Array<{ name: string; machine: string; leader: string | null; members: string[]; learners: string[] }>;
  throughput: number[];
  totals: { acknowledged: number; failed: number; elections: number; moves: number; rebalancing: number };
  events: FleetEvent[];
}

/** Polls the fleet and emits 'snapshot' after every poll. */
export class Monitor extends EventEmitter {
  step = 'starting';
  acknowledged = 0;
  failed = 0;
  elections = 0;
  moves = 0;
  readonly events: FleetEvent[] = [];
  private readonly throughput: number[] = [];
  private lastAcked = 0;
  private lastTick = Date.now();
  private status: FleetStatus | undefined;
  private readonly leaders = new Map<string, string | undefined>();
  private readonly placements = new Map<string, Set<string>>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(
    private readonly cluster: LocalCluster,
    private client: RaftfleetClient | undefined,
    private readonly intervalMs = 500,
  ) {
    super();
    cluster.on('node', (n: { id: string; state: NodeState }) => this.log('node', `${n.id} is ${n.state}`));
  }

  /** Uses this client from now on (the first one may be created after the monitor). */
  attach(client: RaftfleetClient): void {
    this.client = client;
  }

  /** Adds a line to the event log. */
  log(kind: FleetEvent['kind'], text: string): void {
    this.events.push({ time: Date.now(), kind, text });
    if (this.events.length > 200) this.events.shift();
  }

  start(): void {
    this.timer ??= setInterval(() => void this.poll(), this.intervalMs);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Polls once now (also called by the interval). */
  async poll(): Promise<void> {
    const now = Date.now();
    const seconds = Math.max(0.001, (now - this.lastTick) / 1000);
    this.throughput.push(Math.round((this.acknowledged - this.lastAcked) / seconds));
    if (this.throughput.length > 120) this.throughput.shift();
    this.lastAcked = this.acknowledged;
    this.lastTick = now;
    if (this.client !== undefined && !this.polling) {
      this.polling = true;
      try {
        const status = await this.client.status({ timeoutMs: 5000 });
        this.observe(status);
        this.status = status;
      } catch {
        // The fleet may be between leaders right now; the next poll will tell.
      } finally {
        this.polling = false;
      }
    }
    this.emit('snapshot', this.snapshot());
  }

  private observe(status: FleetStatus): void {
    for (const g of status.groups) {
      const before = this.leaders.get(g.name);
      if (this.leaders.has(g.name) && g.leader !== undefined && g.leader !== before) {
        this.elections++;
        this.log('leader', `${g.name}: leader ${before ?? '(none)'} → ${g.leader}`);
      }
      if (g.leader !== undefined || !this.leaders.has(g.name)) this.leaders.set(g.name, g.leader);
      const now = new Set([...g.members, ...g.learners]);
      const prev = this.placements.get(g.name);
      if (prev !== undefined && now.size > 0) {
        for (const n of now) {
          if (!prev.has(n)) {
            this.moves++;
            this.log('move', `${g.name}: member added on ${n}`);
          }
        }
        for (const n of prev) if (!now.has(n)) this.log('move', `${g.name}: member removed from ${n}`);
      }
      if (now.size > 0) this.placements.set(g.name, now);
    }
  }

  /** The current picture. */
  snapshot(): Snapshot {
    const s = this.status;
    const registry = new Map((s?.nodes ?? []).map((n) => [n.id, n]));
    // A node that no longer runs and that the registry has dropped (purged, or removed after a
    // drain) leaves the picture; until then it stays, marked, so the failover can be watched.
    const nodes: Snapshot['nodes'] = [...this.cluster.nodes.values()].flatMap((local) => {
      const r = registry.get(local.id);
      const running = local.state !== 'killed' && local.state !== 'stopped' && local.state !== 'crashed';
      if (!running && s !== undefined && r === undefined) return [];
      let state: Snapshot['nodes'][number]['state'] = local.state;
      if (local.state === 'up' && r !== undefined && !r.reachable) state = 'down';
      if (local.state === 'up' && r !== undefined && !r.active) state = 'draining';
      return [{ id: local.id, zone: local.zone, address: local.address, state, active: r?.active ?? false, reachable: r?.reachable ?? false }];
    });
    return {
      time: Date.now(),
      step: this.step,
      nodes,
      groups: (s?.groups ?? []).map((g) => ({ name: g.name, machine: g.machine, leader: g.leader ?? null, members: g.members, learners: g.learners })),
      throughput: [...this.throughput],
      totals: { acknowledged: this.acknowledged, failed: this.failed, elections: this.elections, moves: this.moves, rebalancing: s?.rebalancing ?? 0 },
      events: this.events.slice(-30),
    };
  }

  /** The last status seen. */
  lastStatus(): FleetStatus | undefined {
    return this.status;
  }
}
