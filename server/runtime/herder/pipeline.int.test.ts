/**
 * Data flows end to end through the standalone herder on the real broker: FileStreamSource →
 * topic → FileStreamSink, with the JSON converter (schemas on) in between, real SQLite stores and
 * real files. What a user checks: the output file is byte-identical to the input, pause stops the
 * flow and resume continues it, and a stopped source whose offsets were changed re-reads from there.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, tempDir, uniqueName } from "@/scripts/test/integration";
import { startStandaloneHarness, type StandaloneHarness } from "@/scripts/test/standalone-harness";

const folder = tempDir("pipeline-files");
let harness: StandaloneHarness;

beforeAll(async () => {
  harness = await startStandaloneHarness("pipeline");
});

afterAll(async () => {
  await harness.close();
  folder.remove();
});

function lineCount(file: string): number {
  if (!existsSync(file)) return 0;
  const text = readFileSync(file, "utf8");
  return text.length === 0 ? 0 : text.split("\n").length - 1;
}

describe("FileStreamSource → Kafka → FileStreamSink through the standalone herder", () => {
  const input = path.join(folder.dir, "input.txt");
  const output = path.join(folder.dir, "output.txt");
  const topic = uniqueName("pipeline");
  const source = uniqueName("file-source");
  const sink = uniqueName("file-sink");

  it("delivers a 200,000-line file byte for byte", async () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `line ${i} ${"é✓ ".repeat(i % 7)}{"json":"looking"} \\ "quoted"`);
    writeFileSync(input, `${lines.join("\n")}\n`);
    await harness.herder.putConnectorConfig(source, { "connector.class": "FileStreamSource", file: input, topic }, { allowReplace: false });
    await harness.herder.putConnectorConfig(sink, { "connector.class": "org.apache.kafka.connect.file.FileStreamSinkConnector", file: output, topics: topic }, { allowReplace: false });
    await eventually(() => (lineCount(output) >= 200_000 ? true : undefined), 180_000, "200,000 lines in the output file");
    expect(readFileSync(output).equals(readFileSync(input))).toBe(true);
    const status = await harness.herder.connectorStatus(source);
    expect(status).toMatchObject({ connector: { state: "RUNNING", worker_id: "test:8083" }, tasks: [{ id: 0, state: "RUNNING" }], type: "source" });
    expect((await harness.herder.connectorStatus(sink)).type).toBe("sink");
    expect(await harness.herder.connectorActiveTopics(source)).toEqual([topic]);
  });

  it("stops the flow within a second of a pause and continues on resume", async () => {
    await harness.herder.pauseConnector(source);
    await eventually(async () => ((await harness.herder.connectorStatus(source)).tasks[0]?.state === "PAUSED" ? true : undefined), 1000, "the task to pause");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    appendFileSync(input, "while paused 1\nwhile paused 2\n");
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(lineCount(output)).toBe(200_000);
    await harness.herder.resumeConnector(source);
    await eventually(() => (lineCount(output) === 200_002 ? true : undefined), 30_000, "the lines written while paused");
    expect(readFileSync(output, "utf8").endsWith("while paused 1\nwhile paused 2\n")).toBe(true);
  });

  it("re-reads from a position set while the source is stopped", async () => {
    await harness.herder.stopConnector(source);
    expect((await harness.herder.connectorStatus(source)).connector.state).toBe("STOPPED");
    const { offsets } = await harness.herder.connectorOffsets(source);
    const end = readFileSync(input).length;
    expect(offsets).toEqual([{ partition: { filename: input }, offset: { position: end } }]);
    const rewind = end - Buffer.byteLength("while paused 2\n");
    expect(await harness.herder.alterConnectorOffsets(source, [{ partition: { filename: input }, offset: { position: rewind } }])).toEqual({ message: "The offsets for this connector have been altered successfully" });
    await harness.herder.resumeConnector(source);
    await eventually(() => (lineCount(output) === 200_003 ? true : undefined), 30_000, "the re-read line");
    expect(readFileSync(output, "utf8").endsWith("while paused 2\nwhile paused 2\n")).toBe(true);
  });

  it("creates a source's topic with its topic.creation settings before the first record", async () => {
    const created = uniqueName("created");
    const file = path.join(folder.dir, "created.txt");
    writeFileSync(file, "a\nb\n");
    const name = uniqueName("creator");
    await harness.herder.putConnectorConfig(name, { "connector.class": "FileStreamSource", file, topic: created, "topic.creation.default.partitions": "3", "topic.creation.default.replication.factor": "1" }, { allowReplace: false });
    const partitions = await eventually(async () => {
      const offsets = await harness.clients.admin().endOffsets([created]).catch(() => []);
      return offsets.reduce((sum, p) => sum + Number(p.offset), 0) === 2 ? offsets.length : undefined;
    }, 30_000, "the two records in the created topic");
    expect(partitions).toBe(3);
    await harness.herder.deleteConnector(name);
  });

  it("refuses offset changes while the connector runs", async () => {
    await expect(harness.herder.alterConnectorOffsets(source, [{ partition: { filename: input }, offset: { position: 0 } }])).rejects.toThrow(/must be in the STOPPED state/);
    await harness.herder.deleteConnector(source);
    await harness.herder.deleteConnector(sink);
    expect(await harness.herder.connectors()).toEqual([]);
  });
});
