// The rebalancing sweep of an idle node: every tenth sweep (and the one after a registry change)
// looks at every member the node hosts; the others only at groups not settled, or touched since.
import test from 'ava';
import { placeGroup } from '../src/index.js';
import { TestCluster, waitFor } from './helpers/cluster.js';

const SWEEP_MS = 200;
const nodes = [
  { id: 'a', zone: 'z1' },
  { id: 'b', zone: 'z2' },
  { id: 'c', zone: 'z3' },
];

test('sweeps between full ones skip settled groups, and a leader moved off its place is moved back', async (t) => {
  const c = new TestCluster(5, { sweepMs: SWEEP_MS });
  try {
    await c.startAll(nodes);
    const names = Array.from({ length: 12 }, (_, i) => `s${i}`);
    await Promise.all(names.map((g) => c.any().addGroup(g, { replicas: 3, machine: 'counter' })));
    const fleets = [...c.fleets.values()];
    const inPlan = (): number => fleets.reduce((n, f) => n + f.rebalanceStatus().inPlan, 0);
    const settled = (): boolean => inPlan() === names.length + 1 && fleets.every((f) => f.rebalanceStatus().outOfPlan === 0 && f.rebalanceStatus().inProgress === 0);
    await waitFor('every group in plan', settled, 30_000);

    // Count the walks over all of a node's members (the sweep lists them from the Host).
    const walks = new Map<string, number>();
    for (const [id, f] of c.fleets) {
      const host = f.host;
      const list = host.groups.bind(host);
      walks.set(id, 0);
      Object.defineProperty(host, 'groups', {
        configurable: true,
        value: () => {
          walks.set(id, (walks.get(id) ?? 0) + 1);
          return list();
        },
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 12 * SWEEP_MS + SWEEP_MS / 2));
    // About twelve sweeps ran; at most two of them can be a tenth one. Walking every member every
    // sweep, each node would show about twelve.
    for (const [id, n] of walks) t.true(n <= 2, `${id} walked all its members in ${n} of about 12 sweeps`);
    t.true(settled(), `still counted in plan without a full sweep: ${inPlan()} of ${names.length + 1}`);

    // Move one group's leadership off its preferred node: the new leader, a settled group a
    // moment ago on its node, is looked at again and hands leadership back.
    const g = names[0]!;
    const preferred = placeGroup(g, nodes, 3)[0]!;
    await waitFor(`${g} led by ${preferred}`, async () => (await c.any().whereIsLeader(g)) === preferred, 30_000);
    const other = nodes.map((n) => n.id).find((id) => id !== preferred)!;
    const target = c.fleets.get(other)!.host.status(g).member;
    await c.fleets.get(preferred)!.host.transferLeader(g, target);
    t.is(c.fleets.get(other)!.host.status(g).role, 'leader');
    await waitFor(`${g} led by ${preferred} again`, () => c.fleets.get(preferred)!.host.status(g).role === 'leader', 30_000);
    await waitFor('every group in plan again', settled, 30_000);
  } finally {
    await c.stopAll();
  }
});
