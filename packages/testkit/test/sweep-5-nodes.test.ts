import test from 'ava';
import { sweep } from './helpers/sweep.js';

test('250 seeds, 5 members, every fault', (t) => {
  sweep(t, { first: 100_001, count: 250, options: { nodes: 5 } });
});
