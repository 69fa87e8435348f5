// The lower layers stand on their own: packs core, replica, storage-memory and transport-memory
// (with protocol, storage, transport), installs only those into an empty folder, runs a 3-member group.
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const packagesDir = resolve(import.meta.dirname, '../../../packages');
const layers = ['protocol', 'core', 'storage', 'storage-memory', 'transport', 'transport-memory', 'replica'];

const script = `
import { Host, counterMachine } from '@raftfleet/replica';
import { MemoryStorage } from '@raftfleet/storage-memory';
import { MemoryNetwork, MemoryTransport } from '@raftfleet/transport-memory';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const network = new MemoryNetwork({ seed: 11 });
const ids = ['a', 'b', 'c'];
const hosts = [];
for (const id of ids) {
  const transport = new MemoryTransport(network, id);
  for (const peer of ids) if (peer !== id) transport.addPeer(peer, 'mem://' + peer);
  await transport.start();
  const host = new Host({ nodeId: id, storage: MemoryStorage.open(), transport, tickMs: 10, machines: [counterMachine], seed: ids.indexOf(id) + 1 });
  await host.start();
  hosts.push(host);
}
await Promise.all(hosts.map((h) => h.createGroup('hits', 'counter', { members: ids })));
let seq = 0;
async function inc() {
  seq++;
  for (let attempt = 0; attempt < 500; attempt++) {
    for (const h of hosts) {
      try {
        return await h.command('hits', { op: 'inc', by: 1 }, { clientId: 'layers', seq });
      } catch {}
    }
    await sleep(10);
  }
  throw new Error('no leader');
}
const results = [];
for (let i = 0; i < 5; i++) results.push(await inc());
let answers = [];
for (let attempt = 0; attempt < 500; attempt++) {
  answers = await Promise.all(hosts.map((h) => h.query('hits', 'get', { consistency: 'stale' }).catch(() => -1)));
  if (answers.every((a) => a === 5)) break;
  await sleep(10);
}
console.log(JSON.stringify({ results, answers }));
await Promise.all(hosts.map((h) => h.stop()));
process.exit(0);
`;

test('core + replica + memory adapters, installed alone from tarballs, run a three-member group', (t) => {
  for (const dir of layers) t.true(existsSync(join(packagesDir, dir, 'dist', 'index.js')), `${dir} must be built first`);
  const work = mkdtempSync(join(tmpdir(), 'raftfleet-layers-'));
  try {
    const tarballs = layers.map((dir) => {
      const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: join(packagesDir, dir), encoding: 'utf8' });
      return join(work, out.trim().split('\n').pop()!);
    });
    const app = join(work, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'layers', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', '--prefer-offline', ...tarballs], { cwd: app, stdio: 'inherit' });
    for (const above of ['fleet', 'client', 'storage-lmdb', 'transport-tcp', 'testkit']) {
      t.false(existsSync(join(app, 'node_modules', '@raftfleet', above)), `@raftfleet/${above} must not be installed`);
    }
    t.false(existsSync(join(app, 'node_modules', 'lmdb')), 'no lmdb');
    writeFileSync(join(app, 'run.mjs'), script);
    const out = execFileSync('node', ['run.mjs'], { cwd: app, encoding: 'utf8', timeout: 60_000 });
    const { results, answers } = JSON.parse(out.trim().split('\n').pop()!) as { results: number[]; answers: number[] };
    t.deepEqual(results, [1, 2, 3, 4, 5]);
    t.deepEqual(answers, [5, 5, 5]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
