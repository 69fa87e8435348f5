import test from 'ava';
import { MemoryStorage } from '@raftfleet/storage-memory';
import { MemoryNetwork } from '@raftfleet/transport-memory';
import { counterMachine } from '@raftfleet/replica';
import { Fleet, FleetConfigError, parseSeed, decodeBody, encodeBody, type FleetOptions } from '../src/index.js';

function base(): FleetOptions {
  const net = new MemoryNetwork({ seed: 1 });
  return { nodeId: 'a', zone: 'z', transport: net.transport('a'), storage: MemoryStorage.open() };
}

const bad: Array<[string, (o: FleetOptions) => unknown]> = [
  ['nodeId', (o) => ({ ...o, nodeId: '' })],
  ['nodeId', (o) => ({ ...o, nodeId: 'a/b' })],
  ['nodeId', (o) => ({ ...o, nodeId: 'client-x' })],
  ['zone', (o) => ({ ...o, zone: 3 })],
  ['transport', (o) => ({ ...o, transport: {} })],
  ['transport', (o) => ({ ...o, nodeId: 'b' })],
  ['storage', (o) => ({ ...o, storage: null })],
  ['seeds', (o) => ({ ...o, seeds: 'a@b' })],
  ['seeds', (o) => ({ ...o, seeds: ['nobody'] })],
  ['seeds', (o) => ({ ...o, seeds: [{ id: 'x', address: '' }] })],
  ['heartbeatMs', (o) => ({ ...o, heartbeatMs: 0 })],
  ['heartbeatMs', (o) => ({ ...o, heartbeatMs: 1.5 })],
  ['unreachableAfterMs', (o) => ({ ...o, heartbeatMs: 100, unreachableAfterMs: 100 })],
  ['purgeAfterMs', (o) => ({ ...o, unreachableAfterMs: 1000, purgeAfterMs: 999 })],
  ['refreshMs', (o) => ({ ...o, refreshMs: -1 })],
  ['sweepMs', (o) => ({ ...o, sweepMs: Number.NaN })],
  ['maxConcurrentChanges', (o) => ({ ...o, maxConcurrentChanges: 0 })],
  ['registryReplicas', (o) => ({ ...o, registryReplicas: 16 })],
  ['defaultTimeoutMs', (o) => ({ ...o, defaultTimeoutMs: '5' })],
  ['joinTimeoutMs', (o) => ({ ...o, joinTimeoutMs: 0 })],
  ['logLevel', (o) => ({ ...o, logLevel: 'loud' })],
  ['host', (o) => ({ ...o, host: 5 })],
  ['machines.x', (o) => ({ ...o, machines: { x: { init: 1 } } })],
];

for (const [option, make] of bad) {
  test(`rejects a bad ${option}: ${JSON.stringify(make({} as FleetOptions), (_k, v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v))}`, (t) => {
    const e = t.throws(() => new Fleet(make(base()) as FleetOptions), { instanceOf: FleetConfigError });
    t.is(e?.option, option);
    t.is(e?.code, 'ERR_FLEET_CONFIG');
  });
}

test('accepts valid options and seeds in both forms', (t) => {
  t.notThrows(() => new Fleet({ ...base(), seeds: ['b@mem://b', { id: 'c', address: 'mem://c' }], machines: { counter: counterMachine } }));
  t.deepEqual(parseSeed('n2@10.0.0.2:7001'), { id: 'n2', address: '10.0.0.2:7001' });
});

test('Fleet.start validates before doing anything', async (t) => {
  await t.throwsAsync(Fleet.start({ ...base(), activate: 'yes' as unknown as boolean }), { instanceOf: FleetConfigError });
});

test('operations on a node that is not started are refused with a typed error', async (t) => {
  const f = new Fleet(base());
  await t.throwsAsync(f.command('g', 1), { code: 'ERR_FLEET_STOPPED' });
  await t.throwsAsync(f.addGroup('g', { machine: 'counter' }), { code: 'ERR_FLEET_STOPPED' });
  t.throws(() => f.registerMachine('', counterMachine), { instanceOf: FleetConfigError });
});

test('bodies are standard msgpack maps with binary fields', (t) => {
  const body = { ok: true, result: new Uint8Array([1, 2, 3]), n: 5, s: 'x' };
  const back = decodeBody(encodeBody(body)) as typeof body;
  t.deepEqual([...back.result], [1, 2, 3]);
  t.is(back.n, 5);
  // No msgpack extension types (0xc7-0xc9, 0xd4-0xd8) in the encoding.
  const bytes = encodeBody({ a: new Uint8Array(4), b: [1, 'two'] });
  t.false([...bytes].some((b) => (b >= 0xc7 && b <= 0xc9) || (b >= 0xd4 && b <= 0xd8)));
});
