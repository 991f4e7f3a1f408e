/**
 * `npm run bench [-- --vs-akc]`: throughput, CPU and memory of the data paths with one task on a
 * real broker, each run through a worker process's own Connect REST API (`tributary standalone`;
 * with `--vs-akc` also Apache Kafka Connect's standalone worker, resolved from Maven Central, on
 * the same broker, files and converters, and the ratio of the two). Scenarios, 1,000,000 records
 * each (`BENCH_RECORDS` changes it):
 *   file → Kafka    FileStreamSource over lines of 100 bytes into a fresh topic, until it holds every record
 *   Kafka → file    FileStreamSink from one topic both runtimes read, until the file holds every line
 *   (each with StringConverter and with JsonConverter, schemas on)
 *   datagen → Kafka DatagenConnector, quickstart users (Tributary only: Confluent's connector is not on Maven Central)
 * plus each worker's REST-ready time and resident memory at rest and at its peak over the run.
 * When a production build of the console exists (`npm run build`), the console with its embedded
 * worker is measured too: ready time, memory at rest, and memory while it runs file → Kafka
 * (String). Figures are printed, Tributary's beside the previous run's, and saved under
 * `.cache/bench/`.
 * Then the scale scenario (scale.ts): N FileStreamSource connectors on one fresh worker, N=20 by
 * default; `--scale 100,500,1000` (or `BENCH_SCALE`) sets the Ns and, unless `BENCH_ONLY` says
 * otherwise, runs the scale scenario alone.
 * Last the JDBC scenario (jdbc.ts): `BENCH_JDBC_ROWS` rows (100,000) through the JDBC source and
 * sink on a throwaway PostgreSQL, beside PostgreSQL's own COPY rate.
 * `BENCH_ONLY=file-string,file-json,datagen,scale,jdbc` runs a subset. Uses `KAFKA_BROKERS` when set,
 * else the local `bench` broker (stopped afterwards if started here).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseWorkerConfig } from "@/server/config/worker-config";
import { WorkerClientFactory } from "@/server/kafka/client-factory";
import { KAFKA_VERSION, startBroker, stopBroker } from "../kafka/local-kafka";
import { previousRun, processTable, saveRun, scenarioTable, type ProcessFigures, type ScenarioResult } from "./report";
import { CONVERTERS, fileHolds, measureConnector, writeLines } from "./scenarios";
import { MemorySampler, rssMb } from "./processes";
import { benchJdbc, jdbcTable } from "./jdbc";
import { scaleScenario, scaleTable } from "./scale";
import { startConsoleWorker, startKafkaConnectWorker, startTributaryWorker, type BenchWorker } from "./workers";

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
/** The value of `--name value` or `--name=value` on the command line. */
function flag(name: string): string | undefined {
  const at = process.argv.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (at < 0) return undefined;
  return process.argv[at]!.includes("=") ? process.argv[at]!.slice(name.length + 3) : process.argv[at + 1];
}

const SCALE_FLAG = flag("scale");
const ONLY = (process.env.BENCH_ONLY ?? (SCALE_FLAG ? "scale" : "file-string,file-json,datagen,scale,jdbc")).split(",");
/** Rows of the JDBC scenario; `npm run bench:jdbc` runs it alone with a million. */
const JDBC_ROWS = Number(process.env.BENCH_JDBC_ROWS ?? 100_000);
const SCALE = (SCALE_FLAG ?? process.env.BENCH_SCALE ?? "20").split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0);
if (SCALE.length === 0) throw new Error("bench: --scale wants connector counts separated by commas, such as 100,500,1000");
const VS_AKC = process.argv.includes("--vs-akc");
const THROUGHPUT = ["file-string", "file-json", "datagen"];
const LINE_BYTES = 100;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const startedBroker = process.env.KAFKA_BROKERS ? null : await startBroker({ name: "bench", port: "auto" });
const brokers = process.env.KAFKA_BROKERS ?? startedBroker!.bootstrap;
const dir = mkdtempSync(path.join(os.tmpdir(), "tributary-bench-"));
const clients = new WorkerClientFactory(parseWorkerConfig({ "bootstrap.servers": brokers }, () => "bench"));
const admin = clients.admin();
const workers: BenchWorker[] = [];
const stamp = Date.now();

const topicHolds = async (topic: string) => (await admin.endOffsets([topic])).reduce((sum, p) => sum + Number(p.offset), 0) >= RECORDS;

let topicCount = 0;
async function freshTopic(name: string): Promise<string> {
  const topic = `${name}-${stamp}-${topicCount++}`;
  await admin.createTopics([{ name: topic, partitions: 1, replicationFactor: 1 }]);
  return topic;
}

/** Runs one scenario on every worker, Tributary first; `configFor` gives each worker's connector config and completion check. */
async function scenario(
  name: string,
  runOn: BenchWorker[],
  configFor: (worker: BenchWorker, index: number) => Promise<{ config: Record<string, string>; done: () => Promise<boolean> | boolean }>,
): Promise<ScenarioResult> {
  const measured = [];
  for (const [index, worker] of runOn.entries()) {
    const { config, done } = await configFor(worker, index);
    measured.push(await measureConnector(worker, `bench-${name.replace(/\W+/g, "-")}-${index}-${stamp}`, config, RECORDS, done));
    process.stdout.write(`  ${name}: ${worker.label} ${measured.at(-1)!.recordsPerSecond} records/s\n`);
  }
  return { scenario: name, tributary: measured[0]!, kafkaConnect: measured[1] };
}

