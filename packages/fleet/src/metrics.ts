// Prometheus metrics of one fleet node (prom-client, one Registry per node so several nodes can
// share a process in tests). Gauges are computed at scrape time; counters move on events.
import { Counter, Gauge, Registry } from 'prom-client';

/** What the metrics read at scrape time. */
export interface MetricsSource {
  /** Groups in the registry. */
  registryGroups(): number;
  /** Local members and how many of them lead. */
  localMembers(): { members: number; leaders: number };
  /** Rebalancing: changes running, led groups in and out of plan. */
  rebalancing(): { inProgress: number; inPlan: number; outOfPlan: number };
  /** Nodes in the registry, and how many are reachable. */
  nodes(): { total: number; reachable: number };
  /** Transport counters. */
  transport(): { sentEnvelopes: number; receivedEnvelopes: number; queuedBytes: number; droppedEnvelopes: number };
}

/** Counters moved by the fleet as things happen. */
export interface FleetCounters {
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
  const counters: FleetCounters = {
    commits: new Counter({ name: 'raftfleet_commits_total', help: 'Commands applied by leaders on this node.', registers: [registry] }),
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
    }),
  };
  return { registry, counters };
}
