/**
 * In-process transport with seeded drops, delays, duplication, reordering and partitions.
 * @packageDocumentation
 */
export {};
