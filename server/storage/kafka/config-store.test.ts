/**
 * The config store against Kafka Connect's config topic format, on an in-memory log: records
 * written the way Apache Kafka Connect writes them are read as Connect reads them, and what the
 * store writes is byte for byte what Connect writes.
 */
import { describe, expect, it } from "vitest";
import type { ConfigChange } from "@/server/storage/contracts/config-store";
import { KafkaConfigStore, type ConfigTopicEvent } from "@/server/storage/kafka/config-store";
import { MemoryTopicLogs } from "@/server/storage/kafka/testing/memory-topic-log";

const TOPIC = "connect-configs";

function setup() {
  const logs = new MemoryTopicLogs();
  const log = logs.open({ topic: TOPIC, partitions: 1, replicationFactor: 1, topicConfigs: {}, setting: "config.storage.topic", purpose: "connector configurations", clientId: "test" });
  const store = new KafkaConfigStore(log);
  const told: ConfigChange[] = [];
  const events: ConfigTopicEvent[] = [];
  store.subscribe((change) => told.push(change));
  store.onConfigTopicEvent((event) => events.push(event));
  const written = () => logs.records(TOPIC).map((r) => [r.key!.toString(), r.value?.toString() ?? null]);
  return { logs, log, store, told, events, written, append: (key: string, value: string | null) => logs.append(TOPIC, key, value) };
}

