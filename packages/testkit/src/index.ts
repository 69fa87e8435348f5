/**
 * Deterministic Raft simulator, fault schedules and a linearizability checker.
 * @packageDocumentation
 */
export {};
