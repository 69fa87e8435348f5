// One process of the ceiling scenario (see ceiling.ts): a node that relays without consensus.
// A request from the load generator goes to both other nodes; the first of them to acknowledge it
// completes it, and the node answers the load generator. No log, no storage, no state machine:
// the messages and process hops of a replicated command, and nothing else.
// Usage (spawned by ceiling.ts): node --import tsx src/ceiling-node.ts <index> <port0> <port1> <port2>
import { connect, createServer, type Socket } from 'node:net';
import { FrameReader, FrameWriter, Kind } from './ceiling-wire.js';

const index = Number(process.argv[2]);
const ports = process.argv.slice(3, 6).map(Number);

interface Pending {
  client: FrameWriter;
  id: number;
}

const pending = new Map<number, Pending>();
let nextSlot = 1;
const peers: FrameWriter[] = [];

/** The other nodes: requests go out on these connections and their acknowledgements come back on them. */
function connectPeers(): void {
  for (const [i, port] of ports.entries()) {
    if (i === index) continue;
    const socket = connect({ port, host: '127.0.0.1', noDelay: true });
    const out = new FrameWriter(socket);
    out.hello();
    peers.push(out);
    new FrameReader(socket, (kind, id) => {
      if (kind !== Kind.ack) return;
      const p = pending.get(id);
      if (p === undefined) return; // the second acknowledgement: the first completed it
      pending.delete(id);
      p.client.header(Kind.result, p.id, 0, 0);
    });
  }
}

const server = createServer({ noDelay: true }, (socket: Socket) => {
  const out = new FrameWriter(socket);
  new FrameReader(socket, (kind, id, group, payload) => {
    if (kind === Kind.request) {
      const slot = nextSlot++;
      pending.set(slot, { client: out, id });
      for (const p of peers) p.message(Kind.replicate, slot, group, payload);
    } else if (kind === Kind.replicate) {
      out.header(Kind.ack, id, 0, 0);
    }
  });
  socket.on('error', () => socket.destroy());
});
// The parent starts all three, waits until each listens, then tells each to connect to the others.
server.listen(ports[index], '127.0.0.1', () => process.stdout.write('listening\n'));
process.stdin.once('data', () => {
  connectPeers();
  process.stdout.write('ready\n');
});
process.on('SIGTERM', () => process.exit(0));
