// The README's example is this folder's readme-example.ts, verbatim, and it runs: prints 1.
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const examplePath = resolve(import.meta.dirname, 'readme-example.ts');

test('the README example matches readme-example.ts and runs', (t) => {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const block = /<!-- example:start[^>]*-->\n```ts\n([\s\S]*?)```\n<!-- example:end -->/.exec(readme);
  t.truthy(block, 'README has the example block');
  t.is(block![1], readFileSync(examplePath, 'utf8'));
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['FORCE_COLOR'];
  const out = execFileSync(process.execPath, ['--import', 'tsx', examplePath], { encoding: 'utf8', timeout: 60_000, env });
  // console.log colours numbers when a parent forces colours: compare the text only.
  t.is(out.replace(/\u001b\[[0-9;]*m/g, '').trim(), '1');
});
