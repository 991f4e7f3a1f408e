import type { OffsetMap, TopicPartition } from "@/server/plugins/api/offsets";
import type { SinkRecord, SourceRecord } from "@/server/plugins/api/records";

/** Reads a source connector's committed offsets. */
export interface OffsetStorageReader {
  /** The committed offset of one source partition, or null. */
  offset(partition: OffsetMap): Promise<OffsetMap | null>;
  /** Committed offsets of several partitions; partitions without one are absent. */
  offsets(partitions: OffsetMap[]): Promise<Map<OffsetMap, OffsetMap>>;
}

/** What the runtime offers a source task. */
export interface SourceTaskContext {
  /** The task's config as the connector generated it. */
  configs(): Record<string, string>;
  offsetStorageReader(): OffsetStorageReader;
}

/** Reports a record a sink task could not process to the dead letter queue and error log. */
export interface ErrantRecordReporter {
  /** Resolves once the record is reported; rejects once the error tolerance is exceeded. */
  report(record: SinkRecord, error: Error): Promise<void>;
}

/** What the runtime offers a sink task. */
export interface SinkTaskContext {
  configs(): Record<string, string>;
  /** Rewinds or skips: the next fetch of `partition` starts at `offset`. */
  offset(partition: TopicPartition, offset: bigint): void;
  /** After a RetriableException from `put`, redeliver the same batch after `timeoutMs`. */
  timeout(timeoutMs: number): void;
  /** The topic partitions currently assigned to this task. */
  assignment(): TopicPartition[];
  pause(...partitions: TopicPartition[]): void;
  resume(...partitions: TopicPartition[]): void;
  /** Asks for an offset commit soon (flush, then commit). */
  requestCommit(): void;
  /** Present when the connector has a DLQ or error logging configured. */
  errantRecordReporter(): ErrantRecordReporter | null;
}

/**
 * A source task: `start`, then `poll` in a loop on one async call chain (never concurrently),
 * `commit` after offsets were committed, `stop` from the runtime when it stops the task (it may
 * arrive while a `poll` is pending: make `poll` return soon after).
 */
export abstract class SourceTask {
  protected context!: SourceTaskContext;

  initialize(context: SourceTaskContext): void {
    this.context = context;
  }

  abstract version(): string;
  abstract start(props: Record<string, string>): void | Promise<void>;
  /** The next batch, or null/[] when there is nothing now (the runtime polls again). */
  abstract poll(): Promise<SourceRecord[] | null>;
  abstract stop(): void | Promise<void>;
  /** Called after the offsets of acknowledged records were committed. */
  commit(): void | Promise<void> {}
  /** Called for each record Kafka acknowledged (metadata null when the record was dropped). */
  commitRecord(_record: SourceRecord, _metadata: { topic: string; partition: number; offset: bigint } | null): void | Promise<void> {}
}

/**
 * A sink task: `start`, `open` for assigned partitions, `put` batches in order, `flush` /
 * `preCommit` before the runtime commits consumer offsets, `close` for revoked partitions,
 * `stop` at the end. Calls never overlap.
 */
export abstract class SinkTask {
  protected context!: SinkTaskContext;

  initialize(context: SinkTaskContext): void {
    this.context = context;
  }

  abstract version(): string;
  abstract start(props: Record<string, string>): void | Promise<void>;
  /** Writes (or buffers) the records. Throw a RetriableException to have the batch redelivered. */
  abstract put(records: SinkRecord[]): Promise<void>;
  abstract stop(): void | Promise<void>;
  /** Makes everything `put` so far durable. */
  flush(_offsets: Map<TopicPartition, bigint>): void | Promise<void> {}
  /** The offsets safe to commit (default: flush, then all of `offsets`). */
  async preCommit(offsets: Map<TopicPartition, bigint>): Promise<Map<TopicPartition, bigint>> {
    await this.flush(offsets);
    return offsets;
  }
  open(_partitions: TopicPartition[]): void | Promise<void> {}
  close(_partitions: TopicPartition[]): void | Promise<void> {}
}
