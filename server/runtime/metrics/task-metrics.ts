import type { ErrorHandlingMetrics } from "@/server/runtime/errors/retry-with-tolerance-operator";
import type { MetricGroup, MetricSample } from "@/server/runtime/metrics/metric-definitions";
import { SampledStat, type SampleWindows } from "@/server/runtime/metrics/sampled-stat";

/** Epoch milliseconds now; injected so tests use a fake clock. */
export type Clock = () => number;

/** A task's cumulative counts, read once a second by the metrics history to chart rates. */
export interface TaskTotals {
  connector: string;
  task: number;
  type: "source" | "sink";
  /** Records polled (source) or read from Kafka (sink), before transformations. */
  recordsIn: number;
  /** Records written to Kafka (source) or given to `put` (sink), after transformations. */
  recordsOut: number;
  /** Records that failed after retries (`total-record-errors`). */
  errors: number;
  /** Records sent to the dead letter queue. */
  deadLetters: number;
  /** Polls (source) or puts (sink) timed so far, and their summed duration. */
  batches: number;
  batchTimeMs: number;
  /** Sink: summed consumer lag of its partitions; null for sources and before the first fetch. */
  lag: number | null;
  /** Source: age of the newest record polled, in ms; null for sinks and before the first record. */
  newestRecordAgeMs: number | null;
}

/**
 * Kafka Connect's `task-error-metrics` of one task: plain totals the error handling records as
 * it goes. `recordError` also stamps `last-error-timestamp`.
 */
export class TaskErrorMetrics implements ErrorHandlingMetrics {
  private failures = 0;
  private errors = 0;
  private skipped = 0;
  private retries = 0;
  private logged = 0;
  private dlqRequests = 0;
  private dlqFailures = 0;
  private lastErrorAt = 0;

  constructor(private readonly now: Clock) {}

  /** One attempt at a stage failed (each retry that fails counts again). */
  recordFailure(): void {
    this.failures++;
  }

  /** A record failed for good (retries exhausted or not retriable), tolerated or not. */
  recordError(): void {
    this.errors++;
    this.lastErrorAt = this.now();
  }

  /** A failed record was skipped (errors.tolerance=all). */
  recordSkipped(): void {
    this.skipped++;
  }

  /** A failed operation is about to be retried. */
  recordRetry(): void {
    this.retries++;
  }

  /** The log reporter wrote an error. */
  recordErrorLogged(): void {
    this.logged++;
  }

  /** A record was handed to the dead letter queue's producer. */
  recordDeadLetterQueueProduceRequest(): void {
    this.dlqRequests++;
  }

  /** Writing a record to the dead letter queue failed. */
  recordDeadLetterQueueProduceFailed(): void {
    this.dlqFailures++;
  }

  /** Total records that failed for good, and total records sent to the dead letter queue. */
  get totals(): { errors: number; deadLetters: number } {
    return { errors: this.errors, deadLetters: this.dlqRequests };
  }

  /** The group's readings, tagged with the task. */
  samples(tags: Record<string, string>): MetricSample[] {
    const group: MetricGroup = "task-error-metrics";
    const values: Array<[string, number]> = [
      ["total-record-failures", this.failures],
      ["total-record-errors", this.errors],
      ["total-records-skipped", this.skipped],
      ["total-retries", this.retries],
      ["total-errors-logged", this.logged],
      ["deadletterqueue-produce-requests", this.dlqRequests],
      ["deadletterqueue-produce-failures", this.dlqFailures],
      ["last-error-timestamp", this.lastErrorAt],
    ];
    return values.map(([name, value]) => ({ group, name, tags, value }));
  }
}

/**
 * What every task loop records, whatever its side: offset commits and batch sizes (Kafka
 * Connect's `connector-task-metrics`, whose status and ratios come from status events instead),
 * and its `errors`. One instance per running task; the task loop is its only writer.
 */
export abstract class TaskMetrics {
  /** The task's `task-error-metrics`, for the error handling to record into. */
  readonly errors: TaskErrorMetrics;
  protected readonly now: Clock;
  private readonly commitTime: SampledStat;
  private readonly commitOutcome: SampledStat;
  private readonly batchSize: SampledStat;
  protected batches = 0;
  protected batchTimeMs = 0;

  constructor(
    readonly connector: string,
    readonly task: number,
    protected readonly windows: SampleWindows,
    now: Clock,
  ) {
    this.now = now;
    this.errors = new TaskErrorMetrics(now);
    this.commitTime = new SampledStat(windows, now());
    this.commitOutcome = new SampledStat(windows, now());
    this.batchSize = new SampledStat(windows, now());
  }

