import test from 'ava';
import fc from 'fast-check';
import { applyRegistryDelta, isMemberCurrent, isRegistryDelta, registryMachine, RegistryError, type RegistryCommand, type RegistryDelta, type RegistryState } from '../src/index.js';

/** A copy of the whole state, as a query answers it: commands change the state they are given in place. */
const copy = (state: RegistryState): RegistryState => registryMachine.query(state, { type: 'all' }) as RegistryState;

function apply(state: RegistryState, ...commands: RegistryCommand[]): RegistryState {
  for (const command of commands) state = registryMachine.command(state, command).state;
  return state;
}

const register = (id: string, incarnation = 'i1', zone = 'z1'): RegistryCommand => ({ type: 'registerNode', id, zone, address: `127.0.0.1:${id.length}`, incarnation });

test('a restarted node is recognised as a new incarnation and purging the old one leaves it alone', (t) => {
  let state = apply(registryMachine.init(), register('a', 'i1'));
  const before = copy(state);
  const again = registryMachine.command(state, register('a', 'i1'));
  t.false(again.result.type === 'node' && again.result.restarted);
  t.deepEqual(again.state, before, 'an identical registration changes nothing, not even the version');
  const restart = registryMachine.command(state, register('a', 'i2'));
  t.true(restart.result.type === 'node' && restart.result.restarted);
  state = restart.state;
  state = apply(state, { type: 'removeNode', id: 'a', incarnation: 'i1' });
  t.is(state.nodes['a']?.incarnation, 'i2', 'purging the dead incarnation must not remove the live one');
  state = apply(state, { type: 'removeNode', id: 'a', incarnation: 'i2' });
  t.is(state.nodes['a'], undefined);
});

test('deactivation keeps the node registered but inactive', (t) => {
  const state = apply(registryMachine.init(), register('a'), { type: 'deactivateNode', id: 'a' });
  t.false(state.nodes['a']?.active);
  t.throws(() => registryMachine.command(state, { type: 'deactivateNode', id: 'zz' }), { instanceOf: RegistryError });
  const back = apply(state, register('a'));
  t.true(back.nodes['a']?.active, 'registering again reactivates');
});

test('groups: creation is idempotent, conflicts are refused, removal leaves a tombstone that outlives a re-creation', (t) => {
  let state = apply(registryMachine.init(), { type: 'addGroup', name: 'g', replicas: 3, machine: 'counter' });
  const first = state.groups['g']!;
  const before = copy(state);
  t.deepEqual(registryMachine.command(state, { type: 'addGroup', name: 'g', replicas: 3, machine: 'counter' }).state, before);
  const conflict = t.throws(() => registryMachine.command(state, { type: 'addGroup', name: 'g', replicas: 5, machine: 'counter' }), { instanceOf: RegistryError });
  t.is(conflict?.code, 'ERR_GROUP_EXISTS');
  t.deepEqual(state, before, 'a refused command leaves the state as it was');
  t.true(isMemberCurrent(state, 'g', first.generation));
  state = apply(state, { type: 'removeGroup', name: 'g' });
  t.false(isMemberCurrent(state, 'g', first.generation), 'a late member of a removed group must not come back');
  t.is(state.tombstones['g']?.generation, first.generation);
  state = apply(state, { type: 'addGroup', name: 'g', replicas: 3, machine: 'counter' });
  t.not(state.groups['g']?.generation, first.generation);
  t.false(isMemberCurrent(state, 'g', first.generation), 'a member of the old generation stays stale after re-creation');
  t.true(isMemberCurrent(state, 'g', state.groups['g']!.generation));
});

test('a tombstone is dropped once every registered node reported past its removal, and never before', (t) => {
  let state = apply(registryMachine.init(), register('a'), register('b'), { type: 'addGroup', name: 'g1', replicas: 3, machine: 'm' }, { type: 'addGroup', name: 'g2', replicas: 3, machine: 'm' });
  state = apply(state, { type: 'removeGroup', name: 'g1' });
  const g1At = state.tombstones['g1']!.removedAt;
  state = apply(state, { type: 'removeGroup', name: 'g2' });
  const version = state.version;
  const cleaned = (id: string, upTo: number, incarnation = 'i1'): RegistryCommand => ({ type: 'cleaned', id, incarnation, upTo });
  const first = registryMachine.command(state, cleaned('a', version));
  t.deepEqual(first.result, { type: 'cleaned', upTo: version });
  state = first.state;
  t.is(state.version, version, 'a report changes no node or group: the version stays');
  t.deepEqual(Object.keys(state.tombstones).sort(), ['g1', 'g2'], 'b has not reported');
  // A report from a replaced incarnation, from an unknown node, or claiming the future counts for nothing beyond now.
  const reported = copy(state);
  t.deepEqual(apply(state, cleaned('b', version, 'old')), reported);
  t.deepEqual(apply(state, cleaned('zz', version)), reported);
  state = apply(state, cleaned('b', g1At));
  t.deepEqual(Object.keys(state.tombstones), ['g2'], 'g1 is past for both; g2 not for b');
  state = apply(state, register('c'));
  state = apply(state, cleaned('b', version + 100));
  t.is(state.cleaned?.['b'], state.version, 'nobody is clean past the present');
  t.truthy(state.tombstones['g2'], 'c registered since and holds it back until it reports');
  // Purging the last node that holds a tombstone back drops it.
  state = apply(state, { type: 'removeNode', id: 'c', incarnation: 'i1' });
  t.deepEqual(state.tombstones, {});
  t.is(state.cleaned?.['c'], undefined);
  // A registry written by a build that kept every tombstone has no reports: the first ones start it.
  const legacy: RegistryState = { version: 3, nodes: { a: state.nodes['a']! }, groups: {}, tombstones: { old: { name: 'old', generation: 1, removedAt: 2 } } };
  t.deepEqual(apply(legacy, cleaned('a', 3)).tombstones, {});
});

