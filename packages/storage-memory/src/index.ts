/**
 * In-memory storage adapter that can simulate a crash.
 * @packageDocumentation
 */
export { MemoryStorage, MemoryDisk } from './memory-storage.js';
export type { MemoryStorageOptions } from './memory-storage.js';
