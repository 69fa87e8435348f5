import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import test from 'ava';
import { decode as standardDecode, encode as standardEncode } from '@msgpack/msgpack';
import fc from 'fast-check';
import { ClientTable } from '../src/client-table.js';
import { Replica } from '../src/replica.js';
import { decodeBatch, decodeClock, decodeCommand, decodeSnapshotPayload, encodeBatch, encodeClock, encodeCommand, isBatch } from '../src/envelope.js';
import { counterMachine, jsonCodec, msgpackCodec } from '../src/index.js';
import { internalCodec } from '../src/codec.js';

test('command records round-trip, with and without an acknowledgement (property)', (t) => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 40 }),
      fc.nat({ max: Number.MAX_SAFE_INTEGER }),
      fc.option(fc.nat({ max: Number.MAX_SAFE_INTEGER }), { nil: undefined }),
      fc.uint8Array({ maxLength: 200 }),
      (clientId, seq, acked, payload) => {
        const data = encodeCommand(acked === undefined ? { clientId, seq, payload } : { clientId, seq, acked, payload });
        const back = decodeCommand(data);
        // Only an acknowledgement above 1 says something, and only such a one is carried.
        const carried = acked !== undefined && acked > 1;
        return (
          data[0] === (carried ? 3 : 1) &&
          back.acked === (carried ? acked : undefined) &&
          back.clientId === clientId &&
          back.seq === seq &&
          Buffer.from(back.payload).equals(Buffer.from(payload))
        );
      },
    ),
    { seed: 42, numRuns: 500 },
  );
  t.throws(() => decodeCommand(new Uint8Array([9, 0, 0])));
  t.throws(() => decodeCommand(new Uint8Array([1, 0, 50, 0, 0, 0, 0, 0, 0, 0, 0])));
  // Format 3 needs its 8 acknowledgement bytes.
  t.throws(() => decodeCommand(new Uint8Array([3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0])));
});

test('clock records round-trip; a build that does not know them refuses them as a malformed command', (t) => {
  fc.assert(
    fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (at) => decodeClock(encodeClock(at)) === at),
    { seed: 5, numRuns: 300 },
  );
  // The command decoder of every build so far throws on it, and a throwing decode changes no state.
  t.throws(() => decodeCommand(encodeClock(1234)), { message: 'malformed command entry' });
  t.is(decodeClock(encodeCommand({ clientId: 'c', seq: 1, payload: new Uint8Array(0) })), undefined);
  t.is(decodeClock(new Uint8Array([5, 0, 0])), undefined);
});

test('command records from clients whose ids differ in one byte, interleaved, keep their own ids', (t) => {
  // Decoding reuses the last id while the bytes are the same: ids of one length must not be mixed up.
  fc.assert(
    fc.property(fc.array(fc.constantFrom('client-a', 'client-b', 'client-ä', 'client-aa', ''), { minLength: 1, maxLength: 30 }), (ids) => {
      const records = ids.map((clientId, seq) => encodeCommand({ clientId, seq, payload: new Uint8Array([seq & 0xff]) }));
      return records.every((r, i) => decodeCommand(r).clientId === ids[i]);
    }),
    { seed: 7, numRuns: 300 },
  );
  // The id's bytes are copied: an entry buffer reused for other data later does not change it.
  const bytes = encodeCommand({ clientId: 'reused', seq: 1, payload: new Uint8Array(0) });
  t.is(decodeCommand(bytes).clientId, 'reused');
  bytes.set(new TextEncoder().encode('REUSED'), 3);
  t.is(decodeCommand(bytes).clientId, 'REUSED');
  t.is(decodeCommand(encodeCommand({ clientId: 'reused', seq: 2, payload: new Uint8Array(0) })).clientId, 'reused');
});

test('codecs round-trip their values', (t) => {
  const v = { a: [1, 'x', null], o: { k: 2 }, n: 2 ** 40, t: true };
  t.deepEqual(msgpackCodec.decode(msgpackCodec.encode(v)), v);
  t.deepEqual([...msgpackCodec.decode(msgpackCodec.encode(new Uint8Array([1, 2])))], [1, 2]);
  // Objects with more keys than a 16-bit map header holds still encode (a large state or answer).
  const wide = Object.fromEntries(Array.from({ length: 70_000 }, (_, i) => [`k${i}`, i]));
  for (const codec of [msgpackCodec, internalCodec]) t.deepEqual(codec.decode(codec.encode(wide)), wide);
  // Standard msgpack: any other msgpack library (the client SDK's) reads the bytes alike.
  t.deepEqual(standardDecode(msgpackCodec.encode(v)), v);
  t.deepEqual(msgpackCodec.decode(standardEncode(v)), v);
  // Encoding is independent of what was encoded before (members must agree on bytes).
  const first = msgpackCodec.encode({ q: 1 });
  for (let i = 0; i < 50; i++) msgpackCodec.encode({ [`k${i}`]: i });
  t.deepEqual(msgpackCodec.encode({ q: 1 }), first);
  t.deepEqual(jsonCodec.decode(jsonCodec.encode({ a: [1, 'x', null] })), { a: [1, 'x', null] });
  t.is(jsonCodec.decode(jsonCodec.encode(undefined)), null);
});

