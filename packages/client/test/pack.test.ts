// Installs the published tarballs of the client and its dependencies into an empty project:
// a user of @raftfleet/client must get no server code, no LMDB and no native module.
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const here = resolve(import.meta.dirname, '..');
const packagesDir = resolve(here, '..');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

test('npm pack + install of @raftfleet/client pulls in no native module, no lmdb and no server package', (t) => {
  execFileSync('npx', ['tsc', '-b'], { cwd: here, stdio: 'inherit' });
  const work = mkdtempSync(join(tmpdir(), 'raftfleet-client-pack-'));
  try {
    const tarballs = ['client', 'protocol', 'transport', 'transport-tcp'].map((dir) => {
      const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: join(packagesDir, dir), encoding: 'utf8' });
      return join(work, out.trim().split('\n').pop()!);
    });
    const app = join(work, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'client-only', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', '--prefer-offline', ...tarballs], { cwd: app, stdio: 'inherit' });
    const files = walk(join(app, 'node_modules'));
    t.true(files.some((f) => f.endsWith(join('@raftfleet', 'client', 'dist', 'index.js'))), 'the client itself is installed');
    t.deepEqual(files.filter((f) => f.endsWith('.node')), [], 'no native addon');
    const dirs = new Set(files.map((f) => f.slice(join(app, 'node_modules').length + 1).split('/').slice(0, 2).join('/')));
    const forbidden = [...dirs].filter((d) => /^(lmdb|@lmdb|msgpackr-extract|@msgpackr-extract|node-gyp-build|@raftfleet\/(replica|fleet|core|storage|storage-lmdb|storage-memory|testkit))(\/|$)/.test(d));
    t.deepEqual(forbidden, []);
    writeFileSync(
      join(app, 'check.mjs'),
      `import { connect, RaftfleetClient, UnauthorizedError } from '@raftfleet/client';
if (typeof connect !== 'function' || typeof RaftfleetClient.connect !== 'function' || !(new UnauthorizedError('x', 'y') instanceof Error)) process.exit(3);
console.log('ok');\n`,
    );
    t.is(execFileSync('node', ['check.mjs'], { cwd: app, encoding: 'utf8' }).trim(), 'ok');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
