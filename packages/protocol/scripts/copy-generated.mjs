// Copies the generated protobuf code into dist/, since tsc compiles only TypeScript sources.
// Run after `tsc -b` by the build script.
import { cpSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const from = `${root}src/generated`;
if (!existsSync(from)) {
  console.error('src/generated is missing: run `npm run generate` first');
  process.exit(1);
}
cpSync(from, `${root}dist/generated`, { recursive: true });