/** Starts `worker`'s whole-run memory sampler once it is at rest, and records its resting memory. */
async function atRest(worker: BenchWorker): Promise<{ worker: BenchWorker; idleRssMb: number; memory: MemorySampler }> {
  await new Promise((resolve) => setTimeout(resolve, 3000));
  return { worker, idleRssMb: rssMb(worker.pid), memory: new MemorySampler(worker.pid) };
}

/** The throughput scenarios and the processes' start-up and memory figures, printed and saved. */
async function throughput(): Promise<void> {
  console.log(`Starting the workers on Kafka ${KAFKA_VERSION} at ${brokers}…`);
  workers.push(await startTributaryWorker(brokers, path.join(dir, "tributary")));
  if (VS_AKC) workers.push(await startKafkaConnectWorker(brokers, path.join(dir, "kafka-connect")));
  const measured = await Promise.all(workers.map(atRest));

  const input = path.join(dir, "input.txt");
  await writeLines(input, RECORDS, LINE_BYTES);
  const results: ScenarioResult[] = [];
  const fileToKafka = (converter: keyof typeof CONVERTERS, topics: string[]) => async (_worker: BenchWorker, index: number) => {
    const topic = await freshTopic(`bench-${converter}-${index}`);
    topics.push(topic);
    return { config: { "connector.class": "FileStreamSource", file: input, topic, ...CONVERTERS[converter] }, done: () => topicHolds(topic) };
  };
  for (const [converter, label] of [["string", "String"], ["json", "JSON"]] as const) {
    if (!ONLY.includes(`file-${converter}`)) continue;
    const topics: string[] = [];
    results.push(await scenario(`file → Kafka (${label})`, workers, fileToKafka(converter, topics)));
    results.push(
      await scenario(`Kafka → file (${label})`, workers, async (_worker, index) => {
        const output = path.join(dir, `output-${converter}-${index}.txt`);
        return {
          config: { "connector.class": "FileStreamSink", file: output, topics: topics[0]!, ...CONVERTERS[converter] },
          done: () => fileHolds(output, RECORDS * (LINE_BYTES + 1)),
        };
      }),
    );
  }
  if (ONLY.includes("datagen")) {
    results.push(
      await scenario("datagen → Kafka", workers.slice(0, 1), async () => {
        const topic = await freshTopic("bench-datagen");
        const config = { "connector.class": "io.confluent.kafka.connect.datagen.DatagenConnector", quickstart: "users", "kafka.topic": topic, "max.interval": "0", iterations: String(RECORDS), "random.seed": "42", ...CONVERTERS.json };
        return { config, done: () => topicHolds(topic) };
      }),
    );
  }

  const consoleWorker = await startConsoleWorker(brokers, path.join(dir, "console"));
  if (consoleWorker) {
    workers.push(consoleWorker);
    measured.push(await atRest(consoleWorker));
    const { tributary } = await scenario("console: file → Kafka (String)", [consoleWorker], fileToKafka("string", []));
    results.push({ scenario: "console: file → Kafka (String)", tributary });
  } else {
    console.log("  (no production build: `npm run build` first to measure the console too)");
  }

  const processes: ProcessFigures[] = measured.map(({ worker, idleRssMb, memory }) => ({ label: worker.label, readyMs: worker.readyMs, idleRssMb, peakRssMb: memory.stop() }));
  const saved = path.join(root, ".cache", "bench");
  const previous = previousRun(saved, RECORDS);
  console.log(`\n${RECORDS.toLocaleString("en")} records of ${LINE_BYTES} bytes, one task, Kafka ${KAFKA_VERSION} at ${brokers}, Node ${process.version}\n`);
  console.log(scenarioTable(results, VS_AKC ? undefined : previous));
  console.log(`\n${processTable(processes)}`);
  if (VS_AKC) console.log("\nratio: Tributary's figure over Kafka Connect's in this run (records/s: above 1 is faster; RSS and ready time: below 1 is smaller).");
  const file = saveRun(saved, { at: new Date().toISOString(), node: process.version, records: RECORDS, results, processes });
  console.log(`\nSaved to ${path.relative(root, file)}`);
}

try {
  if (THROUGHPUT.some((name) => ONLY.includes(name))) await throughput();
  if (ONLY.includes("scale")) {
    console.log(`Scale: ${SCALE.join(", ")} FileStreamSource connectors on one worker${VS_AKC ? ", then on Kafka Connect" : ""}…`);
    const rows = await scaleScenario({ sizes: SCALE, vsAkc: VS_AKC, brokers, dir, admin, stamp });
    console.log(`\nScale: N FileStreamSource connectors of 10 lines each on one worker, Kafka ${KAFKA_VERSION} at ${brokers}\n`);
    console.log(scaleTable(rows));
    console.log("\nlist: GET /connectors?expand=status&expand=info, status: one connector's GET /status (medians of 5); MB/conn: RSS above the idle worker's per connector.");
    const file = saveRun(path.join(root, ".cache", "bench"), { at: new Date().toISOString(), node: process.version, records: 0, results: [], processes: [], scale: rows });
    console.log(`Saved to ${path.relative(root, file)}`);
  }
  if (ONLY.includes("jdbc")) {
    console.log(`\nJDBC: ${JDBC_ROWS.toLocaleString("en")} rows through the JDBC source and sink on a throwaway PostgreSQL…`);
    console.log(`\n${jdbcTable(await benchJdbc(brokers, JDBC_ROWS), VS_AKC)}`);
  }
} finally {
  await Promise.all(workers.map((worker) => worker.stop()));
  await clients.close();
  rmSync(dir, { recursive: true, force: true });
  if (startedBroker && !startedBroker.reused) await stopBroker("bench");
}
process.exit(0);
