// The tour's bookkeeping against a real fleet: every acknowledged write is found again, and a
// write the workload never acknowledged is not counted (verification has teeth).
import test from 'ava';
import { DEFAULT_NODES, startDemo, Workload } from '../src/index.js';

test('workload acknowledgements are all read back from a real three-node fleet', async (t) => {
  const demo = await startDemo({
    nodes: DEFAULT_NODES.slice(0, 3),
    groups: [
      { name: 'counter-1', machine: 'counter' },
      { name: 'queue-1', machine: 'queue' },
      { name: 'kv-1', machine: 'kv' },
    ],
  });
  try {
    let seed = 99;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const workload = new Workload(demo.client, demo.groups, 4, random);
    workload.start();
    await new Promise((r) => setTimeout(r, 2000));
    await workload.stop();
    t.true(workload.acknowledged > 0);
    const ok = await workload.verify();
    t.is(ok.lost, 0);
    t.is(ok.checked, workload.acknowledged);
    // Take writes away behind the workload's back: the verification must notice.
    const counterAcked = workload.ackedOf('counter-1');
    await demo.client.command('counter-1', { op: 'set', value: 0 });
    await demo.client.command('kv-1', { op: 'delete', key: (await demo.client.query<unknown, string[]>('kv-1', { op: 'keys' }))[0]! });
    const broken = await workload.verify();
    t.is(broken.details.find((d) => d.group === 'counter-1')!.lost, counterAcked);
    t.is(broken.details.find((d) => d.group === 'kv-1')!.lost, 1);
  } finally {
    await demo.stop();
  }
});
