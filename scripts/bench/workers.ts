/**
 * The worker processes `npm run bench` measures: Tributary's headless worker (`tributary
 * standalone`) and, with `--vs-akc`, Apache Kafka Connect's standalone worker, each on the same
 * broker with the same worker settings, driven through its own Connect REST API. CPU time and
 * resident memory are read from /proc for the worker's process alone (Linux).
 */
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CONNECT_VERSION, startApacheConnect } from "../kafka/apache-connect";
import { freePort } from "../net/ports";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const CLOCK_TICKS = 100;

/** One worker process under measurement. */
export interface BenchWorker {
  /** "Tributary" or "Kafka Connect 4.3.1". */
  label: string;
  pid: number;
  restUrl: string;
  /** Milliseconds from spawning the process to the first answer of its REST API. */
  readyMs: number;
  stop(): Promise<void>;
}

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Resident memory now and the process's peak so far (VmRSS, VmHWM), in MB. */
export function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb("VmRSS") / 1024), peak: Math.round(kb("VmHWM") / 1024) };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/`, { signal: AbortSignal.timeout(2000) })).ok;
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

/** Starts `tributary standalone` (as `npx tributary` runs it) with its own database under `dir`. */
export async function startTributaryWorker(brokers: string, dir: string): Promise<BenchWorker> {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const workerFile = path.join(dir, "worker.properties");
  const settings = commonWorkerSettings(brokers, port);
  writeFileSync(workerFile, Object.entries(settings).map(([key, value]) => `${key}=${value}`).join("\n"));
  const out = openSync(path.join(dir, "worker.log"), "w");
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(root, "bin", "tributary.mjs"), "standalone", workerFile], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "tributary.db")}`, LOG_LEVEL: "warn", KAFKA_BROKERS: "" },
    stdio: ["ignore", out, out],
  });
  closeSync(out);
  const restUrl = `http://127.0.0.1:${port}`;
  const deadline = started + 60_000;
  while (!(await answers(restUrl))) {
    if (child.exitCode !== null) throw new Error(`tributary standalone exited (${child.exitCode}); see ${path.join(dir, "worker.log")}`);
    if (Date.now() > deadline) throw new Error(`tributary standalone did not answer within 60 s; see ${path.join(dir, "worker.log")}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    label: "Tributary",
    pid: child.pid!,
    restUrl,
    readyMs: Date.now() - started,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Starts Apache Kafka Connect's standalone worker with the same settings. */
export async function startKafkaConnectWorker(brokers: string, dir: string): Promise<BenchWorker> {
  const port = await freePort();
  const worker = await startApacheConnect({
    mode: "standalone",
    dir,
    worker: { ...commonWorkerSettings(brokers, port), "offset.storage.file.filename": path.join(dir, "connect.offsets") },
  });
  return { label: `Kafka Connect ${CONNECT_VERSION}`, pid: worker.pid, restUrl: worker.restUrl, readyMs: worker.readyMs, stop: () => worker.stop() };
}
