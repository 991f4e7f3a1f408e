/**
 * The embedded runtime is one instance per Next server process: instrumentation starts it, route
 * handlers (a separate module graph) reach that same instance, and a dev hot reload of routes,
 * server modules and instrumentation itself does not start a second one. Runs the real `next dev`
 * on a copy of the app, because the test edits source files to trigger reloads.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, freePort, kafkaBrokers } from "@/scripts/test/integration";
import type { Health } from "@/server/contracts/health";

const root = path.resolve(".");
let copy: string;
let server: ChildProcess;
let port: number;
let output = "";

async function health(): Promise<{ body: Health; headers: Headers }> {
  const response = await fetch(`http://127.0.0.1:${port}/api/console/health`);
  return { body: (await response.json()) as Health, headers: response.headers };
}

beforeAll(async () => {
  // Inside the repo, so Turbopack (rooted at the repo) and Node resolve node_modules from here.
  copy = mkdtempSync(path.join(root, ".cache", "singleton-"));
  for (const entry of ["app", "components", "server", "prisma", "instrumentation.ts", "postcss.config.mjs", "tsconfig.json", "package.json"]) {
    cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true, filter: (source) => !source.endsWith(".test.ts") });
  }
  const projectConfig = JSON.stringify(path.join(root, "next.config.js"));
  writeFileSync(path.join(copy, "next.config.js"), `import config from ${projectConfig};\nexport default { ...config, turbopack: { root: ${JSON.stringify(root)} } };\n`);
  port = await freePort();
  server = spawn(path.join(root, "node_modules", ".bin", "next"), ["dev", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: copy,
    env: { ...process.env, KAFKA_BROKERS: kafkaBrokers(), DATABASE_URL: `file:${path.join(copy, "data", "dev.db")}`, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "info", TRIBUTARY_DEMO: "off" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
});

afterAll(async () => {
  server?.kill("SIGTERM");
  await new Promise((resolve) => (server?.exitCode !== null ? resolve(null) : server.once("exit", resolve)));
  rmSync(copy, { recursive: true, force: true });
});

describe("the embedded runtime under next dev", () => {
  it("is the instance instrumentation started, and survives hot reloads without a second start", async () => {
    const first = await eventually(async () => {
      const { body } = await health();
      return body.status === "ok" ? body : undefined;
    }, 90_000, "next dev to answer health with Kafka connected");

    const started = [...output.matchAll(/"instance":"([0-9a-f-]{36})"[^\n]*"msg":"runtime started"/g)].map((m) => m[1]);
    expect(started).toEqual([first.runtime.instance]);

    appendFileSync(path.join(copy, "server", "runtime", "runtime-slot.ts"), "\n// edited by the reload test\n");
    appendFileSync(path.join(copy, "instrumentation.ts"), "\n// edited by the reload test\n");
    const route = path.join(copy, "app", "api", "console", "health", "route.ts");
    writeFileSync(
      route,
      readFileSync(route, "utf8").replace("return consoleHealthResponse();", 'const response = consoleHealthResponse();\n  response.headers.set("x-reloaded", "yes");\n  return response;'),
    );
    const after = await eventually(async () => {
      const { body, headers } = await health();
      return headers.get("x-reloaded") === "yes" ? body : undefined;
    }, 150_000, "the edited route to be served");

    expect(after.runtime.instance).toBe(first.runtime.instance);
    expect(after.runtime.startedAt).toBe(first.runtime.startedAt);
    expect(output.match(/"msg":"runtime started"/g)).toHaveLength(1);
  }, 300_000);
});
