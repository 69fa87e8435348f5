import { connect } from '@raftfleet/client';
import { Fleet } from '@raftfleet/fleet';
import type { StateMachine } from '@raftfleet/replica';
import { MemoryStorage } from '@raftfleet/storage-memory';
import { TcpTransport } from '@raftfleet/transport-tcp';

// 1. A state machine: a replicated tally of votes (deterministic, never mutates its state).
const votes: StateMachine<Record<string, number>, { vote: string }, number, string, number> = {
  name: 'votes',
  init: () => ({}),
  command: (s, c) => ({ result: (s[c.vote] ?? 0) + 1, state: { ...s, [c.vote]: (s[c.vote] ?? 0) + 1 } }),
  query: (s, who) => s[who] ?? 0,
};

// 2. A fleet node serving it (one here; run three or more, in three zones, for real).
const transport = new TcpTransport({ nodeId: 'n1', clusterId: 'demo', secret: 'change-me!', listen: { port: 0 } });
const fleet = await Fleet.start({ nodeId: 'n1', zone: 'a', transport, storage: MemoryStorage.open(), machines: { votes } });

// 3. A client, from any process: create a group, send a command, read it back.
const client = await connect({ seeds: [transport.address], clusterId: 'demo', secret: 'change-me!' });
await client.addGroup('poll', { machine: 'votes', replicas: 1 });
const poll = client.group<{ vote: string }, number, string, number>('poll'); // typed; msgpack on the wire
await poll.command({ vote: 'raft' });
console.log(await poll.query('raft')); // 1
await client.close(), await fleet.stop(), await transport.close();
