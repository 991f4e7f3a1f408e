/**
 * Proves kafkajs works against the Kafka version pinned in scripts/kafka/pom.xml: everything the
 * runtime relies on, on the real broker. If a Kafka upgrade removes a protocol version kafkajs
 * needs, this file fails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Kafka, logLevel, Partitioners, type Admin, type Consumer, type EachMessagePayload } from "kafkajs";
import { eventually, freePort, kafkaBrokers, uniqueName } from "@/scripts/test/integration";
import { parseWorkerConfig } from "@/server/config/worker-config";
import { KafkaCluster } from "@/server/kafka/kafka-cluster";
import { KafkaError } from "@/server/kafka/errors";

let kafka: Kafka;
let admin: Admin;
const topics: string[] = [];

async function createTopic(partitions = 1, configEntries: { name: string; value: string }[] = []): Promise<string> {
  const topic = uniqueName("compat");
  topics.push(topic);
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions, configEntries }], waitForLeaders: true });
  return topic;
}

/** Consumes `topic` from the beginning until `until` says stop; returns the values seen. */
async function consumeAll(consumer: Consumer, topic: string, until: (values: string[]) => boolean): Promise<string[]> {
  const values: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }: EachMessagePayload) => void values.push(message.value!.toString()) });
  await eventually(() => (until(values) ? true : undefined), 60_000, `records of ${topic}`);
  await consumer.disconnect();
  return values;
}

beforeAll(async () => {
  kafka = new Kafka({ clientId: "compat-test", brokers: kafkaBrokers().split(","), logLevel: logLevel.NOTHING });
  admin = kafka.admin();
  await admin.connect();
});

afterAll(async () => {
  await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.disconnect();
});