describe("the Kafka config store reading Kafka Connect's records", () => {
  it("builds connectors from configs, target states (state.v2 first, then state) and committed task configs", async () => {
    const { store, append } = setup();
    append("connector-orders-src", '{"properties":{"connector.class":"FileStreamSource","tasks.max":"2","file":"/in.txt","topic":"orders"}}');
    append("task-orders-src-0", '{"properties":{"file":"/in.txt","task.class":"org.apache.kafka.connect.file.FileStreamSourceTask"}}');
    append("task-orders-src-1", '{"properties":{"file":"/in2.txt","task.class":"org.apache.kafka.connect.file.FileStreamSourceTask"}}');
    append("commit-orders-src", '{"tasks":2}');
    append("connector-old", '{"properties":{"connector.class":"FileStreamSink"}}');
    append("target-state-old", '{"state":"PAUSED"}');
    append("connector-stopped", '{"properties":{"connector.class":"FileStreamSink"}}');
    append("target-state-stopped", '{"state":"PAUSED","state.v2":"STOPPED"}');
    append("commit-stopped", '{"tasks":0}');
    await store.start();
    const { connectors } = store.snapshot();
    expect([...connectors.keys()]).toEqual(["old", "orders-src", "stopped"]);
    expect(connectors.get("orders-src")).toEqual({
      name: "orders-src",
      config: { "connector.class": "FileStreamSource", "tasks.max": "2", file: "/in.txt", topic: "orders" },
      targetState: "STARTED",
      taskConfigs: [
        { file: "/in.txt", "task.class": "org.apache.kafka.connect.file.FileStreamSourceTask" },
        { file: "/in2.txt", "task.class": "org.apache.kafka.connect.file.FileStreamSourceTask" },
      ],
    });
    expect(connectors.get("old")!.targetState).toBe("PAUSED");
    expect(connectors.get("stopped")).toMatchObject({ targetState: "STOPPED", taskConfigs: [] });
    expect(store.snapshot().version).toBe(9);
  });

  it("applies task configs only at a commit that finds every task 0..N-1 buffered", async () => {
    const { store, append, told } = setup();
    append("connector-c", '{"properties":{"k":"v"}}');
    append("task-c-0", '{"properties":{"t":"0"}}');
    await store.start();
    expect(store.snapshot().connectors.get("c")!.taskConfigs).toEqual([]);

    append("task-c-1", '{"properties":{"t":"1"}}');
    append("commit-c", '{"tasks":2}');
    await store.connector("c");
    await store.putTargetState("c", "PAUSED");
    expect(store.snapshot().connectors.get("c")!.taskConfigs).toEqual([{ t: "0" }, { t: "1" }]);

    // Compaction kept only task 1 of the next set: the commit cannot apply, the connector is inconsistent.
    append("task-c-1", '{"properties":{"t":"1b"}}');
    append("commit-c", '{"tasks":2}');
    await store.putTargetState("c", "STARTED");
    expect(store.snapshot().connectors.get("c")!.taskConfigs).toEqual([]);
    expect(store.inconsistentConnectors()).toEqual(new Set(["c"]));

    // A complete set repairs it; task records beyond the count (left from a larger set) are ignored.
    append("task-c-0", '{"properties":{"t":"0c"}}');
    append("task-c-2", '{"properties":{"t":"2c"}}');
    append("commit-c", '{"tasks":1}');
    await store.putTargetState("c", "STARTED");
    expect(store.snapshot().connectors.get("c")!.taskConfigs).toEqual([{ t: "0c" }]);
    expect(store.inconsistentConnectors().size).toBe(0);
    expect(told.filter((change) => change.kind === "tasks")).toHaveLength(3);
  });

  it("takes connector names with dashes from task keys, and drops task records of deleted connectors", async () => {
    const { store, append } = setup();
    append("connector-my-file-source-2", '{"properties":{}}');
    append("task-my-file-source-2-10", '{"properties":{"t":"ten"}}');
    for (let task = 0; task < 10; task++) append(`task-my-file-source-2-${task}`, `{"properties":{"t":"${task}"}}`);
    append("commit-my-file-source-2", '{"tasks":11}');
    append("task-gone-0", '{"properties":{}}');
    append("commit-gone", '{"tasks":1}');
    // Compaction removed this connector's config but kept its tombstone: its task records go with it.
    append("task-back-0", '{"properties":{"stale":"yes"}}');
    append("connector-back", null);
    append("connector-back", '{"properties":{}}');
    append("commit-back", '{"tasks":1}');
    await store.start();
    expect(store.snapshot().connectors.get("my-file-source-2")!.taskConfigs.map((t) => t.t)).toEqual([..."0123456789"].concat("ten"));
    expect(store.snapshot().connectors.has("gone")).toBe(false);
    expect(store.snapshot().connectors.get("back")!.taskConfigs).toEqual([]);
    expect(store.inconsistentConnectors()).toEqual(new Set(["back"]));
  });

  it("applies a target state written before its connector (initial_state), and a connector tombstone removes it all", async () => {
    const { store, append, told } = setup();
    await store.start();
    append("target-state-c", '{"state":"PAUSED","state.v2":"STOPPED"}');
    append("connector-c", '{"properties":{"a":"1"}}');
    append("restart-connector-c", '{"include-tasks":true,"only-failed":"yes"}');
    await store.connectors();
    await store.putTaskConfigs("c", [{ t: "0" }]);
    expect(store.snapshot().connectors.get("c")).toMatchObject({ targetState: "STOPPED", taskConfigs: [{ t: "0" }] });
    expect(store.snapshot().restartRequests.get("c")).toEqual({ includeTasks: true, onlyFailed: false });
    append("connector-c", null);
    append("target-state-c", null);
    append("connector-c", '{"properties":{"a":"2"}}');
    await store.putTargetState("c", "STARTED");
    expect(store.snapshot().connectors.get("c")).toEqual({ name: "c", config: { a: "2" }, targetState: "STARTED", taskConfigs: [] });
    expect(store.snapshot().restartRequests.has("c")).toBe(false);
    expect(told.map((change) => change.kind)).toEqual(["connector-created", "restart", "tasks", "connector-removed", "connector-created", "target-state"]);
  });

  it("keeps the session key, tells logger levels read after start only, and skips fencing, unknown and malformed records", async () => {
    const { store, append, events } = setup();
    append("session-key", '{"key":"c2VjcmV0LWtleS1ieXRlcw==","algorithm":"HmacSHA256","creation-timestamp":1767225600000}');
    append("logger-cluster-org.apache.kafka.connect", '{"level":"DEBUG"}');
    append("tasks-fencing-c", '{"task-count":3}');
    append("mystery-record", '{"x":1}');
    append("connector-bad", "not json");
    append("connector-bad2", '{"config":{}}');
    append("target-state-c", '{"state":"RUNNING"}');
    append("connector-c", '{"properties":{"n":5,"flag":true,"nothing":null}}');
    await store.start();
    expect(store.sessionKey()).toEqual({ key: Buffer.from("secret-key-bytes"), algorithm: "HmacSHA256", creationTimestamp: 1767225600000 });
    expect([...store.snapshot().connectors.keys()]).toEqual(["c"]);
    expect(store.snapshot().connectors.get("c")).toMatchObject({ config: { n: "5", flag: "true" }, targetState: "STARTED" });
    expect(events).toEqual([]);

    append("logger-cluster-org.apache.kafka", '{"level":"WARN"}');
    await store.putSessionKey({ key: Buffer.from("next"), algorithm: "HmacSHA512", creationTimestamp: 2 });
    expect(events).toEqual([
      { kind: "logger-level", namespace: "org.apache.kafka", level: "WARN" },
      { kind: "session-key", sessionKey: { key: Buffer.from("next"), algorithm: "HmacSHA512", creationTimestamp: 2 } },
    ]);
  });
});

