#!/usr/bin/env node
// Scaffolds a workspace package: package.json, tsconfig, README, src/index.ts.
// Usage: node tools/new-package.mjs <name> "<description>" [dep ...]
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [name, description, ...deps] = process.argv.slice(2);
if (!name || !description) {
  console.error('usage: new-package.mjs <name> "<description>" [dep ...]');
  process.exit(2);
}
const dir = join('packages', name);
if (existsSync(dir)) {
  console.error(`${dir} exists`);
  process.exit(1);
}
mkdirSync(join(dir, 'src'), { recursive: true });
mkdirSync(join(dir, 'test'), { recursive: true });
const pkg = {
  name: `@raftfleet/${name}`,
  version: '0.1.0',
  description,
  type: 'module',
  license: 'MIT',
  exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
  types: './dist/index.d.ts',
  files: ['dist', '!dist/**/*.tsbuildinfo', '!dist/**/*.map'],
  sideEffects: false,
  engines: { node: '>=20.11' },
  scripts: {
    build: 'tsc -b',
    typecheck: 'tsc -p tsconfig.test.json',
    test: 'ava',
  },
  ava: {
    extensions: { ts: 'module' },
    nodeArguments: ['--import=tsx'],
    files: ['test/**/*.test.ts'],
    workerThreads: false,
    timeout: '2m',
  },
  dependencies: Object.fromEntries(deps.map((d) => [`@raftfleet/${d}`, '*'])),
  publishConfig: { access: 'public' },
};
writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
const tsconfig = {
  extends: '../../tsconfig.base.json',
  compilerOptions: { rootDir: 'src', outDir: 'dist', tsBuildInfoFile: 'dist/.tsbuildinfo' },
  include: ['src'],
  references: deps.map((d) => ({ path: `../${d}` })),
};
writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2) + '\n');
const testConfig = {
  extends: '../../tsconfig.base.json',
  compilerOptions: { noEmit: true, composite: false, incremental: false, declaration: false, declarationMap: false, rootDir: '.' },
  include: ['src', 'test'],
};
writeFileSync(join(dir, 'tsconfig.test.json'), JSON.stringify(testConfig, null, 2) + '\n');
writeFileSync(join(dir, 'README.md'), `# @raftfleet/${name}\n\n${description}\n`);
writeFileSync(join(dir, 'src', 'index.ts'), `/**\n * ${description}\n * @packageDocumentation\n */\nexport {};\n`);
console.log(`created ${dir}`);
