// Golden transcript: a small scripted scenario whose message trace is pinned in
// test/golden/basic.txt. Rewrite it with UPDATE_GOLDEN=1 after an intended protocol change,
// and review the diff like code.
import test from 'ava';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Cluster } from './harness.js';

const file = fileURLToPath(new URL('./golden/basic.txt', import.meta.url));

function scenario(): string {
  const c = new Cluster(['1', '2', '3'], { seed: 1, config: { electionJitterTick: 0 } });
  const out: string[] = [];
  const step = (title: string, f: () => void): void => {
    out.push(`> ${title}`);
    const from = c.trace.length;
    f();
    out.push(...c.trace.slice(from));
  };
  step('campaign 1', () => c.elect('1'));
  step('propose a b on 1', () => {
    c.propose('1', 'a', 'b');
    c.stabilize();
  });
  step('read index r1 on 3', () => {
    c.node('3').readIndex('r1');
    c.stabilize();
  });
  step('isolate 3, propose c, heal, tick twice', () => {
    c.isolate('3');
    c.propose('1', 'c');
    c.stabilize();
    c.heal();
    // The lost append went out in the first round: its heartbeat is skipped. The second round,
    // with nothing sent to 3 and nothing heard, heartbeats it, and its answer shows it behind.
    c.tickAll(2);
  });
  step('transfer to 2', () => {
    c.node('1').transferLeadership('2');
    c.stabilize();
  });
  for (const id of ['1', '2', '3']) {
    const s = c.node(id).status();
    out.push(`status ${id}: ${s.role} term=${s.term} lead=${s.leader} commit=${s.commit} applied=${s.applied} last=${s.lastIndex}`);
  }
  out.push(`reads on 3: ${JSON.stringify(c.get('3').readStates)}`);
  return `${out.join('\n')}\n`;
}

test('the basic scenario produces the pinned transcript', (t) => {
  const got = scenario();
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(file, got);
  t.is(got, readFileSync(file, 'utf8'));
});
