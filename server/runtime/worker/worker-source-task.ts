import { messageOf, TributaryError } from "@/server/errors/tributary-error";
import type { OffsetMap } from "@/server/plugins/api/offsets";
import type { SourceRecord } from "@/server/plugins/api/records";
import type { SourceTask } from "@/server/plugins/api/task";
import { ProcessingContext } from "@/server/runtime/errors/processing-context";
import type { RetryWithToleranceOperator } from "@/server/runtime/errors/retry-with-tolerance-operator";
import type { SourceTaskMetrics } from "@/server/runtime/metrics/task-metrics";
import type { OutgoingRecord, RecordMetadata, RecordProducer } from "@/server/runtime/ports";
import type { TransformationChain } from "@/server/runtime/transforms/transformation-chain";
import { IdlePollBackoff } from "@/server/runtime/worker/idle-poll-backoff";
import { toOutgoing, type TaskConverters } from "@/server/runtime/worker/record-converters";
import { WorkerTask, type TaskErrorHandling, type TaskId, type TaskStatusListener } from "@/server/runtime/worker/worker-task";
import type { TargetState } from "@/server/storage/contracts/config-store";
import { partitionKey, type OffsetStore } from "@/server/storage/contracts/offset-store";

/** Everything a source task loop runs with; the Worker builds it. */
export interface SourceTaskSetup {
  task: SourceTask;
  taskConfig: Record<string, string>;
  converters: TaskConverters;
  transforms: TransformationChain<SourceRecord>;
  errors: TaskErrorHandling;
  producer: RecordProducer;
  offsets: OffsetStore;
  /** How often acknowledged offsets are committed (`offset.flush.interval.ms`). */
  offsetFlushIntervalMs: number;
  /** Called with each topic a record was successfully sent to (topic tracking). */
  onTopicUsed: (topic: string) => void;
  /** Creates a topic if the connector's topic creation rules cover it; called once per new topic. */
  ensureTopic?: (topic: string) => Promise<void>;
  metrics: SourceTaskMetrics;
}

const RETRY_SEND_MS = 100;
/** The class Kafka Connect names for the KAFKA_PRODUCE stage. */
const PRODUCER_CLASS = "org.apache.kafka.clients.producer.KafkaProducer";

/**
 * Kafka Connect's WorkerSourceTask: poll → transform → convert → produce (one batch per poll,
 * acks=all) → remember each record's source offset once acknowledged → commit remembered offsets
 * to the offset store every `offset.flush.interval.ms` and when the task stops. One batch is on
 * the wire while the next is polled and converted: a batch is sent only once the one before it
 * was acknowledged and recorded, so batches reach Kafka in poll order and a resent batch never
 * overtakes a later one. Transforms and
 * converters run under the error operator; a record they drop or fail (tolerated) is not sent,
 * its own offset is not committed, and `commitRecord(record, null)` tells the task. A retriable
 * poll failure polls again. A poll that returns nothing is followed by the IdlePollBackoff's
 * wait, so a task whose poll does not block cannot starve the process. With
 * `errors.tolerance=all` a batch Kafka refused for good is reported and skipped, and its offsets
 * are committed (as Kafka Connect does).
 *
 * Invariant: a source offset is written to the offset store only after Kafka acknowledged the
 * record it belongs to and every record polled before it, or after that record failed, was
 * tolerated and is in the dead letter queue.
 */
export class WorkerSourceTask extends WorkerTask {
  private readonly acked = new Map<string, { partition: OffsetMap; offset: OffsetMap }>();
  private readonly knownTopics = new Set<string>();
  /** The latest offset commit (they never overlap): the periodic one, or the one at a pause or stop. */
  private committing: Promise<void> = Promise.resolve();
  private commitTimer: NodeJS.Timeout | undefined;
  private readonly operator: RetryWithToleranceOperator;
  private readonly processing = new ProcessingContext();
  /** The context of produce failures: the batch on the wire fails while the next one is being converted. */
  private readonly producing = new ProcessingContext();
  /** The batch on the wire: settles once its acknowledgement is recorded; rejects when the task must fail. */
  private inFlight: Promise<void> | null = null;
  private readonly idle = new IdlePollBackoff();

