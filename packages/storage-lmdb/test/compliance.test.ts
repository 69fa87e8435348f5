import test from 'ava';
import { storageCompliance } from '@raftfleet/storage/compliance';
import { lmdbHarness } from './helpers.js';

storageCompliance(test, lmdbHarness);
