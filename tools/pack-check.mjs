#!/usr/bin/env node
// Packs every publishable workspace package with `npm pack`, installs the tarballs into an empty
// project and imports each package there: proves the published artefacts stand on their own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const only = process.argv.slice(2);
const packages = readdirSync(join(root, 'packages'))
  .map((dir) => join(root, 'packages', dir))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .filter(({ manifest }) => !manifest.private && (only.length === 0 || only.includes(manifest.name)));

const work = mkdtempSync(join(tmpdir(), 'raftfleet-pack-'));
try {
  const tarballs = packages.map(({ dir }) => {
    const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: dir, encoding: 'utf8' });
    return join(work, out.trim().split('\n').pop());
  });
  const app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-check', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', ...tarballs], { cwd: app, stdio: 'inherit' });
  const lines = packages.map(({ manifest }) => `import * as m_${manifest.name.replace(/\W/g, '_')} from '${manifest.name}';`);
  lines.push(`console.log('imported', ${packages.length}, 'packages');`);
  writeFileSync(join(app, 'check.mjs'), lines.join('\n') + '\n');
  execFileSync('node', ['check.mjs'], { cwd: app, stdio: 'inherit' });
  for (const { manifest } of packages) console.log(`ok ${manifest.name}@${manifest.version}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