test('retained results: lookup, eviction raises the floor, image round-trips', (t) => {
  const table = new ClientTable(3);
  table.record('a', 1, { ok: true, result: 10 });
  table.record('a', 2, { ok: true, result: 20 });
  table.record('b', 1, { ok: false, errorName: 'E', message: 'm' });
  t.deepEqual(table.lookup('a', 1), { ok: true, result: 10 });
  t.is(table.lookup('a', 3), undefined);
  table.record('a', 3, { ok: true, result: 30 }); // evicts a#1
  t.is(table.size, 3);
  t.is(table.lookup('a', 1), 'stale');
  t.deepEqual(table.lookup('a', 3), { ok: true, result: 30 });
  const copy = ClientTable.fromImage(table.toImage(), 3);
  t.deepEqual(copy.toImage(), table.toImage());
  t.is(copy.lookup('a', 1), 'stale');
  t.deepEqual(copy.lookup('b', 1), { ok: false, errorName: 'E', message: 'm' });
});

test('retained results agree with a simple model, with acknowledgements (property)', (t) => {
  type Op = ['cmd' | 'ack', string, number];
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constant('cmd' as const), fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 1, max: 40 })) },
    { weight: 1, arbitrary: fc.tuple(fc.constant('ack' as const), fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 45 })) },
  );
  t.notThrows(() =>
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), fc.integer({ min: 1, max: 12 }), (ops, cap) => {
        const table = new ClientTable(cap);
        // Model: the last `cap` recorded (client, seq) pairs are retained; an evicted seq raises its
        // client's floor. An acknowledgement below `n` of a known client raises its floor to n - 1 and
        // drops its oldest results while their seq is below n.
        let retained: Array<[string, number]> = [];
        const floors = new Map<string, number>();
        const known = new Set<string>();
        for (const [kind, c, s] of ops) {
          if (kind === 'ack') {
            table.acknowledge(c, s);
            if (!known.has(c) || s - 1 <= (floors.get(c) ?? 0)) continue;
            floors.set(c, s - 1);
            const mine = retained.filter(([rc]) => rc === c);
            const stop = mine.findIndex(([, rs]) => rs >= s);
            const dropped = new Set((stop < 0 ? mine : mine.slice(0, stop)).map(([, rs]) => rs));
            retained = retained.filter(([rc, rs]) => rc !== c || !dropped.has(rs));
            continue;
          }
          const inModel = retained.some(([rc, rs]) => rc === c && rs === s);
          const expected = inModel ? 'hit' : s <= (floors.get(c) ?? 0) ? 'stale' : 'miss';
          const got = table.lookup(c, s);
          const actual = got === undefined ? 'miss' : got === 'stale' ? 'stale' : 'hit';
          if (expected !== actual) return false;
          if (actual === 'hit' && (got as { result: unknown }).result !== s) return false;
          if (actual === 'miss') {
            table.record(c, s, { ok: true, result: s });
            known.add(c);
            retained.push([c, s]);
            if (retained.length > cap) {
              const [ec, es] = retained.shift()!;
              floors.set(ec, Math.max(floors.get(ec) ?? 0, es));
            }
          }
        }
        if (table.size !== retained.length) return false;
        // A snapshot of the table answers every lookup the same.
        const copy = ClientTable.fromImage(table.toImage(), cap);
        for (const c of ['a', 'b', 'c']) {
          for (let s = 1; s <= 45; s++) if (JSON.stringify(copy.lookup(c, s)) !== JSON.stringify(table.lookup(c, s))) return false;
        }
        return copy.size === table.size;
      }),
      { seed: 7, numRuns: 500 },
    ),
  );
});

