#!/usr/bin/env node
// Entry point of the `raftfleet` command: runs the program and exits with its code.
import { buildProgram } from './program.js';

const { run } = buildProgram({
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
});
const code = await run(process.argv.slice(2));
process.exitCode = code;
// Nothing is left to do once a command (or a node, after its shutdown) has finished: do not wait for idle handles.
setTimeout(() => process.exit(code), 50).unref();
