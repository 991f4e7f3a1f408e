import { messageOf, TributaryError } from "@/server/errors/tributary-error";
import type { TopicPartition } from "@/server/plugins/api/offsets";
import type { SinkRecord } from "@/server/plugins/api/records";
import type { ErrantRecordReporter, SinkTask, SinkTaskContext } from "@/server/plugins/api/task";
import { ProcessingContext } from "@/server/runtime/errors/processing-context";
import type { RetryWithToleranceOperator } from "@/server/runtime/errors/retry-with-tolerance-operator";
import type { SinkTaskMetrics } from "@/server/runtime/metrics/task-metrics";
import type { IncomingRecord, KafkaTopicPartition, SinkConsumer } from "@/server/runtime/ports";
import type { TransformationChain } from "@/server/runtime/transforms/transformation-chain";
import { toSinkRecord, type TaskConverters } from "@/server/runtime/worker/record-converters";
import { WorkerTask, type TaskErrorHandling, type TaskId, type TaskStatusListener } from "@/server/runtime/worker/worker-task";
import type { TargetState } from "@/server/storage/contracts/config-store";

/** Everything a sink task loop runs with; the Worker builds it. */
export interface SinkTaskSetup {
  task: SinkTask;
  taskConfig: Record<string, string>;
  converters: TaskConverters;
  consumer: SinkConsumer;
  transforms: TransformationChain<SinkRecord>;
  errors: TaskErrorHandling;
  /** How often flushed offsets are committed (`offset.flush.interval.ms`). */
  offsetFlushIntervalMs: number;
  onTopicUsed: (topic: string) => void;
  metrics: SinkTaskMetrics;
}

const tpKey = (tp: KafkaTopicPartition) => `${tp.topic}\u0000${tp.partition}`;
const DEFAULT_RETRY_MS = 1000;

/**
 * Kafka Connect's WorkerSinkTask: consume (one group per connector, `connect-<name>`) → convert
 * → transform → `put` → every `offset.flush.interval.ms`, on partition revocation and on stop:
 * `preCommit` (flush) → commit the offsets it returned to the consumer group. Converters and
 * transforms run under the error operator: with `errors.tolerance=all` a failed record is
 * reported (log, dead letter queue) and skipped, and offsets advance past it.
 *
 * Invariant: a consumer offset is committed only for records `put` to the task and covered by a
 * successful `preCommit`/`flush`, or failed, tolerated and already written to the dead letter
 * queue; a record that failed the task is never committed past.
 */
export class WorkerSinkTask extends WorkerTask {
  /** Next offset to read per partition, for records `put` successfully. */
  private readonly consumed = new Map<string, { tp: TopicPartition; offset: bigint }>();
  private readonly committed = new Map<string, bigint>();
  private assignment: TopicPartition[] = [];
  /** Every call into the task (open, put, preCommit, close) runs on this chain, one at a time. */
  private serial: Promise<unknown> = Promise.resolve();
  private commitTimer: NodeJS.Timeout | undefined;
  private commitRequested = false;
  private retryAfterMs = DEFAULT_RETRY_MS;
  private readonly stopped: Promise<void>;
  private signalStopped!: () => void;
  private readonly operator: RetryWithToleranceOperator;
  private readonly processing = new ProcessingContext();
  /** The consumed record behind each SinkRecord given to the task, for the errant record reporter. */
  private readonly consumedBy = new WeakMap<SinkRecord, IncomingRecord>();

  constructor(
    id: TaskId,
    initialState: TargetState,
    onStatus: TaskStatusListener,
    private readonly setup: SinkTaskSetup,
  ) {
    super(id, initialState, onStatus);
    this.stopped = new Promise((resolve) => (this.signalStopped = resolve));
    this.operator = this.createOperator(setup.errors);
  }

