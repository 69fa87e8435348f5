// Worker thread of the command-line sweep: runs the seed ranges the main thread sends and
// answers each with its summary.
import { parentPort, workerData } from 'node:worker_threads';
import type { SimulationOptions } from '../simulator.js';
import { runSeedRange } from '../sweep.js';

interface Job {
  first: number;
  count: number;
}

const options = (workerData as { options: Omit<SimulationOptions, 'seed'> }).options;
const port = parentPort;
if (port === null) throw new Error('sim-worker must run in a worker thread');
port.on('message', (job: Job | null) => {
  if (job === null) {
    port.close();
    return;
  }
  port.postMessage({ job, summary: runSeedRange(job.first, job.count, options) });
});
