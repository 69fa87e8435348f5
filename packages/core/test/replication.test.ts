import test from 'ava';
import type { AppendMessage, Message } from '@raftfleet/protocol';
import { Cluster, dec, enc } from './harness.js';
import { MemoryLog, ProposalDroppedError, RawNode, describeMessage } from '../src/index.js';
import { seededRng } from './harness.js';

const appends = (msgs: readonly Message[]): AppendMessage[] => msgs.filter((m): m is AppendMessage => m.type === 'append');

test('proposals are replicated, committed and applied in order on every member', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  const r = c.propose('1', 'a', 'b', 'c');
  t.deepEqual(r, { firstIndex: 2, lastIndex: 4, term: 1 });
  c.stabilize();
  for (const id of ['1', '2', '3']) {
    const m = c.get(id);
    t.is(m.node.status().commit, 4, id);
    t.deepEqual([...m.applied.entries()], [[2, 'a'], [3, 'b'], [4, 'c']], id);
  }
});

test('many proposals between two Readies go out as one append per follower', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  for (let i = 0; i < 100; i++) c.propose('1', `cmd${i}`);
  const rd = c.handleReady('1')!;
  const apps = appends(rd.messages);
  t.is(apps.length, 2);
  for (const a of apps) t.is(a.entries.length, 100);
  t.is(rd.entries.length, 100);
  c.stabilize();
  t.is(c.node('3').status().commit, 101);
});

test('appends are bounded by maxSizePerMsg and pipelined up to maxInflightMsgs', (t) => {
  const c = new Cluster(['1', '2'], { config: { maxSizePerMsg: 10, maxInflightMsgs: 3 } });
  c.elect('1');
  for (let i = 0; i < 20; i++) c.propose('1', '12345'); // 5 bytes each: 2 entries per message
  const rd = c.handleReady('1')!;
  const apps = appends(rd.messages);
  t.is(apps.length, 3, 'window of 3 messages in flight');
  for (const a of apps) t.is(a.entries.length, 2);
  t.deepEqual(apps.map((a) => a.prevIndex), [1, 3, 5]);
  c.stabilize();
  t.is(c.node('2').status().commit, 21);
  t.is(c.get('2').applied.size, 20);
});

test('maxInflightBytes bounds the bytes in flight', (t) => {
  const c = new Cluster(['1', '2'], { config: { maxSizePerMsg: 10, maxInflightBytes: 20 } });
  c.elect('1');
  for (let i = 0; i < 20; i++) c.propose('1', '12345');
  const apps = appends(c.handleReady('1')!.messages);
  t.is(apps.length, 2);
});

test('a follower starts in probe and moves to replicate after its first acknowledgement', (t) => {
  const c = new Cluster(['1', '2', '3'], { config: { preVote: false } });
  c.node('1').campaign();
  c.processAll();
  c.deliverRound();
  c.processAll();
  c.deliverRound(); // votes in: 1 is leader and has sent its first appends
  t.is(c.node('1').status().progress['2']?.state, 'probe');
  c.stabilize();
  t.is(c.node('1').status().progress['2']?.state, 'replicate');
  t.is(c.node('1').status().progress['2']?.match, 1);
});

test('reportUnreachable moves a replicating follower back to probe', (t) => {
  const c = new Cluster(['1', '2']);
  c.elect('1');
  c.node('1').reportUnreachable('2');
  t.is(c.node('1').status().progress['2']?.state, 'probe');
});

test('maxUncommittedEntriesSize refuses proposals with reason tooLarge', (t) => {
  const c = new Cluster(['1', '2', '3'], { config: { maxUncommittedEntriesSize: 10 } });
  c.elect('1');
  c.isolate('1');
  c.propose('1', '123456');
  const err = t.throws(() => c.propose('1', '123456'), { instanceOf: ProposalDroppedError });
  t.is(err?.reason, 'tooLarge');
  c.heal();
  c.stabilize();
  t.notThrows(() => c.propose('1', '123456'), 'room again once committed');
});