  constructor(
    id: TaskId,
    initialState: TargetState,
    onStatus: TaskStatusListener,
    private readonly setup: SourceTaskSetup,
  ) {
    super(id, initialState, onStatus);
    this.operator = this.createOperator(setup.errors);
  }

  protected async execute(): Promise<void> {
    const { task } = this.setup;
    try {
      await this.operator.start();
      await task.start(this.setup.taskConfig);
      this.reportStarted();
      // As Kafka Connect's offset committer: on its own schedule, so a poll that waits for data does not hold acknowledged offsets back.
      this.commitTimer = setInterval(() => void this.commitOffsets().catch((error: unknown) => this.fail(error)), this.setup.offsetFlushIntervalMs);
      while (!this.stopping) {
        if (this.targetState === "PAUSED") {
          await this.awaitInFlight();
          await this.commitOffsets();
          await this.waitForResume();
          continue;
        }
        const pollStarted = Date.now();
        const records = await this.poll();
        const polled = records?.length ?? 0;
        const pollMs = Date.now() - pollStarted;
        if (polled > 0) this.setup.metrics.recordPoll(polled, pollMs, records![polled - 1]!.timestamp);
        if (this.stopping) break;
        const idleWait = this.idle.afterPoll(polled, pollMs);
        if (polled > 0) await this.dispatch(records!);
        else if (idleWait > 0) await this.sleep(idleWait);
      }
      await this.awaitInFlight();
    } finally {
      await this.shutdown();
    }
  }

  protected onStopRequested(): void {
    void Promise.resolve(this.setup.task.stop()).catch((error: unknown) => this.log.warn({ err: String(error) }, "source task stop failed"));
  }

  /** `poll`; a RetriableException polls again (after the idle backoff), anything else fails the task. */
  private async poll(): Promise<SourceRecord[] | null> {
    try {
      return await this.setup.task.poll();
    } catch (error) {
      if (!(error instanceof TributaryError && error.retriable) || this.stopping) throw error;
      this.log.warn({ err: error.message }, "retriable poll failure, polling again");
      return null;
    }
  }

  /** Converts `records`, waits until the batch before them is acknowledged and recorded, then puts them on the wire. */
  private async dispatch(records: SourceRecord[]): Promise<void> {
    const { outgoing, sent } = await this.transformAndConvert(records);
    await this.operator.flush();
    await this.awaitInFlight();
    for (const record of outgoing) {
      if (this.knownTopics.has(record.topic)) continue;
      await this.setup.ensureTopic?.(record.topic);
      this.knownTopics.add(record.topic);
    }
    const delivery = this.deliver(records.length, outgoing, sent);
    // A batch that fails the task fails it now, not when the next batch would wait for it.
    delivery.catch((error: unknown) => {
      if (!this.stopping) this.fail(error);
    });
    this.inFlight = delivery;
  }

  /** Waits for the batch on the wire, if any; rethrows what failed it. */
  private async awaitInFlight(): Promise<void> {
    const delivery = this.inFlight;
    this.inFlight = null;
    await delivery;
  }

  /** Produces one converted batch, then records each record's source offset and tells the task where it was written. */
  private async deliver(polled: number, outgoing: OutgoingRecord[], sent: SourceRecord[]): Promise<void> {
    const metadata = outgoing.length > 0 ? await this.produce(outgoing, sent) : [];
    let lastPartition: OffsetMap | null = null;
    let lastKey = "";
    for (let i = 0; i < sent.length; i++) {
      const record = sent[i]!;
      if (record.sourcePartition && record.sourceOffset) {
        if (record.sourcePartition !== lastPartition) {
          lastPartition = record.sourcePartition;
          lastKey = partitionKey(lastPartition);
        }
        this.acked.set(lastKey, { partition: record.sourcePartition, offset: record.sourceOffset });
      }
      const written = metadata[i];
      await this.setup.task.commitRecord(record, written && written.partition >= 0 ? written : null);
    }
    this.setup.metrics.recordWrite(polled, polled - sent.length);
    for (const topic of new Set(outgoing.map((record) => record.topic))) this.setup.onTopicUsed(topic);
  }

