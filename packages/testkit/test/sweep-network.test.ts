import test from 'ava';
import { sweep } from './helpers/sweep.js';

test('250 seeds, network faults and crashes only, long delays, idle members quiesced', (t) => {
  sweep(t, {
    first: 300_001,
    count: 250,
    options: { nodes: 3, faults: ['drop', 'delay', 'duplicate', 'reorder', 'partition', 'oneway', 'crash', 'snapshot'], electionTick: 8, electionJitterTick: 8, crashRate: 0.5, quiesce: true },
  });
});
