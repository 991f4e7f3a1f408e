const TWO_POW_32 = 0x1_0000_0000;
const TWO_POW_53 = 2 ** 53;

/**
 * A small seedable pseudo-random generator (mulberry32: 32 bits of state, period 2^32), good for
 * demo data and not for anything secret. Its whole state is one unsigned 32-bit integer, so a
 * task can store it in its source offset and a restarted task continues the same sequence.
 * Not shared between tasks; one instance per generating loop.
 */
export class SeededRandom {
  #state: number;

  /** Continues from a state read from `state` (any integer; folded to 32 bits). */
  constructor(state: number) {
    this.#state = foldToUint32(state);
  }

  /**
   * The generator of task `taskId` for the user's `seed`: the same seed and task id always give
   * the same sequence, and different task ids give different ones (as Confluent's datagen).
   */
  static forTask(seed: number, taskId: number): SeededRandom {
    return new SeededRandom(fmix32((fmix32(foldToUint32(seed)) + Math.imul(taskId + 1, 0x9e3779b9)) >>> 0));
  }

  /** A generator with an unpredictable start, for connectors without `random.seed`. */
  static unseeded(): SeededRandom {
    return new SeededRandom(Math.floor(Math.random() * TWO_POW_32));
  }

  /** The current state, an unsigned 32-bit integer; `new SeededRandom(state)` resumes from it. */
  get state(): number {
    return this.#state;
  }

  /** The next unsigned 32-bit integer. */
  nextUint32(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A double in [0, 1) with 53 random bits. */
  nextDouble(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67_108_864 + low) / TWO_POW_53;
  }

  /** An integer in [min, maxExclusive); both safe integers. */
  nextInt(min: number, maxExclusive: number): number {
    return min + Math.floor(this.nextDouble() * (maxExclusive - min));
  }

  /** A double in [min, maxExclusive). */
  nextFloat(min: number, maxExclusive: number): number {
    return min + this.nextDouble() * (maxExclusive - min);
  }

  /** One of `items`, uniformly; `items` must not be empty. */
  pick<T>(items: readonly T[]): T {
    return items[this.nextInt(0, items.length)]!;
  }
}

/** Any integer (negative or beyond 32 bits, up to ±2^53) to an unsigned 32-bit value mixing all its bits. */
function foldToUint32(value: number): number {
  const big = BigInt(Math.trunc(value));
  const low = Number(BigInt.asUintN(32, big));
  const high = Number(BigInt.asUintN(32, big >> 32n));
  return high === 0 ? low : (low ^ fmix32(high)) >>> 0;
}

/** MurmurHash3's finalizer: spreads every input bit over the output. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
