import { TributaryError } from "@/server/errors/tributary-error";
import type { OffsetMap } from "@/server/plugins/api/offsets";
import type { SourceRecord } from "@/server/plugins/api/records";
import type { SourceTask } from "@/server/plugins/api/task";
import type { OutgoingRecord, RecordProducer } from "@/server/runtime/ports";
import { toOutgoing, type TaskConverters } from "@/server/runtime/worker/record-converters";
import { WorkerTask, type TaskId, type TaskStatusListener } from "@/server/runtime/worker/worker-task";
import type { TargetState } from "@/server/storage/contracts/config-store";
import { partitionKey, type OffsetStore } from "@/server/storage/contracts/offset-store";

/** Everything a source task loop runs with; the Worker builds it. */
export interface SourceTaskSetup {
  task: SourceTask;
  taskConfig: Record<string, string>;
  converters: TaskConverters;
  producer: RecordProducer;
  offsets: OffsetStore;
  /** How often acknowledged offsets are committed (`offset.flush.interval.ms`). */
  offsetFlushIntervalMs: number;
  /** Called with each topic a record was successfully sent to (topic tracking). */
  onTopicUsed: (topic: string) => void;
  /** Creates a topic if the connector's topic creation rules cover it; called once per new topic. */
  ensureTopic?: (topic: string) => Promise<void>;
}

const RETRY_SEND_MS = 100;

/**
 * Kafka Connect's WorkerSourceTask: poll → convert → produce (one batch per poll, acks=all) →
 * remember each record's source offset once acknowledged → commit remembered offsets to the
 * offset store every `offset.flush.interval.ms` and when the task stops.
 *
 * Invariant: a source offset is written to the offset store only after Kafka acknowledged the
 * record it belongs to and every record polled before it.
 */
export class WorkerSourceTask extends WorkerTask {
  private readonly acked = new Map<string, { partition: OffsetMap; offset: OffsetMap }>();
  private readonly knownTopics = new Set<string>();
  private lastCommit = Date.now();

  constructor(
    id: TaskId,
    initialState: TargetState,
    onStatus: TaskStatusListener,
    private readonly setup: SourceTaskSetup,
  ) {
    super(id, initialState, onStatus);
  }

  protected async execute(): Promise<void> {
    const { task } = this.setup;
    try {
      await task.start(this.setup.taskConfig);
      this.reportStarted();
      while (!this.stopping) {
        if (this.targetState === "PAUSED") {
          await this.commitOffsets();
          await this.waitForResume();
          continue;
        }
        const records = await task.poll();
        if (this.stopping) break;
        if (records && records.length > 0) await this.send(records);
        if (Date.now() - this.lastCommit >= this.setup.offsetFlushIntervalMs) await this.commitOffsets();
      }
    } finally {
      await this.shutdown();
    }
  }

  protected onStopRequested(): void {
    void Promise.resolve(this.setup.task.stop()).catch((error: unknown) => this.log.warn({ err: String(error) }, "source task stop failed"));
  }

  private async send(records: SourceRecord[]): Promise<void> {
    const outgoing: OutgoingRecord[] = records.map((record) => toOutgoing(record, this.setup.converters));
    for (const record of outgoing) {
      if (this.knownTopics.has(record.topic)) continue;
      await this.setup.ensureTopic?.(record.topic);
      this.knownTopics.add(record.topic);
    }
    let metadata;
    for (;;) {
      try {
        metadata = await this.setup.producer.send(outgoing);
        break;
      } catch (error) {
        if (!(error instanceof TributaryError && error.retriable) || this.stopping) throw error;
        this.log.warn({ err: error.message }, "retriable produce failure, resending the batch");
        await this.sleep(RETRY_SEND_MS);
      }
    }
    let lastPartition: OffsetMap | null = null;
    let lastKey = "";
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      if (record.sourcePartition && record.sourceOffset) {
        if (record.sourcePartition !== lastPartition) {
          lastPartition = record.sourcePartition;
          lastKey = partitionKey(lastPartition);
        }
        this.acked.set(lastKey, { partition: record.sourcePartition, offset: record.sourceOffset });
      }
      await this.setup.task.commitRecord(record, metadata[i]!.partition >= 0 ? metadata[i]! : null);
    }
    for (const topic of new Set(records.map((record) => record.topic))) this.setup.onTopicUsed(topic);
  }

  /** Writes the acknowledged offsets (one atomic batch), then tells the task. */
  private async commitOffsets(): Promise<void> {
    this.lastCommit = Date.now();
    if (this.acked.size === 0) return;
    const entries = [...this.acked.values()];
    this.acked.clear();
    await this.setup.offsets.write(this.id.connector, entries);
    await this.setup.task.commit();
  }

  private async shutdown(): Promise<void> {
    try {
      await this.commitOffsets();
    } finally {
      await this.setup.producer.close().catch(() => undefined);
      for (const converter of [this.setup.converters.key, this.setup.converters.value, this.setup.converters.header]) converter.close?.();
    }
  }
}
