// The compliance suite every RaftStorage adapter runs: it registers ava tests (ava's `test` is passed in,
// so this package does not depend on ava) covering ordering, truncation, compaction, snapshots, reopen and a model check.
import fc from 'fast-check';
import { EntryType, type ConfState, type Entry, type HardState, type SnapshotMeta } from '@raftfleet/protocol';
import { isStorageError, type StorageErrorCode } from '../errors.js';
import type { RaftStorage, WriteBatch } from '../types.js';
import { StorageModel } from './model.js';

/** The assertions the suite uses; ava's execution context satisfies it. */
export interface ComplianceAssertions {
  /** Strict equality. */
  is(actual: unknown, expected: unknown, message?: string): unknown;
  /** Structural equality. */
  deepEqual(actual: unknown, expected: unknown, message?: string): unknown;
  /** Truthiness. */
  true(actual: unknown, message?: string): unknown;
  /** Fails the test. */
  fail(message?: string): unknown;
  /** Adds a line to the test's output (shown on failure). */
  log(...values: unknown[]): void;
}

/** Registers one test; pass ava's `test` (or `test.serial`). */
export type ComplianceTest = (title: string, implementation: (t: ComplianceAssertions) => Promise<void>) => void;

/** One storage location that can be opened, closed and opened again. */
export interface StorageHarness {
  /** Opens the storage at this location; called again after the previous instance was closed. */
  open(): Promise<RaftStorage>;
  /** Removes the location; called once at the end of each test, after the storage was closed. */
  dispose(): Promise<void>;
}

/** Creates a fresh, empty location per test. */
export type StorageFactory = () => Promise<StorageHarness> | StorageHarness;

/** Tuning of {@link storageCompliance}. */
export interface ComplianceOptions {
  /** Prefix of every test title (default `storage compliance`). */
  prefix?: string;
  /** Runs of each property test (default 25, or env RAFTFLEET_COMPLIANCE_RUNS). */
  propertyRuns?: number;
  /** Seed of the property tests (default: random, printed on failure; or env RAFTFLEET_COMPLIANCE_SEED). */
  seed?: number;
  /** Size of the large snapshot round trip in bytes (default 3 MiB). */
  snapshotBytes?: number;
}

/** A small deterministic PRNG (mulberry32) so test data is reproducible from a seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function bytes(rand: () => number, n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (rand() * 256) | 0;
  return b;
}

function hex(b: Uint8Array | undefined): string | undefined {
  if (b === undefined) return undefined;
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

function plainEntry(e: Entry): { index: number; term: number; type: number; data: string } {
  return { index: e.index, term: e.term, type: e.type, data: hex(e.data) ?? '' };
}

function entryRun(first: number, count: number, term: number, size = 8, salt = 0): Entry[] {
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const index = first + i;
    const data = new Uint8Array(size);
    for (let j = 0; j < size; j++) data[j] = (index * 31 + j * 7 + term * 13 + salt) & 0xff;
    out.push({ index, term, type: index % 7 === 0 ? EntryType.Noop : EntryType.Normal, data });
  }
  return out;
}

function codeOf(error: unknown): string {
  return isStorageError(error) ? error.code : `not a storage error: ${String(error)}`;
}

function expectThrows(t: ComplianceAssertions, fn: () => unknown, code: StorageErrorCode, what: string): void {
  try {
    fn();
  } catch (error) {
    t.is(codeOf(error), code, what);
    return;
  }
  t.fail(`${what}: expected ${code}, nothing was thrown`);
}

async function expectRejects(t: ComplianceAssertions, fn: () => Promise<unknown>, code: StorageErrorCode, what: string): Promise<void> {
  try {
    await fn();
  } catch (error) {
    t.is(codeOf(error), code, what);
    return;
  }
  t.fail(`${what}: expected ${code}, it resolved`);
}

async function collect(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let n = 0;
  for await (const c of chunks) {
    parts.push(c);
    n += c.byteLength;
  }
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return out;
}

function chunked(data: Uint8Array, rand: () => number, maxChunk: number): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      let o = 0;
      while (o < data.byteLength) {
        const n = 1 + Math.floor(rand() * maxChunk);
        yield data.slice(o, o + n);
        o += n;
        // Yield to the event loop now and then, like a real producer.
        if (rand() < 0.1) await new Promise((r) => setImmediate(r));
      }
    },
  };
}

/** Everything observable about one group, in a form that compares structurally. */
function dumpGroup(s: RaftStorage, group: string): unknown {
  const first = s.firstIndex(group);
  const last = s.lastIndex(group);
  const snap = s.snapshotMeta(group);
  return {
    first,
    last,
    compactedTerm: s.term(group, first - 1),
    entries: s.entries(group, first, last + 1).map(plainEntry),
    hardState: s.hardState(group),
    confState: s.confState(group),
    meta: hex(s.meta(group)),
    snapshot: snap === undefined ? undefined : { index: snap.index, term: snap.term, conf: snap.conf },
  };
}

