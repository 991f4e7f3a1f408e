import { Admin, Consumer, type BaseOptions } from "@platformatic/kafka";
import type { WorkerConfig } from "@/server/config/worker-config";
import { TributaryError } from "@/server/errors/tributary-error";
import { connectionSettings, layeredClientSettings } from "@/server/kafka/connection-settings";
import { kafkaCall, translateKafkaError } from "@/server/kafka/errors";
import { ensureCompactedTopic } from "@/server/kafka/internal-topic";
import { PartitionFetcher, type FetchPosition } from "@/server/kafka/partition-fetcher";
import { platformaticOptions } from "@/server/kafka/platformatic-options";
import { PlatformaticRecordProducer } from "@/server/kafka/record-producer";
import { getLogger } from "@/server/logging/logger";
import type { LogRecord, LogWrite, TopicLog, TopicLogOpener, TopicLogSpec } from "@/server/storage/kafka/topic-log";

/** How long `start` waits for the topic's partitions to appear in the metadata (Kafka Connect waits 30 s). */
const PARTITIONS_TIMEOUT_MS = 30_000;
const IDLE_MS = 100;
const MAX_BACKOFF_MS = 5_000;
/** The Java consumer's fetch defaults: a fetch waits up to 500 ms for the first new byte. */
const FETCH = { maxWaitMs: 500, minBytes: 1, maxBytes: 52_428_800, partitionMaxBytes: 1_048_576, readCommitted: false };

const log = getLogger("tributary.kafka.topic-log");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Waiter {
  ends: bigint[];
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Kafka Connect's KafkaBasedLog on @platformatic/kafka: an internal topic created or checked by
 * ensureCompactedTopic, read from the beginning of every partition by a PartitionFetcher (no
 * consumer group: the consumer never joins one) and tailed by one loop, written by the
 * idempotent acks=all PlatformaticRecordProducer with Java's key partitioning. The TopicLog
 * contract states the guarantees.
 *
 * `readToEnd` compares the end offsets it asked for with `delivered`: the positions up to which
 * records were handed to `onRecord`, moved only after a fetch's records were all delivered (the
 * fetcher moves its own positions as an answer arrives, before delivery).
 */
export class CompactedTopicLog implements TopicLog {
  private readonly consumer: Consumer;
  /** Asks for end offsets on connections of its own: a broker answers a connection's requests in order, so one queued behind the tail's long-polling fetch would wait for it. */
  private readonly admin: Admin;
  private readonly producer: PlatformaticRecordProducer;
  private readonly fetcher: PartitionFetcher;
  private positions: FetchPosition[] = [];
  private delivered: bigint[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly sending = new Set<Promise<unknown>>();
  private onRecord: (record: LogRecord) => void = () => undefined;
  private tailing: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly spec: TopicLogSpec,
    connection: BaseOptions,
  ) {
    this.consumer = new Consumer({ ...connection, groupId: spec.clientId, retries: 3 });
    this.admin = new Admin({ ...connection, retries: 3 });
    this.producer = new PlatformaticRecordProducer({ connection, compression: "none" });
    this.fetcher = new PartitionFetcher(this.consumer, FETCH, () => !this.stopped);
  }

  async start(onRecord: (record: LogRecord) => void): Promise<void> {
    this.onRecord = onRecord;
    await ensureCompactedTopic(this.admin, this.spec);
    const partitions = await this.partitionsOfTopic();
    this.consumer.topics.trackAll(this.spec.topic);
    this.positions = Array.from({ length: partitions }, (_, partition) => ({ topic: this.spec.topic, partition, next: null, epoch: 0, paused: false }));
    this.delivered = this.positions.map(() => -1n);
    await Promise.all(this.positions.map((position) => this.fetcher.resetToEarliest(position)));
    this.tailing = this.tail();
    await this.readToEnd();
  }

  partitionCount(): number {
    return this.positions.length;
  }

  async readToEnd(): Promise<void> {
    if (this.stopped) throw this.stoppedError();
    await Promise.allSettled([...this.sending]);
    const partitions = this.positions.map(({ partition }) => ({ partitionIndex: partition, timestamp: -1n }));
    const listed = await kafkaCall(() => this.admin.listOffsets({ topics: [{ name: this.spec.topic, partitions }], isolationLevel: 0 }));
    const ends = this.positions.map(() => 0n);
    for (const { partitionIndex, offset } of listed[0]?.partitions ?? []) ends[partitionIndex] = offset;
    if (this.reached(ends)) return;
    await new Promise<void>((resolve, reject) => this.waiters.add({ ends, resolve, reject }));
  }