describe("the Kafka config store writing Kafka Connect's records", () => {
  it("writes a config with its target state first, STOPPED also as PAUSED for older workers", async () => {
    const { store, written } = setup();
    await store.start();
    await store.putConnectorConfig("c", { "connector.class": "FileStreamSink", file: "ünï.txt" }, "STOPPED");
    await store.putConnectorConfig("d", { x: "y" });
    expect(written()).toEqual([
      ["target-state-c", '{"state":"PAUSED","state.v2":"STOPPED"}'],
      ["connector-c", '{"properties":{"connector.class":"FileStreamSink","file":"ünï.txt"}}'],
      ["connector-d", '{"properties":{"x":"y"}}'],
    ]);
  });

  it("writes task configs, reads them back, and only then writes their commit", async () => {
    const { store, log, written } = setup();
    await store.start();
    await store.putConnectorConfig("c", {});
    log.events.length = 0;
    await store.putTaskConfigs("c", [{ t: "0" }, { t: "1" }]);
    expect(log.events).toEqual(["readToEnd", "send task-c-0,task-c-1", "readToEnd", "send commit-c", "readToEnd"]);
    expect(written().slice(1)).toEqual([
      ["task-c-0", '{"properties":{"t":"0"}}'],
      ["task-c-1", '{"properties":{"t":"1"}}'],
      ["commit-c", '{"tasks":2}'],
    ]);
  });

  it("writes target states, restart requests, session keys and logger levels in Connect's shapes, and tombstones on removal", async () => {
    const { store, written } = setup();
    await store.start();
    await store.putConnectorConfig("c", {});
    await store.putTargetState("c", "PAUSED");
    await store.putRestartRequest("c", { includeTasks: true, onlyFailed: false });
    await store.putSessionKey({ key: Buffer.from([1, 2, 3]), algorithm: "HmacSHA256", creationTimestamp: 1700000000000 });
    await store.putLoggerLevel("org.apache.kafka.connect", "DEBUG");
    expect(await store.removeConnector("c")).toBe(true);
    expect(written().slice(1)).toEqual([
      ["target-state-c", '{"state":"PAUSED","state.v2":"PAUSED"}'],
      ["restart-connector-c", '{"include-tasks":true,"only-failed":false}'],
      ["session-key", '{"key":"AQID","algorithm":"HmacSHA256","creation-timestamp":1700000000000}'],
      ["logger-cluster-org.apache.kafka.connect", '{"level":"DEBUG"}'],
      ["connector-c", null],
      ["target-state-c", null],
    ]);
  });

  it("sees another worker's writes on refresh and before refusing, and refuses a config topic with several partitions", async () => {
    const { store, append } = setup();
    await store.start();
    append("connector-elsewhere", '{"properties":{}}');
    const before = store.snapshot().version;
    await store.refresh();
    expect(store.snapshot()).toMatchObject({ version: before + 1, connectors: new Map([["elsewhere", expect.objectContaining({ targetState: "STARTED" })]]) });
    await store.putTargetState("elsewhere", "PAUSED");
    expect(store.snapshot().connectors.get("elsewhere")!.targetState).toBe("PAUSED");
    await expect(store.putTargetState("nowhere", "PAUSED")).rejects.toMatchObject({ code: "connector.not_found" });

    const logs = new MemoryTopicLogs();
    const wide = logs.open({ topic: "t", partitions: 3, replicationFactor: 1, topicConfigs: {}, setting: "config.storage.topic", purpose: "connector configurations", clientId: "x" });
    wide.partitionCount = () => 3;
    await expect(new KafkaConfigStore(wide).start()).rejects.toThrow(/config topic \(config\.storage\.topic\) has 3 partitions, but it must have exactly 1/);
  });
});
