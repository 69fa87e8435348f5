// The protobufjs runtime and the generated code, loaded in the order that keeps 64-bit fields as numbers.
// Raft indices and terms stay below 2^53; decoders reject anything larger instead of rounding it.
export { $protobuf } from './long.js';
export { raftfleet } from './generated/wire.js';
