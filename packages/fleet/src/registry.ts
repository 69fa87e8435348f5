// The cluster registry as a replicated state machine: which nodes exist (and in which zone and
// incarnation), which groups exist, and which were removed. It lives in its own consensus group.

/** A node as the registry records it. */
export interface NodeRecord {
  /** Stable node id. */
  readonly id: string;
  /** Failure domain. */
  readonly zone: string;
  /** Where its transport listens (host:port). */
  readonly address: string;
  /** Changes every time the process starts; tells a restarted node from the one that was there. */
  readonly incarnation: string;
  /** False once the node asked to leave: it keeps serving until its members have moved away. */
  readonly active: boolean;
  /** Registry version at which this incarnation registered. */
  readonly since: number;
}

/** A group as the registry records it. */
export interface GroupRecord {
  /** Unique group name. */
  readonly name: string;
  /** Number of members the placement gives it. */
  readonly replicas: number;
  /** Name of the state machine, registered on every node. */
  readonly machine: string;
  /** Registry version at which the group was created; members of an older generation are stale. */
  readonly generation: number;
  /** Per-group options, opaque to the registry. */
  readonly options: Readonly<Record<string, unknown>>;
}

/** A removed group: late members of this generation or older must delete themselves. */
export interface Tombstone {
  /** Group name. */
  readonly name: string;
  /** Generation that was removed. */
  readonly generation: number;
  /** Registry version of the removal. */
  readonly removedAt: number;
}

/** The whole registry. */
export interface RegistryState {
  /** Increments with every applied change. */
  readonly version: number;
  /** Nodes by id. */
  readonly nodes: Readonly<Record<string, NodeRecord>>;
  /** Groups by name. */
  readonly groups: Readonly<Record<string, GroupRecord>>;
  /**
   * Removed groups by name (the latest removal of each name), until every registered node has
   * said it holds no member of them (see {@link RegistryState.cleaned}).
   */
  readonly tombstones: Readonly<Record<string, Tombstone>>;
  /**
   * Per registered node, the registry version up to which it holds no member of a removed group
   * (its last `cleaned` command). A tombstone is dropped once every registered node is past its
   * removal. Absent in a registry written by a build that kept every tombstone.
   */
  readonly cleaned?: Readonly<Record<string, number>>;
}

/** Changes to the registry. */
export type RegistryCommand =
  | { readonly type: 'registerNode'; readonly id: string; readonly zone: string; readonly address: string; readonly incarnation: string }
  | { readonly type: 'deactivateNode'; readonly id: string }
  | { readonly type: 'removeNode'; readonly id: string; readonly incarnation: string }
  | { readonly type: 'addGroup'; readonly name: string; readonly replicas: number; readonly machine: string; readonly options?: Record<string, unknown> }
  | { readonly type: 'removeGroup'; readonly name: string }
  /**
   * Node `id` (this incarnation) holds no member of any group removed at registry version `upTo`
   * or before. Leaves the version as it is: it changes no node or group, only drops tombstones.
   */
  | { readonly type: 'cleaned'; readonly id: string; readonly incarnation: string; readonly upTo: number };

/** What a registry command returns. */
export type RegistryResult =
  | { readonly type: 'node'; readonly node: NodeRecord; readonly restarted: boolean }
  | { readonly type: 'group'; readonly group: GroupRecord; readonly created: boolean }
  | { readonly type: 'removed'; readonly name: string; readonly existed: boolean }
  /** The version the node is recorded as clean up to after a `cleaned` command (0: not registered). */
  | { readonly type: 'cleaned'; readonly upTo: number };

/** Reads of the registry. */
export type RegistryQuery =
  | { readonly type: 'all' }
  | { readonly type: 'group'; readonly name: string }
  | { readonly type: 'node'; readonly id: string }
  /** The whole state when its version is above `version`, else null: cheap polling. */
  | { readonly type: 'since'; readonly version: number }
  /**
   * What changed since `version` (a {@link RegistryDelta}) when the member answering still knows
   * (it keeps the names of recently changed groups), the whole state when it does not, null when
   * nothing did. Builds before it refuse it as an unknown query.
   */
  | { readonly type: 'changes'; readonly version: number };

