import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadWorkerConfig, workerKeysFromEnv } from "@/server/config/load-worker-config";
import { distributedStorageSettings, parseWorkerConfig, WorkerConfigError } from "@/server/config/worker-config";

/** Apache Kafka's own config/connect-standalone.properties, comments and all. */
const connectStandaloneSample = `# Licensed to the Apache Software Foundation (ASF) ...
# These are defaults. This file just demonstrates how to override some settings.
bootstrap.servers=localhost:9092

# The converters specify the format of data in Kafka and how to translate it into Connect data.
key.converter=org.apache.kafka.connect.json.JsonConverter
value.converter=org.apache.kafka.connect.json.JsonConverter
key.converter.schemas.enable=true
value.converter.schemas.enable=true

offset.storage.file.filename=/tmp/connect.offsets
# Flush much faster than normal, which is useful for testing/debugging
offset.flush.interval.ms=10000

# plugin.path=/usr/local/share/java,/usr/local/share/kafka/plugins,/opt/connectors,
#plugin.path=
`;

/** The settings of Apache Kafka's own config/connect-distributed.properties, with comments in its style (ours). */
const connectDistributedSample = `# A distributed worker's settings.
bootstrap.servers=localhost:9092

# The Connect cluster's group.
group.id=connect-cluster

key.converter=org.apache.kafka.connect.json.JsonConverter
value.converter=org.apache.kafka.connect.json.JsonConverter
key.converter.schemas.enable=true
value.converter.schemas.enable=true

# The internal topics.
offset.storage.topic=connect-offsets
offset.storage.replication.factor=1
#offset.storage.partitions=25

config.storage.topic=connect-configs
config.storage.replication.factor=1

status.storage.topic=connect-status
status.storage.replication.factor=1
#status.storage.partitions=5

offset.flush.interval.ms=10000

#listeners=HTTP://:8083
#rest.advertised.host.name=
#rest.advertised.port=
#plugin.path=
`;

function writeTemp(text: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "worker-config-")), "worker.properties");
  writeFileSync(file, text);
  return file;
}

