import test from 'ava';
import fc from 'fast-check';
import { nextMembershipStep, placeGroup, type Membership, type PlacementNode } from '../src/index.js';

function cluster(count: number, zones: number, prefix = 'node'): PlacementNode[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, zone: `zone-${i % zones}` }));
}

function memberCounts(groups: number, nodes: PlacementNode[], replicas: number): Map<string, number> {
  const counts = new Map(nodes.map((n) => [n.id, 0]));
  for (let g = 0; g < groups; g++) {
    for (const id of placeGroup(`group-${g}`, nodes, replicas)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

test('placement is deterministic and independent of the order nodes are listed in', (t) => {
  fc.assert(
    fc.property(fc.string(), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }), (group, n, zones, replicas) => {
      const nodes = cluster(n, zones);
      const forward = placeGroup(group, nodes, replicas);
      const backward = placeGroup(group, [...nodes].reverse(), replicas);
      t.deepEqual(forward, backward);
      t.is(forward.length, Math.min(n, replicas));
      t.is(new Set(forward).size, forward.length);
    }),
  );
});

test('members spread over as many zones as exist before any zone holds two', (t) => {
  fc.assert(
    fc.property(fc.string(), fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 7 }), (group, n, zones, replicas) => {
      const nodes = cluster(n, zones);
      const zoneOf = new Map(nodes.map((node) => [node.id, node.zone]));
      const placed = placeGroup(group, nodes, replicas);
      const perZone = new Map<string, number>();
      for (const id of placed) perZone.set(zoneOf.get(id)!, (perZone.get(zoneOf.get(id)!) ?? 0) + 1);
      const zonesPresent = new Set(nodes.map((node) => node.zone)).size;
      const counts = [...perZone.values()];
      // A zone holds two members only when every zone already holds one (or has no node left).
      if (Math.max(...counts) >= 2) t.is(perZone.size, Math.min(zonesPresent, placed.length));
      t.true(Math.max(...counts) - Math.min(...counts) <= 1 || perZone.size === zonesPresent);
    }),
  );
});

test('10,000 groups over 10 nodes in 3 zones: no two members share a zone, and nodes of a zone are balanced', (t) => {
  const nodes = cluster(10, 3); // zones of 4, 3 and 3 nodes
  const zoneOf = new Map(nodes.map((node) => [node.id, node.zone]));
  for (let g = 0; g < 10_000; g++) {
    const zones = placeGroup(`group-${g}`, nodes, 3).map((id) => zoneOf.get(id));
    t.is(new Set(zones).size, 3, `group-${g} has two members in one zone`);
  }
  const counts = memberCounts(10_000, nodes, 3);
  // With three replicas and three zones every zone holds exactly one member of every group, so
  // balance is per zone: each node within 10% of its zone's mean.
  for (const zone of new Set(zoneOf.values())) {
    const inZone = nodes.filter((node) => node.zone === zone).map((node) => counts.get(node.id)!);
    const mean = inZone.reduce((a, b) => a + b, 0) / inZone.length;
    for (const count of inZone) t.true(Math.abs(count - mean) <= 0.1 * mean, `${zone}: ${count} vs mean ${mean}`);
  }
});

test('10,000 groups over 12 nodes in 3 equal zones: every node within 10% of the mean, leaders spread too', (t) => {
  const nodes = cluster(12, 3);
  const counts = memberCounts(10_000, nodes, 3);
  const mean = 30_000 / 12;
  for (const [id, count] of counts) t.true(Math.abs(count - mean) <= 0.1 * mean, `${id}: ${count} vs ${mean}`);
  const leaders = new Map<string, number>();
  for (let g = 0; g < 10_000; g++) {
    const first = placeGroup(`group-${g}`, nodes, 3)[0]!;
    leaders.set(first, (leaders.get(first) ?? 0) + 1);
  }
  for (const [id, count] of leaders) t.true(Math.abs(count - 10_000 / 12) <= 0.15 * (10_000 / 12), `leaders on ${id}: ${count}`);
});