/**
 * The answer to a `changes` query: what a view at version `since` lacks to be at `version`. Groups
 * are sent only when created or removed since; nodes, tombstones and clean reports whole (few).
 * See {@link applyRegistryDelta}.
 */
export interface RegistryDelta {
  /** The registry's version. */
  readonly version: number;
  /** The version it is counted from. */
  readonly since: number;
  /** Every node. */
  readonly nodes: Readonly<Record<string, NodeRecord>>;
  /** Groups created since (or created again under their name), by name. */
  readonly groups: Readonly<Record<string, GroupRecord>>;
  /** Groups removed since and not created again. */
  readonly gone: readonly string[];
  /** Every tombstone. */
  readonly tombstones: Readonly<Record<string, Tombstone>>;
  /** Every clean report. */
  readonly cleaned: Readonly<Record<string, number>>;
}

/** Whether a `changes` answer is a delta (rather than the whole state). */
export function isRegistryDelta(answer: RegistryState | RegistryDelta): answer is RegistryDelta {
  return 'gone' in answer;
}

/**
 * `view` moved to `delta.version`, as a new state (`view` is left alone; when no group changed, the
 * new state shares its group table, which no one changes). `delta.since` must be `view.version`.
 */
export function applyRegistryDelta(view: RegistryState, delta: RegistryDelta): RegistryState {
  if (delta.since !== view.version) throw new RangeError(`a delta since version ${delta.since} does not apply to a view at ${view.version}`);
  const changed = Object.keys(delta.groups);
  let groups = view.groups;
  if (changed.length > 0 || delta.gone.length > 0) {
    const copy: Record<string, GroupRecord> = { ...view.groups };
    for (const name of delta.gone) delete copy[name];
    for (const name of changed) copy[name] = delta.groups[name] as GroupRecord;
    groups = copy;
  }
  return { version: delta.version, nodes: { ...delta.nodes }, groups, tombstones: { ...delta.tombstones }, cleaned: { ...delta.cleaned } };
}

/**
 * The names of the groups created or removed at each version, beside a registry state (in memory
 * only: a member that restored the state from a snapshot starts a new journal). Complete for every
 * version above `from`.
 */
interface Journal {
  from: number;
  versions: number[];
  names: string[];
}

/** Most group changes a journal keeps; past that it forgets the older half. */
const JOURNAL_MAX = 65_536;
const journals = new WeakMap<RegistryState, Journal>();

function journalOf(state: RegistryState): Journal {
  let j = journals.get(state);
  if (j === undefined) {
    j = { from: state.version, versions: [], names: [] };
    journals.set(state, j);
  }
  return j;
}

function noteGroupChange(state: RegistryState, name: string): void {
  const j = journalOf(state);
  j.versions.push(state.version);
  j.names.push(name);
  if (j.versions.length > JOURNAL_MAX) {
    const drop = JOURNAL_MAX / 2;
    j.from = j.versions[drop - 1] as number;
    j.versions = j.versions.slice(drop);
    j.names = j.names.slice(drop);
  }
}

/** What changed since `since`, or undefined when the journal does not reach back that far. */
function deltaSince(state: RegistryState, since: number): RegistryDelta | undefined {
  const j = journals.get(state);
  if (j === undefined || since < j.from || since > state.version) return undefined;
  const groups: Record<string, GroupRecord> = {};
  const gone: string[] = [];
  const seen = new Set<string>();
  for (let i = j.versions.length - 1; i >= 0 && (j.versions[i] as number) > since; i--) {
    const name = j.names[i] as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const record = state.groups[name];
    if (record !== undefined) groups[name] = record;
    else gone.push(name);
  }
  return { version: state.version, since, nodes: { ...state.nodes }, groups, gone, tombstones: { ...state.tombstones }, cleaned: { ...state.cleaned } };
}

