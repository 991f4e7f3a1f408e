/**
 * How `npm run bench` prints and keeps its figures: one row per scenario with Tributary's figures
 * beside the previous run's and, with `--vs-akc`, beside Apache Kafka Connect's with the ratio;
 * each run saved as JSON under `.cache/bench/` (newest last by name).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ScaleFigures } from "./scale";
import type { Measurement } from "./scenarios";

/** One scenario's figures: Tributary's, and Kafka Connect's when it ran the same job. */
export interface ScenarioResult {
  scenario: string;
  tributary: Measurement;
  kafkaConnect?: Measurement;
}

/** Start-up and memory figures of one worker process. */
export interface ProcessFigures {
  label: string;
  readyMs: number;
  idleRssMb: number;
  /** The highest resident memory of the process and its children sampled over the run. */
  peakRssMb: number;
}

/** A saved run. */
export interface SavedRun {
  at: string;
  node: string;
  records: number;
  results: ScenarioResult[];
  processes: ProcessFigures[];
  /** The scale scenario's rows, when it ran. */
  scale?: ScaleFigures[];
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const ratio = (ours: number, theirs: number) => (theirs > 0 ? `${(ours / theirs).toFixed(2)}×` : "");
const change = (now: number, before: number | undefined) => {
  if (!before) return "";
  const percent = ((now - before) / before) * 100;
  return `${percent >= 0 ? "+" : ""}${percent.toFixed(1)}%`;
};

/** The newest saved run (in `dir`) with the same record count, if any. */
export function previousRun(dir: string, records: number): SavedRun | undefined {
  if (!existsSync(dir)) return undefined;
  const names = readdirSync(dir).filter((name) => name.endsWith(".json")).sort().reverse();
  for (const name of names) {
    const run = JSON.parse(readFileSync(path.join(dir, name), "utf8")) as Partial<SavedRun>;
    if (run.records === records && Array.isArray(run.processes)) return run as SavedRun;
  }
  return undefined;
}

/** The scenario table: with Kafka Connect's figures and the ratios when it ran, else with the change from `previous`. */
export function scenarioTable(results: ScenarioResult[], previous: SavedRun | undefined): string {
  const sideBySide = results.some((r) => r.kafkaConnect);
  const rows: string[] = [];
  if (sideBySide) {
    rows.push(`${"scenario".padEnd(24)}${pad("Tributary rec/s", 17)}${pad("Connect rec/s", 15)}${pad("ratio", 8)}${pad("CPU-s/1M T", 12)}${pad("C", 8)}${pad("peak RSS MB T", 15)}${pad("C", 7)}`);
    for (const { scenario, tributary: t, kafkaConnect: c } of results) {
      rows.push(
        `${scenario.padEnd(24)}${pad(t.recordsPerSecond, 17)}${pad(c?.recordsPerSecond ?? "–", 15)}${pad(c ? ratio(t.recordsPerSecond, c.recordsPerSecond) : "", 8)}` +
          `${pad(t.cpuSecondsPerMillion, 12)}${pad(c?.cpuSecondsPerMillion ?? "–", 8)}${pad(t.peakRssMb, 15)}${pad(c?.peakRssMb ?? "–", 7)}`,
      );
    }
    return rows.join("\n");
  }
  rows.push(`${"scenario".padEnd(24)}${pad("records/s", 11)}${pad("(prev)", 9)}${pad("CPU-s/1M", 10)}${pad("(prev)", 9)}${pad("peak RSS MB", 13)}${pad("seconds", 9)}`);
  for (const { scenario, tributary: t } of results) {
    const before = previous?.results.find((r) => r.scenario === scenario)?.tributary;
    rows.push(
      `${scenario.padEnd(24)}${pad(t.recordsPerSecond, 11)}${pad(change(t.recordsPerSecond, before?.recordsPerSecond), 9)}${pad(t.cpuSecondsPerMillion, 10)}` +
        `${pad(change(t.cpuSecondsPerMillion, before?.cpuSecondsPerMillion), 9)}${pad(t.peakRssMb, 13)}${pad(t.seconds, 9)}`,
    );
  }
  if (previous) rows.push(`(prev): the run of ${previous.at}`);
  return rows.join("\n");
}

/** The start-up and memory lines, with the headless worker's ratio to Kafka Connect's when it ran. */
export function processTable(processes: ProcessFigures[]): string {
  const ours = processes[0];
  const others = processes.filter((p) => p.label.startsWith("Kafka Connect"));
  const rows = [`${"process".padEnd(24)}${pad("REST ready ms", 15)}${pad("idle RSS MB", 13)}${pad("peak RSS MB", 13)}`];
  for (const p of processes) rows.push(`${p.label.padEnd(24)}${pad(p.readyMs, 15)}${pad(p.idleRssMb, 13)}${pad(p.peakRssMb, 13)}`);
  for (const other of others) {
    rows.push(`${`ratio to ${other.label}`.padEnd(24)}${pad(ratio(ours!.readyMs, other.readyMs), 15)}${pad(ratio(ours!.idleRssMb, other.idleRssMb), 13)}${pad(ratio(ours!.peakRssMb, other.peakRssMb), 13)}`);
  }
  return rows.join("\n");
}

/** Saves `run` under `dir` and returns the file's path. */
export function saveRun(dir: string, run: SavedRun): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${run.at.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(run, null, 2));
  return file;
}
