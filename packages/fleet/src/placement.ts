// Zone-aware rendezvous placement: which nodes should hold the members of a group, in order of
// preference (the first is where the leader should live). Pure functions, no state.
import { createHash } from 'node:crypto';

/** A node as placement sees it. */
export interface PlacementNode {
  /** Node id, unique in the cluster. */
  readonly id: string;
  /** Failure domain (rack, availability zone). */
  readonly zone: string;
}

/**
 * The rendezvous score of a node for a group: a uniform 48-bit integer derived from both names.
 * Every node computes the same score for the same pair, so every node agrees on placement
 * without talking.
 */
export function rendezvousScore(group: string, nodeId: string): number {
  const digest = createHash('sha1').update(group).update('\u0000').update(nodeId).digest();
  return digest.readUIntBE(0, 6);
}

/**
 * The nodes that should hold the `replicas` members of `group`, most preferred first.
 *
 * Nodes are ranked within their zone by score; the cluster-wide order is then by (rank within
 * zone, score), so the members of a group spread over as many zones as there are before any zone
 * gets a second one. Adding or removing a node only changes the placement of the groups where that
 * node ranks among the first `replicas`: the minimal disruption that rendezvous hashing is known for.
 * The first node is the overall highest score, so preferred leaders spread evenly over nodes.
 */
export function placeGroup(group: string, nodes: readonly PlacementNode[], replicas: number): string[] {
  if (!Number.isInteger(replicas) || replicas < 1) {
    throw new RangeError(`replicas must be a positive integer, got ${replicas}`);
  }
  const byZone = new Map<string, { id: string; score: number }[]>();
  for (const node of nodes) {
    const zone = byZone.get(node.zone) ?? [];
    zone.push({ id: node.id, score: rendezvousScore(group, node.id) });
    byZone.set(node.zone, zone);
  }
  const ranked: { id: string; score: number; rank: number }[] = [];
  for (const zone of byZone.values()) {
    zone.sort(byScoreDescending);
    zone.forEach((node, rank) => ranked.push({ ...node, rank }));
  }
  ranked.sort((a, b) => a.rank - b.rank || byScoreDescending(a, b));
  return ranked.slice(0, replicas).map((node) => node.id);
}

function byScoreDescending(a: { id: string; score: number }, b: { id: string; score: number }): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The current membership of a group, by node. */
export interface Membership {
  /** Nodes holding a voting member. */
  readonly voters: readonly string[];
  /** Nodes holding a learner (catching up, not yet voting). */
  readonly learners: readonly string[];
  /** Node of the current leader. */
  readonly leader: string;
}

/** One step toward the target placement; the group's leader performs one at a time. */
export type MembershipStep =
  | { readonly kind: 'add'; readonly node: string }
  | { readonly kind: 'promote'; readonly node: string }
  | { readonly kind: 'remove'; readonly node: string }
  | { readonly kind: 'transferLeader'; readonly node: string }
  | { readonly kind: 'none' };

/**
 * The next single-server change that brings `current` closer to `target` (as from
 * {@link placeGroup}). Members are added (as learners, then promoted) before extra ones are
 * removed, so the group never runs below its replica count; a leader that must leave hands over
 * leadership first; finally leadership moves to the preferred node.
 */
export function nextMembershipStep(current: Membership, target: readonly string[]): MembershipStep {
  const targetSet = new Set(target);
  const learner = current.learners.find((node) => targetSet.has(node));
  if (learner !== undefined) return { kind: 'promote', node: learner };
  const present = new Set([...current.voters, ...current.learners]);
  const missing = target.find((node) => !present.has(node));
  if (missing !== undefined) return { kind: 'add', node: missing };
  const strayLearner = current.learners.find((node) => !targetSet.has(node));
  if (strayLearner !== undefined) return { kind: 'remove', node: strayLearner };
  const extra = current.voters.filter((node) => !targetSet.has(node));
  const preferred = target[0];
  const extraFollower = extra.find((node) => node !== current.leader);
  if (extraFollower !== undefined) return { kind: 'remove', node: extraFollower };
  if (extra.includes(current.leader) && preferred !== undefined) return { kind: 'transferLeader', node: preferred };
  if (preferred !== undefined && current.leader !== preferred) return { kind: 'transferLeader', node: preferred };
  return { kind: 'none' };
}
