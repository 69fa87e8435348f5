/**
 * The raftfleet demo: a local fleet of node processes, a scripted tour and a live dashboard.
 * @packageDocumentation
 */
export { startDemo, DEFAULT_GROUPS, DEFAULT_NODES, DEMO_NODE_FLAGS } from './demo.js';
export type { Demo, DemoOptions } from './demo.js';
export { runTour } from './tour.js';
export type { TourSummary, Progress } from './tour.js';
export { LocalCluster, cliPath, freePort } from './cluster.js';
export type { LocalNode, NodeState, LocalClusterOptions } from './cluster.js';
export { Monitor } from './monitor.js';
export type { Snapshot, FleetEvent } from './monitor.js';
export { serveDashboard } from './dashboard.js';
export type { Dashboard } from './dashboard.js';
export { Workload } from './workload.js';
export type { WorkGroup, Verification } from './workload.js';