/** Raised (and returned to the proposer) when a registry change is refused. */
export class RegistryError extends Error {
  /** Machine-readable reason. */
  readonly code: 'ERR_GROUP_EXISTS' | 'ERR_INVALID_GROUP' | 'ERR_INVALID_NODE' | 'ERR_NODE_NOT_FOUND';
  /** Constructs the error. */
  constructor(code: RegistryError['code'], message: string) {
    // The code leads the message: it is all that survives the trip through a CommandFailedError.
    super(`${code}: ${message}`);
    this.name = 'RegistryError';
    this.code = code;
  }
}

/** Name of the registry's own consensus group. */
export const REGISTRY_GROUP = '$registry';

/** The registry as the machine changes it: in place (see registryMachine). */
interface MutableRegistry {
  version: number;
  nodes: Record<string, NodeRecord>;
  groups: Record<string, GroupRecord>;
  tombstones: Record<string, Tombstone>;
  cleaned?: Record<string, number>;
}

/**
 * The registry as a replicated state machine (deterministic: no clocks, no randomness). A command
 * changes the state in place once it is valid (a refused one throws before touching it), so that
 * adding a group costs the same with ten thousand groups as with ten; queries for the whole state
 * answer with a copy, which the caller may keep while later commands go on.
 */
export const registryMachine = {
  name: 'raftfleet.registry',
  init(): RegistryState {
    return { version: 0, nodes: {}, groups: {}, tombstones: {}, cleaned: {} };
  },
  command(registry: RegistryState, command: RegistryCommand): { result: RegistryResult; state: RegistryState } {
    const state = registry as MutableRegistry;
    // Complete from the version before the first command this member applies to this state object.
    journalOf(state);
    const version = state.version + 1;
    switch (command.type) {
      case 'registerNode': {
        requireName(command.id, 'ERR_INVALID_NODE', 'node id');
        requireName(command.zone, 'ERR_INVALID_NODE', 'zone');
        const previous = state.nodes[command.id];
        const restarted = previous !== undefined && previous.incarnation !== command.incarnation;
        const unchanged =
          previous !== undefined && !restarted && previous.active && previous.zone === command.zone && previous.address === command.address;
        if (unchanged) return { result: { type: 'node', node: previous, restarted: false }, state };
        const node: NodeRecord = {
          id: command.id,
          zone: command.zone,
          address: command.address,
          incarnation: command.incarnation,
          active: true,
          since: previous !== undefined && !restarted ? previous.since : version,
        };
        state.version = version;
        state.nodes[node.id] = node;
        return { result: { type: 'node', node, restarted }, state };
      }
      case 'deactivateNode': {
        const previous = state.nodes[command.id];
        if (previous === undefined) throw new RegistryError('ERR_NODE_NOT_FOUND', `node ${command.id} is not registered`);
        if (!previous.active) return { result: { type: 'node', node: previous, restarted: false }, state };
        const node = { ...previous, active: false };
        state.version = version;
        state.nodes[node.id] = node;
        return { result: { type: 'node', node, restarted: false }, state };
      }
      case 'removeNode': {
        const previous = state.nodes[command.id];
        // Only the incarnation that was judged dead is purged: a node that came back in between stays.
        if (previous === undefined || previous.incarnation !== command.incarnation) {
          return { result: { type: 'removed', name: command.id, existed: false }, state };
        }
        state.version = version;
        delete state.nodes[command.id];
        if (state.cleaned !== undefined) delete state.cleaned[command.id];
        // The purged node no longer holds anything back.
        dropCleaned(state);
        return { result: { type: 'removed', name: command.id, existed: true }, state };
      }
      case 'addGroup': {
        requireName(command.name, 'ERR_INVALID_GROUP', 'group name');
        requireName(command.machine, 'ERR_INVALID_GROUP', 'machine name');
        if (command.name === REGISTRY_GROUP) throw new RegistryError('ERR_INVALID_GROUP', `${REGISTRY_GROUP} is reserved`);
        if (!Number.isInteger(command.replicas) || command.replicas < 1 || command.replicas > 15) {
          throw new RegistryError('ERR_INVALID_GROUP', `replicas must be an integer from 1 to 15, got ${command.replicas}`);
        }
        const existing = state.groups[command.name];
        if (existing !== undefined) {
          if (existing.machine === command.machine && existing.replicas === command.replicas) {
            return { result: { type: 'group', group: existing, created: false }, state };
          }
          throw new RegistryError('ERR_GROUP_EXISTS', `group ${command.name} exists with machine ${existing.machine} and ${existing.replicas} replicas`);
        }
        const group: GroupRecord = {
          name: command.name,
          replicas: command.replicas,
          machine: command.machine,
          generation: version,
          options: command.options ?? {},
        };
        state.version = version;
        state.groups[group.name] = group;
        noteGroupChange(state, group.name);
        return { result: { type: 'group', group, created: true }, state };
      }
      case 'removeGroup': {
        const existing = state.groups[command.name];
        if (existing === undefined) return { result: { type: 'removed', name: command.name, existed: false }, state };
        state.version = version;
        delete state.groups[command.name];
        state.tombstones[command.name] = { name: command.name, generation: existing.generation, removedAt: version };
        noteGroupChange(state, command.name);
        return { result: { type: 'removed', name: command.name, existed: true }, state };
      }
      case 'cleaned': {
        const node = state.nodes[command.id];
        const before = state.cleaned?.[command.id] ?? 0;
        // From a purged or replaced incarnation, or nothing new: nothing to record.
        if (node === undefined || node.incarnation !== command.incarnation || !Number.isSafeInteger(command.upTo) || command.upTo <= before) {
          return { result: { type: 'cleaned', upTo: node?.incarnation === command.incarnation ? before : 0 }, state };
        }
        const upTo = Math.min(command.upTo, state.version);
        (state.cleaned ??= {})[command.id] = upTo;
        dropCleaned(state);
        return { result: { type: 'cleaned', upTo }, state };
      }
      default: {
        const never: never = command;
        throw new RegistryError('ERR_INVALID_GROUP', `unknown registry command ${JSON.stringify(never)}`);
      }
    }
  },
  query(state: RegistryState, query: RegistryQuery): RegistryState | RegistryDelta | GroupRecord | NodeRecord | null {
    switch (query.type) {
      case 'all':
        return copyOf(state);
      case 'group':
        return state.groups[query.name] ?? null;
      case 'node':
        return state.nodes[query.id] ?? null;
      case 'since':
        return state.version > query.version ? copyOf(state) : null;
      case 'changes':
        if (state.version <= query.version) return null;
        return deltaSince(state, query.version) ?? copyOf(state);
      default: {
        const never: never = query;
        throw new RegistryError('ERR_INVALID_GROUP', `unknown registry query ${JSON.stringify(never)}`);
      }
    }
  },
};