describe("kafkajs against the pinned Kafka broker", () => {
  it("produces in batches and consumes every record intact, in order per partition", async () => {
    const topic = await createTopic(3);
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const sent = Array.from({ length: 300 }, (_, i) => ({ key: `k${i % 7}`, value: `value-${i}-é✓` }));
    await producer.sendBatch({ topicMessages: [{ topic, messages: sent }], acks: -1 });
    await producer.disconnect();

    const received: { key: string; value: string; partition: number }[] = [];
    const consumer = kafka.consumer({ groupId: uniqueName("compat-consume"), maxWaitTimeInMs: 200 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message, partition }) => void received.push({ key: message.key!.toString(), value: message.value!.toString(), partition }),
    });
    await eventually(() => (received.length >= 300 ? true : undefined), 60_000, "300 records");
    await consumer.disconnect();

    expect(received.map((r) => r.value).sort()).toEqual(sent.map((s) => s.value).sort());
    for (const key of new Set(sent.map((s) => s.key))) {
      const ofKey = received.filter((r) => r.key === key);
      expect(new Set(ofKey.map((r) => r.partition)).size).toBe(1);
      expect(ofKey.map((r) => r.value)).toEqual(sent.filter((s) => s.key === key).map((s) => s.value));
    }
  });

  it("rebalances a two-member consumer group when one member leaves", async () => {
    const topic = await createTopic(4);
    const groupId = uniqueName("compat-group");
    const assignments = new Map<string, number[]>();
    const seenBy = new Map<string, string[]>();
    const member = (id: string) => {
      const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 500, rebalanceTimeout: 20_000, maxWaitTimeInMs: 200 });
      consumer.on(consumer.events.GROUP_JOIN, (event) => assignments.set(id, event.payload.memberAssignment[topic] ?? []));
      seenBy.set(id, []);
      return consumer;
    };
    const a = member("a");
    const b = member("b");
    for (const [id, consumer] of [["a", a], ["b", b]] as const) {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void seenBy.get(id)!.push(message.value!.toString()) });
    }
    await eventually(() => {
      const both = [...(assignments.get("a") ?? []), ...(assignments.get("b") ?? [])].sort();
      return (assignments.get("a")?.length ?? 0) > 0 && (assignments.get("b")?.length ?? 0) > 0 && both.join() === "0,1,2,3" ? true : undefined;
    }, 60_000, "both members to share the 4 partitions");

    await b.disconnect();
    await eventually(() => (assignments.get("a")?.slice().sort().join() === "0,1,2,3" ? true : undefined), 60_000, "a to own all 4 partitions");

    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic, messages: [0, 1, 2, 3].map((partition) => ({ partition, value: `after-${partition}` })) });
    await producer.disconnect();
    await eventually(() => (seenBy.get("a")!.filter((v) => v.startsWith("after-")).length === 4 ? true : undefined), 60_000, "a to read every partition");
    await a.disconnect();
  });

  it("administers topics: create, describe configs, fetch topic and group offsets, delete", async () => {
    const topic = await createTopic(2, [{ name: "cleanup.policy", value: "compact" }]);
    const configs = await admin.describeConfigs({ resources: [{ type: 2, name: topic }], includeSynonyms: false });
    const policy = configs.resources[0]!.configEntries.find((entry) => entry.configName === "cleanup.policy");
    expect(policy?.configValue).toBe("compact");

    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic, messages: [{ partition: 0, key: "a", value: "1" }, { partition: 0, key: "b", value: "2" }, { partition: 1, key: "c", value: "3" }] });
    await producer.disconnect();
    const offsets = await admin.fetchTopicOffsets(topic);
    expect(offsets.map((o) => [o.partition, o.high]).sort()).toEqual([[0, "2"], [1, "1"]]);

    const groupId = uniqueName("compat-offsets");
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
    await consumeAll(consumer, topic, (values) => values.length === 3);
    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(committed[0]!.partitions.map((p) => [p.partition, p.offset]).sort()).toEqual([[0, "2"], [1, "1"]]);

    await admin.deleteTopics({ topics: [topic] });
    await eventually(async () => (!(await admin.listTopics()).includes(topic) ? true : undefined), 30_000, "topic deletion");
  });

  it("commits one transaction (visible to read_committed) and aborts another (not visible)", async () => {
    const topic = await createTopic(1);
    const producer = kafka.producer({ transactionalId: uniqueName("compat-tx"), idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const committed = await producer.transaction();
    await committed.send({ topic, messages: [{ value: "committed-1" }, { value: "committed-2" }] });
    await committed.commit();
    const aborted = await producer.transaction();
    await aborted.send({ topic, messages: [{ value: "aborted-1" }] });
    await aborted.abort();
    const closing = await producer.transaction();
    await closing.send({ topic, messages: [{ value: "end" }] });
    await closing.commit();
    await producer.disconnect();

    const readCommitted = await consumeAll(kafka.consumer({ groupId: uniqueName("compat-rc"), maxWaitTimeInMs: 200 }), topic, (values) => values.includes("end"));
    expect(readCommitted).toEqual(["committed-1", "committed-2", "end"]);
    const readUncommitted = await consumeAll(kafka.consumer({ groupId: uniqueName("compat-ru"), readUncommitted: true, maxWaitTimeInMs: 200 }), topic, (values) => values.includes("end"));
    expect(readUncommitted).toContain("aborted-1");
  });
});

describe("KafkaCluster (server/kafka) on the real broker", () => {
  it("describes the cluster with the id the broker reports", async () => {
    const cluster = new KafkaCluster(parseWorkerConfig({ "bootstrap.servers": kafkaBrokers() }, () => "test"));
    try {
      const described = await cluster.describeCluster();
      expect(described).toEqual({ clusterId: (await admin.describeCluster()).clusterId, brokers: 1 });
    } finally {
      await cluster.close();
    }
  });

  it("translates an unreachable broker into a retriable kafka.connection error", async () => {
    const port = await freePort();
    const cluster = new KafkaCluster(parseWorkerConfig({ "bootstrap.servers": `127.0.0.1:${port}`, "socket.connection.setup.timeout.ms": "500" }, () => "test"));
    try {
      const error = await cluster.describeCluster().then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(KafkaError);
      expect((error as KafkaError).code).toBe("kafka.connection");
      expect((error as KafkaError).retriable).toBe(true);
      expect((error as KafkaError).suggestion).toMatch(/bootstrap\.servers/);
    } finally {
      await cluster.close();
    }
  });
});
