import test from 'ava';
import { sweep } from './helpers/sweep.js';

test('250 seeds, lease reads, crashes right after votes, one hot key, joiners with the bootstrap membership', (t) => {
  sweep(t, { first: 200_001, count: 250, options: { nodes: 3, readOnly: 'lease', crashAfterVote: 0.1, keys: 1, clients: 4, joinerConf: 'bootstrap' } });
});
