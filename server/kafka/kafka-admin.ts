import { Admin as PlatformaticAdmin, type BaseOptions } from "@platformatic/kafka";
import type { Admin, Kafka } from "kafkajs";
import { kafkaCall, translateKafkaError } from "@/server/kafka/errors";
import type { KafkaAdmin, KafkaTopicPartition } from "@/server/runtime/ports";

/**
 * The runtime's admin operations, connected lazily and shared: kafkajs' admin client, which does
 * all of them but one; deleting single partitions' committed offsets (Kafka's OffsetDelete, which
 * kafkajs lacks) goes through a @platformatic/kafka admin client made on first use.
 */
export class KafkajsAdmin implements KafkaAdmin {
  private readonly admin: Admin;
  private connected: Promise<void> | undefined;
  private offsetDeleter: PlatformaticAdmin | undefined;

  /** `connection` is the same connection's options for @platformatic/kafka. */
  constructor(
    kafka: Kafka,
    private readonly connection: BaseOptions,
  ) {
    this.admin = kafka.admin();
  }

  async createTopics(topics: Array<{ name: string; partitions: number; replicationFactor: number; configs?: Record<string, string> }>): Promise<string[]> {
    const admin = await this.ready();
    const existing = new Set(await kafkaCall(() => admin.listTopics()));
    const missing = topics.filter((topic) => !existing.has(topic.name));
    if (missing.length === 0) return [];
    await kafkaCall(() =>
      admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic: topic.name,
          numPartitions: topic.partitions,
          replicationFactor: topic.replicationFactor,
          configEntries: Object.entries(topic.configs ?? {}).map(([name, value]) => ({ name, value })),
        })),
      }),
    );
    return missing.map((topic) => topic.name);
  }

  async groupOffsets(groupId: string): Promise<Array<KafkaTopicPartition & { offset: bigint }>> {
    const admin = await this.ready();
    const topics = await kafkaCall(() => admin.fetchOffsets({ groupId }));
    return topics.flatMap(({ topic, partitions }) =>
      partitions.filter((p) => p.offset !== "-1").map((p) => ({ topic, partition: p.partition, offset: BigInt(p.offset) })),
    );
  }

  async alterGroupOffsets(groupId: string, offsets: Array<KafkaTopicPartition & { offset: bigint | null }>): Promise<void> {
    const byTopic = new Map<string, Array<{ partition: number; offset: string }>>();
    const deletions = new Map<string, number[]>();
    for (const { topic, partition, offset } of offsets) {
      if (offset === null) deletions.set(topic, [...(deletions.get(topic) ?? []), partition]);
      else byTopic.set(topic, [...(byTopic.get(topic) ?? []), { partition, offset: offset.toString() }]);
    }
    if (byTopic.size > 0) {
      const admin = await this.ready();
      for (const [topic, partitions] of byTopic) await kafkaCall(() => admin.setOffsets({ groupId, topic, partitions }));
    }
    if (deletions.size > 0) {
      this.offsetDeleter ??= new PlatformaticAdmin({ ...this.connection, retries: 3 });
      const deleter = this.offsetDeleter;
      const topics = [...deletions].map(([name, partitionIndexes]) => ({ name, partitionIndexes }));
      await kafkaCall(() => deleter.deleteConsumerGroupOffsets({ groupId, topics }));
    }
  }

  async deleteGroup(groupId: string): Promise<void> {
    const admin = await this.ready();
    try {
      await admin.deleteGroups([groupId]);
    } catch (error) {
      const groups = (error as { groups?: Array<{ error?: { type?: string } }> }).groups;
      if (groups?.every((group) => group.error?.type === "GROUP_ID_NOT_FOUND")) return;
      throw translateKafkaError(error);
    }
  }

  async endOffsets(topics: string[]): Promise<Array<KafkaTopicPartition & { offset: bigint }>> {
    const admin = await this.ready();
    const result: Array<KafkaTopicPartition & { offset: bigint }> = [];
    for (const topic of topics) {
      for (const p of await kafkaCall(() => admin.fetchTopicOffsets(topic))) result.push({ topic, partition: p.partition, offset: BigInt(p.high) });
    }
    return result;
  }

  async close(): Promise<void> {
    if (this.connected) await this.admin.disconnect();
    this.connected = undefined;
    await this.offsetDeleter?.close().catch(() => undefined);
    this.offsetDeleter = undefined;
  }

  private async ready(): Promise<Admin> {
    this.connected ??= kafkaCall(() => this.admin.connect()).catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    await this.connected;
    return this.admin;
  }
}