  /** An offset commit finished (`succeeded` or not) after `ms`. */
  recordCommit(succeeded: boolean, ms: number): void {
    const now = this.now();
    this.commitTime.record(ms, now);
    this.commitOutcome.record(succeeded ? 1 : 0, now);
    this.onCommit(succeeded);
  }

  /** Which side of Kafka this task is on. */
  abstract get type(): "source" | "sink";

  /** Cumulative counts for the metrics history. */
  abstract totals(): TaskTotals;

  /** The side's own group (`source-task-metrics` or `sink-task-metrics`), tagged with the task. */
  protected abstract sideSamples(tags: Record<string, string>): MetricSample[];

  protected onCommit(_succeeded: boolean): void {}

  protected recordBatch(size: number, ms: number | null): void {
    this.batchSize.record(size, this.now());
    if (ms !== null) {
      this.batches++;
      this.batchTimeMs += ms;
    }
  }

  /** Every reading of this task but its status and ratios (which the registry adds from status events). */
  samples(): MetricSample[] {
    const now = this.now();
    const tags = { connector: this.connector, task: String(this.task) };
    const success = this.commitOutcome.avg(now);
    const group: MetricGroup = "connector-task-metrics";
    const values: Array<[string, number | null]> = [
      ["offset-commit-max-time-ms", this.commitTime.max(now)],
      ["offset-commit-avg-time-ms", this.commitTime.avg(now)],
      ["offset-commit-success-percentage", success],
      ["offset-commit-failure-percentage", success === null ? null : 1 - success],
      ["batch-size-max", this.batchSize.max(now)],
      ["batch-size-avg", this.batchSize.avg(now)],
    ];
    return [...values.map(([name, value]) => ({ group, name, tags, value })), ...this.sideSamples(tags), ...this.errors.samples(tags)];
  }
}

/** A source task's metrics (Kafka Connect's `source-task-metrics`), recorded by its loop. */
export class SourceTaskMetrics extends TaskMetrics {
  private readonly poll: SampledStat;
  private readonly write: SampledStat;
  private readonly pollTime: SampledStat;
  private readonly active: SampledStat;
  private pollTotal = 0;
  private writeTotal = 0;
  private activeCount = 0;
  private newestRecordAt: number | null = null;

  constructor(connector: string, task: number, windows: SampleWindows, now: Clock) {
    super(connector, task, windows, now);
    this.poll = new SampledStat(windows, now());
    this.write = new SampledStat(windows, now());
    this.pollTime = new SampledStat(windows, now());
    this.active = new SampledStat(windows, now());
  }

  get type(): "source" {
    return "source";
  }

  /**
   * `poll()` returned `count` records after `ms`. `newestTimestamp` is the newest record
   * timestamp among them, when the task sets timestamps; otherwise the records count as new now.
   */
  recordPoll(count: number, ms: number, newestTimestamp?: number | null): void {
    const now = this.now();
    this.poll.record(count, now);
    this.pollTime.record(ms, now);
    this.pollTotal += count;
    this.recordBatch(count, ms);
    if (count > 0) {
      const newest = newestTimestamp ?? now;
      this.newestRecordAt = Math.max(this.newestRecordAt ?? newest, newest);
      this.activeCount += count;
      this.active.record(this.activeCount, now);
    }
  }

  /**
   * `recordCount` polled records are done with: Kafka acknowledged them, except `skippedCount`
   * that transformations dropped or errors skipped. Only the others count as written.
   */
  recordWrite(recordCount: number, skippedCount = 0): void {
    const now = this.now();
    const written = Math.max(0, recordCount - skippedCount);
    this.write.record(written, now);
    this.writeTotal += written;
    this.activeCount = Math.max(0, this.activeCount - recordCount);
    this.active.record(this.activeCount, now);
  }

  totals(): TaskTotals {
    const { errors, deadLetters } = this.errors.totals;
    return {
      connector: this.connector,
      task: this.task,
      type: "source",
      recordsIn: this.pollTotal,
      recordsOut: this.writeTotal,
      errors,
      deadLetters,
      batches: this.batches,
      batchTimeMs: this.batchTimeMs,
      lag: null,
      newestRecordAgeMs: this.newestRecordAt === null ? null : Math.max(0, this.now() - this.newestRecordAt),
    };
  }

