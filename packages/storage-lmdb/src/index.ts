/**
 * Durable storage adapter on LMDB with group commit.
 * @packageDocumentation
 */
export {};
