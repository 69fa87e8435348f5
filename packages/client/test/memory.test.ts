// The client behaviour scenarios over the in-memory transport.
import test from 'ava';
import { MemoryNetwork, MemoryTransport } from '@raftfleet/transport-memory';
import { clientBehaviour } from './behaviour.js';

clientBehaviour(test, async () => {
  const network = new MemoryNetwork({ seed: 1 });
  return {
    async nodeTransport(id) {
      const t = new MemoryTransport(network, id);
      await t.start();
      return t;
    },
    clientTransport: (id) => new MemoryTransport(network, id, { listen: false }),
    seed: (node) => ({ id: node.id, address: node.transport.address }),
    deadSeed: () => ({ id: 'gone', address: 'mem://gone' }),
  };
});
