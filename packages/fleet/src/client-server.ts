// The client protocol served by every fleet node (raftfleet.client.*): standard msgpack bodies,
// `{ ok: true, ... }` or `{ ok: false, error: { code, message, ... } }`, routing to leaders itself.
import { CommandFailedError, ConfigError, NotLeaderError, RemoteReplicaError, TimeoutError, TooLargeError, type Consistency } from '@raftfleet/replica';
import type { Transport } from '@raftfleet/transport';
import { decodeBody, decodeRequest, encodeBody, isMap } from './codec.js';
import { FleetConfigError, FleetGroupNotFoundError, FleetRecoveryError, FleetRegistryError, FleetStoppedError, FleetStrayError, FleetUnavailableError } from './errors.js';
import type { Fleet, FleetCommandOptions, FleetNodeInfo, FleetQueryOptions } from './fleet.js';

/** RPC method names of the client protocol. */
export const CLIENT_RPC = {
  /** Run a command on a group. */
  command: 'raftfleet.client.command',
  /** Answer a query on a group. */
  query: 'raftfleet.client.query',
  /** Add a group. */
  addGroup: 'raftfleet.client.addGroup',
  /** Remove a group. */
  removeGroup: 'raftfleet.client.removeGroup',
  /** List groups. */
  groups: 'raftfleet.client.groups',
  /** List nodes. */
  nodes: 'raftfleet.client.nodes',
  /** Cluster status. */
  status: 'raftfleet.client.status',
  /** Operator recovery of a group that lost its quorum (see {@link Fleet.recoverGroup}). */
  recoverGroup: 'raftfleet.client.recoverGroup',
  /** Stray members on every node (see {@link Fleet.strays}). */
  strays: 'raftfleet.client.strays',
  /** Delete a node's stray member (see {@link Fleet.deleteStray}). */
  deleteStray: 'raftfleet.client.deleteStray',
  /**
   * Several command and query requests in one (the client sends what queued up behind its requests
   * in flight): an array of `[method, request map]`, answered by the array of each item's own answer map.
   */
  batch: 'raftfleet.client.batch',
} as const;

/** Most items one batch request may carry. */
export const MAX_BATCH_ITEMS = 4096;

/** Error codes of the client protocol. */
export type ClientErrorCode =
  | 'ERR_NOT_LEADER'
  | 'ERR_TIMEOUT'
  | 'ERR_GROUP_NOT_FOUND'
  | 'ERR_UNAVAILABLE'
  | 'ERR_TOO_LARGE'
  | 'ERR_COMMAND_FAILED'
  | 'ERR_INVALID'
  | 'ERR_GROUP_EXISTS'
  | 'ERR_NOT_RECOVERABLE';

/** The `error` object of a failed client protocol answer. */
export interface ClientError {
  /** One of the protocol's error codes. */
  code: ClientErrorCode;
  /** Human-readable details. */
  message: string;
  /** Node id of the group's leader, when known. */
  leader?: string;
  /** Transport address of that leader, when known. */
  leaderAddress?: string;
  /** Name of the error the state machine threw (ERR_COMMAND_FAILED). */
  errorName?: string;
}

class InvalidRequest extends Error {
  readonly code = 'ERR_INVALID' as const;
}

const CONSISTENCIES: readonly Consistency[] = ['linearizable', 'lease', 'stale'];

function record(body: Uint8Array): Record<string, unknown> {
  try {
    return decodeRequest(body);
  } catch (e) {
    throw new InvalidRequest((e as Error).message);
  }
}

function str(req: Record<string, unknown>, key: string): string {
  const v = req[key];
  if (typeof v !== 'string' || v === '') throw new InvalidRequest(`${key} must be a non-empty string`);
  return v;
}

function bin(req: Record<string, unknown>, key: string): Uint8Array {
  const v = req[key];
  if (!(v instanceof Uint8Array)) throw new InvalidRequest(`${key} must be binary`);
  return v;
}

function timeout(req: Record<string, unknown>): number | undefined {
  const v = req['timeoutMs'];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new InvalidRequest('timeoutMs must be a positive number');
  return Math.min(Math.floor(v), 10 * 60_000);
}