test('log divergence: a follower with extra entries of an old term is repaired with few probes', (t) => {
  const c = new Cluster(['1', '2', '3'], { config: { preVote: false, checkQuorum: false } });
  c.elect('1');
  c.propose('1', 'base');
  c.stabilize();
  // 1 is cut off and takes 50 proposals in term 1 that never commit.
  c.isolate('1');
  for (let i = 0; i < 50; i++) c.propose('1', `lost${i}`);
  c.stabilize();
  // 2 becomes leader of term 2 and commits 30 entries with 3.
  c.elect('2');
  t.is(c.node('2').status().role, 'leader');
  for (let i = 0; i < 30; i++) c.propose('2', `kept${i}`);
  c.stabilize();
  c.heal();
  const before = c.trace.length;
  c.tickAll(3);
  const toOne = c.trace.slice(before).filter((l) => l.startsWith('2->1 append'));
  const rejects = c.trace.slice(before).filter((l) => l.startsWith('1->2 appendResponse') && l.includes('reject'));
  t.true(rejects.length <= 2, `fast back-off: ${rejects.length} rejections`);
  t.true(toOne.length >= 1);
  const l1 = c.entriesOf('1').map((e) => `${e.index}/${e.term}`);
  const l2 = c.entriesOf('2').map((e) => `${e.index}/${e.term}`);
  t.deepEqual(l1, l2);
  const applied1 = [...c.get('1').applied.values()];
  t.false(applied1.some((s) => s.startsWith('lost')));
  t.is(applied1.filter((s) => s.startsWith('kept')).length, 30);
});

test('Figure 8: a leader does not commit an entry of an earlier term by counting replicas', (t) => {
  const ids = ['1', '2', '3', '4', '5'];
  const c = new Cluster(ids, { config: { preVote: false, checkQuorum: false, maxSizePerMsg: 0 } });
  c.elect('1'); // term 1, no-op at 1 committed everywhere
  // (a) 1 replicates index 2 (term 1) to 2 only.
  c.partition(['1', '2'], ['3', '4', '5']);
  c.propose('1', 'old');
  c.stabilize();
  t.is(c.node('2').status().lastIndex, 2);
  // (b) 1 crashes; 5 wins term 2 with votes of 3, 4 and appends its no-op at index 2 locally only.
  c.heal();
  c.restart('1');
  c.isolate('1');
  c.filter = (m) => !(m.from === '5' && m.type === 'append') && !(m.to === '5' && m.from === '2') && !(m.from === '5' && m.to === '2');
  c.elect('5');
  t.is(c.node('5').status().role, 'leader');
  t.is(c.node('5').status().term, 2);
  // (c) 5 crashes; 1 restarts and wins term 3 (votes of 2, 3); it replicates index 2 (term 1) to 3.
  c.heal();
  c.restart('5');
  c.isolate('5');
  c.cut.add('1|4');
  c.cut.add('4|1');
  // 1's new-term no-op (index 3) is stripped from every append, so index 2 alone reaches a majority.
  c.filter = (m) => {
    if (m.type === 'append') m.entries = m.entries.filter((e) => e.index < 3);
    return true;
  };
  c.elect('1'); // term 2: 3 already voted for 5 in term 2, so this round is lost
  c.elect('1'); // term 3
  t.is(c.node('1').status().role, 'leader');
  t.is(c.node('1').status().term, 3);
  t.is(c.get('3').log.term(2), 1, 'index 2 of term 1 is now on 1, 2 and 3: a majority');
  t.is(c.node('1').status().progress['2']?.match, 2);
  t.is(c.node('1').status().progress['3']?.match, 2);
  t.is(c.node('1').status().commit, 1, 'but it is not committed: its term is not the current one');
  t.false(c.get('1').applied.has(2));
  // (d) 1 crashes again; 5 can win (its last term 2 beats term 1) and overwrites index 2.
  c.heal();
  c.restart('1');
  c.isolate('1');
  c.elect('5'); // term 3 is taken (2 and 3 voted for 1)
  c.elect('5');
  t.is(c.node('5').status().role, 'leader');
  c.propose('5', 'new');
  c.stabilize();
  for (const id of ['2', '3', '4', '5']) {
    t.is(c.get(id).log.term(2), 2, `${id} index 2 overwritten`);
    t.false([...c.get(id).applied.values()].includes('old'), id);
    t.true([...c.get(id).applied.values()].includes('new'), id);
  }
  c.heal();
  c.tickAll(3);
  t.is(c.get('1').log.term(2), 2);
  t.false([...c.get('1').applied.values()].includes('old'));
});

