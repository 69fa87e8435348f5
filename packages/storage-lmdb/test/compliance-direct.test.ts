// The same suite with the write-ahead log turned off: durable writes wait for LMDB's own commit.
import test from 'ava';
import { storageCompliance } from '@raftfleet/storage/compliance';
import { lmdbHarness } from './helpers.js';

storageCompliance(test, () => lmdbHarness({ writeAheadLog: false }), { prefix: 'storage compliance without the write-ahead log' });