/** A copy of the whole registry that later commands leave alone (records are never changed in place, only replaced). */
function copyOf(state: RegistryState): RegistryState {
  return {
    version: state.version,
    nodes: { ...state.nodes },
    groups: { ...state.groups },
    tombstones: { ...state.tombstones },
    cleaned: { ...state.cleaned },
  };
}

/**
 * Whether a member of `group` created at `generation` should still exist according to `state`.
 * A member of a removed or replaced generation must delete itself instead of rejoining.
 */
export function isMemberCurrent(state: RegistryState, group: string, generation: number): boolean {
  if (group === REGISTRY_GROUP) return true;
  const record = state.groups[group];
  return record !== undefined && record.generation === generation;
}

/** Drops the tombstones that every registered node has said it is past. */
function dropCleaned(state: MutableRegistry): void {
  let upTo = Number.POSITIVE_INFINITY;
  for (const id of Object.keys(state.nodes)) upTo = Math.min(upTo, state.cleaned?.[id] ?? 0);
  if (upTo === Number.POSITIVE_INFINITY || upTo === 0) return;
  for (const name of Object.keys(state.tombstones)) if ((state.tombstones[name] as Tombstone).removedAt <= upTo) delete state.tombstones[name];
}

function requireName(value: string, code: RegistryError['code'], what: string): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > 256 || /[\u0000-\u001f]/.test(value)) {
    throw new RegistryError(code, `${what} must be a non-empty printable string of at most 256 characters`);
  }
}
