/**
 * Many Raft groups placed over a cluster: registry, zone-aware rendezvous placement, rebalancing, routing.
 * @packageDocumentation
 */
export { placeGroup, rendezvousScore, nextMembershipStep } from './placement.js';
export type { PlacementNode, Membership, MembershipStep } from './placement.js';