  /**
   * The records to send, each beside the record the task polled. A record dropped by a transform
   * or failed and tolerated is left out; the task hears of it through `commitRecord(record, null)`.
   */
  private async transformAndConvert(records: SourceRecord[]): Promise<{ outgoing: OutgoingRecord[]; sent: SourceRecord[] }> {
    const { converters, transforms } = this.setup;
    const outgoing: OutgoingRecord[] = [];
    const sent: SourceRecord[] = [];
    for (const record of records) {
      const context = this.processing.reset(null, record);
      let transformed = transforms.isEmpty ? record : transforms.apply(context, this.operator, record);
      if (transformed instanceof Promise) transformed = await transformed;
      let converted = transformed === null ? null : toOutgoing(context, this.operator, transformed, converters);
      if (converted instanceof Promise) converted = await converted;
      if (converted === null) {
        await this.setup.task.commitRecord(record, null);
        continue;
      }
      outgoing.push(converted);
      sent.push(record);
    }
    return { outgoing, sent };
  }

  /**
   * Sends one batch, resending it after a retriable failure until it goes or the task stops. A
   * batch refused for good is a KAFKA_PRODUCE failure of each of its records: tolerated ones are
   * reported and count as written (no metadata), otherwise the task fails.
   */
  private async produce(outgoing: OutgoingRecord[], sent: SourceRecord[]): Promise<Array<RecordMetadata | undefined>> {
    for (;;) {
      try {
        return await this.setup.producer.send(outgoing);
      } catch (error) {
        if (error instanceof TributaryError && error.retriable && !this.stopping) {
          this.log.warn({ err: error.message }, "retriable produce failure, resending the batch");
          await this.sleep(RETRY_SEND_MS);
          continue;
        }
        if (this.stopping) throw error;
        for (const record of sent) this.operator.executeFailed(this.producing.reset(null, record), "KAFKA_PRODUCE", PRODUCER_CLASS, error);
        await this.operator.flush();
        return [];
      }
    }
  }

  /** Writes the acknowledged offsets (one atomic batch), then tells the task; after any commit still running. */
  private commitOffsets(): Promise<void> {
    const commit = this.committing.catch(() => undefined).then(() => this.writeOffsets());
    this.committing = commit;
    return commit;
  }

  /**
   * A failed write is not fatal, as in Kafka Connect (the offsets topic may be briefly out of
   * reach, a broker restarting): it is counted and logged, and its offsets are written with the
   * next commit unless newer ones for their partitions came meanwhile.
   */
  private async writeOffsets(): Promise<void> {
    await this.operator.flush();
    if (this.acked.size === 0) return;
    const pending = [...this.acked];
    this.acked.clear();
    const started = Date.now();
    try {
      await this.setup.offsets.write(this.id.connector, pending.map(([, entry]) => entry));
    } catch (error) {
      this.setup.metrics.recordCommit(false, Date.now() - started);
      for (const [key, entry] of pending) if (!this.acked.has(key)) this.acked.set(key, entry);
      this.log.warn({ err: messageOf(error) }, "could not commit source offsets; they go with the next commit");
      return;
    }
    this.setup.metrics.recordCommit(true, Date.now() - started);
    await Promise.resolve(this.setup.task.commit()).catch((error: unknown) => this.log.warn({ err: messageOf(error) }, "the task's commit() failed"));
  }

  private async shutdown(): Promise<void> {
    clearInterval(this.commitTimer);
    try {
      await this.commitOffsets();
    } finally {
      await this.setup.producer.close().catch(() => undefined);
      await this.operator.close();
      this.setup.transforms.close();
      for (const converter of [this.setup.converters.key, this.setup.converters.value, this.setup.converters.header]) converter.close?.();
    }
  }
}
