/**
 * How `npm run bench` measures a scenario and compares a run with the one before it: wall time,
 * process CPU time and peak RSS around a piece of work, and the figures saved as JSON under
 * `.cache/bench/`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** One scenario's figures, as printed and saved. */
export interface Result {
  scenario: string;
  records: number;
  seconds: number;
  recordsPerSecond: number;
  megabytesPerSecond: number;
  cpuSecondsPerMillion: number;
  peakRssMb: number;
}

/** A saved run. */
export interface SavedRun {
  at: string;
  node: string;
  results: Result[];
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Runs `work`, sampling RSS every 50 ms, and returns its figures for `records` records of
 * `bytes()` bytes in total (asked after the work, so a scenario may measure what it wrote).
 */
export async function measure(scenario: string, records: number, work: () => Promise<void>, bytes: () => Promise<number> | number): Promise<Result> {
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
    records,
    seconds: round(seconds),
    recordsPerSecond: Math.round(records / seconds),
    megabytesPerSecond: round((await bytes()) / seconds / 1e6),
    cpuSecondsPerMillion: round(((used.user + used.system) / 1e6) * (1_000_000 / records)),
    peakRssMb: Math.round(peak / 1e6),
  };
}

/** The saved runs in `dir`, newest first (files are named by start time). */
export function previousRuns(dir: string): SavedRun[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .reverse()
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as SavedRun);
}

const change = (now: number, before: number) => {
  if (before === 0) return "";
  const percent = ((now - before) / before) * 100;
  return `${percent >= 0 ? "+" : ""}${percent.toFixed(1)}%`;
};

/**
 * The results as a table, with the change beside records/s and CPU from the newest earlier run
 * of the same scenario and record count, and which run that was.
 */
export function table(results: Result[], previous: SavedRun[]): string {
  const rows = ["scenario           records/s    (prev)      MB/s   CPU-s per 1M    (prev)   peak RSS MB   seconds"];
  const notes: string[] = [];
  for (const r of results) {
    const run = previous.find((p) => p.results.some((b) => b.scenario === r.scenario && b.records === r.records));
    const before = run?.results.find((b) => b.scenario === r.scenario && b.records === r.records);
    if (run && before) notes.push(`${r.scenario}: compared with ${run.at} (${before.recordsPerSecond} records/s, ${before.cpuSecondsPerMillion} CPU-s per 1M)`);
    rows.push(
      `${r.scenario.padEnd(17)} ${String(r.recordsPerSecond).padStart(10)} ${(before ? change(r.recordsPerSecond, before.recordsPerSecond) : "").padStart(9)} ${String(r.megabytesPerSecond).padStart(9)} ${String(r.cpuSecondsPerMillion).padStart(14)} ${(before ? change(r.cpuSecondsPerMillion, before.cpuSecondsPerMillion) : "").padStart(9)} ${String(r.peakRssMb).padStart(13)} ${String(r.seconds).padStart(9)}`,
    );
  }
  if (notes.length > 0) rows.push("", ...notes);
  return rows.join("\n");
}