describe("worker configuration", () => {
  it("reads Kafka's sample connect-standalone.properties unchanged", () => {
    const config = loadWorkerConfig({ file: writeTemp(connectStandaloneSample), env: {} });
    expect(config.settings["bootstrap.servers"]).toEqual(["localhost:9092"]);
    expect(config.settings["offset.flush.interval.ms"]).toBe(10_000);
    expect(config.settings["offset.storage.file.filename"]).toBe("/tmp/connect.offsets");
    expect(config.settings["plugin.path"]).toEqual([]);
    expect(config.originals["value.converter.schemas.enable"]).toBe("true");
  });

  it("reads Kafka's sample connect-distributed.properties unchanged, with its group and internal topics", () => {
    const config = loadWorkerConfig({ file: writeTemp(connectDistributedSample), env: {} });
    expect(distributedStorageSettings(config)).toEqual({
      groupId: "connect-cluster",
      config: { setting: "config.storage.topic", topic: "connect-configs", partitions: 1, replicationFactor: 1, topicConfigs: {} },
      offsets: { setting: "offset.storage.topic", topic: "connect-offsets", partitions: 25, replicationFactor: 1, topicConfigs: {} },
      status: { setting: "status.storage.topic", topic: "connect-status", partitions: 5, replicationFactor: 1, topicConfigs: {} },
    });
  });

  it("sizes internal topics as Kafka Connect does: 3 replicas by default, -1 for the broker's default, never 0", () => {
    const { settings } = parseWorkerConfig({ "offset.storage.partitions": "-1", "status.storage.replication.factor": "-1" }, () => "test");
    expect([settings["config.storage.replication.factor"], settings["offset.storage.partitions"], settings["status.storage.replication.factor"]]).toEqual([3, -1, -1]);
    expect(() => parseWorkerConfig({ "status.storage.partitions": "0" }, () => "worker.properties")).toThrow(
      /"status\.storage\.partitions" must be positive, or -1 for the broker's default, got "0"/,
    );
    expect(() => parseWorkerConfig({ "config.storage.replication.factor": "-2" }, () => "worker.properties")).toThrow(/"config\.storage\.replication\.factor" must be between -1 and 32767/);
  });

  it("applies Kafka Connect's defaults to unset keys", () => {
    const { settings } = parseWorkerConfig({}, () => "test");
    expect(settings.listeners).toEqual(["http://:8083"]);
    expect(settings["offset.flush.timeout.ms"]).toBe(5000);
    expect(settings["header.converter"]).toBe("org.apache.kafka.connect.storage.SimpleHeaderConverter");
    expect(settings["topic.creation.enable"]).toBe(true);
    expect(settings["group.id"]).toBeUndefined();
  });

  it.each([
    ["offset.flush.interval.ms", "abc", /"offset\.flush\.interval\.ms" must be an integer, got "abc"/],
    ["offset.flush.interval.ms", "-5", /"offset\.flush\.interval\.ms" must be between 0 and/],
    ["topic.creation.enable", "yes", /"topic\.creation\.enable" must be true or false/],
    ["listeners", "localhost:8083", /"listeners" must be a list of URLs/],
    ["bootstrap.servers", " , ", /"bootstrap\.servers" must list at least one value/],
    ["security.protocol", "TLS", /"security\.protocol" must be one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL/],
  ])("refuses %s=%s with one line naming the key", (key, value, message) => {
    const parse = () => parseWorkerConfig({ [key]: value }, () => "worker.properties");
    expect(parse).toThrow(WorkerConfigError);
    expect(parse).toThrow(message);
    try {
      parse();
    } catch (error) {
      expect((error as WorkerConfigError).key).toBe(key);
      expect((error as Error).message).not.toContain("\n");
      expect((error as Error).message).toContain("from worker.properties");
    }
  });

  it("never echoes a secret value in an error", () => {
    expect(() => parseWorkerConfig({ "tributary.database.url": "postgres://u:hunter2@db" }, () => "env")).toThrow(/must be a file: URL/);
  });

  it("maps CONNECT_* variables, KAFKA_BROKERS and DATABASE_URL to worker keys", () => {
    expect(
      workerKeysFromEnv({
        CONNECT_BOOTSTRAP_SERVERS: "a:1",
        CONNECT_OFFSET_FLUSH_INTERVAL_MS: "500",
        CONNECT_CONSUMER_MAX__POLL__RECORDS: "10",
        CONNECT_PRODUCER_CLIENT___ID: "x",
        KAFKA_BROKERS: "b:2",
        DATABASE_URL: "file:/tmp/x.db",
        PATH: "/usr/bin",
      }),
    ).toEqual({
      "bootstrap.servers": "b:2",
      "offset.flush.interval.ms": "500",
      "consumer.max_poll_records": "10",
      "producer.client-id": "x",
      "tributary.database.url": "file:/tmp/x.db",
    });
  });

  it("lets the environment override the file and names the environment when it is wrong", () => {
    const file = writeTemp("offset.flush.interval.ms=1000\nbootstrap.servers=file:9092\n");
    const config = loadWorkerConfig({ file, env: { KAFKA_BROKERS: "env:9092" } });
    expect(config.settings["bootstrap.servers"]).toEqual(["env:9092"]);
    expect(config.settings["offset.flush.interval.ms"]).toBe(1000);
    expect(() => loadWorkerConfig({ file, env: { CONNECT_OFFSET_FLUSH_INTERVAL_MS: "soon" } })).toThrow(/from the environment: "offset\.flush\.interval\.ms"/);
  });

  it("says which file cannot be read", () => {
    expect(() => loadWorkerConfig({ file: "/nonexistent/worker.properties", env: {} })).toThrow(/Cannot read worker configuration file \/nonexistent\/worker\.properties/);
  });
});
