// Prometheus metrics of one fleet node (prom-client, one Registry per node so several nodes can
// share a process in tests). Gauges are computed at scrape time; counters move on events.
import { LOG_FORMAT, type HostActivity } from '@raftfleet/replica';
import { Counter, Gauge, Registry } from 'prom-client';

/** What the metrics read at scrape time. */
export interface MetricsSource {
  /** Groups in the registry. */
  registryGroups(): number;
  /** Tombstones of removed groups in this node's registry view. */
  registryTombstones(): number;
  /** Stray members on this node (see Fleet.strays), as its sweeps found them. */
  strayMembers(): number;
  /** Local members and how many of them lead. */
  localMembers(): { members: number; leaders: number };
  /** Rebalancing: changes running, led groups in and out of plan. */
  rebalancing(): { inProgress: number; inPlan: number; outOfPlan: number };
  /** Nodes in the registry, and how many are reachable. */
  nodes(): { total: number; reachable: number };
  /** Transport counters (bytes only from transports that count them). */
  transport(): { sentEnvelopes: number; receivedEnvelopes: number; queuedBytes: number; droppedEnvelopes: number; sentBytes?: number; receivedBytes?: number };
  /** What the replica runtime's processing loop has done since start (counts that only grow). */
  activity(): HostActivity;
  /** The log format each peer node reads, as last heard (0: not yet); see `LOG_FORMAT` of @raftfleet/replica. */
  peerLogFormats(): Record<string, number>;
}

/** What a runtime that has not run yet has done: nothing. */
export const NO_ACTIVITY: Readonly<HostActivity> = Object.freeze({ passes: 0, leaderVisits: 0, otherVisits: 0, storageWrites: 0, memberTicks: 0, transfersRetried: 0, snapshotsHeld: 0 });

/**
 * Counts of every command and query, kept as plain numbers and added to their Prometheus counters
 * when metrics are collected: a prom-client `inc()` on every request costs more than the rest of
 * the fleet's bookkeeping for it.
 */
export interface HotCounts {
  /** Commands applied by leaders on this node. */
  commits: number;
  /** Commands routed that succeeded. */
  commandOk: number;
  /** Commands routed that failed. */
  commandError: number;
  /** Queries routed that succeeded. */
  queryOk: number;
  /** Queries routed that failed. */
  queryError: number;
}

/** Counters moved by the fleet as things happen. */
export interface FleetCounters {
  /** Per-request counts, folded into `commits` and `routed` at collection. */
  readonly hot: HotCounts;
  /** Commands applied by leaders on this node. */
  readonly commits: Counter;
  /** Times a member on this node became leader. */
  readonly elections: Counter;
  /** Membership changes started, by kind and outcome. */
  readonly changes: Counter<'kind' | 'outcome'>;
  /** Requests routed, by operation and outcome. */
  readonly routed: Counter<'op' | 'outcome'>;
}

