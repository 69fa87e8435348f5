/**
 * One member's runtime: Raft core + storage + transport + timers + state machine, many groups per process.
 * @packageDocumentation
 */
export { Host, RPC, LOG_FORMAT } from './host.js';
export type { CreateGroupOptions, JoinGroupOptions, CommandOptions, QueryOptions, MembershipOptions, Consistency, GroupStatus, HostActivity } from './host.js';
export type { HostOptions, Clock } from './options.js';
export { systemClock } from './options.js';
export type { StateMachine } from './state-machine.js';
export type { Codec } from './codec.js';
export { msgpackCodec, jsonCodec } from './codec.js';
export type { Wire } from './ports.js';
export type { GroupHooks } from './replica.js';
export type { Outcome } from './client-table.js';
export { CLIENT_EXPIRY_MS, MAX_COMMAND_RETRY_MS } from './client-table.js';
export {
  ReplicaError,
  ConfigError,
  NotLeaderError,
  TimeoutError,
  GroupNotFoundError,
  GroupExistsError,
  TooLargeError,
  StoppedError,
  CommandFailedError,
  MembershipChangeError,
  OverloadedError,
  RemoteReplicaError,
  nodeOfMember,
} from './errors.js';
export { counterMachine } from './examples/counter.js';
export type { CounterCommand, CounterQuery } from './examples/counter.js';
export { queueMachine } from './examples/queue.js';
export type { QueueCommand, QueueQuery } from './examples/queue.js';
