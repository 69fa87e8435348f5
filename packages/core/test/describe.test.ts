import test from 'ava';
import type { Entry, Message } from '@raftfleet/protocol';
import { describeEntries, describeMessage } from '../src/index.js';

const e = (index: number, term: number, type: 0 | 1 | 2 = 0): Entry => ({ index, term, type, data: new Uint8Array() });
const snap = { meta: { index: 10, term: 3, conf: { voters: ['1', '2'], learners: ['3'] } }, data: new Uint8Array(4) };

const cases: [Message, string][] = [
  [{ type: 'append', term: 3, from: '1', to: '2', prevIndex: 6, prevTerm: 2, commit: 6, entries: [e(7, 3), e(8, 3, 1), e(9, 3, 2)] }, '1->2 append term=3 prev=6/2 entries=[7/3 8/3:conf 9/3:noop] commit=6'],
  [{ type: 'append', term: 3, from: '1', to: '2', prevIndex: 9, prevTerm: 3, commit: 9, entries: [], quiet: true }, '1->2 append term=3 prev=9/3 entries=[] commit=9 quiet'],
  [{ type: 'appendResponse', term: 3, from: '2', to: '1', reject: false, index: 9, hintIndex: 0, hintTerm: 0 }, '2->1 appendResponse term=3 index=9'],
  [{ type: 'appendResponse', term: 3, from: '2', to: '1', reject: true, index: 6, hintIndex: 5, hintTerm: 2 }, '2->1 appendResponse term=3 reject index=6 hint=5/2'],
  [{ type: 'preVote', term: 4, from: '3', to: '1', lastIndex: 9, lastTerm: 3, transfer: false }, '3->1 preVote term=4 last=9/3'],
  [{ type: 'vote', term: 4, from: '3', to: '1', lastIndex: 9, lastTerm: 3, transfer: true }, '3->1 vote term=4 last=9/3 transfer'],
  [{ type: 'voteResponse', term: 4, from: '1', to: '3', granted: false }, '1->3 voteResponse term=4 rejected'],
  [{ type: 'preVoteResponse', term: 4, from: '1', to: '3', granted: true }, '1->3 preVoteResponse term=4 granted'],
  [{ type: 'heartbeat', term: 3, from: '1', to: '2', commit: 9, context: 'r7' }, '1->2 heartbeat term=3 commit=9 ctx="r7"'],
  [{ type: 'heartbeatResponse', term: 3, from: '2', to: '1', context: '' }, '2->1 heartbeatResponse term=3'],
  [{ type: 'snapshot', term: 3, from: '1', to: '2', snapshot: snap }, '1->2 snapshot term=3 snapshot=10/3 voters=[1,2] learners=[3] bytes=4'],
  [{ type: 'snapshotChunk', term: 3, from: '1', to: '2', meta: snap.meta, offset: 8, data: new Uint8Array(2), last: true }, '1->2 snapshotChunk term=3 snapshot=10/3 offset=8 bytes=2 last'],
  [{ type: 'timeoutNow', term: 3, from: '1', to: '2' }, '1->2 timeoutNow term=3'],
  [{ type: 'readIndex', term: 3, from: '2', to: '1', context: 'q' }, '2->1 readIndex term=3 ctx="q"'],
  [{ type: 'readIndexResponse', term: 3, from: '1', to: '2', context: 'q', index: 9 }, '1->2 readIndexResponse term=3 index=9 ctx="q"'],
];

for (const [m, want] of cases) {
  test(`describeMessage: ${m.type}${'reject' in m && m.reject ? ' (reject)' : ''}${'transfer' in m && m.transfer ? ' (transfer)' : ''}${'quiet' in m && m.quiet === true ? ' (quiet)' : ''}`, (t) => {
    t.is(describeMessage(m), want);
  });
}

test('long entry lists are abbreviated with their count', (t) => {
  const ents = Array.from({ length: 20 }, (_, i) => e(i + 1, 2));
  t.is(describeEntries(ents), '[1/2 2/2 3/2 4/2 5/2 … 20/2] (20)');
});