test('a client silent for the expiry in log time is forgotten, floor and results; a command keeps it', (t) => {
  const table = new ClientTable(100, 1000);
  // What applying a command does: log time first, then the client's activity, then its record.
  const apply = (clientId: string, seq: number, at: number, acked?: number): void => {
    table.advance(at);
    table.touch(clientId);
    if (acked !== undefined) table.acknowledge(clientId, acked);
    if (table.lookup(clientId, seq) === undefined) table.record(clientId, seq, { ok: true, result: seq });
  };
  apply('a', 1, 10);
  apply('a', 2, 20, 2); // a has the answer of 1: floor 1, result 2 kept
  apply('b', 1, 500);
  apply('c', 1, 900);
  t.is(table.lookup('a', 1), 'stale');
  t.is(table.size, 3);
  table.advance(1019); // a was last active at 20: 999 ms ago, kept
  t.is(table.lookup('a', 1), 'stale');
  table.advance(1020); // 1000 ms: forgotten, its result and floor with it
  t.is(table.lookup('a', 1), undefined);
  t.is(table.lookup('a', 2), undefined);
  t.is(table.size, 2);
  apply('b', 2, 1400); // b active again at 1400
  table.advance(1950); // c (900) goes, b (1400) stays
  t.is(table.lookup('c', 1), undefined);
  t.deepEqual(table.lookup('b', 1), { ok: true, result: 1 });
  t.is(table.size, 2);
  t.deepEqual(table.toImage().clients.map(([c]) => c), ['b']);
  // Log time never goes back: an older stamp (a leader that took over behind) changes nothing.
  table.advance(5);
  t.is(table.logTime, 1950);
  table.advance(10_000);
  t.is(table.size, 0);
  t.deepEqual(table.toImage(), { order: [], clients: [], clock: 10_000 });
});

test('expiry agrees with a simple model, and a table restored from its image forgets the same clients (property)', (t) => {
  type Op = ['cmd', string, number, number] | ['ack', string, number] | ['snapshot'];
  const op: fc.Arbitrary<Op> = fc.oneof(
    // A command of client c, seq s, applied after `dt` ms of log time.
    { weight: 6, arbitrary: fc.tuple(fc.constant('cmd' as const), fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 400 })) },
    { weight: 1, arbitrary: fc.tuple(fc.constant('ack' as const), fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 0, max: 32 })) },
    { weight: 1, arbitrary: fc.tuple(fc.constant('snapshot' as const)) },
  );
  const EXPIRY = 1000;
  t.notThrows(() =>
    fc.assert(
      fc.property(fc.array(op, { maxLength: 150 }), (ops) => {
        let table = new ClientTable(8, EXPIRY);
        let now = 0;
        // Model: a client's last command time; it is forgotten once the log time is EXPIRY past it.
        const lastActive = new Map<string, number>();
        for (const o of ops) {
          if (o[0] === 'snapshot') {
            // A member that restored from a snapshot must go on exactly as one that did not.
            const copy = ClientTable.fromImage(table.toImage(), 8, EXPIRY);
            if (JSON.stringify(copy.toImage()) !== JSON.stringify(table.toImage())) return false;
            table = copy;
            continue;
          }
          if (o[0] === 'ack') {
            table.acknowledge(o[1], o[2]);
            continue;
          }
          const [, c, s, dt] = o;
          now += dt;
          table.advance(now);
          for (const [k, at] of lastActive) if (at <= now - EXPIRY) lastActive.delete(k);
          // Forgotten (or never seen): no floor, no result.
          if (!lastActive.has(c) && table.lookup(c, 1) !== undefined) return false;
          table.touch(c);
          if (table.lookup(c, s) === undefined) table.record(c, s, { ok: true, result: s });
          lastActive.set(c, now);
          // Exactly the clients active within the expiry have a record (once recorded, only expiry removes one).
          const known = table.toImage().clients.map(([k]) => k);
          if (known.length !== lastActive.size || !known.every((k) => lastActive.has(k))) return false;
        }
        return true;
      }),
      { seed: 11, numRuns: 400 },
    ),
  );
});

test('a table image of a build before expiry restores with its clients active at log time 0', (t) => {
  const legacy = { order: [['a', 3, { ok: true, result: 'three' }]] as Array<[string, number, { ok: true; result: unknown }]>, floors: [['a', 2], ['b', 7]] as Array<[string, number]> };
  const table = ClientTable.fromImage(legacy, 10, 1000);
  t.is(table.lookup('b', 7), 'stale');
  t.deepEqual(table.lookup('a', 3), { ok: true, result: 'three' });
  t.deepEqual(table.toImage().clients, [['a', 2, 0], ['b', 7, 0]]);
  table.advance(999);
  t.is(table.lookup('b', 7), 'stale');
  table.advance(1000);
  t.is(table.lookup('b', 7), undefined);
  t.is(table.size, 0);
});

