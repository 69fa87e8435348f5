/**
 * Many Raft groups placed over a cluster: registry, zone-aware rendezvous placement, rebalancing, routing.
 * @packageDocumentation
 */
export { Fleet, FLEET_RPC } from './fleet.js';
/** How long {@link Fleet.command} retries a command at most (the replica runtime's cap; see its docs). */
export { MAX_COMMAND_RETRY_MS } from '@raftfleet/replica';
export type {
  AddGroupOptions,
  FleetCommandOptions,
  FleetQueryOptions,
  FleetNodeInfo,
  FleetGroupInfo,
  StrayMember,
  StrayReport,
  RebalanceStatus,
  FleetStartOptions,
} from './fleet.js';
export type { FleetOptions, Seed } from './options.js';
export { parseSeed } from './options.js';
export { CLIENT_RPC, toClientError } from './client-server.js';
export type { ClientErrorCode, ClientError } from './client-server.js';
export {
  FleetError,
  FleetConfigError,
  FleetGroupNotFoundError,
  FleetUnavailableError,
  FleetStoppedError,
  FleetJoinError,
  FleetRegistryError,
  FleetRecoveryError,
  FleetStrayError,
} from './errors.js';
export { transportWire } from './wire.js';
export { encodeBody, decodeBody } from './codec.js';
export { placeGroup, rendezvousScore, nextMembershipStep } from './placement.js';
export type { PlacementNode, Membership, MembershipStep } from './placement.js';
export { registryMachine, isMemberCurrent, isRegistryDelta, applyRegistryDelta, RegistryError, REGISTRY_GROUP } from './registry.js';
export type { RegistryState, RegistryDelta, RegistryCommand, RegistryResult, RegistryQuery, NodeRecord, GroupRecord, Tombstone } from './registry.js';
