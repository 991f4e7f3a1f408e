import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TributaryError } from "@/server/errors/tributary-error";
import { ScriptedPlugins, sourceRecord } from "@/server/runtime/worker/testing/scripted-plugins";
import { workerFixture, type WorkerFixture } from "@/server/runtime/worker/testing/worker-fixture";
import { MemoryOffsetStore } from "@/server/storage/memory/offset-store";

const id = { connector: "src", task: 0 };
const config = { name: "src", "connector.class": "test.ScriptedSourceConnector" };
let fx: WorkerFixture;

beforeEach(() => {
  vi.useFakeTimers();
  fx = workerFixture(new MemoryOffsetStore(), 1000);
});

afterEach(async () => {
  await fx.worker.stop();
  vi.useRealTimers();
});

/** Starts the source task and returns it with its producer once it reported RUNNING. */
async function started(target: "STARTED" | "PAUSED" = "STARTED", taskConfig: Record<string, string> = {}) {
  fx.worker.startTask(id, config, { "task.index": "0", ...taskConfig }, target);
  await vi.advanceTimersByTimeAsync(0);
  return { task: ScriptedPlugins.sourceTasks[0]!, producer: fx.clients.sourceProducer("src", 0) };
}

const sentValues = (fxProducer: { acknowledged: Array<Array<{ value: Buffer | null }>> }) => fxProducer.acknowledged.flat().map((record) => record.value?.toString());