test('the table of a snapshot reads the same through the floors that builds before client expiry read', (t) => {
  // Those builds restore `order` and `floors` only (ClientTable.fromImage of a legacy image).
  const r = new Replica('g', 'a/g', counterMachine, {}, 4);
  r.applyEntry(encodeClock(5_000));
  for (let seq = 1; seq <= 9; seq++) {
    r.applyEntry(encodeCommand({ clientId: 'x', seq, acked: Math.max(1, seq - 2), payload: msgpackCodec.encode({ op: 'inc' }) }));
    r.applyEntry(encodeCommand({ clientId: 'y', seq, payload: msgpackCodec.encode({ op: 'inc' }) }));
  }
  const table = msgpackCodec.decode(decodeSnapshotPayload(r.snapshotBytes()).table) as { order: Array<[string, number, { ok: boolean; r?: Uint8Array }]>; floors: Array<[string, number]> };
  const legacy = ClientTable.fromImage({ order: table.order.map(([c, s, o]) => [c, s, { ok: true, result: o.r }]), floors: table.floors }, 4);
  const restored = new Replica('g', 'a/g', counterMachine, {}, 4);
  restored.restoreFrom(r.snapshotBytes(), 10, 1, 4);
  for (const c of ['x', 'y']) {
    for (let seq = 1; seq <= 10; seq++) {
      const kind = (v: unknown) => (v === undefined ? 'miss' : v === 'stale' ? 'stale' : 'hit');
      t.is(kind(legacy.lookup(c, seq)), kind(r.table.lookup(c, seq)), `${c}#${seq} through floors`);
      t.is(kind(restored.table.lookup(c, seq)), kind(r.table.lookup(c, seq)), `${c}#${seq} restored`);
    }
  }
  t.is(restored.table.logTime, 5_000);
});

test('a client that acknowledges keeps the table at its commands in flight, behind an old result that stays', (t) => {
  const table = new ClientTable(10_000);
  table.record('old', 1, { ok: true, result: 'never acknowledged' });
  // 64 in flight: every command acknowledges all seqs below the oldest one still waiting.
  for (let seq = 1; seq <= 50_000; seq++) {
    table.acknowledge('busy', Math.max(1, seq - 63));
    table.record('busy', seq, { ok: true, result: seq });
  }
  t.is(table.size, 65);
  t.is(table.lookup('busy', 50_000 - 64), 'stale', 'acknowledged: a late copy is refused, not applied');
  t.deepEqual(table.lookup('busy', 50_000), { ok: true, result: 50_000 });
  t.deepEqual(table.lookup('old', 1), { ok: true, result: 'never acknowledged' });
  // The snapshot image holds the live results only.
  t.is(table.toImage().order.length, 65);
});

test('a table whose client acknowledged everything shrinks back to almost nothing', (t) => {
  setFlagsFromString('--expose_gc');
  const gc = runInNewContext('gc') as () => void;
  const tables: ClientTable[] = [];
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let g = 0; g < 200; g++) {
    const table = new ClientTable(10_000);
    for (let seq = 1; seq <= 3000; seq++) {
      table.acknowledge('client-0123456789abcdef', Math.max(1, seq - 7));
      table.record('client-0123456789abcdef', seq, { ok: true, result: seq });
    }
    table.acknowledge('client-0123456789abcdef', 3001);
    tables.push(table);
  }
  gc();
  const perTable = (process.memoryUsage().heapUsed - before) / tables.length;
  t.is(tables.reduce((n, table) => n + table.size, 0), 0);
  // Without acknowledgements each would hold 3,000 results (about 470 KB); with them only the
  // client's floor remains, plus the emptied containers.
  t.true(perTable < 4096, `${Math.round(perTable)} bytes per table`);
});

test('command batches round-trip and reject truncation (property)', (t) => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 30 }), (records) => {
      const back = decodeBatch(encodeBatch(records));
      return back.length === records.length && back.every((r, i) => Buffer.from(r).equals(Buffer.from(records[i]!)));
    }),
    { seed: 11, numRuns: 300 },
  );
  const full = encodeBatch([new Uint8Array([1, 2, 3]), new Uint8Array([4])]);
  t.true(isBatch(full));
  t.throws(() => decodeBatch(full.subarray(0, full.length - 1)));
  t.false(isBatch(encodeCommand({ clientId: 'c', seq: 1, payload: new Uint8Array([2]) })));
});
