// Test helpers: fresh store directories under the OS temp dir, removed after each test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StorageHarness } from '@raftfleet/storage/compliance';
import { openLmdbStorage, type LmdbStorageOptions } from '../src/index.js';

/** A fresh empty directory. */
export function tempDir(prefix = 'raftfleet-lmdb-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A compliance harness on a fresh directory. */
export function lmdbHarness(options: Omit<LmdbStorageOptions, 'path'> = {}): StorageHarness {
  const dir = tempDir();
  return {
    open: () => openLmdbStorage({ ...options, path: dir }),
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