test('adding an 11th node moves at most 1.2 times the ideal share, and only onto the new node', (t) => {
  const before = cluster(10, 3);
  const after = [...before, { id: 'node-new', zone: 'zone-1' }];
  let moved = 0;
  for (let g = 0; g < 10_000; g++) {
    const old = new Set(placeGroup(`group-${g}`, before, 3));
    const now = placeGroup(`group-${g}`, after, 3);
    for (const id of now) {
      if (!old.has(id)) {
        moved++;
        t.is(id, 'node-new', `group-${g} moved a member to ${id}, which did not join`);
      }
    }
  }
  const ideal = 30_000 / 11;
  t.true(moved <= 1.2 * ideal, `moved ${moved}, ideal share ${ideal.toFixed(0)}`);
  t.true(moved > 0);
});

test('removing a node moves only the members it held', (t) => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 9 }), fc.array(fc.string(), { minLength: 1, maxLength: 50 }), (gone, groups) => {
      const nodes = cluster(10, 3);
      const remaining = nodes.filter((_, i) => i !== gone);
      for (const group of groups) {
        const old = placeGroup(group, nodes, 3);
        const now = placeGroup(group, remaining, 3);
        const kept = old.filter((id) => id !== `node-${gone}`);
        for (const id of kept) t.true(now.includes(id), `${group}: ${id} should stay`);
      }
    }),
  );
});

test('membership steps add before they remove and move leadership last', (t) => {
  const current: Membership = { voters: ['a', 'b', 'c'], learners: [], leader: 'a' };
  t.deepEqual(nextMembershipStep(current, ['d', 'b', 'c']), { kind: 'add', node: 'd' });
  t.deepEqual(nextMembershipStep({ ...current, learners: ['d'] }, ['d', 'b', 'c']), { kind: 'promote', node: 'd' });
  t.deepEqual(nextMembershipStep({ voters: ['a', 'b', 'c', 'd'], learners: [], leader: 'a' }, ['d', 'b', 'c']), { kind: 'transferLeader', node: 'd' });
  t.deepEqual(nextMembershipStep({ voters: ['a', 'b', 'c', 'd'], learners: [], leader: 'd' }, ['d', 'b', 'c']), { kind: 'remove', node: 'a' });
  t.deepEqual(nextMembershipStep({ voters: ['b', 'c', 'd'], learners: [], leader: 'b' }, ['d', 'b', 'c']), { kind: 'transferLeader', node: 'd' });
  t.deepEqual(nextMembershipStep({ voters: ['b', 'c', 'd'], learners: ['x'], leader: 'd' }, ['d', 'b', 'c']), { kind: 'remove', node: 'x' });
  t.deepEqual(nextMembershipStep({ voters: ['b', 'c', 'd'], learners: [], leader: 'd' }, ['d', 'b', 'c']), { kind: 'none' });
});

test('following the steps from any membership reaches the target without dropping below the replica count', (t) => {
  const node = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
  fc.assert(
    fc.property(fc.uniqueArray(node, { minLength: 1, maxLength: 5 }), fc.uniqueArray(node, { minLength: 1, maxLength: 5 }), (voters, target) => {
      let m: Membership = { voters, learners: [], leader: voters[0]! };
      for (let i = 0; i < 30; i++) {
        const step = nextMembershipStep(m, target);
        if (step.kind === 'none') break;
        const size = m.voters.length;
        switch (step.kind) {
          case 'add': m = { ...m, learners: [...m.learners, step.node] }; break;
          case 'promote': m = { ...m, voters: [...m.voters, step.node], learners: m.learners.filter((x) => x !== step.node) }; break;
          case 'remove':
            t.not(step.node, m.leader, 'the leader is never removed while it leads');
            m = { ...m, voters: m.voters.filter((x) => x !== step.node), learners: m.learners.filter((x) => x !== step.node) };
            if (size > target.length) t.true(m.voters.length >= Math.min(size, target.length));
            break;
          case 'transferLeader': m = { ...m, leader: step.node }; break;
          default: { const never: never = step; throw new Error(`unexpected ${String(never)}`); }
        }
      }
      t.deepEqual([...m.voters].sort(), [...target].sort());
      t.is(m.learners.length, 0);
      t.is(m.leader, target[0]!);
    }),
  );
});
