import { TributaryError } from "@/server/errors/tributary-error";
import { getLogger } from "@/server/logging/logger";
import type { SourceRecord } from "@/server/plugins/api/records";
import type { RecordFailure } from "@/server/runtime/errors/processing-context";
import type { ErrorHandlingMetrics } from "@/server/runtime/errors/retry-with-tolerance-operator";
import type { KafkaHeader, OutgoingRecord, RecordProducer } from "@/server/runtime/ports";
import { traceOf, type TaskId } from "@/server/runtime/worker/worker-task";

/**
 * Receives every record that failed and was tolerated (Kafka Connect's ErrorReporter).
 * `report` is synchronous and cheap (it may buffer); `flush` resolves once everything reported
 * so far is durable, and rejects if it could not be. Called only from the task's loop.
 */
export interface ErrorReporter {
  /** Prepares whatever the reporter writes to; throws when it cannot (the task then fails). */
  start?(): Promise<void>;
  report(failure: RecordFailure): void;
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Kafka Connect's header names on dead letter queue records. */
export const DLQ_HEADERS = {
  topic: "__connect.errors.topic",
  partition: "__connect.errors.partition",
  offset: "__connect.errors.offset",
  connector: "__connect.errors.connector.name",
  task: "__connect.errors.task.id",
  stage: "__connect.errors.stage",
  executingClass: "__connect.errors.class.name",
  exceptionClass: "__connect.errors.exception.class.name",
  exceptionMessage: "__connect.errors.exception.message",
  exceptionStacktrace: "__connect.errors.exception.stacktrace",
  /** Tributary's: where a failed source record came from (JSON), since it has no Kafka offset yet. */
  sourcePartition: "__tributary.errors.source.partition",
  sourceOffset: "__tributary.errors.source.offset",
  /** Tributary's: when the record failed (epoch ms, decimal); the record keeps its original timestamp, as in Connect. */
  failedAt: "__tributary.errors.timestamp",
} as const;

const JAVA_CLASS_NAMES: Record<string, string> = {
  DataException: "org.apache.kafka.connect.errors.DataException",
  ConnectException: "org.apache.kafka.connect.errors.ConnectException",
  RetriableException: "org.apache.kafka.connect.errors.RetriableException",
  ConfigException: "org.apache.kafka.common.config.ConfigException",
};

/** The exception class name shown in headers and logs: Kafka's Java name for Connect's own errors, else the JS name. */
export function exceptionClassName(error: unknown): string {
  if (!(error instanceof Error)) return "Error";
  return JAVA_CLASS_NAMES[error.name] ?? error.name;
}

const taskName = (id: TaskId) => `${id.connector}-${id.task}`;

/**
 * `errors.log.enable`: one ERROR line per failed record, worded as Kafka Connect's LogReporter
 * words it. A consumed record's coordinates are always included; a source record only with
 * `errors.log.include.messages`.
 */
export class LogReporter implements ErrorReporter {
  private readonly log = getLogger("tributary.runtime.errors");

  constructor(
    private readonly id: TaskId,
    private readonly includeMessages: boolean,
    private readonly metrics: ErrorHandlingMetrics,
  ) {}

  report(failure: RecordFailure): void {
    let line = `Error encountered in task ${taskName(this.id)}. Executing stage '${failure.stage}' with class '${failure.executingClass}'`;
    const consumed = failure.consumed;
    if (consumed) {
      line += `, where consumed record is {topic='${consumed.topic}', partition=${consumed.partition}, offset=${consumed.offset}, timestamp=${consumed.timestamp}, timestampType=${consumed.timestampType}}`;
    } else if (failure.source && this.includeMessages) {
      line += `, where source record is ${describeSource(failure.source)}`;
    }
    this.log.error({ err: traceOf(failure.error) }, `${line}.`);
    this.metrics.recordErrorLogged();
  }

  async flush(): Promise<void> {}
  async close(): Promise<void> {}
}

function describeSource(record: SourceRecord): string {
  const text = (value: unknown) => (typeof value === "bigint" ? value.toString() : JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v instanceof Map ? Object.fromEntries(v) : v)));
  return `{topic='${record.topic}', kafkaPartition=${record.kafkaPartition}, key=${text(record.key)}, value=${text(record.value)}, timestamp=${record.timestamp}, sourcePartition=${text(record.sourcePartition)}, sourceOffset=${text(record.sourceOffset)}}`;
}

