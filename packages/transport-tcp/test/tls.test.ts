// The compliance suite again, over mutual TLS with certificates generated for the test,
// plus a node whose certificate comes from another CA, which must not get in.
import test from 'ava';
import { transportCompliance } from '@raftfleet/transport/compliance';
import { TcpTransport } from '../src/index.js';
import { BASE, tcpHarness } from './harness.js';
import { makePki } from '../src/testing.js';

const pki = makePki();
const tlsOptions = { ...pki, mutual: true };

// Serial, with generous bounds: TLS handshakes are CPU-heavy and this machine may be shared.
transportCompliance(test.serial, () => tcpHarness({ tls: tlsOptions, handshakeTimeoutMs: 20_000 }), {
  prefix: 'tcp+tls',
  waitMs: 30_000,
});

test.serial('tcp+tls: a node with a certificate from another CA is refused', async (t) => {
  const stranger = makePki();
  const server = new TcpTransport({ ...BASE, nodeId: 'server', tls: tlsOptions });
  const intruder = new TcpTransport({ ...BASE, nodeId: 'intruder', tls: { ...stranger, mutual: true } });
  await server.start();
  await intruder.start();
  try {
    intruder.addPeer('server', server.address);
    const deadline = Date.now() + 30_000;
    while (server.metrics().closed.tls_error === 0 && intruder.metrics().closed.tls_error === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
    }
    t.true(server.metrics().closed.tls_error + intruder.metrics().closed.tls_error > 0);
    t.false(intruder.isConnected('server'));
    t.is(server.metrics().handshakesCompleted, 0);
  } finally {
    await Promise.all([server.close(), intruder.close()]);
  }
});
