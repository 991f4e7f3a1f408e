/**
 * How windowed statistics are sampled, as Kafka's metrics library does it: values fall into
 * `samples` consecutive windows of `windowMs` each, and a statistic covers the windows that are
 * not older than `samples × windowMs`. Kafka Connect's defaults (worker keys
 * `metrics.sample.window.ms` and `metrics.num.samples`) are 30 s × 2, so a rate or an average
 * reflects the last 30 to 60 seconds.
 */
export interface SampleWindows {
  windowMs: number;
  samples: number;
}

/** Kafka Connect's default sampling: two windows of 30 s. */
export const DEFAULT_SAMPLE_WINDOWS: SampleWindows = { windowMs: 30_000, samples: 2 };

interface Sample {
  start: number;
  count: number;
  sum: number;
  max: number;
}

/**
 * Values recorded over the sample windows, read back as a rate, an average or a maximum.
 * A new window starts when the current one is `windowMs` old; windows older than
 * `samples × windowMs` are forgotten. Not thread-aware (Node is single-threaded); `now` is
 * passed in, so tests drive it with a fake clock.
 */
export class SampledStat {
  private readonly ring: Sample[];
  private current = 0;

  constructor(
    private readonly windows: SampleWindows,
    now: number,
  ) {
    this.ring = Array.from({ length: Math.max(1, windows.samples) }, () => ({ start: now, count: 0, sum: 0, max: -Infinity }));
  }

  /** Adds one value (a record count for rates, a duration or size for averages and maxima). */
  record(value: number, now: number): void {
    let sample = this.ring[this.current]!;
    if (now - sample.start >= this.windows.windowMs) {
      this.current = (this.current + 1) % this.ring.length;
      sample = this.ring[this.current]!;
      Object.assign(sample, { start: now, count: 0, sum: 0, max: -Infinity });
    }
    sample.count++;
    sample.sum += value;
    if (value > sample.max) sample.max = value;
  }

  /**
   * Sum of the values per second over the live windows. The elapsed time counts from the start
   * of the oldest live window and is at least `(samples − 1) × windowMs`, so a burst right after
   * start-up is not divided by a few milliseconds (Kafka's Rate does the same).
   */
  rate(now: number): number {
    const live = this.live(now);
    const sum = live.reduce((total, sample) => total + sample.sum, 0);
    const oldest = live.reduce((min, sample) => Math.min(min, sample.start), now);
    const elapsedMs = Math.max(now - oldest, (this.ring.length - 1) * this.windows.windowMs, 1);
    return (sum * 1000) / elapsedMs;
  }

  /** Mean of the values recorded in the live windows; null when there are none. */
  avg(now: number): number | null {
    const live = this.live(now);
    const count = live.reduce((total, sample) => total + sample.count, 0);
    return count === 0 ? null : live.reduce((total, sample) => total + sample.sum, 0) / count;
  }

  /** Largest value recorded in the live windows; null when there are none. */
  max(now: number): number | null {
    const live = this.live(now).filter((sample) => sample.count > 0);
    return live.length === 0 ? null : Math.max(...live.map((sample) => sample.max));
  }

  private live(now: number): Sample[] {
    const horizon = now - this.ring.length * this.windows.windowMs;
    return this.ring.filter((sample) => sample.start > horizon && sample.start <= now);
  }
}

/**
 * How long something has spent in each state since it was first seen, for Kafka Connect's
 * `running-ratio` and `pause-ratio` (time in the state divided by the time tracked).
 */
export class StateTimer<S extends string> {
  private readonly spent = new Map<S, number>();
  private readonly since: number;
  private changedAt: number;

  constructor(
    private state: S,
    now: number,
  ) {
    this.since = now;
    this.changedAt = now;
  }

  get current(): S {
    return this.state;
  }

  /** Moves to `state` at `now`; the time until then is added to the previous state. */
  change(state: S, now: number): void {
    this.spent.set(this.state, (this.spent.get(this.state) ?? 0) + Math.max(0, now - this.changedAt));
    this.state = state;
    this.changedAt = now;
  }

  /** Share (0 to 1) of the tracked time spent in `state`; 0 before any time has passed. */
  ratio(state: S, now: number): number {
    const total = now - this.since;
    if (total <= 0) return 0;
    const inState = (this.spent.get(state) ?? 0) + (this.state === state ? Math.max(0, now - this.changedAt) : 0);
    return inState / total;
  }
}
