// A fleet node: one replica Host plus the cluster registry, placement-driven rebalancing,
// per-node liveness, leader routing with a cache, and the client protocol, like raft_fleet.
import { randomBytes } from 'node:crypto';
import {
  CommandFailedError,
  GroupExistsError,
  GroupNotFoundError,
  Host,
  LOG_FORMAT,
  MAX_COMMAND_RETRY_MS,
  MembershipChangeError,
  NotLeaderError,
  OverloadedError,
  RPC,
  RemoteReplicaError,
  StoppedError,
  TimeoutError,
  msgpackCodec,
  nodeOfMember,
  type Codec,
  type CommandOptions,
  type Consistency,
  type GroupHooks,
  type GroupStatus,
  type StateMachine,
} from '@raftfleet/replica';
import { CommandSequence } from '@raftfleet/protocol';
import { RemoteError, TransportError } from '@raftfleet/transport';
import { pino, type Logger as PinoLogger } from 'pino';
import type { Registry } from 'prom-client';
import { decodeBody, decodeRequest, encodeBody, isMap } from './codec.js';
import {
  FleetConfigError,
  FleetGroupNotFoundError,
  FleetJoinError,
  FleetRecoveryError,
  FleetStrayError,
  FleetRegistryError,
  FleetStoppedError,
  FleetUnavailableError,
} from './errors.js';
import { NO_ACTIVITY, createMetrics, type FleetCounters } from './metrics.js';
import { resolveFleetOptions, type FleetOptions, type ResolvedFleetOptions, type Seed } from './options.js';
import { nextMembershipStep, placeGroup, type MembershipStep, type PlacementNode } from './placement.js';
import {
  REGISTRY_GROUP,
  applyRegistryDelta,
  isRegistryDelta,
  registryMachine,
  type GroupRecord,
  type NodeRecord,
  type RegistryCommand,
  type RegistryDelta,
  type RegistryQuery,
  type RegistryResult,
  type RegistryState,
} from './registry.js';
import { transportWire } from './wire.js';
import { serveClientProtocol } from './client-server.js';

/**
 * The registry generation a member id carries: `<node>/<generation>` for the members a group is
 * created with, `<node>/<generation>.<random>` for those that joined it. Undefined for ids without
 * one (members that joined on builds before generations were put in their ids).
 */
function generationOfMember(member: string): number | undefined {
  const token = member.slice(member.indexOf('/') + 1);
  const dot = token.indexOf('.');
  const head = dot < 0 ? token : token.slice(0, dot);
  // Registry versions start at 1. The random token of a member that joined on an older build has
  // letters in it but for about one in ten million, which reads as a generation newer than its
  // group's: such a member is then not deleted by its group's tombstone or re-creation.
  return /^[1-9]\d*$/.test(head) ? Number(head) : undefined;
}

/** Node-to-node RPC methods of the fleet layer (the replica Host serves its own beside them). */
export const FLEET_RPC = {
  /** Who are you, do you know a registry, are you trying to create one. */
  hello: 'raftfleet.fleet.hello',
  /** Per-node heartbeat. */
  ping: 'raftfleet.fleet.ping',
  /** Prepare an empty member that the leader will add (joinGroup). */
  prepare: 'raftfleet.fleet.prepare',
  /** Create a member of a new group with its initial voters (createGroup). */
  create: 'raftfleet.fleet.create',
  /** Report the members hosted here. */
  local: 'raftfleet.fleet.local',
  /** Operator recovery: force-remove a dead member from this node's member's configuration. */
  forceRemove: 'raftfleet.fleet.forceRemove',
  /** List this node's stray members (see {@link Fleet.strays}). */
  strays: 'raftfleet.fleet.strays',
  /** Delete this node's stray member of a group (see {@link Fleet.deleteStray}). */
  deleteStray: 'raftfleet.fleet.deleteStray',
} as const;

/**
 * A member a node hosts of a group the registry knows neither as live nor as removed: left by a
 * node that was purged while its group was removed, and came back with its disk. The fleet keeps
 * it (see {@link Fleet.strays}); the operator may delete it ({@link Fleet.deleteStray}).
 */
export interface StrayMember {
  /** Node that hosts it. */
  node: string;
  /** Its group's name. */
  group: string;
  /** Its member id (`<node>/<generation>…`). */
  member: string;
}

/** What {@link Fleet.strays} found. */
export interface StrayReport {
  /** Stray members of the nodes that answered. */
  strays: StrayMember[];
  /** Registry nodes that did not answer (their strays, if any, are not listed). */
  unanswered: string[];
}

/** Options of {@link Fleet.addGroup}. */
export interface AddGroupOptions {
  /** Members the placement gives the group. Default 3. */
  replicas?: number;
  /** Name of a state machine registered on every node. */
  machine: string;
  /** Per-group options, stored in the registry. */
  options?: Record<string, unknown>;
}

/** Options of {@link Fleet.command}. */
export interface FleetCommandOptions {
  /** Deadline in ms from now, retries included (at most {@link MAX_COMMAND_RETRY_MS}). Default: the fleet's defaultTimeoutMs. */
  timeoutMs?: number;
  /** Client id for exactly-once retries; default one per fleet node and incarnation. */
  clientId?: string;
  /** Sequence number within clientId (required with clientId). */
  seq?: number;
  /**
   * With clientId: every command of that client below this seq has its answer or was given up on
   * (see the replica's CommandOptions.acked). Without clientId, the node numbers and acknowledges
   * its own commands.
   */
  acked?: number;
}

/** Options of {@link Fleet.query}. */
export interface FleetQueryOptions {
  /** Deadline in ms from now. Default: the fleet's defaultTimeoutMs. */
  timeoutMs?: number;
  /** Default 'linearizable'. */
  consistency?: Consistency;
}

/** A node as {@link Fleet.nodes} reports it. */
export interface FleetNodeInfo {
  /** Node id. */
  id: string;
  /** Failure domain. */
  zone: string;
  /** Transport address. */
  address: string;
  /** False once it asked to leave. */
  active: boolean;
  /** Whether this node hears from it (heartbeats, connection). */
  reachable: boolean;
  /** Its current incarnation. */
  incarnation: string;
  /**
   * The newest log format it reads (`LOG_FORMAT` of @raftfleet/replica), as this node heard; 0 when
   * not heard (it shares no group with this node, or went down since). Shows a rolling upgrade's progress.
   */
  logFormat: number;
}

/** A group as {@link Fleet.groups} reports it. */
export interface FleetGroupInfo {
  /** Group name. */
  name: string;
  /** Replica count from the registry. */
  replicas: number;
  /** State machine name. */
  machine: string;
  /** Node of the leader, or null when no member reported leading. */
  leader: string | null;
  /** Nodes of the voting members (as the most recent member reports them). */
  members: string[];
  /** Nodes of the learners. */
  learners: string[];
  /** Preferred placement, first is the preferred leader. */
  placement: string[];
}

/** Rebalancing progress of this node (the groups it leads). */
export interface RebalanceStatus {
  /** Membership changes running now. */
  inProgress: number;
  /** Led groups whose members and leader match the placement. */
  inPlan: number;
  /** Led groups that still need a change. */
  outOfPlan: number;
}

/** Options of {@link Fleet.start}: the node's options plus what to do at once. */
export interface FleetStartOptions extends FleetOptions {
  /** Activate in `zone` right away (default true). */
  activate?: boolean;
}

interface Liveness {
  lastHeard: number;
  down: boolean;
  pinging: boolean;
}

/** One member's report, as the `local` RPC sends it. */
interface LocalReport {
  name: string;
  member: string;
  role: string;
  term: number;
  leaderNode: string;
  voters: string[];
  learners: string[];
  commit: number;
}

interface HelloAnswer {
  id: string;
  zone: string;
  address: string;
  registry: boolean;
  version: number;
  registryLeader: string;
  activating: boolean;
  /** Registry nodes the seed knows, as [id, address]: where a joiner looks for the registry's leader. */
  nodes: Array<[string, string]>;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/**
 * Peers' answers are read through these: a value of another shape (a peer of another build, or a
 * faulty one) counts as no answer, and a malformed item of a list is left out, rather than
 * surfacing as a TypeError in the caller. Fields an older build does not send get defaults.
 */
function parseHello(v: unknown): HelloAnswer | undefined {
  if (!isMap(v) || !isString(v['id'])) return undefined;
  const nodes = Array.isArray(v['nodes']) ? v['nodes'].filter((n): n is [string, string] => Array.isArray(n) && n.length === 2 && isString(n[0]) && isString(n[1])) : [];
  return {
    id: v['id'],
    zone: isString(v['zone']) ? v['zone'] : '',
    address: isString(v['address']) ? v['address'] : '',
    registry: v['registry'] === true,
    version: typeof v['version'] === 'number' ? v['version'] : 0,
    registryLeader: isString(v['registryLeader']) ? v['registryLeader'] : '',
    activating: v['activating'] === true,
    nodes,
  };
}

function isLocalReport(r: unknown): r is LocalReport {
  return (
    isMap(r) &&
    isString(r['name']) &&
    isString(r['member']) &&
    isString(r['role']) &&
    typeof r['term'] === 'number' &&
    isString(r['leaderNode']) &&
    isStrings(r['voters']) &&
    isStrings(r['learners']) &&
    typeof r['commit'] === 'number'
  );
}

/** A node's answer to `local`. */
interface LocalAnswer {
  node: string;
  reports: LocalReport[];
  changing: number;
}

function parseLocal(v: unknown): LocalAnswer | undefined {
  if (!isMap(v) || !isString(v['node']) || !Array.isArray(v['reports'])) return undefined;
  return { node: v['node'], reports: v['reports'].filter(isLocalReport), changing: typeof v['changing'] === 'number' ? v['changing'] : 0 };
}

function parseStrays(v: unknown): StrayMember[] | undefined {
  if (!isMap(v) || !Array.isArray(v['strays'])) return undefined;
  return v['strays'].filter((m): m is StrayMember => isMap(m) && isString(m['node']) && isString(m['group']) && isString(m['member']));
}

type RouteClass = 'notLeader' | 'notFound' | 'unreachable' | 'retry' | 'fatal';

/** The replica Host's RPC that names the member a node hosts for a group (answers in the Host's msgpack). */
const HOST_MEMBER_OF = RPC.memberOf;

/**
 * Longest pause between routing rounds while a group has no known leader: short, because a failover
 * elects within about a hundred milliseconds and each pause adds to the caller's wait.
 */
const ROUTE_BACKOFF_MAX_MS = 100;
/** How long a node reads the registry with 'since' after a registry member refused 'changes' (an older build). */
const DELTAS_REFUSED_RETRY_MS = 60_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)).unref?.());

