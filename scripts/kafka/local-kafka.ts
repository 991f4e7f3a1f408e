/**
 * A real single-node Apache Kafka (KRaft, broker + controller in one JVM) on loopback, for
 * development and tests. The jars of the version pinned in scripts/kafka/pom.xml are resolved
 * from Maven Central by Maven into `.cache/kafka/<version>/libs` (git-ignored) once; each named
 * instance (`dev`, `test`) keeps its data, ports, log and pid under `.cache/kafka/instances/<name>`.
 *
 * Idempotent: `startBroker` returns the broker an earlier call started when it is still alive.
 * The JVM runs detached, so a broker outlives the command that started it until `stopBroker`.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, isPortFree } from "../net/ports";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const pom = path.join(root, "scripts", "kafka", "pom.xml");

/** The Apache Kafka version pinned in the pom. */
export const KAFKA_VERSION = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(pom, "utf8"))![1]!;

const cacheDir = path.join(root, ".cache", "kafka");
const libsDir = path.join(cacheDir, KAFKA_VERSION, "libs");

/** A running broker as recorded in its instance folder. */
export interface BrokerInfo {
  name: string;
  version: string;
  pid: number;
  bootstrap: string;
  port: number;
  controllerPort: number;
  logFile: string;
  dataDir: string;
}

function instanceDir(name: string): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Kafka instance name must be [a-z0-9-]+, got ${name}`);
  return path.join(cacheDir, "instances", name);
}

/**
 * Resolves the runtime dependencies of `pom` with Maven into `dir` unless they are cached there;
 * returns `dir`. `what` names them in the progress line and errors.
 */
export function ensureJars(pom: string, dir: string, what: string, log: (line: string) => void = console.log): string {
  const marker = path.join(dir, ".complete");
  if (existsSync(marker)) return dir;
  log(`Resolving ${what} jars from Maven Central (first run only)…`);
  rmSync(dir, { recursive: true, force: true });
  const result = spawnSync(
    "mvn",
    ["-q", "-B", "-Dstyle.color=never", "-f", pom, "dependency:copy-dependencies", `-DoutputDirectory=${dir}`, "-DincludeScope=runtime"],
    { encoding: "utf8" },
  );
  if (result.error) throw new Error(`Could not run Maven (mvn): ${result.error.message}. Install Maven and JDK 17+.`);
  if (result.status !== 0) throw new Error(`Maven failed to resolve ${what} (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return dir;
}

/** Resolves the pinned Kafka jars with Maven unless they are cached; returns the libs folder. */
export function ensureKafkaJars(log: (line: string) => void = console.log): string {
  return ensureJars(pom, libsDir, `Apache Kafka ${KAFKA_VERSION}`, log);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("kafka.Kafka");
  } catch {
    return true;
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** The broker recorded for `name` if its process is alive, else undefined. */
export function brokerStatus(name = "dev"): BrokerInfo | undefined {
  const stateFile = path.join(instanceDir(name), "broker.json");
  if (!existsSync(stateFile)) return undefined;
  const info = JSON.parse(readFileSync(stateFile, "utf8")) as BrokerInfo;
  return isAlive(info.pid) ? info : undefined;
}

function brokerProperties(port: number, controllerPort: number, dataDir: string): string {
  return `# Written by scripts/kafka/local-kafka.ts: a single-node KRaft broker + controller on loopback.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${controllerPort}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}
advertised.listeners=PLAINTEXT://127.0.0.1:${port}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=${dataDir}
num.partitions=1
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
`;
}

function log4jProperties(logFile: string): string {
  return `status = warn
appender.file.type = File
appender.file.name = file
appender.file.fileName = ${logFile}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.file.ref = file
logger.kafka.name = kafka
logger.kafka.level = info
logger.state.name = state.change.logger
logger.state.level = warn
`;
}

/**
 * Kafka's cluster id format: 16 random bytes, URL-safe base64 without padding. Like Kafka's own
 * Uuid, never one that starts with "-": the storage tool would read it as an option.
 */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString("base64url");
    if (!id.startsWith("-")) return id;
  }
}

