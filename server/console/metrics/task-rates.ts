import type { ConnectorSeriesMetric } from "@/server/contracts/metrics";
import type { TaskTotals } from "@/server/runtime/metrics/task-metrics";

/** One task's value of one connector series for the last interval. */
export interface TaskPoint {
  connector: string;
  task: number;
  metric: ConnectorSeriesMetric;
  value: number;
}

const taskKey = (totals: TaskTotals) => `${totals.connector}\u0000${totals.task}`;

/** How much a total grew; a total that went down belongs to a restarted task and counts from zero. */
const growth = (current: number, previous: number) => (current >= previous ? current - previous : current);

/**
 * Turns the tasks' cumulative totals, read once per interval, into the connector series: rates
 * per second (records in and out, errors, dead letters), the mean batch time of the interval,
 * and the current lag and newest record age. A task seen for the first time counts from zero,
 * so its first records show at once.
 */
export class TaskRates {
  private previous = new Map<string, TaskTotals>();

  /** The points for the interval of `seconds` that ends with these totals. */
  next(totals: TaskTotals[], seconds: number): TaskPoint[] {
    const points: TaskPoint[] = [];
    const current = new Map<string, TaskTotals>();
    for (const now of totals) {
      const key = taskKey(now);
      current.set(key, now);
      const before = this.previous.get(key);
      const point = (metric: ConnectorSeriesMetric, value: number) => points.push({ connector: now.connector, task: now.task, metric, value });
      point("records-in", growth(now.recordsIn, before?.recordsIn ?? 0) / seconds);
      point("records-out", growth(now.recordsOut, before?.recordsOut ?? 0) / seconds);
      point("errors", growth(now.errors, before?.errors ?? 0) / seconds);
      point("dead-letters", growth(now.deadLetters, before?.deadLetters ?? 0) / seconds);
      const batches = growth(now.batches, before?.batches ?? 0);
      if (batches > 0) point("batch-time", growth(now.batchTimeMs, before?.batchTimeMs ?? 0) / batches);
      if (now.lag !== null) point("lag", now.lag);
      if (now.newestRecordAgeMs !== null) point("record-age", now.newestRecordAgeMs);
    }
    this.previous = current;
    return points;
  }
}
