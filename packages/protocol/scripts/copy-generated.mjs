// Copies the generated protobuf code into dist/, since tsc compiles only TypeScript sources.
// Run after `tsc -b` by the build script; also repairs a dist/ whose files vanished under a stale .tsbuildinfo.
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const from = `${root}src/generated`;
if (!existsSync(from)) {
  console.error('src/generated is missing: run `npm run generate` first');
  process.exit(1);
}
// tsc -b trusts dist/.tsbuildinfo; if emitted files were deleted behind its back it emits nothing. Rebuild then.
const missing = readdirSync(`${root}src`)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .some((f) => !existsSync(`${root}dist/${f.replace(/\.ts$/, '.js')}`) || !existsSync(`${root}dist/${f.replace(/\.ts$/, '.d.ts')}`));
if (missing) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', '--force'], { cwd: root, stdio: 'inherit' });
}
cpSync(from, `${root}dist/generated`, { recursive: true });
