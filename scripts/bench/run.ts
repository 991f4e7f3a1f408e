/**
 * `npm run bench`: throughput and memory of the runtime's data paths with one task on a real
 * local broker, printed as a table beside the previous run's figures and saved as JSON under
 * `.cache/bench/` so runs can be compared. Scenarios (1,000,000 records, JsonConverter with
 * schemas on):
 *   file → Kafka     FileStreamSource (lines of 100 bytes) into a fresh topic, until the topic holds every record
 *   Kafka → file     FileStreamSink from that topic, until the file holds every line
 *   datagen → Kafka  DatagenConnector (quickstart users, max.interval=0, iterations fixed), until the topic holds every record
 * `BENCH_RECORDS` changes the count; `BENCH_ONLY=datagen` (or `file`) runs a subset, for profiling.
 * Uses `KAFKA_BROKERS` when set, else the local `bench` broker (stopped afterwards if started here).
 */
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPluginRegistry } from "@/server/boot/runtime-factory";
import { parseWorkerConfig } from "@/server/config/worker-config";
import { KafkajsClientFactory } from "@/server/kafka/client-factory";
import { StandaloneHerder } from "@/server/runtime/herder/standalone-herder";
import { MemoryConfigStore } from "@/server/storage/memory/config-store";
import { MemoryOffsetStore } from "@/server/storage/memory/offset-store";
import { MemoryStatusStore } from "@/server/storage/memory/status-store";
import { startBroker, stopBroker } from "../kafka/local-kafka";
import { measure, previousRuns, table, type Result } from "./measure";

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const ONLY = process.env.BENCH_ONLY ?? "";
const LINE_BYTES = 100;
const SAMPLE = 1000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function writeInput(file: string): Promise<void> {
  const out = createWriteStream(file);
  const pad = "x".repeat(LINE_BYTES);
  for (let i = 0; i < RECORDS; i++) {
    const prefix = `${i} `;
    if (!out.write(`${prefix}${pad.slice(prefix.length)}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

const startedBroker = process.env.KAFKA_BROKERS ? null : await startBroker({ name: "bench", port: "auto" });
const brokers = process.env.KAFKA_BROKERS ?? startedBroker!.bootstrap;
const dir = mkdtempSync(path.join(os.tmpdir(), "tributary-bench-"));
const worker = parseWorkerConfig({ "bootstrap.servers": brokers, "offset.flush.interval.ms": "5000" }, () => "bench");
const clients = new KafkajsClientFactory(worker);
const herder = new StandaloneHerder({
  workerId: "bench:0",
  registry: createPluginRegistry(),
  configs: new MemoryConfigStore(),
  statuses: new MemoryStatusStore(),
  offsets: new MemoryOffsetStore(),
  admin: clients.admin(),
  worker: {
    workerConfig: { "key.converter": worker.settings["key.converter"], "value.converter": worker.settings["value.converter"], "header.converter": worker.settings["header.converter"] },
    clients,
    offsetFlushIntervalMs: 5000,
  },
  close: () => clients.close(),
});
await herder.prepare();
await herder.start();
const admin = clients.admin();

const topicHolds = async (topic: string) => (await admin.endOffsets([topic])).reduce((sum, p) => sum + Number(p.offset), 0) >= RECORDS;

/** The mean size (key + value bytes) of the first records of `topic`, times RECORDS: what a scenario wrote. */
async function estimatedBytes(topic: string): Promise<number> {
  const consumer = clients.sinkConsumer({ groupId: `bench-sample-${Date.now()}`, clientId: "bench-sample", topics: [topic], overrides: {} });
  let bytes = 0;
  let count = 0;
  await new Promise<void>((resolve) => {
    void consumer.start({
      onBatch: async (records) => {
        for (const record of records.slice(0, SAMPLE - count)) bytes += (record.key?.length ?? 0) + (record.value?.length ?? 0);
        count = Math.min(SAMPLE, count + records.length);
        if (count >= SAMPLE) resolve();
      },
      onAssignment: async () => {},
    });
  });
  await consumer.close();
  return (bytes / count) * RECORDS;
}

try {
  const results: Result[] = [];
  if (ONLY === "" || ONLY === "file") {
    const input = path.join(dir, "input.txt");
    const output = path.join(dir, "output.txt");
    const topic = `bench-${Date.now()}`;
    await writeInput(input);
    await admin.createTopics([{ name: topic, partitions: 1, replicationFactor: 1 }]);
    results.push(
      await measure("file → Kafka", RECORDS, async () => {
        await herder.putConnectorConfig("bench-source", { "connector.class": "FileStreamSource", file: input, topic, "batch.size": "2000" }, { allowReplace: false });
        await until(() => topicHolds(topic), "the topic to hold every record");
      }, () => RECORDS * LINE_BYTES),
    );
    await herder.deleteConnector("bench-source");
    results.push(
      await measure("Kafka → file", RECORDS, async () => {
        await herder.putConnectorConfig("bench-sink", { "connector.class": "FileStreamSink", file: output, topics: topic }, { allowReplace: false });
        await until(() => {
          try {
            return statSync(output).size >= RECORDS * (LINE_BYTES + 1);
          } catch {
            return false;
          }
        }, "the file to hold every line");
      }, () => RECORDS * LINE_BYTES),
    );
    await herder.deleteConnector("bench-sink");
  }
  if (ONLY === "" || ONLY === "datagen") {
    const topic = `bench-datagen-${Date.now()}`;
    await admin.createTopics([{ name: topic, partitions: 1, replicationFactor: 1 }]);
    const config = { "connector.class": "io.confluent.kafka.connect.datagen.DatagenConnector", quickstart: "users", "kafka.topic": topic, "max.interval": "0", iterations: String(RECORDS), "random.seed": "42" };
    results.push(
      await measure("datagen → Kafka", RECORDS, async () => {
        await herder.putConnectorConfig("bench-datagen", config, { allowReplace: false });
        await until(() => topicHolds(topic), "the topic to hold every record");
      }, () => estimatedBytes(topic)),
    );
    await herder.deleteConnector("bench-datagen");
  }

  const saved = path.join(root, ".cache", "bench");
  const previous = previousRuns(saved);
  console.log(`\n${RECORDS.toLocaleString("en")} records, one task, JsonConverter (schemas on), Kafka at ${brokers}\nMB/s: input lines for the file scenarios, key and value bytes written for datagen\n`);
  console.log(table(results, previous));
  const file = path.join(saved, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  mkdirSync(saved, { recursive: true });
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2));
  console.log(`\nSaved to ${path.relative(root, file)}`);
} finally {
  await herder.stop();
  rmSync(dir, { recursive: true, force: true });
  if (startedBroker && !startedBroker.reused) await stopBroker("bench");
}
process.exit(0);
