import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { OffsetMap } from "@/server/plugins/api/offsets";
import { SinkRecord } from "@/server/plugins/api/records";
import type { SourceTaskContext } from "@/server/plugins/api/task";
import { FileStreamSinkConnector } from "@/server/plugins/connectors/file/file-stream-sink-connector";
import { FileStreamSinkTask } from "@/server/plugins/connectors/file/file-stream-sink-task";
import { FileStreamSourceConnector } from "@/server/plugins/connectors/file/file-stream-source-connector";
import { FileStreamSourceTask } from "@/server/plugins/connectors/file/file-stream-source-task";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempFile(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "filestream-"));
  dirs.push(dir);
  return path.join(dir, name);
}

function sourceContext(stored: OffsetMap | null = null): SourceTaskContext {
  return {
    configs: () => ({}),
    offsetStorageReader: () => ({ offset: async () => stored, offsets: async () => new Map() }),
  };
}

async function startSource(props: Record<string, string>, stored: OffsetMap | null = null): Promise<FileStreamSourceTask> {
  const task = new FileStreamSourceTask();
  task.initialize(sourceContext(stored));
  await task.start(props);
  return task;
}

describe("FileStreamSourceConnector", () => {
  it("makes exactly one task config whatever tasks.max says", () => {
    const connector = new FileStreamSourceConnector();
    connector.start({ file: "/tmp/in.txt", topic: "lines" });
    expect(connector.taskConfigs(5)).toEqual([{ file: "/tmp/in.txt", topic: "lines", "batch.size": "2000" }]);
  });

  it("requires a topic and a positive batch.size", () => {
    const values = new FileStreamSourceConnector().config().validateAll({ "batch.size": "0" });
    expect(values.get("topic")!.errors).toEqual(['Missing required configuration "topic" which has no default value.']);
    expect(values.get("batch.size")!.errors[0]).toMatch(/Invalid value 0 for configuration batch\.size/);
  });

  it("accepts offset changes only for a file, with non-negative positions", () => {
    const connector = new FileStreamSourceConnector();
    const offsets = (offset: OffsetMap | null) => new Map<OffsetMap, OffsetMap | null>([[{ filename: "/tmp/in.txt" }, offset]]);
    expect(connector.alterOffsets({ file: "/tmp/in.txt" }, offsets({ position: 10 }))).toBe(true);
    expect(connector.alterOffsets({ file: "/tmp/in.txt" }, offsets(null))).toBe(true);
    expect(() => connector.alterOffsets({ file: "/tmp/in.txt" }, offsets({ position: -1 }))).toThrow(/non-negative integer/);
    expect(() => connector.alterOffsets({}, offsets({ position: 1 }))).toThrow(/standard input/);
  });
});

describe("FileStreamSourceTask", () => {
  it("emits every complete line as a STRING record with the byte position after it", async () => {
    const file = tempFile("in.txt");
    writeFileSync(file, "first\nsecond ✓\nthird");
    const task = await startSource({ file, topic: "lines", "batch.size": "10" });
    const records = (await task.poll())!;
    expect(records.map((r) => [r.topic, r.value, r.valueSchema?.type, r.sourcePartition, r.sourceOffset])).toEqual([
      ["lines", "first", "STRING", { filename: file }, { position: 6 }],
      ["lines", "second ✓", "STRING", { filename: file }, { position: 17 }],
    ]);
    appendFileSync(file, " line\n");
    expect((await task.poll())!.map((r) => [r.value, r.sourceOffset])).toEqual([["third line", { position: 28 }]]);
    await task.stop();
  });

  it("resumes after the committed position", async () => {
    const file = tempFile("in.txt");
    writeFileSync(file, "one\ntwo\nthree\n");
    const task = await startSource({ file, topic: "t" }, { position: 4 });
    expect((await task.poll())!.map((r) => r.value)).toEqual(["two", "three"]);
    await task.stop();
  });

  it("returns at most batch.size records per poll, then the rest", async () => {
    const file = tempFile("in.txt");
    writeFileSync(file, Array.from({ length: 25 }, (_, i) => `line-${i}\n`).join(""));
    const task = await startSource({ file, topic: "t", "batch.size": "10" });
    const sizes: number[] = [];
    for (let i = 0; i < 3; i++) sizes.push((await task.poll())!.length);
    expect(sizes).toEqual([10, 10, 5]);
    await task.stop();
  });

  it("waits a second when the file has nothing new, as Kafka's task does, then reads what was appended", async () => {
    const file = tempFile("idle.txt");
    writeFileSync(file, "one\n");
    const task = await startSource({ file, topic: "t" });
    expect((await task.poll())!.map((r) => r.value)).toEqual(["one"]);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      let settled = false;
      const idle = task.poll().then((records) => {
        settled = true;
        return records;
      });
      while (vi.getTimerCount() === 0) await new Promise((resolve) => setImmediate(resolve)); // the fstat is real I/O
      await vi.advanceTimersByTimeAsync(999);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await idle).toBeNull();
    } finally {
      vi.useRealTimers();
    }
    appendFileSync(file, "two\n");
    expect((await task.poll())!.map((r) => [r.value, r.sourceOffset])).toEqual([["two", { position: 8 }]]);
    await task.stop();
  });

  it("waits for a missing file and returns promptly when stopped", async () => {
    const task = await startSource({ file: tempFile("later.txt"), topic: "t" });
    const polling = task.poll();
    await task.stop();
    expect(await polling).toBeNull();
  });
});

describe("FileStreamSink", () => {
  it("gives every task the same file", () => {
    const connector = new FileStreamSinkConnector();
    connector.start({ file: "/tmp/out.txt" });
    expect(connector.taskConfigs(3)).toEqual([{ file: "/tmp/out.txt" }, { file: "/tmp/out.txt" }, { file: "/tmp/out.txt" }]);
  });

  it("appends each value and a newline, across restarts", async () => {
    const file = tempFile("out.txt");
    writeFileSync(file, "existing\n");
    const record = (value: unknown, offset: number) => new SinkRecord({ topic: "t", kafkaPartition: 0, kafkaOffset: BigInt(offset), value });
    const task = new FileStreamSinkTask();
    await task.start({ file });
    await task.put([record("a", 0), record("ü ✓", 1), record(null, 2)]);
    await task.flush();
    await task.stop();
    const again = new FileStreamSinkTask();
    await again.start({ file });
    await again.put([record(42, 3)]);
    await again.stop();
    expect(readFileSync(file, "utf8")).toBe("existing\na\nü ✓\nnull\n42\n");
  });
});

describe("FileStreamSink output format", () => {
  it("prints maps, lists and structs as Kafka's sink (Java's println) does", async () => {
    const file = tempFile("out.txt");
    const task = new FileStreamSinkTask();
    await task.start({ file });
    const record = (value: unknown) => new SinkRecord({ topic: "t", kafkaPartition: 0, kafkaOffset: 0n, value });
    await task.put([record(new Map<string, unknown>([["viewtime", 1n], ["pages", ["a", "b"]], ["nested", new Map([["x", true]])]]))]);
    await task.stop();
    expect(readFileSync(file, "utf8")).toBe("{viewtime=1, pages=[a, b], nested={x=true}}\n");
  });
});
