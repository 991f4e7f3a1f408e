/**
 * `npm run bench`: throughput and memory of the runtime's data paths with one task on a real
 * local broker, printed as a table and saved as JSON under `.cache/bench/` so runs can be
 * compared. Scenarios (1,000,000 lines of 100 bytes, JsonConverter with schemas on):
 *   file → Kafka   FileStreamSource into a fresh topic, timed until the topic holds every record
 *   Kafka → file   FileStreamSink from that topic, timed until the file holds every line
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

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const LINE_BYTES = 100;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

interface Result {
  scenario: string;
  records: number;
  seconds: number;
  recordsPerSecond: number;
  megabytesPerSecond: number;
  cpuSecondsPerMillion: number;
  peakRssMb: number;
}

/** Samples RSS every 50 ms while `work` runs; returns the work's duration, CPU time and peak RSS. */
async function measure(scenario: string, work: () => Promise<void>): Promise<Result> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  return {
    scenario,
    records: RECORDS,
    seconds: round(seconds),
    recordsPerSecond: Math.round(RECORDS / seconds),
    megabytesPerSecond: round((RECORDS * LINE_BYTES) / seconds / 1e6),
    cpuSecondsPerMillion: round(((used.user + used.system) / 1e6) * (1_000_000 / RECORDS)),
    peakRssMb: Math.round(peak / 1e6),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

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

try {
  const input = path.join(dir, "input.txt");
  const output = path.join(dir, "output.txt");
  const topic = `bench-${Date.now()}`;
  await writeInput(input);
  await clients.admin().createTopics([{ name: topic, partitions: 1, replicationFactor: 1 }]);
  const admin = clients.admin();
  const results: Result[] = [];

  results.push(
    await measure("file → Kafka", async () => {
      await herder.putConnectorConfig("bench-source", { "connector.class": "FileStreamSource", file: input, topic, "batch.size": "2000" }, { allowReplace: false });
      await until(async () => (await admin.endOffsets([topic])).reduce((sum, p) => sum + Number(p.offset), 0) >= RECORDS, "the topic to hold every record");
    }),
  );
  await herder.deleteConnector("bench-source");

  results.push(
    await measure("Kafka → file", async () => {
      await herder.putConnectorConfig("bench-sink", { "connector.class": "FileStreamSink", file: output, topics: topic }, { allowReplace: false });
      await until(() => {
        try {
          return statSync(output).size >= RECORDS * (LINE_BYTES + 1);
        } catch {
          return false;
        }
      }, "the file to hold every line");
    }),
  );
  await herder.deleteConnector("bench-sink");

  console.log(`\n${RECORDS.toLocaleString("en")} records of ${LINE_BYTES} bytes, one task, JsonConverter (schemas on), Kafka at ${brokers}\n`);
  console.log("scenario        records/s      MB/s   CPU-s per 1M   peak RSS MB   seconds");
  for (const r of results) {
    console.log(`${r.scenario.padEnd(14)} ${String(r.recordsPerSecond).padStart(10)} ${String(r.megabytesPerSecond).padStart(9)} ${String(r.cpuSecondsPerMillion).padStart(14)} ${String(r.peakRssMb).padStart(13)} ${String(r.seconds).padStart(9)}`);
  }
  const saved = path.join(root, ".cache", "bench", `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  mkdirSync(path.dirname(saved), { recursive: true });
  writeFileSync(saved, JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2));
  console.log(`\nSaved to ${path.relative(root, saved)}`);
} finally {
  await herder.stop();
  rmSync(dir, { recursive: true, force: true });
  if (startedBroker && !startedBroker.reused) await stopBroker("bench");
}
process.exit(0);