test('invalid names and replica counts are refused with typed errors', (t) => {
  const init = registryMachine.init();
  for (const bad of [
    { type: 'addGroup', name: '', replicas: 3, machine: 'm' },
    { type: 'addGroup', name: 'g', replicas: 0, machine: 'm' },
    { type: 'addGroup', name: 'g', replicas: 2.5, machine: 'm' },
    { type: 'addGroup', name: '$registry', replicas: 3, machine: 'm' },
    { type: 'registerNode', id: '', zone: 'z', address: 'x', incarnation: 'i' },
  ] as RegistryCommand[]) {
    t.throws(() => registryMachine.command(init, bad), { instanceOf: RegistryError });
  }
  t.deepEqual(init, registryMachine.init(), 'refused commands leave the state as it was');
});

test('commands change the registry in place, and a whole-state answer is a copy later commands leave alone', (t) => {
  const state = apply(registryMachine.init(), register('a'), { type: 'addGroup', name: 'g1', replicas: 3, machine: 'm' });
  const all = registryMachine.query(state, { type: 'all' }) as RegistryState;
  const since = registryMachine.query(state, { type: 'since', version: 1 }) as RegistryState;
  t.is(registryMachine.query(state, { type: 'since', version: state.version }), null);
  const next = apply(state, { type: 'addGroup', name: 'g2', replicas: 3, machine: 'm' }, { type: 'removeGroup', name: 'g1' }, { type: 'deactivateNode', id: 'a' });
  t.is(next, state, 'changed in place');
  t.deepEqual(Object.keys(next.groups), ['g2']);
  for (const answer of [all, since]) {
    t.is(answer.version, 2);
    t.deepEqual(Object.keys(answer.groups), ['g1']);
    t.deepEqual(answer.tombstones, {});
    t.true(answer.nodes['a']?.active);
  }
});

const changes = (state: RegistryState, version: number): RegistryState | RegistryDelta | null =>
  registryMachine.query(state, { type: 'changes', version }) as RegistryState | RegistryDelta | null;

test('changes: the groups created and removed since a version, every node and tombstone; the whole state when the member cannot tell', (t) => {
  const state = apply(registryMachine.init(), register('a'), register('b'), { type: 'addGroup', name: 'g1', replicas: 3, machine: 'm' }, { type: 'addGroup', name: 'g2', replicas: 3, machine: 'm' });
  const old = copy(state);
  t.is(changes(state, old.version), null, 'nothing new');
  apply(state, { type: 'addGroup', name: 'g3', replicas: 1, machine: 'm' }, { type: 'removeGroup', name: 'g1' }, { type: 'deactivateNode', id: 'b' }, { type: 'removeGroup', name: 'g2' }, { type: 'addGroup', name: 'g2', replicas: 3, machine: 'm' });
  const delta = changes(state, old.version);
  if (delta === null || !isRegistryDelta(delta)) {
    t.fail('a delta');
    return;
  }
  t.is(delta.since, old.version);
  t.is(delta.version, state.version);
  t.deepEqual(Object.keys(delta.groups).sort(), ['g2', 'g3'], 'created since, g2 created again');
  t.is(delta.groups['g2']!.generation, state.version);
  t.deepEqual(delta.gone, ['g1']);
  t.deepEqual(delta.nodes, state.nodes);
  t.deepEqual(Object.keys(delta.tombstones).sort(), ['g1', 'g2']);
  t.deepEqual(applyRegistryDelta(old, delta), copy(state));
  t.is(Object.keys(old.groups).length, 2, 'the old view is left alone');
  // A change of nodes only: the new view shares the group table instead of copying it.
  const before = copy(state);
  apply(state, { type: 'deactivateNode', id: 'a' });
  const nodesOnly = changes(state, before.version) as RegistryDelta;
  const after = applyRegistryDelta(before, nodesOnly);
  t.is(after.groups, before.groups);
  t.false(after.nodes['a']!.active);
  t.throws(() => applyRegistryDelta(copy(state), delta), { instanceOf: RangeError });
  // A member that restored the state (a new object) knows no history: the whole state.
  const restored = copy(state);
  const whole = changes(restored, old.version);
  t.false(whole === null || isRegistryDelta(whole));
  t.deepEqual(whole, copy(state));
  // Its history starts at the first command it applies: deltas from there on, the whole state before.
  const at = restored.version;
  apply(restored, { type: 'addGroup', name: 'g4', replicas: 1, machine: 'm' });
  t.deepEqual((changes(restored, at) as RegistryDelta).groups['g4']?.name, 'g4');
  t.false(isRegistryDelta(changes(restored, at - 1)!));
});