function dumpStorage(s: RaftStorage): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const g of [...s.groups()].sort()) out[g] = dumpGroup(s, g);
  return out;
}

function dumpModel(m: StorageModel): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of [...m.groups.keys()].sort()) {
    const g = m.groups.get(name);
    if (g === undefined) continue;
    out[name] = {
      first: g.compactedIndex + 1,
      last: g.compactedIndex + g.log.length,
      compactedTerm: g.compactedTerm,
      entries: g.log.map(plainEntry),
      hardState: g.hardState ?? { term: 0, vote: '', commit: 0 },
      confState: g.confState ?? { voters: [], learners: [] },
      meta: hex(g.meta),
      snapshot: g.snapshot === undefined ? undefined : { index: g.snapshot.meta.index, term: g.snapshot.meta.term, conf: g.snapshot.meta.conf },
    };
  }
  return out;
}

function envNumber(name: string): number | undefined {
  const v = typeof process === 'undefined' ? undefined : process.env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Commands of the model-based property test. */
type Command =
  | { kind: 'append'; group: string; at: number; count: number; bump: number; durable: boolean; salt: number }
  | { kind: 'hardState'; group: string; term: number; commit: number; vote: string }
  | { kind: 'meta'; group: string; salt: number }
  | { kind: 'compact'; group: string; at: number }
  | { kind: 'snapshot'; group: string; mode: 'within' | 'beyond' | 'mismatch'; at: number; size: number; salt: number }
  | { kind: 'delete'; group: string }
  | { kind: 'multi'; groups: string[]; salt: number }
  | { kind: 'reopen' };

/** A fraction in [0, 1]; integers keep it uniform (doubles are biased towards tiny values). */
const fracArb = fc.integer({ min: 0, max: 1000 }).map((x) => x / 1000);
const groupArb = fc.constantFrom('alpha', 'beta', 'gamma/δ');
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('append' as const), group: groupArb, at: fracArb, count: fc.integer({ min: 1, max: 6 }), bump: fc.integer({ min: 0, max: 2 }), durable: fc.boolean(), salt: fc.nat(255) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('hardState' as const), group: groupArb, term: fc.nat(50), commit: fc.nat(50), vote: fc.constantFrom('', 'n1', 'n2') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('meta' as const), group: groupArb, salt: fc.nat(255) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('compact' as const), group: groupArb, at: fracArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('snapshot' as const), group: groupArb, mode: fc.constantFrom('within' as const, 'beyond' as const, 'mismatch' as const), at: fracArb, size: fc.nat(3000), salt: fc.nat(255) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), group: groupArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('multi' as const), groups: fc.uniqueArray(groupArb, { minLength: 1, maxLength: 3 }), salt: fc.nat(255) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
);

/**
 * Registers the storage compliance tests with `test` (ava's `test`). `factory` gives each test a fresh
 * location that it can open, close and reopen. An adapter's whole compliance test file is:
 *
 * ```ts
 * import test from 'ava';
 * import { storageCompliance } from '@raftfleet/storage/compliance';
 * storageCompliance(test, () => myHarness());
 * ```
 */