/** Builds the registry of metrics of one node. */
export function createMetrics(node: string, source: MetricsSource): { registry: Registry; counters: FleetCounters } {
  const registry = new Registry();
  registry.setDefaultLabels({ node });
  const gauge = (name: string, help: string, read: () => number): void => {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  };
  gauge('raftfleet_registry_groups', 'Groups in the cluster registry.', () => source.registryGroups());
  gauge('raftfleet_registry_tombstones', 'Removed groups the cluster registry still remembers (until every node reported them cleaned).', () => source.registryTombstones());
  gauge('raftfleet_stray_members', 'Members on this node of groups the registry knows neither as live nor as removed (raftfleet stray list).', () => source.strayMembers());
  gauge('raftfleet_members', 'Members hosted by this node.', () => source.localMembers().members);
  gauge('raftfleet_leaders', 'Members on this node that lead their group.', () => source.localMembers().leaders);
  gauge('raftfleet_rebalancing_in_progress', 'Membership changes this node is running.', () => source.rebalancing().inProgress);
  gauge('raftfleet_groups_in_plan', 'Groups led here whose members match the placement.', () => source.rebalancing().inPlan);
  gauge('raftfleet_groups_out_of_plan', 'Groups led here whose members differ from the placement.', () => source.rebalancing().outOfPlan);
  gauge('raftfleet_nodes', 'Nodes in the cluster registry.', () => source.nodes().total);
  gauge('raftfleet_nodes_reachable', 'Registry nodes this node hears from.', () => source.nodes().reachable);
  gauge('raftfleet_transport_sent_envelopes', 'Envelopes sent by the transport since start.', () => source.transport().sentEnvelopes);
  gauge('raftfleet_transport_received_envelopes', 'Envelopes received by the transport since start.', () => source.transport().receivedEnvelopes);
  gauge('raftfleet_transport_dropped_envelopes', 'Envelopes the transport dropped since start.', () => source.transport().droppedEnvelopes);
  gauge('raftfleet_transport_queued_bytes', 'Bytes queued for sending right now.', () => source.transport().queuedBytes);
  gauge('raftfleet_transport_sent_bytes', 'Bytes the transport sent since start (0 from a transport that does not count them).', () => source.transport().sentBytes ?? 0);
  gauge('raftfleet_transport_received_bytes', 'Bytes the transport received since start (0 from a transport that does not count them).', () => source.transport().receivedBytes ?? 0);
  gauge('raftfleet_log_format', 'Newest log format this node reads (its build).', () => LOG_FORMAT);
  new Gauge({
    name: 'raftfleet_peer_log_format',
    help: 'Newest log format each peer node reads, as this node last heard (0: not yet); groups write the lowest of their nodes.',
    labelNames: ['peer'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [peer, format] of Object.entries(source.peerLogFormats())) this.set({ peer }, format);
    },
  });
  const hot: HotCounts = { commits: 0, commandOk: 0, commandError: 0, queryOk: 0, queryError: 0 };
  /** Moves `hot[key]` into `counter` (the count since the last collection). */
  const take = (key: keyof HotCounts, add: (n: number) => void): void => {
    if (hot[key] === 0) return;
    add(hot[key]);
    hot[key] = 0;
  };
  // Counts the runtime keeps itself: each counter adds what its count grew by since the last collection.
  const seen: HostActivity = { ...NO_ACTIVITY };
  const follow = (key: keyof HostActivity, add: (n: number) => void): void => {
    const now = source.activity()[key];
    if (now > seen[key]) add(now - seen[key]);
    seen[key] = now;
  };
  // One counter per count of the runtime; member visits are one counter, by role.
  const followed: Array<[name: string, help: string, key: keyof HostActivity]> = [
    ['raftfleet_processing_passes_total', "Passes of the replica runtime's processing loop that handled members' Readys.", 'passes'],
    ['raftfleet_member_ticks_total', 'Ticks given to members (sleeping members of idle groups get none).', 'memberTicks'],
    ['raftfleet_storage_writes_total', 'Batches the runtime wrote to storage (one per pass with something to persist, for all its groups).', 'storageWrites'],
    [
      'raftfleet_transfers_retried_total',
      'Leadership transfers asked for again after the Raft core gave one up (the target had not caught up in an election timeout).',
      'transfersRetried',
    ],
    [
      'raftfleet_snapshots_held_total',
      'Snapshot streams to a member being added that waited for the snapshot listing it, instead of sending an older one first.',
      'snapshotsHeld',
    ],
  ];
  for (const [name, help, key] of followed) {
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        follow(key, (n) => this.inc(n));
      },
    });
  }
  new Counter({
    name: 'raftfleet_member_visits_total',
    help: "Members' Readys handled by the runtime, by whether the member led its group.",
    labelNames: ['role'] as const,
    registers: [registry],
    collect() {
      follow('leaderVisits', (n) => this.inc({ role: 'leader' }, n));
      follow('otherVisits', (n) => this.inc({ role: 'other' }, n));
    },
  });
  const counters: FleetCounters = {
    hot,
    commits: new Counter({
      name: 'raftfleet_commits_total',
      help: 'Commands applied by leaders on this node.',
      registers: [registry],
      collect() {
        take('commits', (n) => this.inc(n));
      },
    }),
    elections: new Counter({ name: 'raftfleet_elections_total', help: 'Leaderships won by members on this node.', registers: [registry] }),
    changes: new Counter({
      name: 'raftfleet_membership_changes_total',
      help: 'Membership changes run by this node, by kind and outcome.',
      labelNames: ['kind', 'outcome'] as const,
      registers: [registry],
    }),
    routed: new Counter({
      name: 'raftfleet_routed_requests_total',
      help: 'Commands and queries routed by this node, by outcome.',
      labelNames: ['op', 'outcome'] as const,
      registers: [registry],
      collect() {
        take('commandOk', (n) => this.inc({ op: 'command', outcome: 'ok' }, n));
        take('commandError', (n) => this.inc({ op: 'command', outcome: 'error' }, n));
        take('queryOk', (n) => this.inc({ op: 'query', outcome: 'ok' }, n));
        take('queryError', (n) => this.inc({ op: 'query', outcome: 'error' }, n));
      },
    }),
  };
  return { registry, counters };
}
