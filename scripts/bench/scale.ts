/**
 * The scale scenario of `npm run bench`: N FileStreamSource connectors (each on a 10-line file
 * of its own, all into one topic) on one freshly started worker, driven through its Connect REST
 * API exactly as a user's scripts would. For each N it reports how long creating them took (until
 * every connector and task is RUNNING and every line is in Kafka), the expanded list's latency
 * (`GET /connectors?expand=status&expand=info`, median of 5), one connector's status latency
 * (median of 5), the process tree's resident memory and its open connections to the broker, and
 * how long deleting them all took (until the list is empty).
 */
import { readdirSync, readlinkSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { KafkaAdmin } from "@/server/runtime/ports";
import { processTree, rssMb } from "./processes";
import { until } from "./scenarios";
import { startKafkaConnectWorker, startTributaryWorker, type BenchWorker } from "./workers";

/** One worker's figures for one N. */
export interface ScaleFigures {
  label: string;
  connectors: number;
  createSeconds: number;
  listMs: number;
  statusMs: number;
  /** Resident memory with every connector running, in MB. */
  rssMb: number;
  /** Resident memory before the first connector was created, in MB. */
  idleRssMb: number;
  brokerConnections: number;
  deleteSeconds: number;
}

const LINES_PER_FILE = 10;
const CONCURRENCY = 8;
const REQUEST_TIMEOUT_MS = 120_000;

/**
 * One REST call; its JSON answer. A connection reset before any answer (a kept-alive socket the
 * worker closed as it was reused) is retried once: every call here is idempotent, and a retried
 * DELETE that finds the connector gone (404) has done its job.
 */
async function request(worker: BenchWorker, method: string, url: string, body?: unknown, retried = false): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${worker.restUrl}${url}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    const reset = (error as { cause?: { code?: string } }).cause?.code === "ECONNRESET";
    if (!reset || retried) throw error;
    return request(worker, method, url, body, true);
  }
  const text = await response.text();
  if (retried && method === "DELETE" && response.status === 404) return undefined;
  if (!response.ok) throw new Error(`${worker.label}: ${method} ${url} answered ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Runs `job` over `items`, at most `CONCURRENCY` at a time. */
async function eachConcurrently<T>(items: T[], job: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await job(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, lane));
}

/** Milliseconds of the median of `times` calls of `call`, one after the other. */
async function medianMs(call: () => Promise<unknown>, times = 5): Promise<number> {
  const spans: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = process.hrtime.bigint();
    await call();
    spans.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  spans.sort((a, b) => a - b);
  return Math.round(spans[Math.floor(times / 2)]! * 10) / 10;
}

/** The inodes of the sockets `/proc/net/tcp{,6}` lists as connected to `port` (any address). */
function socketInodesTo(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10 || fields[3] !== "01") continue;
      if (fields[2]!.endsWith(`:${hexPort}`)) inodes.add(fields[9]!);
    }
  }
  return inodes;
}

/** How many established TCP connections the processes `pids` hold to the broker at `port` (Linux). */
export function brokerConnections(pids: number[], port: number): number {
  const toBroker = socketInodesTo(port);
  const held = new Set<string>();
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        if (inode && toBroker.has(inode)) held.add(inode);
      } catch {
        // closed meanwhile
      }
    }
  }
  return held.size;
}

type Expanded = Record<string, { status?: { connector: { state: string }; tasks: Array<{ state: string }> } }>;

/** Whether every one of `names` is listed with its connector and its one task RUNNING. */
async function allRunning(worker: BenchWorker, names: string[]): Promise<boolean> {
  const listed = (await request(worker, "GET", "/connectors?expand=status")) as Expanded;
  return names.every((name) => {
    const status = listed[name]?.status;
    return status?.connector.state === "RUNNING" && status.tasks.length === 1 && status.tasks[0]!.state === "RUNNING";
  });
}

/**
 * Measures `worker` with `count` connectors named `<prefix>-0…`, each reading a file of its own
 * under `dir` into `topic`. `recordsIn(topic)` says how many records the topic holds; `pids()`
 * the worker's process tree now; `brokerPort` the broker's port. Leaves no connector behind.
 */
export async function measureScale(
  worker: BenchWorker,
  count: number,
  options: { prefix: string; dir: string; topic: string; brokerPort: number; recordsIn: (topic: string) => Promise<number>; pids: () => number[] },
): Promise<ScaleFigures> {
  const names = Array.from({ length: count }, (_, i) => `${options.prefix}-${i}`);
  for (const [i, name] of names.entries()) {
    writeFileSync(path.join(options.dir, `${name}.txt`), Array.from({ length: LINES_PER_FILE }, (_, line) => `${i}-${line}`).join("\n") + "\n");
  }
  const idleRssMb = rssMb(worker.pid);
  const created = process.hrtime.bigint();
  await eachConcurrently(names, async (name) => {
    const config = { "connector.class": "FileStreamSource", file: path.join(options.dir, `${name}.txt`), topic: options.topic, "tasks.max": "1" };
    await request(worker, "PUT", `/connectors/${encodeURIComponent(name)}/config`, config);
  });
  await until(() => allRunning(worker, names), `${worker.label} to run ${count} connectors`, 900_000);
  await until(async () => (await options.recordsIn(options.topic)) >= count * LINES_PER_FILE, `${count * LINES_PER_FILE} records in ${options.topic}`, 900_000);
  const createSeconds = Number(process.hrtime.bigint() - created) / 1e9;
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const listMs = await medianMs(() => request(worker, "GET", "/connectors?expand=status&expand=info"));
  const probe = names[Math.floor(count / 2)]!;
  const statusMs = await medianMs(() => request(worker, "GET", `/connectors/${encodeURIComponent(probe)}/status`));
  const rss = rssMb(worker.pid);
  const connections = brokerConnections(options.pids(), options.brokerPort);
  const deleted = process.hrtime.bigint();
  await eachConcurrently(names, (name) => request(worker, "DELETE", `/connectors/${encodeURIComponent(name)}`).then(() => undefined));
  await until(async () => ((await request(worker, "GET", "/connectors")) as string[]).length === 0, `${worker.label} to delete ${count} connectors`, 1_800_000);
  const deleteSeconds = Number(process.hrtime.bigint() - deleted) / 1e9;
  return {
    label: worker.label,
    connectors: count,
    createSeconds: Math.round(createSeconds * 10) / 10,
    listMs,
    statusMs,
    rssMb: rss,
    idleRssMb,
    brokerConnections: connections,
    deleteSeconds: Math.round(deleteSeconds * 10) / 10,
  };
}

const pad = (value: string | number, width: number) => String(value).padStart(width);

/** The scale table: one row per N and worker, Kafka Connect's row (when it ran) under Tributary's. */
export function scaleTable(rows: ScaleFigures[]): string {
  const lines = [
    `${"N".padStart(5)}  ${"worker".padEnd(20)}${pad("create s", 10)}${pad("list ms", 10)}${pad("status ms", 11)}${pad("RSS MB", 8)}${pad("MB/conn", 9)}${pad("broker conns", 14)}${pad("delete s", 10)}`,
  ];
  for (const row of rows) {
    const perConnector = (row.rssMb - row.idleRssMb) / row.connectors;
    lines.push(
      `${pad(row.connectors, 5)}  ${row.label.padEnd(20)}${pad(row.createSeconds, 10)}${pad(row.listMs, 10)}${pad(row.statusMs, 11)}${pad(row.rssMb, 8)}` +
        `${pad(perConnector.toFixed(2), 9)}${pad(row.brokerConnections, 14)}${pad(row.deleteSeconds, 10)}`,
    );
  }
  return lines.join("\n");
}

/**
 * The scale scenario for each N of `sizes`: a fresh Tributary worker (and, with `vsAkc`, a fresh
 * Kafka Connect worker after it, never both at once) per N, measured by measureScale, then
 * stopped. Topics are created through `admin` in the broker at `brokers`; files live under `dir`.
 */
export async function scaleScenario(options: { sizes: number[]; vsAkc: boolean; brokers: string; dir: string; admin: KafkaAdmin; stamp: number }): Promise<ScaleFigures[]> {
  const brokerPort = Number(/:(\d+)$/.exec(options.brokers.split(",")[0]!)?.[1] ?? 9092);
  const recordsIn = async (topic: string) => (await options.admin.endOffsets([topic])).reduce((sum, p) => sum + Number(p.offset), 0);
  const starters: Array<[string, (dir: string) => Promise<BenchWorker>]> = [["tributary", (dir) => startTributaryWorker(options.brokers, dir)]];
  if (options.vsAkc) starters.push(["kafka-connect", (dir) => startKafkaConnectWorker(options.brokers, dir)]);
  const rows: ScaleFigures[] = [];
  for (const count of options.sizes) {
    for (const [kind, start] of starters) {
      const dir = path.join(options.dir, `scale-${kind}-${count}`);
      const worker = await start(dir);
      try {
        const topic = `bench-scale-${kind}-${count}-${options.stamp}`;
        await options.admin.createTopics([{ name: topic, partitions: 1, replicationFactor: 1 }]);
        await new Promise((resolve) => setTimeout(resolve, 3000));
        const prefix = `scale-${options.stamp}-${kind === "tributary" ? "t" : "c"}`;
        rows.push(await measureScale(worker, count, { prefix, dir, topic, brokerPort, recordsIn, pids: () => processTree(worker.pid) }));
        const row = rows.at(-1)!;
        process.stdout.write(`  scale ${count}: ${worker.label} list ${row.listMs} ms, created in ${row.createSeconds} s, deleted in ${row.deleteSeconds} s\n`);
      } finally {
        await worker.stop();
      }
    }
  }
  return rows;
}