async function choosePorts(dir: string, requested: number | "auto"): Promise<{ port: number; controllerPort: number; fresh: boolean }> {
  const portsFile = path.join(dir, "ports.json");
  if (existsSync(portsFile)) {
    const previous = JSON.parse(readFileSync(portsFile, "utf8")) as { port: number; controllerPort: number };
    const wanted = requested === "auto" || requested === previous.port;
    if (wanted && (await isPortFree(previous.port)) && (await isPortFree(previous.controllerPort))) return { ...previous, fresh: false };
  }
  const port = requested === "auto" ? await freePort() : requested;
  if (!(await isPortFree(port))) throw new Error(`Port ${port} is taken; pass --port auto or another port.`);
  let controllerPort = await freePort();
  while (controllerPort === port) controllerPort = await freePort();
  writeFileSync(portsFile, JSON.stringify({ port, controllerPort }));
  return { port, controllerPort, fresh: true };
}

/**
 * Starts the `name` broker, or returns the one already running (`reused: true`). `port` is the
 * client port: a number, or "auto" for a free one (reusing the instance's previous ports when
 * they are still free). Resolves when the broker accepts connections; rejects with the tail of
 * its log if it exits or is not up within `timeoutMs`.
 */
export async function startBroker(
  options: { name?: string; port?: number | "auto"; timeoutMs?: number; log?: (line: string) => void } = {},
): Promise<BrokerInfo & { reused: boolean }> {
  const name = options.name ?? "dev";
  const log = options.log ?? console.log;
  const running = brokerStatus(name);
  if (running && (await canConnect(running.port))) return { ...running, reused: true };
  if (running) await stopBroker(name);

  const libs = ensureKafkaJars(log);
  const dir = instanceDir(name);
  mkdirSync(dir, { recursive: true });
  const { port, controllerPort, fresh } = await choosePorts(dir, options.port ?? "auto");
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const propsFile = path.join(dir, "server.properties");
  const log4jFile = path.join(dir, "log4j2.properties");
  if (fresh) rmSync(dataDir, { recursive: true, force: true });
  writeFileSync(propsFile, brokerProperties(port, controllerPort, dataDir));
  writeFileSync(log4jFile, log4jProperties(logFile));
  rmSync(logFile, { force: true });

  const classpath = `${libs}/*`;
  const jvm = ["-Xms256m", "-Xmx768m", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", `-Dlog4j2.configurationFile=${log4jFile}`];
  if (!existsSync(path.join(dataDir, "meta.properties"))) {
    const format = spawnSync("java", [...jvm, "-cp", classpath, "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", propsFile], { encoding: "utf8" });
    if (format.status !== 0) throw new Error(`Formatting KRaft storage failed: ${format.stderr || format.stdout}`);
  }

  const out = openSync(path.join(dir, "stdout.log"), "w");
  const child = spawn("java", [...jvm, "-cp", classpath, "kafka.Kafka", propsFile], { detached: true, stdio: ["ignore", out, out] });
  closeSync(out);
  child.unref();
  const info: BrokerInfo = { name, version: KAFKA_VERSION, pid: child.pid!, bootstrap: `127.0.0.1:${port}`, port, controllerPort, logFile, dataDir };
  writeFileSync(path.join(dir, "broker.json"), JSON.stringify(info, null, 2));

  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (!isAlive(info.pid)) throw new Error(`Kafka exited during start-up. Last log lines:\n${tail(logFile)}\n${tail(path.join(dir, "stdout.log"))}`);
    if (existsSync(logFile) && readFileSync(logFile, "utf8").includes("Kafka Server started") && (await canConnect(port))) {
      return { ...info, reused: false };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopBroker(name);
  throw new Error(`Kafka did not start within ${options.timeoutMs ?? 90_000} ms. Last log lines:\n${tail(logFile)}`);
}

function tail(file: string, lines = 15): string {
  return existsSync(file) ? readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n") : "(no log)";
}

/**
 * Stops the `name` broker: SIGTERM (a controlled shutdown), then SIGKILL after `graceMs`.
 * Resolves true if a broker was running. Leaves the data for the next start.
 */
export async function stopBroker(name = "dev", graceMs = 30_000): Promise<boolean> {
  const stateFile = path.join(instanceDir(name), "broker.json");
  const info = brokerStatus(name);
  rmSync(stateFile, { force: true });
  if (!info) return false;
  process.kill(info.pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (isAlive(info.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (isAlive(info.pid)) process.kill(info.pid, "SIGKILL");
  while (isAlive(info.pid)) await new Promise((resolve) => setTimeout(resolve, 50));
  return true;
}
