// The raftfleet command as a child process: help, flag validation and exit codes, then a real
// three-node fleet (LMDB, TCP) driven through group add, command, query, status and a SIGTERM drain.
import test from 'ava';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { LOG_FORMAT } from '@raftfleet/replica';

const main = resolve(import.meta.dirname, '../dist/main.js');
const secret = 'cli-test-secret';
const clusterId = 'cli-test';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [main, ...args], { env: { ...process.env, RAFTFLEET_SECRET: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolveRun({ code: code ?? -1, stdout, stderr }));
  });
}

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

test('--help lists the commands and the exit codes', async (t) => {
  const r = await run(['--help']);
  t.is(r.code, 0);
  for (const word of ['node', 'status', 'group', 'stray', 'command', 'query', 'Exit codes', 'group recover refused']) t.true(r.stdout.includes(word), word);
  const sub = await run(['node', '--help']);
  t.is(sub.code, 0);
  t.true(sub.stdout.includes('--data-dir'));
});

test('invalid usage exits 2 with a message naming the flag', async (t) => {
  const cases: Array<[string[], string]> = [
    [['bogus'], 'unknown command'],
    [['node', '--id', 'n1'], '--zone'],
    [['node', '--id', 'bad id', '--zone', 'z', '--listen', '127.0.0.1:0', '--data-dir', '/tmp/x', '--cluster-id', 'c', '--secret', '12345678'], '--id'],
    [['node', '--id', 'n1', '--zone', 'z', '--listen', 'nowhere', '--data-dir', '/tmp/x', '--cluster-id', 'c', '--secret', '12345678'], '--listen'],
    [['node', '--id', 'n1', '--zone', 'z', '--listen', '127.0.0.1:99999', '--data-dir', '/tmp/x', '--cluster-id', 'c', '--secret', '12345678'], '--listen'],
    [['node', '--id', 'n1', '--zone', 'z', '--listen', '127.0.0.1:0', '--data-dir', '/tmp/x', '--cluster-id', 'c'], '--secret'],
    [['node', '--id', 'n1', '--zone', 'z', '--listen', '127.0.0.1:0', '--data-dir', '/tmp/x', '--cluster-id', 'c', '--secret', 'short'], '--secret'],
    [['node', '--id', 'n1', '--zone', 'z', '--listen', '127.0.0.1:0', '--data-dir', '/tmp/x', '--cluster-id', 'c', '--secret', '12345678', '--join', 'n2'], '--join'],
    [['node', '--id', 'n1', '--zone', 'z', '--listen', '127.0.0.1:0', '--data-dir', '/tmp/x', '--cluster-id', 'c', '--secret', '12345678', '--heartbeat-ms', '-5'], '--heartbeat-ms'],
    [['node', '--id', 'n1', '--zone', 'z', '--listen', '127.0.0.1:0', '--data-dir', '/tmp/x', '--cluster-id', 'c', '--secret', '12345678', '--max-concurrent-changes', '0'], '--max-concurrent-changes'],
    [['node', '--id', 'n1', '--zone', 'z', '--listen', '127.0.0.1:0', '--data-dir', '/tmp/x', '--cluster-id', 'c', '--secret', '12345678', '--secret-file', '/nonexistent'], '--secret'],
    [['status', '--cluster-id', 'c', '--secret', '12345678'], '--seeds'],
    [['status', '--seeds', 'x', '--cluster-id', 'c', '--secret', '12345678'], '--seeds'],
    [['command', 'g', '{not json', '--seeds', '127.0.0.1:1', '--cluster-id', 'c', '--secret', '12345678'], '<json>'],
    [['query', 'g', '"get"', '--consistency', 'eventual', '--seeds', '127.0.0.1:1', '--cluster-id', 'c', '--secret', '12345678'], '--consistency'],
    [['group', 'add', 'g', '--seeds', '127.0.0.1:1', '--cluster-id', 'c', '--secret', '12345678'], '--machine'],
    [['group', 'add', 'g', '--machine', 'counter', '--replicas', '0', '--seeds', '127.0.0.1:1', '--cluster-id', 'c', '--secret', '12345678'], '--replicas'],
  ];
  const results = await Promise.all(cases.map(([args]) => run(args)));
  cases.forEach(([args, flag], i) => {
    const r = results[i]!;
    t.is(r.code, 2, `${args.join(' ')} → ${r.code}: ${r.stderr}`);
    t.true(r.stderr.includes(flag), `${args.join(' ')}: stderr should name ${flag}: ${r.stderr}`);
  });
});

