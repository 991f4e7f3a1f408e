/**
 * Data flows end to end through the standalone herder on the real broker: FileStreamSource →
 * topic → FileStreamSink, with the JSON converter (schemas on) in between, real SQLite stores and
 * real files. What a user checks: the output file is byte-identical to the input, pause stops the
 * flow and resume continues it, and a stopped source whose offsets were changed re-reads from there.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, kafkaBrokers, tempDir, uniqueName } from "@/scripts/test/integration";
import { createPluginRegistry } from "@/server/boot/runtime-factory";
import { parseWorkerConfig } from "@/server/config/worker-config";
import { KafkajsClientFactory } from "@/server/kafka/client-factory";
import { StandaloneHerder } from "@/server/runtime/herder/standalone-herder";
import { PrismaConfigStore } from "@/server/storage/prisma/config-store";
import { openDatabase, type Database } from "@/server/storage/prisma/database";
import { applyMigrations } from "@/server/storage/prisma/migrate";
import { PrismaOffsetStore } from "@/server/storage/prisma/offset-store";
import { PrismaStatusStore } from "@/server/storage/prisma/status-store";

const folder = tempDir("pipeline");
let db: Database;
let herder: StandaloneHerder;
let clients: KafkajsClientFactory;

beforeAll(() => {
  const url = `file:${path.join(folder.dir, "worker.db")}`;
  applyMigrations(url, path.resolve("prisma", "migrations"));
  db = openDatabase(url);
  const worker = parseWorkerConfig({ "bootstrap.servers": kafkaBrokers(), "offset.flush.interval.ms": "500" }, () => "test");
  clients = new KafkajsClientFactory(worker);
  herder = new StandaloneHerder({
    workerId: "test:8083",
    registry: createPluginRegistry(),
    configs: new PrismaConfigStore(db),
    statuses: new PrismaStatusStore(db),
    offsets: new PrismaOffsetStore(db),
    admin: clients.admin(),
    worker: {
      workerConfig: { "key.converter": worker.settings["key.converter"], "value.converter": worker.settings["value.converter"], "header.converter": worker.settings["header.converter"] },
      clients,
      offsetFlushIntervalMs: 500,
      topicCreationEnabled: true,
    },
    close: () => clients.close(),
  });
});

afterAll(async () => {
  await herder.stop();
  await db.$disconnect();
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
    await herder.putConnectorConfig(source, { "connector.class": "FileStreamSource", file: input, topic }, { allowReplace: false });
    await herder.putConnectorConfig(sink, { "connector.class": "org.apache.kafka.connect.file.FileStreamSinkConnector", file: output, topics: topic }, { allowReplace: false });
    await eventually(() => (lineCount(output) >= 200_000 ? true : undefined), 180_000, "200,000 lines in the output file");
    expect(readFileSync(output).equals(readFileSync(input))).toBe(true);
    const status = await herder.connectorStatus(source);
    expect(status).toMatchObject({ connector: { state: "RUNNING", worker_id: "test:8083" }, tasks: [{ id: 0, state: "RUNNING" }], type: "source" });
    expect((await herder.connectorStatus(sink)).type).toBe("sink");
    expect(await herder.connectorActiveTopics(source)).toEqual([topic]);
  });

  it("stops the flow within a second of a pause and continues on resume", async () => {
    await herder.pauseConnector(source);
    await eventually(async () => ((await herder.connectorStatus(source)).tasks[0]?.state === "PAUSED" ? true : undefined), 1000, "the task to pause");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    appendFileSync(input, "while paused 1\nwhile paused 2\n");
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(lineCount(output)).toBe(200_000);
    await herder.resumeConnector(source);
    await eventually(() => (lineCount(output) === 200_002 ? true : undefined), 30_000, "the lines written while paused");
    expect(readFileSync(output, "utf8").endsWith("while paused 1\nwhile paused 2\n")).toBe(true);
  });

  it("re-reads from a position set while the source is stopped", async () => {
    await herder.stopConnector(source);
    expect((await herder.connectorStatus(source)).connector.state).toBe("STOPPED");
    const { offsets } = await herder.connectorOffsets(source);
    const end = readFileSync(input).length;
    expect(offsets).toEqual([{ partition: { filename: input }, offset: { position: end } }]);
    const rewind = end - Buffer.byteLength("while paused 2\n");
    expect(await herder.alterConnectorOffsets(source, [{ partition: { filename: input }, offset: { position: rewind } }])).toEqual({ message: "The offsets for this connector have been altered successfully" });
    await herder.resumeConnector(source);
    await eventually(() => (lineCount(output) === 200_003 ? true : undefined), 30_000, "the re-read line");
    expect(readFileSync(output, "utf8").endsWith("while paused 2\nwhile paused 2\n")).toBe(true);
  });

  it("creates a source's topic with its topic.creation settings before the first record", async () => {
    const created = uniqueName("created");
    const file = path.join(folder.dir, "created.txt");
    writeFileSync(file, "a\nb\n");
    const name = uniqueName("creator");
    await herder.putConnectorConfig(name, { "connector.class": "FileStreamSource", file, topic: created, "topic.creation.default.partitions": "3", "topic.creation.default.replication.factor": "1" }, { allowReplace: false });
    const partitions = await eventually(async () => {
      const offsets = await clients.admin().endOffsets([created]).catch(() => []);
      return offsets.reduce((sum, p) => sum + Number(p.offset), 0) === 2 ? offsets.length : undefined;
    }, 30_000, "the two records in the created topic");
    expect(partitions).toBe(3);
    await herder.deleteConnector(name);
  });

  it("refuses offset changes while the connector runs", async () => {
    await expect(herder.alterConnectorOffsets(source, [{ partition: { filename: input }, offset: { position: 0 } }])).rejects.toThrow(/must be in the STOPPED state/);
    await herder.deleteConnector(source);
    await herder.deleteConnector(sink);
    expect(await herder.connectors()).toEqual([]);
  });
});
