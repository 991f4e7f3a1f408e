/**
 * Apache Kafka Connect itself, the Java runtime Tributary is compared with and migrates from: its
 * jars (the version pinned in scripts/kafka/connect-pom.xml) are resolved from Maven Central into
 * `.cache/kafka/connect-<version>/libs` once, and a worker runs as a plain JVM with the JVM
 * options Kafka's own `connect-standalone.sh`/`connect-distributed.sh` use. Used by
 * `npm run bench -- --vs-akc` and by tests that need a real Kafka Connect worker; never by the
 * product.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureJars } from "./local-kafka";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const pom = path.join(root, "scripts", "kafka", "connect-pom.xml");

/** The Apache Kafka Connect version pinned in the pom. */
export const CONNECT_VERSION = /<connect\.version>([^<]+)<\/connect\.version>/.exec(readFileSync(pom, "utf8"))![1]!;

/** Resolves the pinned Kafka Connect jars with Maven unless they are cached; returns the libs folder. */
export function ensureConnectJars(log: (line: string) => void = console.log): string {
  return ensureJars(pom, path.join(root, ".cache", "kafka", `connect-${CONNECT_VERSION}`, "libs"), `Apache Kafka Connect ${CONNECT_VERSION}`, log);
}

/** Heap and GC options of Kafka's connect-*.sh scripts (KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS). */
const JVM_OPTIONS = [
  "-Xms256M",
  "-Xmx2G",
  "-server",
  "-XX:+UseG1GC",
  "-XX:MaxGCPauseMillis=20",
  "-XX:InitiatingHeapOccupancyPercent=35",
  "-XX:+ExplicitGCInvokesConcurrent",
  "-XX:MaxInlineLevel=15",
  "-Djava.awt.headless=true",
];

/** A running Kafka Connect worker. */
export interface ApacheConnectWorker {
  pid: number;
  /** The REST API's root, `http://127.0.0.1:<port>`. */
  restUrl: string;
  /** Milliseconds from spawning the JVM to the first answer of `GET /`. */
  readyMs: number;
  logFile: string;
  /** SIGTERM (Connect stops its connectors and commits), SIGKILL after `graceMs`; resolves once the JVM exited. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL at once, as a crash would. */
  kill(): Promise<void>;
}

function toProperties(settings: Readonly<Record<string, string>>): string {
  return Object.entries(settings)
    .map(([key, value]) => `${key}=${value.replace(/\\/g, "\\\\")}`)
    .join("\n");
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * Starts a Kafka Connect worker in `mode` with `worker` as its worker.properties (which must set
 * `bootstrap.servers` and `listeners=http://127.0.0.1:<port>`; standalone mode also
 * `offset.storage.file.filename`), its files and log under `dir`. Resolves once the REST API
 * answers; rejects with the log's tail if the JVM exits first or is not up within `timeoutMs`.
 */
export async function startApacheConnect(options: {
  mode: "standalone" | "distributed";
  worker: Readonly<Record<string, string>>;
  dir: string;
  timeoutMs?: number;
}): Promise<ApacheConnectWorker> {
  const libs = ensureConnectJars();
  mkdirSync(options.dir, { recursive: true });
  const workerFile = path.join(options.dir, "worker.properties");
  const logFile = path.join(options.dir, "connect.log");
  const log4jFile = path.join(options.dir, "log4j2.properties");
  writeFileSync(workerFile, toProperties(options.worker));
  writeFileSync(
    log4jFile,
    [
      "status = warn",
      "appender.file.type = File",
      "appender.file.name = file",
      `appender.file.fileName = ${logFile}`,
      "appender.file.layout.type = PatternLayout",
      "appender.file.layout.pattern = [%d] %p %m (%c)%n",
      "rootLogger.level = info",
      "rootLogger.appenderRef.file.ref = file",
      "logger.clients.name = org.apache.kafka.clients",
      "logger.clients.level = warn",
    ].join("\n"),
  );
  const port = /:(\d+)\/?$/.exec(options.worker.listeners ?? "")?.[1];
  if (!port) throw new Error(`worker.listeners must be http://127.0.0.1:<port>, got ${options.worker.listeners}`);
  const restUrl = `http://127.0.0.1:${port}`;
  const main = options.mode === "standalone" ? "org.apache.kafka.connect.cli.ConnectStandalone" : "org.apache.kafka.connect.cli.ConnectDistributed";
  const out = openSync(path.join(options.dir, "stdout.log"), "w");
  const started = Date.now();
  const child = spawn("java", [...JVM_OPTIONS, `-Dlog4j2.configurationFile=${log4jFile}`, "-cp", `${libs}/*`, main, workerFile], { stdio: ["ignore", out, out] });
  closeSync(out);
  const deadline = started + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Kafka Connect exited during start-up (${child.exitCode}). Last log lines:\n${tail(logFile)}\n${tail(path.join(options.dir, "stdout.log"))}`);
    if (await answers(restUrl)) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Kafka Connect did not answer at ${restUrl} within ${options.timeoutMs ?? 120_000} ms. Last log lines:\n${tail(logFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const readyMs = Date.now() - started;
  return {
    pid: child.pid!,
    restUrl,
    readyMs,
    logFile,
    async stop(graceMs = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited(child);
      clearTimeout(timer);
    },
    async kill() {
      child.kill("SIGKILL");
      await exited(child);
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

function tail(file: string, lines = 20): string {
  return existsSync(file) ? readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n") : "(no log)";
}

/**
 * A distributed worker's settings for tests on one local broker: String converters, the three
 * internal topics (`internal`) with replication factor 1, offsets committed every 500 ms, REST on
 * `127.0.0.1:<port>`. Tributary's `tributary distributed` reads the same file.
 */
export function testClusterWorker(options: {
  brokers: string;
  groupId: string;
  port: number;
  internal: { "config.storage.topic": string; "offset.storage.topic": string; "status.storage.topic": string };
}): Record<string, string> {
  return {
    "bootstrap.servers": options.brokers,
    "group.id": options.groupId,
    listeners: `http://127.0.0.1:${options.port}`,
    "key.converter": "org.apache.kafka.connect.storage.StringConverter",
    "value.converter": "org.apache.kafka.connect.storage.StringConverter",
    ...options.internal,
    "config.storage.replication.factor": "1",
    "offset.storage.replication.factor": "1",
    "status.storage.replication.factor": "1",
    "offset.flush.interval.ms": "500",
  };
}
