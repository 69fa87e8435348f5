import test from 'ava';
import { KvStateMachine, KvDecodeError, encodeKvCommand, decodeKvCommand, type KvCommand } from '../src/index.js';

test('commands round-trip through their encoding; garbage is a typed error', (t) => {
  const cmd: KvCommand = { client: 3, seq: 9, input: { op: 'append', key: 'k', value: 'v' } };
  t.deepEqual(decodeKvCommand(encodeKvCommand(cmd)), cmd);
  t.throws(() => decodeKvCommand(new TextEncoder().encode('{')), { instanceOf: KvDecodeError });
  t.throws(() => decodeKvCommand(new TextEncoder().encode('{"client":1}')), { instanceOf: KvDecodeError });
  t.throws(() => decodeKvCommand(new TextEncoder().encode('{"client":1,"seq":1,"input":{"op":"get","key":"k"}}')), { instanceOf: KvDecodeError });
});

test('a retried command is applied once; older sequences are ignored', (t) => {
  const kv = new KvStateMachine();
  t.true(kv.apply({ client: 1, seq: 1, input: { op: 'append', key: 'x', value: 'a' } }));
  t.false(kv.apply({ client: 1, seq: 1, input: { op: 'append', key: 'x', value: 'a' } }));
  t.true(kv.apply({ client: 2, seq: 1, input: { op: 'append', key: 'x', value: 'b' } }));
  t.true(kv.apply({ client: 1, seq: 2, input: { op: 'put', key: 'y', value: 'c' } }));
  t.false(kv.apply({ client: 1, seq: 1, input: { op: 'append', key: 'x', value: 'a' } }));
  t.is(kv.get('x'), 'ab');
  t.is(kv.get('y'), 'c');
  t.is(kv.get('missing'), '');
});

test('snapshot and restore carry data and sessions', (t) => {
  const kv = new KvStateMachine();
  kv.apply({ client: 1, seq: 5, input: { op: 'put', key: 'x', value: '1' } });
  const copy = new KvStateMachine();
  copy.restore(kv.snapshot());
  t.is(copy.digest(), kv.digest());
  t.false(copy.apply({ client: 1, seq: 5, input: { op: 'put', key: 'x', value: '2' } }), 'session survived the snapshot');
  t.is(copy.get('x'), '1');
  copy.restore(new Uint8Array(0));
  t.is(copy.get('x'), '');
  t.throws(() => copy.restore(new TextEncoder().encode('[1]')), { instanceOf: KvDecodeError });
});
