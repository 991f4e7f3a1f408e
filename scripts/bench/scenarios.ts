/**
 * The data paths `npm run bench` measures, each run through a worker's own Connect REST API: the
 * connector is created, the clock runs until its output is complete, then it is deleted. Every
 * runtime gets the same input file, the same topic contents and the same converters.
 */
import { createWriteStream, statSync } from "node:fs";
import { cpuSeconds, MemorySampler } from "./processes";
import type { BenchWorker } from "./workers";

/** What one worker did in one scenario. */
export interface Measurement {
  records: number;
  seconds: number;
  recordsPerSecond: number;
  cpuSecondsPerMillion: number;
  /** The highest resident memory sampled (every 100 ms) while the scenario ran, in MB. */
  peakRssMb: number;
}

/** Converter settings of a scenario, given to the connector so both runtimes use the same. */
export const CONVERTERS = {
  string: { "key.converter": "org.apache.kafka.connect.storage.StringConverter", "value.converter": "org.apache.kafka.connect.storage.StringConverter" },
  json: {
    "key.converter": "org.apache.kafka.connect.json.JsonConverter",
    "value.converter": "org.apache.kafka.connect.json.JsonConverter",
    "key.converter.schemas.enable": "true",
    "value.converter.schemas.enable": "true",
  },
} as const;

/** Writes `records` lines of exactly `lineBytes` bytes (then "\n"), each starting with its number. */
export async function writeLines(file: string, records: number, lineBytes: number): Promise<void> {
  const out = createWriteStream(file);
  const pad = "x".repeat(lineBytes);
  for (let i = 0; i < records; i++) {
    const prefix = `${i} `;
    if (!out.write(`${prefix}${pad.slice(prefix.length)}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

/** Resolves once `check` holds, polling every 20 ms; rejects after `timeoutMs`. */
export async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 900_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Whether `file` has reached `bytes` bytes. */
export function fileHolds(file: string, bytes: number): boolean {
  try {
    return statSync(file).size >= bytes;
  } catch {
    return false;
  }
}

async function rest(worker: BenchWorker, method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${worker.restUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${worker.label}: ${method} ${path} answered ${response.status} ${await response.text()}`);
}

/**
 * Creates connector `name` with `config` on `worker`, waits until `done()` holds, deletes it, and
 * returns the worker's figures for `records` records: wall time from the create request to done,
 * the worker process's CPU time over that span, and its peak resident memory.
 */
export async function measureConnector(
  worker: BenchWorker,
  name: string,
  config: Record<string, string>,
  records: number,
  done: () => Promise<boolean> | boolean,
): Promise<Measurement> {
  const memory = new MemorySampler(worker.pid);
  const cpu = cpuSeconds(worker.pid);
  const started = process.hrtime.bigint();
  try {
    await rest(worker, "PUT", `/connectors/${encodeURIComponent(name)}/config`, config);
    await until(done, `${worker.label} to finish ${name}`);
  } finally {
    memory.stop();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = cpuSeconds(worker.pid) - cpu;
  await rest(worker, "DELETE", `/connectors/${encodeURIComponent(name)}`);
  return {
    records,
    seconds: Math.round(seconds * 100) / 100,
    recordsPerSecond: Math.round(records / seconds),
    cpuSecondsPerMillion: Math.round(used * (1_000_000 / records) * 100) / 100,
    peakRssMb: memory.peak,
  };
}
