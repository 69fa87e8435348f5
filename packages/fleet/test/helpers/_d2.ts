import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProtocolClient, spawnNode, type NodeProc } from './processes.js';
const root = mkdtempSync(join(tmpdir(), 'fdbg-'));
const client = new ProtocolClient();
await client.start();
const nodes: NodeProc[] = [];
nodes.push(await spawnNode({ id: 'n1', zone: 'z1', dir: join(root, 'n1'), seeds: [] }));
const seeds = [`n1@${nodes[0]!.address}`];
nodes.push(...(await Promise.all(['n2', 'n3', 'n4', 'n5'].map((id, i) => spawnNode({ id, zone: `z${(i % 3) + 1}`, dir: join(root, id), seeds })))));
for (let k = 0; k < 8; k++) {
  await new Promise((r) => setTimeout(r, 1000));
  const r = await client.call(nodes[0]!, 'raftfleet.client.addGroup', { name: `g${k}`, replicas: 3, machine: 'counter' }).catch((e) => ({ err: String(e) }));
  console.log('add', JSON.stringify(r).slice(0, 200));
}
for (const n of nodes) n.child.kill('SIGKILL');
for (const n of nodes) for (const e of n.events) if (e['msg'] && e['level'] as number >= 30) console.log(n.id, JSON.stringify(e).replace(/"time":\d+,"pid":\d+,"hostname":"vm",/, '').slice(0, 260));
process.exit(0);