describe("WorkerSourceTask", () => {
  it("backs off when poll returns nothing at once, instead of spinning, and sends what comes next", async () => {
    const { task, producer } = await started("STARTED", { "poll.blocks": "false" });
    await vi.advanceTimersByTimeAsync(5_000);
    // 5, 10, 20, …, 320 ms, then every 500 ms: 7 + 9 polls in 5 s, where a loop without a wait never yields.
    expect(task.emptyPolls).toBeGreaterThanOrEqual(15);
    expect(task.emptyPolls).toBeLessThanOrEqual(18);
    task.feed(sourceRecord("lines", "late", 1));
    await vi.advanceTimersByTimeAsync(500);
    expect(sentValues(producer)).toEqual(["late"]);
  });

  it("commits a source offset only once the producer acknowledged its record", async () => {
    const { task, producer } = await started();
    expect(fx.statesOf("src-0")).toEqual(["RUNNING"]);
    producer.holding = true;
    task.feed(sourceRecord("lines", "a", 2), sourceRecord("lines", "b", 4));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(producer.heldRecords).toBe(2);
    expect(await fx.offsets.offsets("src")).toEqual([]);
    expect(task.commits).toBe(0);

    producer.release();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sentValues(producer)).toEqual(["a", "b"]);
    expect(await fx.offsets.offsets("src")).toEqual([{ partition: { file: "in.txt" }, offset: { position: 4 } }]);
    expect(task.commits).toBe(1);
    expect(task.committedRecords).toEqual([
      { value: "a", acknowledged: true },
      { value: "b", acknowledged: true },
    ]);
    expect(fx.topicsUsed).toEqual(["src:lines"]);
  });

  it("keeps running when writing its offsets fails (a broker restarting), and writes them with the next commit", async () => {
    const offsets = fx.offsets as MemoryOffsetStore;
    const write = offsets.write.bind(offsets);
    let failures = 1;
    offsets.write = async (...args) => {
      if (failures-- > 0) throw new Error("the offsets topic cannot be reached");
      return write(...args);
    };
    const { task } = await started();
    task.feed(sourceRecord("lines", "a", 2));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await fx.offsets.offsets("src")).toEqual([]);
    expect(fx.statesOf("src-0")).toEqual(["RUNNING"]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await fx.offsets.offsets("src")).toEqual([{ partition: { file: "in.txt" }, offset: { position: 2 } }]);
  });

  it("polls the next batch while one is on the wire, and sends it only once that one was acknowledged", async () => {
    const { task, producer } = await started();
    producer.holding = true;
    task.feed(sourceRecord("lines", "first", 1));
    await vi.advanceTimersByTimeAsync(0);
    task.feed(sourceRecord("lines", "second", 2));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(task.polledBatches).toBe(2);
    expect(producer.heldRecords).toBe(1);

    producer.release();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sentValues(producer)).toEqual(["first", "second"]);
    expect(await fx.offsets.offsets("src")).toEqual([{ partition: { file: "in.txt" }, offset: { position: 2 } }]);
  });

  it("commits what was acknowledged when it stops, closes its producer and reports UNASSIGNED", async () => {
    const { task, producer } = await started();
    task.feed(sourceRecord("lines", "a", 7));
    await vi.advanceTimersByTimeAsync(0);
    expect(await fx.offsets.offsets("src")).toEqual([]);
    await fx.worker.stopTasks([id]);
    expect(await fx.offsets.offsets("src")).toEqual([{ partition: { file: "in.txt" }, offset: { position: 7 } }]);
    expect(producer.closed).toBe(true);
    expect(task.stopped).toBe(true);
    expect(fx.statesOf("src-0")).toEqual(["RUNNING", "UNASSIGNED"]);
  });

  it("resends a batch after a retriable produce failure, and commits it once acknowledged", async () => {
    const { task, producer } = await started();
    producer.failNext(2);
    task.feed(sourceRecord("lines", "a", 1));
    await vi.advanceTimersByTimeAsync(150);
    expect(sentValues(producer)).toEqual([]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sentValues(producer)).toEqual(["a"]);
    task.feed(sourceRecord("lines", "b", 2));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await fx.offsets.offsets("src")).toEqual([{ partition: { file: "in.txt" }, offset: { position: 2 } }]);
    expect(fx.statesOf("src-0")).toEqual(["RUNNING"]);
  });

  it("fails with the trace of a poll error, after committing what was acknowledged before it", async () => {
    const { task, producer } = await started();
    task.feed(sourceRecord("lines", "a", 3));
    await vi.advanceTimersByTimeAsync(0);
    task.failPoll(new Error("the source file vanished"));
    await vi.advanceTimersByTimeAsync(0);
    const failed = fx.reports.find((report) => report.instance === "src-0" && report.state === "FAILED");
    expect(failed?.trace).toMatch(/^Error: the source file vanished\n\s+at /);
    expect(fx.statesOf("src-0")).toEqual(["RUNNING", "FAILED"]);
    expect(await fx.offsets.offsets("src")).toEqual([{ partition: { file: "in.txt" }, offset: { position: 3 } }]);
    expect(producer.closed).toBe(true);
  });

  it("fails on a produce error that is not retriable (errors.tolerance none) and commits nothing of that batch", async () => {
    const { task, producer } = await started();
    producer.failNext(1, new TributaryError("kafka.record_too_large", "The request included a message larger than the max message size"));
    task.feed(sourceRecord("lines", "big", 9));
    await vi.advanceTimersByTimeAsync(0);
    const failed = fx.reports.find((report) => report.state === "FAILED");
    expect(failed?.trace).toContain("larger than the max message size");
    expect(await fx.offsets.offsets("src")).toEqual([]);
  });

  it("reports PAUSED and polls nothing while paused; resumes where it was", async () => {
    const { task, producer } = await started();
    fx.worker.setTaskTargetState(id, "PAUSED");
    task.feed(sourceRecord("lines", "in flight", 1));
    await vi.advanceTimersByTimeAsync(0);
    task.feed(sourceRecord("lines", "while paused", 2));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sentValues(producer)).toEqual(["in flight"]);
    expect(fx.statesOf("src-0")).toEqual(["RUNNING", "PAUSED"]);

    fx.worker.setTaskTargetState(id, "STARTED");
    await vi.advanceTimersByTimeAsync(0);
    expect(sentValues(producer)).toEqual(["in flight", "while paused"]);
    expect(fx.statesOf("src-0")).toEqual(["RUNNING", "PAUSED", "RUNNING"]);
  });

  it("starts PAUSED when asked to, sending nothing until resumed", async () => {
    const { task, producer } = await started("PAUSED");
    task.feed(sourceRecord("lines", "a", 1));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sentValues(producer)).toEqual([]);
    expect(fx.statesOf("src-0")).toEqual(["PAUSED"]);
    fx.worker.setTaskTargetState(id, "STARTED");
    await vi.advanceTimersByTimeAsync(0);
    expect(sentValues(producer)).toEqual(["a"]);
  });
});
