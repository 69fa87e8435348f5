// Builds TcpTransport clusters on 127.0.0.1 for the tests: fast reconnects, optional TLS, cleanup.
// Shared by the compliance runs (plain and TLS) and the adversarial tests.
import net from 'node:net';
import type { ComplianceHarness } from '@raftfleet/transport/compliance';
import { TcpTransport, type TcpTransportOptions } from '../src/index.js';

/** Options every test node shares unless overridden. */
export const BASE = {
  clusterId: 'test-cluster',
  secret: 'correct horse battery staple',
  reconnect: { initialDelayMs: 10, maxDelayMs: 100 },
} as const;

/** A port where nothing listens (bound once, then released). */
export async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A compliance harness over TcpTransport; `extra` is merged into every node's options (TLS, limits). */
export async function tcpHarness(extra: Partial<TcpTransportOptions> = {}): Promise<ComplianceHarness> {
  const all: TcpTransport[] = [];
  const dead = await deadPort();
  const make = async (options: TcpTransportOptions) => {
    const t = new TcpTransport(options);
    await t.start();
    all.push(t);
    return t;
  };
  return {
    node: (id, options) =>
      make({
        ...BASE,
        ...extra,
        nodeId: id,
        ...(options?.maxQueuedBytes !== undefined ? { maxQueuedBytes: options.maxQueuedBytes } : {}),
      }),
    client: (id) => make({ ...BASE, ...extra, nodeId: id, listen: false }),
    restart: async (node) => {
      await node.close();
      const port = Number(node.address.slice(node.address.lastIndexOf(':') + 1));
      return make({ ...BASE, ...extra, nodeId: node.nodeId, listen: { host: '127.0.0.1', port } });
    },
    stall: (node) => (node as TcpTransport).pauseReading(),
    deadAddress: () => `127.0.0.1:${dead}`,
    cleanup: async () => {
      await Promise.all(all.map((t) => t.close()));
    },
  };
}
