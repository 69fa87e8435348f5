// Seeded pseudo-random numbers (sfc32 seeded through splitmix32): the single source of
// randomness in the simulator, so one seed reproduces a whole run bit for bit.

/** Mixes a 32-bit state one splitmix32 step; used to expand seeds and derive independent streams. */
function splitmix32(state: number): { value: number; next: number } {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  z ^= z >>> 15;
  return { value: z >>> 0, next };
}

/** Hashes a string label to 32 bits (FNV-1a), so streams can be named rather than numbered. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A small, fast, seeded PRNG (sfc32). Every helper draws from {@link Prng.next}, so the whole
 * sequence is fixed by the seed. Use {@link Prng.fork} to give each concern (network, faults,
 * one member's election timer) its own stream: adding draws to one then does not shift the others.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Creates a generator from a 32-bit seed (other numbers are truncated to their low 32 bits). */
  constructor(seed: number) {
    let s = seed >>> 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = splitmix32(s);
      words.push(r.value);
      s = r.next;
    }
    this.a = words[0] ?? 0;
    this.b = words[1] ?? 0;
    this.c = words[2] ?? 0;
    this.d = words[3] ?? 1;
    // sfc32 mixes poorly during its first outputs; discard them.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A uniformly distributed integer in [0, 2^32). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** True with probability `p` (p ≤ 0 never, p ≥ 1 always, without consuming a draw). */
  chance(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.float() < p;
  }

  /** An integer in [lo, hi] inclusive. Throws RangeError when hi < lo. */
  int(lo: number, hi: number): number {
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo) {
      throw new RangeError(`Prng.int: invalid range [${lo}, ${hi}]`);
    }
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  /** One element of a non-empty array. Throws RangeError on an empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Prng.pick: empty array');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** A new generator seeded from this generator's current state and `label` (this stream is not advanced). */
  fork(label: string): Prng {
    return new Prng((this.seedWord() ^ hashLabel(label)) >>> 0);
  }

  /** The generator as a `() => number` function, the shape `RaftConfig.rng` expects. */
  asRng(): () => number {
    return () => this.next();
  }

  private seedWord(): number {
    // Derived from the current state but without advancing it, so forking does not perturb this stream.
    return (this.a ^ Math.imul(this.b, 3) ^ Math.imul(this.c, 5) ^ Math.imul(this.d, 7)) >>> 0;
  }
}

/** Derives a stream seed from a run seed and a label, independent of any generator's state. */
export function deriveSeed(seed: number, label: string): number {
  return splitmix32((seed ^ hashLabel(label)) >>> 0).value;
}