function errText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

function classify(e: unknown): RouteClass {
  if (e instanceof NotLeaderError) return 'notLeader';
  if (e instanceof GroupNotFoundError) return 'notFound';
  if (e instanceof RemoteReplicaError) {
    // Errors the remote Host could not revive: some are about the request itself, retrying cannot help.
    if (e.remoteCode === 'ERR_REPLICA_TOO_LARGE' || e.remoteCode === 'ERR_REPLICA_CONFIG') return 'fatal';
    if (e.remoteCode === 'ERR_REPLICA_OVERLOADED') return 'retry';
    return 'unreachable';
  }
  if (e instanceof StoppedError || e instanceof TransportError) return 'unreachable';
  if (e instanceof TimeoutError || e instanceof OverloadedError) return 'retry';
  return 'fatal';
}

/**
 * One node of a fleet: hosts members of many groups, keeps a view of the cluster registry, moves
 * members toward the rendezvous placement, and routes commands and queries to group leaders.
 *
 * Lifecycle: `new Fleet(options)`, {@link Fleet.registerMachine} for every state machine,
 * {@link Fleet.start}, {@link Fleet.activate}; later {@link Fleet.deactivate} then {@link Fleet.stop}.
 */
export class Fleet {
  private readonly o: ResolvedFleetOptions;
  private readonly log: PinoLogger;
  private readonly machines = new Map<string, StateMachine<any, any, any, any, any>>();
  private hostInstance: Host | undefined;
  private readonly incarnation = randomBytes(6).toString('hex');
  private readonly clientId: string;
  private readonly sequence = new CommandSequence();
  private view: RegistryState = registryMachine.init();
  private readonly liveness = new Map<string, Liveness>();
  private readonly leaderCache = new Map<string, string>();
  private readonly changing = new Set<string>();
  private readonly settled = new Set<string>();
  private readonly quietFollowers = new Set<string>();
  /**
   * Groups the next sweep looks at when it is not a full one: those the last sweep left neither
   * settled nor quiet, and those touched since (a new member, a change of leadership or membership).
   */
  private readonly recheck = new Set<string>();
  /** Whether the next sweep looks at every hosted group (see rebalance). */
  private fullSweep = true;
  /** Members being created here (create and prepare requests under way): a `cleaned` waits for them. */
  private creatingMembers = 0;
  /** The registry version of the last `cleaned` command tried (see reportCleaned). */
  private cleanedTried = 0;
  /** Stray members the sweeps found (and logged once each; see isStray). */
  private readonly unknownLogged = new Set<string>();
  /** Placement per group for the current active node set (hashing is the sweep's main cost). */
  private readonly placements = new Map<string, string[]>();
  private readonly retryAfter = new Map<string, number>();
  private readonly purging = new Set<string>();
  private readonly peers = new Map<string, string>();
  private planCounts = { inPlan: 0, outOfPlan: 0 };
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private running = false;
  private activating = false;
  private activated = false;
  private refreshing: Promise<void> | undefined;
  /** Until when the registry is read with 'since' instead of 'changes' (a member of an older build refused it). */
  private deltasRefusedUntil = 0;
  private sweepScheduled = false;
  private sweeps = 0;
  private readonly metricsRegistry: Registry;
  private readonly counters: FleetCounters;

  /** Validates options (throws {@link FleetConfigError}); nothing runs until {@link Fleet.start}. */
  constructor(options: FleetOptions) {
    this.o = resolveFleetOptions(options);
    this.log = (this.o.logger ?? pino({ level: this.o.logLevel })).child({ node: this.o.nodeId });
    this.clientId = `fleet-${this.o.nodeId}-${this.incarnation}`;
    for (const [name, machine] of Object.entries(this.o.machines)) this.registerMachine(name, machine);
    const { registry, counters } = createMetrics(this.o.nodeId, {
      registryGroups: () => Object.keys(this.view.groups).length,
      registryTombstones: () => Object.keys(this.view.tombstones).length,
      strayMembers: () => [...this.unknownLogged].filter((g) => this.isStray(g)).length,
      localMembers: () => this.localCounts(),
      rebalancing: () => this.rebalanceStatus(),
      nodes: () => {
        const ids = Object.keys(this.view.nodes);
        return { total: ids.length, reachable: ids.filter((id) => this.reachable(id)).length };
      },
      transport: () => this.o.transport.stats(),
      // Before start there is no runtime yet: nothing done. A restart begins a new runtime from zero.
      activity: () => this.hostInstance?.activity() ?? NO_ACTIVITY,
      peerLogFormats: () => this.hostInstance?.peerLogFormats() ?? {},
    });
    this.metricsRegistry = registry;
    this.counters = counters;
  }

  /**
   * Starts a node in one call: validates the options, registers the machines, starts it and
   * (unless `activate: false`) activates it in its zone, joining or creating the cluster.
   */
  static async start(options: FleetStartOptions): Promise<Fleet> {
    const { activate, ...rest } = options;
    if (activate !== undefined && typeof activate !== 'boolean') throw new FleetConfigError('activate', 'must be a boolean');
    const fleet = new Fleet(rest);
    await fleet.start();
    if (activate !== false) {
      try {
        await fleet.activate();
      } catch (e) {
        await fleet.stop();
        throw e;
      }
    }
    return fleet;
  }

  /** This node's id. */
  get nodeId(): string {
    return this.o.nodeId;
  }

  /** This process's incarnation (changes on every start). */
  get nodeIncarnation(): string {
    return this.incarnation;
  }

  /** The replica Host of this node (for diagnostics and tests). */
  get host(): Host {
    if (this.hostInstance === undefined) throw new FleetStoppedError(this.o.nodeId);
    return this.hostInstance;
  }

  /** This node's current view of the registry (may lag the registry's leader by a refresh). */
  registry(): RegistryState {
    return this.view;
  }

  /**
   * Registers a state machine under `name` (it must be registered under the same name on every
   * node). Registering after {@link Fleet.start} works for new groups but not for restoring old ones.
   */
  registerMachine(name: string, machine: StateMachine<any, any, any, any, any>): void {
    if (typeof name !== 'string' || name === '' || name === registryMachine.name) throw new FleetConfigError('machine', `invalid machine name ${String(name)}`);
    if (typeof machine?.init !== 'function' || typeof machine.command !== 'function' || typeof machine.query !== 'function') {
      throw new FleetConfigError('machine', `${name} must be a state machine (init, command, query)`);
    }
    // The Host finds machines by their `name`; give it the registered one without copying methods off a class.
    const named = machine.name === name ? machine : (Object.create(machine, { name: { value: name, enumerable: true } }) as StateMachine);
    this.machines.set(name, named);
  }

  /** Starts the Host (restoring members from storage), the transport, heartbeats and serving. */
  async start(): Promise<void> {
    if (this.running) return;
    // The next sweep looks at a group again when its member is registered (created, joined or
    // restored), when its leadership changes, and when a led group's membership changes (this
    // leader's own steps, or an operator's).
    const lookAgain = (group: string): void => {
      this.settled.delete(group);
      this.recheck.add(group);
    };
    const hooks = (group: string): GroupHooks => {
      this.recheck.add(group);
      return {
        onBecomeLeader: () => {
          this.counters.elections.inc();
          this.leaderCache.set(group, this.o.nodeId);
          this.quietFollowers.delete(group);
          lookAgain(group);
          this.scheduleSweep();
        },
        onStopLeading: () => {
          lookAgain(group);
          if (this.leaderCache.get(group) === this.o.nodeId) this.leaderCache.delete(group);
        },
        onFollowerAdded: () => lookAgain(group),
        onFollowerRemoved: () => lookAgain(group),
        onCommandCommitted: () => {
          this.counters.hot.commits++;
        },
      };
    };
    const host = new Host({
      ...this.o.host,
      nodeId: this.o.nodeId,
      storage: this.o.storage,
      transport: transportWire(this.o.transport),
      machines: [registryMachine as unknown as StateMachine, ...this.machines.values()],
      logger: this.log.child({ layer: 'replica' }),
      groupHooks: hooks,
    });
    this.hostInstance = host;
    this.installHandlers();
    await this.o.transport.start();
    this.o.transport.on('peerDown', (peer) => {
      const l = this.liveness.get(peer);
      if (l !== undefined) l.down = true;
      for (const [group, node] of this.leaderCache) if (node === peer) this.leaderCache.delete(group);
    });
    for (const seed of this.o.seeds) this.addPeer(seed.id, seed.address);
    await host.start();
    this.running = true;
    const every = (ms: number, fn: () => void): void => {
      // Referenced on purpose: a running node keeps its process alive until stop().
      this.timers.push(setInterval(fn, ms));
    };
    every(this.o.heartbeatMs, () => this.heartbeat());
    every(this.o.refreshMs, () => void this.refreshRegistry());
    every(this.o.sweepMs, () => {
      this.sweeps++;
      // Every tenth sweep looks at quiet followers again (a removed one may linger), every thirtieth
      // at settled groups too, in case something moved behind our back: what a leader learns of
      // (leadership, membership, the registry) already brings its group back at once, and checking
      // a settled group costs a full status (a thousand led groups: about 30 ms).
      if (this.sweeps % 10 === 0) {
        if (this.sweeps % 30 === 0) this.settled.clear();
        this.quietFollowers.clear();
        this.fullSweep = true;
      }
      this.rebalance();
    });
    this.log.info({ incarnation: this.incarnation, restored: host.groups().length }, 'fleet node started');
  }

