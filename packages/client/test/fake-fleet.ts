// A scripted fake of fleet nodes serving the client protocol over any Transport: groups hold a
// counter, non-leaders redirect, and tests inject failures, silence and garbage per node and method.
import { decode, encode } from '@msgpack/msgpack';
import type { Transport } from '@raftfleet/transport';

export type Reply = Record<string, unknown>;
/** A scripted override: return a reply, 'silent' (never answer), 'garbage', or undefined to serve normally. */
export type Script = (req: Reply, node: FakeNode) => Reply | 'silent' | 'garbage' | 'throw' | undefined;

export interface FakeGroup {
  name: string;
  machine: string;
  replicas: number;
  leader: string | undefined;
  value: number;
  /** Commands applied, in order. */
  applied: Array<{ clientId: string; seq: number; add: number }>;
  retained: Map<string, number>;
}

export const METHOD = {
  command: 'raftfleet.client.command',
  query: 'raftfleet.client.query',
  addGroup: 'raftfleet.client.addGroup',
  removeGroup: 'raftfleet.client.removeGroup',
  groups: 'raftfleet.client.groups',
  nodes: 'raftfleet.client.nodes',
  status: 'raftfleet.client.status',
  recoverGroup: 'raftfleet.client.recoverGroup',
  strays: 'raftfleet.client.strays',
  deleteStray: 'raftfleet.client.deleteStray',
  batch: 'raftfleet.client.batch',
} as const;

function fail(code: string, message: string, extra: Reply = {}): Reply {
  return { ok: false, error: { code, message, ...extra } };
}

export class FakeFleet {
  readonly nodes = new Map<string, FakeNode>();
  readonly groups = new Map<string, FakeGroup>();
  /** Stray members the nodes report. */
  readonly strays: Array<{ node: string; group: string; member: string }> = [];
  /** Extra node records the registry lists (e.g. nodes that are down). */
  readonly extraNodes: Array<{ id: string; zone: string; address: string }> = [];

  addGroup(name: string, leader: string | undefined, machine = 'counter'): FakeGroup {
    const g: FakeGroup = { name, machine, replicas: 3, leader, value: 0, applied: [], retained: new Map() };
    this.groups.set(name, g);
    return g;
  }

  nodeList(): Reply[] {
    return [
      ...[...this.nodes.values()].map((n) => ({ id: n.id, zone: n.zone, address: n.transport.address, active: true, reachable: !n.down })),
      ...this.extraNodes.map((n) => ({ ...n, active: true, reachable: false })),
    ];
  }

  groupList(): Reply[] {
    return [...this.groups.values()].map((g) => ({ name: g.name, replicas: g.replicas, machine: g.machine, leader: g.leader ?? null, members: [...this.nodes.keys()].slice(0, 3), learners: [] }));
  }

  async close(): Promise<void> {
    await Promise.all([...this.nodes.values()].map((n) => n.transport.close()));
  }
}

export class FakeNode {
  /** Requests received, by method. */
  readonly received: Array<{ method: string; req: Reply }> = [];
  /** One-shot scripts consumed in order, then the persistent one. */
  readonly once: Script[] = [];
  script: Script | undefined;
  down = false;
  /** Whether this node serves batch requests (a node that does not answers them with "no handler"). */
  batches = true;
  /** Batch requests received, with their item counts. */
  readonly batchSizes: number[] = [];

  constructor(
    readonly fleet: FakeFleet,
    readonly id: string,
    readonly zone: string,
    readonly transport: Transport,
  ) {
    fleet.nodes.set(id, this);
    for (const method of Object.values(METHOD)) {
      if (method === METHOD.batch) continue;
      transport.onRequest(method, async (_from, body) => {
        const answer = await this.handle(method, decode(body) as Reply);
        return answer === 'garbage' ? Uint8Array.of(0xc1, 0xff, 0x00) : encode(answer);
      });
    }
    // Each item is handled (and scripted) as if it had come alone.
    transport.onRequest(METHOD.batch, async (_from, body) => {
      if (!this.batches) throw Object.assign(new Error(`no handler for ${METHOD.batch}`), { code: 'ERR_NO_HANDLER' });
      const items = decode(body) as Array<[string, Reply]>;
      this.batchSizes.push(items.length);
      // A garbage item answer is one that is not a response map.
      const answers = await Promise.all(items.map(([method, req]) => this.handle(method, req)));
      return encode(answers.map((a) => (a === 'garbage' ? 7 : a)));
    });
  }

