import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, freePort, kafkaBrokers, tempDir } from "@/scripts/test/integration";

const bin = path.resolve("bin", "tributary.mjs");
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function workerFile(lines: string[]): { file: string; dir: string } {
  const { dir, remove } = tempDir("standalone");
  cleanups.push(remove);
  const file = path.join(dir, "worker.properties");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return { file, dir };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));
}

describe("tributary (headless worker)", () => {
  it("prints its version", () => {
    const result = spawnSync(bin, ["--version"], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("runs as `npx tributary` from the project folder, as the README says", () => {
    const result = spawnSync("npx", ["tributary", "--version"], { encoding: "utf8", cwd: path.resolve(".") });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("standalone: serves Connect's root and health on its listener against the real broker, and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const { file, dir } = workerFile([
      `bootstrap.servers=${kafkaBrokers()}`,
      `listeners=http://127.0.0.1:${port}`,
      "key.converter=org.apache.kafka.connect.json.JsonConverter",
      "value.converter=org.apache.kafka.connect.json.JsonConverter",
      "offset.storage.file.filename=/tmp/connect.offsets",
    ]);
    const database = path.join(dir, "worker.db");
    const child = spawn(bin, ["standalone", file], { cwd: dir, env: { ...process.env, DATABASE_URL: `file:${database}` }, stdio: "ignore" });
    try {
      const health = await eventually(async () => {
        const response = await fetch(`http://127.0.0.1:${port}/health`);
        return response.status === 200 ? response.json() : undefined;
      }, 30_000, "the worker's /health");
      expect(health).toEqual({ status: "healthy", message: "Worker has completed startup and is ready to handle requests." });
      const root = await eventually(async () => {
        const body = (await (await fetch(`http://127.0.0.1:${port}/`)).json()) as { kafka_cluster_id: string | null };
        return body.kafka_cluster_id ? body : undefined;
      }, 30_000, "the cluster id");
      expect(root.kafka_cluster_id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      const notFound = await fetch(`http://127.0.0.1:${port}/no/such/path`);
      expect(notFound.status).toBe(404);
      expect(await notFound.json()).toEqual({ error_code: 404, message: "HTTP 404 Not Found" });
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited(child)).toBe(0);
    const db = new Database(database, { readonly: true });
    const rows = db.prepare('SELECT mode, restUrl, stoppedAt FROM "WorkerProcess"').all() as { mode: string; restUrl: string; stoppedAt: unknown }[];
    db.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ mode: "standalone", restUrl: expect.stringContaining(`:${port}`) });
    expect(rows[0]!.stoppedAt).not.toBeNull();
  });

  it("standalone: runs Kafka's own sample worker and FileStream connector files unchanged", async () => {
    const { dir } = workerFile([]);
    writeFileSync(path.join(dir, "connect-standalone.properties"), [
      "bootstrap.servers=localhost:9092",
      "key.converter=org.apache.kafka.connect.json.JsonConverter",
      "value.converter=org.apache.kafka.connect.json.JsonConverter",
      "key.converter.schemas.enable=true",
      "value.converter.schemas.enable=true",
      "offset.storage.file.filename=/tmp/connect.offsets",
      "offset.flush.interval.ms=10000",
      "plugin.path=/usr/local/share/java,/opt/connectors",
    ].join("\n"));
    writeFileSync(path.join(dir, "connect-file-source.properties"), "name=local-file-source\nconnector.class=FileStreamSource\ntasks.max=1\nfile=test.txt\ntopic=connect-test\n");
    writeFileSync(path.join(dir, "connect-file-sink.properties"), "name=local-file-sink\nconnector.class=FileStreamSink\ntasks.max=1\nfile=test.sink.txt\ntopics=connect-test\n");
    const lines = Array.from({ length: 50 }, (_, i) => `sample line ${i} ${Date.now()}`);
    writeFileSync(path.join(dir, "test.txt"), `${lines.join("\n")}\n`);
    const port = await freePort();
    const child = spawn(bin, ["standalone", "connect-standalone.properties", "connect-file-source.properties", "connect-file-sink.properties"], {
      cwd: dir,
      env: { ...process.env, KAFKA_BROKERS: kafkaBrokers(), CONNECT_LISTENERS: `http://127.0.0.1:${port}`, DATABASE_URL: `file:${path.join(dir, "worker.db")}` },
      stdio: "ignore",
    });
    try {
      const sink = path.join(dir, "test.sink.txt");
      await eventually(() => (existsSync(sink) && readFileSync(sink, "utf8").endsWith(`${lines.join("\n")}\n`) ? true : undefined), 60_000, "the sample lines in test.sink.txt");
      const status = (await (await fetch(`http://127.0.0.1:${port}/connectors?expand=status`)).json()) as Record<string, { status: { connector: { state: string } } }>;
      expect(Object.keys(status).sort()).toEqual(["local-file-sink", "local-file-source"]);
      expect(status["local-file-source"]!.status.connector.state).toBe("RUNNING");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited(child)).toBe(0);
  });

  it("standalone: runs a third-party connector plugin loaded from plugin.path", async () => {
    const port = await freePort();
    const topic = `heartbeats-${Date.now()}`;
    const { file, dir } = workerFile([
      `bootstrap.servers=${kafkaBrokers()}`,
      `listeners=http://127.0.0.1:${port}`,
      `plugin.path=${path.resolve("examples", "plugins")}`,
      "value.converter=org.apache.kafka.connect.storage.StringConverter",
    ]);
    writeFileSync(path.join(dir, "heartbeat.properties"), `name=heartbeat\nconnector.class=Heartbeat\ntopic=${topic}\ninterval.ms=20\n`);
    writeFileSync(path.join(dir, "sink.properties"), `name=heartbeat-file\nconnector.class=FileStreamSink\ntopics=${topic}\nfile=heartbeats.txt\n`);
    const child = spawn(bin, ["standalone", file, "heartbeat.properties", "sink.properties"], { cwd: dir, env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "worker.db")}` }, stdio: "ignore" });
    try {
      const output = path.join(dir, "heartbeats.txt");
      await eventually(() => (existsSync(output) && readFileSync(output, "utf8").split("\n").length > 5 ? true : undefined), 60_000, "heartbeats in the file");
      expect(readFileSync(output, "utf8").split("\n").slice(0, 5)).toEqual(["heartbeat 0", "heartbeat 1", "heartbeat 2", "heartbeat 3", "heartbeat 4"]);
      const plugins = (await (await fetch(`http://127.0.0.1:${port}/connector-plugins`)).json()) as Array<{ class: string }>;
      expect(plugins.map((p) => p.class)).toContain("com.example.tributary.HeartbeatSourceConnector");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited(child)).toBe(0);
  });

  it("standalone: a bad setting stops start-up with one line naming the key", () => {
    const { file } = workerFile(["bootstrap.servers=localhost:9092", "offset.flush.interval.ms=often"]);
    const result = spawnSync(bin, ["standalone", file], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([`tributary: Invalid worker configuration from ${file}: "offset.flush.interval.ms" must be an integer, got "often"`]);
  });

  it("refuses a missing worker file and unknown commands with usage", () => {
    expect(spawnSync(bin, ["standalone"], { encoding: "utf8" })).toMatchObject({ status: 2, stderr: expect.stringContaining("Usage:") });
    expect(spawnSync(bin, ["frobnicate"], { encoding: "utf8" })).toMatchObject({ status: 2, stderr: expect.stringContaining('unknown command "frobnicate"') });
  });
});
