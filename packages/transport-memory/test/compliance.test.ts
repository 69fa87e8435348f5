// The shared transport compliance suite, run against MemoryTransport on real timers.
import test from 'ava';
import { transportCompliance } from '@raftfleet/transport/compliance';
import { MemoryNetwork, type MemoryTransport } from '../src/index.js';

transportCompliance(test, () => {
  const network = new MemoryNetwork({ seed: 7 });
  const all: MemoryTransport[] = [];
  const make = async (id: string, options: { maxQueuedBytes?: number; listen?: boolean; address?: string } = {}) => {
    const t = network.transport(id, options);
    await t.start();
    all.push(t);
    return t;
  };
  return {
    node: (id, options) => make(id, options ?? {}),
    client: (id) => make(id, { listen: false }),
    restart: async (node) => {
      await node.close();
      return make(node.nodeId, { address: node.address });
    },
    stall: (node) => network.stall(node as MemoryTransport),
    deadAddress: () => 'mem://nobody-listens-here',
    cleanup: async () => {
      await Promise.all(all.map((t) => t.close()));
    },
  };
}, { prefix: 'memory', countsBytes: true });
