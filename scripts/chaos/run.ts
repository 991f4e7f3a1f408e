/**
 * `npm run chaos [-- --runs 10 --lines 1000000 --rate 100000]`: the long chaos run of distributed
 * mode (the integration tests run a short one). Starts a broker of its own (instance "chaos"),
 * then `--runs` times kills the worker running the source task of a three-worker cluster
 * mid-stream, and once restarts the broker mid-stream; prints each trial and the failover
 * min/median/max. Exits 1 when a line was lost or duplicates went beyond one commit interval.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { brokerRestartTrial, killWorkerTrial, type TrialResult } from "./failover";
import { startBroker, stopBroker } from "../kafka/local-kafka";

const { values } = parseArgs({ options: { runs: { type: "string", default: "10" }, lines: { type: "string", default: "1000000" }, rate: { type: "string", default: "100000" } } });
const runs = Number(values.runs);
const lines = Number(values.lines);
const linesPerSecond = Number(values.rate);
for (const [name, value] of Object.entries({ runs, lines, rate: linesPerSecond })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
}

const log = (line: string) => console.log(`  ${line}`);
const failed: string[] = [];
const check = (what: string, result: TrialResult) => {
  console.log(`${what}: ${result.distinct}/${result.lines} distinct lines, ${result.missing} missing, ${result.duplicates} duplicates (bound ${result.duplicateBound}), checksum ${result.checksumMatches ? "matches" : "DIFFERS"}`);
  if (result.missing > 0 || !result.checksumMatches || result.duplicates > result.duplicateBound) failed.push(what);
};

const broker = await startBroker({ name: "chaos", port: "auto" });
const failovers: number[] = [];
try {
  for (let run = 1; run <= runs; run++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "chaos-"));
    try {
      const result = await killWorkerTrial({ brokers: broker.bootstrap, dir, lines, linesPerSecond, log });
      failovers.push(result.failoverMs);
      check(`kill -9 run ${run}/${runs}, failover ${(result.failoverMs / 1000).toFixed(1)} s`, result);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "chaos-broker-"));
  try {
    const restart = async () => {
      await stopBroker("chaos");
      await startBroker({ name: "chaos", port: broker.port, log: () => undefined });
    };
    check("broker restart", await brokerRestartTrial({ brokers: broker.bootstrap, dir, lines, linesPerSecond, restart, log }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  await stopBroker("chaos");
}

const sorted = [...failovers].sort((a, b) => a - b);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`\nfailover over ${sorted.length} kills: min ${seconds(sorted[0]!)}, median ${seconds(sorted[Math.floor(sorted.length / 2)]!)}, max ${seconds(sorted.at(-1)!)}`);
if (failed.length > 0) {
  console.log(`FAILED: ${failed.join("; ")}`);
  process.exit(1);
}
