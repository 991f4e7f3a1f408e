/**
 * The Kafka-backed stores on the real broker: the shared store contracts, two workers' stores
 * on the same topics hearing each other, the records on the wire in Kafka Connect's formats, and
 * internal topics that cannot be used refused at start.
 */
import { afterAll, describe, expect, it } from "vitest";
import { eventually, kafkaBrokers, uniqueName } from "@/scripts/test/integration";
import { parseWorkerConfig, type WorkerConfig } from "@/server/config/worker-config";
import { KafkaTopicLogs } from "@/server/kafka/compacted-topic-log";
import { scratchTopics } from "@/server/kafka/testing/scratch-topics";
import { describeStoreContracts } from "@/server/storage/contracts/store-contract-tests";
import { createKafkaStores, type KafkaStores } from "@/server/storage/kafka/kafka-stores";
import type { LogRecord } from "@/server/storage/kafka/topic-log";

const made: string[] = [];
const topics = scratchTopics(kafkaBrokers());
afterAll(() => topics.dropAll(made));

/** A worker configuration on fresh internal topics (small ones: the broker is shared). */
function workerConfig(overrides: Record<string, string> = {}): WorkerConfig {
  const names = { "config.storage.topic": uniqueName("it-configs"), "offset.storage.topic": uniqueName("it-offsets"), "status.storage.topic": uniqueName("it-status"), ...overrides };
  made.push(names["config.storage.topic"], names["offset.storage.topic"], names["status.storage.topic"]);
  return parseWorkerConfig(
    {
      "bootstrap.servers": kafkaBrokers(),
      "group.id": uniqueName("it-group"),
      ...names,
      "config.storage.replication.factor": "1",
      "offset.storage.replication.factor": "1",
      "status.storage.replication.factor": "1",
      "offset.storage.partitions": "4",
      "status.storage.partitions": "3",
    },
    () => "test",
  );
}

async function started(config: WorkerConfig): Promise<KafkaStores> {
  const stores = createKafkaStores(config, new KafkaTopicLogs(config));
  await stores.start();
  return stores;
}

/** Every record of `topic` as text, read with a log of its own. */
async function rawRecords(config: WorkerConfig, topic: string): Promise<Array<[string, string | null]>> {
  const records: LogRecord[] = [];
  const log = new KafkaTopicLogs(config).open({ topic, partitions: 1, replicationFactor: 1, topicConfigs: {}, setting: "test", purpose: "test", clientId: uniqueName("raw") });
  await log.start((record) => records.push(record));
  await log.stop();
  return records.map((record) => [record.key!.toString(), record.value?.toString() ?? null]);
}

describeStoreContracts("kafka (real broker)", async () => {
  const config = workerConfig();
  const stores = createKafkaStores(config, new KafkaTopicLogs(config));
  await stores.offsets.start();
  return { config: stores.config, offsets: stores.offsets, status: stores.status, close: () => stores.stop() };
});

