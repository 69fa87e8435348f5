/**
 * The storage interface for Raft logs of many groups, and its compliance suite.
 * @packageDocumentation
 */
export {};
