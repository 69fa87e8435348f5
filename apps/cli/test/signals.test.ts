// runNode in this process: SIGTERM and SIGINT are taken before the node starts, so a supervisor
// that signals it the moment it says ready, or while it starts, gets the hand-off and a clean stop.
import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../src/exit-codes.js';
import { runNode, type NodeSettings } from '../src/index.js';

function settings(dir: string): NodeSettings {
  return {
    id: 'n1',
    zone: 'z1',
    listen: { host: '127.0.0.1', port: 0 },
    advertise: undefined,
    join: [],
    dataDir: join(dir, 'n1'),
    clusterId: 'signals-test',
    secret: 'signals-test-secret',
    tls: undefined,
    logLevel: 'silent',
    machinesModule: undefined,
    heartbeatMs: undefined,
    purgeAfterMs: undefined,
    sweepMs: undefined,
    maxConcurrentChanges: undefined,
    tickMs: undefined,
    // A lone node has nowhere to hand its registry member to: its hand-off gives up after this.
    shutdownTimeoutMs: 1_000,
    metrics: undefined,
  };
}

/** Runs `fn` with every event line runNode writes to stdout collected, and `onEvent` called on each. */
async function withEvents<T>(onEvent: (event: Record<string, unknown>) => void, fn: (events: Array<Record<string, unknown>>) => Promise<T>): Promise<T> {
  const events: Array<Record<string, unknown>> = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = String(chunk);
    if (!text.startsWith('{"event"')) return write.call(process.stdout, chunk, ...rest);
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const event = JSON.parse(line) as Record<string, unknown>;
      events.push(event);
      onEvent(event);
    }
    return true;
  }) as typeof process.stdout.write;
  try {
    return await fn(events);
  } finally {
    process.stdout.write = write;
  }
}

/** Resolves with `exit`'s code, or rejects if the node has not stopped within 20 s. */
function stopped(exit: Promise<number>): Promise<number> {
  return Promise.race([exit, new Promise<number>((_, reject) => setTimeout(() => reject(new Error('the node did not stop')), 20_000).unref())]);
}

const listeners = () => ({ term: process.listenerCount('SIGTERM'), int: process.listenerCount('SIGINT') });

test.serial('the stop signals are taken by the time the node announces ready, and given back when it stops', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'raftfleet-cli-signals-'));
  const before = listeners();
  let atReady: ReturnType<typeof listeners> | undefined;
  try {
    await withEvents(
      (event) => {
        if (event['event'] === 'ready') atReady = listeners();
      },
      async (events) => {
        const exit = runNode(settings(dir));
        while (atReady === undefined) await new Promise((r) => setTimeout(r, 10));
        t.deepEqual(atReady, { term: before.term + 1, int: before.int + 1 });
        process.emit('SIGTERM', 'SIGTERM');
        t.is(await stopped(exit), EXIT.unavailable); // the lone node's hand-off gave up
        const names = events.map((e) => e['event']);
        t.deepEqual(names.slice(0, 2), ['ready', 'deactivating']);
        t.is(names.at(-1), 'stopped');
        t.is(events[1]!['signal'], 'SIGTERM');
      },
    );
    t.deepEqual(listeners(), before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.serial('a stop signal while the node starts stops it once it is up, with the hand-off', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'raftfleet-cli-signals-'));
  try {
    await withEvents(
      () => {},
      async (events) => {
        const exit = runNode(settings(dir));
        // runNode has not got past its first await: nothing is open or announced yet.
        t.deepEqual(events, []);
        process.emit('SIGINT', 'SIGINT');
        t.is(await stopped(exit), EXIT.unavailable); // the lone node's hand-off gave up
        const names = events.map((e) => e['event']);
        t.deepEqual(names.slice(0, 2), ['ready', 'deactivating']);
        t.is(events[1]!['signal'], 'SIGINT');
        t.is(names.at(-1), 'stopped');
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
