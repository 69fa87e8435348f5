import test from 'ava';
import { ConfigError, MemoryLog, RawNode, validateConfig, type RaftConfig } from '../src/index.js';
import { seededRng } from './harness.js';

const base = (): RaftConfig => ({ id: '1', log: MemoryLog.withVoters(['1']), rng: seededRng(1) });

test('defaults are those documented in api.ts', (t) => {
  const r = validateConfig(base());
  t.is(r.electionTick, 10);
  t.is(r.electionJitterTick, 10);
  t.is(r.heartbeatTick, 1);
  t.is(r.maxSizePerMsg, 1024 * 1024);
  t.is(r.maxCommittedSizePerReady, 1024 * 1024);
  t.is(validateConfig({ ...base(), maxSizePerMsg: 4 * 1024 * 1024 }).maxCommittedSizePerReady, 4 * 1024 * 1024);
  t.is(r.maxInflightMsgs, 256);
  t.is(r.maxInflightBytes, 0);
  t.is(r.maxUncommittedEntriesSize, 0);
  t.true(r.preVote);
  t.true(r.checkQuorum);
  t.is(r.readOnly, 'safe');
  t.is(r.transferTimeoutTick, 10);
  t.is(validateConfig({ ...base(), electionTick: 20 }).transferTimeoutTick, 20);
});

const invalid: [string, Partial<RaftConfig>, string][] = [
  ['empty id', { id: '' }, 'id'],
  ['heartbeat >= election', { heartbeatTick: 10, electionTick: 10 }, 'heartbeatTick'],
  ['lease without check-quorum', { readOnly: 'lease', checkQuorum: false }, 'readOnly'],
  ['unknown read mode', { readOnly: 'fast' as 'safe' }, 'readOnly'],
  ['zero election tick', { electionTick: 0 }, 'electionTick'],
  ['fractional heartbeat', { heartbeatTick: 0.5 }, 'heartbeatTick'],
  ['negative jitter', { electionJitterTick: -1 }, 'electionJitterTick'],
  ['zero inflight', { maxInflightMsgs: 0 }, 'maxInflightMsgs'],
  ['inflight bytes below message size', { maxInflightBytes: 10, maxSizePerMsg: 100 }, 'maxInflightBytes'],
  ['NaN uncommitted', { maxUncommittedEntriesSize: Number.NaN }, 'maxUncommittedEntriesSize'],
  ['no rng', { rng: undefined as unknown as () => number }, 'rng'],
  ['negative applied', { applied: -1 }, 'applied'],
  ['zero committed size per Ready', { maxCommittedSizePerReady: 0 }, 'maxCommittedSizePerReady'],
];

for (const [name, patch, field] of invalid) {
  test(`invalid config: ${name}`, (t) => {
    const err = t.throws(() => new RawNode({ ...base(), ...patch }), { instanceOf: ConfigError });
    t.is(err?.field, field);
    t.is(err?.code, 'ERR_RAFT_CONFIG');
  });
}

test('applied beyond the persisted commit index is a config error', (t) => {
  const err = t.throws(() => new RawNode({ ...base(), applied: 5 }), { instanceOf: ConfigError });
  t.is(err?.field, 'applied');
});
