import test from 'ava';
import { sweep } from './helpers/sweep.js';

test('300 seeds, 3 members, every fault', (t) => {
  sweep(t, { first: 1, count: 300, options: { nodes: 3 } });
});
