// Closed-loop load generation and failover measurement, shared by every system under test so
// that raftfleet and etcd are driven by exactly the same code.
import { readFileSync } from 'node:fs';

/** Result of a closed-loop run. */
export interface LoadResult {
  /** Operations completed. */
  ops: number;
  /** Operations that failed (counted, not retried). */
  errors: number;
  /** Measured seconds. */
  seconds: number;
  /** Completed operations per second. */
  opsPerSec: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p99: number;
  p999: number;
  /**
   * CPU time per completed operation in microseconds, one number per process sampled (the servers,
   * then the load generator's own process), when a sampler was given. Steadier than throughput on a
   * noisy machine: it does not depend on how the scheduler shared the cores.
   */
  cpuUsPerOp?: number[];
  /** Member visits (Readys handled by a node's runtime) per completed operation on each server, when a sampler was given. */
  visitsPerOp?: number[];
}

/**
 * CPU milliseconds (user + system) used so far by each of `pids` (from /proc; 0 when unreadable),
 * then by this process.
 */
export function processCpuMs(pids: readonly number[]): number[] {
  const out = pids.map((pid) => {
    try {
      // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 Hz).
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return 0;
    }
  });
  const self = process.cpuUsage();
  out.push((self.user + self.system) / 1000);
  return out;
}

/** Percentile of an ascending-sorted array (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/**
 * Keeps `inFlight` operations outstanding for `seconds` (after `warmupSeconds` that are not
 * counted) and reports throughput and latency; with `cpu` and `visits` (cumulative counts per
 * process), also what the measured window cost per operation.
 */
export async function closedLoop(
  op: (worker: number, seq: number) => Promise<unknown>,
  inFlight: number,
  seconds: number,
  warmupSeconds = 1,
  cpu?: () => number[],
  visits?: () => Promise<number[]>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let ops = 0;
  let errors = 0;
  let measuring = false;
  let stop = false;
  const worker = async (id: number) => {
    let seq = 0;
    while (!stop) {
      const t0 = performance.now();
      try {
        await op(id, seq++);
        if (measuring) {
          latencies.push(performance.now() - t0);
          ops++;
        }
      } catch {
        if (measuring) errors++;
      }
    }
  };
  const workers = Array.from({ length: inFlight }, (_, i) => worker(i));
  await sleep(warmupSeconds * 1000);
  measuring = true;
  const cpuBefore = cpu?.();
  const started = performance.now();
  const visitsBefore = await visits?.();
  await sleep(seconds * 1000);
  measuring = false;
  const cpuAfter = cpu?.();
  const visitsAfter = await visits?.();
  const elapsed = (performance.now() - started) / 1000;
  stop = true;
  await Promise.all(workers);
  latencies.sort((a, b) => a - b);
  return {
    ops,
    errors,
    seconds: elapsed,
    opsPerSec: ops / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    p999: percentile(latencies, 99.9),
    ...(cpuBefore !== undefined && cpuAfter !== undefined && ops > 0 ? { cpuUsPerOp: cpuAfter.map((ms, i) => Math.round(((ms - cpuBefore[i]!) * 10_000) / ops) / 10) } : {}),
    ...(visitsBefore !== undefined && visitsAfter !== undefined && ops > 0 ? { visitsPerOp: visitsAfter.map((n, i) => Number(((n - visitsBefore[i]!) / ops).toFixed(2))) } : {}),
  };
}

/** Outcome of one leader-kill trial. */
export interface FailoverTrial {
  /** Longest time without any acknowledged write, from just before the kill until the end. */
  maxGapMs: number;
  /** Writes acknowledged during the trial. */
  acknowledged: number;
}

/**
 * Runs `writers` closed-loop writers, kills the leader after `beforeMs`, keeps writing for
 * `afterMs`, and reports the longest window without an acknowledgement around the kill.
 * Every acknowledged write id is passed to `acked` so the caller can verify it afterwards.
 */
export async function failoverTrial(options: {
  writers: number;
  write: (id: string) => Promise<unknown>;
  acked: (id: string) => void;
  kill: () => Promise<void>;
  beforeMs: number;
  afterMs: number;
  trial: number;
}): Promise<FailoverTrial> {
  let stop = false;
  // BENCH_FAILOVER_DEBUG=1 prints the writers' errors of a trial whose window passed 500 ms
  // (BENCH_FAILOVER_DEBUG=<ms>: passed that many ms).
  const debugMs = process.env['BENCH_FAILOVER_DEBUG'] === '1' ? 500 : Number(process.env['BENCH_FAILOVER_DEBUG'] ?? 0);
  const debug = debugMs > 0;
  const errors: string[] = [];
  const killedAtRef = { at: Number.POSITIVE_INFINITY };
  let acknowledged = 0;
  const acks: number[] = [];
  const writer = async (w: number) => {
    let seq = 0;
    while (!stop) {
      const id = `t${options.trial}-w${w}-${seq++}`;
      try {
        await options.write(id);
        acks.push(performance.now());
        acknowledged++;
        options.acked(id);
      } catch (e) {
        if (debug) errors.push(`${(performance.now() - killedAtRef.at).toFixed(0)}ms w${w} ${(e as Error).name}: ${(e as Error).message}`);
        await sleep(5);
      }
    }
  };
  const workers = Array.from({ length: options.writers }, (_, i) => writer(i));
  await sleep(options.beforeMs);
  const killedAt = performance.now();
  killedAtRef.at = killedAt;
  await options.kill();
  await sleep(options.afterMs);
  const end = performance.now();
  stop = true;
  await Promise.all(workers);
  const window = acks.filter((t) => t >= killedAt - 50).sort((a, b) => a - b);
  let maxGap = 0;
  let gapStart = killedAt;
  let previous = killedAt;
  for (const t of [...window, end]) {
    if (t - previous > maxGap) {
      maxGap = t - previous;
      gapStart = previous;
    }
    previous = Math.max(previous, t);
  }
  if (debug && maxGap > debugMs) {
    console.log(`trial ${options.trial}: window of ${maxGap.toFixed(0)} ms from ${(gapStart - killedAt).toFixed(0)} ms after the kill; errors:\n  ${errors.slice(0, 40).join('\n  ')}`);
  }
  return { maxGapMs: maxGap, acknowledged };
}

/** Promise-based sleep. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