test('Figure 8 (e): once an entry of the current term is on a majority, earlier entries commit with it', (t) => {
  const c = new Cluster(['1', '2', '3', '4', '5'], { config: { preVote: false, checkQuorum: false } });
  c.elect('1');
  c.partition(['1', '2'], ['3', '4', '5']);
  c.propose('1', 'old');
  c.stabilize();
  c.heal();
  c.restart('1');
  c.isolate('1');
  c.filter = (m) => !(m.from === '5' && m.type === 'append') && !(m.to === '5' && m.from === '2') && !(m.from === '5' && m.to === '2');
  c.elect('5');
  c.heal();
  c.restart('5');
  c.isolate('5');
  c.elect('1');
  c.elect('1');
  c.stabilize();
  t.true(c.node('1').status().commit >= 3);
  t.true([...c.get('3').applied.values()].includes('old'));
});

test('a follower ignores stale-term messages but tells a stale leader the new term', (t) => {
  const c = new Cluster(['1', '2', '3'], { seed: 5 });
  c.elect('1');
  c.isolate('1');
  for (let i = 0; i < 200 && c.leaders().every((l) => l === '1'); i++) c.tickAll(1, ['2', '3']);
  c.heal();
  const n3 = c.node('3');
  const term = n3.status().term;
  t.true(term > 1);
  const before = n3.status();
  n3.step({ type: 'append', term: 1, from: '1', to: '3', prevIndex: 1, prevTerm: 1, entries: [{ term: 1, index: 2, type: 0, data: enc('stale') }], commit: 2 });
  const rd = n3.ready();
  t.deepEqual(rd.entries, []);
  t.is(n3.status().commit, before.commit);
  const resp = rd.messages.find((m) => m.to === '1');
  t.is(resp?.type, 'appendResponse');
  t.is(resp?.term, term);
  n3.advance();
  // a stale vote request is dropped without an answer
  n3.step({ type: 'vote', term: 1, from: '1', to: '3', lastIndex: 9, lastTerm: 1, transfer: false });
  t.false(n3.hasReady());
  // the stale leader steps down when it hears the answer
  c.node('1').step(resp as Message);
  t.is(c.node('1').status().role, 'follower');
  t.is(c.node('1').status().term, term);
});

test('messages for another member, from itself or malformed are dropped', (t) => {
  const n = new RawNode({ id: '1', log: MemoryLog.withVoters(['1', '2']), rng: seededRng(1) });
  n.step({ type: 'heartbeat', term: 5, from: '2', to: '9', commit: 0, context: '' });
  n.step({ type: 'heartbeat', term: 5, from: '1', to: '1', commit: 0, context: '' });
  n.step(null as unknown as Message);
  n.step({ type: 'heartbeat', term: -1, from: '2', to: '1', commit: 0, context: '' });
  n.step({ type: 'snapshotChunk', term: 5, from: '2', to: '1', meta: { index: 1, term: 1, conf: { voters: [], learners: [] } }, offset: 0, data: new Uint8Array(0), last: true });
  t.is(n.status().term, 0);
  t.false(n.hasReady());
});

test('a restarted member recovers from its hard state and log alone', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.propose('1', 'a', 'b');
  c.stabilize();
  const before = c.node('2').status();
  const m = c.restart('2');
  const s = m.node.status();
  t.is(s.term, before.term);
  t.is(s.vote, before.vote);
  t.is(s.commit, before.commit);
  t.is(s.lastIndex, before.lastIndex);
  t.is(s.role, 'follower');
  c.stabilize();
  t.deepEqual([...m.applied.values()], ['a', 'b'], 'replays committed entries from the snapshot index');
  c.propose('1', 'c');
  c.stabilize();
  t.is(m.applied.get(4), 'c');
  // and the restarted leader, too
  const l = c.restart('1');
  t.is(l.node.status().role, 'follower');
  c.tickAll(40);
  t.is(c.leaders().length, 1);
  t.deepEqual(c.entriesOf('1').map((e) => e.index), c.entriesOf('3').map((e) => e.index));
});

test('a restart with applied set does not replay what was applied', (t) => {
  const c = new Cluster(['1']);
  c.elect('1');
  c.propose('1', 'a', 'b');
  c.stabilize();
  const log = c.get('1').log;
  const n = new RawNode({ id: '1', log, rng: seededRng(2), applied: 3 });
  t.false(n.ready().committedEntries.length > 0);
});

