// One-line, transcript-style descriptions of messages and entries (like etcd's testdata
// transcripts), for logs, simulator traces and golden tests.
import type { Entry, Message, Snapshot } from '@raftfleet/protocol';

const MAX_LISTED = 6;

/** `index/term` of an entry, with its type when it is not a normal command. */
export function describeEntry(e: Entry): string {
  const base = `${e.index}/${e.term}`;
  switch (e.type) {
    case 0:
      return base;
    case 1:
      return `${base}:conf`;
    case 2:
      return `${base}:noop`;
    default: {
      const never: never = e.type;
      return `${base}:?${String(never)}`;
    }
  }
}

/** `[7/3 8/3]`, or `[7/3 8/3 … 20/3] (14)` for long lists. */
export function describeEntries(ents: readonly Entry[]): string {
  if (ents.length <= MAX_LISTED) return `[${ents.map(describeEntry).join(' ')}]`;
  const head = ents.slice(0, MAX_LISTED - 1).map(describeEntry).join(' ');
  return `[${head} … ${describeEntry(ents[ents.length - 1] as Entry)}] (${ents.length})`;
}

function describeSnapshot(s: Snapshot): string {
  const learners = s.meta.conf.learners.length > 0 ? ` learners=[${s.meta.conf.learners.join(',')}]` : '';
  return `snapshot=${s.meta.index}/${s.meta.term} voters=[${s.meta.conf.voters.join(',')}]${learners} bytes=${s.data.length}`;
}

function ctx(c: string): string {
  return c === '' ? '' : ` ctx=${JSON.stringify(c)}`;
}

/** A message in transcript style, e.g. `1->2 append term=3 prev=6/2 entries=[7/3] commit=6`. */
export function describeMessage(m: Message): string {
  const head = `${m.from}->${m.to} ${m.type} term=${m.term}`;
  switch (m.type) {
    case 'append':
      return `${head} prev=${m.prevIndex}/${m.prevTerm} entries=${describeEntries(m.entries)} commit=${m.commit}${m.quiet === true ? ' quiet' : ''}`;
    case 'appendResponse':
      return m.reject
        ? `${head} reject index=${m.index} hint=${m.hintIndex}/${m.hintTerm}`
        : `${head} index=${m.index}`;
    case 'vote':
    case 'preVote':
      return `${head} last=${m.lastIndex}/${m.lastTerm}${m.transfer ? ' transfer' : ''}`;
    case 'voteResponse':
    case 'preVoteResponse':
      return `${head} ${m.granted ? 'granted' : 'rejected'}`;
    case 'heartbeat':
      return `${head} commit=${m.commit}${ctx(m.context)}`;
    case 'heartbeatResponse':
      return `${head}${ctx(m.context)}`;
    case 'snapshot':
      return `${head} ${describeSnapshot(m.snapshot)}`;
    case 'snapshotChunk':
      return `${head} snapshot=${m.meta.index}/${m.meta.term} offset=${m.offset} bytes=${m.data.length}${m.last ? ' last' : ''}`;
    case 'timeoutNow':
      return head;
    case 'readIndex':
      return `${head}${ctx(m.context)}`;
    case 'readIndexResponse':
      return `${head} index=${m.index}${ctx(m.context)}`;
    default: {
      const never: never = m;
      return `unknown message ${JSON.stringify(never)}`;
    }
  }
}
