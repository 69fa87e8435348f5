// Virtual time for simulations: intervals fire only when the test advances the clock.
import type { Clock } from '../../src/index.js';

export class VirtualClock implements Clock {
  time = 0;
  private nextId = 1;
  private readonly timers = new Map<number, { fn: () => void; ms: number; due: number }>();

  now(): number {
    return this.time;
  }

  setInterval(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { fn, ms, due: this.time + ms });
    return id;
  }

  clearInterval(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Moves time forward by `ms`, firing due intervals in order of their due time. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let first: { fn: () => void; ms: number; due: number } | undefined;
      for (const t of this.timers.values()) if (t.due <= end && (first === undefined || t.due < first.due)) first = t;
      if (first === undefined) break;
      this.time = first.due;
      first.due += first.ms;
      first.fn();
    }
    this.time = end;
  }
}

/** Lets queued immediates, microtasks and their follow-ups run. */
export async function drain(rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((r) => setImmediate(r));
}
