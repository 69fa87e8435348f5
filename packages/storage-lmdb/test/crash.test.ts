import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test, { type ExecutionContext } from 'ava';
import { prng } from '@raftfleet/storage/compliance';
import { openLmdbStorage } from '../src/index.js';
import { entryData } from './fixtures/data.mjs';
import { tempDir } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const child = path.join(here, 'fixtures', 'child.mjs');
const KILLS = 20;
const GROUPS = 4;

/**
 * Kills a child appending to `dir` KILLS times at random moments and checks after each kill that the
 * store opens as it is and holds every batch reported durable, intact. `env` goes to the child.
 */
async function crashLoop(t: ExecutionContext, env: Record<string, string> = {}): Promise<void> {
  const seed = Number(process.env['RAFTFLEET_CRASH_SEED'] ?? ((Date.now() * 2654435761) >>> 0));
  t.log(`crash test seed ${seed} (rerun with RAFTFLEET_CRASH_SEED=${seed})`);
  const rand = prng(seed);
  const dir = tempDir('raftfleet-crash-');
  /** Highest index per group whose batch was reported durable. */
  const acked = new Map<string, number>();
  let reported = 0;
  /** Highest snapshot index of g0 reported durable. */
  let snapAcked = 0;
  let snapshots = 0;
  /** Write-ahead log records replayed at the reopenings: the kills left writes only in the log. */
  let replayed = 0;
  try {
    for (let kill = 0; kill < KILLS; kill++) {
      const p = spawn(process.execPath, [child, 'append', dir, String(GROUPS)], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
      let buf = '';
      let stderr = '';
      let ready!: () => void;
      const isReady = new Promise<void>((r) => (ready = r));
      const onLine = (line: string): void => {
        const msg = JSON.parse(line) as { ready?: boolean; ok?: Array<[string, number, number]>; snap?: [string, number, number] };
        if (msg.ready === true) ready();
        if (msg.snap !== undefined) {
          snapAcked = Math.max(snapAcked, msg.snap[1]);
          snapshots++;
        }
        for (const [group, , to] of msg.ok ?? []) {
          acked.set(group, Math.max(acked.get(group) ?? 0, to));
          reported++;
        }
      };
      p.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          onLine(buf.slice(0, nl));
          buf = buf.slice(nl + 1);
        }
      });
      p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((r) => p.on('close', (code) => r(code)));
      // Mostly kill while appending; now and then during start-up and open.
      if (rand() < 0.15) await new Promise((r) => setTimeout(r, rand() * 400));
      else {
        await Promise.race([isReady, exited]);
        await new Promise((r) => setTimeout(r, 10 + rand() * 250));
      }
      p.kill('SIGKILL');
      const code = await exited;
      t.is(code, null, `child ${kill} died by the signal, not by itself: ${stderr.slice(-2000)}`);

      // The store must open as it is (no repair step) and hold every reported batch, intact.
      const s = await openLmdbStorage({ path: dir });
      replayed += s.stats().replayed;
      try {
        const meta = s.snapshotMeta('g0');
        if (snapAcked > 0 && (meta === undefined || meta.index < snapAcked)) {
          t.fail(`seed ${seed}, kill ${kill}: snapshot at ${snapAcked} was reported durable, store has ${meta?.index}`);
        }
        const reader = s.readSnapshot('g0');
        if (reader !== undefined) {
          const parts: Uint8Array[] = [];
          for await (const c of reader.chunks()) parts.push(c);
          const got = Buffer.concat(parts);
          const want = Buffer.from(entryData('snap-g0', reader.meta.index, reader.size));
          if (got.byteLength !== reader.size || !got.equals(want)) t.fail(`seed ${seed}, kill ${kill}: snapshot at ${reader.meta.index} damaged`);
          if (s.firstIndex('g0') <= reader.meta.index) t.fail(`seed ${seed}, kill ${kill}: log not compacted up to the snapshot`);
        }
        for (const [group, upTo] of acked) {
          const last = s.lastIndex(group);
          const first = s.firstIndex(group);
          if (last < upTo) t.fail(`seed ${seed}, kill ${kill}: ${group} last index ${last} < acknowledged ${upTo}`);
          t.true(s.hardState(group).commit >= upTo, `seed ${seed}, kill ${kill}: ${group} commit`);
          for (const e of s.entries(group, first, last + 1)) {
            if (e.term !== 1 || !Buffer.from(e.data).equals(Buffer.from(entryData(group, e.index)))) {
              t.fail(`seed ${seed}, kill ${kill}: ${group} entry ${e.index} damaged`);
            }
          }
        }
      } finally {
        await s.close();
      }
    }
    t.true(reported > KILLS, `batches reported durable: ${reported}`);
    t.log(`batches reported durable: ${reported}; snapshots: ${snapshots}; log records replayed: ${replayed}`);
    t.true(replayed > 0, `seed ${seed}: no kill left a write only in the log, so replay went untested`);
    t.is(acked.size, GROUPS);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('SIGKILL at random moments never loses a batch that was reported durable', (t) => crashLoop(t));

// LMDB commits in the background, off the log's path: with the log's writes made slow, commits
// run while records are still on their way to the log. LMDB must never hold a record the log
// does not (replaying older records over it would undo part of a newer batch, such as a compaction).
test('SIGKILL while log writes are slow never leaves LMDB ahead of the log', (t) => crashLoop(t, { RAFTFLEET_SLOW_WAL: '30' }));