export function storageCompliance(test: ComplianceTest, factory: StorageFactory, options: ComplianceOptions = {}): void {
  const prefix = options.prefix ?? 'storage compliance';
  const runs = options.propertyRuns ?? envNumber('RAFTFLEET_COMPLIANCE_RUNS') ?? 25;
  const snapshotBytes = options.snapshotBytes ?? 3 * 1024 * 1024;

  /** Runs `body` with an open storage on a fresh location; closes and disposes whatever happens. */
  function define(title: string, body: (t: ComplianceAssertions, ctx: { s: RaftStorage; reopen(): Promise<RaftStorage> }) => Promise<void>): void {
    test(`${prefix}: ${title}`, async (t) => {
      const harness = await factory();
      let s = await harness.open();
      try {
        await body(t, {
          get s() {
            return s;
          },
          async reopen() {
            await s.close();
            s = await harness.open();
            return s;
          },
        });
      } finally {
        await s.close();
        await harness.dispose();
      }
    });
  }

  define('a group never written reads as empty', async (t, { s }) => {
    t.is(s.firstIndex('g'), 1);
    t.is(s.lastIndex('g'), 0);
    t.is(s.term('g', 0), 0);
    t.deepEqual(s.entries('g', 1, 1), []);
    t.deepEqual(s.hardState('g'), { term: 0, vote: '', commit: 0 });
    t.deepEqual(s.confState('g'), { voters: [], learners: [] });
    t.is(s.meta('g'), undefined);
    t.is(s.snapshotMeta('g'), undefined);
    t.is(s.readSnapshot('g'), undefined);
    t.deepEqual(s.groups(), []);
    t.is(s.hasGroup('g'), false);
    expectThrows(t, () => s.term('g', 1), 'ERR_STORAGE_UNAVAILABLE', 'term beyond last');
    expectThrows(t, () => s.entries('g', 1, 2), 'ERR_STORAGE_UNAVAILABLE', 'entries beyond last');
    expectThrows(t, () => s.entries('g', 3, 2), 'ERR_STORAGE_INVALID_ARGUMENT', 'lo > hi');
    await s.write({ writes: [] });
    await s.write({ writes: [{ group: 'g', entries: [] }] });
    t.is(s.hasGroup('g'), false, 'an empty append creates nothing');
  });

  define('entries come back in order with their terms, types and data', async (t, { s }) => {
    const run = [...entryRun(1, 5, 1), ...entryRun(6, 5, 2)];
    await s.write({ writes: [{ group: 'g', entries: run.slice(0, 4) }] });
    await s.write({ writes: [{ group: 'g', entries: run.slice(4) }] });
    t.is(s.firstIndex('g'), 1);
    t.is(s.lastIndex('g'), 10);
    t.deepEqual(s.entries('g', 1, 11).map(plainEntry), run.map(plainEntry));
    t.deepEqual(s.entries('g', 3, 7).map(plainEntry), run.slice(2, 6).map(plainEntry));
    for (const e of run) t.is(s.term('g', e.index), e.term, `term(${e.index})`);
    t.true(s.hasGroup('g'));
    t.deepEqual(s.groups(), ['g']);
  });

  define('writes issued without waiting are applied in issue order', async (t, { s }) => {
    const pending: Promise<void>[] = [];
    for (let i = 1; i <= 40; i++) pending.push(s.write({ writes: [{ group: 'g', entries: entryRun(i, 1, 1 + Math.floor(i / 10)) }] }));
    // The last ones rewrite 35..40 with a higher term: truncation must see the earlier, still pending, appends.
    pending.push(s.write({ writes: [{ group: 'g', entries: entryRun(35, 3, 9) }] }));
    await Promise.all(pending);
    t.is(s.lastIndex('g'), 37);
    t.deepEqual(
      s.entries('g', 1, 38).map((e) => e.term),
      [...Array.from({ length: 34 }, (_, i) => 1 + Math.floor((i + 1) / 10)), 9, 9, 9],
    );
  });

  define('appending below the last index truncates the conflicting suffix', async (t, { s, reopen }) => {
    await s.write({ writes: [{ group: 'g', entries: entryRun(1, 10, 1) }] });
    await s.write({ writes: [{ group: 'g', entries: entryRun(6, 3, 2, 8, 99) }] });
    t.is(s.lastIndex('g'), 8);
    t.deepEqual(s.entries('g', 1, 9).map(plainEntry), [...entryRun(1, 5, 1), ...entryRun(6, 3, 2, 8, 99)].map(plainEntry));
    expectThrows(t, () => s.term('g', 9), 'ERR_STORAGE_UNAVAILABLE', 'truncated index');
    const s2 = await reopen();
    t.is(s2.lastIndex('g'), 8);
    expectThrows(t, () => s2.entries('g', 1, 10), 'ERR_STORAGE_UNAVAILABLE', 'truncated entries stay gone after reopen');
    t.deepEqual(s2.entries('g', 6, 9).map(plainEntry), entryRun(6, 3, 2, 8, 99).map(plainEntry));
  });

  define('a batch that breaks the log is refused whole', async (t, { s }) => {
    await s.write({ writes: [{ group: 'g', entries: entryRun(1, 3, 2) }] });
    const bad: WriteBatch = {
      writes: [
        { group: 'other', entries: entryRun(1, 2, 1), hardState: { term: 1, vote: 'x', commit: 0 } },
        { group: 'g', entries: entryRun(5, 1, 2) },
      ],
    };
    await expectRejects(t, () => s.write(bad), 'ERR_STORAGE_INVALID_ARGUMENT', 'gap');
    await expectRejects(t, () => s.write({ writes: [{ group: 'g', entries: [...entryRun(4, 1, 2), ...entryRun(6, 1, 2)] }] }), 'ERR_STORAGE_INVALID_ARGUMENT', 'not contiguous');
    await expectRejects(t, () => s.write({ writes: [{ group: 'g', entries: entryRun(4, 1, 1) }] }), 'ERR_STORAGE_INVALID_ARGUMENT', 'term goes backwards');
    await expectRejects(t, () => s.write({ writes: [{ group: 'g', compact: 7 }] }), 'ERR_STORAGE_UNAVAILABLE', 'compact beyond last');
    t.is(s.hasGroup('other'), false);
    t.is(s.lastIndex('g'), 3);
    // Also when every write before the bad one is a plain append to a group that exists.
    await s.write({ writes: [{ group: 'h', entries: entryRun(1, 2, 1), hardState: { term: 1, vote: 'a', commit: 1 } }] });
    const late: WriteBatch = {
      writes: [
        { group: 'h', entries: entryRun(3, 1, 1), hardState: { term: 1, vote: 'a', commit: 3 } },
        { group: 'g', entries: entryRun(4, 1, 1) },
      ],
    };
    await expectRejects(t, () => s.write(late), 'ERR_STORAGE_INVALID_ARGUMENT', 'term goes backwards, after a plain append');
    t.is(s.lastIndex('h'), 2);
    t.deepEqual(s.hardState('h'), { term: 1, vote: 'a', commit: 1 });
    t.is(s.lastIndex('g'), 3);
  });

  define('hard state, membership and runtime metadata round-trip', async (t, { s, reopen }) => {
    const hs: HardState = { term: 7, vote: 'member-2', commit: 3 };
    const conf: ConfState = { voters: ['a', 'b', 'c'], learners: ['d'] };
    const meta = new Uint8Array([1, 2, 3, 250]);
    await s.write({ writes: [{ group: 'g', hardState: hs, confState: conf, meta }] });
    t.deepEqual(s.hardState('g'), hs);
    t.deepEqual(s.confState('g'), conf);
    t.is(hex(s.meta('g')), hex(meta));
    t.true(s.hasGroup('g'));
    await s.write({ writes: [{ group: 'g', hardState: { ...hs, commit: 5 } }] });
    const s2 = await reopen();
    t.deepEqual(s2.hardState('g'), { ...hs, commit: 5 });
    t.deepEqual(s2.confState('g'), conf);
    t.is(hex(s2.meta('g')), hex(meta));
  });

  define('compaction: first index moves, the compacted index keeps its term, below it throws', async (t, { s, reopen }) => {
    await s.write({ writes: [{ group: 'g', entries: [...entryRun(1, 4, 1), ...entryRun(5, 6, 3)] }] });
    await s.compact('g', 5);
    t.is(s.firstIndex('g'), 6);
    t.is(s.lastIndex('g'), 10);
    t.is(s.term('g', 5), 3);
    expectThrows(t, () => s.term('g', 4), 'ERR_STORAGE_COMPACTED', 'term below the compacted index');
    expectThrows(t, () => s.entries('g', 5, 8), 'ERR_STORAGE_COMPACTED', 'entries from the compacted index');
    t.deepEqual(s.entries('g', 6, 11).map(plainEntry), entryRun(6, 5, 3).map(plainEntry));
    await s.compact('g', 3);
    t.is(s.firstIndex('g'), 6, 'compacting below the first index is a no-op');
    await expectRejects(t, () => s.compact('g', 11), 'ERR_STORAGE_UNAVAILABLE', 'compact beyond last');
    await s.write({ writes: [{ group: 'g', compact: 10 }] });
    t.is(s.firstIndex('g'), 11);
    t.is(s.lastIndex('g'), 10, 'an empty log keeps its last index');
    t.is(s.term('g', 10), 3);
    t.deepEqual(s.entries('g', 11, 11), []);
    // Entries the leader resends that are already compacted are skipped; the rest is appended.
    await s.write({ writes: [{ group: 'g', entries: [...entryRun(9, 2, 3), ...entryRun(11, 2, 4)] }] });
    t.is(s.lastIndex('g'), 12);
    t.is(s.term('g', 11), 4);
    const s2 = await reopen();
    t.is(s2.firstIndex('g'), 11);
    t.is(s2.lastIndex('g'), 12);
    t.is(s2.term('g', 10), 3);
    expectThrows(t, () => s2.term('g', 9), 'ERR_STORAGE_COMPACTED', 'after reopen');
  });

  define('maxBytes limits a range read but always returns one entry', async (t, { s }) => {
    await s.write({ writes: [{ group: 'g', entries: entryRun(1, 10, 1, 100) }] });
    t.is(s.entries('g', 1, 11, 250).length, 2);
    t.is(s.entries('g', 1, 11, 300).length, 3);
    t.is(s.entries('g', 1, 11, 0).length, 1);
    t.is(s.entries('g', 4, 11, 50).length, 1);
    t.is(s.entries('g', 1, 11).length, 10);
    t.is(s.entries('g', 1, 11, Number.POSITIVE_INFINITY).length, 10);
    t.deepEqual(s.entries('g', 4, 11, 250).map((e) => e.index), [4, 5]);
  });

  define(`snapshot round trip of ${snapshotBytes} bytes in chunks, and the log compacted up to it`, async (t, { s, reopen }) => {
    const seed = (Date.now() ^ 0x5eed) >>> 0;
    t.log(`snapshot data seed ${seed}`);
    const rand = prng(seed);
    const data = bytes(rand, snapshotBytes);
    await s.write({ writes: [{ group: 'g', entries: [...entryRun(1, 10, 1), ...entryRun(11, 10, 2)] }] });
    const meta: SnapshotMeta = { index: 12, term: 2, conf: { voters: ['a', 'b'], learners: [] } };
    await s.saveSnapshot('g', meta, chunked(data, rand, 200_000), { confState: meta.conf, hardState: { term: 2, vote: 'a', commit: 12 } });
    t.deepEqual(s.snapshotMeta('g'), meta);
    t.is(s.firstIndex('g'), 13, 'log compacted up to the snapshot');
    t.is(s.lastIndex('g'), 20, 'matching suffix kept');
    t.is(s.term('g', 12), 2, 'snapshot index answers term');
    t.deepEqual(s.confState('g'), meta.conf);
    t.deepEqual(s.hardState('g'), { term: 2, vote: 'a', commit: 12 });
    const reader = s.readSnapshot('g');
    t.true(reader !== undefined);
    if (reader === undefined) return;
    t.is(reader.size, data.byteLength);
    t.deepEqual(reader.meta, meta);
    let chunks = 0;
    for await (const c of reader.chunks()) {
      chunks++;
      t.true(c.byteLength <= 4 * 1024 * 1024, 'chunks stay bounded');
    }
    t.true(chunks >= 1);
    t.true((await collect(reader.chunks())).every((b, i) => b === data[i]), 'same bytes');
    const s2 = await reopen();
    t.deepEqual(s2.snapshotMeta('g'), meta);
    const again = s2.readSnapshot('g');
    t.is(again?.size, data.byteLength);
    if (again === undefined) return;
    const back = await collect(again.chunks());
    t.is(back.byteLength, data.byteLength);
    t.true(back.every((b, i) => b === data[i]), 'same bytes after reopen');
  });

  define('a snapshot beyond or in conflict with the log resets it; an older one is refused', async (t, { s, reopen }) => {
    await s.write({ writes: [{ group: 'g', entries: entryRun(1, 10, 1) }] });
    await s.saveSnapshot('g', { index: 6, term: 5, conf: { voters: ['a'], learners: [] } }, new Uint8Array([6]));
    t.is(s.firstIndex('g'), 7, 'term mismatch resets the log to the snapshot');
    t.is(s.lastIndex('g'), 6);
    t.is(s.term('g', 6), 5);
    await s.write({ writes: [{ group: 'g', entries: entryRun(7, 2, 5) }] });
    await s.saveSnapshot('g', { index: 15, term: 6, conf: { voters: ['a'], learners: ['b'] } }, [new Uint8Array([1, 5]), new Uint8Array([9])]);
    t.is(s.firstIndex('g'), 16);
    t.is(s.lastIndex('g'), 15);
    t.is(s.term('g', 15), 6);
    await expectRejects(t, () => s.saveSnapshot('g', { index: 10, term: 6, conf: { voters: [], learners: [] } }, new Uint8Array()), 'ERR_STORAGE_STALE_SNAPSHOT', 'older snapshot');
    const s2 = await reopen();
    t.is(s2.snapshotMeta('g')?.index, 15);
    t.is(hex(await collect(s2.readSnapshot('g')?.chunks() ?? [])), '010509');
  });

  define('a snapshot being read stays readable when a newer one replaces it', async (t, { s }) => {
    const rand = prng(7);
    const first = bytes(rand, 300_000);
    await s.write({ writes: [{ group: 'g', entries: entryRun(1, 5, 1) }] });
    await s.saveSnapshot('g', { index: 3, term: 1, conf: { voters: ['a'], learners: [] } }, chunked(first, rand, 50_000));
    const old = s.readSnapshot('g');
    t.true(old !== undefined);
    if (old === undefined) return;
    const iter = old.chunks()[Symbol.asyncIterator]();
    const head = await iter.next();
    await s.saveSnapshot('g', { index: 5, term: 1, conf: { voters: ['a'], learners: [] } }, new Uint8Array([42]));
    const parts: Uint8Array[] = head.done === true ? [] : [head.value];
    for (let r = await iter.next(); r.done !== true; r = await iter.next()) parts.push(r.value);
    const got = await collect((async function* () { yield* parts; })());
    t.is(got.byteLength, first.byteLength);
    t.true(got.every((b, i) => b === first[i]), 'old snapshot intact');
    t.is(hex(await collect(s.readSnapshot('g')?.chunks() ?? [])), '2a');
  });

  define('many groups interleaved in one batch', async (t, { s, reopen }) => {
    const names = Array.from({ length: 150 }, (_, i) => `group-${i}`);
    for (let round = 0; round < 3; round++) {
      const batch: WriteBatch = { writes: [] };
      for (const [i, g] of names.entries()) {
        (batch.writes as unknown[]).push({ group: g, entries: entryRun(round * 3 + 1, 3, round + 1, 4, i & 0xff) });
        if (i % 3 === round) (batch.writes as unknown[]).push({ group: g, hardState: { term: round + 1, vote: '', commit: round * 3 } });
      }
      await s.write(batch);
    }
    const s2 = await reopen();
    t.deepEqual([...s2.groups()].sort(), [...names].sort());
    for (const [i, g] of names.entries()) {
      t.is(s2.lastIndex(g), 9);
      const want = [1, 2, 3].flatMap((r) => entryRun((r - 1) * 3 + 1, 3, r, 4, i & 0xff)).map(plainEntry);
      t.deepEqual(s2.entries(g, 1, 10).map(plainEntry), want);
      const lastRound = [0, 1, 2].filter((r) => i % 3 === r).at(-1) ?? 0;
      t.deepEqual(s2.hardState(g), { term: lastRound + 1, vote: '', commit: lastRound * 3 });
    }
  });

  define('deleteGroup removes one group and nothing else', async (t, { s, reopen }) => {
    await s.write({
      writes: [
        { group: 'a', entries: entryRun(1, 5, 1), hardState: { term: 1, vote: 'x', commit: 2 }, meta: new Uint8Array([1]) },
        { group: 'b', entries: entryRun(1, 5, 1) },
      ],
    });
    await s.saveSnapshot('a', { index: 2, term: 1, conf: { voters: ['x'], learners: [] } }, new Uint8Array([1, 2, 3]));
    await s.deleteGroup('a');
    t.is(s.hasGroup('a'), false);
    t.deepEqual(s.groups(), ['b']);
    t.is(s.lastIndex('a'), 0);
    t.is(s.snapshotMeta('a'), undefined);
    t.is(s.readSnapshot('a'), undefined);
    t.deepEqual(s.hardState('a'), { term: 0, vote: '', commit: 0 });
    const s2 = await reopen();
    t.deepEqual(s2.groups(), ['b']);
    t.is(s2.lastIndex('b'), 5);
    await s2.write({ writes: [{ group: 'a', entries: entryRun(1, 2, 4) }] });
    t.is(s2.firstIndex('a'), 1, 'a deleted group starts afresh');
    t.deepEqual(s2.entries('a', 1, 3).map(plainEntry), entryRun(1, 2, 4).map(plainEntry));
    await s2.deleteGroup('never-existed');
  });

  define('writes that are not durable become durable with sync()', async (t, { s, reopen }) => {
    await s.write({ writes: [{ group: 'g', entries: entryRun(1, 3, 1) }], durable: false });
    t.is(s.lastIndex('g'), 3, 'applied once resolved');
    await s.write({ writes: [{ group: 'g', hardState: { term: 1, vote: '', commit: 3 } }], durable: false });
    await s.sync();
    const s2 = await reopen();
    t.is(s2.lastIndex('g'), 3);
    t.deepEqual(s2.hardState('g'), { term: 1, vote: '', commit: 3 });
  });

  define('a closed storage refuses every call', async (t, { s }) => {
    await s.write({ writes: [{ group: 'g', entries: entryRun(1, 1, 1) }] });
    await s.close();
    await s.close();
    expectThrows(t, () => s.lastIndex('g'), 'ERR_STORAGE_CLOSED', 'lastIndex');
    expectThrows(t, () => s.entries('g', 1, 2), 'ERR_STORAGE_CLOSED', 'entries');
    expectThrows(t, () => s.groups(), 'ERR_STORAGE_CLOSED', 'groups');
    await expectRejects(t, () => s.write({ writes: [{ group: 'g', entries: entryRun(2, 1, 1) }] }), 'ERR_STORAGE_CLOSED', 'write');
    await expectRejects(t, () => s.saveSnapshot('g', { index: 1, term: 1, conf: { voters: [], learners: [] } }, new Uint8Array()), 'ERR_STORAGE_CLOSED', 'saveSnapshot');
  });

  define('bad arguments yield typed errors, not crashes', async (t, { s }) => {
    await expectRejects(t, () => s.write({ writes: [{ group: '', entries: entryRun(1, 1, 1) }] }), 'ERR_STORAGE_INVALID_ARGUMENT', 'empty group name');
    await expectRejects(t, () => s.write({ writes: [{ group: 'g', entries: [{ index: 1.5, term: 1, type: 0, data: new Uint8Array() }] }] }), 'ERR_STORAGE_INVALID_ARGUMENT', 'fractional index');
    await expectRejects(t, () => s.write({ writes: [{ group: 'g', entries: [{ index: 1, term: 1, type: 9 as 0, data: new Uint8Array() }] }] }), 'ERR_STORAGE_INVALID_ARGUMENT', 'unknown type');
    await expectRejects(t, () => s.write({ writes: [{ group: 'g', hardState: { term: -1, vote: '', commit: 0 } }] }), 'ERR_STORAGE_INVALID_ARGUMENT', 'negative term');
    await expectRejects(t, () => s.saveSnapshot('g', { index: -1, term: 1, conf: { voters: [], learners: [] } }, new Uint8Array()), 'ERR_STORAGE_INVALID_ARGUMENT', 'negative snapshot index');
    expectThrows(t, () => s.entries('g', Number.NaN, 2), 'ERR_STORAGE_INVALID_ARGUMENT', 'NaN range');
    await expectRejects(t, () => s.write({ writes: [{ group: 'é'.repeat(600), entries: entryRun(1, 1, 1) }] }), 'ERR_STORAGE_INVALID_ARGUMENT', 'group name over 1024 bytes');
    await expectRejects(t, () => s.saveSnapshot('g', { index: 1, term: 1, conf: { voters: [], learners: [] } }, ['not bytes'] as unknown as Uint8Array[]), 'ERR_STORAGE_INVALID_ARGUMENT', 'snapshot chunk that is not bytes');
    await expectRejects(t, () => s.saveSnapshot('g', { index: 1, term: 1, conf: { voters: [], learners: [] } }, 42 as unknown as Uint8Array), 'ERR_STORAGE_INVALID_ARGUMENT', 'snapshot data that is not bytes');
    t.deepEqual(s.groups(), []);
    // The storage still works after all that.
    const longest = 'g'.repeat(1024);
    await s.write({ writes: [{ group: longest, entries: entryRun(1, 2, 1) }] });
    t.is(s.lastIndex(longest), 2);
  });

  test(`${prefix}: random operation sequences match a model (including reopen)`, async (t) => {
    const seed = options.seed ?? envNumber('RAFTFLEET_COMPLIANCE_SEED') ?? ((Date.now() * 2654435761) >>> 0);
    t.log(`property seed ${seed} (rerun with RAFTFLEET_COMPLIANCE_SEED=${seed})`);
    const result = await fc.check(
      fc.asyncProperty(fc.array(commandArb, { minLength: 5, maxLength: 40 }), async (commands) => {
        const harness = await factory();
        let s = await harness.open();
        const model = new StorageModel();
        try {
          for (const [step, c] of commands.entries()) {
            await runCommand(c);
            const got = dumpStorage(s);
            const want = dumpModel(model);
            if (JSON.stringify(got) !== JSON.stringify(want)) {
              throw new Error(`after step ${step} ${JSON.stringify(c)}:\n got  ${JSON.stringify(got)}\n want ${JSON.stringify(want)}`);
            }
          }
          // Everything acknowledged as durable must survive a final reopen.
          await s.sync();
          await s.close();
          s = await harness.open();
          const got = dumpStorage(s);
          const want = dumpModel(model);
          if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`after final reopen:\n got  ${JSON.stringify(got)}\n want ${JSON.stringify(want)}`);
          for (const [name, g] of model.groups) {
            if (g.snapshot === undefined) continue;
            const r = s.readSnapshot(name);
            const back = r === undefined ? undefined : await collect(r.chunks());
            if (hex(back) !== hex(g.snapshot.data)) throw new Error(`snapshot data of ${name} differs after reopen`);
          }
        } finally {
          await s.close();
          await harness.dispose();
        }

        async function runCommand(c: Command): Promise<void> {
          switch (c.kind) {
            case 'append': {
              const first = model.groups.get(c.group)?.compactedIndex ?? 0;
              const last = model.lastIndex(c.group);
              const start = first + 1 + Math.min(last - first, Math.floor(c.at * (last - first + 1)));
              const term = (model.term(c.group, start - 1) ?? 0) + c.bump;
              const entries = entryRun(start, c.count, term, 1 + (c.salt % 17), c.salt);
              await s.write({ writes: [{ group: c.group, entries }], durable: c.durable });
              model.append(c.group, entries);
              return;
            }
            case 'hardState': {
              const hs: HardState = { term: c.term, vote: c.vote, commit: c.commit };
              await s.write({ writes: [{ group: c.group, hardState: hs }] });
              model.group(c.group).hardState = hs;
              return;
            }
            case 'meta': {
              const meta = new Uint8Array([c.salt, c.salt ^ 0xff]);
              await s.write({ writes: [{ group: c.group, meta, confState: { voters: [`v${c.salt}`], learners: [] } }] });
              model.group(c.group).meta = meta;
              model.group(c.group).confState = { voters: [`v${c.salt}`], learners: [] };
              return;
            }
            case 'compact': {
              const g = model.groups.get(c.group);
              if (g === undefined) return;
              const index = g.compactedIndex + Math.floor(c.at * (model.lastIndex(c.group) - g.compactedIndex));
              await s.compact(c.group, index);
              model.compact(c.group, index);
              return;
            }
            case 'snapshot': {
              const g = model.group(c.group);
              const last = model.lastIndex(c.group);
              let index: number;
              let term: number;
              if (c.mode === 'beyond') {
                index = last + 1 + Math.floor(c.at * 3);
                term = (model.term(c.group, last) ?? 0) + 1;
              } else {
                index = g.compactedIndex + Math.floor(c.at * (last - g.compactedIndex));
                term = (model.term(c.group, index) ?? 0) + (c.mode === 'mismatch' ? 1 : 0);
              }
              const meta: SnapshotMeta = { index, term, conf: { voters: ['s'], learners: [] } };
              const data = bytes(prng(c.salt), c.size);
              await s.saveSnapshot(c.group, meta, chunked(data, prng(c.salt + 1), 700));
              model.snapshot(c.group, meta, data);
              return;
            }
            case 'delete':
              await s.deleteGroup(c.group);
              model.groups.delete(c.group);
              return;
            case 'multi': {
              const writes = c.groups.map((group, i) => {
                const last = model.lastIndex(group);
                const term = Math.max(1, model.term(group, last) ?? 0);
                return { group, entries: entryRun(last + 1, 1 + i, term, 3, c.salt), hardState: { term, vote: '', commit: last } };
              });
              await s.write({ writes });
              for (const w of writes) {
                model.append(w.group, w.entries);
                model.group(w.group).hardState = w.hardState;
              }
              return;
            }
            case 'reopen':
              await s.sync();
              await s.close();
              s = await harness.open();
              return;
            default: {
              const never: never = c;
              throw new Error(`unknown command ${JSON.stringify(never)}`);
            }
          }
        }
      }),
      { seed, numRuns: runs },
    );
    if (result.failed) {
      const cause = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
      t.fail(`${fc.defaultReportMessage(result) ?? 'property failed'}\n${cause}\n(seed ${seed})`);
    } else {
      t.true(result.numRuns > 0, 'the property ran');
    }
  });
}