/** Maps any failure to the protocol's error object. */
export function toClientError(e: unknown, fleet: Fleet, group?: string): ClientError {
  const leaderFields = (): Pick<ClientError, 'leader' | 'leaderAddress'> => {
    const leader = group === undefined ? undefined : fleet.cachedLeader(group);
    return leader === undefined ? {} : { leader, leaderAddress: fleet.addressOf(leader) };
  };
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof InvalidRequest || e instanceof ConfigError || e instanceof FleetConfigError || e instanceof FleetStrayError) return { code: 'ERR_INVALID', message };
  if (e instanceof FleetGroupNotFoundError) return { code: 'ERR_GROUP_NOT_FOUND', message };
  if (e instanceof FleetRecoveryError) return { code: 'ERR_NOT_RECOVERABLE', message };
  if (e instanceof TooLargeError || (e instanceof RemoteReplicaError && e.remoteCode === 'ERR_REPLICA_TOO_LARGE')) return { code: 'ERR_TOO_LARGE', message };
  if (e instanceof RemoteReplicaError && e.remoteCode === 'ERR_REPLICA_CONFIG') return { code: 'ERR_INVALID', message };
  if (e instanceof CommandFailedError) return { code: 'ERR_COMMAND_FAILED', message, errorName: e.errorName };
  if (e instanceof TimeoutError) return { code: 'ERR_TIMEOUT', message, ...leaderFields() };
  if (e instanceof NotLeaderError) {
    const leader = e.leaderNode;
    return leader === '' ? { code: 'ERR_NOT_LEADER', message } : { code: 'ERR_NOT_LEADER', message, leader, leaderAddress: fleet.addressOf(leader) };
  }
  if (e instanceof FleetRegistryError) {
    if (e.reason === 'ERR_GROUP_EXISTS') return { code: 'ERR_GROUP_EXISTS', message };
    if (e.reason === 'ERR_INVALID_GROUP' || e.reason === 'ERR_INVALID_NODE') return { code: 'ERR_INVALID', message };
    return { code: 'ERR_UNAVAILABLE', message };
  }
  if (e instanceof FleetUnavailableError) {
    // Routing gave up at the caller's deadline: say timeout when the last failure was one.
    const code = /Timeout/.test(e.lastError) ? 'ERR_TIMEOUT' : 'ERR_UNAVAILABLE';
    return { code, message, ...leaderFields() };
  }
  if (e instanceof FleetStoppedError) return { code: 'ERR_UNAVAILABLE', message };
  return { code: 'ERR_UNAVAILABLE', message, ...leaderFields() };
}

