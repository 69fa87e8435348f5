// The default Raft core of a member: RawNode from @raftfleet/core. Kept apart so hosts and
// tests can swap in another RaftNode implementation through HostOptions.createCore.
import { RawNode, type RaftConfig, type RaftNode } from '@raftfleet/core';

/** Builds the default core. */
export function createDefaultCore(config: RaftConfig): RaftNode {
  return new RawNode(config);
}