  /** Stops timers and the Host; the transport and storage stay open (the caller owns them). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    for (const t of this.timers) clearInterval(t);
    this.timers.length = 0;
    await this.hostInstance?.stop();
    this.log.info({}, 'fleet node stopped');
  }

  // ------------------------------------------------------------------ joining and leaving

  /**
   * Joins the cluster as an active node in `zone` (default: the configured zone): finds the
   * registry through the seeds (or creates it, see below) and registers this incarnation.
   *
   * Bootstrap rule: when every seed answered and none knows a registry, only the smallest id among
   * this node and the seeds that are activating too creates it; the others wait and join it. A node
   * whose seeds do not all answer waits (up to joinTimeoutMs) rather than create a second registry.
   * Two nodes started together with each other as seeds thus form one cluster.
   */
  async activate(zone: string = this.o.zone): Promise<void> {
    this.ensureRunning();
    if (typeof zone !== 'string' || zone === '') throw new FleetConfigError('zone', 'must be a non-empty string');
    this.activating = true;
    const deadline = Date.now() + this.o.joinTimeoutMs;
    try {
      for (;;) {
        if (!this.running) throw new FleetStoppedError(this.o.nodeId);
        if (await this.registryKnown()) break;
        const answers = await this.helloSeeds();
        const withRegistry = answers.find((a) => a.registry);
        if (withRegistry !== undefined) {
          for (const a of answers) for (const [id, address] of a.nodes) this.learnNode(id, address);
          if (withRegistry.registryLeader !== '') this.leaderCache.set(REGISTRY_GROUP, withRegistry.registryLeader);
          else this.leaderCache.set(REGISTRY_GROUP, withRegistry.id);
          break;
        }
        // Creating needs every seed to have answered: a seed that is slow to answer may hold the registry.
        const allAnswered = this.o.seeds.every((seed) => answers.some((a) => a.id === seed.id));
        const contenders = [this.o.nodeId, ...answers.filter((a) => a.activating).map((a) => a.id)].sort();
        if (allAnswered && contenders[0] === this.o.nodeId) {
          await this.host.createGroup(REGISTRY_GROUP, registryMachine as unknown as StateMachine, { members: [this.o.nodeId] });
          this.log.info({ seeds: answers.map((a) => a.id) }, 'created the cluster registry');
          break;
        }
        if (Date.now() > deadline) throw new FleetJoinError(this.o.nodeId, `no registry found through ${this.o.seeds.length} seeds before the deadline`);
        await sleep(100 + Math.floor(Math.random() * 100));
      }
      const remaining = Math.max(this.o.defaultTimeoutMs, deadline - Date.now());
      await this.registryCommand({ type: 'registerNode', id: this.o.nodeId, zone, address: this.o.transport.address, incarnation: this.incarnation }, remaining);
      this.activated = true;
      this.zone = zone;
      await this.refreshRegistry(true);
      this.scheduleSweep();
      this.log.info({ zone }, 'node active');
    } finally {
      this.activating = false;
    }
  }

  private zone = '';

  /**
   * Asks the cluster to move every member off this node, waits until none is left, then removes
   * the node from the registry. Once it resolves the node is safe to stop.
   */
  async deactivate(options: { timeoutMs?: number } = {}): Promise<void> {
    this.ensureRunning();
    const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
    await this.registryCommand({ type: 'deactivateNode', id: this.o.nodeId });
    this.activated = false;
    await this.refreshRegistry(true);
    for (;;) {
      this.scheduleSweep();
      for (const g of this.host.groups()) this.reapIfRemoved(g);
      const left = this.host.groups().filter((g) => !this.isTombstoned(g));
      if (left.length === 0) break;
      if (Date.now() > deadline) throw new FleetUnavailableError(left[0]!, `${left.length} members still on ${this.o.nodeId} at the deadline`);
      await sleep(Math.min(200, this.o.sweepMs));
      await this.refreshRegistry(true);
    }
    await this.registryCommand({ type: 'removeNode', id: this.o.nodeId, incarnation: this.incarnation });
    this.log.info({}, 'node deactivated: no members left, safe to stop');
  }

  private async registryKnown(): Promise<boolean> {
    if (this.view.version > 0) return true;
    if (this.host.hasGroup(REGISTRY_GROUP)) return true;
    return false;
  }

  private async helloSeeds(): Promise<HelloAnswer[]> {
    const body = encodeBody({ id: this.o.nodeId });
    const answers = await Promise.all(
      this.o.seeds.map(async (seed) => {
        try {
          return parseHello(decodeBody(await this.o.transport.request(seed.id, FLEET_RPC.hello, body, { timeoutMs: 1000 })));
        } catch {
          return undefined;
        }
      }),
    );
    return answers.filter((a): a is HelloAnswer => a !== undefined);
  }

  // ------------------------------------------------------------------ groups

  /**
   * Adds a group to the registry and creates its members where the placement says (the first
   * placement node is where its leader should live). Idempotent for the same settings; rejects with
   * {@link FleetRegistryError} (reason ERR_GROUP_EXISTS) for a name taken with other settings.
   */
  async addGroup(name: string, options: AddGroupOptions): Promise<GroupRecord> {
    this.ensureRunning();
    if (typeof options !== 'object' || options === null) throw new FleetConfigError('options', 'must be an object');
    const replicas = options.replicas ?? 3;
    if (typeof options.machine !== 'string' || !this.machines.has(options.machine)) {
      throw new FleetConfigError('machine', `no state machine registered as ${String(options.machine)}`);
    }
    if (options.options !== undefined && (typeof options.options !== 'object' || options.options === null)) {
      throw new FleetConfigError('options', 'group options must be an object');
    }
    const cmd: RegistryCommand = { type: 'addGroup', name, replicas, machine: options.machine, ...(options.options === undefined ? {} : { options: options.options }) };
    const result = await this.registryCommand(cmd);
    if (result.type !== 'group') throw new FleetRegistryError('ERR_UNEXPECTED', name, `registry answered ${result.type} to addGroup`);
    if (result.created === true) await this.createMembers(result.group);
    return result.group;
  }

  /** Removes a group: it is tombstoned in the registry so late members never bring it back. */
  async removeGroup(name: string): Promise<boolean> {
    this.ensureRunning();
    const result = await this.registryCommand({ type: 'removeGroup', name });
    await this.refreshRegistry(true);
    return result.type === 'removed' && result.existed;
  }

  private async createMembers(group: GroupRecord): Promise<void> {
    // A slightly old view only misplaces the group for a moment: rebalancing corrects it.
    if (this.activeNodes().length === 0) await this.refreshRegistry(true);
    const target = placeGroup(group.name, this.activeNodes(), group.replicas);
    if (target.length === 0) throw new FleetUnavailableError(group.name, 'no active node to place it on');
    const deadline = Date.now() + this.o.defaultTimeoutMs;
    const body = encodeBody({ g: group.name, m: group.machine, members: target, inc: String(group.generation) });
    const created = await Promise.all(
      target.map(async (node) => {
        for (;;) {
          try {
            if (node === this.o.nodeId) await this.serveCreate(body);
            else await this.o.transport.request(node, FLEET_RPC.create, body, { timeoutMs: Math.max(1, deadline - Date.now()) });
            return true;
          } catch (e) {
            if (Date.now() > deadline) {
              this.log.warn({ group: group.name, target: node, err: errText(e) }, 'member not created; rebalancing will replace it');
              return false;
            }
            await sleep(100);
          }
        }
      }),
    );
    if (created.filter(Boolean).length < Math.floor(target.length / 2) + 1) {
      throw new FleetUnavailableError(group.name, `only ${created.filter(Boolean).length} of ${target.length} members could be created`);
    }
    this.leaderCache.delete(group.name);
  }

  /** Groups of the registry with where their members and leaders are (asks every reachable node). */
  async groups(): Promise<FleetGroupInfo[]> {
    this.ensureRunning();
    await this.refreshRegistry(true);
    const reports = await this.collectReports();
    const active = this.activeNodes();
    return Object.values(this.view.groups)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((g) => this.describeGroup(g.name, g.replicas, g.machine, reports.get(g.name) ?? [], active));
  }

  private describeGroup(name: string, replicas: number, machine: string, reports: Array<{ node: string; r: LocalReport }>, active: PlacementNode[]): FleetGroupInfo {
    let best: LocalReport | undefined;
    let leader: string | null = null;
    let leaderTerm = -1;
    for (const { node, r } of reports) {
      if (r.role === 'leader' && r.term > leaderTerm) {
        leader = node;
        leaderTerm = r.term;
        best = r;
      }
    }
    // Without a leader's report, trust the member with the newest log among those still in their
    // own configuration: a member that was removed keeps the configuration without itself.
    if (best === undefined) {
      const inConfig = (r: LocalReport): boolean => r.voters.includes(r.member) || r.learners.includes(r.member);
      for (const { r } of reports) {
        if (best === undefined) best = r;
        else if (inConfig(r) !== inConfig(best)) {
          if (inConfig(r)) best = r;
        } else if (r.term > best.term || (r.term === best.term && r.commit > best.commit)) best = r;
      }
    }
    return {
      name,
      replicas,
      machine,
      leader,
      members: (best?.voters ?? []).map(nodeOfMember),
      learners: (best?.learners ?? []).map(nodeOfMember),
      placement: replicas > 0 && active.length > 0 ? this.placementOf(name, replicas) : [],
    };
  }

