// Plain TypeScript shapes of everything Raft puts on the wire or on disk.
// The core speaks these types; the codec in this package turns them into protobuf bytes.

/** Identifier of one member of one consensus group (stable across restarts). */
export type MemberId = string;

/** Sentinel for "no member" (no vote cast, no known leader). */
export const NO_MEMBER: MemberId = '';

/** The kinds of log entry. */
export const EntryType = {
  /** A user command, opaque bytes for the state machine. */
  Normal: 0,
  /** A membership change; `data` is an encoded {@link ConfChange}. */
  ConfChange: 1,
  /** The entry a new leader appends to commit entries of earlier terms; `data` carries the membership (see the core). */
  Noop: 2,
} as const;
/** One of the values of {@link EntryType}. */
export type EntryType = (typeof EntryType)[keyof typeof EntryType];

/** One entry of the replicated log. */
export interface Entry {
  /** Term of the leader that created the entry. */
  term: number;
  /** Position in the log, starting at 1. */
  index: number;
  /** What `data` holds. */
  type: EntryType;
  /** Payload: user bytes, an encoded ConfChange, or empty. */
  data: Uint8Array;
}

/** The state a member must persist before it answers a vote or acknowledges entries. */
export interface HardState {
  /** The latest term this member has seen. */
  term: number;
  /** The member voted for in `term`, or {@link NO_MEMBER}. */
  vote: MemberId;
  /** The highest index known to be committed. */
  commit: number;
}

/** The membership of a group: voters decide, learners only receive the log. */
export interface ConfState {
  /** Members whose votes count toward quorums. */
  voters: MemberId[];
  /** Members that replicate the log without voting. */
  learners: MemberId[];
}

/** The kinds of single-server membership change. */
export type ConfChangeType = 'addLearner' | 'promote' | 'addVoter' | 'remove';

/** A membership change proposed through the log, one server at a time. */
export interface ConfChange {
  /** What happens to `member`. */
  type: ConfChangeType;
  /** The member affected. */
  member: MemberId;
  /** Opaque bytes for the runtime (for example the member's node address). */
  context: Uint8Array;
}

/** Describes the state captured by a snapshot. */
export interface SnapshotMeta {
  /** The last log index the snapshot covers. */
  index: number;
  /** The term of the entry at `index`. */
  term: number;
  /** The membership as of `index`. */
  conf: ConfState;
}

/** A snapshot: metadata plus the state machine's bytes. */
export interface Snapshot {
  /** What the snapshot covers. */
  meta: SnapshotMeta;
  /** The state machine's serialized state. */
  data: Uint8Array;
}

/** Fields every Raft message carries. */
export interface MessageBase {
  /** Sender's current term (0 for messages that carry no term, like local ones). */
  term: number;
  /** Sending member. */
  from: MemberId;
  /** Receiving member. */
  to: MemberId;
}

/** Leader → follower: entries to append after (prevIndex, prevTerm). */
export interface AppendMessage extends MessageBase {
  /** Discriminant. */
  type: 'append';
  /** Index of the entry just before `entries`. */
  prevIndex: number;
  /** Term of the entry at `prevIndex`. */
  prevTerm: number;
  /** Entries to append; may be empty (a probe). */
  entries: Entry[];
  /** Leader's commit index. */
  commit: number;
  /**
   * Set on an append without entries to a follower the leader already replicates to: it only
   * carries the commit index, and the follower answers it only to reject it (a log that does not
   * match). Absent means false.
   */
  quiet?: boolean;
}

/** Follower → leader: the outcome of an append. */
export interface AppendResponseMessage extends MessageBase {
  /** Discriminant. */
  type: 'appendResponse';
  /** True when the follower's log did not match at prevIndex. */
  reject: boolean;
  /** On success: the last index now known to match the leader. On reject: the rejected prevIndex. */
  index: number;
  /** On reject: a hint, the highest index at which the follower may match. */
  hintIndex: number;
  /** On reject: the term of the follower's entry at `hintIndex` (0 if none). */
  hintTerm: number;
}

/** Candidate → member: request a vote (real or pre-vote). */
export interface VoteMessage extends MessageBase {
  /** Discriminant. */
  type: 'vote' | 'preVote';
  /** Index of the candidate's last log entry. */
  lastIndex: number;
  /** Term of the candidate's last log entry. */
  lastTerm: number;
  /** Set when the election was triggered by a leadership transfer (bypasses leader stickiness). */
  transfer: boolean;
}

/** Member → candidate: whether the vote was granted. */
export interface VoteResponseMessage extends MessageBase {
  /** Discriminant. */
  type: 'voteResponse' | 'preVoteResponse';
  /** True when the vote is granted. */
  granted: boolean;
}

/** Leader → follower: liveness, commit index, and read-index confirmation rounds. */
export interface HeartbeatMessage extends MessageBase {
  /** Discriminant. */
  type: 'heartbeat';
  /** min(leader commit, follower match). */
  commit: number;
  /** ReadIndex round this heartbeat confirms, or '' for none. */
  context: string;
}

/** Follower → leader: answer to a heartbeat. */
export interface HeartbeatResponseMessage extends MessageBase {
  /** Discriminant. */
  type: 'heartbeatResponse';
  /** Echo of the heartbeat's context. */
  context: string;
}

/** Leader → follower: install this snapshot (the runtime may stream it in chunks). */
export interface SnapshotMessage extends MessageBase {
  /** Discriminant. */
  type: 'snapshot';
  /** The snapshot to install. */
  snapshot: Snapshot;
}

/** One chunk of a snapshot stream, assembled by the runtime into a {@link SnapshotMessage}. */
export interface SnapshotChunkMessage extends MessageBase {
  /** Discriminant. */
  type: 'snapshotChunk';
  /** The snapshot being streamed. */
  meta: SnapshotMeta;
  /** Byte offset of `data` within the snapshot's data. */
  offset: number;
  /** The chunk's bytes. */
  data: Uint8Array;
  /** True on the final chunk. */
  last: boolean;
}

/** Leader → transfer target: start an election now. */
export interface TimeoutNowMessage extends MessageBase {
  /** Discriminant. */
  type: 'timeoutNow';
}

/** Follower → leader: asks for a read index on behalf of a local reader. */
export interface ReadIndexMessage extends MessageBase {
  /** Discriminant. */
  type: 'readIndex';
  /** Caller's request id. */
  context: string;
}

/** Leader → follower: the read index for a forwarded request. */
export interface ReadIndexResponseMessage extends MessageBase {
  /** Discriminant. */
  type: 'readIndexResponse';
  /** Caller's request id. */
  context: string;
  /** Commit index to wait for before reading; 0 when the leader could not serve it. */
  index: number;
}

/** Every message members of a group exchange. */
export type Message =
  | AppendMessage
  | AppendResponseMessage
  | VoteMessage
  | VoteResponseMessage
  | HeartbeatMessage
  | HeartbeatResponseMessage
  | SnapshotMessage
  | SnapshotChunkMessage
  | TimeoutNowMessage
  | ReadIndexMessage
  | ReadIndexResponseMessage;

/** The discriminants of {@link Message}. */
export type MessageType = Message['type'];

/** A message addressed to one group, as carried between nodes. */
export interface Envelope {
  /** Name of the consensus group. */
  group: string;
  /** The Raft message. */
  message: Message;
}

/** A batch of envelopes for many groups, sent from one node to another in one frame. */
export interface Batch {
  /** Sending node. */
  from: string;
  /** Receiving node. */
  to: string;
  /** The envelopes, in send order. */
  envelopes: Envelope[];
}
