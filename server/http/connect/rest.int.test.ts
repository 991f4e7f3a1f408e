/**
 * The Kafka Connect REST conformance suite against the headless worker's own listener, on the
 * real broker (the same suite runs against the app's /api/connect in e2e/connect-rest.spec.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { eventually, freePort, kafkaBrokers, tempDir } from "@/scripts/test/integration";
import { connect41ShapeChecks } from "@/server/http/connect/testing/connect-41-shapes";
import { restConformanceChecks, type ConformanceTarget } from "@/server/http/connect/testing/rest-conformance";

const folder = tempDir("rest");
let worker: ChildProcess;
let target: ConformanceTarget;

beforeAll(async () => {
  const port = await freePort();
  const file = path.join(folder.dir, "worker.properties");
  writeFileSync(file, `bootstrap.servers=${kafkaBrokers()}\nlisteners=http://127.0.0.1:${port}\noffset.flush.interval.ms=300\n`);
  worker = spawn(path.resolve("bin", "tributary.mjs"), ["standalone", file], { cwd: folder.dir, env: { ...process.env, DATABASE_URL: `file:${path.join(folder.dir, "worker.db")}` }, stdio: "ignore" });
  target = { baseUrl: `http://127.0.0.1:${port}`, scratchDir: folder.dir };
  await eventually(async () => ((await fetch(`${target.baseUrl}/health`).catch(() => null))?.status === 200 ? true : undefined), 30_000, "the worker");
});

afterAll(async () => {
  worker.kill("SIGTERM");
  await new Promise((resolve) => (worker.exitCode !== null ? resolve(null) : worker.once("exit", resolve)));
  folder.remove();
});

describe("Kafka Connect REST API on the headless worker's listener", () => {
  for (const check of [...restConformanceChecks, ...connect41ShapeChecks]) it(check.name, () => check.run(target));
});
