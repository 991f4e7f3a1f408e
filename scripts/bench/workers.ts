/**
 * The processes `npm run bench` measures: Tributary's headless worker (`tributary standalone`),
 * the console with its embedded worker (`next start`, when a production build exists) and, with
 * `--vs-akc`, Apache Kafka Connect's standalone worker, each on the same broker with the same
 * worker settings, driven through its own Connect REST API.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CONNECT_VERSION, startApacheConnect } from "../kafka/apache-connect";
import { freePort, isPortFree } from "../net/ports";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** One worker process (with its children) under measurement. */
export interface BenchWorker {
  /** "Tributary", "Tributary console" or "Kafka Connect 4.3.1". */
  label: string;
  pid: number;
  /** Where its Connect REST API answers (the console serves it under /api/connect). */
  restUrl: string;
  /** Milliseconds from spawning the process to the first answer of its REST API. */
  readyMs: number;
  stop(): Promise<void>;
}

const handedOut = new Set<number>();

/** A port for a worker's REST API: the next free one of `BENCH_PORTS` (`first-last`) not handed out before when it is set, else any free one. */
async function benchPort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.BENCH_PORTS ?? "");
  if (!range) return freePort();
  for (let port = Number(range[1]); port <= Number(range[2]); port++) {
    if (handedOut.has(port) || !(await isPortFree(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`bench: no free port left in BENCH_PORTS=${process.env.BENCH_PORTS}`);
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/** Worker settings both runtimes get: the broker, converters given per connector, offsets flushed every 10 s. */
function commonWorkerSettings(brokers: string, port: number): Record<string, string> {
  return {
    "bootstrap.servers": brokers,
    listeners: `http://127.0.0.1:${port}`,
    "key.converter": "org.apache.kafka.connect.storage.StringConverter",
    "value.converter": "org.apache.kafka.connect.storage.StringConverter",
    "offset.flush.interval.ms": "10000",
  };
}

/** Spawns `command` in its own process group, logging to `dir`/`log`, and resolves once `restUrl` answers. */
async function spawnWorker(label: string, command: string, args: string[], options: { dir: string; env: NodeJS.ProcessEnv; restUrl: string }): Promise<BenchWorker> {
  mkdirSync(options.dir, { recursive: true });
  const logFile = path.join(options.dir, "worker.log");
  const out = openSync(logFile, "w");
  const started = Date.now();
  const child = spawn(command, args, { cwd: options.dir, env: options.env, stdio: ["ignore", out, out], detached: true });
  closeSync(out);
  const deadline = started + 120_000;
  while (!(await answers(`${options.restUrl}/`))) {
    if (child.exitCode !== null) throw new Error(`${label} exited (${child.exitCode}); see ${logFile}`);
    if (Date.now() > deadline) throw new Error(`${label} did not answer within 120 s; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    label,
    pid: child.pid!,
    restUrl: options.restUrl,
    readyMs: Date.now() - started,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid!, "SIGTERM");
      const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Starts `tributary standalone` (as `npx tributary` runs it) with its own database under `dir`. */
export async function startTributaryWorker(brokers: string, dir: string): Promise<BenchWorker> {
  mkdirSync(dir, { recursive: true });
  const port = await benchPort();
  const workerFile = path.join(dir, "worker.properties");
  writeFileSync(workerFile, Object.entries(commonWorkerSettings(brokers, port)).map(([key, value]) => `${key}=${value}`).join("\n"));
  return spawnWorker("Tributary", process.execPath, [path.join(root, "bin", "tributary.mjs"), "standalone", workerFile], {
    dir,
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "tributary.db")}`, LOG_LEVEL: "warn", KAFKA_BROKERS: "" },
    restUrl: `http://127.0.0.1:${port}`,
  });
}

/**
 * Starts the console with its embedded worker (`next start`, as `npm start` runs it) and its own
 * database under `dir`; undefined when there is no production build to start (`npm run build`).
 */
export async function startConsoleWorker(brokers: string, dir: string): Promise<BenchWorker | undefined> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) return undefined;
  const port = await benchPort();
  return spawnWorker("Tributary console", path.join(root, "node_modules", ".bin", "next"), ["start", root, "-H", "127.0.0.1", "-p", String(port)], {
    dir,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_MANUAL_SIG_HANDLE: "true",
      TRIBUTARY_DEMO: "off",
      TRIBUTARY_HOME: root,
      LOG_LEVEL: "warn",
      KAFKA_BROKERS: brokers,
      DATABASE_URL: `file:${path.join(dir, "tributary.db")}`,
      CONNECT_OFFSET_FLUSH_INTERVAL_MS: "10000",
    },
    restUrl: `http://127.0.0.1:${port}/api/connect`,
  });
}

/** Starts Apache Kafka Connect's standalone worker with the same settings. */
export async function startKafkaConnectWorker(brokers: string, dir: string): Promise<BenchWorker> {
  const port = await benchPort();
  const worker = await startApacheConnect({
    mode: "standalone",
    dir,
    worker: { ...commonWorkerSettings(brokers, port), "offset.storage.file.filename": path.join(dir, "connect.offsets") },
  });
  return { label: `Kafka Connect ${CONNECT_VERSION}`, pid: worker.pid, restUrl: worker.restUrl, readyMs: worker.readyMs, stop: () => worker.stop() };
}
