// The shared transport compliance suite over real sockets on 127.0.0.1.
import test from 'ava';
import { transportCompliance } from '@raftfleet/transport/compliance';
import { tcpHarness } from './harness.js';

transportCompliance(test, () => tcpHarness(), { prefix: 'tcp', waitMs: 20_000, countsBytes: true });