  protected sideSamples(tags: Record<string, string>): MetricSample[] {
    const now = this.now();
    const group: MetricGroup = "source-task-metrics";
    const values: Array<[string, number | null]> = [
      ["source-record-poll-rate", this.poll.rate(now)],
      ["source-record-poll-total", this.pollTotal],
      ["source-record-write-rate", this.write.rate(now)],
      ["source-record-write-total", this.writeTotal],
      ["poll-batch-max-time-ms", this.pollTime.max(now)],
      ["poll-batch-avg-time-ms", this.pollTime.avg(now)],
      ["source-record-active-count", this.activeCount],
      ["source-record-active-count-max", this.active.max(now)],
      ["source-record-active-count-avg", this.active.avg(now)],
      ["source-record-newest-age-ms", this.newestRecordAt === null ? null : Math.max(0, now - this.newestRecordAt)],
    ];
    return values.map(([name, value]) => ({ group, name, tags, value }));
  }
}

const partitionKey = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/** A sink task's metrics (Kafka Connect's `sink-task-metrics`, plus lag per partition), recorded by its loop. */
export class SinkTaskMetrics extends TaskMetrics {
  private readonly read: SampledStat;
  private readonly send: SampledStat;
  private readonly putTime: SampledStat;
  private readTotal = 0;
  private sendTotal = 0;
  private commitsCompleted = 0;
  private partitions: Array<{ topic: string; partition: number }> = [];
  private readonly lags = new Map<string, { topic: string; partition: number; lag: number }>();

  constructor(connector: string, task: number, windows: SampleWindows, now: Clock) {
    super(connector, task, windows, now);
    this.read = new SampledStat(windows, now());
    this.send = new SampledStat(windows, now());
    this.putTime = new SampledStat(windows, now());
  }

  get type(): "sink" {
    return "sink";
  }

  /** `count` records were read from Kafka (before conversion and transformations). */
  recordRead(count: number): void {
    this.read.record(count, this.now());
    this.readTotal += count;
  }

  /** `count` records (after transformations) are about to be given to `put` as one batch. */
  recordSend(count: number): void {
    this.send.record(count, this.now());
    this.sendTotal += count;
    this.recordBatch(count, null);
  }

  /** One `put` (retries included) took `ms`. */
  recordPut(ms: number): void {
    this.putTime.record(ms, this.now());
    this.batches++;
    this.batchTimeMs += ms;
  }

  /** The partitions now assigned to the task (all of them); lags of revoked ones are dropped. */
  recordAssignment(partitions: Array<{ topic: string; partition: number }>): void {
    this.partitions = partitions.map(({ topic, partition }) => ({ topic, partition }));
    const kept = new Set(this.partitions.map(({ topic, partition }) => partitionKey(topic, partition)));
    for (const key of this.lags.keys()) if (!kept.has(key)) this.lags.delete(key);
  }

  /**
   * After a fetch of `topic`-`partition`: `highWatermark` is the partition's end offset and
   * `nextOffset` the next offset the task will read, so the lag is their difference.
   */
  recordLag(topic: string, partition: number, highWatermark: bigint, nextOffset: bigint): void {
    const lag = highWatermark > nextOffset ? Number(highWatermark - nextOffset) : 0;
    this.lags.set(partitionKey(topic, partition), { topic, partition, lag });
  }

  protected onCommit(succeeded: boolean): void {
    if (succeeded) this.commitsCompleted++;
  }

  totals(): TaskTotals {
    const { errors, deadLetters } = this.errors.totals;
    return {
      connector: this.connector,
      task: this.task,
      type: "sink",
      recordsIn: this.readTotal,
      recordsOut: this.sendTotal,
      errors,
      deadLetters,
      batches: this.batches,
      batchTimeMs: this.batchTimeMs,
      lag: this.lags.size === 0 ? null : [...this.lags.values()].reduce((sum, entry) => sum + entry.lag, 0),
      newestRecordAgeMs: null,
    };
  }

  protected sideSamples(tags: Record<string, string>): MetricSample[] {
    const now = this.now();
    const group: MetricGroup = "sink-task-metrics";
    const lags = [...this.lags.values()];
    const values: Array<[string, number | null]> = [
      ["sink-record-read-rate", this.read.rate(now)],
      ["sink-record-read-total", this.readTotal],
      ["sink-record-send-rate", this.send.rate(now)],
      ["sink-record-send-total", this.sendTotal],
      ["put-batch-max-time-ms", this.putTime.max(now)],
      ["put-batch-avg-time-ms", this.putTime.avg(now)],
      ["partition-count", this.partitions.length],
      ["sink-record-lag-max", lags.length === 0 ? null : Math.max(...lags.map((entry) => entry.lag))],
      ["offset-commit-completion-total", this.commitsCompleted],
    ];
    return [
      ...values.map(([name, value]) => ({ group, name, tags, value })),
      ...lags.map(({ topic, partition, lag }) => ({ group, name: "sink-record-partition-lag", tags: { ...tags, topic, partition: String(partition) }, value: lag })),
    ];
  }
}
