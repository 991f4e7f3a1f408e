/**
 * Chaos trials of distributed mode on a real broker with real worker processes: a
 * FileStreamSource appending to a topic and a FileStreamSink writing it back to a file, while a
 * worker is killed (`kill -9`) or the broker restarted mid-stream. Each trial checks what a user
 * would: every line arrived (count and checksum of the distinct lines) and how many came twice.
 */
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startCluster, waitFor, type ClusterWorker } from "../test/cluster-harness";

export interface TrialOptions {
  brokers: string;
  /** A fresh folder for the worker files, the input and the output. */
  dir: string;
  /** Lines the source file grows to, about 100 bytes each. */
  lines: number;
  /** Lines appended per second while the trial runs. */
  linesPerSecond?: number;
  /** `offset.flush.interval.ms` of the workers: the commit interval that bounds duplicates. */
  commitIntervalMs?: number;
  log?: (line: string) => void;
}

export interface TrialResult {
  lines: number;
  /** Lines in the output, and how many of them were distinct. */
  received: number;
  distinct: number;
  /** Input lines that never arrived (must be 0). */
  missing: number;
  /** Output lines beyond the first copy of each. */
  duplicates: number;
  /** Whether the distinct output lines hash the same as the input's. */
  checksumMatches: boolean;
  /** What the source and the sink (both may have run on the victim) re-deliver at most: one commit interval's lines at the trial's rate each. */
  duplicateBound: number;
  /** When lines are missing: the connectors' statuses as a live worker reports them, to see why. */
  statuses?: unknown;
}

export interface FailoverResult extends TrialResult {
  /** From `kill -9` to the source task reported RUNNING on another worker. */
  failoverMs: number;
}

const line = (n: number) => `${String(n).padStart(10, "0")}-${"x".repeat(89)}`;

/** Three workers; the one running the source task is killed once about half the lines were appended. */
export async function killWorkerTrial(options: TrialOptions): Promise<FailoverResult> {
  const log = options.log ?? (() => undefined);
  const cluster = await startCluster({ brokers: options.brokers, dir: options.dir, size: 3, name: "chaos", settings: workerSettings(options) });
  try {
    const pipeline = await startPipeline(cluster.workers[0]!, options);
    const writer = appendLines(pipeline.input, options);
    await waitFor(() => writer.written() >= options.lines / 2 && outputLines(pipeline.output) > 0, 120_000, "half the lines to be written and some to arrive");
    const owner = await taskOwner(cluster.workers[0]!, pipeline.source);
    const victim = cluster.workers.find((worker) => worker.id === owner);
    if (!victim) throw new Error(`no worker of the cluster is ${owner}`);
    const survivor = cluster.workers.find((worker) => worker !== victim)!;
    cluster.kill(victim);
    const killedAt = Date.now();
    log(`killed ${victim.id} (running ${pipeline.source}) after ${writer.written()} lines written`);
    await waitFor(async () => {
      const now = await taskOwner(survivor, pipeline.source).catch(() => undefined);
      return now !== undefined && now !== victim.id;
    }, 120_000, "the source task RUNNING on another worker");
    const failoverMs = Date.now() - killedAt;
    log(`source task RUNNING on ${await taskOwner(survivor, pipeline.source)} ${failoverMs} ms after the kill`);
    await writer.done;
    return { ...(await settle(pipeline, options, survivor)), failoverMs };
  } finally {
    await cluster.stop();
  }
}

/** Two workers; the broker is stopped and started again (same port, same data) mid-stream by `restart`. */
export async function brokerRestartTrial(options: TrialOptions & { restart: () => Promise<void> }): Promise<TrialResult> {
  const cluster = await startCluster({ brokers: options.brokers, dir: options.dir, size: 2, name: "chaos-broker", settings: workerSettings(options) });
  try {
    const pipeline = await startPipeline(cluster.workers[0]!, options);
    const writer = appendLines(pipeline.input, options);
    await waitFor(() => writer.written() >= options.lines / 3 && outputLines(pipeline.output) > 0, 120_000, "a third of the lines to be written and some to arrive");
    options.log?.(`restarting the broker after ${writer.written()} lines written`);
    await options.restart();
    options.log?.(`broker back after ${writer.written()} lines written`);
    await writer.done;
    return await settle(pipeline, options, cluster.workers[0]!, 240_000);
  } finally {
    await cluster.stop();
  }
}

