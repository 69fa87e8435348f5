// The client behaviour scenarios over real TCP sockets on 127.0.0.1, seeds given by address alone,
// plus what only TCP has: handshake refusals for a wrong secret or cluster id.
import test from 'ava';
import { TcpTransport } from '@raftfleet/transport-tcp';
import { clientBehaviour, prng } from './behaviour.js';
import { FakeFleet, FakeNode } from './fake-fleet.js';
import { connect, UnauthorizedError, UnavailableError, TimeoutError } from '../src/index.js';
import { makePki } from '@raftfleet/transport-tcp/testing';

const clusterId = 'client-test';
const secret = 'correct horse battery staple';

async function listeningNode(id: string, options: { clusterId?: string; secret?: string } = {}): Promise<TcpTransport> {
  const t = new TcpTransport({ nodeId: id, clusterId: options.clusterId ?? clusterId, secret: options.secret ?? secret, listen: { host: '127.0.0.1', port: 0 } });
  await t.start();
  return t;
}

clientBehaviour(test, async () => ({
  nodeTransport: (id) => listeningNode(id),
  clientTransport: () => {
    throw new Error('replaced by connect below');
  },
  seed: (node) => node.transport.address,
  deadSeed: () => '127.0.0.1:1',
  connectClient: (seeds, timeoutMs) => connect({ seeds, clusterId, secret, timeoutMs, random: prng(42), retry: { baseMs: 5, maxMs: 40 } }),
}));

test('a wrong secret is refused at the handshake with UnauthorizedError', async (t) => {
  const fleet = new FakeFleet();
  const node = new FakeNode(fleet, 'n1', 'z1', await listeningNode('n1'));
  const error = await t.throwsAsync(connect({ seeds: [node.transport.address], clusterId, secret: 'wrong', timeoutMs: 3000, random: prng(3) }));
  t.true(error instanceof UnauthorizedError, `got ${error?.name}: ${error?.message}`);
  t.is(node.received.length, 0);
  await fleet.close();
});

test('a wrong cluster id is refused with UnauthorizedError', async (t) => {
  const fleet = new FakeFleet();
  const node = new FakeNode(fleet, 'n1', 'z1', await listeningNode('n1'));
  const error = await t.throwsAsync(connect({ seeds: [`n1@${node.transport.address}`], clusterId: 'other', secret, timeoutMs: 3000, random: prng(4) }));
  t.true(error instanceof UnauthorizedError, `got ${error?.name}: ${error?.message}`);
  await fleet.close();
});

test('nothing listening: connect fails as unavailable, not unauthorized', async (t) => {
  const error = await t.throwsAsync(connect({ seeds: ['127.0.0.1:1'], clusterId, secret, timeoutMs: 300, random: prng(5) }));
  t.true(error instanceof UnavailableError || error instanceof TimeoutError, `got ${error?.name}`);
});

test('connect validates its options', async (t) => {
  await t.throwsAsync(connect({ seeds: [], clusterId, secret }), { code: 'ERR_INVALID' });
  await t.throwsAsync(connect({ seeds: ['127.0.0.1:7'], clusterId: '', secret }), { code: 'ERR_INVALID' });
  await t.throwsAsync(connect({ seeds: ['127.0.0.1:7'], clusterId }), { code: 'ERR_INVALID' });
});

test('over mutual TLS: a client with a certificate from the CA is served; a wrong CA or certificate is refused', async (t) => {
  const pki = makePki();
  const other = makePki();
  const fleet = new FakeFleet();
  const transport = new TcpTransport({ nodeId: 'n1', clusterId, secret, listen: { host: '127.0.0.1', port: 0 }, tls: { key: pki.key, cert: pki.cert, ca: pki.ca, mutual: true } });
  await transport.start();
  const node = new FakeNode(fleet, 'n1', 'z1', transport);
  fleet.addGroup('c', 'n1');
  try {
    const client = await connect({ seeds: [node.transport.address], clusterId, secret, tls: { ca: pki.ca, cert: pki.cert, key: pki.key }, timeoutMs: 5000, random: prng(6) });
    t.is(await client.command('c', { add: 3 }), 3);
    await client.close();
    const served = node.received.length;
    // The client does not trust the node's certificate: it knows why and says so.
    const untrusted = await t.throwsAsync(connect({ seeds: [node.transport.address], clusterId, secret, tls: { ca: other.ca, cert: pki.cert, key: pki.key }, timeoutMs: 2000, random: prng(7) }));
    t.true(untrusted instanceof UnauthorizedError, `got ${untrusted?.name}: ${untrusted?.message}`);
    // The node does not trust the client's certificate: under TLS 1.3 the client only sees the
    // connection close, so it cannot tell this from a node going away; either way nothing is served.
    const refused = await t.throwsAsync(connect({ seeds: [node.transport.address], clusterId, secret, tls: { ca: pki.ca, cert: other.cert, key: other.key }, timeoutMs: 2000, random: prng(8) }));
    t.true(refused instanceof UnauthorizedError || refused instanceof UnavailableError || refused instanceof TimeoutError, `got ${refused?.name}`);
    t.is(node.received.length, served);
  } finally {
    await fleet.close();
  }
});

test('a node that restarts on the same address is used again: the connection is re-established', async (t) => {
  const fleet = new FakeFleet();
  const first = await listeningNode('n1');
  const address = first.address;
  new FakeNode(fleet, 'n1', 'z1', first);
  fleet.addGroup('c', 'n1');
  const client = await connect({ seeds: [address], clusterId, secret, timeoutMs: 10_000, random: prng(9) });
  try {
    t.is(await client.command('c', { add: 1 }), 1);
    await first.close();
    const port = Number(address.slice(address.lastIndexOf(':') + 1));
    const second = new TcpTransport({ nodeId: 'n1', clusterId, secret, listen: { host: '127.0.0.1', port } });
    await second.start();
    const again = new FakeNode(fleet, 'n1', 'z1', second);
    t.is(await client.command('c', { add: 1 }), 2);
    t.is(again.count('raftfleet.client.command'), 1);
  } finally {
    await client.close();
    await fleet.close();
  }
});
