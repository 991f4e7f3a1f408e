/**
 * The status store against Kafka Connect's status topic format, on an in-memory log: statuses and
 * topic tracking as Apache Kafka Connect writes and reads them, and its rules against stale reports.
 */
import { describe, expect, it } from "vitest";
import type { StatusChange } from "@/server/storage/contracts/status-store";
import { KafkaStatusStore } from "@/server/storage/kafka/status-store";
import { MemoryTopicLogs } from "@/server/storage/kafka/testing/memory-topic-log";

const TOPIC = "connect-status";

async function started(before: Array<[string, string | null]> = []) {
  const logs = new MemoryTopicLogs();
  for (const [key, value] of before) logs.append(TOPIC, key, value);
  const store = new KafkaStatusStore(logs.open({ topic: TOPIC, partitions: 5, replicationFactor: 1, topicConfigs: {}, setting: "status.storage.topic", purpose: "statuses", clientId: "test" }));
  const told: StatusChange[] = [];
  store.subscribe((change) => told.push(change));
  await store.start();
  const written = () => logs.records(TOPIC).slice(before.length).map((r) => [r.key!.toString(), r.value?.toString() ?? null]);
  return { store, told, written, append: (key: string, value: string | null) => logs.append(TOPIC, key, value), logs };
}

describe("the Kafka status store", () => {
  it("reads Kafka Connect's statuses, traces and generations, dashed connector names included", async () => {
    const { store, told } = await started([
      ["status-connector-my-src", '{"state":"RUNNING","trace":null,"worker_id":"10.0.0.1:8083","generation":4}'],
      ["status-task-my-src-0", '{"state":"FAILED","trace":"org.apache.kafka.connect.errors.ConnectException: boom\\n\\tat X","worker_id":"10.0.0.2:8083","generation":5}'],
      ["status-task-my-src-12", '{"state":"RUNNING","trace":null,"worker_id":"10.0.0.1:8083","generation":5}'],
      ["status-task-my-src-x", '{"state":"RUNNING","trace":null,"worker_id":"w","generation":1}'],
      ["status-connector-odd", '{"state":"DESTROYED","trace":null,"worker_id":"w","generation":1}'],
      ["status-connector-odd2", '{"state":"RUNNING","worker_id":"w","generation":"1"}'],
      ["something-else", "{}"],
    ]);
    expect(await store.connector("my-src")).toEqual({ state: "RUNNING", workerId: "10.0.0.1:8083", generation: 4 });
    expect(await store.tasks("my-src")).toEqual([
      { task: 0, state: "FAILED", trace: "org.apache.kafka.connect.errors.ConnectException: boom\n\tat X", workerId: "10.0.0.2:8083", generation: 5 },
      { task: 12, state: "RUNNING", workerId: "10.0.0.1:8083", generation: 5 },
    ]);
    expect([...store.snapshot().keys()]).toEqual(["my-src"]);
    expect(told).toEqual([]);
  });

  it("writes statuses as Kafka Connect does, trace null when absent", async () => {
    const { store, written, told } = await started();
    await store.putConnector("c", { state: "RUNNING", workerId: "h:8083", generation: 2 });
    await store.putTask("c", 3, { state: "FAILED", trace: "boom", workerId: "h:8083", generation: 2 });
    expect(written()).toEqual([
      ["status-connector-c", '{"state":"RUNNING","trace":null,"worker_id":"h:8083","generation":2}'],
      ["status-task-c-3", '{"state":"FAILED","trace":"boom","worker_id":"h:8083","generation":2}'],
    ]);
    expect(told.map((change) => [change.task, change.status.state])).toEqual([[null, "RUNNING"], [3, "FAILED"]]);
  });

  it("does not write FAILED or UNASSIGNED over another worker's status of a newer generation", async () => {
    const { store, written, append, logs } = await started();
    append("status-task-c-0", '{"state":"RUNNING","trace":null,"worker_id":"new:8083","generation":7}');
    append("status-connector-c", '{"state":"RUNNING","trace":null,"worker_id":"new:8083","generation":7}');
    logs.deliver();
    await store.putTask("c", 0, { state: "UNASSIGNED", workerId: "old:8083", generation: 6 });
    await store.putConnector("c", { state: "FAILED", trace: "late", workerId: "old:8083", generation: 6 });
    expect(written()).toHaveLength(2);
    await store.putConnector("c", { state: "FAILED", trace: "now", workerId: "new:8083", generation: 7 });
    await store.putTask("c", 0, { state: "UNASSIGNED", workerId: "old:8083", generation: 8 });
    await store.putConnector("c", { state: "PAUSED", workerId: "old:8083", generation: 1 });
    expect(written().slice(2).map(([key]) => key)).toEqual(["status-connector-c", "status-task-c-0", "status-connector-c"]);
    expect(await store.connector("c")).toEqual({ state: "PAUSED", workerId: "old:8083", generation: 1 });
    expect((await store.tasks("c"))[0]).toMatchObject({ state: "UNASSIGNED", generation: 8 });
  });

  it("ignores a task's UNASSIGNED read after a RUNNING of the same or a newer generation", async () => {
    const { store, append, told, logs } = await started();
    append("status-task-c-0", '{"state":"RUNNING","trace":null,"worker_id":"b:8083","generation":3}');
    append("status-task-c-0", '{"state":"UNASSIGNED","trace":null,"worker_id":"a:8083","generation":3}');
    logs.deliver();
    expect((await store.tasks("c"))[0]).toMatchObject({ state: "RUNNING", workerId: "b:8083" });
    append("status-task-c-0", '{"state":"UNASSIGNED","trace":null,"worker_id":"a:8083","generation":4}');
    logs.deliver();
    expect((await store.tasks("c"))[0]).toMatchObject({ state: "UNASSIGNED", workerId: "a:8083" });
    expect(told.map((change) => change.status.state)).toEqual(["RUNNING", "UNASSIGNED"]);
  });

  it("removes with tombstones: a task's alone, a connector's with all its tasks", async () => {
    const { store, written, append } = await started();
    for (const task of [0, 1, 2]) await store.putTask("c", task, { state: "RUNNING", workerId: "w", generation: 1 });
    await store.putConnector("c", { state: "RUNNING", workerId: "w", generation: 1 });
    await store.removeTasks("c", 1);
    expect(written().slice(4)).toEqual([["status-task-c-1", null], ["status-task-c-2", null]]);
    expect([...store.snapshot().get("c")!.tasks.keys()]).toEqual([0]);
    append("status-task-d-0", '{"state":"RUNNING","trace":null,"worker_id":"w","generation":1}');
    append("status-connector-d", null);
    await store.removeConnector("c");
    expect(written().slice(8)).toEqual([["status-task-c-0", null], ["status-connector-c", null]]);
    expect(store.snapshot().size).toBe(0);
  });

  it("reads, writes and resets topic tracking in Kafka Connect's format", async () => {
    const { store, written } = await started([
      ["status-topic-orders:connector-sink-a", '{"topic":{"name":"orders","connector":"sink-a","task":1,"discoverTimestamp":1700000000000}}'],
      ["status-topic-bad-key", '{"topic":{}}'],
    ]);
    expect(store.activeTopics("sink-a")).toEqual([{ topic: "orders", connector: "sink-a", task: 1, discoverTimestamp: 1700000000000 }]);
    await store.putTopic({ topic: "audit", connector: "sink-a", task: 0, discoverTimestamp: 1700000000123 });
    expect(store.activeTopics("sink-a").map((t) => t.topic)).toEqual(["audit", "orders"]);
    await store.resetTopics("sink-a");
    expect(store.activeTopics("sink-a")).toEqual([]);
    expect(written()).toEqual([
      ["status-topic-audit:connector-sink-a", '{"topic":{"name":"audit","connector":"sink-a","task":0,"discoverTimestamp":1700000000123}}'],
      ["status-topic-audit:connector-sink-a", null],
      ["status-topic-orders:connector-sink-a", null],
    ]);
  });
});
