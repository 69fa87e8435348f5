import test from 'ava';
import { storageCompliance } from '@raftfleet/storage/compliance';
import { MemoryDisk, MemoryStorage } from '../src/index.js';

storageCompliance(test, () => {
  const disk = new MemoryDisk();
  return { open: async () => MemoryStorage.open(disk), dispose: async () => {} };
});