test('changes: the history a member keeps is bounded; an asker older than it gets the whole state', (t) => {
  const state = apply(registryMachine.init(), register('a'));
  const first = copy(state);
  for (let i = 0; i < 70_000; i++) registryMachine.command(state, { type: 'addGroup', name: `g${i}`, replicas: 1, machine: 'm' });
  t.false(isRegistryDelta(changes(state, first.version)!), 'too old: the whole state');
  const recent = changes(state, state.version - 10);
  t.true(recent !== null && isRegistryDelta(recent));
  t.is(Object.keys((recent as RegistryDelta).groups).length, 10);
});

test('changes: any view brought forward by its delta is the registry, whatever the commands (property)', (t) => {
  const command = fc.oneof(
    fc.record({ type: fc.constant('registerNode' as const), id: fc.constantFrom('a', 'b', 'c'), zone: fc.constantFrom('z1', 'z2'), address: fc.constant('h:1'), incarnation: fc.constantFrom('i1', 'i2') }),
    fc.record({ type: fc.constant('deactivateNode' as const), id: fc.constantFrom('a', 'b', 'c') }),
    fc.record({ type: fc.constant('removeNode' as const), id: fc.constantFrom('a', 'b', 'c'), incarnation: fc.constantFrom('i1', 'i2') }),
    fc.record({ type: fc.constant('addGroup' as const), name: fc.constantFrom('g1', 'g2', 'g3'), replicas: fc.constantFrom(1, 3), machine: fc.constant('m') }),
    fc.record({ type: fc.constant('removeGroup' as const), name: fc.constantFrom('g1', 'g2', 'g3') }),
    fc.record({ type: fc.constant('cleaned' as const), id: fc.constantFrom('a', 'b', 'c'), incarnation: fc.constantFrom('i1', 'i2'), upTo: fc.nat(50) }),
  );
  fc.assert(
    fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
      const state = registryMachine.init();
      const views: RegistryState[] = [copy(state)];
      for (const c of commands) {
        try {
          registryMachine.command(state, c);
        } catch (error) {
          if (!(error instanceof RegistryError)) throw error;
        }
        views.push(copy(state));
      }
      const now = copy(state);
      for (const view of views) {
        const answer = changes(state, view.version);
        if (view.version === state.version) t.is(answer, null);
        else if (answer === null || !isRegistryDelta(answer)) t.fail(`a delta since ${view.version}`);
        else t.deepEqual(applyRegistryDelta(view, answer), now, `since ${view.version}`);
      }
    }),
  );
});

test('the registry is deterministic: replaying the same commands gives the same state and versions only grow', (t) => {
  const command = fc.oneof(
    fc.record({ type: fc.constant('registerNode' as const), id: fc.constantFrom('a', 'b', 'c'), zone: fc.constantFrom('z1', 'z2'), address: fc.constant('h:1'), incarnation: fc.constantFrom('i1', 'i2') }),
    fc.record({ type: fc.constant('removeNode' as const), id: fc.constantFrom('a', 'b', 'c'), incarnation: fc.constantFrom('i1', 'i2') }),
    fc.record({ type: fc.constant('addGroup' as const), name: fc.constantFrom('g1', 'g2'), replicas: fc.constantFrom(1, 3), machine: fc.constant('m') }),
    fc.record({ type: fc.constant('removeGroup' as const), name: fc.constantFrom('g1', 'g2') }),
    fc.record({ type: fc.constant('cleaned' as const), id: fc.constantFrom('a', 'b', 'c'), incarnation: fc.constantFrom('i1', 'i2'), upTo: fc.nat(50) }),
  );
  fc.assert(
    fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
      const run = () => {
        let state = registryMachine.init();
        for (const c of commands) {
          const before = copy(state);
          try {
            const next = registryMachine.command(state, c).state;
            t.true(next.version >= before.version);
            // A tombstone goes only when every node registered then has reported past it.
            for (const [name, stone] of Object.entries(before.tombstones)) {
              if (next.tombstones[name] !== undefined) continue;
              for (const id of Object.keys(next.nodes)) t.true((next.cleaned?.[id] ?? 0) >= stone.removedAt, `${name} dropped before ${id} reported`);
            }
            state = next;
          } catch (error) {
            t.true(error instanceof RegistryError);
            t.deepEqual(state, before, 'a refused command leaves the state as it was');
          }
        }
        return state;
      };
      t.deepEqual(run(), run());
    }),
  );
});
