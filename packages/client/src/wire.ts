// The client protocol's method names, request and response shapes, and their msgpack framing.
// Responses are validated here so the rest of the client only sees well-formed values.
import { pack, unpack } from './msgpack.js';

/** RPC method names served by every fleet node. */
export const METHODS = {
  command: 'raftfleet.client.command',
  query: 'raftfleet.client.query',
  addGroup: 'raftfleet.client.addGroup',
  removeGroup: 'raftfleet.client.removeGroup',
  groups: 'raftfleet.client.groups',
  nodes: 'raftfleet.client.nodes',
  status: 'raftfleet.client.status',
  /** Operator recovery of a group that lost its quorum. */
  recoverGroup: 'raftfleet.client.recoverGroup',
  /** Stray members on every node. */
  strays: 'raftfleet.client.strays',
  /** Delete a node's stray member. */
  deleteStray: 'raftfleet.client.deleteStray',
  /** Several command and query requests in one: an array of [method, request] answered by an array of answers. */
  batch: 'raftfleet.client.batch',
} as const;

/** One of the client protocol's method names. */
export type Method = (typeof METHODS)[keyof typeof METHODS];

/** How fresh a query's answer must be. */
export type Consistency = 'linearizable' | 'lease' | 'stale';

/** A node of the fleet as the registry describes it. */
export interface NodeInfo {
  /** Node id. */
  id: string;
  /** Failure zone. */
  zone: string;
  /** Address clients and peers dial ("host:port"). */
  address: string;
  /** False once the node deactivated (it holds, or is handing off, no members). */
  active: boolean;
  /** Whether the answering node currently reaches it. */
  reachable: boolean;
  /**
   * The newest log format it reads, as the answering node heard (0: not heard); absent when the
   * answering node's build does not say. During a rolling upgrade, nodes on older builds read less.
   */
  logFormat?: number;
}

/** A group of the fleet as the registry describes it. */
export interface GroupInfo {
  /** Group name. */
  name: string;
  /** Desired number of voting members. */
  replicas: number;
  /** Registered state machine name. */
  machine: string;
  /** Node id of the current leader, when known. */
  leader: string | undefined;
  /** Node ids of the voting members. */
  members: string[];
  /** Node ids of the learners (members catching up before promotion). */
  learners: string[];
}

/** The whole fleet at a glance. */
export interface FleetStatus {
  /** Every registered node. */
  nodes: NodeInfo[];
  /** Every group. */
  groups: GroupInfo[];
  /** Names of groups without a known leader. */
  leaderless: string[];
  /** Membership changes under way. */
  rebalancing: number;
}

/**
 * A member a node hosts of a group the registry knows neither as live nor as removed: left by a
 * node purged while its group was removed, that came back with its disk. The fleet keeps it; the
 * operator may delete it (`deleteStray`).
 */
export interface StrayMember {
  /** Node that hosts it. */
  node: string;
  /** Its group's name. */
  group: string;
  /** Its member id. */
  member: string;
}

/** What `strays()` found. */
export interface StrayReport {
  /** Stray members of the nodes that answered. */
  strays: StrayMember[];
  /** Registered nodes that did not answer (their strays, if any, are not listed). */
  unanswered: string[];
}

/** The error part of a failed response. */
export interface WireError {
  code: string;
  message: string;
  leader?: string;
  leaderAddress?: string;
  errorName?: string;
}

/** A decoded response: success with its fields, or a wire error. */
export type WireResponse = { ok: true; body: Record<string, unknown> } | { ok: false; error: WireError };

/** Thrown when a node's response does not follow the protocol. */
export class ProtocolViolation extends Error {
  /** Stable error code. */
  readonly code = 'ERR_PROTOCOL';
}