function workerSettings(options: TrialOptions): string[] {
  return [
    "key.converter=org.apache.kafka.connect.storage.StringConverter",
    "value.converter=org.apache.kafka.connect.storage.StringConverter",
    `offset.flush.interval.ms=${options.commitIntervalMs ?? 1_000}`,
  ];
}

interface Pipeline {
  source: string;
  input: string;
  output: string;
}

async function startPipeline(worker: ClusterWorker, options: TrialOptions): Promise<Pipeline> {
  const stamp = Date.now().toString(36);
  const pipeline = { source: `chaos-source-${stamp}`, input: path.join(options.dir, "input.txt"), output: path.join(options.dir, "output.txt") };
  writeFileSync(pipeline.input, "");
  const topic = `chaos-lines-${stamp}`;
  await create(worker, pipeline.source, { "connector.class": "FileStreamSource", file: pipeline.input, topic, "tasks.max": "1" });
  await create(worker, `chaos-sink-${stamp}`, { "connector.class": "FileStreamSink", file: pipeline.output, topics: topic, "tasks.max": "1" });
  await waitFor(async () => (await taskOwner(worker, pipeline.source).catch(() => undefined)) !== undefined, 60_000, "the source task RUNNING");
  return pipeline;
}

async function create(worker: ClusterWorker, name: string, config: Record<string, string>): Promise<void> {
  await waitFor(async () => {
    const response = await fetch(`${worker.url}/connectors`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, config }) });
    if (response.status === 201 || response.status === 409) return true;
    throw new Error(`creating ${name}: ${response.status} ${await response.text()}`);
  }, 30_000, `connector ${name} to be created`);
}

/** The worker id that reports task 0 of `connector` RUNNING, as `worker` reads the status topic; undefined otherwise. */
async function taskOwner(worker: ClusterWorker, connector: string): Promise<string | undefined> {
  const response = await fetch(`${worker.url}/connectors/${connector}/status`);
  if (!response.ok) return undefined;
  const status = (await response.json()) as { tasks: Array<{ id: number; state: string; worker_id: string }> };
  const task = status.tasks.find((one) => one.id === 0);
  return task?.state === "RUNNING" ? task.worker_id : undefined;
}

/** Appends lines 0..lines-1 to `file` at `linesPerSecond` in 50 ms steps. */
function appendLines(file: string, options: TrialOptions): { written: () => number; done: Promise<void> } {
  const perStep = Math.max(1, Math.round((options.linesPerSecond ?? 50_000) / 20));
  let written = 0;
  const done = (async () => {
    while (written < options.lines) {
      const end = Math.min(options.lines, written + perStep);
      let chunk = "";
      for (let n = written; n < end; n++) chunk += `${line(n)}\n`;
      appendFileSync(file, chunk);
      written = end;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return { written: () => written, done };
}

function outputLines(file: string): number {
  if (!existsSync(file)) return 0;
  const text = readFileSync(file, "utf8");
  return text.length === 0 ? 0 : text.split("\n").length - 1;
}

/** Waits until every input line arrived (or `timeoutMs` passed), then counts and checks the output. */
async function settle(pipeline: Pipeline, options: TrialOptions, worker: ClusterWorker, timeoutMs = 180_000): Promise<TrialResult> {
  const distinctOf = () => new Set(existsSync(pipeline.output) ? readFileSync(pipeline.output, "utf8").split("\n").filter(Boolean) : []);
  await waitFor(() => distinctOf().size >= options.lines, timeoutMs, "every line to arrive").catch(() => undefined);
  const received = outputLines(pipeline.output);
  const distinct = distinctOf();
  const expected = Array.from({ length: options.lines }, (_, n) => line(n));
  const missing = expected.filter((one) => !distinct.has(one)).length;
  const hash = (lines: Iterable<string>) => createHash("sha256").update([...lines].sort().join("\n")).digest("hex");
  const rate = options.linesPerSecond ?? 50_000;
  const statuses = missing > 0 ? await fetch(`${worker.url}/connectors?expand=status`).then((response) => response.json()).catch((error: unknown) => String(error)) : undefined;
  return {
    ...(statuses === undefined ? {} : { statuses }),
    lines: options.lines,
    received,
    distinct: distinct.size,
    missing,
    duplicates: received - distinct.size,
    checksumMatches: hash(distinct) === hash(expected),
    duplicateBound: 2 * Math.ceil((rate * (options.commitIntervalMs ?? 1_000)) / 1_000),
  };
}
