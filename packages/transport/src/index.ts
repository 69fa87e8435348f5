/**
 * The node-to-node transport interface, and its compliance suite.
 * @packageDocumentation
 */
export {};