  protected async execute(): Promise<void> {
    const { task, consumer } = this.setup;
    task.initialize(this.context());
    try {
      await this.operator.start();
      await task.start(this.setup.taskConfig);
      // RUNNING once the task started, as Kafka Connect reports it: the consumer's group join can
      // wait out a dead member's session, and neither the status nor a stop waits for that.
      this.reportStarted();
      const joined = consumer.start({
        onBatch: (records, highWatermark) => this.onBatch(records, highWatermark),
        onAssignment: (partitions) => this.onAssignment(partitions),
        onError: async (error) => this.fail(error),
      });
      joined.catch(() => undefined);
      if ((await Promise.race([joined.then(() => "joined" as const), this.stopped.then(() => "stopped" as const)])) === "stopped") return;
      this.commitTimer = setInterval(() => void this.exclusive(() => this.commitOffsets()).catch((error: unknown) => this.fail(error)), this.setup.offsetFlushIntervalMs);
      await this.stopped;
    } finally {
      clearInterval(this.commitTimer);
      await this.shutdown();
    }
  }

  protected onStopRequested(): void {
    this.signalStopped();
  }

  protected onPause(): void {
    this.setup.consumer.pause(this.assignment);
  }

  protected onResume(): void {
    this.setup.consumer.resume(this.assignment);
  }

  private context(): SinkTaskContext {
    return {
      configs: () => ({ ...this.setup.taskConfig }),
      offset: (tp, offset) => this.setup.consumer.seek(tp, offset),
      timeout: (ms) => void (this.retryAfterMs = ms),
      assignment: () => [...this.assignment],
      pause: (...tps) => this.setup.consumer.pause(tps),
      resume: (...tps) => this.setup.consumer.resume(tps),
      requestCommit: () => void (this.commitRequested = true),
      errantRecordReporter: () => (this.operator.reporting ? this.errantRecordReporter : null),
    };
  }

  /**
   * Kafka Connect's WorkerErrantRecordReporter: reports a record the task could not process as a
   * TASK_PUT failure with its original consumed bytes; rejects once the tolerance is exceeded
   * (the task then fails). Resolves when the record is in the dead letter queue.
   */
  private readonly errantRecordReporter: ErrantRecordReporter = {
    report: async (record, error) => {
      const consumed = this.consumedBy.get(record) ?? this.reserialize(record);
      const context = new ProcessingContext().reset(consumed, null);
      const taskClass = (this.setup.task.constructor as { className?: string }).className ?? this.setup.task.constructor.name;
      this.operator.executeFailed(context, "TASK_PUT", taskClass, error);
      await this.operator.flush();
    },
  };

  /** A record the task built itself, serialized with the task's converters for the dead letter queue. */
  private reserialize(record: SinkRecord): IncomingRecord {
    const { key, value, header } = this.setup.converters;
    const bytes = (data: Uint8Array | null) => (data === null ? null : Buffer.from(data));
    return {
      topic: record.originalTopic,
      partition: record.originalKafkaPartition,
      offset: record.originalKafkaOffset,
      key: bytes(key.fromConnectData(record.topic, record.headers, record.keySchema, record.key)),
      value: bytes(value.fromConnectData(record.topic, record.headers, record.valueSchema, record.value)),
      headers: [...record.headers].map((h) => ({ key: h.key, value: bytes(header.fromConnectHeader(record.topic, h.key, h.schema, h.value)) })),
      timestamp: record.timestamp ?? Date.now(),
      timestampType: record.timestampType,
    };
  }

