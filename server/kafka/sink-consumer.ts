import type { Consumer, EachBatchPayload, Kafka } from "kafkajs";
import { TributaryError } from "@/server/errors/tributary-error";
import { kafkaCall } from "@/server/kafka/errors";
import { toIncomingRecord } from "@/server/kafka/incoming-record";
import type { ConsumerListener, KafkaTopicPartition, SinkConsumer } from "@/server/runtime/ports";

const SUBSCRIBE_ATTEMPTS = 60;
const SUBSCRIBE_RETRY_MS = 500;

/**
 * A sink task's consumer-group member on kafkajs: `auto.offset.reset=earliest`, no auto-commit,
 * topics auto-created on subscribe when the broker allows it (the Java consumer's default),
 * batches delivered to the listener one at a time (kafkajs' eachBatch, one partition at a
 * time), assignments reported from kafkajs' group-join event. Offsets are committed only by
 * `commit`, so after a crash or rebalance records are redelivered, never skipped.
 */
export class KafkajsSinkConsumer implements SinkConsumer {
  private readonly consumer: Consumer;

  constructor(
    kafka: Kafka,
    private readonly options: { groupId: string; topics: string[] | RegExp; sessionTimeoutMs?: number; maxWaitMs?: number },
  ) {
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeoutMs ?? 45_000,
      heartbeatInterval: 3_000,
      maxWaitTimeInMs: options.maxWaitMs ?? 500,
      allowAutoTopicCreation: true,
    });
  }

  async start(listener: ConsumerListener): Promise<void> {
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => {
      const partitions = Object.entries(payload.memberAssignment).flatMap(([topic, ids]) => ids.map((partition) => ({ topic, partition })));
      void listener.onAssignment(partitions);
    });
    await kafkaCall(() => this.consumer.connect());
    const topics = this.options.topics;
    // A topic being auto-created answers "unknown topic" for a moment: retry, as the Java consumer waits.
    for (let attempt = 1; ; attempt++) {
      try {
        await kafkaCall(() => this.consumer.subscribe({ topics: Array.isArray(topics) ? topics : [topics], fromBeginning: true }));
        break;
      } catch (error) {
        if (!(error instanceof TributaryError && error.retriable) || attempt >= SUBSCRIBE_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_RETRY_MS));
      }
    }
    await kafkaCall(() =>
      this.consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: true,
        eachBatch: async ({ batch }: EachBatchPayload) => {
          if (batch.messages.length === 0) return;
          await listener.onBatch(batch.messages.map((message) => toIncomingRecord(batch.topic, batch.partition, message)), BigInt(batch.highWatermark));
        },
      }),
    );
  }

  async commit(offsets: Array<KafkaTopicPartition & { offset: bigint }>): Promise<void> {
    if (offsets.length === 0) return;
    await kafkaCall(() => this.consumer.commitOffsets(offsets.map(({ topic, partition, offset }) => ({ topic, partition, offset: offset.toString() }))));
  }

  pause(partitions: KafkaTopicPartition[]): void {
    this.consumer.pause(groupByTopic(partitions));
  }

  resume(partitions: KafkaTopicPartition[]): void {
    this.consumer.resume(groupByTopic(partitions));
  }

  seek(partition: KafkaTopicPartition, offset: bigint): void {
    this.consumer.seek({ ...partition, offset: offset.toString() });
  }

  async close(): Promise<void> {
    await this.consumer.disconnect();
  }
}

function groupByTopic(partitions: KafkaTopicPartition[]): Array<{ topic: string; partitions: number[] }> {
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of partitions) byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
  return [...byTopic].map(([topic, ids]) => ({ topic, partitions: ids }));
}
