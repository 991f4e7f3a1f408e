import type { SeriesMetricInfo } from "@/server/contracts/metrics";

/** Values of one task at time `t` (epoch ms): a one-second value (count 1) or a minute's sum over `count` seconds. */
export interface RawPoint {
  t: number;
  sum: number;
  count: number;
}

/** Means per step: the bucket starting at each multiple of `stepMs` from `from` on, for buckets with data. */
export function bucketMeans(points: RawPoint[], stepMs: number, from: number): Map<number, number> {
  const sums = new Map<number, { sum: number; count: number }>();
  for (const { t, sum, count } of points) {
    if (t < from || count <= 0) continue;
    const bucket = Math.floor(t / stepMs) * stepMs;
    const entry = sums.get(bucket) ?? { sum: 0, count: 0 };
    entry.sum += sum;
    entry.count += count;
    sums.set(bucket, entry);
  }
  return new Map([...sums].map(([bucket, { sum, count }]) => [bucket, sum / count]));
}

/** One line from several tasks' bucket means, combined as the metric says (sum, mean or max), oldest first. */
export function combineTasks(tasks: Array<Map<number, number>>, combine: SeriesMetricInfo["combine"]): Array<[number, number]> {
  const byBucket = new Map<number, number[]>();
  for (const task of tasks) for (const [bucket, value] of task) byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), value]);
  return [...byBucket]
    .sort(([a], [b]) => a - b)
    .map(([bucket, values]) => {
      const total = values.reduce((sum, value) => sum + value, 0);
      return [bucket, combine === "sum" ? total : combine === "mean" ? total / values.length : Math.max(...values)];
    });
}

/** A task's bucket means as sorted points. */
export function toPoints(means: Map<number, number>): Array<[number, number]> {
  return [...means].sort(([a], [b]) => a - b);
}