  /** Runs `work` after every earlier task call has finished, so the task never sees overlapping calls. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.serial.catch(() => undefined).then(work);
    this.serial = next;
    return next;
  }

  private onAssignment(partitions: KafkaTopicPartition[]): Promise<void> {
    return this.exclusive(async () => {
      const next = new Set(partitions.map(tpKey));
      const revoked = this.assignment.filter((tp) => !next.has(tpKey(tp)));
      const added = partitions.filter((tp) => !this.assignment.some((old) => tpKey(old) === tpKey(tp)));
      if (revoked.length > 0) {
        await this.commitOffsets();
        await this.setup.task.close(revoked);
        for (const tp of revoked) this.consumed.delete(tpKey(tp));
      }
      this.assignment = partitions.map(({ topic, partition }) => ({ topic, partition }));
      this.setup.metrics.recordAssignment(this.assignment);
      if (added.length > 0) await this.setup.task.open(added);
      if (this.targetState === "PAUSED") this.setup.consumer.pause(this.assignment);
    }).catch((error: unknown) => this.fail(error));
  }

  private onBatch(records: IncomingRecord[], highWatermark: bigint): Promise<void> {
    return this.exclusive(() => this.processBatch(records, highWatermark));
  }

  private async processBatch(records: IncomingRecord[], highWatermark: bigint): Promise<void> {
    if (this.stopping || this.isFailed || records.length === 0) return;
    const { metrics } = this.setup;
    try {
      metrics.recordRead(records.length);
      const sinkRecords = await this.convertAndTransform(records);
      await this.operator.flush();
      metrics.recordSend(sinkRecords.length);
      const putStarted = Date.now();
      await this.put(sinkRecords);
      metrics.recordPut(Date.now() - putStarted);
      const last = records[records.length - 1]!;
      metrics.recordLag(last.topic, last.partition, highWatermark, last.offset + 1n);
      this.consumed.set(tpKey(last), { tp: { topic: last.topic, partition: last.partition }, offset: last.offset + 1n });
      this.setup.onTopicUsed(last.topic);
      if (this.commitRequested) await this.commitOffsets();
    } catch (error) {
      this.fail(error);
    }
  }

  /** The batch's records as the task gets them; failed (tolerated) and filtered records are left out. */
  private async convertAndTransform(records: IncomingRecord[]): Promise<SinkRecord[]> {
    const { converters, transforms } = this.setup;
    const out: SinkRecord[] = [];
    const remember = this.operator.reporting;
    for (const record of records) {
      const context = this.processing.reset(record, null);
      let converted = toSinkRecord(context, this.operator, record, converters);
      if (converted instanceof Promise) converted = await converted;
      if (converted === null) continue;
      let transformed = transforms.isEmpty ? converted : transforms.apply(context, this.operator, converted);
      if (transformed instanceof Promise) transformed = await transformed;
      if (transformed === null) continue;
      if (remember) this.consumedBy.set(transformed, record);
      out.push(transformed);
    }
    return out;
  }

  /** `put`, redelivering the same batch after a RetriableException until it succeeds or the task stops. */
  private async put(records: SinkRecord[]): Promise<void> {
    for (;;) {
      try {
        await this.setup.task.put(records);
        return;
      } catch (error) {
        if (!(error instanceof TributaryError && error.retriable) || this.stopping) throw error;
        this.log.warn({ err: error.message, retryMs: this.retryAfterMs }, "retriable put failure, redelivering the batch");
        await this.sleep(this.retryAfterMs);
      }
    }
  }

  /**
   * preCommit (flush) what was put, then commit the offsets the task returned. A failed flush
   * fails the task; a failed commit to Kafka does not, as in Kafka Connect (a broker restarting):
   * it is counted and logged, and the next commit carries the offsets.
   */
  private async commitOffsets(): Promise<void> {
    this.commitRequested = false;
    await this.operator.flush();
    const current = new Map<TopicPartition, bigint>();
    for (const { tp, offset } of this.consumed.values()) if (this.committed.get(tpKey(tp)) !== offset) current.set(tp, offset);
    if (current.size === 0) return;
    const started = Date.now();
    let offsets;
    try {
      const safe = await this.setup.task.preCommit(current);
      offsets = [...safe].map(([tp, offset]) => ({ topic: tp.topic, partition: tp.partition, offset }));
    } catch (error) {
      this.setup.metrics.recordCommit(false, Date.now() - started);
      throw error;
    }
    try {
      await this.setup.consumer.commit(offsets);
    } catch (error) {
      this.setup.metrics.recordCommit(false, Date.now() - started);
      this.log.warn({ err: messageOf(error) }, "could not commit consumer offsets; the next commit carries them");
      return;
    }
    this.setup.metrics.recordCommit(true, Date.now() - started);
    for (const { topic, partition, offset } of offsets) this.committed.set(tpKey({ topic, partition }), offset);
  }

  private async shutdown(): Promise<void> {
    try {
      await this.exclusive(async () => {
        await this.commitOffsets();
        await this.setup.task.close(this.assignment);
      });
    } finally {
      await Promise.resolve(this.setup.task.stop()).catch(() => undefined);
      await this.setup.consumer.close().catch(() => undefined);
      await this.operator.close();
      this.setup.transforms.close();
      for (const converter of [this.setup.converters.key, this.setup.converters.value, this.setup.converters.header]) converter.close?.();
    }
  }
}
