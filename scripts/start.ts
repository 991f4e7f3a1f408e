/**
 * `npm start` (and `npm run dev` with `--dev`): runs the product in one command.
 * - Kafka: uses `KAFKA_BROKERS` when set; otherwise starts (or reuses) the local `dev` broker,
 *   on 9092 when free, and stops it on exit if this command started it.
 * - Console + embedded workers: `next start` on `HOST`:`PORT` (127.0.0.1:3000, without a login; a
 *   `HOST` beyond loopback turns the console's login on, see README), building first when the
 *   build is missing or older than the sources; `next dev` with `--dev`.
 * Ctrl-C stops the app gracefully (the runtime flushes and records its stop), then the broker:
 * nothing is left running.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startBroker, stopBroker } from "./kafka/local-kafka";
import { isPortFree } from "./net/ports";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const next = path.join(root, "node_modules", ".bin", "next");

/** Newest modification time among the files a production build depends on. */
function newestSource(entry: string): number {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(full)) newest = Math.max(newest, newestSource(path.join(entry, child)));
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const sources = ["app", "components", "server", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "package.json", "tsconfig.json"];
  return Math.max(...sources.map(newestSource)) > statSync(buildId).mtimeMs;
}

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_MANUAL_SIG_HANDLE: "true", PORT: String(port) };
let brokerStartedHere = false;
if (!env.KAFKA_BROKERS) {
  const broker = await startBroker({ name: "dev", port: (await isPortFree(9092)) ? 9092 : "auto" });
  brokerStartedHere = !broker.reused;
  env.KAFKA_BROKERS = broker.bootstrap;
  console.log(`Kafka ${broker.version} ${broker.reused ? "already running" : "started"} on ${broker.bootstrap} (log: ${path.relative(root, broker.logFile)})`);
}

async function finish(code: number): Promise<never> {
  if (brokerStartedHere) {
    console.log("Stopping the local Kafka broker…");
    await stopBroker("dev");
  }
  process.exit(code);
}

if (!dev && buildIsStale()) {
  console.log("Building the console (first start, or sources changed)…");
  const build = spawnSync(next, ["build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) await finish(build.status ?? 1);
}

console.log(`Tributary console: http://localhost:${port}  (Kafka: ${env.KAFKA_BROKERS})`);
// Next runs as two processes (the CLI and its next-server child), so the app gets a process
// group of its own and every signal this process receives (Ctrl-C, or a TERM sent to this pid
// alone) is passed to that whole group; this process waits for it to exit, then stops the broker.
const app: ChildProcess = spawn(next, [dev ? "dev" : "start", "-H", host, "-p", String(port)], { cwd: root, env, stdio: "inherit", detached: true });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (app.exitCode === null && app.pid) process.kill(-app.pid, signal);
  });
}
app.on("exit", (code, signal) => void finish(code ?? (signal ? 0 : 1)));
