/**
 * `npm test`: every check, in order, against real parts, ending with one line
 * `N passed, N failed`. Lint, typecheck and the production build count as one check each; unit,
 * integration and e2e count their test cases. A real Kafka broker (the local `test` instance, or
 * `KAFKA_BROKERS` when set) serves the integration and e2e runs and is stopped afterwards if this
 * command started it. Exits 1 when anything failed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startBroker, stopBroker } from "./kafka/local-kafka";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const reports = path.join(root, ".cache", "test-reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

interface StepResult {
  name: string;
  passed: number;
  failed: number;
  seconds: number;
}
const results: StepResult[] = [];
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "0" };

type Counts = { passed: number; failed: number };

/** Runs one step; a step without `count` is one check. A runner that failed without reporting a failed test counts one. */
function run(name: string, command: string, args: string[], count?: () => Counts | undefined): boolean {
  console.log(`\n━━ ${name}: ${path.basename(command)} ${args.join(" ")}`);
  const started = Date.now();
  const ok = spawnSync(command, args, { cwd: root, env, stdio: "inherit" }).status === 0;
  let counts = count?.() ?? (ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
  if (!ok && counts.failed === 0) counts = { ...counts, failed: 1 };
  results.push({ name, ...counts, seconds: (Date.now() - started) / 1000 });
  return ok;
}

function vitestCounts(file: string): () => Counts | undefined {
  return () => {
    if (!existsSync(file)) return undefined;
    const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numTotalTests: number };
    return { passed: report.numPassedTests, failed: report.numFailedTests + (report.numTotalTests === 0 ? 1 : 0) };
  };
}
function playwrightCounts(file: string): () => Counts | undefined {
  return () => {
    if (!existsSync(file)) return undefined;
    const { stats } = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
    return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
  };
}

let brokerStartedHere = false;
try {
  if (!env.KAFKA_BROKERS) {
    const broker = await startBroker({ name: "test", port: "auto" });
    brokerStartedHere = !broker.reused;
    env.KAFKA_BROKERS = broker.bootstrap;
    console.log(`Kafka ${broker.version} for the tests on ${broker.bootstrap}`);
  }
  run("lint", bin("eslint"), ["."]);
  run("typecheck", bin("tsc"), ["--noEmit"]);
  for (const project of ["unit", "integration"]) {
    const file = path.join(reports, `${project}.json`);
    run(project, bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`], vitestCounts(file));
  }
  if (run("build", bin("next"), ["build"])) {
    const file = path.join(reports, "e2e.json");
    env.PLAYWRIGHT_JSON_OUTPUT_NAME = file;
    run("e2e", bin("playwright"), ["test", "--reporter=list,json"], playwrightCounts(file));
  }
} finally {
  if (brokerStartedHere) await stopBroker("test");
}

console.log("\n━━ summary");
for (const r of results) console.log(`${r.name.padEnd(12)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(4)} failed  ${r.seconds.toFixed(1)} s`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