test('determinism: the same seed and inputs give the same outputs', (t) => {
  const run = (seed: number): string[] => {
    const c = new Cluster(['1', '2', '3', '4', '5'], { seed });
    c.tickAll(30);
    const l = c.leader();
    c.propose(l, 'x', 'y');
    c.isolate(l);
    c.tickAll(30);
    c.heal();
    c.tickAll(10);
    return c.trace;
  };
  t.deepEqual(run(42), run(42));
  t.notDeepEqual(run(42), run(43));
});

test('describeMessage renders the etcd transcript style', (t) => {
  const m: AppendMessage = {
    type: 'append', term: 3, from: '1', to: '2', prevIndex: 6, prevTerm: 2, commit: 6,
    entries: [{ term: 3, index: 7, type: 0, data: enc('x') }],
  };
  t.is(describeMessage(m), '1->2 append term=3 prev=6/2 entries=[7/3] commit=6');
  t.is(dec(m.entries[0]!.data), 'x');
});

test('malformed wire messages are dropped, not thrown on', (t) => {
  const n = new RawNode({ id: '2', log: MemoryLog.withVoters(['1', '2']), rng: seededRng(1) });
  const bad: unknown[] = [
    { type: 'append', term: 1, from: '1', to: '2', prevIndex: 0, prevTerm: 0, commit: 0 },
    { type: 'append', term: 1, from: '1', to: '2', prevIndex: 0, prevTerm: 0, commit: 0, entries: [{ index: 5, term: 1, type: 0, data: new Uint8Array() }] },
    { type: 'append', term: 1.5, from: '1', to: '2', prevIndex: 0, prevTerm: 0, commit: 0, entries: [] },
    { type: 'heartbeat', term: 1, from: '1', to: '2', commit: -3, context: '' },
    { type: 'snapshot', term: 1, from: '1', to: '2', snapshot: { meta: { index: 3 } } },
    { type: 'vote', term: 2, from: '1', to: '2' },
    { type: 'nonsense', term: 2, from: '1', to: '2' },
  ];
  for (const m of bad) t.notThrows(() => n.step(m as Message));
  t.is(n.status().term, 0);
  t.false(n.hasReady());
});

test('a follower in probe state gets one append at a time (per answer or heartbeat)', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.node('1').reportUnreachable('3'); // back to probe
  c.isolate('3');
  const from = c.trace.length;
  const appendsToThree = (): number => c.trace.slice(from).filter((l) => l.startsWith('1->3 append')).length;
  for (let i = 0; i < 5; i++) {
    c.propose('1', `x${i}`);
    c.stabilize();
  }
  t.is(c.node('1').status().progress['3']?.state, 'probe');
  t.is(appendsToThree(), 1, 'paused after one probe');
  c.tickAll(1); // the heartbeat goes out, but without an answer nothing is unpaused
  t.is(appendsToThree(), 1);
  c.heal();
  c.tickAll(2);
  t.is(c.node('1').status().progress['3']?.state, 'replicate');
  t.is(c.get('3').applied.size, 5);
});

test('a candidate that a majority rejects goes back to follower', (t) => {
  const c = new Cluster(['1', '2', '3'], { config: { preVote: false, checkQuorum: false } });
  c.elect('1');
  c.propose('1', 'a');
  c.stabilize();
  c.addMember('3', MemoryLog.withVoters(['1', '2', '3'])); // 3 lost its disk: an empty log
  c.node('3').campaign();
  c.stabilize();
  t.is(c.node('3').status().role, 'follower');
  t.is(c.node('3').status().term, 1, 'its empty disk restarted it at term 0; the others already voted in term 1');
  t.not(c.node('1').status().vote, '3');
  t.not(c.node('2').status().vote, '3');
});