  count(method: string): number {
    return this.received.filter((r) => r.method === method).length;
  }

  private async handle(method: string, req: Reply): Promise<Reply | 'garbage'> {
    this.received.push({ method, req });
    const scripted = this.once.length > 0 ? this.once.shift()!(req, this) : this.script?.(req, this);
    if (scripted === 'silent') return new Promise<Reply>(() => {});
    if (scripted === 'garbage') return 'garbage';
    if (scripted === 'throw') throw Object.assign(new Error('no leader here'), { code: 'ERR_UNAVAILABLE' });
    return scripted ?? this.serve(method, req);
  }

  private serve(method: string, req: Reply): Reply {
    const fleet = this.fleet;
    switch (method) {
      case METHOD.nodes:
        return { ok: true, nodes: fleet.nodeList() };
      case METHOD.groups:
        return { ok: true, groups: fleet.groupList() };
      case METHOD.status:
        return { ok: true, nodes: fleet.nodeList(), groups: fleet.groupList(), leaderless: [...fleet.groups.values()].filter((g) => g.leader === undefined).map((g) => g.name), rebalancing: 0 };
      case METHOD.addGroup: {
        const name = req['name'];
        if (typeof name !== 'string' || typeof req['machine'] !== 'string') return fail('ERR_INVALID', 'name and machine required');
        if (fleet.groups.has(name)) return fail('ERR_GROUP_EXISTS', `group ${name} exists`);
        const g = fleet.addGroup(name, this.id, req['machine']);
        g.replicas = typeof req['replicas'] === 'number' ? req['replicas'] : 3;
        return { ok: true };
      }
      case METHOD.strays:
        return { ok: true, strays: fleet.strays, unanswered: ['n9'] };
      case METHOD.deleteStray: {
        const i = fleet.strays.findIndex((x) => x.node === req['node'] && x.group === req['group']);
        if (i < 0) return fail('ERR_INVALID', `node ${String(req['node'])} has no stray member of ${String(req['group'])}`);
        fleet.strays.splice(i, 1);
        return { ok: true };
      }
      case METHOD.recoverGroup: {
        // A group with a leader still has its quorum; one without gets its two "dead" members removed.
        const g = fleet.groups.get(String(req['name']));
        if (g === undefined) return fail('ERR_NOT_RECOVERABLE', `no surviving member of ${String(req['name'])} answers`);
        if (g.leader !== undefined) return fail('ERR_NOT_RECOVERABLE', `${g.name} still has 3 of 3 voters reachable: no recovery needed`);
        g.leader = this.id;
        return { ok: true, removed: ['n2/7', 'n3/7'] };
      }
      case METHOD.removeGroup:
        return { ok: true, existed: fleet.groups.delete(String(req['name'])) };
      case METHOD.command:
      case METHOD.query: {
        const g = fleet.groups.get(String(req['group']));
        if (g === undefined) return fail('ERR_GROUP_NOT_FOUND', `no group ${String(req['group'])}`);
        if (g.leader === undefined) return fail('ERR_UNAVAILABLE', 'no leader');
        const leaderNode = fleet.nodes.get(g.leader);
        if (g.leader !== this.id) return fail('ERR_NOT_LEADER', 'not the leader', { leader: g.leader, leaderAddress: leaderNode?.transport.address ?? '' });
        const hint = { leader: this.id, leaderAddress: this.transport.address };
        if (method === METHOD.query) {
          const q = decode(req['query'] as Uint8Array);
          if (q === 'boom') return fail('ERR_COMMAND_FAILED', 'bad query', { errorName: 'RangeError' });
          return { ok: true, answer: encode(g.value), ...hint };
        }
        const key = `${String(req['clientId'])}:${String(req['seq'])}`;
        const seen = g.retained.get(key);
        if (seen !== undefined) return { ok: true, result: encode(seen), ...hint };
        const cmd = decode(req['command'] as Uint8Array) as { add?: unknown };
        if (typeof cmd?.add !== 'number') return fail('ERR_COMMAND_FAILED', 'add must be a number', { errorName: 'TypeError' });
        g.value += cmd.add;
        g.applied.push({ clientId: String(req['clientId']), seq: Number(req['seq']), add: cmd.add });
        g.retained.set(key, g.value);
        return { ok: true, result: encode(g.value), ...hint };
      }
      default:
        return fail('ERR_INVALID', `unknown method ${method}`);
    }
  }
}