describe("kafka stores of two workers on the same topics", () => {
  it("tell each other's writes to subscribers as they are read, without a read being asked for", async () => {
    const config = workerConfig();
    const [a, b] = [await started(config), await started(config)];
    try {
      const told = { config: [] as string[], status: [] as string[] };
      b.config.subscribe((change) => told.config.push(`${change.kind} ${change.connector}`));
      b.status.subscribe((change) => told.status.push(`${change.status.state} ${change.connector}/${change.task}`));
      await a.config.putConnectorConfig("orders", { "connector.class": "FileStreamSource", file: "/in.txt" });
      await a.config.putTaskConfigs("orders", [{ file: "/in.txt" }]);
      await a.status.putTask("orders", 0, { state: "RUNNING", workerId: "a:8083", generation: 1 });
      await a.offsets.write("orders", [{ partition: { filename: "/in.txt" }, offset: { position: 42 } }]);
      await eventually(() => (told.config.length >= 2 && told.status.length >= 1 ? told : undefined), 10_000, "b to hear a's writes");
      expect(told).toEqual({ config: ["connector-created orders", "tasks orders"], status: ["RUNNING orders/0"] });
      expect(b.config.snapshot().connectors.get("orders")!.taskConfigs).toEqual([{ file: "/in.txt" }]);
      expect(await b.offsets.offsets("orders")).toEqual([{ partition: { filename: "/in.txt" }, offset: { position: 42 } }]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it("load everything written before at start, and tell none of it", async () => {
    const config = workerConfig();
    const first = await started(config);
    await first.config.putConnectorConfig("c", { a: "1" }, "STOPPED");
    await first.status.putConnector("c", { state: "STOPPED", workerId: "w:1", generation: 4 });
    await first.status.putTopic({ topic: "orders", connector: "c", task: 0, discoverTimestamp: 1700000000000 });
    await first.stop();
    const again = createKafkaStores(config, new KafkaTopicLogs(config));
    const told: unknown[] = [];
    again.config.subscribe((change) => told.push(change));
    again.status.subscribe((change) => told.push(change));
    await again.start();
    try {
      expect(again.config.snapshot().connectors.get("c")).toEqual({ name: "c", config: { a: "1" }, targetState: "STOPPED", taskConfigs: [] });
      expect(await again.status.connector("c")).toEqual({ state: "STOPPED", workerId: "w:1", generation: 4 });
      expect(again.status.activeTopics("c").map((t) => t.topic)).toEqual(["orders"]);
      expect(told).toEqual([]);
    } finally {
      await again.stop();
    }
  });
});

describe("kafka stores on the wire", () => {
  it("write Kafka Connect's keys and values to the config, status and offsets topics", async () => {
    const config = workerConfig();
    const stores = await started(config);
    try {
      await stores.config.putConnectorConfig("src", { "connector.class": "FileStreamSource", topic: "t" }, "PAUSED");
      await stores.config.putTaskConfigs("src", [{ topic: "t" }]);
      await stores.config.putRestartRequest("src", { includeTasks: true, onlyFailed: true });
      await stores.status.putTask("src", 0, { state: "FAILED", trace: "boom", workerId: "h:8083", generation: 3 });
      await stores.offsets.write("src", [{ partition: { filename: "/in.txt" }, offset: { position: 7 } }]);
    } finally {
      await stores.stop();
    }
    expect(await rawRecords(config, config.settings["config.storage.topic"]!)).toEqual([
      ["target-state-src", '{"state":"PAUSED","state.v2":"PAUSED"}'],
      ["connector-src", '{"properties":{"connector.class":"FileStreamSource","topic":"t"}}'],
      ["task-src-0", '{"properties":{"topic":"t"}}'],
      ["commit-src", '{"tasks":1}'],
      ["restart-connector-src", '{"include-tasks":true,"only-failed":true}'],
    ]);
    expect(await rawRecords(config, config.settings["status.storage.topic"]!)).toEqual([["status-task-src-0", '{"state":"FAILED","trace":"boom","worker_id":"h:8083","generation":3}']]);
    expect(await rawRecords(config, config.settings["offset.storage.topic"]!)).toEqual([['["src",{"filename":"/in.txt"}]', '{"position":7}']]);
  });
});

describe("kafka stores refusing internal topics", () => {
  it("refuse a status topic that is not compacted, naming the topic and the setting", async () => {
    const status = await topics.create(uniqueName("it-status-delete"), { configs: { "cleanup.policy": "delete" } });
    const config = workerConfig({ "status.storage.topic": status });
    await expect(started(config)).rejects.toThrow(new RegExp(`Topic '${status}' named by status.storage.topic has cleanup.policy=delete`));
  });

  it("refuse a config topic with more than one partition", async () => {
    const configs = await topics.create(uniqueName("it-configs-wide"), { partitions: 2, configs: { "cleanup.policy": "compact" } });
    await expect(started(workerConfig({ "config.storage.topic": configs }))).rejects.toThrow(/config topic \(config\.storage\.topic\) has 2 partitions, but it must have exactly 1/);
  });
});