/** Encodes a request body. */
export function encodeRequest(body: Record<string, unknown>): Uint8Array {
  return pack(body);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function optString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Decodes the bytes of a single response (validate it with {@link parseResponse}). */
export function decodeResponse(bytes: Uint8Array): unknown {
  try {
    return unpack(bytes);
  } catch (error) {
    throw new ProtocolViolation(`undecodable response: ${(error as Error).message}`);
  }
}

/** Validates the envelope of a decoded response. */
export function parseResponse(value: unknown): WireResponse {
  if (!isRecord(value)) throw new ProtocolViolation('response is not a map');
  if (value['ok'] === true) return { ok: true, body: value };
  if (value['ok'] !== false) throw new ProtocolViolation('response has no boolean ok');
  const e = value['error'];
  if (!isRecord(e) || typeof e['code'] !== 'string') throw new ProtocolViolation('failed response has no error code');
  const error: WireError = { code: e['code'], message: typeof e['message'] === 'string' ? e['message'] : '' };
  const leader = optString(e['leader']);
  const leaderAddress = optString(e['leaderAddress']);
  const errorName = optString(e['errorName']);
  if (leader !== undefined) error.leader = leader;
  if (leaderAddress !== undefined) error.leaderAddress = leaderAddress;
  if (errorName !== undefined) error.errorName = errorName;
  return { ok: false, error };
}

/** Leader hint carried by a successful group response. */
export function leaderHint(body: Record<string, unknown>): { leader: string | undefined; leaderAddress: string | undefined } {
  return { leader: optString(body['leader']), leaderAddress: optString(body['leaderAddress']) };
}

/** Reads a binary field of a successful response. */
export function binField(body: Record<string, unknown>, field: string): Uint8Array {
  const v = body[field];
  if (!(v instanceof Uint8Array)) throw new ProtocolViolation(`response field ${field} is not binary`);
  return v;
}

function stringList(value: unknown, what: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((x) => typeof x === 'string')) throw new ProtocolViolation(`${what} is not a list of strings`);
  return value as string[];
}

/** Validates one node record. */
export function parseNode(value: unknown): NodeInfo {
  if (!isRecord(value) || typeof value['id'] !== 'string') throw new ProtocolViolation('node record without id');
  return {
    id: value['id'],
    zone: typeof value['zone'] === 'string' ? value['zone'] : '',
    address: typeof value['address'] === 'string' ? value['address'] : '',
    active: value['active'] !== false,
    reachable: value['reachable'] !== false,
    ...(Number.isSafeInteger(value['logFormat']) && (value['logFormat'] as number) >= 0 ? { logFormat: value['logFormat'] as number } : {}),
  };
}

/** Validates one group record. */
export function parseGroup(value: unknown): GroupInfo {
  if (!isRecord(value) || typeof value['name'] !== 'string') throw new ProtocolViolation('group record without name');
  return {
    name: value['name'],
    replicas: typeof value['replicas'] === 'number' ? value['replicas'] : 0,
    machine: typeof value['machine'] === 'string' ? value['machine'] : '',
    leader: optString(value['leader']),
    members: stringList(value['members'], 'members'),
    learners: stringList(value['learners'], 'learners'),
  };
}

/** Validates one stray member record. */
export function parseStray(value: unknown): StrayMember {
  if (!isRecord(value) || typeof value['node'] !== 'string' || typeof value['group'] !== 'string') throw new ProtocolViolation('stray record without node or group');
  return { node: value['node'], group: value['group'], member: typeof value['member'] === 'string' ? value['member'] : '' };
}

/** Validates a list field of records. */
export function parseList<T>(body: Record<string, unknown>, field: string, parse: (v: unknown) => T): T[] {
  const v = body[field];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new ProtocolViolation(`response field ${field} is not a list`);
  return v.map(parse);
}

/** Most requests one batch request carries (the server refuses more). */
export const MAX_BATCH_ITEMS = 4096;

/**
 * The body of a batch request: an array of `[method, request]`, each request the map it would be
 * alone (one encoding for the whole batch, not one per item).
 */
export function encodeBatchRequest(items: ReadonlyArray<{ method: Method; body: Record<string, unknown> }>): Uint8Array {
  return pack(items.map((i) => [i.method, i.body]));
}

/**
 * The answers of a batch response, one per item in order, each as {@link decodeResponse} would
 * give it alone; ProtocolViolation when the response is not an array of `count` answers.
 */
export function decodeBatchResponse(bytes: Uint8Array, count: number): unknown[] {
  let value: unknown;
  try {
    value = unpack(bytes);
  } catch (error) {
    throw new ProtocolViolation(`undecodable batch response: ${(error as Error).message}`);
  }
  if (!Array.isArray(value) || value.length !== count) throw new ProtocolViolation(`batch response is not an array of ${count} answers`);
  return value;
}
