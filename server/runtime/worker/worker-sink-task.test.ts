import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RetriableException } from "@/server/plugins/api/plugin-api";
import { incoming } from "@/server/runtime/worker/testing/fake-kafka";
import { ScriptedPlugins } from "@/server/runtime/worker/testing/scripted-plugins";
import { workerFixture, type WorkerFixture } from "@/server/runtime/worker/testing/worker-fixture";
import { MemoryOffsetStore } from "@/server/storage/memory/offset-store";

const id = { connector: "snk", task: 0 };
const config = { name: "snk", "connector.class": "test.ScriptedSinkConnector", topics: "orders" };
const FLUSH_MS = 1000;
let fx: WorkerFixture;

beforeEach(() => {
  vi.useFakeTimers();
  fx = workerFixture(new MemoryOffsetStore(), FLUSH_MS);
});

afterEach(async () => {
  await fx.worker.stop();
  vi.useRealTimers();
});

/** Starts the sink task, gives it `orders` partitions 0 and 1, and returns it with its consumer. */
async function started() {
  fx.worker.startTask(id, config, { "task.index": "0", topics: "orders" }, "STARTED");
  await vi.advanceTimersByTimeAsync(0);
  const consumer = fx.clients.sinkTaskConsumer("snk", 0);
  await consumer.assign([
    { topic: "orders", partition: 0 },
    { topic: "orders", partition: 1 },
  ]);
  return { task: ScriptedPlugins.sinkTasks[0]!, consumer };
}

describe("WorkerSinkTask", () => {
  it("consumes in the connector's group and commits offsets only after put and flush", async () => {
    const { task, consumer } = await started();
    expect(consumer.options).toMatchObject({ groupId: "connect-snk", topics: ["orders"] });
    expect(fx.statesOf("snk-0")).toEqual(["RUNNING"]);
    await consumer.deliver([incoming("orders", 0, 10, "a"), incoming("orders", 0, 11, "b"), incoming("orders", 0, 12, "c")]);
    expect(task.calls).toEqual(["open:orders-0,orders-1", "put:a,b,c"]);
    expect(consumer.commits).toEqual([]);

    await vi.advanceTimersByTimeAsync(FLUSH_MS);
    expect(task.calls).toEqual(["open:orders-0,orders-1", "put:a,b,c", "flush:13"]);
    expect(consumer.commits).toEqual([[{ topic: "orders", partition: 0, offset: 13n }]]);
    await vi.advanceTimersByTimeAsync(FLUSH_MS * 3);
    expect(consumer.commits).toHaveLength(1);
    expect(fx.topicsUsed).toEqual(["snk:orders"]);
  });

  it("keeps running when a commit to Kafka fails (a broker restarting), and the next commit carries the offsets", async () => {
    const { consumer } = await started();
    await consumer.deliver([incoming("orders", 0, 10, "a")]);
    consumer.failCommits.push(new Error("connection closed"));
    await vi.advanceTimersByTimeAsync(FLUSH_MS);
    expect(consumer.commits).toEqual([]);
    expect(fx.statesOf("snk-0")).toEqual(["RUNNING"]);
    await vi.advanceTimersByTimeAsync(FLUSH_MS);
    expect(consumer.committedOffsets).toEqual({ "orders-0": 11n });
  });

  it("fails with the trace of a put error and never commits past the batch it failed on", async () => {
    const { task, consumer } = await started();
    await consumer.deliver([incoming("orders", 0, 0, "ok")]);
    task.failPuts.push(new Error("the table is full"));
    await consumer.deliver([incoming("orders", 0, 1, "lost")]);
    await vi.advanceTimersByTimeAsync(0);
    const failed = fx.reports.find((report) => report.instance === "snk-0" && report.state === "FAILED");
    expect(failed?.trace).toMatch(/^Error: the table is full\n\s+at /);
    expect(consumer.committedOffsets).toEqual({ "orders-0": 1n });
    expect(consumer.closed).toBe(true);
    expect(task.calls).toContain("stop");
  });

  it("redelivers the same batch after a RetriableException, once the context's timeout passed", async () => {
    const { task, consumer } = await started();
    task.failPuts.push(new RetriableException("the service is busy"));
    const delivered = consumer.deliver([incoming("orders", 1, 5, "x")]);
    await vi.advanceTimersByTimeAsync(500);
    expect(task.calls).toEqual(["open:orders-0,orders-1"]);
    await vi.advanceTimersByTimeAsync(600);
    await delivered;
    expect(task.calls.filter((call) => call.startsWith("put"))).toEqual(["put:x"]);
    expect(fx.statesOf("snk-0")).toEqual(["RUNNING"]);
  });

  it("pauses every assigned partition on pause and resumes them on resume", async () => {
    const { consumer } = await started();
    fx.worker.setTaskTargetState(id, "PAUSED");
    expect([...consumer.paused].sort()).toEqual(["orders-0", "orders-1"]);
    expect(fx.statesOf("snk-0")).toEqual(["RUNNING", "PAUSED"]);
    fx.worker.setTaskTargetState(id, "STARTED");
    expect([...consumer.paused]).toEqual([]);
    expect(fx.statesOf("snk-0")).toEqual(["RUNNING", "PAUSED", "RUNNING"]);
  });

  it("commits a revoked partition's flushed offset before closing it", async () => {
    const { task, consumer } = await started();
    await consumer.deliver([incoming("orders", 0, 3, "a")]);
    await consumer.assign([{ topic: "orders", partition: 1 }]);
    expect(task.calls).toEqual(["open:orders-0,orders-1", "put:a", "flush:4", "close:orders-0"]);
    expect(consumer.commits).toEqual([[{ topic: "orders", partition: 0, offset: 4n }]]);
  });

  it("on stop flushes and commits, closes its partitions, stops the task and leaves the group; UNASSIGNED", async () => {
    const { task, consumer } = await started();
    await consumer.deliver([incoming("orders", 1, 41, "z")]);
    await fx.worker.stopTasks([id]);
    expect(task.calls).toEqual(["open:orders-0,orders-1", "put:z", "flush:42", "close:orders-0,orders-1", "stop"]);
    expect(consumer.commits).toEqual([[{ topic: "orders", partition: 1, offset: 42n }]]);
    expect(consumer.closed).toBe(true);
    expect(fx.statesOf("snk-0")).toEqual(["RUNNING", "UNASSIGNED"]);
  });
});
