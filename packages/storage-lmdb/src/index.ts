/**
 * Durable storage adapter on LMDB with group commit.
 * @packageDocumentation
 */
export { openLmdbStorage, LmdbStorage } from './store.js';
export type { LmdbStorageOptions, LmdbStorageStats } from './store.js';
export { FORMAT_VERSION } from './codec.js';
