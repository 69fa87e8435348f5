/**
 * The raftfleet command line: run a fleet node (LMDB, TCP) and administer a cluster.
 * Also exports its built-in state machines and exit codes for programs that drive it.
 * @packageDocumentation
 */
export { buildProgram } from './program.js';
export type { ProgramIO } from './program.js';
export { runNode } from './node.js';
export type { NodeSettings } from './node.js';
export { EXIT, CliError, UsageError, exitCodeOf } from './exit-codes.js';
export { kvMachine, lockMachine, builtinMachines, standardMsgpack } from './machines.js';
export type { KvCommand, KvQuery, Lease, LockCommand, LockResult, LockQuery } from './machines.js';
