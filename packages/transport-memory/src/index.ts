/**
 * In-process transport with seeded drops, delays, duplication, reordering and partitions.
 * @packageDocumentation
 */
export { MemoryNetwork } from './network.js';
export type { MemoryNetworkOptions, FaultOptions, NetworkStats, InFlight } from './network.js';
export { MemoryTransport } from './transport.js';
export type { MemoryTransportOptions } from './transport.js';
