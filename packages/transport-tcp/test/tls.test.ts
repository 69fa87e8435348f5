// The compliance suite again, over mutual TLS with certificates generated for the test,
// plus a node whose certificate comes from another CA, which must not get in.
import test from 'ava';
import { transportCompliance } from '@raftfleet/transport/compliance';
import { TcpTransport } from '../src/index.js';
import { BASE, tcpHarness } from './harness.js';
import { makePki } from './certs.js';

const pki = makePki();
const tlsOptions = { ...pki, mutual: true };

transportCompliance(test, () => tcpHarness({ tls: tlsOptions }), { prefix: 'tcp+tls' });

test('tcp+tls: a node with a certificate from another CA is refused', async (t) => {
  const stranger = makePki();
  const server = new TcpTransport({ ...BASE, nodeId: 'server', tls: tlsOptions });
  const intruder = new TcpTransport({ ...BASE, nodeId: 'intruder', tls: { ...stranger, mutual: true } });
  await server.start();
  await intruder.start();
  try {
    intruder.addPeer('server', server.address);
    const deadline = Date.now() + 5000;
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