  /**
   * Registry nodes as {@link Fleet.nodes} lists them, after a linearizable read of the registry: a
   * node whose registration committed before the call is listed, however far this node's view
   * lagged. While the registry does not answer (no quorum), the view as it is.
   */
  async listNodes(): Promise<FleetNodeInfo[]> {
    this.ensureRunning();
    await this.refreshRegistry(true);
    return this.nodes();
  }

  /**
   * Registry nodes sorted by zone then id, with whether this node hears from them, from this
   * node's registry view (refreshed every `refreshMs`; {@link Fleet.listNodes} reads it afresh).
   */
  nodes(): FleetNodeInfo[] {
    const formats = this.hostInstance?.peerLogFormats() ?? {};
    return Object.values(this.view.nodes)
      .map((n) => ({
        id: n.id,
        zone: n.zone,
        address: n.address,
        active: n.active,
        reachable: this.reachable(n.id),
        incarnation: n.incarnation,
        logFormat: n.id === this.o.nodeId ? LOG_FORMAT : (formats[n.id] ?? 0),
      }))
      .sort((a, b) => (a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Registry nodes grouped by zone. */
  nodesByZone(): Record<string, FleetNodeInfo[]> {
    const out: Record<string, FleetNodeInfo[]> = {};
    for (const n of this.nodes()) (out[n.zone] ??= []).push(n);
    return out;
  }

  /** Node of the group's leader, asking the nodes when this one does not know; undefined when none. */
  async whereIsLeader(name: string): Promise<string | undefined> {
    this.ensureRunning();
    const local = this.localStatus(name);
    if (local?.role === 'leader') return this.o.nodeId;
    const reports = (await this.collectReports(name)).get(name) ?? [];
    const info = this.describeGroup(name, 0, '', reports, []);
    if (info.leader !== null) this.leaderCache.set(name, info.leader);
    return info.leader ?? undefined;
  }

  /** Registry groups for which no member reports leading (election running, or quorum lost). */
  async leaderless(): Promise<string[]> {
    return (await this.groups()).filter((g) => g.leader === null).map((g) => g.name);
  }

  /**
   * Operator recovery of a group that lost its quorum: force-removes, on every surviving member,
   * the members on nodes that are unreachable or gone from the registry. Refused while a quorum of
   * the voters is reachable. Resolves to the removed member ids. Never deletes or recreates the group.
   */
  async recoverGroup(name: string): Promise<string[]> {
    this.ensureRunning();
    const reports = (await this.collectReports(name)).get(name) ?? [];
    if (reports.length === 0) throw new FleetRecoveryError(name, `no surviving member of ${name} answers`);
    let best = reports[0]!.r;
    for (const { r } of reports) if (r.term > best.term || (r.term === best.term && r.commit > best.commit)) best = r;
    const survivors = new Set(reports.map((x) => x.node));
    const alive = best.voters.filter((m) => survivors.has(nodeOfMember(m)));
    if (alive.length >= Math.floor(best.voters.length / 2) + 1) {
      throw new FleetRecoveryError(name, `${name} still has ${alive.length} of ${best.voters.length} voters reachable: no recovery needed`);
    }
    const dead = [...best.voters, ...best.learners].filter((m) => !survivors.has(nodeOfMember(m)));
    for (const { node, r } of reports) {
      for (const member of dead) {
        if (![...r.voters, ...r.learners].includes(member)) continue;
        const body = encodeBody({ g: name, member });
        if (node === this.o.nodeId) await this.host.forceRemoveMember(name, member);
        else await this.o.transport.request(node, FLEET_RPC.forceRemove, body, { timeoutMs: this.o.defaultTimeoutMs });
      }
    }
    this.log.warn({ group: name, removed: dead }, 'group recovered by force-removing dead members');
    return dead;
  }

  /**
   * Stray members on every node that answers: members of groups the registry knows neither as live
   * nor as removed, of a generation the node's registry view has seen (not groups being created).
   * A node that was purged while a group of its was removed, and came back with its disk, keeps such
   * a member: the fleet never deletes data for its absence from the registry (a registry recovered
   * from an older copy must not make nodes delete what it has forgotten). Each node reads its
   * registry view afresh (linearizably) before it answers; a node this one finds unreachable is
   * listed as unanswered.
   */
  async strays(): Promise<StrayReport> {
    this.ensureRunning();
    const answers = await this.askEveryNode(FLEET_RPC.strays, encodeBody({}), this.o.defaultTimeoutMs, parseStrays, () => this.localStrays());
    const report: StrayReport = { strays: [], unanswered: [] };
    for (const { node, answer } of answers.sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0))) {
      if (answer === undefined) report.unanswered.push(node);
      else report.strays.push(...answer);
    }
    return report;
  }

  /**
   * Deletes the stray member (see {@link Fleet.strays}) of `group` on `node`, on the operator's word.
   * That node first reads its registry view afresh; FleetStrayError when the group is known there
   * (live, or removed: its members go by themselves) or the node holds no member of it.
   */
  async deleteStray(node: string, group: string): Promise<void> {
    this.ensureRunning();
    if (typeof node !== 'string' || node === '') throw new FleetConfigError('node', 'must be a non-empty node id');
    if (typeof group !== 'string' || group === '') throw new FleetConfigError('group', 'must be a non-empty group name');
    if (node === this.o.nodeId) return this.deleteLocalStray(group);
    try {
      await this.o.transport.request(node, FLEET_RPC.deleteStray, encodeBody({ g: group }), { timeoutMs: this.o.defaultTimeoutMs });
    } catch (e) {
      if (e instanceof RemoteError && e.remoteCode === 'ERR_FLEET_NOT_STRAY') throw new FleetStrayError(group, node, e.remoteMessage);
      throw e;
    }
  }

  /** This node's stray members, by a view read afresh. */
  private async localStrays(): Promise<StrayMember[]> {
    await this.refreshRegistry(true);
    const out: StrayMember[] = [];
    for (const group of this.host.groups()) {
      if (this.isStray(group)) out.push({ node: this.o.nodeId, group, member: this.host.memberId(group) ?? '' });
    }
    return out.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  }

  private async deleteLocalStray(group: string): Promise<void> {
    await this.refreshRegistry(true);
    const refusal = this.notStray(group);
    if (refusal !== undefined) throw new FleetStrayError(group, this.o.nodeId, `node ${this.o.nodeId} has no stray member of ${group}: ${refusal}`);
    const member = this.host.memberId(group);
    await this.host.deleteGroup(group);
    this.unknownLogged.delete(group);
    this.log.warn({ group, member }, 'stray member deleted by the operator');
  }

  /**
   * Whether this node's member of `group` is a stray: the registry view knows the group neither as
   * live nor as removed, and has reached the member's generation (a group created since is not one).
   */
  private isStray(group: string): boolean {
    return this.notStray(group) === undefined;
  }

  /** Why this node's member of `group` is no stray (see isStray); undefined when it is one. */
  private notStray(group: string): string | undefined {
    if (!this.host.hasGroup(group)) return 'holds no member of it';
    const view = this.view;
    if (group === REGISTRY_GROUP || view.groups[group] !== undefined || view.tombstones[group] !== undefined) return 'the registry knows the group';
    const generation = this.localGeneration(group);
    if (generation === undefined || generation > view.version) return 'its member is of a generation the registry has not reached yet (being created)';
    return undefined;
  }

  // ------------------------------------------------------------------ routing

  /**
   * Runs a command on the group's leader wherever it is: locally when this node leads, otherwise
   * forwarded to the leader's node (cached, invalidated on NotLeader and on connection loss), with
   * bounded retries within the deadline. Retries reuse one (clientId, seq) so the command applies once.
   */
  async command<Result = unknown>(name: string, command: unknown, options: FleetCommandOptions = {}): Promise<Result> {
    this.ensureRunning();
    // Retried only while the groups still remember the client: they forget one silent for an hour.
    const deadline = Date.now() + Math.min(options.timeoutMs ?? this.o.defaultTimeoutMs, MAX_COMMAND_RETRY_MS);
    const codec = this.knownCodec(name) ?? (await this.codecOf(name));
    const own = options.clientId === undefined;
    const clientId = options.clientId ?? this.clientId;
    const seq = own ? this.sequence.next() : (options.seq ?? 0);
    try {
      const r = await this.route<Result>(name, deadline, (node, attemptDeadline) => {
        // Each attempt says what is acknowledged by then.
        const opts: CommandOptions & { codec?: Codec<any> } = { clientId, seq, deadline: attemptDeadline };
        const acked = own ? this.sequence.acked : options.acked;
        if (acked !== undefined) opts.acked = acked;
        if (node === this.o.nodeId) return this.host.command<Result>(name, command, opts);
        opts.codec = codec;
        return this.host.remoteCommand<Result>(node, name, command, opts);
      });
      this.counters.hot.commandOk++;
      return r;
    } catch (e) {
      this.counters.hot.commandError++;
      throw e;
    } finally {
      if (own) this.sequence.done(seq);
    }
  }

  /** Answers a query on the group's leader (default linearizable), routed like {@link Fleet.command}. */
  async query<Answer = unknown>(name: string, query: unknown, options: FleetQueryOptions = {}): Promise<Answer> {
    this.ensureRunning();
    const deadline = Date.now() + (options.timeoutMs ?? this.o.defaultTimeoutMs);
    const codec = this.knownCodec(name) ?? (await this.codecOf(name));
    const consistency = options.consistency ?? 'linearizable';
    if (consistency === 'stale' && this.host.hasGroup(name)) return this.host.query<Answer>(name, query, { consistency });
    try {
      const r = await this.route<Answer>(name, deadline, (node, attemptDeadline) =>
        node === this.o.nodeId
          ? this.host.query<Answer>(name, query, { consistency, deadline: attemptDeadline })
          : this.host.remoteQuery<Answer>(node, name, query, { consistency, deadline: attemptDeadline, codec }),
      );
      this.counters.hot.queryOk++;
      return r;
    } catch (e) {
      this.counters.hot.queryError++;
      throw e;
    }
  }

  /** The codec of a group's machine; FleetGroupNotFoundError when the registry does not know it. */
  async codecOf(name: string): Promise<Codec<any>> {
    const known = this.knownCodec(name);
    if (known !== undefined) return known;
    await this.refreshRegistry(true);
    const codec = this.knownCodec(name);
    if (codec === undefined) throw new FleetGroupNotFoundError(name);
    return codec;
  }

  /** The codec of a group the local registry view knows, without waiting; undefined otherwise. */
  knownCodec(name: string): Codec<any> | undefined {
    if (name === REGISTRY_GROUP) return msgpackCodec;
    const record = this.view.groups[name];
    if (record === undefined) return undefined;
    return this.machines.get(record.machine)?.codec ?? msgpackCodec;
  }

  /** Node of the leader as known locally right now (local member, then cache); undefined when unknown. */
  cachedLeader(name: string): string | undefined {
    const local = this.localLeadership(name);
    if (local?.role === 'leader') return this.o.nodeId;
    if (local !== undefined && local.leaderNode !== '') return local.leaderNode;
    return this.leaderCache.get(name);
  }

  /**
   * Runs `call` on the group's leader: the cached one, a hint, or each member in turn, backing off
   * between rounds while no leader is known (an election runs) and within the caller's deadline.
   */
  private route<T>(group: string, deadline: number, call: (node: string, attemptDeadline: number) => Promise<T>): Promise<T> {
    // This node leads (the common case): one attempt without the loop's bookkeeping. A failure the
    // loop would handle (not leader any more, a timeout, ...) is handed to it as its first attempt.
    if (this.localLeadership(group)?.role === 'leader') {
      const now = Date.now();
      if (now < deadline) {
        return call(this.o.nodeId, this.attemptDeadline(now, deadline)).catch((error: unknown) => {
          if (classify(error) === 'fatal') throw error;
          return this.routeLoop(group, deadline, call, { node: this.o.nodeId, error });
        });
      }
    }
    return this.routeLoop(group, deadline, call, undefined);
  }

  /** The deadline of one routed attempt: part of the caller's, so that a retry fits in it. */
  private attemptDeadline(now: number, deadline: number): number {
    return Math.min(deadline, now + Math.max(this.o.defaultTimeoutMs / 2, 500));
  }

  private async routeLoop<T>(
    group: string,
    deadline: number,
    call: (node: string, attemptDeadline: number) => Promise<T>,
    first: { node: string; error: unknown } | undefined,
  ): Promise<T> {
    const tried = new Set<string>();
    let last = '';
    let backoff = 20;
    let failed = first;
    for (;;) {
      if (failed === undefined) {
        const now = Date.now();
        if (now >= deadline || !this.running) throw new FleetUnavailableError(group, last);
        const node = this.pickNode(group, tried);
        if (node === undefined) {
          tried.clear();
          await sleep(Math.min(backoff, deadline - Date.now()));
          backoff = Math.min(backoff * 2, ROUTE_BACKOFF_MAX_MS);
          continue;
        }
        try {
          const r = await call(node, this.attemptDeadline(now, deadline));
          if (node !== this.o.nodeId) this.leaderCache.set(group, node);
          return r;
        } catch (error) {
          failed = { node, error };
        }
      }
      const { node, error: e } = failed;
      failed = undefined;
      last = errText(e);
      switch (classify(e)) {
        case 'notLeader': {
          const hint = (e as NotLeaderError).leaderNode;
          if (this.leaderCache.get(group) === node) this.leaderCache.delete(group);
          tried.add(node);
          if (hint !== '' && hint !== node && !tried.has(hint)) this.leaderCache.set(group, hint);
          else {
            await sleep(Math.min(backoff, deadline - Date.now()));
            backoff = Math.min(backoff * 2, ROUTE_BACKOFF_MAX_MS);
          }
          break;
        }
        case 'notFound':
        case 'unreachable':
          if (this.leaderCache.get(group) === node) this.leaderCache.delete(group);
          tried.add(node);
          break;
        case 'retry':
          await sleep(Math.min(backoff, deadline - Date.now()));
          backoff = Math.min(backoff * 2, ROUTE_BACKOFF_MAX_MS);
          break;
        case 'fatal':
          throw e;
        default: {
          const never: never = classify(e) as never;
          throw new Error(`unreachable route class ${String(never)}`);
        }
      }
    }
  }

  /** This node's member's role and leader for `group` (undefined without one); leadership(), not status(): it runs for every routed command and query. */
  private localLeadership(group: string): ReturnType<Host['leadership']> {
    return this.running ? this.hostInstance?.leadership(group) : undefined;
  }

  private pickNode(group: string, tried: Set<string>): string | undefined {
    const st = this.localLeadership(group);
    if (st?.role === 'leader') return tried.has(this.o.nodeId) ? undefined : this.o.nodeId;
    if (st !== undefined && st.leaderNode !== '' && !tried.has(st.leaderNode)) return st.leaderNode;
    const cached = this.leaderCache.get(group);
    if (cached !== undefined && !tried.has(cached)) return cached;
    const candidates: string[] = [];
    const record = this.view.groups[group];
    if (record !== undefined) candidates.push(...this.placementOf(group, record.replicas));
    candidates.push(...Object.keys(this.view.nodes), ...this.o.seeds.map((s) => s.id), ...this.learned.keys());
    let fallback: string | undefined;
    for (const c of candidates) {
      if (tried.has(c) || (c === this.o.nodeId && st === undefined)) continue;
      if (this.reachable(c)) return c;
      fallback ??= c;
    }
    return fallback;
  }

  // ------------------------------------------------------------------ registry access

  private async registryCommand(command: RegistryCommand, timeoutMs = this.o.defaultTimeoutMs): Promise<RegistryResult> {
    try {
      return await this.command<RegistryResult>(REGISTRY_GROUP, command, { timeoutMs });
    } catch (e) {
      if (e instanceof CommandFailedError && e.errorName === 'RegistryError') {
        const reason = /^(ERR_[A-Z_]+)/.exec(e.message)?.[1] ?? 'ERR_REGISTRY';
        const subject = 'name' in command ? command.name : 'id' in command ? command.id : '';
        throw new FleetRegistryError(reason, subject, e.message);
      }
      throw e;
    }
  }

  /** Refreshes the registry view (coalesced); `force` waits for a fresh read. */
  private refreshRegistry(force = false): Promise<void> {
    if (!this.running) return Promise.resolve();
    if (this.refreshing !== undefined && !force) return this.refreshing;
    const run = (async () => {
      try {
        const local = this.localStatus(REGISTRY_GROUP);
        let read: (query: RegistryQuery) => Promise<RegistryState | RegistryDelta | null>;
        if (!force && local !== undefined && (local.role === 'leader' || (local.leaderNode !== '' && this.reachable(local.leaderNode)))) {
          read = (query) => this.host.query<RegistryState | RegistryDelta | null>(REGISTRY_GROUP, query, { consistency: 'stale' });
        } else {
          if (this.view.version === 0 && this.leaderCache.get(REGISTRY_GROUP) === undefined && !this.activated && !this.activating) return;
          read = (query) =>
            this.query<RegistryState | RegistryDelta | null>(REGISTRY_GROUP, query, { consistency: force ? 'linearizable' : 'lease', timeoutMs: Math.max(1000, this.o.refreshMs * 2) });
        }
        // 'changes': only the groups created or removed since this view (a registry member of an
        // older build refuses it: 'since' then, the whole registry whenever it changed). A view that
        // moved meanwhile (another read got there first) asks once more from where it is now.
        for (let attempt = 0; attempt < 2; attempt++) {
          const since = this.view.version;
          let answer: RegistryState | RegistryDelta | null;
          if (Date.now() < this.deltasRefusedUntil) answer = await read({ type: 'since', version: since });
          else {
            try {
              answer = await read({ type: 'changes', version: since });
            } catch (e) {
              if (!/unknown registry query/.test(errText(e))) throw e;
              this.deltasRefusedUntil = Date.now() + DELTAS_REFUSED_RETRY_MS;
              answer = await read({ type: 'since', version: since });
            }
          }
          if (answer === null || answer.version <= this.view.version) return;
          if (!isRegistryDelta(answer)) return this.applyView(answer);
          if (answer.since === this.view.version) return this.applyView(applyRegistryDelta(this.view, answer));
        }
      } catch (e) {
        this.log.debug({ err: errText(e) }, 'registry refresh failed');
      }
    })();
    this.refreshing = run;
    void run.finally(() => {
      if (this.refreshing === run) this.refreshing = undefined;
    });
    return run;
  }

  private applyView(state: RegistryState): void {
    const before = this.view;
    this.view = state;
    // Groups, tombstones or replica counts may have changed: the next sweep looks at every member.
    this.fullSweep = true;
    for (const n of Object.values(state.nodes)) {
      if (n.id === this.o.nodeId) continue;
      const previous = before.nodes[n.id];
      if (before.version > 0 && previous !== undefined && previous.incarnation !== n.incarnation) this.restartedAt.set(n.id, Date.now());
      this.addPeer(n.id, n.address);
      if (!this.liveness.has(n.id)) this.liveness.set(n.id, { lastHeard: Date.now(), down: false, pinging: false });
    }
    for (const id of Object.keys(before.nodes)) {
      if (state.nodes[id] === undefined) {
        // Purged: the transport stops reconnecting to it. Should it come back, it registers again
        // (it dials in), and the registry puts it back here.
        this.liveness.delete(id);
        this.purging.delete(id);
        this.restartedAt.delete(id);
        this.learned.delete(id);
        if (this.peers.delete(id)) this.o.transport.removePeer(id);
      }
    }
    const shape = (s: RegistryState): string =>
      Object.values(s.nodes)
        .filter((n) => n.active)
        .map((n) => `${n.id}@${n.zone}`)
        .sort()
        .join(',');
    if (shape(before) !== shape(state)) {
      this.settled.clear();
      this.placements.clear();
      this.log.info({ version: state.version, nodes: shape(state) }, 'active nodes changed');
    }
    if (this.activated && state.nodes[this.o.nodeId] === undefined) {
      // Purged while alive (a long partition): come back as a node again.
      this.log.warn({}, 'this node was purged from the registry; registering again');
      void this.registryCommand({ type: 'registerNode', id: this.o.nodeId, zone: this.zone, address: this.o.transport.address, incarnation: this.incarnation }).catch(
        (e: unknown) => this.log.warn({ err: errText(e) }, 'registering again failed'),
      );
    }
    this.scheduleSweep();
  }

  /** Nodes heard of through seeds before this node has a registry view. */
  private readonly learned = new Map<string, string>();

  private learnNode(id: string, address: string): void {
    if (typeof id !== 'string' || typeof address !== 'string' || id === this.o.nodeId || address === '') return;
    this.learned.set(id, address);
    this.addPeer(id, address);
  }

  private addPeer(id: string, address: string): void {
    if (id === this.o.nodeId || this.peers.get(id) === address) return;
    this.peers.set(id, address);
    this.o.transport.addPeer(id, address);
  }

  /** The generation this node's member of `group` carries (see generationOfMember); undefined without one. */
  private localGeneration(group: string): number | undefined {
    const member = this.host.memberId(group);
    return member === undefined ? undefined : generationOfMember(member);
  }

  /**
   * Whether this node's member of `group` belongs to a removed group: the view has a tombstone and
   * no record of it, and the member is not of a later generation (one created again since, which a
   * view this old does not show yet).
   */
  private isTombstoned(group: string): boolean {
    if (group === REGISTRY_GROUP || this.view.groups[group] !== undefined) return false;
    const tombstone = this.view.tombstones[group];
    if (tombstone === undefined) return false;
    const generation = this.localGeneration(group);
    return generation === undefined || generation <= tombstone.generation;
  }

  /**
   * Whether this node's member of `group` belongs to a generation older than `current` (default:
   * the one in this node's view): one the registry removed, the group having been created again since.
   */
  private isOlderGeneration(group: string, current = group === REGISTRY_GROUP ? undefined : this.view.groups[group]?.generation): boolean {
    if (current === undefined) return false;
    const generation = this.localGeneration(group);
    return generation !== undefined && generation < current;
  }

  /** The placement of `group` over the active nodes, cached until the active node set changes. */
  private placementOf(group: string, replicas: number): string[] {
    const key = `${replicas}\u0000${group}`;
    let plan = this.placements.get(key);
    if (plan === undefined) {
      const active = this.activeNodes();
      plan = active.length === 0 ? [] : placeGroup(group, active, replicas);
      if (active.length > 0) this.placements.set(key, plan);
    }
    return plan;
  }

  private activeNodes(): PlacementNode[] {
    return Object.values(this.view.nodes)
      .filter((n) => n.active)
      .map((n) => ({ id: n.id, zone: n.zone }));
  }

  // ------------------------------------------------------------------ liveness

  /** Whether this node currently hears from `node` (itself always). */
  reachable(node: string): boolean {
    if (node === this.o.nodeId) return true;
    const l = this.liveness.get(node);
    if (l === undefined) return this.o.transport.isConnected(node);
    return !l.down && Date.now() - l.lastHeard < this.o.unreachableAfterMs;
  }

  private heartbeat(): void {
    if (!this.running) return;
    const now = Date.now();
    // A beat that comes late found this process stalled (a long GC pause, a starved CPU, a
    // suspended VM): it heard nothing meanwhile, so the time it missed is not the peers' silence.
    // Without this, a registry leader stalled past the grace period would purge every node at once.
    const missed = this.lastBeat === 0 ? 0 : now - this.lastBeat - this.o.heartbeatMs;
    if (missed > this.o.heartbeatMs) for (const l of this.liveness.values()) l.lastHeard = Math.min(now, l.lastHeard + missed);
    this.lastBeat = now;
    const targets = new Set([...Object.keys(this.view.nodes), ...this.o.seeds.map((s) => s.id)]);
    targets.delete(this.o.nodeId);
    for (const node of targets) {
      let l = this.liveness.get(node);
      if (l === undefined) {
        l = { lastHeard: now, down: false, pinging: false };
        this.liveness.set(node, l);
      }
      if (l.pinging) continue;
      l.pinging = true;
      const entry = l;
      this.o.transport.request(node, FLEET_RPC.ping, new Uint8Array(0), { timeoutMs: this.o.unreachableAfterMs }).then(
        () => {
          entry.pinging = false;
          const wasDown = entry.down || Date.now() - entry.lastHeard >= this.o.unreachableAfterMs;
          entry.lastHeard = Date.now();
          entry.down = false;
          if (wasDown) this.scheduleSweep();
        },
        () => {
          entry.pinging = false;
        },
      );
    }
    this.purgeDeadNodes(now);
  }

  /** When heartbeat() last ran (0: not yet). */
  private lastBeat = 0;

  /** The registry's leader purges nodes unheard of for the grace period (that incarnation only). */
  private purgeDeadNodes(now: number): void {
    if (this.localStatus(REGISTRY_GROUP)?.role !== 'leader') return;
    for (const n of Object.values(this.view.nodes)) {
      if (n.id === this.o.nodeId || this.purging.has(n.id)) continue;
      const l = this.liveness.get(n.id);
      if (l === undefined || now - l.lastHeard < this.o.purgeAfterMs) continue;
      this.purging.add(n.id);
      this.log.warn({ peer: n.id, incarnation: n.incarnation, silentMs: now - l.lastHeard }, 'purging unreachable node');
      this.registryCommand({ type: 'removeNode', id: n.id, incarnation: n.incarnation })
        .then(() => this.refreshRegistry(true))
        .catch((e: unknown) => this.log.warn({ peer: n.id, err: errText(e) }, 'purge failed'))
        .finally(() => this.purging.delete(n.id));
    }
  }

  // ------------------------------------------------------------------ rebalancing

  /** This node's rebalancing progress (for the groups it leads). */
  rebalanceStatus(): RebalanceStatus {
    return { inProgress: this.changing.size, inPlan: this.planCounts.inPlan, outOfPlan: this.planCounts.outOfPlan };
  }

  private scheduleSweep(): void {
    if (this.sweepScheduled || !this.running) return;
    this.sweepScheduled = true;
    setTimeout(() => {
      this.sweepScheduled = false;
      this.rebalance();
    }, 20).unref?.();
  }

  /** Compares every group this node leads with its placement and starts the next step, rate-limited. */
  private rebalance(): void {
    if (!this.running || this.view.version === 0) return;
    const active = this.activeNodes();
    if (active.length === 0) return;
    const now = Date.now();
    // A full sweep (every tenth, and after the registry changed) looks at every hosted group. The
    // others look only at the groups the last one left neither settled nor quiet, and at those
    // touched since: on an idle node, none of its thousands of members.
    const full = this.fullSweep;
    this.fullSweep = false;
    const groups = full ? this.host.groups() : [...this.recheck];
    this.recheck.clear();
    const view = this.view;
    let outOfPlan = 0;
    let removedHere = 0;
    for (const group of groups) {
      if (!full && !this.host.hasGroup(group)) continue;
      if (this.isTombstoned(group) || this.isOlderGeneration(group)) {
        removedHere++;
        this.settled.delete(group);
        this.deleteRemoved(group);
        continue;
      }
      if (!this.unknownLogged.has(group) && this.isStray(group)) {
        // Removed so long ago that its tombstone is gone (this node was purged meanwhile). Never
        // deleted for being absent: a registry recovered from an older copy must not make nodes
        // delete data. The operator may (deleteStray).
        this.unknownLogged.add(group);
        this.log.warn({ group, member: this.host.memberId(group), version: view.version }, 'hosted group unknown to the registry: left in place (a stray: see Fleet.strays)');
      }
      if (this.settled.has(group)) continue;
      // Followers have nothing to do until they lead; looking at them every sweep would make idle
      // cost grow with the number of members.
      if (this.quietFollowers.has(group)) continue;
      // A follower of a known leader that is still a member: nothing to do, and no full status to build.
      const lead = this.host.leadership(group);
      if (lead !== undefined && lead.role === 'follower' && lead.leaderNode !== '' && lead.inConfig) {
        this.quietFollowers.add(group);
        continue;
      }
      const st = this.localStatus(group);
      if (st === undefined) {
        this.recheck.add(group);
        continue;
      }
      if (st.role !== 'leader') {
        this.reapIfRemoved(group, st);
        if (st.role === 'follower') this.quietFollowers.add(group);
        else this.recheck.add(group);
        continue;
      }
      const replicas = group === REGISTRY_GROUP ? this.o.registryReplicas : this.view.groups[group]?.replicas;
      if (replicas === undefined) {
        this.recheck.add(group);
        continue;
      }
      const target = this.placementOf(group, replicas);
      const step = nextMembershipStep(
        { voters: st.voters.map(nodeOfMember), learners: st.learners.map(nodeOfMember), leader: this.o.nodeId },
        target,
      );
      if (step.kind === 'none' && !this.checkGhosts(group, st, now)) {
        this.settled.add(group);
        continue;
      }
      // Out of plan (or a ghost member being replaced): looked at again next sweep.
      outOfPlan++;
      this.recheck.add(group);
      if (step.kind === 'none') continue;
      if (this.changing.has(group) || this.changing.size >= this.o.maxConcurrentChanges) continue;
      if ((this.retryAfter.get(group) ?? 0) > now) continue;
      void this.runStep(group, step, st);
    }
    if (full) {
      // A settled group this node no longer hosts (deleted without losing leadership first) stops counting.
      const hosted = new Set(groups);
      for (const g of this.settled) if (!hosted.has(g)) this.settled.delete(g);
      for (const g of this.unknownLogged) if (!hosted.has(g) || view.groups[g] !== undefined) this.unknownLogged.delete(g);
      if (removedHere === 0) this.reportCleaned(view);
    }
    this.planCounts = { inPlan: this.settled.size, outOfPlan };
  }

  /**
   * Tells the registry that this node holds no member of a group removed up to `view`'s version,
   * once a full sweep of `view` found none (and none is being created or deleted): when every
   * node has, the registry drops those tombstones. Tried once per view version.
   */
  private reportCleaned(view: RegistryState): void {
    const self = view.nodes[this.o.nodeId];
    if (self === undefined || self.incarnation !== this.incarnation || view.version <= this.cleanedTried) return;
    if (this.creatingMembers > 0 || this.deleting.size > 0) return;
    const upTo = view.cleaned?.[this.o.nodeId] ?? 0;
    if (!Object.values(view.tombstones).some((t) => t.removedAt > upTo)) return;
    this.cleanedTried = view.version;
    this.registryCommand({ type: 'cleaned', id: this.o.nodeId, incarnation: this.incarnation, upTo: view.version }).catch((e: unknown) =>
      this.log.debug({ err: errText(e), version: view.version }, 'reporting removed groups cleaned failed'),
    );
  }

  private async runStep(group: string, step: MembershipStep, st: GroupStatus): Promise<void> {
    this.changing.add(group);
    const deadline = Date.now() + 4 * this.o.defaultTimeoutMs;
    const memberOn = (node: string, list: string[]): string | undefined => list.find((m) => nodeOfMember(m) === node);
    let outcome = 'ok';
    try {
      switch (step.kind) {
        case 'add': {
          const machine = group === REGISTRY_GROUP ? registryMachine.name : this.view.groups[group]?.machine;
          if (machine === undefined) return;
          const generation = this.view.groups[group]?.generation;
          const prepare = encodeBody(generation === undefined ? { g: group, m: machine } : { g: group, m: machine, inc: String(generation) });
          await this.o.transport.request(step.node, FLEET_RPC.prepare, prepare, { timeoutMs: this.o.defaultTimeoutMs });
          await this.host.addMember(group, step.node, { deadline });
          break;
        }
        case 'promote':
          try {
            await this.host.addMember(group, step.node, { deadline });
          } catch (e) {
            // The learner's node lost its member (restarted empty, or deleted it): drop the learner, re-add later.
            const learner = memberOn(step.node, st.learners);
            if (learner !== undefined && (e instanceof GroupNotFoundError || e instanceof TimeoutError)) await this.host.removeMember(group, learner, { deadline });
            else throw e;
          }
          break;
        case 'remove': {
          const member = memberOn(step.node, [...st.voters, ...st.learners]);
          if (member === undefined) break;
          // An idle (quiescent) group has no recent acks, so the Host's quorum check would refuse:
          // a ReadIndex round first refreshes every follower's liveness.
          await this.freshen(group);
          await this.host.removeMember(group, member, { deadline });
          break;
        }
        case 'transferLeader': {
          const member = memberOn(step.node, st.voters);
          if (member !== undefined && this.reachable(step.node)) await this.host.transferLeader(group, member, { deadline: Date.now() + this.o.defaultTimeoutMs });
          else outcome = 'skipped';
          break;
        }
        case 'none':
          break;
        default: {
          const never: never = step;
          throw new Error(`unknown step ${JSON.stringify(never)}`);
        }
      }
      this.retryAfter.delete(group);
    } catch (e) {
      outcome = 'error';
      this.retryAfter.set(group, Date.now() + (e instanceof MembershipChangeError && e.reason === 'inProgress' ? 200 : 1000));
      this.log.debug({ group, step: step.kind, target: step.kind === 'none' ? '' : step.node, err: errText(e) }, 'membership step failed');
    } finally {
      this.changing.delete(group);
      this.counters.changes.inc({ kind: step.kind, outcome });
      this.scheduleSweep();
    }
  }

  /**
   * A member whose node lost its data (restarted empty under the same id) stays in the configuration
   * but never answers: the group runs a voter short forever. For nodes that registered a new
   * incarnation recently, the leader asks the node of each member that lags behind the commit index
   * which member it hosts; a node that hosts none (or another one) gets that member removed, and the
   * placement then adds a fresh one. True while a check or a removal runs.
   */
  private checkGhosts(group: string, st: GroupStatus, now: number): boolean {
    if (this.changing.has(group)) return true;
    if ((this.ghostCheckedAt.get(group) ?? 0) > now) return false;
    const lagging = [...st.voters, ...st.learners].filter(
      (m) =>
        m !== st.member &&
        (st.progress[m]?.match ?? 0) < st.commit &&
        nodeOfMember(m) !== this.o.nodeId &&
        this.reachable(nodeOfMember(m)) &&
        // Only nodes that came back as a new incarnation can have lost their data; asking others
        // would race with members being added and removed.
        now - (this.restartedAt.get(nodeOfMember(m)) ?? -Infinity) < 10 * 60_000 &&
        // Nor can a member of a group (generation) newer than the node's incarnation: it is being
        // made there, not lost (a group created again just after the node restarted).
        !this.newerThanIncarnation(m),
    );
    if (lagging.length === 0) return false;
    // The check may end in a removal: it counts against the same rate limit as other changes.
    if (this.changing.size >= this.o.maxConcurrentChanges) return true;
    this.ghostCheckedAt.set(group, now + 10 * this.o.sweepMs);
    this.changing.add(group);
    void (async () => {
      try {
        for (const member of lagging) {
          const node = nodeOfMember(member);
          let hosted: string | undefined;
          try {
            const answer = decodeBody(await this.o.transport.request(node, HOST_MEMBER_OF, encodeBody({ g: group }), { timeoutMs: this.o.defaultTimeoutMs })) as {
              ok?: boolean;
              m?: string;
              e?: { code?: string };
            };
            if (answer.ok === true) hosted = answer.m;
            else if (answer.e?.code !== 'ERR_REPLICA_GROUP_NOT_FOUND') continue;
          } catch {
            continue;
          }
          if (hosted === member) continue;
          this.log.warn({ group, member, hosted: hosted ?? '' }, 'member lost by its node; removing it so a fresh one is added');
          await this.freshen(group);
          await this.host.removeMember(group, member, { deadline: Date.now() + 4 * this.o.defaultTimeoutMs });
          this.counters.changes.inc({ kind: 'removeLost', outcome: 'ok' });
          break;
        }
      } catch (e) {
        this.counters.changes.inc({ kind: 'removeLost', outcome: 'error' });
        this.log.debug({ group, err: errText(e) }, 'removing a lost member failed');
      } finally {
        this.changing.delete(group);
        this.scheduleSweep();
      }
    })();
    return true;
  }

  private readonly ghostCheckedAt = new Map<string, number>();
  /** When this node saw another node register a new incarnation (a restart). */
  private readonly restartedAt = new Map<string, number>();
  private readonly deleting = new Set<string>();

  /** Whether member `m` is of a generation registered after its node's current incarnation. */
  private newerThanIncarnation(m: string): boolean {
    const generation = generationOfMember(m);
    const since = this.view.nodes[nodeOfMember(m)]?.since;
    return generation !== undefined && since !== undefined && generation > since;
  }

  /**
   * Refuses (retryably) to make a member of `group` while this node still holds one of an earlier
   * generation of it, which it starts deleting: a group removed and created again starts empty,
   * never from what the removed one left on a node.
   */
  private dropOlderGeneration(group: string, current?: number): void {
    if (this.isOlderGeneration(group, current)) this.deleteRemoved(group);
    else if (!this.deleting.has(group)) return;
    throw Object.assign(new Error(`a member of an earlier generation of ${group} is being deleted here`), { code: 'ERR_BUSY' });
  }

  /** Deletes this node's member of a group the registry removed (tombstoned): its data goes too. */
  private deleteRemoved(group: string): void {
    if (this.deleting.has(group)) return;
    this.deleting.add(group);
    this.host
      .deleteGroup(group)
      .then(() => this.log.info({ group }, 'member of a removed group deleted'))
      .catch((e: unknown) => this.log.debug({ group, err: errText(e) }, 'deleting a removed group failed'))
      .finally(() => this.deleting.delete(group));
  }

  /**
   * A member removed from its group is deleted by the Host some ticks after it applies its removal,
   * but only while it is awake; one that went quiet first would linger. A read that the leader will
   * not answer keeps it awake until the Host deletes it.
   */
  private reapIfRemoved(group: string, status?: GroupStatus): void {
    const st = status ?? this.localStatus(group);
    if (st === undefined || this.reaping.has(group)) return;
    const members = [...st.voters, ...st.learners];
    if (members.length === 0 || members.includes(st.member)) return;
    this.reaping.add(group);
    const ticks = (this.o.host.electionTicks ?? 10) * 3;
    const deadline = Date.now() + ticks * (this.o.host.tickMs ?? 50);
    this.host
      .query(group, null, { consistency: 'linearizable', deadline })
      .catch(() => undefined)
      .finally(() => this.reaping.delete(group));
  }

  private readonly reaping = new Set<string>();

  /** One ReadIndex round on a led group so the leader's view of its followers is fresh. */
  private async freshen(group: string): Promise<void> {
    try {
      await this.host.query(group, null, { consistency: 'linearizable', deadline: Date.now() + this.o.defaultTimeoutMs });
    } catch (e) {
      // The round happened even when the machine's query rejected a null query; only a lost leadership matters.
      if (e instanceof NotLeaderError) throw e;
    }
  }

  // ------------------------------------------------------------------ serving

  private installHandlers(): void {
    const t = this.o.transport;
    t.onRequest(FLEET_RPC.ping, async () => new Uint8Array(0));
    t.onRequest(FLEET_RPC.hello, async () => {
      const answer: HelloAnswer = {
        id: this.o.nodeId,
        zone: this.zone || this.o.zone,
        address: t.address,
        registry: this.view.version > 0 || this.hostInstance?.hasGroup(REGISTRY_GROUP) === true,
        version: this.view.version,
        registryLeader: this.running ? (this.cachedLeader(REGISTRY_GROUP) ?? '') : '',
        activating: this.activating,
        nodes: Object.values(this.view.nodes).map((n): [string, string] => [n.id, n.address]),
      };
      return encodeBody(answer);
    });
    t.onRequest(FLEET_RPC.prepare, async (_from, body) => {
      const req = decodeRequest(body) as { g?: unknown; m?: unknown; inc?: unknown };
      if (typeof req.g !== 'string' || typeof req.m !== 'string' || (req.inc !== undefined && typeof req.inc !== 'string')) {
        throw Object.assign(new Error('bad prepare request'), { code: 'ERR_INVALID' });
      }
      this.ensureRunning();
      if (this.isTombstoned(req.g)) throw Object.assign(new Error(`group ${req.g} was removed`), { code: 'ERR_GROUP_NOT_FOUND' });
      if (req.g !== REGISTRY_GROUP && this.view.groups[req.g] === undefined) {
        // Not in this node's view yet (or removed long ago): no member is made for a group it cannot place.
        void this.refreshRegistry();
        throw Object.assign(new Error(`group ${req.g} is not in this node's registry view (version ${this.view.version})`), { code: 'ERR_BUSY' });
      }
      const record = req.g === REGISTRY_GROUP ? undefined : this.view.groups[req.g];
      if (req.inc !== undefined && record !== undefined && req.inc !== String(record.generation)) {
        void this.refreshRegistry();
        throw Object.assign(new Error(`group ${req.g} is of generation ${record.generation} here, ${req.inc} at the leader`), { code: 'ERR_BUSY' });
      }
      this.dropOlderGeneration(req.g);
      const st = this.localStatus(req.g);
      if (st !== undefined) {
        // A member left over from an earlier removal is deleted by the Host shortly; let the leader retry then.
        if (![...st.voters, ...st.learners].includes(st.member) && st.voters.length > 0) throw Object.assign(new Error(`stale member of ${req.g} still here`), { code: 'ERR_BUSY' });
        return encodeBody({ member: st.member });
      }
      const machine = req.m === registryMachine.name ? (registryMachine as unknown as StateMachine) : req.m;
      this.creatingMembers++;
      try {
        const member = await this.host.joinGroup(req.g, machine, record === undefined ? {} : { incarnation: String(record.generation) });
        return encodeBody({ member });
      } finally {
        this.creatingMembers--;
      }
    });
    t.onRequest(FLEET_RPC.create, (_from, body) => this.serveCreate(body));
    t.onRequest(FLEET_RPC.local, async (_from, body) => {
      const req = decodeRequest(body) as { g?: unknown };
      this.ensureRunning();
      return encodeBody(this.localReport(typeof req.g === 'string' ? req.g : undefined));
    });
    t.onRequest(FLEET_RPC.strays, async () => encodeBody({ strays: await this.localStrays() }));
    t.onRequest(FLEET_RPC.deleteStray, async (_from, body) => {
      const req = decodeRequest(body) as { g?: unknown };
      if (typeof req.g !== 'string' || req.g === '') throw Object.assign(new Error('bad deleteStray request'), { code: 'ERR_INVALID' });
      await this.deleteLocalStray(req.g);
      return encodeBody({});
    });
    t.onRequest(FLEET_RPC.forceRemove, async (_from, body) => {
      const req = decodeRequest(body) as { g?: unknown; member?: unknown };
      if (typeof req.g !== 'string' || typeof req.member !== 'string') throw Object.assign(new Error('bad forceRemove request'), { code: 'ERR_INVALID' });
      await this.host.forceRemoveMember(req.g, req.member);
      return encodeBody({});
    });
    serveClientProtocol(this, t);
  }

  private async serveCreate(body: Uint8Array): Promise<Uint8Array> {
    const req = decodeRequest(body) as { g?: unknown; m?: unknown; members?: unknown; inc?: unknown };
    if (typeof req.g !== 'string' || typeof req.m !== 'string' || !Array.isArray(req.members) || typeof req.inc !== 'string') {
      throw Object.assign(new Error('bad create request'), { code: 'ERR_INVALID' });
    }
    this.ensureRunning();
    // The request names the generation: once this node's view is that recent, a group missing from
    // it or re-created since was removed, and a late request must not leave a member behind.
    const generation = Number(req.inc);
    if (this.view.version >= generation && this.view.groups[req.g]?.generation !== generation) {
      throw Object.assign(new Error(`group ${req.g} of generation ${req.inc} was removed`), { code: 'ERR_GROUP_NOT_FOUND' });
    }
    this.dropOlderGeneration(req.g, Number.isSafeInteger(generation) ? generation : undefined);
    this.creatingMembers++;
    try {
      await this.host.createGroup(req.g, req.m, { members: req.members as string[], incarnation: req.inc });
      // The placement's first node is where the leader should live: it stands first.
      if (req.members[0] === this.o.nodeId) this.host.campaign(req.g);
    } catch (e) {
      if (!(e instanceof GroupExistsError)) throw e;
      // Created before (a retried request), unless its storage is still being deleted (the host let go of it already).
      if (this.host.memberId(req.g) === undefined) throw Object.assign(new Error(`a member of ${req.g} is being deleted here`), { code: 'ERR_BUSY' });
    } finally {
      this.creatingMembers--;
    }
    return encodeBody({});
  }

  /** Reports of every reachable node (this one included), by group. */
  private async collectReports(group?: string): Promise<Map<string, Array<{ node: string; r: LocalReport }>>> {
    const body = encodeBody(group === undefined ? {} : { g: group });
    const answers = (await this.askEveryNode(FLEET_RPC.local, body, 1000, parseLocal, async () => this.localReport(group))).map((a) => a.answer);
    const out = new Map<string, Array<{ node: string; r: LocalReport }>>();
    this.lastChanging = 0;
    for (const a of answers) {
      if (a === undefined) continue;
      this.lastChanging += a.changing;
      for (const r of a.reports) {
        let list = out.get(r.name);
        if (list === undefined) out.set(r.name, (list = []));
        list.push({ node: a.node, r });
      }
    }
    return out;
  }

  private lastChanging = 0;

  /**
   * Asks every registry node the same question: this one through `local`, the others with `method`
   * and `body`, their answers read by `parse`. A node found unreachable (reported at once, not after
   * `timeoutMs`), whose answer fails, or that `parse` does not accept, answers undefined.
   */
  private async askEveryNode<T>(
    method: string,
    body: Uint8Array,
    timeoutMs: number,
    parse: (answer: unknown) => T | undefined,
    local: () => Promise<T>,
  ): Promise<Array<{ node: string; answer: T | undefined }>> {
    const nodes = [...new Set([this.o.nodeId, ...Object.keys(this.view.nodes)])];
    return Promise.all(
      nodes.map(async (node) => {
        try {
          if (node === this.o.nodeId) return { node, answer: await local() };
          if (!this.reachable(node)) return { node, answer: undefined };
          return { node, answer: parse(decodeBody(await this.o.transport.request(node, method, body, { timeoutMs }))) };
        } catch {
          return { node, answer: undefined };
        }
      }),
    );
  }

  /** This node's reports of its members: of `group` only when given (none when it hosts none). */
  private localReport(group?: string): LocalAnswer {
    const names = group !== undefined ? (this.host.hasGroup(group) ? [group] : []) : this.host.groups();
    const reports: LocalReport[] = [];
    for (const name of names) {
      const st = this.localStatus(name);
      if (st !== undefined) reports.push({ name, member: st.member, role: st.role, term: st.term, leaderNode: st.leaderNode, voters: st.voters, learners: st.learners, commit: st.commit });
    }
    return { node: this.o.nodeId, reports, changing: this.changing.size };
  }

  /** Cluster-wide status: nodes, groups with leaders, groups without a leader, changes running. */
  async status(): Promise<{ nodes: FleetNodeInfo[]; groups: FleetGroupInfo[]; leaderless: string[]; rebalancing: number }> {
    const groups = await this.groups();
    return { nodes: this.nodes(), groups, leaderless: groups.filter((g) => g.leader === null).map((g) => g.name), rebalancing: this.lastChanging };
  }

  /** Address of a registry node ('' when unknown). */
  addressOf(node: string): string {
    if (node === this.o.nodeId) return this.o.transport.address;
    return this.view.nodes[node]?.address ?? this.o.seeds.find((s: Seed) => s.id === node)?.address ?? '';
  }

  /** Prometheus text exposition of this node's metrics. */
  metrics(): Promise<string> {
    return this.metricsRegistry.metrics();
  }

  /** The prom-client registry of this node (to merge into an application's own). */
  get metricsRegistryInstance(): Registry {
    return this.metricsRegistry;
  }

  /** Local member counts. */
  private localCounts(): { members: number; leaders: number } {
    if (this.hostInstance === undefined || !this.running) return { members: 0, leaders: 0 };
    let leaders = 0;
    const groups = this.hostInstance.groups();
    for (const g of groups) if (this.hostInstance.leadership(g)?.role === 'leader') leaders++;
    return { members: groups.length, leaders };
  }

  private localStatus(group: string): GroupStatus | undefined {
    if (this.hostInstance === undefined || !this.running) return undefined;
    try {
      return this.hostInstance.status(group);
    } catch {
      return undefined;
    }
  }

  private ensureRunning(): void {
    if (!this.running || this.hostInstance === undefined) throw new FleetStoppedError(this.o.nodeId);
  }

  /** @internal Used by the client protocol server: node record of an id. */
  nodeRecord(id: string): NodeRecord | undefined {
    return this.view.nodes[id];
  }

  /** @internal Used by the client protocol server: machine registered under `name`. */
  machine(name: string): StateMachine<any, any, any, any, any> | undefined {
    return this.machines.get(name);
  }
}