test('a periodic heartbeat skips a member that got an append this round; an idle member, or one lagging with nothing sent or heard, still gets one', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.tickAll(2); // settle: idle rounds heartbeat everyone
  const heartbeatsFrom = (from: number, to: string): number => c.trace.slice(from).filter((l) => l.startsWith(`1->${to} heartbeat`)).length;
  /** `rounds` heartbeat rounds, each with a proposal replicated before its tick. */
  const busyRounds = (prefix: string, rounds: number): void => {
    for (let i = 0; i < rounds; i++) {
      c.propose('1', `${prefix}${i}`);
      c.stabilize();
      c.tickAll(1);
    }
  };
  // Busy: an append in every round, so no heartbeat is needed for the election timer.
  let from = c.trace.length;
  busyRounds('busy', 5);
  t.is(heartbeatsFrom(from, '2'), 0);
  t.is(heartbeatsFrom(from, '3'), 0);
  t.is(c.node('2').status().commit, c.node('1').status().commit, 'followers learn the commit index from the appends');
  // Idle: heartbeats again.
  from = c.trace.length;
  c.tickAll(3);
  t.is(heartbeatsFrom(from, '2'), 3);
  // A member whose appends are lost gets none while appends keep going to it (a later append
  // that arrives is rejected, which shows the gap); the first round with nothing sent to it and
  // nothing heard heartbeats it, and the answer moves it on.
  c.isolate('3');
  from = c.trace.length;
  busyRounds('lost', 3);
  t.is(heartbeatsFrom(from, '2'), 0);
  t.is(heartbeatsFrom(from, '3'), 0);
  c.heal();
  from = c.trace.length;
  c.tickAll(1);
  t.is(heartbeatsFrom(from, '3'), 1);
  t.is(c.node('3').status().commit, c.node('1').status().commit, 'the answer to the heartbeat brought 3 up to date');
  // A read's heartbeat goes to everyone whatever the appends.
  from = c.trace.length;
  c.propose('1', 'r');
  c.node('1').readIndex('ctx-r');
  c.stabilize();
  t.is(c.trace.slice(from).filter((l) => l.startsWith('1->2 heartbeat') && l.includes('ctx-r')).length, 1);
});

test('the commit index goes to a follower that has everything in a quiet append, answered only to reject it', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.tickAll(2);
  const from = c.trace.length;
  const { lastIndex } = c.propose('1', 'a');
  c.stabilize();
  const lines = c.trace.slice(from);
  // Each follower: the entry, its answer, then the commit index in a quiet append without answer.
  for (const f of ['2', '3']) {
    t.deepEqual(
      lines.filter((l) => l.startsWith(`1->${f} `) || l.startsWith(`${f}->1 `)),
      [
        `1->${f} append term=1 prev=${lastIndex - 1}/1 entries=[${lastIndex}/1] commit=${lastIndex - 1}`,
        `${f}->1 appendResponse term=1 index=${lastIndex}`,
        `1->${f} append term=1 prev=${lastIndex}/1 entries=[] commit=${lastIndex} quiet`,
      ],
    );
    t.is(c.node(f).status().commit, lastIndex);
  }
  // A quiet append that does not match the follower's log is rejected like any other.
  const n = c.node('2');
  n.step({ type: 'append', term: 1, from: '1', to: '2', prevIndex: lastIndex + 3, prevTerm: 1, entries: [], commit: lastIndex, quiet: true });
  const answers = n.ready().messages;
  t.deepEqual(
    answers.map((m) => describeMessage(m)),
    [`2->1 appendResponse term=1 reject index=${lastIndex + 3} hint=${lastIndex}/1`],
  );
});

test('a follower whose append is still in flight gets the commit index after its answer, in a quiet append', (t) => {
  const c = new Cluster(['1', '2', '3']);
  c.elect('1');
  c.tickAll(2);
  const { lastIndex } = c.propose('1', 'a');
  c.processAll();
  c.deliverRound(); // the entry reaches both followers
  c.processAll(); // both answer
  const held = c.queue.filter((m) => m.from === '3');
  c.queue = c.queue.filter((m) => m.from !== '3');
  const from = c.trace.length;
  c.deliverRound(); // only 2's answer reaches the leader, which commits
  c.processAll();
  // 2 learns the commit at once; 3, whose answer is on its way, is sent nothing yet (an append of
  // its own would have to be answered too).
  t.deepEqual(c.trace.slice(from), [`1->2 append term=1 prev=${lastIndex}/1 entries=[] commit=${lastIndex} quiet`]);
  t.false(c.node('1').isIdle(), 'the leader knows 3 lacks the commit index');
  c.queue.push(...held);
  const later = c.trace.length;
  c.deliverRound();
  c.processAll();
  t.deepEqual(c.trace.slice(later), [`1->3 append term=1 prev=${lastIndex}/1 entries=[] commit=${lastIndex} quiet`]);
  c.stabilize();
  t.is(c.node('3').status().commit, lastIndex);
  t.true(c.node('1').isIdle());
});
