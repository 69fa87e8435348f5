// Byte layouts the runtime owns: a command inside a log entry, a snapshot's payload, the
// per-member metadata record, and the bodies of the remote command/query RPCs.
import type { ClientTableImage } from './client-table.js';
import { internalCodec } from './codec.js';

/** A command as stored in a log entry. */
export interface CommandRecord {
  /** Client id ('' = no deduplication). */
  clientId: string;
  /** Sequence number within the client. */
  seq: number;
  /** The command, encoded by the machine's codec. */
  payload: Uint8Array;
}

/** Encodes a command record for a log entry. */
export function encodeCommand(rec: CommandRecord): Uint8Array {
  return internalCodec.encode([rec.clientId, rec.seq, rec.payload]);
}

/** Decodes a log entry's command record; throws on malformed data. */
export function decodeCommand(data: Uint8Array): CommandRecord {
  const v: unknown = internalCodec.decode(data);
  if (!Array.isArray(v) || typeof v[0] !== 'string' || typeof v[1] !== 'number' || !(v[2] instanceof Uint8Array)) {
    throw new Error('malformed command entry');
  }
  return { clientId: v[0], seq: v[1], payload: v[2] };
}

/** The runtime's part of a snapshot: the machine state plus the retained-results table. */
export interface SnapshotPayload {
  /** The machine's state bytes. */
  state: Uint8Array;
  /** The retained-results table, encoded by the machine's codec. */
  table: Uint8Array;
}

/** Encodes a snapshot payload. */
export function encodeSnapshotPayload(p: SnapshotPayload): Uint8Array {
  return internalCodec.encode({ v: 1, s: p.state, t: p.table });
}

/** Decodes a snapshot payload; throws on malformed data. */
export function decodeSnapshotPayload(data: Uint8Array): SnapshotPayload {
  const v = internalCodec.decode(data) as { v?: unknown; s?: unknown; t?: unknown };
  if (v?.v !== 1 || !(v.s instanceof Uint8Array) || !(v.t instanceof Uint8Array)) throw new Error('malformed snapshot payload');
  return { state: v.s, table: v.t };
}

/** Per-member metadata persisted with the group. */
export interface MemberMeta {
  /** This member's id. */
  member: string;
  /** Name of the state machine. */
  machine: string;
}

/** Encodes member metadata. */
export function encodeMeta(m: MemberMeta): Uint8Array {
  return internalCodec.encode({ v: 1, m: m.member, s: m.machine });
}

/** Decodes member metadata; undefined when malformed. */
export function decodeMeta(data: Uint8Array): MemberMeta | undefined {
  try {
    const v = internalCodec.decode(data) as { v?: unknown; m?: unknown; s?: unknown };
    if (v?.v !== 1 || typeof v.m !== 'string' || typeof v.s !== 'string') return undefined;
    return { member: v.m, machine: v.s };
  } catch {
    return undefined;
  }
}

/** Re-export for the table image type used in snapshots. */
export type { ClientTableImage };