/** Installs the client protocol handlers of `fleet` on its transport. */
export function serveClientProtocol(fleet: Fleet, transport: Transport): void {
  type Answer = (req: Record<string, unknown>) => Promise<Record<string, unknown>>;
  /** Answers of the methods a batch may carry. */
  const batchable = new Map<string, Answer>();
  const serve = (method: string, handler: (req: Record<string, unknown>) => Promise<{ group?: string; body: Record<string, unknown> }>): void => {
    const answer: Answer = async (req) => {
      const group = typeof req['group'] === 'string' ? req['group'] : undefined;
      try {
        const out = await handler(req);
        out.body['ok'] = true;
        return out.body;
      } catch (e) {
        return { ok: false, error: toClientError(e, fleet, group) };
      }
    };
    if (method === CLIENT_RPC.command || method === CLIENT_RPC.query) batchable.set(method, answer);
    transport.onRequest(method, async (_from, body) => {
      let req: Record<string, unknown>;
      try {
        req = record(body);
      } catch (e) {
        return encodeBody({ ok: false, error: toClientError(e, fleet) });
      }
      return encodeBody(await answer(req));
    });
  };
  // A batch is decoded and answered as a whole: one array of `[method, request map]` in, one array
  // of answer maps out. A malformed batch is refused whole with ERR_INVALID (a transport error
  // answer); its items' own failures are answered item by item, as if each had come alone.
  transport.onRequest(CLIENT_RPC.batch, (_from, body) => {
    let items: unknown;
    try {
      items = decodeBody(body);
    } catch (e) {
      throw new InvalidRequest(`batch does not decode: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!Array.isArray(items) || items.length === 0 || items.length > MAX_BATCH_ITEMS) {
      throw new InvalidRequest(`a batch is an array of 1 to ${MAX_BATCH_ITEMS} items`);
    }
    const answers: Array<Promise<Record<string, unknown>>> = [];
    for (const item of items) {
      const answer = Array.isArray(item) && item.length === 2 && isMap(item[1]) ? batchable.get(item[0]) : undefined;
      if (answer === undefined) throw new InvalidRequest('a batch item is [method, request map] with a command or query method');
      answers.push(answer(item[1]));
    }
    return Promise.all(answers).then((all) => encodeBody(all));
  });
  /** `body` with the group's leader and its address (null when unknown) added. */
  const withLeader = (group: string, body: Record<string, unknown>): Record<string, unknown> => {
    const leader = fleet.cachedLeader(group);
    body['leader'] = leader ?? null;
    body['leaderAddress'] = leader === undefined ? null : fleet.addressOf(leader);
    return body;
  };

  serve(CLIENT_RPC.command, async (req) => {
    const group = str(req, 'group');
    const payload = bin(req, 'command');
    const clientId = req['clientId'];
    const seq = req['seq'];
    if (clientId !== undefined && clientId !== null && (typeof clientId !== 'string' || clientId === '')) throw new InvalidRequest('clientId must be a non-empty string');
    if (typeof clientId === 'string' && (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq <= 0)) throw new InvalidRequest('seq must be a positive integer');
    const acked = req['acked'];
    if (acked !== undefined && acked !== null && (typeof clientId !== 'string' || typeof acked !== 'number' || !Number.isSafeInteger(acked) || acked < 0 || acked > (seq as number))) {
      throw new InvalidRequest('acked must be an integer from 0 to seq, with a clientId');
    }
    const timeoutMs = timeout(req);
    const codec = fleet.knownCodec(group) ?? (await fleet.codecOf(group));
    let command: unknown;
    try {
      command = codec.decode(payload);
    } catch (e) {
      throw new InvalidRequest(`command does not decode with codec ${codec.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    // Built field by field: object spreads cost more than anything else here, once per command.
    const options: FleetCommandOptions = {};
    if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
    if (typeof clientId === 'string') {
      options.clientId = clientId;
      options.seq = seq as number;
      if (typeof acked === 'number') options.acked = acked;
    }
    const result = await fleet.command(group, command, options);
    return { group, body: withLeader(group, { result: codec.encode(result) }) };
  });

  serve(CLIENT_RPC.query, async (req) => {
    const group = str(req, 'group');
    const payload = bin(req, 'query');
    const consistency = (req['consistency'] ?? 'linearizable') as Consistency;
    if (!CONSISTENCIES.includes(consistency)) throw new InvalidRequest(`consistency must be one of ${CONSISTENCIES.join(', ')}`);
    const timeoutMs = timeout(req);
    const codec = fleet.knownCodec(group) ?? (await fleet.codecOf(group));
    let query: unknown;
    try {
      query = codec.decode(payload);
    } catch (e) {
      throw new InvalidRequest(`query does not decode with codec ${codec.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const options: FleetQueryOptions = { consistency };
    if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
    const answer = await fleet.query(group, query, options);
    return { group, body: withLeader(group, { answer: codec.encode(answer) }) };
  });

  serve(CLIENT_RPC.addGroup, async (req) => {
    const name = str(req, 'name');
    const replicas = req['replicas'];
    if (typeof replicas !== 'number' || !Number.isInteger(replicas)) throw new InvalidRequest('replicas must be an integer');
    const machine = str(req, 'machine');
    const options = req['options'];
    if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options))) throw new InvalidRequest('options must be a map');
    await fleet.addGroup(name, { replicas, machine, ...(options ? { options: options as Record<string, unknown> } : {}) });
    return { body: {} };
  });

  serve(CLIENT_RPC.removeGroup, async (req) => {
    const existed = await fleet.removeGroup(str(req, 'name'));
    return { body: { existed } };
  });

  serve(CLIENT_RPC.recoverGroup, async (req) => {
    const removed = await fleet.recoverGroup(str(req, 'name'));
    return { body: { removed } };
  });

  serve(CLIENT_RPC.strays, async () => ({ body: { ...(await fleet.strays()) } }));

  serve(CLIENT_RPC.deleteStray, async (req) => {
    await fleet.deleteStray(str(req, 'node'), str(req, 'group'));
    return { body: {} };
  });

  const groupsBody = (groups: Awaited<ReturnType<Fleet['groups']>>): Record<string, unknown>[] =>
    groups.map((g) => ({ name: g.name, replicas: g.replicas, machine: g.machine, leader: g.leader, members: g.members, learners: g.learners }));
  const nodesBody = (nodes: FleetNodeInfo[]): Record<string, unknown>[] => nodes.map((n) => ({ id: n.id, zone: n.zone, address: n.address, active: n.active, reachable: n.reachable, logFormat: n.logFormat }));

  serve(CLIENT_RPC.groups, async () => ({ body: { groups: groupsBody(await fleet.groups()) } }));
  serve(CLIENT_RPC.nodes, async () => ({ body: { nodes: nodesBody(await fleet.listNodes()) } }));
  serve(CLIENT_RPC.status, async () => {
    const s = await fleet.status();
    return { body: { nodes: nodesBody(s.nodes), groups: groupsBody(s.groups), leaderless: s.leaderless, rebalancing: s.rebalancing } };
  });
}