/** Serializes a failed source record for the DLQ: its converters when they can, else a fallback. */
export type SourceRecordSerializer = (record: SourceRecord) => Pick<OutgoingRecord, "key" | "value" | "headers">;

const utf8 = (value: string) => Buffer.from(value, "utf8");

/**
 * Writes each failed record to `errors.deadletterqueue.topic.name` (Kafka Connect's
 * DeadLetterQueueReporter): for a consumed record, its original key, value, headers and
 * timestamp; for a source record (Tributary's extension), the record serialized by
 * `serializeSource`. With context headers enabled, the `__connect.errors.*` headers describe the
 * failure and Tributary's `__tributary.errors.timestamp` says when it happened (the record keeps
 * its original timestamp). Records are buffered and sent as one batch on `flush`.
 *
 * Invariant: a failed record is in the dead letter queue before the task commits an offset past
 * it — task loops `flush` the operator before every offset commit, and a failed flush fails the task.
 */
export class DeadLetterQueueReporter implements ErrorReporter {
  private pending: OutgoingRecord[] = [];

  private readonly id: TaskId;
  private readonly topic: string;
  private readonly producer: RecordProducer;

  constructor(
    private readonly options: {
      id: TaskId;
      topic: string;
      contextHeaders: boolean;
      producer: RecordProducer;
      /** Creates the topic when missing (1 partition, the configured replication factor). */
      createTopic: () => Promise<void>;
      serializeSource: SourceRecordSerializer;
      metrics: ErrorHandlingMetrics;
      /** The clock that stamps `__tributary.errors.timestamp`; default Date.now. */
      now?: () => number;
    },
  ) {
    this.id = options.id;
    this.topic = options.topic;
    this.producer = options.producer;
  }

  async start(): Promise<void> {
    await this.options.createTopic();
  }

  report(failure: RecordFailure): void {
    const base = failure.consumed
      ? { key: failure.consumed.key, value: failure.consumed.value, headers: [...failure.consumed.headers], timestamp: failure.consumed.timestamp }
      : failure.source
        ? { ...this.options.serializeSource(failure.source), timestamp: failure.source.timestamp }
        : null;
    if (!base) return;
    if (this.options.contextHeaders) base.headers.push(...this.contextHeadersFor(failure));
    this.pending.push({ topic: this.topic, partition: null, ...base });
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.options.metrics.recordDeadLetterQueueProduceRequest();
    try {
      await this.producer.send(batch);
    } catch (error) {
      this.options.metrics.recordDeadLetterQueueProduceFailed();
      throw new TributaryError("connect.error", `Could not write ${batch.length} failed record(s) to the dead letter queue topic ${this.topic}: ${(error as Error).message}`, { cause: error });
    }
  }

  async close(): Promise<void> {
    await this.producer.close().catch(() => undefined);
  }

  private contextHeadersFor(failure: RecordFailure): KafkaHeader[] {
    const headers: Array<[string, string | null]> = [];
    if (failure.consumed) {
      headers.push([DLQ_HEADERS.topic, failure.consumed.topic], [DLQ_HEADERS.partition, String(failure.consumed.partition)], [DLQ_HEADERS.offset, failure.consumed.offset.toString()]);
    } else if (failure.source) {
      headers.push([DLQ_HEADERS.topic, failure.source.topic]);
    }
    headers.push(
      [DLQ_HEADERS.connector, this.id.connector],
      [DLQ_HEADERS.task, String(this.id.task)],
      [DLQ_HEADERS.stage, failure.stage],
      [DLQ_HEADERS.executingClass, failure.executingClass],
      [DLQ_HEADERS.exceptionClass, exceptionClassName(failure.error)],
      [DLQ_HEADERS.exceptionMessage, failure.error instanceof Error ? failure.error.message : failure.error == null ? null : String(failure.error)],
      [DLQ_HEADERS.exceptionStacktrace, traceOf(failure.error)],
      [DLQ_HEADERS.failedAt, String((this.options.now ?? Date.now)())],
    );
    if (!failure.consumed && failure.source) {
      headers.push([DLQ_HEADERS.sourcePartition, JSON.stringify(failure.source.sourcePartition)], [DLQ_HEADERS.sourceOffset, JSON.stringify(failure.source.sourceOffset)]);
    }
    return headers.filter((entry): entry is [string, string] => entry[1] !== null).map(([key, value]) => ({ key, value: utf8(value) }));
  }
}