  async send(records: readonly LogWrite[]): Promise<void> {
    if (this.stopped) throw this.stoppedError();
    if (records.length === 0) return;
    const outgoing = records.map(({ key, value }) => ({ topic: this.spec.topic, partition: null, key, value, headers: [], timestamp: null }));
    const sent = this.producer.send(outgoing);
    this.sending.add(sent);
    try {
      await sent;
    } finally {
      this.sending.delete(sent);
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const waiter of this.waiters) waiter.reject(this.stoppedError());
    this.waiters.clear();
    await this.tailing?.catch(() => undefined);
    await Promise.allSettled([this.producer.close(), this.consumer.close(), this.admin.close()]);
  }

  /** The topic's partition count, waiting for a topic just created to show in the metadata. */
  private async partitionsOfTopic(): Promise<number> {
    const deadline = Date.now() + PARTITIONS_TIMEOUT_MS;
    for (;;) {
      const metadata = await kafkaCall(() => this.consumer.metadata({ topics: [this.spec.topic], forceUpdate: true })).catch(() => undefined);
      const count = metadata?.topics.get(this.spec.topic)?.partitionsCount ?? 0;
      if (count > 0) return count;
      if (Date.now() > deadline) {
        throw new TributaryError("kafka.unknown_topic_or_partition", `Could not find the partitions of topic '${this.spec.topic}' (${this.spec.setting}) within ${PARTITIONS_TIMEOUT_MS} ms`, {
          retriable: true,
        });
      }
      await sleep(IDLE_MS);
    }
  }

  /** Fetches and delivers until stopped; failures are retried with back-off, and a non-retriable one also fails the pending `readToEnd` calls. */
  private async tail(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      this.markDelivered();
      try {
        const fetched = await this.fetcher.fetch(this.positions);
        if (this.stopped) return;
        if (fetched === null) {
          await sleep(IDLE_MS);
          continue;
        }
        for (const batch of fetched) for (const record of batch.records) this.deliver(record);
        failures = 0;
      } catch (error) {
        if (this.stopped) return;
        const failure = translateKafkaError(error);
        if (!failure.retriable) this.failWaiters(failure);
        failures++;
        log.warn({ topic: this.spec.topic, err: failure.message }, "reading the internal topic failed; retrying");
        await sleep(Math.min(IDLE_MS * 2 ** failures, MAX_BACKOFF_MS));
      }
    }
  }

  private deliver(record: LogRecord): void {
    try {
      this.onRecord({ partition: record.partition, offset: record.offset, key: record.key, value: record.value });
    } catch (error) {
      log.error({ topic: this.spec.topic, partition: record.partition, offset: record.offset.toString(), err: error }, "a record of the internal topic could not be applied; skipped");
    }
  }

  /**
   * Moves `delivered` to the fetcher's positions and resolves the waiters whose end offsets are
   * reached. Invariant: called only when no fetched record awaits delivery (never between a
   * fetch's answer and the delivery of its records), so `readToEnd` cannot resolve before
   * `onRecord` saw every record below its end offsets.
   */
  private markDelivered(): void {
    for (const position of this.positions) if (position.next !== null) this.delivered[position.partition] = position.next;
    for (const waiter of this.waiters) {
      if (!this.reached(waiter.ends)) continue;
      this.waiters.delete(waiter);
      waiter.resolve();
    }
  }

  private reached(ends: bigint[]): boolean {
    return ends.every((end, partition) => this.delivered[partition]! >= end);
  }

  private failWaiters(error: Error): void {
    for (const waiter of this.waiters) waiter.reject(error);
    this.waiters.clear();
  }

  private stoppedError(): TributaryError {
    return new TributaryError("kafka.log_stopped", `The log of topic '${this.spec.topic}' is stopped`);
  }
}

/**
 * Opens the internal topics' logs with the worker's connection settings (its top-level keys, not
 * `producer.*`/`consumer.*`, as Kafka Connect's internal clients use them). Passed by the
 * composition root to createKafkaStores.
 */
export class KafkaTopicLogs implements TopicLogOpener {
  constructor(private readonly worker: WorkerConfig) {}

  open(spec: TopicLogSpec): TopicLog {
    const settings = layeredClientSettings(this.worker);
    delete settings["client.id"];
    return new CompactedTopicLog(spec, platformaticOptions(connectionSettings(settings, spec.clientId)));
  }
}
