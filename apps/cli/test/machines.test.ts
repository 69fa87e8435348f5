// The built-in kv and lock machines: results, determinism of leases, and typed rejections.
import test from 'ava';
import fc from 'fast-check';
import { kvMachine, lockMachine, type LockCommand } from '../src/machines.js';

test('kv: set returns the previous value, cas compares, delete reports existence', (t) => {
  let s = kvMachine.init();
  let r = kvMachine.command(s, { op: 'set', key: 'a', value: 1 });
  t.is(r.result, null);
  s = r.state;
  r = kvMachine.command(s, { op: 'set', key: 'a', value: 2 });
  t.is(r.result, 1);
  s = r.state;
  t.false(kvMachine.command(s, { op: 'cas', key: 'a', expected: 1, value: 3 }).result as boolean);
  r = kvMachine.command(s, { op: 'cas', key: 'a', expected: 2, value: 3 });
  t.true(r.result as boolean);
  s = r.state;
  t.true(kvMachine.command(kvMachine.init(), { op: 'cas', key: 'new', expected: null, value: 'x' }).result as boolean);
  t.is(kvMachine.query(s, { op: 'get', key: 'a' }), 3);
  t.deepEqual(kvMachine.query(s, { op: 'all' }), { a: 3 });
  r = kvMachine.command(s, { op: 'delete', key: 'a' });
  t.true(r.result as boolean);
  t.false(kvMachine.command(r.state, { op: 'delete', key: 'a' }).result as boolean);
  t.is(kvMachine.query(r.state, { op: 'size' }), 0);
  t.throws(() => kvMachine.command(s, { op: 'set', key: '', value: 1 }), { instanceOf: TypeError });
});

test('locks: one holder at a time, expiry frees the lock, fencing tokens only grow', (t) => {
  let s = lockMachine.init();
  const step = (cmd: LockCommand) => {
    const r = lockMachine.command(s, cmd);
    s = r.state;
    return r.result;
  };
  const a = step({ op: 'acquire', lock: 'L', owner: 'a', ttlMs: 100, now: 1000 });
  t.true(a.ok);
  t.false(step({ op: 'acquire', lock: 'L', owner: 'b', ttlMs: 100, now: 1050 }).ok);
  t.true(step({ op: 'renew', lock: 'L', owner: 'a', ttlMs: 100, now: 1090 }).ok);
  t.false(step({ op: 'acquire', lock: 'L', owner: 'b', ttlMs: 100, now: 1150 }).ok);
  const b = step({ op: 'acquire', lock: 'L', owner: 'b', ttlMs: 100, now: 1191 });
  t.true(b.ok);
  t.true(a.ok && b.ok && b.lease.token > a.lease.token);
  t.false(step({ op: 'release', lock: 'L', owner: 'a' }).ok);
  t.true(step({ op: 'release', lock: 'L', owner: 'b' }).ok);
  t.is(lockMachine.query(s, { op: 'holder', lock: 'L', now: 1200 }), null);
  t.throws(() => step({ op: 'acquire', lock: 'L', owner: 'c', ttlMs: -1, now: 1 }), { instanceOf: TypeError });
});

test('locks: random schedules never show two live holders and never reuse a token for a new owner', (t) => {
  const seed = 20261123;
  const op = fc.record({
    kind: fc.constantFrom('acquire', 'renew', 'release'),
    owner: fc.constantFrom('a', 'b', 'c'),
    dt: fc.integer({ min: 0, max: 80 }),
    ttl: fc.integer({ min: 1, max: 100 }),
  });
  fc.assert(
    fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
      let s = lockMachine.init();
      let now = 1;
      const tokenOwner = new Map<number, string>();
      for (const o of ops) {
        now += o.dt;
        const cmd: LockCommand = o.kind === 'release' ? { op: 'release', lock: 'L', owner: o.owner } : { op: o.kind, lock: 'L', owner: o.owner, ttlMs: o.ttl, now };
        const r = lockMachine.command(s, cmd);
        s = r.state;
        if (r.result.ok) {
          const prev = tokenOwner.get(r.result.lease.token);
          if (prev !== undefined && prev !== o.owner) return false;
          tokenOwner.set(r.result.lease.token, o.owner);
        }
        const held = lockMachine.query(s, { op: 'held', now }) as unknown[];
        if (held.length > 1) return false;
      }
      return true;
    }),
    { seed, numRuns: 300 },
  );
  t.pass(`seed ${seed}`);
});
