import test from 'ava';
import { sweep } from './helpers/sweep.js';

test('250 seeds, 3 members, every fault', (t) => {
  sweep(t, { first: 1, count: 250, options: { nodes: 3 } });
});
