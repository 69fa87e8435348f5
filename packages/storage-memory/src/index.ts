/**
 * In-memory storage adapter that can simulate a crash.
 * @packageDocumentation
 */
export {};