test('secret from a file and the environment; an unreachable cluster exits 3', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'raftfleet-cli-'));
  try {
    writeFileSync(join(dir, 'secret'), 'from-a-file-secret\n');
    const port = await freePort();
    const viaFile = await run(['status', '--seeds', `127.0.0.1:${port}`, '--cluster-id', 'c', '--secret-file', join(dir, 'secret'), '--timeout-ms', '400']);
    t.is(viaFile.code, 3, viaFile.stderr);
    const viaEnv = await run(['group', 'list', '--timeout-ms', '400'], { RAFTFLEET_SEEDS: `127.0.0.1:${port}`, RAFTFLEET_CLUSTER_ID: 'c', RAFTFLEET_SECRET: 'from-the-environment' });
    t.is(viaEnv.code, 3, viaEnv.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

interface NodeProc {
  id: string;
  address: string;
  child: ChildProcess;
  events: Array<Record<string, unknown>>;
  exited: Promise<number>;
}

async function startNodes(dir: string, ids: string[]): Promise<NodeProc[]> {
  const ports = await Promise.all(ids.map(() => freePort()));
  const join = ids.map((id, i) => `${id}@127.0.0.1:${ports[i]}`).join(',');
  return Promise.all(
    ids.map(
      (id, i) =>
        new Promise<NodeProc>((ok, fail) => {
          const child = spawn(
            process.execPath,
            [main, 'node', '--id', id, '--zone', `z${i % 3}`, '--listen', `127.0.0.1:${ports[i]}`, '--join', join, '--data-dir', `${dir}/${id}`, '--cluster-id', clusterId, '--heartbeat-ms', '200', '--sweep-ms', '500'],
            { env: { ...process.env, RAFTFLEET_SECRET: secret }, stdio: ['ignore', 'pipe', 'pipe'] },
          );
          let stderr = '';
          child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
          const proc: NodeProc = { id, address: `127.0.0.1:${ports[i]}`, child, events: [], exited: new Promise((e) => child.on('exit', (code) => e(code ?? -1))) };
          const timer = setTimeout(() => fail(new Error(`${id} not ready: ${stderr}`)), 30_000);
          createInterface({ input: child.stdout! }).on('line', (line) => {
            const ev = JSON.parse(line) as Record<string, unknown>;
            proc.events.push(ev);
            if (ev['event'] === 'ready') {
              clearTimeout(timer);
              ok(proc);
            }
          });
          void proc.exited.then((code) => fail(new Error(`${id} exited ${code}: ${stderr}`)));
        }),
    ),
  );
}

test('a real fleet: group add, command, query, status, typed failures as exit codes, SIGTERM drains', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'raftfleet-cli-fleet-'));
  let nodes: NodeProc[] = [];
  try {
    nodes = await startNodes(dir, ['n1', 'n2', 'n3', 'n4']);
    const conn = ['--seeds', nodes[0]!.address, '--cluster-id', clusterId, '--timeout-ms', '15000'];
    const env = { RAFTFLEET_SECRET: secret };
    const add = await run(['group', 'add', 'c1', '--machine', 'counter', ...conn], env);
    t.is(add.code, 0, add.stderr);
    const inc = await run(['command', 'c1', '{"op":"inc","by":5}', ...conn], env);
    t.is(inc.code, 0, inc.stderr);
    t.is(JSON.parse(inc.stdout), 5);
    const [get, stale, status, table, list] = await Promise.all([
      run(['query', 'c1', '"get"', ...conn], env),
      run(['query', 'c1', '"get"', '--consistency', 'lease', ...conn], env),
      run(['status', '--json', ...conn], env),
      run(['status', ...conn], env),
      run(['group', 'list', '--json', ...conn], env),
    ]);
    t.is(JSON.parse(get.stdout), 5);
    t.is(stale.code, 0, stale.stderr);
    t.is(JSON.parse(stale.stdout), 5);

    t.is(status.code, 0, status.stderr);
    const s = JSON.parse(status.stdout) as { nodes: Array<{ id: string; logFormat?: number }>; groups: Array<{ name: string; members: string[]; leader: string }> };
    t.deepEqual(s.nodes.map((n) => n.id).sort(), ['n1', 'n2', 'n3', 'n4']);
    // The answering node knows its own log format at least; others once it heard them.
    t.true(s.nodes.some((n) => n.logFormat === LOG_FORMAT) && s.nodes.every((n) => n.logFormat === 0 || n.logFormat === LOG_FORMAT), JSON.stringify(s.nodes));
    t.true(table.stdout.includes('LOG FORMAT'));
    const c1 = s.groups.find((g) => g.name === 'c1');
    t.is(c1?.members.length, 3);
    t.true(c1 !== undefined && c1.members.includes(c1.leader));
    t.true(table.stdout.includes('c1') && table.stdout.includes('LEADER'));
    t.deepEqual((JSON.parse(list.stdout) as Array<{ name: string }>).map((g) => g.name), ['c1']);

    const [missing, failed, refused, badMachine] = await Promise.all([
      run(['command', 'nope', '{"op":"inc"}', ...conn], env),
      run(['command', 'c1', '{"op":"set","value":"x"}', ...conn], env),
      run(['status', ...conn], { RAFTFLEET_SECRET: 'not-the-secret' }),
      run(['group', 'add', 'c2', '--machine', 'no-such-machine', ...conn], env),
    ]);
    t.is(missing.code, 5, missing.stderr);
    t.is(failed.code, 6, failed.stderr);
    t.true(failed.stderr.includes('TypeError'));
    t.is(refused.code, 4, refused.stderr);
    t.is(badMachine.code, 8, badMachine.stderr);
    // No node was purged while a group of its was removed: no strays, and c1 is none.
    const strays = await run(['stray', 'list', '--json', ...conn], env);
    t.is(strays.code, 0, strays.stderr);
    t.deepEqual(JSON.parse(strays.stdout), { strays: [], unanswered: [] });
    const notStray = await run(['stray', 'delete', 'n1', 'c1', ...conn], env);
    t.is(notStray.code, 8, notStray.stderr);
    t.true(notStray.stderr.includes('registry knows the group'), notStray.stderr);
    // c1 has its quorum: nothing to recover, and nothing is removed.
    const recover = await run(['group', 'recover', 'c1', ...conn], env);
    t.is(recover.code, 9, recover.stderr);
    t.true(recover.stderr.includes('no recovery needed'), recover.stderr);
    t.is(JSON.parse((await run(['command', 'c1', '{"op":"inc"}', ...conn], env)).stdout), 6);
    const removed = await run(['group', 'remove', 'c1', ...conn], env);
    t.is(removed.code, 0, removed.stderr);
    t.is((await run(['group', 'remove', 'c1', ...conn], env)).code, 5);

    // SIGTERM: the node deactivates first, then stops with exit code 0.
    const leaving = nodes[3]!;
    leaving.child.kill('SIGTERM');
    t.is(await leaving.exited, 0);
    t.deepEqual(
      leaving.events.map((e) => e['event']),
      ['ready', 'deactivating', 'deactivated', 'stopped'],
    );
  } finally {
    for (const n of nodes) n.child.kill('SIGKILL');
    await Promise.all(nodes.map((n) => n.exited.catch(() => 0)));
    rmSync(dir, { recursive: true, force: true });
  }
});
