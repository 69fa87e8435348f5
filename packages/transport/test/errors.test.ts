// Remote failures map to the right typed errors, and a throwing event listener cannot break the others.
import test from 'ava';
import {
  NoHandlerError,
  PeerEvents,
  RemoteError,
  TransportError,
  errorFromRemote,
  remoteErrorInfo,
  NO_HANDLER_CODE,
} from '../src/index.js';

test('a handler error keeps its code and message across the wire', (t) => {
  const info = remoteErrorInfo(Object.assign(new Error('not the leader'), { code: 'ERR_NOT_LEADER' }));
  t.deepEqual(info, { code: 'ERR_NOT_LEADER', message: 'not the leader' });
  const error = errorFromRemote('n2', 'command', info.code, info.message);
  t.true(error instanceof RemoteError);
  t.true(error instanceof TransportError);
  t.is((error as RemoteError).remoteCode, 'ERR_NOT_LEADER');
  t.is((error as RemoteError).method, 'command');
  t.is(error.node, 'n2');
  t.is(error.code, 'ERR_REMOTE');
});

test('errors without a code, and thrown non-errors, become ERR_REMOTE', (t) => {
  t.deepEqual(remoteErrorInfo(new Error('boom')), { code: 'ERR_REMOTE', message: 'boom' });
  t.deepEqual(remoteErrorInfo('just a string'), { code: 'ERR_REMOTE', message: 'just a string' });
  t.deepEqual(remoteErrorInfo(Object.assign(new Error('x'), { code: 42 })), { code: 'ERR_REMOTE', message: 'x' });
});

test('the no-handler code maps to NoHandlerError', (t) => {
  const error = errorFromRemote('n3', 'missing', NO_HANDLER_CODE, 'no handler');
  t.true(error instanceof NoHandlerError);
  t.is(error.code, 'ERR_NO_HANDLER');
  t.is((error as NoHandlerError).method, 'missing');
});

test('a throwing listener is reported and the others still run; unsubscribe works', (t) => {
  const reported: unknown[] = [];
  const events = new PeerEvents((e) => reported.push(e));
  const seen: string[] = [];
  events.on('peerUp', () => {
    throw new Error('bad listener');
  });
  const off = events.on('peerUp', (p) => seen.push(`up ${p}`));
  events.on('peerDown', (p) => seen.push(`down ${p}`));
  events.emit('peerUp', 'a');
  events.emit('peerDown', 'a');
  off();
  events.emit('peerUp', 'b');
  t.deepEqual(seen, ['up a', 'down a']);
  t.is(reported.length, 2);
});
