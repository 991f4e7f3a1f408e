/**
 * createKafkaStores on in-memory logs: the shared store contracts, the topics and client ids it
 * opens from Kafka Connect's worker settings, and two workers' stores on the same topics.
 */
import { describe, expect, it } from "vitest";
import { parseWorkerConfig, type WorkerConfig } from "@/server/config/worker-config";
import { describeStoreContracts } from "@/server/storage/contracts/store-contract-tests";
import { createKafkaStores } from "@/server/storage/kafka/kafka-stores";
import { MemoryTopicLogs } from "@/server/storage/kafka/testing/memory-topic-log";

const worker = (extra: Record<string, string> = {}): WorkerConfig =>
  parseWorkerConfig(
    { "group.id": "connect-cluster", "config.storage.topic": "connect-configs", "offset.storage.topic": "connect-offsets", "status.storage.topic": "connect-status", ...extra },
    () => "test",
  );

describeStoreContracts("kafka (in-memory log)", async () => {
  const stores = createKafkaStores(worker(), new MemoryTopicLogs());
  await stores.offsets.start();
  return { config: stores.config, offsets: stores.offsets, status: stores.status, close: () => stores.stop() };
});

describe("createKafkaStores", () => {
  it("opens the three topics with Kafka Connect's sizing, topic settings and client ids", () => {
    const logs = new MemoryTopicLogs();
    createKafkaStores(
      worker({ "client.id": "east", "offset.storage.partitions": "50", "status.storage.replication.factor": "-1", "config.storage.min.insync.replicas": "2", "config.storage.cleanup.policy": "delete", "offset.storage.file.filename": "/tmp/connect.offsets" }),
      logs,
    );
    expect(logs.opened.map((log) => log.spec)).toEqual([
      { setting: "config.storage.topic", topic: "connect-configs", partitions: 1, replicationFactor: 3, topicConfigs: { "min.insync.replicas": "2" }, purpose: "connector configurations", clientId: "connect-cluster-east-configs" },
      { setting: "offset.storage.topic", topic: "connect-offsets", partitions: 50, replicationFactor: 3, topicConfigs: {}, purpose: "source connector offsets", clientId: "connect-cluster-east-offsets" },
      { setting: "status.storage.topic", topic: "connect-status", partitions: 5, replicationFactor: -1, topicConfigs: {}, purpose: "connector and task statuses", clientId: "connect-cluster-east-statuses" },
    ]);
  });

  it("refuses a worker configuration without the group or a topic, or with one topic for two purposes", () => {
    expect(() => createKafkaStores(parseWorkerConfig({}, () => "test"), new MemoryTopicLogs())).toThrow(/distributed mode needs "group.id", which is not set/);
    expect(() => createKafkaStores(worker({ "status.storage.topic": "" }), new MemoryTopicLogs())).toThrow(/distributed mode needs "status.storage.topic"/);
    expect(() => createKafkaStores(worker({ "status.storage.topic": "connect-configs" }), new MemoryTopicLogs())).toThrow(
      /"status.storage.topic" and "config.storage.topic" both name topic "connect-configs"/,
    );
  });

  it("lets each worker's stores see the other's writes once read, telling them to subscribers", async () => {
    const logs = new MemoryTopicLogs();
    const [a, b] = [createKafkaStores(worker(), logs), createKafkaStores(worker(), logs)];
    await a.start();
    await b.start();
    const told: string[] = [];
    b.config.subscribe((change) => told.push(`${change.kind} ${change.connector}`));
    b.status.subscribe((change) => told.push(`${change.status.state} ${change.connector}`));
    await a.config.putConnectorConfig("orders", { "connector.class": "FileStreamSource" }, "PAUSED");
    await a.status.putConnector("orders", { state: "PAUSED", workerId: "a:8083", generation: 1 });
    await a.offsets.write("orders", [{ partition: { filename: "in.txt" }, offset: { position: 4 } }]);
    expect(told).toEqual([]);
    logs.deliver();
    expect(told).toEqual(["connector-created orders", "PAUSED orders"]);
    expect(b.config.snapshot().connectors.get("orders")!.targetState).toBe("PAUSED");
    expect(await b.offsets.offsets("orders")).toEqual([{ partition: { filename: "in.txt" }, offset: { position: 4 } }]);
    await Promise.all([a.stop(), b.stop()]);
  });
});
