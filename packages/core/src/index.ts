/**
 * IO-free Raft: tick, step, propose, ready, advance.
 * @packageDocumentation
 */
export type * from './api.js';
