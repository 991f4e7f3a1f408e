/** Which series a value belongs to: a connector's task (worker series use connector "" and task -1). */
export interface SeriesId {
  connector: string;
  task: number;
  metric: string;
}

/** The map key of a series. */
export function seriesKey(id: SeriesId): string {
  return `${id.connector}\u0000${id.task}\u0000${id.metric}`;
}

interface Ring {
  id: SeriesId;
  seconds: Float64Array;
  values: Float64Array;
  last: number;
}

/**
 * One value per second per series for the last `capacity` seconds, in fixed rings (no
 * allocation per value). A slot holds the second it was written for, so a read never returns a
 * value older than the window. Single-threaded; written once a second by the history.
 */
export class SecondWindow {
  private readonly rings = new Map<string, Ring>();

  constructor(readonly capacity: number) {}

  /** Stores `value` for `second` (epoch seconds), replacing what that slot held. */
  put(id: SeriesId, second: number, value: number): void {
    const key = seriesKey(id);
    let ring = this.rings.get(key);
    if (!ring) {
      ring = { id, seconds: new Float64Array(this.capacity).fill(-1), values: new Float64Array(this.capacity), last: second };
      this.rings.set(key, ring);
    }
    const slot = second % this.capacity;
    ring.seconds[slot] = second;
    ring.values[slot] = value;
    ring.last = Math.max(ring.last, second);
  }

  /** The `[second, value]` pairs of a series between `from` and `to` (epoch seconds, inclusive), oldest first. */
  read(id: SeriesId, from: number, to: number): Array<[number, number]> {
    const ring = this.rings.get(seriesKey(id));
    if (!ring) return [];
    const points: Array<[number, number]> = [];
    for (let second = Math.max(from, to - this.capacity + 1); second <= to; second++) {
      const slot = second % this.capacity;
      if (ring.seconds[slot] === second) points.push([second, ring.values[slot]!]);
    }
    return points;
  }

  /** The series held for `connector`'s tasks and `metric` (or for any metric when it is omitted). */
  series(connector: string, metric?: string): SeriesId[] {
    return [...this.rings.values()].map((ring) => ring.id).filter((id) => id.connector === connector && (metric === undefined || id.metric === metric));
  }

  /** Drops series with no value since `second`, so stopped tasks do not hold memory. */
  dropOlderThan(second: number): void {
    for (const [key, ring] of this.rings) if (ring.last < second) this.rings.delete(key);
  }
}
