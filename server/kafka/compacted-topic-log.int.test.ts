/**
 * The internal topics' log (Kafka Connect's KafkaBasedLog) on the real broker: it creates its
 * topic compacted with the given sizing, refuses a topic that is not compacted, reads from the
 * beginning, tails what other clients write, and places keys where Kafka's Java clients do.
 */
import { Kafka, logLevel, Partitioners } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kafkaBrokers, uniqueName } from "@/scripts/test/integration";
import { parseWorkerConfig } from "@/server/config/worker-config";
import { KafkaTopicLogs } from "@/server/kafka/compacted-topic-log";
import { scratchTopics } from "@/server/kafka/testing/scratch-topics";
import type { LogRecord, TopicLog, TopicLogSpec } from "@/server/storage/kafka/topic-log";

let kafka: Kafka;
let topics: ReturnType<typeof scratchTopics>;
let logs: KafkaTopicLogs;
const opened: TopicLog[] = [];
const made: string[] = [];

beforeAll(() => {
  kafka = new Kafka({ clientId: "topic-log-test", brokers: kafkaBrokers().split(","), logLevel: logLevel.NOTHING });
  topics = scratchTopics(kafkaBrokers());
  logs = new KafkaTopicLogs(parseWorkerConfig({ "bootstrap.servers": kafkaBrokers() }, () => "test"));
});

afterAll(async () => {
  await Promise.all(opened.map((log) => log.stop()));
  await topics.dropAll(made);
});

function spec(overrides: Partial<TopicLogSpec> = {}): TopicLogSpec {
  const topic = overrides.topic ?? uniqueName("topic-log");
  made.push(topic);
  return { topic, partitions: 3, replicationFactor: 1, topicConfigs: {}, setting: "status.storage.topic", purpose: "connector and task statuses", clientId: uniqueName("topic-log"), ...overrides };
}

function open(topicSpec: TopicLogSpec): { log: TopicLog; records: LogRecord[] } {
  const log = logs.open(topicSpec);
  opened.push(log);
  return { log, records: [] };
}

async function topicConfig(topic: string): Promise<{ partitions: number; configs: Record<string, string> }> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    const described = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: topic }] });
    const configs = Object.fromEntries(described.resources[0]!.configEntries.map((entry) => [entry.configName, entry.configValue]));
    return { partitions: metadata.topics[0]!.partitions.length, configs };
  } finally {
    await admin.disconnect();
  }
}

const text = (buffer: Buffer | null) => buffer?.toString("utf8") ?? null;

describe("the compacted topic log", () => {
  it("creates a missing topic compacted, with the partitions and topic configs it is given", async () => {
    const topicSpec = spec({ partitions: 4, topicConfigs: { "min.compaction.lag.ms": "60000", "cleanup.policy": "delete" } });
    const { log, records } = open(topicSpec);
    await log.start((record) => records.push(record));
    expect(log.partitionCount()).toBe(4);
    const created = await topicConfig(topicSpec.topic);
    expect(created.partitions).toBe(4);
    expect(created.configs["cleanup.policy"]).toBe("compact");
    expect(created.configs["min.compaction.lag.ms"]).toBe("60000");
    expect(records).toEqual([]);
  });

  it("refuses an existing topic that is not compacted, naming the topic, the setting and the policy", async () => {
    const topic = await topics.create(uniqueName("topic-log-delete"), { configs: { "cleanup.policy": "delete" } });
    const { log } = open(spec({ topic, setting: "config.storage.topic" }));
    const started = log.start(() => undefined);
    await expect(started).rejects.toMatchObject({ code: "config.invalid_value" });
    await expect(started).rejects.toThrow(new RegExp(`Topic '${topic}' named by config.storage.topic has cleanup.policy=delete, but it must be cleanup.policy=compact`));
  });

  it("reads an existing compacted topic from the beginning, then tails what others write, each partition in order", async () => {
    const topic = await topics.create(uniqueName("topic-log-existing"), { partitions: 2, configs: { "cleanup.policy": "compact" } });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic, messages: [0, 1, 2].map((n) => ({ key: `before-${n}`, value: `v${n}`, partition: n % 2 })) });
    const { log, records } = open(spec({ topic }));
    await log.start((record) => records.push(record));
    expect(records.map((r) => text(r.key)).sort()).toEqual(["before-0", "before-1", "before-2"]);

    await producer.send({ topic, messages: [3, 4, 5, 6].map((n) => ({ key: `after-${n}`, value: n === 6 ? null : `v${n}`, partition: n % 2 })) });
    await producer.disconnect();
    await log.readToEnd();
    expect(records).toHaveLength(7);
    for (const partition of [0, 1]) {
      const offsets = records.filter((r) => r.partition === partition).map((r) => r.offset);
      expect(offsets).toEqual([...offsets].sort((a, b) => (a < b ? -1 : 1)));
    }
    expect(records.find((r) => text(r.key) === "after-6")!.value).toBeNull();
  });

  it("writes records and tombstones that read back, each key in the partition Kafka's Java clients choose", async () => {
    const topicSpec = spec({ partitions: 5 });
    const { log, records } = open(topicSpec);
    await log.start((record) => records.push(record));
    const keys = ["status-connector-orders", "status-task-orders-0", "status-task-orders-1", "connector-with-ünïcödé"];
    await log.send(keys.map((key) => ({ key: Buffer.from(key), value: Buffer.from(`{"k":"${key}"}`) })));
    await log.send([{ key: Buffer.from(keys[0]!), value: null }]);
    await log.readToEnd();
    expect(records.map((r) => [text(r.key), text(r.value)])).toEqual(expect.arrayContaining([...keys.map((key) => [key, `{"k":"${key}"}`]), [keys[0], null]]));

    // Kafka's Java-compatible partitioner (kafkajs' DefaultPartitioner) places the same keys alike.
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({ topic: topicSpec.topic, acks: -1, messages: keys.map((key) => ({ key, value: "java" })) });
    await producer.disconnect();
    await log.readToEnd();
    for (const key of keys) {
      const ofKey = records.filter((r) => text(r.key) === key);
      expect(ofKey.map((r) => text(r.value))).toContain("java");
      expect(new Set(ofKey.map((r) => r.partition)).size, key).toBe(1);
    }
  });

  it("fails readToEnd and send once stopped", async () => {
    const { log } = open(spec({ partitions: 1 }));
    await log.start(() => undefined);
    await log.stop();
    await expect(log.readToEnd()).rejects.toMatchObject({ code: "kafka.log_stopped" });
    await expect(log.send([{ key: Buffer.from("k"), value: null }])).rejects.toMatchObject({ code: "kafka.log_stopped" });
  });
});
