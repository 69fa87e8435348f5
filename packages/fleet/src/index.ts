/**
 * Many Raft groups placed over a cluster: registry, zone-aware rendezvous placement, rebalancing, routing.
 * @packageDocumentation
 */
export { placeGroup, rendezvousScore, nextMembershipStep } from './placement.js';
export type { PlacementNode, Membership, MembershipStep } from './placement.js';
export { registryMachine, isMemberCurrent, RegistryError, REGISTRY_GROUP } from './registry.js';
export type { RegistryState, RegistryCommand, RegistryResult, RegistryQuery, NodeRecord, GroupRecord, Tombstone } from './registry.js';
